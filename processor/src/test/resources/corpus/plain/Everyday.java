package plain;

import static java.lang.Math.abs;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static java.lang.Math.max;
import static java.lang.Math.sqrt;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.Objects;

/** Everyday numerical Java: static imports, asserts, var, do-while, labelled loops, local records, out-parameters. */
final class Everyday {
  private Everyday() {}

  // at: 0.3 ; 2.5
  @Differentiable
  static double softplusStaticImports(double x) {
    return x > 20 ? x : log(1 + exp(x));
  }

  // at: 1.5, -2.0 ; 0.25, 4.0
  @Differentiable
  static double withAssert(double a, double b) {
    assert !Double.isNaN(a) : "a is NaN";
    double s = a * a + b * b;
    assert s >= 0;
    return sqrt(s);
  }

  // at: [1.5, -2.0, 0.5]
  @Differentiable
  static double varLocals(double[] x) {
    var sum = 0.0;
    for (var v : x) {
      sum += v * v;
    }
    var n = x.length;
    return sum / n;
  }

  // at: 2.0 ; 9.5
  @Differentiable
  static double newtonSqrtDoWhile(double a) {
    double x = a;
    double prev;
    do {
      prev = x;
      x = 0.5 * (x + a / x);
    } while (abs(x - prev) > 1e-14 * x);
    return x;
  }

  // at: [[1.0, 2.0], [3.0, -1.0]], [0.5, 1.5]
  @Differentiable
  static double labelledSearch(double[][] m, double[] v) {
    double s = 0;
    outer:
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (m[i][j] * v[j] > 100) {
          break outer;
        }
        s += m[i][j] * v[j];
      }
    }
    return s;
  }

  // at: 1.0, 2.0, 4.0, 6.0
  @Differentiable
  static double localRecord(double x1, double y1, double x2, double y2) {
    record P(double x, double y) {}
    P a = new P(x1, y1);
    P b = new P(x2, y2);
    double dx = a.x() - b.x();
    double dy = a.y() - b.y();
    return sqrt(dx * dx + dy * dy);
  }

  private static void minMax(double[] x, double[] out) {
    out[0] = x[0];
    out[1] = x[0];
    for (double v : x) {
      if (v < out[0]) out[0] = v;
      if (v > out[1]) out[1] = v;
    }
  }

  // at: [1.5, -2.0, 0.5, 3.25]
  @Differentiable
  static double rangeByOutParameter(double[] x) {
    double[] mm = new double[2];
    minMax(x, mm);
    return mm[1] - mm[0];
  }

  // at: [1.5, -2.0, 0.5, 3.25]
  @Differentiable
  static double kahanSum(double[] x) {
    double sum = 0.0;
    double c = 0.0;
    for (double v : x) {
      double y = v * v - c;
      double t = sum + y;
      c = (t - sum) - y;
      sum = t;
    }
    return sum;
  }

  // at: [1.5, -2.0, 0.5, 3.25]
  @Differentiable
  static double welfordVariance(double[] x) {
    double mean = 0;
    double m2 = 0;
    int n = 0;
    for (double v : x) {
      n++;
      double delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }
    return m2 / (n - 1);
  }

  // at: [3.0, 1.0, 2.0, 5.0]
  @Differentiable
  static double trimmedMean(double[] x) {
    Objects.requireNonNull(x, "x");
    double[] s = x.clone();
    Arrays.sort(s);
    double sum = 0;
    for (int i = 1; i < s.length - 1; i++) sum += s[i];
    return sum / (s.length - 2);
  }

  // at: [1.5, -2.0, 0.5], 3
  @Differentiable
  static double matrixPower(double[] v, int k) {
    int n = v.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? 1.0 : 0.1 * v[i] * v[j];
      }
    }
    double[] x = Arrays.copyOf(v, n);
    double[] y = new double[n];
    for (int step = 0; step < k; step++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += a[i][j] * x[j];
        y[i] = s;
      }
      System.arraycopy(y, 0, x, 0, n);
    }
    double r = 0;
    for (double xi : x) r += xi * xi;
    return r;
  }

  // at: 1.3, 5 ; -0.7, 3
  @Differentiable
  static double recursivePower(double x, int n) {
    return n == 0 ? 1 : x * recursivePower(x, n - 1);
  }

  // at: 0.5, 1.5 ; 2.0, 0.25
  @Differentiable
  static double infiniteLoopWithBreak(double a, double b) {
    double x = a;
    int it = 0;
    for (;;) {
      x = x - (x * x - b) / (2 * x);
      if (++it >= 30) break;
    }
    return x;
  }

  // at: [1.0, 2.0, 3.0, 4.0, 5.0]
  @Differentiable
  static double everyOtherStep(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i += 2) {
      s += x[i] * (i + 1);
    }
    return s;
  }

  // at: 1.5, 0.5 ; -2.0, 3.0
  @Differentiable
  static double chainedAssignment(double a, double b) {
    double x, y;
    x = y = a * b;
    x += a;
    y *= b;
    return x * y;
  }

  // at: [0.5, 1.5, -0.5], 2.0
  @Differentiable
  static double logSumExpStable(double[] z, double t) {
    double m = Double.NEGATIVE_INFINITY;
    for (double zi : z) m = max(m, zi / t);
    double s = 0;
    for (double zi : z) s += exp(zi / t - m);
    return t * (m + log(s));
  }

  // at: 2.5, 0.1 ; 7.25, 0.3
  @Differentiable
  static double debugPrinting(double x, double rate) {
    double y = x;
    for (int i = 0; i < 3; i++) {
      y *= 1 - rate;
      if (y < 0) {
        System.err.printf("negative at step %d: %f%n", i, y);
      }
    }
    return y;
  }

  // at: 3.7 ; -1.2
  @Differentiable
  static double strictMath(double x) {
    return StrictMath.sin(x) * StrictMath.exp(-0.1 * x) + StrictMath.hypot(x, 1.0);
  }

  // at: 0.4, 1.5, -0.75
  @Differentiable
  static double fusedMultiplyAdd(double a, double b, double c) {
    return Math.fma(a, b, c) * Math.fma(b, c, a);
  }

  // at: [1.5, -2.0, 0.5]
  @Differentiable
  static double matrixFromRows(double[] x) {
    double[][] rows = {{x[0], x[1]}, {x[1], x[2]}};
    double det = rows[0][0] * rows[1][1] - rows[0][1] * rows[1][0];
    double tr = 0;
    for (double[] r : rows) tr += r[0] * r[1];
    return det + tr;
  }

  // at: 1.25, 0.5 ; 0.75, 2.0
  @Differentiable
  static double modeChosenByConditional(double x, double y) {
    String mode = x > 1 ? "big" : "small";
    return switch (mode) {
      case "big" -> x * y;
      case "small" -> x + y;
      default -> throw new IllegalStateException(mode);
    };
  }
}
