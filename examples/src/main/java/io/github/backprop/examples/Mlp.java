package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.Random;

/**
 * A small neural network for the Iris data: 4 inputs, a hidden layer of {@value #HIDDEN} tanh
 * units, 3 softmax outputs. Its weights are its two {@link Layer}s; its loss, the mean
 * cross-entropy over a mini-batch, is an instance method, and backprop writes
 * {@code MlpGrad.loss(net, data, batch)}, whose {@code self()} is the gradient with respect to
 * every weight, shaped like the network: {@code MlpTangent(LayerTangent hidden, LayerTangent
 * output)}.
 */
final class Mlp {
  static final int INPUTS = Iris.FEATURES;
  static final int HIDDEN = 10;
  static final int CLASSES = Iris.SPECIES.length;
  /** The number of weights. */
  static final int SIZE = HIDDEN * (INPUTS + 1) + CLASSES * (HIDDEN + 1);

  /**
   * A fully connected layer: {@code w[k][i]} is output k's weight for input i, {@code b[k]} its
   * bias. The arrays are the layer's state; an optimiser updates them in place.
   */
  record Layer(double[][] w, double[] b) {
    /** w x + b. */
    double[] apply(double[] x) {
      double[] out = new double[b.length];
      for (int k = 0; k < b.length; k++) {
        double s = b[k];
        for (int i = 0; i < x.length; i++) {
          s += w[k][i] * x[i];
        }
        out[k] = s;
      }
      return out;
    }

    /** {@code outputs × inputs} weights drawn with variance 1 / inputs (LeCun style), zero biases. */
    static Layer random(int inputs, int outputs, Random random) {
      double[][] w = new double[outputs][inputs];
      for (double[] row : w) {
        for (int i = 0; i < inputs; i++) {
          row[i] = random.nextGaussian() / Math.sqrt(inputs);
        }
      }
      return new Layer(w, new double[outputs]);
    }
  }

  final Layer hidden;
  final Layer output;

  Mlp(Layer hidden, Layer output) {
    this.hidden = hidden;
    this.output = output;
  }

  /** Random initial weights: the hidden layer's drawn first, then the output layer's. */
  static Mlp initial(Random random) {
    Layer hidden = Layer.random(INPUTS, HIDDEN, random);
    return new Mlp(hidden, Layer.random(HIDDEN, CLASSES, random));
  }

  /** The logits of one flower. */
  double[] logits(double[] x) {
    return output.apply(tanh(hidden.apply(x)));
  }

  private static double[] tanh(double[] a) {
    double[] h = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      h[j] = Math.tanh(a[j]);
    }
    return h;
  }

  /** log Σ exp(z_k), as m + log Σ exp(z_k − m) with m the largest, so no exp overflows. */
  private static double logSumExp(double[] z) {
    double m = z[0];
    for (int k = 1; k < z.length; k++) {
      m = Math.max(m, z[k]);
    }
    double sum = 0;
    for (double zk : z) {
      sum += Math.exp(zk - m);
    }
    return m + Math.log(sum);
  }

  /**
   * The mean cross-entropy, −log softmax(z)[y], over the rows {@code batch[0], batch[1], …} of
   * {@code data}. {@code wrt = "this"}: the gradient is with respect to the weights; the data
   * get none.
   */
  @Differentiable(wrt = "this")
  double loss(Iris.Data data, int[] batch) {
    double total = 0;
    for (int n : batch) {
      double[] z = logits(data.x()[n]);
      total += logSumExp(z) - z[data.y()[n]];
    }
    return total / batch.length;
  }

  /** The mean cross-entropy over a whole data set. */
  double loss(Iris.Data d) {
    return loss(d, all(d.size()));
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

  /**
   * The weight arrays, for an optimiser to update in place: the hidden layer's rows and biases,
   * then the output layer's.
   */
  double[][] parameters() {
    return arrays(hidden.w(), hidden.b(), output.w(), output.b());
  }

  /** A gradient's arrays, in the order of {@link #parameters()}. */
  static double[][] parameters(MlpGrad.MlpTangent g) {
    return arrays(g.hidden().w(), g.hidden().b(), g.output().w(), g.output().b());
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
