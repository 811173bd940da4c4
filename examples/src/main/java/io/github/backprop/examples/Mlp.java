package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.Random;

/**
 * A small neural network for the Iris data: 4 inputs, one hidden layer of {@value #HIDDEN} tanh
 * units, 3 softmax outputs. Its weights are its fields; its loss, the mean cross-entropy over a
 * mini-batch, is an instance method, and backprop writes {@code MlpGrad.loss(net, x, y, batch)},
 * whose {@code self()} is the gradient with respect to every field, shaped like them.
 */
final class Mlp {
  static final int INPUTS = Iris.FEATURES;
  static final int HIDDEN = 10;
  static final int CLASSES = 3;

  /** The hidden layer: {@code w1[j][i]} is unit j's weight for input i, {@code b1[j]} its bias. */
  final double[][] w1;
  final double[] b1;
  /** The output layer: {@code w2[k][j]} is class k's weight for hidden unit j, {@code b2[k]} its bias. */
  final double[][] w2;
  final double[] b2;

  Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  /** Random weights with variance 1 / fan-in (LeCun style) and zero biases. */
  static Mlp initial(Random random) {
    double[][] w1 = new double[HIDDEN][INPUTS];
    for (double[] row : w1) {
      for (int i = 0; i < INPUTS; i++) {
        row[i] = random.nextGaussian() / Math.sqrt(INPUTS);
      }
    }
    double[][] w2 = new double[CLASSES][HIDDEN];
    for (double[] row : w2) {
      for (int j = 0; j < HIDDEN; j++) {
        row[j] = random.nextGaussian() / Math.sqrt(HIDDEN);
      }
    }
    return new Mlp(w1, new double[HIDDEN], w2, new double[CLASSES]);
  }

  /** The number of weights: {@value #HIDDEN} × ({@value #INPUTS} + 1) + 3 × ({@value #HIDDEN} + 1). */
  static final int SIZE = HIDDEN * (INPUTS + 1) + CLASSES * (HIDDEN + 1);

  /** The logits of one flower: the hidden layer's tanh units, then the output layer. */
  double[] logits(double[] row) {
    double[] h = new double[HIDDEN];
    for (int j = 0; j < HIDDEN; j++) {
      double a = b1[j];
      for (int i = 0; i < INPUTS; i++) {
        a += w1[j][i] * row[i];
      }
      h[j] = Math.tanh(a);
    }
    double[] z = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      double s = b2[k];
      for (int j = 0; j < HIDDEN; j++) {
        s += w2[k][j] * h[j];
      }
      z[k] = s;
    }
    return z;
  }

  /**
   * The mean cross-entropy over the rows {@code batch[0], batch[1], …} of {@code x}, whose
   * classes are in {@code y}. −log softmax(z)[y] is computed as m + log Σ exp(z_k − m) − z_y
   * with m the largest logit, so no exp overflows. {@code wrt = "this"}: the gradient is with
   * respect to the weights only; the data get none.
   */
  @Differentiable(wrt = "this")
  double loss(double[][] x, int[] y, int[] batch) {
    double total = 0;
    for (int n : batch) {
      double[] z = logits(x[n]);
      double m = z[0];
      for (int k = 1; k < CLASSES; k++) {
        m = Math.max(m, z[k]);
      }
      double sum = 0;
      for (int k = 0; k < CLASSES; k++) {
        sum += Math.exp(z[k] - m);
      }
      total += m + Math.log(sum) - z[y[n]];
    }
    return total / batch.length;
  }

  /** The mean cross-entropy over a whole data set. */
  double loss(Iris.Data d) {
    return loss(d.x(), d.y(), all(d.size()));
  }

  /** The class with the largest logit. */
  int predict(double[] row) {
    double[] z = logits(row);
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The fraction of rows whose class is predicted correctly. */
  double accuracy(Iris.Data d) {
    int right = 0;
    for (int n = 0; n < d.size(); n++) {
      if (predict(d.x()[n]) == d.y()[n]) {
        right++;
      }
    }
    return (double) right / d.size();
  }

  /** The weights as arrays an optimiser steps in place: w1's rows, b1, w2's rows, b2. */
  double[][] parameters() {
    return arrays(w1, b1, w2, b2);
  }

  /** A gradient's arrays in the order of {@link #parameters()}. */
  static double[][] parameters(MlpGrad.MlpTangent g) {
    return arrays(g.w1(), g.b1(), g.w2(), g.b2());
  }

  private static double[][] arrays(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    double[][] all = new double[w1.length + 1 + w2.length + 1][];
    int p = 0;
    for (double[] row : w1) {
      all[p++] = row;
    }
    all[p++] = b1;
    for (double[] row : w2) {
      all[p++] = row;
    }
    all[p] = b2;
    return all;
  }

  /** 0, 1, …, n − 1: every row as one batch. */
  static int[] all(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }
}
