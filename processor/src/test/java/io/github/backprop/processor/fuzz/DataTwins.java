package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.T;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The twins of the opt-in data features ({@link Feature#ENUM_DATA}, {@link Feature#GENERIC_DATA},
 * {@link Feature#INSTANCE_METHODS}, {@link Feature#ABSTRACT_TYPES}, {@link Feature#RECORD_PARAMS}):
 * a generated method's body behind a prefix that takes its first parameters through the construct
 * and gives them back unchanged, bit for bit (a product by 1.0, or by a power of two and its
 * inverse). The checker holds each twin's gradient against the method's own, its {@code Jvp}
 * against that gradient · a direction, and the twin is {@code hessian = true} where the method is,
 * so every mode's code for the construct is compiled under {@code -Werror}.
 *
 * <p>The twins are printed only when their feature is asked for, and never change the random draws:
 * the CI slice's programs stay as they are. Names the twins add ({@code ev}, {@code es}, {@code ws},
 * {@code rs}, ...) are two letters or more and hold no digit, which the generator never writes.
 */
final class DataTwins {
  private DataTwins() {}

  enum Shape {
    /** {@code mEnum(En_u ev, <m's parameters>)}: enum fields, a method, {@code values()}, a local. */
    ENUM,
    /** {@code mList(List<Double> ws, List<double[]> rows, Map<String, Double> mp, <m's parameters>)}. */
    GENERIC,
    /** {@code Inst_u.mInst(<m's other parameters>)}: the first parameters are fields. */
    INSTANCE,
    /** {@code mArr(RA_u[] rs, <m's other parameters>)}: the first parameters a record's components. */
    RECORD_ARRAY
  }

  /** The twin a unit gets under features {@code f}, chosen by its key among those that fit; or null. */
  static Shape of(Batch.Unit u, Set<Feature> f) {
    Method m = u.method();
    if (!m.differentiable() || !m.owner().equals("C") || m.params().isEmpty()) {
      return null;
    }
    T first = m.params().get(0).type();
    List<Shape> fit = new ArrayList<>();
    if (f.contains(Feature.ENUM_DATA) && first == T.DOUBLE) {
      fit.add(Shape.ENUM);
    }
    if (f.contains(Feature.GENERIC_DATA) && first == T.DOUBLE) {
      fit.add(Shape.GENERIC);
    }
    if ((f.contains(Feature.INSTANCE_METHODS) || f.contains(Feature.ABSTRACT_TYPES)) && fields(m) > 0) {
      fit.add(Shape.INSTANCE);
    }
    if (f.contains(Feature.RECORD_PARAMS) && components(m) > 0 && m.params().get(0).type() != T.INT) {
      fit.add(Shape.RECORD_ARRAY);
    }
    return fit.isEmpty() ? null : fit.get(Math.floorMod(u.key().hashCode() >>> 4, fit.size()));
  }

  /** The suffix of a twin's own types: the unit's key, as the object twin's class has it. */
  static String suffix(Batch.Unit u) {
    return u.method().name() + "_" + Integer.toHexString(u.key().hashCode());
  }

  /** How many leading parameters the instance twin's fields hold: up to three doubles or double[]s. */
  static int fields(Method m) {
    int k = 0;
    while (k < Math.min(3, m.params().size())) {
      T t = m.params().get(k).type();
      if (t != T.DOUBLE && t != T.DOUBLE_ARR) {
        break;
      }
      k++;
    }
    return k;
  }

  /** How many leading parameters the record array's record holds: up to three doubles, double[]s or ints. */
  static int components(Method m) {
    int k = 0;
    while (k < Math.min(3, m.params().size())) {
      T t = m.params().get(k).type();
      if (t != T.DOUBLE && t != T.DOUBLE_ARR && t != T.INT) {
        break;
      }
      k++;
    }
    return k;
  }

  /** Prints the twin of {@code u} (of shape {@link #of}) after the method. */
  static void print(Batch.Unit u, Shape s, boolean abstractTypes, StringBuilder b, String indent) {
    Method m = u.method();
    String x = suffix(u);
    String annotation = "@Differentiable(" + (s == Shape.RECORD_ARRAY ? wrt(m) : "")
        + (Printer.secondOrder(m) ? "forward = true, hessian = true)\n" : "forward = true)\n");
    String in = indent + "  ";
    StringBuilder body = new StringBuilder();
    Printer.stmts(m.body(), body, in);
    switch (s) {
      case ENUM -> {
        String en = "En_" + x;
        b.append(indent).append("enum ").append(en).append(" {\n")
            .append(in).append("ONE(1.0),\n").append(in).append("TWO(2.0),\n").append(in).append("HALF(0.5);\n\n")
            .append(in).append("final double w;\n\n")
            .append(in).append(en).append("(double w) {\n").append(in).append("  this.w = w;\n").append(in).append("}\n\n")
            .append(in).append("double weight() {\n").append(in).append("  return w;\n").append(in).append("}\n")
            .append(indent).append("}\n\n");
        b.append(indent).append(annotation);
        Printer.suppressions(m, b, indent);
        b.append(indent).append("static double ").append(m.name()).append("Enum(").append(en).append(" ev");
        params(m, 0, b, true);
        String a = m.params().get(0).name();
        b.append(in).append("double es = 0;\n")
            .append(in).append("for (").append(en).append(" ee : ").append(en).append(".values()) {\n")
            .append(in).append("  es += ee.w;\n").append(in).append("}\n")
            .append(in).append(en).append(" eo = ev == ").append(en).append(".TWO ? ").append(en).append(".HALF : ev;\n")
            .append(in).append(a).append(" = ").append(a).append(" * eo.weight() / eo.w * (es / 3.5);\n");
      }
      case GENERIC -> {
        b.append(indent).append(annotation);
        Printer.suppressions(m, b, indent);
        b.append(indent).append("static double ").append(m.name())
            .append("List(java.util.List<Double> ws, java.util.List<double[]> rows, java.util.Map<String, Double> mp");
        params(m, 0, b, true);
        String a = m.params().get(0).name();
        // ws = [0.5, 1.5], rows = [{0.25, 7}, {0.125, 3, 5, 1}], mp = {k: 2.0}: gs = 2 + 1 - 1 + 2 = 4
        b.append(in).append("double gs = 0;\n")
            .append(in).append("for (double gw : ws) {\n").append(in).append("  gs += gw;\n").append(in).append("}\n")
            .append(in).append("for (double[] gr : rows) {\n").append(in).append("  gs += gr[0] * gr.length;\n").append(in).append("}\n")
            .append(in).append("for (int gi = 0; gi < ws.size(); gi++) {\n").append(in).append("  gs -= ws.get(gi) * 0.5;\n").append(in).append("}\n")
            .append(in).append("gs += mp.get(\"k\") + mp.getOrDefault(\"none\", 0.0);\n")
            .append(in).append(a).append(" = ").append(a).append(" * (gs / 4.0);\n");
      }
      case INSTANCE -> instance(m, x, abstractTypes, annotation, body, b, indent);
      case RECORD_ARRAY -> {
        String ra = "RA_" + x;
        int k = components(m);
        b.append(indent).append("record ").append(ra).append('(');
        for (int i = 0; i < k; i++) {
          Param p = m.params().get(i);
          b.append(i == 0 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
        }
        b.append(") {}\n\n");
        b.append(indent).append(annotation);
        Printer.suppressions(m, b, indent);
        b.append(indent).append("static double ").append(m.name()).append("Arr(").append(ra).append("[] rs");
        params(m, k, b, true);
        b.append(in).append(ra).append(" rq = rs[rs.length - 1];\n");
        for (int i = 0; i < k; i++) {
          Param p = m.params().get(i);
          if (i == 0 && p.type() == T.DOUBLE) {
            // the one element's component, through a loop over the array (0 + a is a)
            b.append(in).append("double ").append(p.name()).append(" = 0;\n")
                .append(in).append("for (").append(ra).append(" re : rs) {\n")
                .append(in).append("  ").append(p.name()).append(" += re.").append(p.name()).append("();\n")
                .append(in).append("}\n");
          } else {
            boolean copy = p.type() == T.DOUBLE_ARR && Printer.mayWrite(body, p.name());
            b.append(in).append(p.type().java).append(' ').append(p.name()).append(" = ")
                .append(i % 2 == 0 ? "rq." : "rs[0].").append(p.name()).append(copy ? "().clone();\n" : "();\n");
          }
        }
      }
    }
    if (s != Shape.INSTANCE) {
      b.append(body);
      b.append(indent).append("}\n");
    }
  }

  /**
   * {@code Inst_u}: m's first parameters as fields, an int field read as data, and with {@code
   * abstractTypes} an abstract base and an interface whose methods (one abstract, implemented
   * here, called through the base's concrete method and the interface's default one) take the
   * field's value through.
   */
  private static void instance(Method m, String x, boolean abstractTypes, String annotation, StringBuilder body, StringBuilder b, String indent) {
    String in = indent + "  ";
    String cls = "Inst_" + x;
    if (abstractTypes) {
      b.append(indent).append("abstract static class Base_").append(x).append(" {\n")
          .append(in).append("abstract double unit(double v);\n\n")
          .append(in).append("double pass(double v) {\n").append(in).append("  return unit(v) * 0.5;\n").append(in).append("}\n")
          .append(indent).append("}\n\n");
      b.append(indent).append("interface Sh_").append(x).append(" {\n")
          .append(in).append("double shift(double v);\n\n")
          .append(in).append("default double keep(double v) {\n").append(in).append("  return shift(v) * 1.0;\n").append(in).append("}\n")
          .append(indent).append("}\n\n");
      b.append(indent).append("static final class ").append(cls).append(" extends Base_").append(x).append(" implements Sh_").append(x).append(" {\n");
    } else {
      b.append(indent).append("static final class ").append(cls).append(" {\n");
    }
    int k = fields(m);
    for (int i = 0; i < k; i++) {
      Param p = m.params().get(i);
      b.append(in).append(p.type().java).append(' ').append(p.name()).append(";\n");
    }
    b.append(in).append("int tag = 3;\n\n");
    if (abstractTypes) {
      b.append(in).append("@Override\n").append(in).append("double unit(double v) {\n").append(in).append("  return v * 2.0;\n").append(in).append("}\n\n");
      b.append(in).append("@Override\n").append(in).append("public double shift(double v) {\n").append(in).append("  return v * 1.0;\n").append(in).append("}\n\n");
    }
    String inner = in + "  ";
    b.append(in).append(annotation);
    Printer.suppressions(m, b, in);
    b.append(in).append("double ").append(m.name()).append("Inst(");
    params(m, k, b, false);
    int doubles = 0;
    for (int i = 0; i < k; i++) {
      Param p = m.params().get(i);
      b.append(inner).append(p.type().java).append(' ').append(p.name()).append(" = ");
      if (p.type() == T.DOUBLE) {
        String read = "this." + p.name();
        if (abstractTypes) {
          read = (doubles % 2 == 0 ? "pass(" : "keep(") + read + ")";
        }
        b.append(read).append(doubles++ == 0 ? " * (tag / 3);\n" : ";\n");
      } else {
        // A field's array stays as it is: an array the body may write is copied first.
        b.append("this.").append(p.name()).append(Printer.mayWrite(body, p.name()) ? ".clone();\n" : ";\n");
      }
    }
    // The body one level deeper than the method's own.
    b.append(body.toString().replaceAll("(?m)^(?=.)", "  "));
    b.append(in).append("}\n");
    b.append(indent).append("}\n");
  }

  /** {@code wrt = {"rs", <m's differentiable parameters after the record's>}, }. */
  private static String wrt(Method m) {
    StringBuilder w = new StringBuilder("wrt = {\"rs\"");
    for (int i = components(m); i < m.params().size(); i++) {
      T t = m.params().get(i).type();
      if (t == T.DOUBLE || t == T.DOUBLE_ARR || t == T.DOUBLE_ARR2) {
        w.append(", \"").append(m.params().get(i).name()).append('"');
      }
    }
    return w.append("}, ").toString();
  }

  /** m's parameters from {@code from} on, closing the parameter list and opening the body. */
  private static void params(Method m, int from, StringBuilder b, boolean after) {
    for (int i = from; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      b.append(after || i > from ? ", " : "").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {\n");
  }
}
