package golden;

import io.github.backprop.Differentiable;

/** Java users write that once was refused: a Double result, a labeled block, a static read through an instance, a stateless strategy. */
class PlainGaps {
  static double scale = 2.0;

  interface Kernel {
    double at(double u);

    default double scaled(double u, double h) {
      return at(u / h) / h;
    }
  }

  static final class Gaussian implements Kernel {
    @Override
    public double at(double u) {
      return Math.exp(-0.5 * u * u);
    }
  }

  @Differentiable(forward = true)
  static Double boxedResult(double x, double y) {
    if (x < 0) {
      return 0.0;
    }
    return x * x * y;
  }

  @Differentiable
  static double firstLarge(double x, double[] a) {
    double r;
    found: {
      for (double v : a) {
        if (v > 1) {
          r = v * x;
          break found;
        }
      }
      r = Math.sin(x);
    }
    return r;
  }

  @SuppressWarnings("static")
  @Differentiable
  static double throughInstance(PlainGaps g, double x) {
    return g.scale * x * x;
  }

  @Differentiable
  static double density(double u, double h) {
    Kernel k = new Gaussian();
    return k.scaled(u, h);
  }
}
