package golden;

import io.github.backprop.Differentiable;

class IntegerOps {
  /** Shifts, bitwise operators and their compound forms on int and long, next to a double. */
  @Differentiable
  static double bits(double x, int n, long m) {
    int k = n << 2 | n >> 1 ^ n >>> 3 & ~n;
    long q = m << n;
    q >>>= 1;
    q ^= k;
    q &= ~1L;
    k <<= 2;
    return x * (k + (q & 7));
  }

  /** Non-short-circuit boolean operators choose the branch. */
  @Differentiable
  static double flags(double x, boolean b, int n) {
    boolean p = b & x > 0 | b ^ n > 2;
    p ^= n == 3;
    return p ? x * x : -x;
  }

  /** byte, short and char locals, parameters and literals, narrowed on every write as Java does. */
  @Differentiable
  static double narrow(double x, char c, byte b, short s) {
    char d = 'a';
    d += c;
    byte bb = 10;
    bb <<= 3;
    bb += b;
    short t = s;
    t *= 300;
    t--;
    return x * (d - 'a') + x * x * (bb + t);
  }

  /** % on doubles: d/dx = 1, d/dy = -n where x % y == x - n * y. */
  @Differentiable
  static double remainder(double x, double y) {
    double r = x % y;
    r %= 0.75;
    return r * x;
  }

  /** A local declared without a value and assigned after an early return. */
  @Differentiable
  static double declaredLater(double z) {
    double t;
    if (z < 0) {
      return Double.NaN;
    }
    t = 2 / (2 + z);
    return t * t;
  }
}
