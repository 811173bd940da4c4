package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Switch expressions that give records (arrow and colon forms, blocks with yield, helpers that
 * return records), and switch expressions whose cases run a helper's statements: those run only
 * where their case is taken. Gradients against central differences at several points, forward
 * mode against the reverse gradient, second order against differences of the gradient.
 */
class SwitchRecordsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.S",
              """
              package p;

              import io.github.backprop.Differentiable;

              class S {
                record Point(double x, double y) {}

                static Point twice(Point p) {
                  return new Point(2 * p.x(), 2 * p.y());
                }

                static double checked(double x) {
                  if (x < 0) {
                    throw new IllegalArgumentException("negative");
                  }
                  return Math.sqrt(x);
                }

                @Differentiable(forward = true, hessian = true)
                static double f(double x, double y, int k) {
                  Point p = switch (k) {
                    case 0 -> new Point(x, 1);
                    case 1 -> {
                      double t = x * y;
                      yield new Point(t, x);
                    }
                    default -> new Point(y, 2);
                  };
                  Point q = switch (k) {
                    case 0 -> twice(p);
                    default -> p;
                  };
                  var r = switch (k) {
                    case 2:
                      yield q;
                    default:
                      Point s = new Point(x, q.y() * y);
                      yield s;
                  };
                  return p.x() * p.y() + q.x() * r.y() + Math.sin(r.x());
                }

                @Differentiable(forward = true)
                static double guarded(double x, int k) {
                  double y = switch (k) {
                    case 0 -> checked(x);
                    default -> -x;
                  };
                  return y * 2;
                }
              }
              """));

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  private static double f(double x, double y, int k) {
    return (Double) C.call("p.S", "f", x, y, k);
  }

  private static double difference(double x, double y, int k, int along) {
    double h = 1e-3 * Math.max(1, Math.abs(along == 0 ? x : y));
    double[] d = new double[2];
    for (int r = 0; r < 2; r++) {
      double step = r == 0 ? h : h / 2;
      d[r] = along == 0
          ? (f(x + step, y, k) - f(x - step, y, k)) / (2 * step)
          : (f(x, y + step, k) - f(x, y - step, k)) / (2 * step);
    }
    return (4 * d[1] - d[0]) / 3;
  }

  @Test
  void gradientAgainstDifferencesInEveryCase() {
    double[][] points = {{0.7, -1.3}, {2.1, 0.4}, {-0.5, 1.9}};
    for (int k = 0; k < 3; k++) {
      for (double[] z : points) {
        Map<String, Object> g = Compiled.components(C.call("p.SGrad", "f", z[0], z[1], k));
        assertEquals(f(z[0], z[1], k), (Double) g.get("value"), 0.0);
        double fx = difference(z[0], z[1], k, 0);
        double fy = difference(z[0], z[1], k, 1);
        assertEquals(fx, (Double) g.get("x"), 1e-6 * Math.max(1, Math.abs(fx)), "d/dx, case " + k);
        assertEquals(fy, (Double) g.get("y"), 1e-6 * Math.max(1, Math.abs(fy)), "d/dy, case " + k);
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderAgreeWithTheGradient() {
    Random random = new Random(23);
    for (int k = 0; k < 3; k++) {
      double x = random.nextGaussian();
      double y = random.nextGaussian();
      double u = random.nextGaussian();
      double v = random.nextGaussian();
      Map<String, Object> g = Compiled.components(C.call("p.SGrad", "f", x, y, k));
      Map<String, Object> jvp = Compiled.components(C.call("p.SGrad", "fJvp", x, y, k, u, v));
      double expected = (Double) g.get("x") * u + (Double) g.get("y") * v;
      assertEquals(expected, (Double) jvp.get("tangent"), 1e-12 * Math.max(1, Math.abs(expected)), "case " + k);
      double[][] hessian = (double[][]) Compiled.components(C.call("p.SGrad", "fHessian", x, y, k)).get("hessian");
      double h = 1e-4;
      for (int j = 0; j < 2; j++) {
        Map<String, Object> plus = Compiled.components(C.call("p.SGrad", "f", x + (j == 0 ? h : 0), y + (j == 1 ? h : 0), k));
        Map<String, Object> minus = Compiled.components(C.call("p.SGrad", "f", x - (j == 0 ? h : 0), y - (j == 1 ? h : 0), k));
        double[] column = {
          ((Double) plus.get("x") - (Double) minus.get("x")) / (2 * h),
          ((Double) plus.get("y") - (Double) minus.get("y")) / (2 * h),
        };
        for (int i = 0; i < 2; i++) {
          assertEquals(column[i], hessian[i][j], 1e-6 * Math.max(1, Math.abs(column[i])), "H[" + i + "][" + j + "], case " + k);
        }
      }
    }
  }

  /** A case's helper runs only where the case is taken: its check cannot throw, nor its NaN reach the gradient, elsewhere. */
  @Test
  void caseStatementsRunOnlyWhereTheCaseIsTaken() {
    Map<String, Object> g = Compiled.components(C.call("p.SGrad", "guarded", -1.0, 1));
    assertEquals(2.0, (Double) g.get("value"), 0.0);
    assertEquals(-2.0, (Double) g.get("x"), 0.0);
    Map<String, Object> t = Compiled.components(C.call("p.SGrad", "guardedJvp", -1.0, 1, 1.0));
    assertEquals(-2.0, (Double) t.get("tangent"), 0.0);
    Map<String, Object> taken = Compiled.components(C.call("p.SGrad", "guarded", 4.0, 0));
    assertEquals(2 * 0.5 / 2, (Double) taken.get("x"), 1e-15);
    AssertionError thrown = assertThrows(AssertionError.class, () -> C.call("p.SGrad", "guarded", -1.0, 0));
    assertTrue(String.valueOf(thrown.getCause().getCause()).contains("negative"), String.valueOf(thrown.getCause()));
  }
}
