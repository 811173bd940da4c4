package plain;

import io.github.backprop.Differentiable;

/**
 * Array variables given new arrays as the computation goes: layer loops, ping-pong buffers of
 * explicit PDE steppers, Runge-Kutta stages, cached results swapped in.
 */
final class Buffers {
  private Buffers() {}

  private static double[] layer(double[] w, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.tanh(w[i] * x[i]);
    }
    return y;
  }

  /** A stack of layers, each giving a new activation array. */
  // at: [0.5, -0.3, 0.8], [0.2, 0.7, -0.4], 3 ; [1.2, 0.4, -0.9], [-0.6, 0.1, 0.3], 1
  @Differentiable
  static double deep(double[] w, double[] x0, int layers) {
    double[] x = x0.clone();
    for (int l = 0; l < layers; l++) {
      x = layer(w, x);
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  /** The explicit heat equation with two buffers swapped after each step. */
  // at: [0.5, -0.3, 0.8, 0.1, 0.9], 4 ; [1.0, 2.0, 4.0, 8.0], 2
  @Differentiable
  static double heat(double[] a, int steps) {
    double[] cur = a.clone();
    double[] next = new double[a.length];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i + 1 < a.length; i++) {
        next[i] = cur[i] + 0.1 * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
      }
      double[] tmp = cur;
      cur = next;
      next = tmp;
    }
    return cur[1] * cur[1];
  }

  /** The wave equation: three time levels rotated, as leapfrog codes keep them. */
  // at: [0.0, 0.3, 0.7, 0.4, 0.0], 0.4, 5 ; [0.0, -0.2, 0.5, 0.1, 0.0], 0.2, 3
  @Differentiable
  static double wave(double[] u0, double c, int steps) {
    int n = u0.length;
    double[] prev = u0.clone();
    double[] cur = u0.clone();
    double[] next = new double[n];
    double r = c * c;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        next[i] = 2 * cur[i] - prev[i] + r * (cur[i + 1] - 2 * cur[i] + cur[i - 1]);
      }
      double[] oldest = prev;
      prev = cur;
      cur = next;
      next = oldest;
    }
    double energy = 0;
    for (int i = 0; i < n; i++) {
      energy += cur[i] * cur[i];
    }
    return energy;
  }

  private static double[] rhs(double[] y, double mu) {
    return new double[] {y[1], mu * (1 - y[0] * y[0]) * y[1] - y[0]};
  }

  private static double[] step(double[] y, double h, double[] k) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] + h * k[i];
    }
    return out;
  }

  /** The van der Pol oscillator by classical Runge-Kutta, the stages new arrays each step. */
  // at: 1.5, 0.5, 0.1, 5 ; 0.3, -1.0, 0.05, 8
  @Differentiable
  static double vanDerPol(double mu, double y0, double h, int steps) {
    double[] y = {y0, 0};
    double[] k1;
    double[] k2;
    double[] k3;
    double[] k4;
    for (int s = 0; s < steps; s++) {
      k1 = rhs(y, mu);
      k2 = rhs(step(y, h / 2, k1), mu);
      k3 = rhs(step(y, h / 2, k2), mu);
      k4 = rhs(step(y, h, k3), mu);
      double[] next = new double[2];
      for (int i = 0; i < 2; i++) {
        next[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
      y = next;
    }
    return y[0];
  }

  /** Jacobi iteration for a tridiagonal system, writing into the spare buffer and swapping. */
  // at: 4.0, 1.0, [1.0, 2.0, 3.0, 4.0], 6 ; 3.0, -0.5, [0.5, -1.0, 2.0], 4
  @Differentiable
  static double jacobi(double diag, double off, double[] b, int sweeps) {
    int n = b.length;
    double[] x = new double[n];
    double[] spare = new double[n];
    for (int k = 0; k < sweeps; k++) {
      for (int i = 0; i < n; i++) {
        double s = b[i];
        if (i > 0) {
          s -= off * x[i - 1];
        }
        if (i < n - 1) {
          s -= off * x[i + 1];
        }
        spare[i] = s / diag;
      }
      double[] t = x;
      x = spare;
      spare = t;
    }
    return x[0] + 2 * x[n - 1];
  }

  /** Keeps the better of two candidate arrays by name, as a search loop does. */
  // at: [0.3, -0.8, 1.1], 0.7, 4 ; [1.5, 0.2, -0.4], 0.3, 3
  @Differentiable
  static double bestOf(double[] start, double rate, int rounds) {
    double[] best = start.clone();
    double bestLoss = loss(best);
    for (int r = 0; r < rounds; r++) {
      double[] trial = new double[best.length];
      for (int i = 0; i < best.length; i++) {
        trial[i] = best[i] - rate * 2 * (best[i] - 1);
      }
      double l = loss(trial);
      if (l < bestLoss) {
        best = trial;
        bestLoss = l;
      }
    }
    return bestLoss + best[0];
  }

  private static double loss(double[] x) {
    double s = 0;
    for (double v : x) {
      s += (v - 1) * (v - 1);
    }
    return s;
  }

  /** An array chosen by a flag, written through the chosen name, read through both. */
  // at: 2.0, 3.0, true ; -0.5, 1.5, false
  @Differentiable
  static double chosen(double x, double y, boolean first) {
    double[] a = {x, y};
    double[] b = {y * y, x};
    double[] c = first ? a : b;
    c[0] = c[0] * c[1];
    return a[0] * 3 + b[0] * 5 + c[1];
  }

  /** A parameter array given a new array, as a loop rescaling its input writes it. */
  // at: [0.4, 1.2, -0.7], 3 ; [2.0, -1.0], 2
  @Differentiable
  static double normalizeRepeatedly(double[] v, int times) {
    for (int t = 0; t < times; t++) {
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm) + 1;
      double[] scaled = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        scaled[i] = v[i] / norm + 0.1;
      }
      v = scaled;
    }
    return v[0] - v[v.length - 1];
  }
}
