package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The Rosenbrock function's full Hessian, generated ({@code hessian = true}: one Hessian-vector
 * product per column, reverse mode over forward mode) against Hipparchus {@link
 * DerivativeStructure} of order 2. Not in run.sh's table; run by name.
 */
public final class SecondOrder {
  private SecondOrder() {}

  @Differentiable(hessian = true, forward = true)
  public static double rosen(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = 1 - x[i];
      double b = x[i + 1] - x[i] * x[i];
      s += a * a + 100 * b * b;
    }
    return s;
  }

  /** The Hessian by Hipparchus: every variable a DerivativeStructure of order 2 in n parameters. */
  public static double[][] hipparchus(double[] x0) {
    int n = x0.length;
    DSFactory factory = new DSFactory(n, 2);
    DerivativeStructure[] x = new DerivativeStructure[n];
    for (int i = 0; i < n; i++) {
      x[i] = factory.variable(i, x0[i]);
    }
    DerivativeStructure s = factory.constant(0);
    for (int i = 0; i + 1 < n; i++) {
      DerivativeStructure a = x[i].negate().add(1);
      DerivativeStructure b = x[i + 1].subtract(x[i].square());
      s = s.add(a.square()).add(b.square().multiply(100));
    }
    double[][] h = new double[n][n];
    int[] orders = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        orders[i]++;
        orders[j]++;
        h[i][j] = s.getPartialDerivative(orders);
        orders[i]--;
        orders[j]--;
      }
    }
    return h;
  }
}
