package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Static counts and flags ({@code evaluations++}, {@code converged = true}) written by a
 * differentiable method or a helper it calls: the generated code writes them as the method does,
 * once per run, and the gradient is the method's.
 */
class CounterWritesTest {
  private static final String COUNTERS = """
      static int evaluations;
      static long work;
      static boolean sawNegative;

      static double objective(double x) {
        evaluations++;
        return x * x;
      }
      """;

  private static long field(Compiled c, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = c.loadClass("p.C").getDeclaredField(name);
    f.setAccessible(true);
    Object v = f.get(null);
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
  }

  private static void set(Compiled c, String name, Object value) throws ReflectiveOperationException {
    java.lang.reflect.Field f = c.loadClass("p.C").getDeclaredField(name);
    f.setAccessible(true);
    f.set(null, value);
  }

  @Test
  void countsAsThePrimalCountsInEveryMode() throws ReflectiveOperationException {
    Compiled c = Compiled.members(COUNTERS + """
        @Differentiable(forward = true)
        static double f(double x, double[] w) {
          evaluations++;
          C.work += w.length;
          double s = objective(x);
          for (double v : w) {
            if (v < 0) {
              sawNegative = true;
            }
            s += v * Math.sin(x);
            work <<= 1;
          }
          return s;
        }
        """);
    GradCheck.check(c, "f", 0.7, new double[] {1.5, -2, 0.25});
    GradCheck.check(c, "f", -1.3, new double[] {0.5});
    for (String cls : new String[] {"p.C", "p.CGrad"}) {
      set(c, "evaluations", 0);
      set(c, "work", 1L);
      set(c, "sawNegative", false);
      c.call(cls, "f", 0.7, new double[] {1.5, -2, 0.25});
      assertEquals(2, field(c, "evaluations"), cls);
      assertEquals((1 + 3) << 3, field(c, "work"), cls);
      assertEquals(1, field(c, "sawNegative"), cls);
    }
    set(c, "evaluations", 0);
    c.call("p.CGrad", "fJvp", 0.7, new double[] {1.5}, 1.0, new double[] {0.0});
    assertEquals(2, field(c, "evaluations"));
  }
}
