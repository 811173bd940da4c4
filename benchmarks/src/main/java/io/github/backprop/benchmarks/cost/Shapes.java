package io.github.backprop.benchmarks.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes one Java source file of many {@code @Differentiable} methods of mixed shapes, for the
 * processor-cost benchmark. Only constructs backprop supports today: arithmetic, locals,
 * reassignment, compound assignment, int locals and {@code ++}, if / else if / else, {@code ?:},
 * Math functions, int and boolean parameters, and calls between the methods.
 */
public final class Shapes {
  /** The package of the written classes. */
  public static final String PACKAGE = "bench.cost";

  /** How many different method shapes there are; method k has shape k % SHAPES. */
  public static final int SHAPES = 10;

  private Shapes() {}

  /** The file's name relative to a source root. */
  public static String path() {
    return PACKAGE.replace('.', '/') + "/Shapes.java";
  }

  /** The names of the classes written for {@code methods} methods, {@code perClass} a class. */
  public static List<String> classNames(int methods, int perClass) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c * perClass < methods; c++) {
      names.add("C" + c);
    }
    return names;
  }

  /**
   * The source: package-private classes {@code C0, C1, ...} of {@code perClass} methods each,
   * {@code methods} in all, with constants from a generator seeded by {@code seed}.
   */
  public static String source(int methods, int perClass, long seed) {
    if (methods < 1 || perClass < 1) {
      throw new IllegalArgumentException("methods and perClass must be positive");
    }
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(PACKAGE).append(";\n\n");
    sb.append("import io.github.backprop.Differentiable;\n");
    int k = 0;
    for (String cls : classNames(methods, perClass)) {
      sb.append("\nfinal class ").append(cls).append(" {\n");
      sb.append("  private ").append(cls).append("() {}\n");
      List<String> callable = new ArrayList<>(); // earlier methods of (double, double)
      for (int i = 0; i < perClass && k < methods; i++, k++) {
        String name = "m" + k;
        boolean twoDoubles = method(sb, name, k % SHAPES, r, callable);
        if (twoDoubles) {
          callable.add(name);
        }
      }
      sb.append("}\n");
    }
    return sb.toString();
  }

  private static String c(SplittableRandom r) {
    return String.format(Locale.ROOT, "%.3f", 0.5 + 2.5 * r.nextDouble());
  }

  /** Appends one method; returns whether its parameters are (double x, double y). */
  private static boolean method(
      StringBuilder sb, String name, int shape, SplittableRandom r, List<String> callable) {
    String xy = "(double x, double y)";
    String head = "\n  @Differentiable\n  static double " + name;
    switch (shape) {
      case 0 -> sb.append(head).append(xy).append(" {\n")
          .append("    return ").append(c(r)).append(" * x * x - ").append(c(r))
          .append(" * x * y + y / ").append(c(r)).append(";\n");
      case 1 -> sb.append(head).append(xy).append(" {\n")
          .append("    double t = x * y;\n")
          .append("    t = t + Math.sin(x);\n")
          .append("    t = t * ").append(c(r)).append(" - y;\n")
          .append("    return t;\n");
      case 2 -> sb.append(head).append(xy).append(" {\n")
          .append("    double s = x;\n")
          .append("    s += y * y;\n")
          .append("    s -= Math.exp(-x * ").append(c(r)).append(");\n")
          .append("    s *= ").append(c(r)).append(";\n")
          .append("    s /= 1.0 + y * y;\n")
          .append("    return s;\n");
      case 3 -> sb.append(head).append(xy).append(" {\n")
          .append("    if (x > y) {\n")
          .append("      return Math.log(1.0 + x * x) * ").append(c(r)).append(";\n")
          .append("    } else if (x < 0) {\n")
          .append("      double u = x * y;\n")
          .append("      return u * u;\n")
          .append("    } else {\n")
          .append("      return Math.sqrt(1.0 + y * y);\n")
          .append("    }\n");
      case 4 -> sb.append(head).append(xy).append(" {\n")
          .append("    double a = x > 0 ? Math.pow(x, ").append(c(r)).append(") : -x * ")
          .append(c(r)).append(";\n")
          .append("    return a + Math.cos(y);\n");
      case 5 -> {
        if (callable.size() < 2) {
          return method(sb, name, 0, r, callable);
        }
        String f = callable.get(r.nextInt(callable.size()));
        String g = callable.get(r.nextInt(callable.size()));
        sb.append(head).append(xy).append(" {\n")
            .append("    double p = ").append(f).append("(x, y);\n")
            .append("    double q = ").append(g).append("(y, x * ").append(c(r)).append(");\n")
            .append("    return p * ").append(c(r)).append(" + q * q;\n");
      }
      case 6 -> {
        sb.append(head).append("(double x, double y, int n) {\n")
            .append("    int k = n;\n")
            .append("    k++;\n")
            .append("    double v = x;\n")
            .append("    if (k > 2) {\n")
            .append("      v = v * y + k;\n")
            .append("    } else {\n")
            .append("      v -= k * 0.5;\n")
            .append("    }\n")
            .append("    return v * ").append(c(r)).append(";\n  }\n");
        return false;
      }
      case 7 -> sb.append(head).append(xy).append(" {\n")
          .append("    double h = Math.hypot(x, y);\n")
          .append("    double e = Math.tanh(x - y);\n")
          .append("    return h * e + Math.atan2(y, x) * ").append(c(r)).append(";\n");
      case 8 -> sb.append(head).append(xy).append(" {\n")
          .append("    double a = x + ").append(c(r)).append(";\n")
          .append("    double b = a * y;\n")
          .append("    double c = Math.exp(b * 0.1);\n")
          .append("    double d = c / (1.0 + a * a);\n")
          .append("    double e = d - Math.sin(c);\n")
          .append("    return e * b + a;\n");
      case 9 -> {
        sb.append(head).append("(double x, double y, double z, boolean flag) {\n")
            .append("    double s = flag ? x * z : y * z;\n")
            .append("    s += Math.max(x, y) * ").append(c(r)).append(";\n")
            .append("    return s * s;\n  }\n");
        return false;
      }
      default -> throw new IllegalArgumentException("shape " + shape);
    }
    sb.append("  }\n");
    return true;
  }
}
