package io.github.backprop.processor.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * rJacobian runs the forward sweep once and the reverse sweep per row where the reverse sweep can
 * run again alone ({@code ForwardOnce}): every row must be the rVjp with that unit cotangent, bit
 * for bit, and agree with central differences; where the reverse sweep pops a tape, each row runs
 * rVjp whole, as before.
 */
class ForwardOnceTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable
          static double[] broyden(double[] x) {
            int n = x.length;
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
              double left = i > 0 ? x[i - 1] : 0;
              double right = i + 1 < n ? x[i + 1] : 0;
              f[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
            }
            return f;
          }

          @Differentiable
          static double[] scaled(double[] x, double s) {
            double[] f = new double[x.length];
            for (int i = 0; i < x.length; i++) {
              f[i] = s * Math.sin(x[i]) + (i > 0 ? x[i - 1] * x[i] : 0);
            }
            return f;
          }

          /** f[i] += keeps the adjoint of f[i]; the last element is never written. */
          @Differentiable
          static double[] partial(double[] x) {
            double[] f = new double[x.length];
            for (int i = 0; i < x.length - 1; i++) {
              f[i] += x[i] * x[i + 1];
            }
            return f;
          }

          @Differentiable
          static double[] running(double[] x) {
            double[] f = new double[x.length];
            double acc = 1;
            for (int i = 0; i < x.length; i++) {
              acc = acc * Math.sin(x[i]) + x[i];
              f[i] = acc;
            }
            return f;
          }
          """);

  @Test
  void aReverseSweepThatChangesNothingOfTheForwardRunsAloneForEachRow() {
    assertTrue(C.succeeded(), C.diagnostics());
    assertFalse(jacobianBody("broyden").contains("broydenVjp("), jacobianBody("broyden"));
    assertFalse(jacobianBody("scaled").contains("scaledVjp("), jacobianBody("scaled"));
    SplittableRandom r = new SplittableRandom(2026120701L);
    for (int n : new int[] {1, 2, 5, 9}) {
      double[] x = uniform(r, n);
      assertRowsAreVjps("broyden", new Object[] {x}, n);
      assertRowsAreVjps("scaled", new Object[] {x, 0.7}, n);
      assertCentral("broyden", x, null);
      assertCentral("scaled", x, 0.7);
    }
  }

  @Test
  void theRowsSeedOneAdjointArrayOfTheValueWithTheUnitVectorAndNoCotangent() {
    for (String name : new String[] {"broyden", "scaled", "partial"}) {
      String body = jacobianBody(name);
      assertTrue(body.contains("Adjoint.unit(_d_f, _i);"), body);
      assertFalse(body.contains("cotangent"), body);
      assertEquals(1, body.split("new double\\[f.length\\]", -1).length - 1, body);
    }
    SplittableRandom r = new SplittableRandom(2026120703L);
    for (int n : new int[] {1, 2, 5, 9}) {
      // the reverse sweep leaves the adjoint of f nonzero: each row must start from zeros again
      double[] x = uniform(r, n);
      assertRowsAreVjps("partial", new Object[] {x}, n);
      assertCentral("partial", x, null);
    }
  }

  @Test
  void aReverseSweepThatPopsATapeRunsTheWholeVjpPerRow() {
    assertTrue(jacobianBody("running").contains("runningVjp("), jacobianBody("running"));
    double[] x = uniform(new SplittableRandom(2026120702L), 6);
    assertRowsAreVjps("running", new Object[] {x}, 6);
    assertCentral("running", x, null);
  }

  /** FuzzTest's slice, batch 8 program 8, shrunk: the second row saw the parameter as the reverse sweep left it. */
  @Test
  void aReassignedParameterGaveRowsThatDisagreedWithRvjp() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true)
            static double[] shifted(double u) {
              double t0;
              {
                u += 0.5;
                t0 = u + 0;
              }
              { double vec__ = t0; return new double[] {vec__, vec__ * vec__}; }
            }
            """);
    for (double u : new double[] {-0.09509534794453112, 0.7, 2}) {
      double[][] rows = (double[][]) Compiled.components(c.call("p.CGrad", "shiftedJacobian", u)).get("jacobian");
      assertEquals(1.0, rows[0][0], 0.0);
      assertEquals(2 * (u + 0.5), rows[1][0], 1e-15);
    }
  }

  private static String jacobianBody(String name) {
    String s = C.source("p.CGrad");
    int at = s.indexOf(" " + name + "Jacobian(");
    return s.substring(at, s.indexOf("\n    }\n", at));
  }

  /** Row i of the Jacobian is rVjp's product with the unit cotangent e_i, to the bit. */
  private static void assertRowsAreVjps(String name, Object[] args, int n) {
    Map<String, Object> jac = Compiled.components(C.call("p.CGrad", name + "Jacobian", args));
    double[][] rows = (double[][]) jac.get("jacobian");
    assertArrayEquals((double[]) C.call("p.C", name, args), (double[]) jac.get("value"));
    for (int i = 0; i < n; i++) {
      double[] u = new double[n];
      u[i] = 1;
      Object[] with = java.util.Arrays.copyOf(args, args.length + 1);
      with[args.length] = u;
      Map<String, Object> vjp = Compiled.components(C.call("p.CGrad", name + "Vjp", with));
      double[] expected = (double[]) vjp.get("x");
      for (int k = 0; k < n; k++) {
        assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(rows[i][k]), name + " row " + i);
      }
      if (vjp.containsKey("s")) {
        assertEquals(Double.doubleToRawLongBits((Double) vjp.get("s")), Double.doubleToRawLongBits(rows[i][n]));
      }
    }
  }

  /** Each column against central differences of the method, step 1e-6. */
  private static void assertCentral(String name, double[] x, Double s) {
    int n = x.length;
    Object[] args = s == null ? new Object[] {x.clone()} : new Object[] {x.clone(), s};
    double[][] rows = (double[][]) Compiled.components(C.call("p.CGrad", name + "Jacobian", args)).get("jacobian");
    for (int k = 0; k < n + (s == null ? 0 : 1); k++) {
      double[] plus = eval(name, x, s, k, 1e-6);
      double[] minus = eval(name, x, s, k, -1e-6);
      for (int i = 0; i < n; i++) {
        assertEquals((plus[i] - minus[i]) / 2e-6, rows[i][k], 1e-6 * (1 + Math.abs(rows[i][k])), name + " [" + i + "][" + k + "]");
      }
    }
  }

  private static double[] eval(String name, double[] x, Double s, int k, double h) {
    double[] y = x.clone();
    double t = s == null ? 0 : s;
    if (k < x.length) {
      y[k] += h;
    } else {
      t += h;
    }
    return (double[]) (s == null ? C.call("p.C", name, y) : C.call("p.C", name, y, t));
  }

  private static double[] uniform(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }
}
