package plain;

import io.github.backprop.Differentiable;

/** Everyday Java style: var, ternaries, compound assignments, labelled loops, do-while, streams of ifs. */
final class Style {
  private Style() {}

  // at: 1.5, 2.0
  @Differentiable
  static double withVar(double a, double b) {
    var sum = a + b;
    var product = a * b;
    return sum * sum - product;
  }

  // at: 2.0, 3.0
  @Differentiable
  static double compoundAssignments(double x, double y) {
    double r = x;
    r += y;
    r *= x;
    r -= y / 2;
    r /= 1.5;
    return r;
  }

  // at: 0.5, -0.5
  @Differentiable
  static double nestedTernary(double x, double y) {
    return x > 0 ? (y > 0 ? x * y : x - y) : (y > 0 ? y - x : -x * y);
  }

  // at: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 20.0
  @Differentiable
  static double labelledBreak(double[][] grid, double limit) {
    double acc = 0;
    outer:
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        if (acc > limit) {
          break outer;
        }
        acc += grid[i][j] * 0.5;
      }
    }
    return acc;
  }

  // at: [1, 2, -3, 4, -5]
  @Differentiable
  static double sumOfPositives(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) continue;
      s += x[i];
    }
    return s;
  }

  // at: 0.9
  @Differentiable
  static double doWhileSeries(double x) {
    double term = x, sum = 0;
    int k = 1;
    do {
      sum += term / k;
      term *= x;
      k++;
    } while (k <= 20);
    return sum;
  }

  // at: 1.5, 2.5
  @Differentiable
  static double chainedAssignment(double a, double b) {
    double x, y;
    x = y = a * b;
    return x + y * a;
  }

  // at: [1.0, 2.0, 3.0]
  @Differentiable
  static double postIncrementIndex(double[] v) {
    int i = 0;
    double first = v[i++];
    double second = v[i++];
    return first * second + v[i];
  }

  // at: 2.0
  @Differentiable
  static double declaredLater(double z) {
    double t;
    if (z < 0) {
      return Double.NaN;
    }
    t = 2 / (2 + z);
    return t * t;
  }

  // at: 1.2, 3
  @Differentiable
  static double finalLocalsAndCasts(final double x, final int n) {
    final double scaled = x * (double) n;
    final long rounded = Math.round(scaled);
    return scaled - rounded + x * x;
  }

  // at: [0.5, 1.5, 2.5]
  @Differentiable
  static double enhancedForWithIndex(double[] w) {
    double s = 0;
    int idx = 0;
    for (double v : w) {
      s += v * ++idx;
    }
    return s;
  }

  // at: 3.0, 4.0
  @Differentiable
  static double mathVariety(double a, double b) {
    return Math.cbrt(a) + Math.log10(b) + Math.sinh(a / 4) + Math.cosh(b / 4) + Math.atan(a / b) + Math.signum(a) * Math.pow(b, 0.5);
  }

  // at: 0.4
  @Differentiable
  static double whileTrueWithReturn(double x) {
    double y = x;
    int count = 0;
    while (true) {
      y = y * y + 0.1;
      if (++count == 5) {
        return y;
      }
    }
  }

  // at: 2.0, 5.0
  @Differentiable
  static double longExpression(double a, double b) {
    return (a * a + 2 * a * b + b * b) / (1 + Math.exp(-(a - b))) - Math.sqrt(a * b) * Math.log(a + b) + a / b;
  }

  // at: 1.5
  @Differentiable
  static double integerDivisionMixed(double x) {
    int half = 7 / 2;
    double exact = 7 / 2.0;
    return x * half + x * exact + (x / 2);
  }

  // at: 2.0, 3.0
  @Differentiable
  static double localClassFreeSwap(double a, double b) {
    double tmp = a;
    a = b;
    b = tmp;
    return a * a * b;
  }

  // at: 3.0
  @Differentiable
  static double parameterReassigned(double x) {
    x = x * 2;
    x++;
    x--;
    --x;
    return x * x;
  }

  // at: 0.7
  @Differentiable
  static double minMaxAbsChain(double x) {
    return Math.min(Math.max(x, -1), 1) + Math.abs(x - 0.5) * Math.copySign(1.0, x);
  }
}
