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
 * try/catch/finally as numerical code writes them: the reverse sweep reverses the path that ran,
 * the try block when it completed, else the catch that resumed; exceptions leave as the source's.
 */
class TriesTest {
  static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;

      class C {
        static final Log LOG = new Log();

        static double risky(double x) {
          if (x > 2) {
            throw new ArithmeticException("too big: " + x);
          }
          return x * x * x;
        }

        static double fallback(double x) { return Math.sin(x) * x; }

        @Differentiable static double wraps(double x, double y) {
          try {
            double a = risky(x) * y;
            return a + Math.exp(y);
          } catch (ArithmeticException e) {
            LOG.debug("failed", e);
            throw new IllegalStateException("wrapped", e);
          }
        }

        @Differentiable static double returnsNaN(double x) {
          try {
            return Math.log(risky(x)) + x;
          } catch (ArithmeticException e) {
            return Double.NaN;
          }
        }

        @Differentiable static double assigns(double x, double y) {
          double r = x * y;
          try {
            r = r * risky(x);
            r = r + risky(y);
          } catch (ArithmeticException e) {
            r = fallback(x) * y;
          }
          return r * r + x;
        }

        @Differentiable static double restores(double x, double y) {
          double r = x * x;
          double q = r * y;
          try {
            r = r * risky(x);
            r = risky(r) + q;
          } catch (ArithmeticException e) {
            r = 1.5;
          }
          return q * r;
        }

        @Differentiable static double message(double x) {
          double r;
          try {
            r = risky(x);
          } catch (ArithmeticException e) {
            LOG.debug("fallback: " + e.getMessage());
            r = x;
          }
          return r;
        }

        @Differentiable static double logOrZero(double x) {
          double y;
          try {
            y = Math.log(x);
          } catch (RuntimeException e) {
            y = 0;
          }
          return y;
        }

        @Differentiable static double parsed(double x, String s) {
          int n;
          try {
            n = Integer.parseInt(s);
          } catch (NumberFormatException e) {
            n = 2;
          }
          double r = x;
          for (int i = 0; i < n; i++) {
            r = r * x;
          }
          return r;
        }

        static double guarded(double x) {
          try {
            return risky(x) + 1;
          } catch (ArithmeticException e) {
            return Math.cos(x);
          }
        }

        @Differentiable static double callee(double x, double y) {
          if (y > 2) {
            throw new ArithmeticException("y = " + y);
          }
          return x * y * y;
        }

        @Differentiable static double nested(double x, double y) {
          double r = x;
          try {
            double h = guarded(x * y);
            try {
              r = callee(h, y) + r;
            } catch (ArithmeticException e) {
              r = h * 3;
            }
            r = r * risky(y);
          } catch (ArithmeticException e) {
            r = Math.sin(y);
          }
          return r * x;
        }

