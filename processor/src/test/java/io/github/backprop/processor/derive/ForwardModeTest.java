package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward mode over the methods of the other gradient tests, each compiled again with {@code
 * forward = true}: at random points, along random directions, every {@code mJvp} agrees with the
 * reverse-mode gradient dotted with the direction and with central differences ({@link JvpCheck}).
 */
class ForwardModeTest {
  /** The methods of each test class whose source is read here. */
  private static String source(String test) {
    return switch (test) {
      case "StraightLine" -> StraightLineTest.SOURCE;
      case "Branches" -> BranchesTest.SOURCE;
      case "Loops" -> LoopsTest.SOURCE;
      case "Jumps" -> JumpsTest.SOURCE;
      case "Arrays" -> ArraysTest.SOURCE;
      case "Realistic" -> RealisticTest.SOURCE;
      case "Edges" -> EdgesTest.SOURCE;
      case "Remainder" -> RemainderTest.SOURCE;
      case "IntegerOps" -> IntegerOpsTest.SOURCE;
      case "AssignmentsInExpressions" -> AssignmentsInExpressionsTest.SOURCE;
      default -> throw new IllegalArgumentException(test);
    };
  }

  /** Every {@code @Differentiable} of the source with {@code forward = true} added. */
  static String forward(String source) {
    return source
        .replace("@Differentiable(", "@Differentiable(forward = true, ")
        .replaceAll("@Differentiable(?![(\\w])", "@Differentiable(forward = true)");
  }

  @ParameterizedTest
  @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @ValueSource(strings = {"StraightLine", "Branches", "Loops", "Jumps", "Arrays", "Realistic", "Edges", "Remainder", "IntegerOps", "AssignmentsInExpressions"})
  void tangentsAgreeWithReverseModeAndDifferences(String test) {
    Compiled c = Compiled.members(forward(source(test)));
    assertTrue(c.succeeded(), c.diagnostics());
    TreeMap<String, Integer> checked = new TreeMap<>();
    for (Method m : c.loadClass("p.CGrad").getDeclaredMethods()) {
      if (!m.getName().endsWith("Jvp")) {
        continue;
      }
      String name = m.getName().substring(0, m.getName().length() - 3);
      // A stream of its own per method: getDeclaredMethods' order is the JVM's, and a shared
      // stream made which points a method saw depend on it (mlp once ran at none).
      Random random = new Random((test + "." + name).hashCode());
      Method primal = primal(c, name, m.getParameterCount());
      int ran = 0;
      // Random shapes fit some methods only now and then: up to 40 points for 4 that run.
      for (int k = 0; k < 40 && ran < 4; k++) {
        Object[] point = randomPoint(primal, random);
        if (JvpCheck.check(c, "p.C", "p.CGrad", name, point, random, 3).ran()) {
          ran++;
        }
      }
      checked.put(name, ran);
    }
    assertTrue(checked.size() > 3, "methods with forward mode: " + checked);
    checked.forEach((name, ran) -> assertTrue(ran > 0, name + " ran at no random point: " + checked));
  }

