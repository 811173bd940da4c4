package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Every mode on the same functions, for {@link ModesBenchmark}: Rosenbrock ({@link
 * SecondOrder#rosen}) and a transcendental chain, each with its gradient, forward mode, Hessian-vector
 * product and Hessian, and the central differences each replaces.
 */
public final class Modes {
  private Modes() {}

  /** Σ log(1 + e^{xᵢ xᵢ₊₁}) + sin(xᵢ) e^{−xᵢ₊₁²}: exp, log1p and sin in every term, coupled pairwise. */
  @Differentiable(forward = true, hessian = true)
  public static double softSine(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      s += Math.log1p(Math.exp(x[i] * x[i + 1])) + Math.sin(x[i]) * Math.exp(-x[i + 1] * x[i + 1]);
    }
    return s;
  }

  /** The slope of f at x along v by one central difference: 2 runs of f. */
  public static double centralJvp(ToDoubleFunction<double[]> f, double[] x, double[] v) {
    double h = 6e-6;
    return (f.applyAsDouble(shifted(x, v, h)) - f.applyAsDouble(shifted(x, v, -h))) / (2 * h);
  }

  /** H v by one central difference of the gradient g: 2 gradients. */
  public static double[] centralHvp(Function<double[], double[]> g, double[] x, double[] v) {
    double h = 1e-5;
    double[] up = g.apply(shifted(x, v, h));
    double[] down = g.apply(shifted(x, v, -h));
    for (int i = 0; i < up.length; i++) {
      up[i] = (up[i] - down[i]) / (2 * h);
    }
    return up;
  }

  /** The Hessian by central differences of the gradient g, one column per input: 2n gradients. */
  public static double[][] centralHessian(Function<double[], double[]> g, double[] x) {
    int n = x.length;
    double[][] h = new double[n][];
    double[] p = x.clone();
    for (int j = 0; j < n; j++) {
      double step = 1e-5 * Math.max(1, Math.abs(x[j]));
      p[j] = x[j] + step;
      double[] up = g.apply(p);
      p[j] = x[j] - step;
      double[] down = g.apply(p);
      p[j] = x[j];
      for (int i = 0; i < n; i++) {
        up[i] = (up[i] - down[i]) / (2 * step);
      }
      h[j] = up; // column j, which is row j: the Hessian is symmetric
    }
    return h;
  }

  private static double[] shifted(double[] x, double[] v, double h) {
    double[] p = new double[x.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = x[i] + h * v[i];
    }
    return p;
  }
}
