package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** GradientCheck.hessianVector: passes a true H d, names the direction and component of a wrong one. */
class HessianVectorCheckTest {
  /** f(x) = x₀² x₁ + sin(x₂) + exp(x₃ / 10) x₀. */
  private static final Function<double[], double[]> GRAD =
      x -> new double[] {
        2 * x[0] * x[1] + Math.exp(x[3] / 10),
        x[0] * x[0],
        Math.cos(x[2]),
        Math.exp(x[3] / 10) * x[0] / 10
      };

  /** Its Hessian at x. */
  private static double[][] hessian(double[] x) {
    double e = Math.exp(x[3] / 10);
    return new double[][] {
      {2 * x[1], 2 * x[0], 0, e / 10},
      {2 * x[0], 0, 0, 0},
      {0, 0, -Math.sin(x[2]), 0},
      {e / 10, 0, 0, e * x[0] / 100}
    };
  }

  private static final BiFunction<double[], double[], double[]> HVP = (x, d) -> times(hessian(x), d);

  private static final double[] POINT = {1.5, -0.25, 0.3, 12};

  @Test
  void aTrueHessianVectorProductPasses() {
    GradientCheck.Result r = GradientCheck.hessianVector(GRAD, HVP).at(POINT).alongAxes().check();
    assertEquals(8 + 4, r.probes().size());
    r.assertWithin(1e-8);
    GradientCheck.Probe p = r.probes().get(9); // axis 1: H e₁ scaled, its largest differing component
    assertTrue(p.label().startsWith("axis 1, component "), p.label());
  }

  @Test
  void aWrongEntryFailsAndTheMessageNamesTheColumnAndComponent() {
    // H[2][2] with the wrong sign: cos'' taken as +sin.
    BiFunction<double[], double[], double[]> wrong = (x, d) -> {
      double[] hd = HVP.apply(x, d);
      hd[2] += 2 * Math.sin(x[2]) * d[2];
      return hd;
    };
    GradientCheck.Result r = GradientCheck.hessianVector(GRAD, wrong).at(POINT).directions(0).alongAxes().check();
    assertEquals("axis 2, component 2", r.worst().label());
    assertEquals(Math.sin(0.3), r.worst().tested(), 1e-12);
    assertEquals(-Math.sin(0.3), r.worst().reference(), 1e-8);
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1e-6));
    String m = e.getMessage();
    assertTrue(m.startsWith("Hessian-vector product check failed at x = [1.5, -0.25, 0.3, 12.0]"), m);
    assertTrue(m.contains("hvp(x, d) = "), m);
    assertTrue(m.contains("central differences of the gradient along d = "), m);
    assertTrue(m.contains("1 of 4 fail: axis 2, component 2"), m);
    // The other columns are right.
    for (GradientCheck.Probe q : r.probes()) {
      if (!q.label().startsWith("axis 2")) {
        assertTrue(q.error() < 1e-8, q.label() + ": " + q.error());
      }
    }
  }

  @Test
  void aSmallErrorInRandomDirectionsIsCaught() {
    // Every entry 0.1% too large: caught along random directions too.
    GradientCheck.Result r = GradientCheck.hessianVector(GRAD, (x, d) -> {
      double[] hd = HVP.apply(x, d);
      for (int i = 0; i < hd.length; i++) {
        hd[i] *= 1.001;
      }
      return hd;
    }).at(POINT).seed(3).check();
    assertTrue(r.worstError() > 5e-4 && r.worstError() < 2e-3, r.toString());
    assertTrue(r.worst().label().startsWith("random direction "), r.worst().label());
  }

  @Test
  void aNonFiniteProductFailsAndAWrongLengthIsRejected() {
    GradientCheck.Result r = GradientCheck.hessianVector(GRAD, (x, d) -> new double[] {0, Double.NaN, 0, 0})
        .at(POINT).directions(1).check();
    assertEquals(Double.POSITIVE_INFINITY, r.worstError());
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1));
    assertTrue(e.getMessage().contains("a value is NaN or infinite"), e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.hessianVector(GRAD, (x, d) -> new double[3]).at(POINT).directions(1).check());
    assertTrue(bad.getMessage().startsWith("the hvp function returned 3 values for a point of 4"), bad.getMessage());
    assertThrows(NullPointerException.class, () -> GradientCheck.hessianVector(GRAD, null));
  }

  private static double[] times(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < v.length; j++) {
        out[i] += a[i][j] * v[j];
      }
    }
    return out;
  }
}