  /**
   * Calls: a {@code @Differentiable} callee without forward mode (through its gradient record),
   * one taking arrays and rows, a {@code @DerivativeOf} rule, a helper read in place that writes
   * into an array argument, a float method, a parameter left out of wrt.
   */
  @Test
  void callsRulesHelpersFloatsAndWrt() {
    Compiled c =
        Compiled.compileAll(
            Map.of(
                "p.C",
                """
                package p;

                import io.github.backprop.Differentiable;

                class C {
                  @Differentiable static double dot(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                      s += a[i] * b[i];
                    }
                    return s;
                  }

                  @Differentiable static double square(double x) { return x * x; }

                  static void scaleInto(double[] a, double k) {
                    for (int i = 0; i < a.length; i++) {
                      a[i] *= k;
                    }
                  }

                  @Differentiable(forward = true) static double calls(double x, double[] v, double[][] m) {
                    double[] u = {x, square(x), 1};
                    double s = dot(u, v) * square(dot(m[0], v));
                    for (int i = 0; i < m.length; i++) {
                      s += Lib.powi(dot(m[i], m[i]) + x, i + 1);
                    }
                    return s;
                  }

                  @Differentiable(forward = true) static double helperWrites(double[] w, double k) {
                    scaleInto(w, k * k);
                    return w[0] * w[1] + Math.exp(w[2]);
                  }

                  @Differentiable(forward = true) static float floats(float x, float[] v) {
                    float s = x;
                    for (int i = 0; i < v.length; i++) {
                      s = s * v[i] + (float) Math.sin(s);
                    }
                    return s;
                  }

                  @Differentiable(forward = true, wrt = "x") static double data(double x, double[] d, double c) {
                    d[0] = x * c;
                    c = c * x;
                    return d[0] * d[1] + c;
                  }
                }
                """,
                "p.Lib",
                """
                package p;

                final class Lib {
                  private Lib() {}

                  static double powi(double x, int n) {
                    double r = 1;
                    for (int i = 0; i < n; i++) {
                      r = r * x;
                    }
                    return r;
                  }
                }
                """,
                "p.Rules",
                """
                package p;

                import io.github.backprop.DerivativeOf;

                final class Rules {
                  private Rules() {}

                  @DerivativeOf(type = Lib.class, method = "powi")
                  static PowiD powi(double x, int n) {
                    return new PowiD(Lib.powi(x, n), n == 0 ? 0 : n * Lib.powi(x, n - 1));
                  }

                  record PowiD(double value, double dx) {}
                }
                """));
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(7);
    for (int k = 0; k < 4; k++) {
      double x = 0.5 + random.nextDouble();
      double[] v = {random.nextDouble(), random.nextDouble() - 0.5, 0.7};
      double[][] m = {{0.3, random.nextDouble(), 0.2}, {random.nextDouble(), -0.4, 0.1}};
      assertTrue(JvpCheck.check(c, "p.C", "p.CGrad", "calls", new Object[] {x, v, m}, random, 3).ran());
      assertTrue(JvpCheck.check(c, "p.C", "p.CGrad", "helperWrites", new Object[] {v.clone(), x}, random, 3).ran());
      assertTrue(JvpCheck.check(c, "p.C", "p.CGrad", "data", new Object[] {x, v.clone(), 1.5}, random, 3).ran());
    }
    // Floats: the tangent against the reverse gradient, to float precision.
    float[] v = {0.5f, -0.25f, 1.5f};
    Object jvp = c.call("p.CGrad", "floatsJvp", 0.75f, v.clone(), 1f, new float[] {0, 0, 0});
    Object grad = c.call("p.CGrad", "floats", 0.75f, v.clone());
    float tangent = (Float) Compiled.components(jvp).get("tangent");
    assertEquals((Float) Compiled.components(grad).get("x"), tangent, 1e-5f);
    assertEquals((Float) c.call("p.C", "floats", 0.75f, v.clone()), (Float) Compiled.components(jvp).get("value"), 0f);
  }

  /** The primal of a Jvp: the method of that name with fewer parameters. */
  private static Method primal(Compiled c, String name, int jvpArity) {
    Method found = null;
    for (Method m : c.loadClass("p.C").getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() < jvpArity && m.getReturnType().isPrimitive()) {
        assertEquals(null, found, "overloads of " + name);
        found = m;
      }
    }
    return found;
  }

  /** Doubles in [1.1, 1.9] (above 1, where the loops of the tests end), arrays of 2 to 5 of them (2 to 4 square), small counts, coin flips. */
  static Object[] randomPoint(Method m, Random random) {
    List<Object> out = new ArrayList<>();
    for (Class<?> t : m.getParameterTypes()) {
      out.add(randomOf(t, random));
    }
    return out.toArray();
  }

  private static Object randomOf(Class<?> t, Random random) {
    if (t == double.class) {
      return 1.1 + 0.8 * random.nextDouble();
    }
    if (t == int.class) {
      return 1 + random.nextInt(3);
    }
    if (t == char.class) {
      return (char) ('a' + random.nextInt(3));
    }
    if (t == byte.class) {
      return (byte) (1 + random.nextInt(3));
    }
    if (t == short.class) {
      return (short) (1 + random.nextInt(3));
    }
    if (t == long.class) {
      return 1L + random.nextInt(4);
    }
    if (t == boolean.class) {
      return random.nextBoolean();
    }
    if (t == double[].class) {
      double[] a = new double[2 + random.nextInt(4)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (Double) randomOf(double.class, random);
      }
      return a;
    }
    if (t == double[][].class) {
      double[][] a = new double[2 + random.nextInt(3)][];
      int columns = 2 + random.nextInt(3);
      for (int i = 0; i < a.length; i++) {
        a[i] = new double[columns];
        for (int j = 0; j < columns; j++) {
          a[i][j] = (Double) randomOf(double.class, random);
        }
      }
      return a;
    }
    if (t == int[].class) {
      int[] a = new int[2 + random.nextInt(4)];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt(4);
      }
      return a;
    }
    throw new AssertionError("no random " + t);
  }
}
