package io.github.backprop.processor.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flattened vectors of mHvp, mHessian and rJacobian, whose positions are constants while only
 * scalars came before and a counter after an array: scalars and arrays interleaved, against closed
 * forms in parameter order.
 */
class FlattenedOrderTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(hessian = true)
          static double mixed(double a, double[] u, double b, double[] v) {
            return a * b + a * u[0] * u[1] + b * v[0] * v[0] + u[1] * v[1];
          }

          @Differentiable(forward = true)
          static double[] fewOutputs(double a, double[] u, double b, double[] v) {
            return new double[] {a * u[0] + b * v[1], u[1] * v[0] * a};
          }

          @Differentiable(forward = true)
          static double[] manyOutputs(double a, double[] u, double b) {
            return new double[] {a, u[0], u[1], b, a * b, u[0] * u[1], a * u[1], b * b};
          }

          @Differentiable(forward = true)
          static double[] named(double s, double[] System) {
            return new double[] {s * System[0], System[1], s};
          }
          """);

  /** Flattened order: a, u0, u1, b, v0, v1. */
  private static double[][] mixedHessian(double a, double[] u, double b, double[] v) {
    double[][] h = new double[6][6];
    set(h, 0, 3, 1);
    set(h, 0, 1, u[1]);
    set(h, 0, 2, u[0]);
    set(h, 1, 2, a);
    set(h, 3, 4, 2 * v[0]);
    set(h, 4, 4, 2 * b);
    set(h, 2, 5, 1);
    return h;
  }

  private static void set(double[][] h, int i, int j, double x) {
    h[i][j] = x;
    h[j][i] = x;
  }

  @Test
  void hessianAndHvpOfScalarsBetweenArrays() {
    assertTrue(C.succeeded(), C.diagnostics());
    double a = 0.7;
    double b = -1.3;
    double[] u = {1.1, -0.4};
    double[] v = {0.9, 2.0};
    double[] gradient = {b + u[0] * u[1], a * u[1], a * u[0] + v[1], a + v[0] * v[0], 2 * b * v[0], u[1]};
    double[][] expected = mixedHessian(a, u, b, v);
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "mixedHessian", a, u, b, v));
    double[][] hessian = (double[][]) h.get("hessian");
    for (int i = 0; i < 6; i++) {
      assertArrayEquals(expected[i], hessian[i], 1e-12, "row " + i);
    }
    assertArrayEquals(gradient, (double[]) h.get("gradient"), 1e-12);
    double[] dir = {0.5, -1.0, 2.0, 0.25, 3.0, -0.75};
    Map<String, Object> p = Compiled.components(C.call(
        "p.CGrad", "mixedHvp", a, u, b, v, dir[0], new double[] {dir[1], dir[2]}, dir[3], new double[] {dir[4], dir[5]}));
    double[] hv = new double[6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        hv[i] += expected[i][j] * dir[j];
      }
    }
    assertArrayEquals(hv, (double[]) p.get("hvp"), 1e-12);
    assertArrayEquals(gradient, (double[]) p.get("gradient"), 1e-12);
  }

  @Test
  void jacobianByRowsWithScalarsBetweenArrays() {
    assertTrue(C.succeeded(), C.diagnostics());
    double a = 1.5;
    double b = -0.5;
    double[] u = {2.0, 3.0};
    double[] v = {-1.0, 4.0};
    double[][] jacobian = (double[][]) Compiled.components(C.call("p.CGrad", "fewOutputsJacobian", a, u, b, v)).get("jacobian");
    // Flattened order: a, u0, u1, b, v0, v1.
    assertArrayEquals(new double[] {u[0], a, 0, v[1], 0, b}, jacobian[0], 1e-12);
    assertArrayEquals(new double[] {u[1] * v[0], 0, v[0] * a, 0, u[1] * a, 0}, jacobian[1], 1e-12);
  }

  @Test
  void jacobianByColumnsWithAScalarAfterAnArray() {
    assertTrue(C.succeeded(), C.diagnostics());
    double a = 1.5;
    double b = -0.5;
    double[] u = {2.0, 3.0};
    double[][] jacobian = (double[][]) Compiled.components(C.call("p.CGrad", "manyOutputsJacobian", a, u, b)).get("jacobian");
    // Flattened order: a, u0, u1, b.
    double[][] expected = {
      {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1},
      {b, 0, 0, a}, {0, u[1], u[0], 0}, {u[1], 0, a, 0}, {0, 0, 0, 2 * b},
    };
    assertEquals(expected.length, jacobian.length);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], jacobian[i], 1e-12, "row " + i);
    }
  }

  @Test
  void aParameterNamedSystemKeepsTheJacobianCompiling() {
    assertTrue(C.succeeded(), C.diagnostics());
    double s = 2.5;
    double[] x = {-1.5, 0.75};
    double[][] jacobian = (double[][]) Compiled.components(C.call("p.CGrad", "namedJacobian", s, x)).get("jacobian");
    // Flattened order: s, System0, System1.
    assertArrayEquals(new double[] {x[0], s, 0}, jacobian[0], 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, jacobian[1], 1e-12);
    assertArrayEquals(new double[] {1, 0, 0}, jacobian[2], 1e-12);
  }
}
