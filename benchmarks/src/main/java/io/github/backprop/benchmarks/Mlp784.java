package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import java.util.SplittableRandom;

/**
 * An MNIST-sized network: 784 inputs, 128 tanh hidden units, 10 classes, softmax cross-entropy,
 * mean over a batch of 64 samples; the gradient is with respect to all 101,770 weights.
 *
 * <p>Besides the loss as a user writes it, three adjoints written by hand, all accumulating into
 * the caller's arrays as the generated accumulate overload does:
 *
 * <ul>
 *   <li>{@link #naive}: per sample, the forward sweep, then the reverse sweep through the output
 *       layer and every row of {@code w1}. Every sample walks all of {@code w1} (800 KB) in the
 *       forward sweep and {@code w1}'s gradient (another 800 KB) in the reverse.
 *   <li>{@link #blocked}: the same forward sweep per sample, but the reverse sweep through {@code
 *       w1} runs once per {@value #BLOCK} samples, adding their terms to each gradient element
 *       one after another in sample order. Each element sees the same additions in the same order
 *       as in {@link #naive}, so the sums are bit-identical; the gradient of {@code w1} is walked
 *       a quarter as often.
 *   <li>{@link #blockedBoth}: as {@link #blocked}, and the forward sweep through {@code w1} also
 *       runs {@value #BLOCK} samples per pass, bit-identical too.
 * </ul>
 */
public final class Mlp784 {
  /** Inputs per sample (28 × 28 pixels). */
  public static final int INPUTS = 784;

  /** Hidden units. */
  public static final int HIDDEN = 128;

  /** Classes. */
  public static final int CLASSES = 10;

  /** Samples per batch. */
  public static final int SAMPLES = 64;

  /** Samples per pass of {@link #blocked} over the gradient of {@code w1}. */
  public static final int BLOCK = 4;

  /** All weights: 784·128 + 128 + 128·10 + 10. */
  public static final int WEIGHTS = INPUTS * HIDDEN + HIDDEN + HIDDEN * CLASSES + CLASSES;

  private Mlp784() {}

  /** The layers' weights, or a gradient of the same shapes. */
  public record Weights(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    /** Zeros, shaped like the network. */
    public static Weights zeros() {
      return new Weights(new double[HIDDEN][INPUTS], new double[HIDDEN],
          new double[CLASSES][HIDDEN], new double[CLASSES]);
    }

    /** {@code w1} row by row, then {@code b1}, {@code w2} row by row, {@code b2}. */
    public double[] flat() {
      double[] f = new double[WEIGHTS];
      int at = 0;
      for (double[] row : w1) {
        System.arraycopy(row, 0, f, at, row.length);
        at += row.length;
      }
      System.arraycopy(b1, 0, f, at, b1.length);
      at += b1.length;
      for (double[] row : w2) {
        System.arraycopy(row, 0, f, at, row.length);
        at += row.length;
      }
      System.arraycopy(b2, 0, f, at, b2.length);
      return f;
    }
  }

  /** The benchmark's fixed inputs: weights, a batch of images and their labels. */
  public record Problem(Weights weights, double[][] x, int[] labels) {}

