package golden;

import io.github.backprop.Differentiable;
import java.util.Arrays;

class ArrayMethods {
  /** Arrays.sort moves values, and their derivatives, by the order the runtime finds. */
  @Differentiable
  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** copyOf, a sorted range, copyOfRange and fill, as the loops they perform. */
  @Differentiable
  static double trimmedMean(double[] x, int k) {
    double[] s = Arrays.copyOf(x, x.length);
    Arrays.sort(s, 0, s.length);
    double[] mid = Arrays.copyOfRange(s, k, s.length - k);
    double[] w = new double[mid.length];
    Arrays.fill(w, 1.0 / mid.length);
    double sum = 0;
    for (int i = 0; i < mid.length; i++) {
      sum += w[i] * mid[i];
    }
    return sum;
  }

  /** Hipparchus's MathArrays.sortInPlace moves y by the order that sorts x. */
  @Differentiable
  static double sortedTogether(double[] x, double[] y) {
    double[] xs = x.clone();
    double[] ys = y.clone();
    org.hipparchus.util.MathArrays.sortInPlace(xs, ys);
    return ys[0] * xs[xs.length - 1];
  }
}
