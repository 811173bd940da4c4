package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls that carry no derivative run as written in the forward sweep: predicates, checks, logs,
 * messages; a throw ends its path and the forward sweep throws as the source does.
 */
class InactiveCallsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.Objects;

              class C {
                static final Log LOG = new Log();

                static boolean positive(double v) { return v > 0; }

                static void check(double v, String what) {
                  if (Double.isNaN(v)) {
                    throw new IllegalArgumentException(what + " is NaN");
                  }
                }

                static int count(double[] a) {
                  int n = 0;
                  for (double v : a) {
                    n += v > 0 ? 1 : 0;
                  }
                  return n;
                }

                @Differentiable static double predicates(double x, double y) {
                  if (Double.isNaN(x) || Double.isInfinite(y) || !Double.isFinite(x + y)) {
                    return 0;
                  }
                  int c = Double.compare(x, y);
                  double s = c < 0 ? x * y : x + y;
                  if (positive(x * y)) {
                    s = s * Math.abs(c - 2);
                  }
                  return s * Math.abs(-3);
                }

                @Differentiable static double checks(double x, double[] w) {
                  check(x, "x");
                  Objects.requireNonNull(w, "w");
                  Objects.requireNonNull(w);
                  LOG.debug("x = " + x + ", w[0] = " + w[0] + " " + (x + 1) + " " + count(w));
                  LOG.debug("n = {}", w.length);
                  LOG.debug(Objects.toString(null, "none"));
                  double s = 0;
                  for (int i = 0; i < w.length; i++) {
                    check(w[i], "w[" + i + "]");
                    s += w[i] * x;
                  }
                  return s * count(w);
                }

                @Differentiable static double throwing(double x) {
                  if (x <= 0) {
                    throw new IllegalArgumentException("x must be positive: " + x);
                  }
                  double y = Math.log(x);
                  if (y > 10) {
                    throw new ArithmeticException();
                  }
                  return y * y;
                }

                @Differentiable static double endsInThrow(double x, int n) {
                  if (n == 1) {
                    return x * x;
                  } else if (n == 2) {
                    return x * x * x;
                  }
                  throw new IllegalStateException("unknown n " + n);
                }

                @Differentiable static double loopThrows(double[] w) {
                  double s = 0;
                  for (int i = 0; i < w.length; i++) {
                    if (w[i] < 0) {
                      throw new IllegalArgumentException("negative at " + i + ": " + w[i]);
                    }
                    s += Math.sqrt(w[i]) * s + w[i];
                  }
                  return s;
                }

                @Differentiable static double asserts(double x) {
                  assert x > 0;
                  assert x < 100 : "too big: " + x;
                  return x * x;
                }
              }
              """,
              "p.Log",
              """
              package p;

              public final class Log {
                public int messages;

                public void debug(String message) {
                  messages++;
                }

                public void debug(String format, Object... args) {
                  messages++;
                }
              }
              """));

  @Test
  void predicatesCarryNoDerivative() {
    for (double x : new double[] {-1.5, 0.3, 2.0}) {
      for (double y : new double[] {-0.7, 1.1, 3.0}) {
        GradCheck.check(C, "predicates", x, y);
      }
    }
  }

  @Test
  void checksAndLogsRunAsWritten() {
    for (double x : new double[] {-1.5, 0.3, 2.0}) {
      GradCheck.check(C, "checks", x, new double[] {0.5, -1.0, 2.0});
    }
  }

  @Test
  void theGradientLogsAsTheSourceDoes() throws Exception {
    java.lang.reflect.Field field = C.loadClass("p.C").getDeclaredField("LOG");
    field.setAccessible(true);
    Object log = field.get(null);
    java.lang.reflect.Field messages = log.getClass().getField("messages");
    int before = messages.getInt(log);
    C.call("p.C", "checks", 0.5, new double[] {1, 2});
    int primal = messages.getInt(log) - before;
    C.call("p.CGrad", "checks", 0.5, new double[] {1, 2});
    assertEquals(3, primal);
    assertEquals(primal, messages.getInt(log) - before - primal);
  }

  @Test
  void throwEndsItsPath() {
    for (double x : new double[] {0.3, 1.5, 7.0}) {
      GradCheck.check(C, "throwing", x);
      GradCheck.check(C, "endsInThrow", x, 1);
      GradCheck.check(C, "endsInThrow", x, 2);
      GradCheck.check(C, "asserts", x);
    }
    GradCheck.check(C, "loopThrows", (Object) new double[] {0.5, 1.0, 2.0});
    assertThrowsLike("throwing", IllegalArgumentException.class, "x must be positive: -1.0", -1.0);
    assertThrowsLike("endsInThrow", IllegalStateException.class, "unknown n 3", 2.0, 3);
    assertThrowsLike("loopThrows", IllegalArgumentException.class, "negative at 1: -1.0", (Object) new double[] {1, -1});
  }

  private static void assertThrowsLike(String name, Class<?> type, String message, Object... args) {
    for (String cls : new String[] {"p.C", "p.CGrad"}) {
      Throwable t = assertThrows(Throwable.class, () -> C.call(cls, name, args));
      while ((t instanceof InvocationTargetException || t.getCause() != null) && t.getCause() != null && !type.isInstance(t)) {
        t = t.getCause();
      }
      assertTrue(type.isInstance(t), cls + ": " + t);
      assertEquals(message, t.getMessage(), cls);
    }
  }
}
