package golden;

import io.github.backprop.Differentiable;

/** Static counts and flags written as the method runs: kept as written, once per run. */
class Counters {
  static int evaluations;
  static long work;
  static boolean sawNegative;

  @Differentiable(forward = true)
  static double weighted(double x, double[] w) {
    evaluations++;
    Counters.work += w.length;
    double s = 0;
    for (double v : w) {
      if (v < 0) {
        sawNegative = true;
      }
      s += v * x * x;
    }
    return s;
  }
}
