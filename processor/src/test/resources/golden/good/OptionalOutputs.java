package golden;

import io.github.backprop.Differentiable;

/** A helper with an optional array output, FastMath's log(x, hiPrec) shape: given null, and given an array. */
class OptionalOutputs {
  private static double lg(final double x, final double[] hiPrec) {
    double a = Math.log(x);
    if (x < 1.01 && x > 0.99 && hiPrec == null) {
      double e = x - 1;
      return e - e * e / 2;
    }
    if (hiPrec != null) {
      hiPrec[0] = a * 0.75;
      hiPrec[1] = a * 0.25;
    }
    return a;
  }

  @Differentiable
  static double log(double x) {
    return lg(x, null);
  }

  @Differentiable
  static double log1p(double x) {
    final double[] hiPrec = new double[2];
    lg(1 + x, hiPrec);
    return hiPrec[0] + hiPrec[1];
  }
}