        @Differentiable static double skips(double[] w, double x) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            double t;
            try {
              t = risky(w[i] * x);
            } catch (ArithmeticException e) {
              continue;
            }
            if (t < -5) {
              break;
            }
            s = s * 0.5 + t;
          }
          return s;
        }

        @Differentiable static double stops(double[] w, double x) {
          double s = 1;
          int i = 0;
          while (i < w.length) {
            try {
              s = s * x + risky(w[i]);
              if (s > 3) {
                break;
              }
              i++;
            } catch (ArithmeticException e) {
              s = 0.5;
              i += 2;
              if (i > 4) {
                break;
              }
            }
          }
          return s * x;
        }

        @Differentiable static double loops(double[] w, double x) {
          double s = 0;
          for (int k = 0; k < w.length; k++) {
            double t = w[k];
            try {
              for (int i = 0; i < 3; i++) {
                t = t * x + risky(t);
              }
            } catch (ArithmeticException e) {
              t = w[k] * 0.5;
            }
            s = s + t * w[k];
          }
          return s;
        }

        @Differentiable static double carried(double[] w, double x) {
          double s = 0.5;
          for (int k = 0; k < w.length; k++) {
            double t = w[k];
            try {
              for (int i = 0; i < 3; i++) {
                t = t * x + risky(t);
              }
            } catch (ArithmeticException e) {
              t = w[k] * s;
            }
            s = Math.sin(s) * t + w[k];
          }
          return s;
        }

        @Differentiable static double withFinally(double x) {
          double r;
          try {
            r = risky(x) * 2;
          } catch (IllegalStateException | ArithmeticException e) {
            r = x;
          } finally {
            LOG.debug("done");
          }
          return r * x;
        }

        @Differentiable static double multi(double x) {
          double r = 0;
          try {
            r = risky(x);
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e);
          } catch (ArithmeticException e) {
            return x * 10;
          } finally {
            LOG.debug("done");
          }
          return r;
        }
      }
      """;

  static final String LOG =
      """
      package p;

      public final class Log {
        public int messages;

        public void debug(String message) {
          messages++;
        }

        public void debug(String message, Throwable t) {
          messages++;
        }
      }
      """;

  static final Compiled C = Compiled.compileAll(Map.of("p.C", SOURCE, "p.Log", LOG));

  /** The same methods, each also with forward mode and second order. */
  static final Compiled HIGHER =
      Compiled.compileAll(Map.of("p.C", SOURCE.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"), "p.Log", LOG));

  static final double[] XS = {-1.5, 0.3, 1.2, 1.9, 2.4, 3.1};

  @Test
  void catchThatOnlyThrowsDifferentiatesTheTryBlock() {
    for (double x : XS) {
      if (x <= 2) {
        GradCheck.check(C, "wraps", x, 0.7);
      }
    }
    assertThrowsLike("wraps", IllegalStateException.class, "wrapped", 2.5, 0.7);
  }

  @Test
  void catchThatReturnsOrAssignsTakesItsOwnPath() {
    for (double x : XS) {
      if (x > 0 && x <= 2) {
        GradCheck.check(C, "returnsNaN", x);
      }
      for (double y : new double[] {-0.4, 1.3, 2.6}) {
        GradCheck.check(C, "assigns", x, y);
      }
      GradCheck.check(C, "withFinally", x);
      GradCheck.check(C, "message", x);
      for (double y : new double[] {0.5, 1.5, 2.5}) {
        GradCheck.check(C, "nested", x, y);
      }
      GradCheck.check(C, "parsed", x, "3");
      GradCheck.check(C, "parsed", x, "three");
      if (x > 0) {
        GradCheck.check(C, "logOrZero", x);
      }
      GradCheck.check(C, "multi", x);
    }
    Map<String, Object> nan = Compiled.components(C.call("p.CGrad", "returnsNaN", 2.5));
    assertTrue(Double.isNaN((double) nan.get("value")));
    assertEquals(0.0, (double) nan.get("x"));
    // On the catch's path: r = fallback(x) * y, so d/dy (r * r + x) = 2 r fallback(x).
    double x = 2.5;
    double y = 0.5;
    double f = Math.sin(x) * x;
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "assigns", x, y));
    assertEquals(2 * f * y * f, (double) g.get("y"), 1e-12);
  }

  @Test
  void everyMethodHasItsGradient() {
    for (String m : new String[] {"skips", "stops", "nested", "wraps", "returnsNaN", "assigns", "restores", "message", "logOrZero", "parsed", "loops",
        "carried", "withFinally", "multi"}) {
      assertTrue(C.source("p.CGrad").contains(" " + m + "("), m);
      assertTrue(HIGHER.source("p.CGrad").contains(" " + m + "Hessian("), m);
    }
  }

  @Test
  void theCatchSeesTheValuesOfBeforeTheTry() {
    // x = 1.3: the first statement ran and changed r, the second threw; x = 0.8: none threw.
    for (double x : new double[] {0.8, 1.3, 2.2}) {
      GradCheck.check(C, "restores", x, 0.6);
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "restores", x, 0.6));
      if (x > 1.2) {
        // q * 1.5 with q = x^2 y: d/dx = 3 x y
        assertEquals(3 * x * 0.6, (double) g.get("x"), 1e-12);
      }
    }
  }

  @Test
  void aTryInsideALoopReversesWhatRanBeforeTheException() {
    // risky(t) throws once t > 2: rows throw at different iterations of the inner loop, or never.
    double[][] ws = {{0.5, 1.0, 1.3}, {0.2, 2.5, 1.1, 0.9}, {1.9, 0.1}};
    for (double[] w : ws) {
      for (double x : new double[] {0.4, 0.9, 1.1}) {
        GradCheck.check(C, "loops", w, x);
        GradCheck.check(C, "carried", w, x);
        GradCheck.check(C, "skips", w, x);
        GradCheck.check(C, "stops", w, x);
      }
    }
  }

  @Test
  void finallyRunsAsOftenAsInThePrimal() throws Exception {
    java.lang.reflect.Field field = C.loadClass("p.C").getDeclaredField("LOG");
    field.setAccessible(true);
    Object log = field.get(null);
    java.lang.reflect.Field messages = log.getClass().getField("messages");
    for (double x : new double[] {1.0, 2.5}) {
      int before = messages.getInt(log);
      C.call("p.C", "multi", x);
      C.call("p.C", "withFinally", x);
      int primal = messages.getInt(log) - before;
      C.call("p.CGrad", "multi", x);
      C.call("p.CGrad", "withFinally", x);
      assertEquals(2, primal);
      assertEquals(primal, messages.getInt(log) - before - primal);
    }
  }

  @Test
  void forwardModeAndSecondOrder() {
    java.util.Random random = new java.util.Random(11);
    for (double x : XS) {
      for (String m : new String[] {"withFinally", "multi", "returnsNaN"}) {
        io.github.backprop.processor.testing.JvpCheck.check(HIGHER, "p.C", "p.CGrad", m, new Object[] {x}, random, 3);
        hessianMatchesGradientDifferences(m, x);
      }
      io.github.backprop.processor.testing.JvpCheck.check(HIGHER, "p.C", "p.CGrad", "assigns", new Object[] {x, 0.8}, random, 3);
      io.github.backprop.processor.testing.JvpCheck.check(
          HIGHER, "p.C", "p.CGrad", "loops", new Object[] {new double[] {0.5, 2.5, 1.3}, x / 3 + 0.5}, random, 3);
    }
  }

  private static void hessianMatchesGradientDifferences(String m, double x) {
    double value;
    try {
      value = (double) HIGHER.call("p.C", m, x);
    } catch (RuntimeException e) {
      return;
    }
    if (!Double.isFinite(value) || Math.abs(x - 2) < 1e-3) {
      return;
    }
    double[][] h = (double[][]) Compiled.components(HIGHER.call("p.CGrad", m + "Hessian", x)).get("hessian");
    double eps = 1e-5;
    double plus = (double) Compiled.components(HIGHER.call("p.CGrad", m, x + eps)).get("x");
    double minus = (double) Compiled.components(HIGHER.call("p.CGrad", m, x - eps)).get("x");
    double fd = (plus - minus) / (2 * eps);
    assertEquals(fd, h[0][0], 1e-5 * Math.max(1, Math.abs(fd)), m + " at " + x);
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
