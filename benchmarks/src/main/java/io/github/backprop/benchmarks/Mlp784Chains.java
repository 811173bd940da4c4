package io.github.backprop.benchmarks;

import static io.github.backprop.benchmarks.Mlp784.BLOCK;
import static io.github.backprop.benchmarks.Mlp784.HIDDEN;
import static io.github.backprop.benchmarks.Mlp784.INPUTS;

/**
 * Two more hand-written adjoints of {@link Mlp784}, to measure how much more independent chains
 * of additions in the forward dot products would give than the four samples side by side of
 * {@link Mlp784#blockedBoth} (which the generated code matches):
 *
 * <ul>
 *   <li>{@link #twoRows}: two rows of {@code w1} per pass as well as four samples, eight chains,
 *       each still adding its terms in order: bit-identical to {@link Mlp784#naive}.
 *   <li>{@link #reassociated}: four samples, each dot product split into two partial sums (even
 *       and odd k) added at the end, eight chains too, but a different rounding: what an opt-in
 *       to reassociation could generate.
 * </ul>
 *
 * Both share {@link Mlp784#blockedBoth}'s reverse sweep; the batch must be a multiple of {@value
 * Mlp784#BLOCK}.
 */
public final class Mlp784Chains {
  private Mlp784Chains() {}

  /** Four samples and two rows of {@code w1} per pass: bit-identical to the naive adjoint. */
  public static double twoRows(Mlp784.Weights w, double[][] x, int[] labels, Mlp784.Weights d) {
    return adjoint(w, x, labels, d, true);
  }

  /** Four samples per pass, each dot product as two partial sums: rounds differently. */
  public static double reassociated(
      Mlp784.Weights w, double[][] x, int[] labels, Mlp784.Weights d) {
    return adjoint(w, x, labels, d, false);
  }

  private static double adjoint(
      Mlp784.Weights w, double[][] x, int[] labels, Mlp784.Weights d, boolean twoRows) {
    int m = x.length;
    if (m % BLOCK != 0) {
      throw new IllegalArgumentException("batch of " + m + ", not a multiple of " + BLOCK);
    }
    double[][] h = new double[BLOCK][HIDDEN];
    double[][] da = new double[BLOCK][HIDDEN];
    double[] p = new double[Mlp784.CLASSES];
    double[] dh = new double[HIDDEN];
    double total = 0;
    for (int i0 = 0; i0 < m; i0 += BLOCK) {
      if (twoRows) {
        forwardTwoRows(w.w1(), w.b1(), x, i0, h);
      } else {
        forwardSplit(w.w1(), w.b1(), x, i0, h);
      }
      total = Mlp784.reverseBlock(w, x, labels, i0, h, d, da, p, dh, total);
    }
    return total / m;
  }

  private static void forwardTwoRows(double[][] w1, double[] b1, double[][] x, int i0,
      double[][] h) {
    double[] x0 = x[i0];
    double[] x1 = x[i0 + 1];
    double[] x2 = x[i0 + 2];
    double[] x3 = x[i0 + 3];
    for (int j = 0; j < HIDDEN; j += 2) {
      double[] r = w1[j];
      double[] q = w1[j + 1];
      double a0 = b1[j];
      double a1 = b1[j];
      double a2 = b1[j];
      double a3 = b1[j];
      double c0 = b1[j + 1];
      double c1 = b1[j + 1];
      double c2 = b1[j + 1];
      double c3 = b1[j + 1];
      for (int k = 0; k < INPUTS; k++) {
        double rk = r[k];
        double qk = q[k];
        double y0 = x0[k];
        double y1 = x1[k];
        double y2 = x2[k];
        double y3 = x3[k];
        a0 += rk * y0;
        a1 += rk * y1;
        a2 += rk * y2;
        a3 += rk * y3;
        c0 += qk * y0;
        c1 += qk * y1;
        c2 += qk * y2;
        c3 += qk * y3;
      }
      h[0][j] = Math.tanh(a0);
      h[1][j] = Math.tanh(a1);
      h[2][j] = Math.tanh(a2);
      h[3][j] = Math.tanh(a3);
      h[0][j + 1] = Math.tanh(c0);
      h[1][j + 1] = Math.tanh(c1);
      h[2][j + 1] = Math.tanh(c2);
      h[3][j + 1] = Math.tanh(c3);
    }
  }

  private static void forwardSplit(double[][] w1, double[] b1, double[][] x, int i0,
      double[][] h) {
    double[] x0 = x[i0];
    double[] x1 = x[i0 + 1];
    double[] x2 = x[i0 + 2];
    double[] x3 = x[i0 + 3];
    for (int j = 0; j < HIDDEN; j++) {
      double[] r = w1[j];
      double a0 = b1[j];
      double a1 = b1[j];
      double a2 = b1[j];
      double a3 = b1[j];
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      double e3 = 0;
      for (int k = 0; k < INPUTS; k += 2) {
        double rk = r[k];
        double rl = r[k + 1];
        a0 += rk * x0[k];
        a1 += rk * x1[k];
        a2 += rk * x2[k];
        a3 += rk * x3[k];
        e0 += rl * x0[k + 1];
        e1 += rl * x1[k + 1];
        e2 += rl * x2[k + 1];
        e3 += rl * x3[k + 1];
      }
      h[0][j] = Math.tanh(a0 + e0);
      h[1][j] = Math.tanh(a1 + e1);
      h[2][j] = Math.tanh(a2 + e2);
      h[3][j] = Math.tanh(a3 + e3);
    }
  }
}
