package plain;

import io.github.backprop.Differentiable;

/**
 * Java as people write it around numbers: dynamic-programming tables whose rows are swapped,
 * pivoting that swaps matrix rows, a row variable walking a matrix, a timer in
 * try-with-resources, a finally that settles a value, and boxed narrow parameters.
 */
final class AsUsersWrite {
  private AsUsersWrite() {}

  /** A timer a caller might wrap around a computation. */
  static final class Stopwatch implements AutoCloseable {
    private final long start = System.nanoTime();

    long elapsed() {
      return System.nanoTime() - start;
    }

    @Override
    public void close() {}
  }

  /** A soft alignment cost of two series with two table rows, swapped after each step. */
  // at: [1.0, 2.5, 0.5, 3.0], [1.2, 0.3, 2.9] ; [0.4, -1.0], [0.1, 0.2, 0.3]
  @Differentiable
  static double alignment(double[] a, double[] b) {
    double[] prev = new double[b.length + 1];
    double[] curr = new double[b.length + 1];
    double[][] rows = {prev, curr};
    for (int j = 1; j <= b.length; j++) {
      rows[0][j] = rows[0][j - 1] + b[j - 1] * b[j - 1];
    }
    for (int i = 1; i <= a.length; i++) {
      rows[1][0] = rows[0][0] + a[i - 1] * a[i - 1];
      for (int j = 1; j <= b.length; j++) {
        double d = a[i - 1] - b[j - 1];
        double best = Math.min(rows[0][j - 1], Math.min(rows[0][j], rows[1][j - 1]));
        rows[1][j] = d * d + best;
      }
      double[] tmp = rows[0];
      rows[0] = rows[1];
      rows[1] = tmp;
    }
    return rows[0][b.length];
  }

  /** The log of the absolute determinant, by elimination with partial pivoting. */
  // at: [[4.0, 1.0, 2.0], [0.5, 3.0, 1.0], [2.0, 1.0, 5.0]] ; [[0.1, 2.0], [3.0, 1.0]]
  @Differentiable
  static double logAbsDet(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double logDet = 0;
    for (int k = 0; k < n; k++) {
      int pivot = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(m[i][k]) > Math.abs(m[pivot][k])) {
          pivot = i;
        }
      }
      if (pivot != k) {
        double[] row = m[pivot];
        m[pivot] = m[k];
        m[k] = row;
      }
      logDet += Math.log(Math.abs(m[k][k]));
      for (int i = k + 1; i < n; i++) {
        double factor = m[i][k] / m[k][k];
        for (int j = k; j < n; j++) {
          m[i][j] -= factor * m[k][j];
        }
      }
    }
    return logDet;
  }

  /** A weighted sum of squares over the rows, a row variable walking the matrix. */
  // at: [[1.0, 2.0], [3.0, -1.0], [0.5, 0.25]], [0.2, 0.3, 0.5]
  @Differentiable
  static double rowWalk(double[][] m, double[] w) {
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
    }
    double[] row = copy[0];
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      row = copy[i];
      for (int j = 0; j < row.length; j++) {
        row[j] *= w[i];
        s += row[j] * row[j];
      }
    }
    return s + row[0];
  }

  /** A norm computed inside a try-with-resources that times it. */
  // at: [3.0, 4.0] ; [0.5, -1.5, 2.0]
  @Differentiable
  static double timedNorm(double[] x) {
    try (Stopwatch watch = new Stopwatch()) {
      double s = 0;
      for (double v : x) {
        s += v * v;
      }
      if (watch.elapsed() < 0) {
        throw new IllegalStateException("the clock went back");
      }
      return Math.sqrt(s);
    }
  }

  /** A value settled in a finally block, whatever the try did. */
  // at: 0.5, 2.0 ; -1.0, 0.5
  @Differentiable
  static double settled(double x, double scale) {
    double y = x;
    try {
      if (scale <= 0) {
        throw new IllegalArgumentException("scale must be positive: " + scale);
      }
      y = Math.log1p(x * x) / scale;
    } catch (IllegalArgumentException e) {
      y = 0;
    } finally {
      y = y + x * scale;
    }
    return y;
  }

  /** A price with a boxed tick count and unit, as an API of boxes passes them. */
  // at: 1.5, 3, 'c' ; 0.25, 12, 'm'
  @Differentiable
  static double ticks(double price, Short count, Character unit) {
    double factor = unit == 'c' ? 0.01 : 0.001;
    return price * count * factor + Math.sqrt(price) * count.shortValue();
  }
}
