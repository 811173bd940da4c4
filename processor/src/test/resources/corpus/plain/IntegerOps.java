package plain;

import io.github.backprop.Differentiable;

/** Integer and boolean operators next to the differentiated arithmetic, and % on doubles. */
final class IntegerOps {
  private IntegerOps() {}

  // at: 1.5, 5 ; 1.5, 6
  @Differentiable
  static double alternatingByParity(double x, int n) {
    double sign = (n & 1) == 0 ? 1 : -1;
    return sign * x * n;
  }

  // at: 1.1, 10
  @Differentiable
  static double powerBySquaring(double base, int exponent) {
    double result = 1;
    double b = base;
    int e = exponent;
    while (e > 0) {
      if ((e & 1) != 0) {
        result *= b;
      }
      b *= b;
      e >>= 1;
    }
    return result;
  }

  // at: 0.3, 6
  @Differentiable
  static double bitReversedSum(double x, int bits) {
    double s = 0;
    for (int i = 0; i < (1 << bits); i += 7) {
      int r = Integer.reverse(i) >>> (32 - bits);
      s += Math.sin(x * r);
    }
    return s;
  }

  // at: 7.3, 2.0 ; -5.5, 1.5
  @Differentiable
  static double floatingModulo(double x, double period) {
    return x % period;
  }

  // at: 1.5, true, false ; 1.5, true, true
  @Differentiable
  static double xorFlags(double x, boolean a, boolean b) {
    if (a ^ b) {
      return 2 * x;
    }
    return a & b ? x * x : -x;
  }

  // at: 2.0, 3L
  @Differentiable
  static double longCounter(double x, long n) {
    double s = 0;
    for (long i = 0; i < n; i++) {
      s += x / (i + 1);
    }
    return s;
  }

  // at: 0.25, 12345
  @Differentiable
  static double hashedNoise(double x, int seed) {
    int h = seed * 0x9E3779B9;
    h ^= h >>> 16;
    h = ~h;
    double jitter = (h & 0xFFFF) / 65536.0;
    return x * (1 + 0.01 * jitter);
  }

  // at: 2.5, 'x' ; 2.5, 'y'
  @Differentiable
  static double axisComponent(double r, char axis) {
    short quadrant = 1;
    byte sign = axis == 'x' ? (byte) 1 : (byte) -1;
    return sign * r * quadrant;
  }

  // at: 3.7
  @Differentiable
  static double fractionalPart(double x) {
    int whole = (int) x;
    double frac = x - whole;
    return frac * frac + whole;
  }
}