  /**
   * The function, as a user writes it: hidden layer h = tanh(w1·x + b1), logits z = w2·h + b2,
   * and the cross-entropy log Σ_c e^{z_c} − z_label, with the largest logit taken out of the
   * exponentials; backprop writes {@code Mlp784Grad.loss(w1, b1, w2, b2, x, labels)}.
   */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  public static double loss(
      double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x, int[] labels) {
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double[] h = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double a = b1[j];
        for (int k = 0; k < INPUTS; k++) {
          a += w1[j][k] * x[i][k];
        }
        h[j] = Math.tanh(a);
      }
      double[] z = new double[CLASSES];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CLASSES; c++) {
        double s = b2[c];
        for (int j = 0; j < HIDDEN; j++) {
          s += w2[c][j] * h[j];
        }
        z[c] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int c = 0; c < CLASSES; c++) {
        sum += Math.exp(z[c] - max);
      }
      total += Math.log(sum) + max - z[labels[i]];
    }
    return total / x.length;
  }

  /** {@link #loss} on a problem's own weights. */
  public static double loss(Problem p) {
    Weights w = p.weights();
    return loss(w.w1(), w.b1(), w.w2(), w.b2(), p.x(), p.labels());
  }

  /**
   * By hand, per sample: the forward sweep keeps the hidden activations and the softmax, the
   * reverse sweep adds the sample's terms into every gradient element. Adds the gradient into
   * {@code d} and returns the loss. Three scratch arrays per call.
   */
  public static double naive(Weights w, double[][] x, int[] labels, Weights d) {
    int m = x.length;
    double[][] w1 = w.w1();
    double[][] w2 = w.w2();
    double[][] d1 = d.w1();
    double[][] d2 = d.w2();
    double[] h = new double[HIDDEN];
    double[] p = new double[CLASSES];
    double[] dh = new double[HIDDEN];
    double total = 0;
    for (int i = 0; i < m; i++) {
      double[] xi = x[i];
      total += forward(w, xi, labels[i], h, p);
      outputAdjoint(w2, d, h, p, labels[i], 1.0 / m, dh);
      for (int j = 0; j < HIDDEN; j++) {
        double da = dh[j] * (1 - h[j] * h[j]);
        d.b1()[j] += da;
        double[] g = d1[j];
        for (int k = 0; k < INPUTS; k++) {
          g[k] += da * xi[k];
        }
      }
    }
    return total / m;
  }

  /**
   * As {@link #naive}, but the reverse sweep through {@code w1} handles {@value #BLOCK} samples
   * per pass over its gradient: each element gets sample i's term, then i+1's, and so on, the
   * order {@link #naive} adds them in. Everything else runs per sample as there.
   */
  public static double blocked(Weights w, double[][] x, int[] labels, Weights d) {
    int m = x.length;
    double[][] d1 = d.w1();
    double[] db1 = d.b1();
    double[][] h = new double[BLOCK][HIDDEN];
    double[][] da = new double[BLOCK][HIDDEN];
    double[] p = new double[CLASSES];
    double[] dh = new double[HIDDEN];
    double total = 0;
    for (int i0 = 0; i0 < m; i0 += BLOCK) {
      int n = Math.min(BLOCK, m - i0);
      for (int s = 0; s < n; s++) {
        int i = i0 + s;
        double[] hs = h[s];
        total += forward(w, x[i], labels[i], hs, p);
        outputAdjoint(w.w2(), d, hs, p, labels[i], 1.0 / m, dh);
        double[] das = da[s];
        for (int j = 0; j < HIDDEN; j++) {
          das[j] = dh[j] * (1 - hs[j] * hs[j]);
          db1[j] += das[j];
        }
      }
      if (n == BLOCK) {
        double[] x0 = x[i0];
        double[] x1 = x[i0 + 1];
        double[] x2 = x[i0 + 2];
        double[] x3 = x[i0 + 3];
        for (int j = 0; j < HIDDEN; j++) {
          double a0 = da[0][j];
          double a1 = da[1][j];
          double a2 = da[2][j];
          double a3 = da[3][j];
          double[] g = d1[j];
          for (int k = 0; k < INPUTS; k++) {
            double t = g[k];
            t += a0 * x0[k];
            t += a1 * x1[k];
            t += a2 * x2[k];
            t += a3 * x3[k];
            g[k] = t;
          }
        }
      } else {
        for (int s = 0; s < n; s++) {
          double[] xs = x[i0 + s];
          for (int j = 0; j < HIDDEN; j++) {
            double a = da[s][j];
            double[] g = d1[j];
            for (int k = 0; k < INPUTS; k++) {
              g[k] += a * xs[k];
            }
          }
        }
      }
    }
    return total / m;
  }

  /**
   * As {@link #blocked}, and the forward sweep through {@code w1} also handles {@value #BLOCK}
   * samples per pass over it: four dot products side by side, each adding its terms in the order
   * {@link #naive} does, so the activations, and so the gradients, are bit-identical. The four
   * chains of additions are independent, so they overlap in the processor where one chain waits
   * on the latency of each addition.
   */
  public static double blockedBoth(Weights w, double[][] x, int[] labels, Weights d) {
    int m = x.length;
    if (m % BLOCK != 0) {
      return blocked(w, x, labels, d); // keeps the code short; the benchmark's batch is 64
    }
    double[][] w1 = w.w1();
    double[] b1 = w.b1();
    double[][] h = new double[BLOCK][HIDDEN];
    double[][] da = new double[BLOCK][HIDDEN];
    double[] p = new double[CLASSES];
    double[] dh = new double[HIDDEN];
    double total = 0;
    for (int i0 = 0; i0 < m; i0 += BLOCK) {
      double[] x0 = x[i0];
      double[] x1 = x[i0 + 1];
      double[] x2 = x[i0 + 2];
      double[] x3 = x[i0 + 3];
      for (int j = 0; j < HIDDEN; j++) {
        double[] row = w1[j];
        double a0 = b1[j];
        double a1 = b1[j];
        double a2 = b1[j];
        double a3 = b1[j];
        for (int k = 0; k < INPUTS; k++) {
          double wk = row[k];
          a0 += wk * x0[k];
          a1 += wk * x1[k];
          a2 += wk * x2[k];
          a3 += wk * x3[k];
        }
        h[0][j] = Math.tanh(a0);
        h[1][j] = Math.tanh(a1);
        h[2][j] = Math.tanh(a2);
        h[3][j] = Math.tanh(a3);
      }
      total = reverseBlock(w, x, labels, i0, h, d, da, p, dh, total);
    }
    return total / m;
  }

  /**
   * The output layer and the whole reverse sweep of the {@value #BLOCK} samples from {@code i0},
   * whose activations are {@code h}: adds into {@code d}, four samples per pass over each
   * gradient row of {@code w1}, each element's samples in order; returns {@code total} with
   * their losses added one by one, as a loop over samples adds them.
   * {@code da} (h's shape), {@code p} ({@value #CLASSES}) and {@code dh} ({@value #HIDDEN}) are
   * scratch, allocated once per call by the caller.
   */
  static double reverseBlock(Weights w, double[][] x, int[] labels, int i0, double[][] h,
      Weights d, double[][] da, double[] p, double[] dh, double total) {
    int m = x.length;
    double[] db1 = d.b1();
    for (int s = 0; s < BLOCK; s++) {
      int i = i0 + s;
      double[] hs = h[s];
      total += output(w, hs, labels[i], p);
      outputAdjoint(w.w2(), d, hs, p, labels[i], 1.0 / m, dh);
      double[] das = da[s];
      for (int j = 0; j < HIDDEN; j++) {
        das[j] = dh[j] * (1 - hs[j] * hs[j]);
        db1[j] += das[j];
      }
    }
    double[] x0 = x[i0];
    double[] x1 = x[i0 + 1];
    double[] x2 = x[i0 + 2];
    double[] x3 = x[i0 + 3];
    double[][] d1 = d.w1();
    for (int j = 0; j < HIDDEN; j++) {
      double a0 = da[0][j];
      double a1 = da[1][j];
      double a2 = da[2][j];
      double a3 = da[3][j];
      double[] g = d1[j];
      for (int k = 0; k < INPUTS; k++) {
        double t = g[k];
        t += a0 * x0[k];
        t += a1 * x1[k];
        t += a2 * x2[k];
        t += a3 * x3[k];
        g[k] = t;
      }
    }
    return total;
  }

  /**
   * One sample's forward sweep: the activations into {@code h}, the softmax into {@code p};
   * returns the sample's loss, computed as {@link #loss} computes it.
   */
  private static double forward(Weights w, double[] xi, int label, double[] h, double[] p) {
    double[][] w1 = w.w1();
    double[] b1 = w.b1();
    for (int j = 0; j < HIDDEN; j++) {
      double a = b1[j];
      double[] row = w1[j];
      for (int k = 0; k < INPUTS; k++) {
        a += row[k] * xi[k];
      }
      h[j] = Math.tanh(a);
    }
    return output(w, h, label, p);
  }

  /** The output layer and the loss of one sample whose activations are {@code h}. */
  static double output(Weights w, double[] h, int label, double[] p) {
    double[][] w2 = w.w2();
    double[] b2 = w.b2();
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CLASSES; c++) {
      double s = b2[c];
      double[] row = w2[c];
      for (int j = 0; j < HIDDEN; j++) {
        s += row[j] * h[j];
      }
      p[c] = s;
      max = Math.max(max, s);
    }
    double zLabel = p[label];
    double sum = 0;
    for (int c = 0; c < CLASSES; c++) {
      double e = Math.exp(p[c] - max);
      p[c] = e;
      sum += e;
    }
    for (int c = 0; c < CLASSES; c++) {
      p[c] /= sum;
    }
    return Math.log(sum) + max - zLabel;
  }

  /**
   * One sample's reverse sweep through the output layer, scaled by {@code scale}: adds into the
   * gradients of {@code w2} and {@code b2} and leaves ∂/∂h in {@code dh}.
   */
  static void outputAdjoint(
      double[][] w2, Weights d, double[] h, double[] p, int label, double scale, double[] dh) {
    java.util.Arrays.fill(dh, 0);
    for (int c = 0; c < CLASSES; c++) {
      double dz = (c == label ? p[c] - 1 : p[c]) * scale;
      d.b2()[c] += dz;
      double[] g = d.w2()[c];
      double[] row = w2[c];
      for (int j = 0; j < HIDDEN; j++) {
        g[j] += dz * h[j];
        dh[j] += dz * row[j];
      }
    }
  }

  /**
   * The benchmark's data: pixels uniform in [0, 1), labels uniform over the classes, weights
   * uniform in ±1/√fan-in.
   */
  public static Problem problem() {
    SplittableRandom r = Data.random(784);
    double[][] x = Data.uniform(r, SAMPLES, INPUTS, 0, 1);
    int[] labels = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = (int) (r.nextDouble() * CLASSES);
    }
    double s1 = 1 / Math.sqrt(INPUTS);
    double s2 = 1 / Math.sqrt(HIDDEN);
    Weights w = new Weights(Data.uniform(r, HIDDEN, INPUTS, -s1, s1),
        Data.uniform(r, HIDDEN, -s1, s1), Data.uniform(r, CLASSES, HIDDEN, -s2, s2),
        Data.uniform(r, CLASSES, -s2, s2));
    return new Problem(w, x, labels);
  }
}
