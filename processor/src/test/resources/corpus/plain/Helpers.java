package plain;

import io.github.backprop.Differentiable;

/** Methods that call their own unannotated helpers, fill arrays in place, and call void methods. */
final class Helpers {
  private Helpers() {}

  static double square(double x) {
    return x * x;
  }

  private static double predict(double[] w, double b, double[] x) {
    double z = b;
    for (int j = 0; j < w.length; j++) {
      z += w[j] * x[j];
    }
    return z;
  }

  static void softmaxInPlace(double[] z) {
    double max = z[0];
    for (double v : z) max = Math.max(max, v);
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      sum += z[i];
    }
    for (int i = 0; i < z.length; i++) {
      z[i] /= sum;
    }
  }

  static double clip(double x, double lo, double hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) best = i;
    }
    return best;
  }

  static boolean isSmall(double x) {
    return Math.abs(x) < 1e-8;
  }

  static double fib(double x, int n) {
    return n <= 1 ? x : fib(x, n - 1) + fib(x, n - 2) * 0.5;
  }

  // at: 1.5, 2.5
  @Differentiable
  static double sumOfSquares(double a, double b) {
    return square(a) + square(b);
  }

  // at: [0.5, -0.25], 0.1, [[1, 2], [3, -1], [0.5, 0.5]], [1.0, 0.5, 0.2]
  @Differentiable(wrt = {"w", "b"})
  static double linearRegressionLoss(double[] w, double b, double[][] x, double[] y) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double r = predict(w, b, x[i]) - y[i];
      loss += r * r;
    }
    return loss / x.length;
  }

  // at: [1.0, 2.0, 0.5], 1
  @Differentiable
  static double softmaxProbability(double[] logits, int k) {
    double[] p = logits.clone();
    softmaxInPlace(p);
    return p[k];
  }

  // at: 0.7, 0.0, 1.0 ; 1.4, 0.0, 1.0
  @Differentiable
  static double clippedSquare(double x, double lo, double hi) {
    double c = clip(x, lo, hi);
    return c * c;
  }

  // at: [0.3, 1.2, 0.8]
  @Differentiable
  static double maxLogit(double[] logits) {
    int i = argmax(logits);
    return logits[i] * 2;
  }

  // at: 1e-3 ; 1e-10
  @Differentiable
  static double sincLike(double x) {
    if (isSmall(x)) {
      return 1 - x * x / 6;
    }
    return Math.sin(x) / x;
  }

  // at: 1.3, 6
  @Differentiable
  static double recursiveHelper(double x, int n) {
    return fib(x, n);
  }

  // at: [1.0, 2.0, 3.0]
  @Differentiable
  static double normalizeThenSum(double[] v) {
    double[] copy = new double[v.length];
    System.arraycopy(v, 0, copy, 0, v.length);
    scale(copy, 1.0 / norm(copy));
    double s = 0;
    for (double c : copy) s += c * (1 + c);
    return s;
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    return Math.sqrt(s);
  }

  static void scale(double[] v, double factor) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
  }

  // at: 0.5, 1.5
  @Differentiable
  static double usesOtherClass(double x, double y) {
    return Units.kineticEnergy(2.0, x, y) + Math.max(x, y);
  }

  // at: [3.0, 1.0, 2.0]
  @Differentiable
  static double sortedMedian(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }
}

/** A second class of the same file: its methods are plain static helpers. */
final class Units {
  private Units() {}

  static double kineticEnergy(double mass, double vx, double vy) {
    return 0.5 * mass * (vx * vx + vy * vy);
  }
}
