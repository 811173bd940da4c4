package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small neural network trained on the Iris data: 4 inputs, one hidden layer of
 * {@value #HIDDEN} tanh units, 3 softmax outputs, mean cross-entropy loss. The loss is one plain
 * Java method; backprop writes its gradient with respect to all {@value #SIZE} weights, and
 * {@link Adam} does the rest.
 *
 * <p>All weights live in one {@code double[]}: the hidden layer's weights row by row (unit j's
 * weight for input i at {@code W1 + j * INPUTS + i}), its biases, the output layer's weights
 * (class k's weight for hidden unit j at {@code W2 + k * HIDDEN + j}) and its biases.
 */
final class Mlp {
  private Mlp() {}

  static final int INPUTS = Iris.FEATURES;
  static final int HIDDEN = 10;
  static final int CLASSES = 3;

  static final int W1 = 0;
  static final int B1 = W1 + HIDDEN * INPUTS;
  static final int W2 = B1 + HIDDEN;
  static final int B2 = W2 + CLASSES * HIDDEN;
  /** The number of weights. */
  static final int SIZE = B2 + CLASSES;

  /**
   * The mean cross-entropy of the network with weights {@code w} over the rows
   * {@code batch[0], batch[1], …} of {@code x}, whose classes are in {@code y}. The log of the
   * softmax is computed as z_y − m − log Σ exp(z_k − m) with m the largest logit, so no exp
   * overflows.
   */
  @Differentiable(wrt = "w")
  static double loss(double[] w, double[][] x, int[] y, int[] batch) {
    double total = 0;
    for (int b = 0; b < batch.length; b++) {
      int n = batch[b];
      double[] h = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double a = w[B1 + j];
        for (int i = 0; i < INPUTS; i++) {
          a += w[W1 + j * INPUTS + i] * x[n][i];
        }
        h[j] = Math.tanh(a);
      }
      double[] z = new double[CLASSES];
      for (int k = 0; k < CLASSES; k++) {
        double s = w[B2 + k];
        for (int j = 0; j < HIDDEN; j++) {
          s += w[W2 + k * HIDDEN + j] * h[j];
        }
        z[k] = s;
      }
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

  /** The logits of one row, for predictions (the same arithmetic as {@link #loss}). */
  static double[] logits(double[] w, double[] row) {
    double[] h = new double[HIDDEN];
    for (int j = 0; j < HIDDEN; j++) {
      double a = w[B1 + j];
      for (int i = 0; i < INPUTS; i++) {
        a += w[W1 + j * INPUTS + i] * row[i];
      }
      h[j] = Math.tanh(a);
    }
    double[] z = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      double s = w[B2 + k];
      for (int j = 0; j < HIDDEN; j++) {
        s += w[W2 + k * HIDDEN + j] * h[j];
      }
      z[k] = s;
    }
    return z;
  }

  /** The class with the largest logit. */
  static int predict(double[] w, double[] row) {
    double[] z = logits(w, row);
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The fraction of rows whose class is predicted correctly. */
  static double accuracy(double[] w, Iris.Data d) {
    int right = 0;
    for (int n = 0; n < d.size(); n++) {
      if (predict(w, d.x()[n]) == d.y()[n]) {
        right++;
      }
    }
    return (double) right / d.size();
  }

  /** 0, 1, …, n − 1: every row as one batch. */
  static int[] all(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** The mean cross-entropy over a whole data set. */
  static double lossOver(double[] w, Iris.Data d) {
    return loss(w, d.x(), d.y(), all(d.size()));
  }

  /** Random weights with variance 1 / fan-in (Glorot/LeCun style) and zero biases. */
  static double[] initialWeights(Random random) {
    double[] w = new double[SIZE];
    for (int i = W1; i < B1; i++) {
      w[i] = random.nextGaussian() / Math.sqrt(INPUTS);
    }
    for (int i = W2; i < B2; i++) {
      w[i] = random.nextGaussian() / Math.sqrt(HIDDEN);
    }
    return w;
  }

  /** How the training went. */
  record Epoch(int epoch, double loss, double trainAccuracy, double heldOutAccuracy) {}

  /**
   * The outcome of training.
   *
   * @param weights the final weights
   * @param stepLosses the loss over the whole training set before the first step and after every
   *     step
   * @param heldOutLosses the loss over the held-out set at the same moments
   * @param epochs the full training loss and both accuracies after every epoch
   * @param initialLoss the full training loss of the initial weights
   * @param millis wall-clock time of the training loop
   */
  record Result(double[] weights, double[] stepLosses, double[] heldOutLosses, List<Epoch> epochs,
      double initialLoss, long millis) {
    Epoch last() {
      return epochs.get(epochs.size() - 1);
    }
  }

  /** The split, optimiser and schedule {@link Main} uses. */
  static final long SEED = 20240601L;
  static final int HELD_OUT_PER_SPECIES = 10;
  static final int HELD_OUT = HELD_OUT_PER_SPECIES * Iris.SPECIES.length;
  static final int BATCH = 12;
  static final int EPOCHS = 100;
  static final double RATE = 0.01;

  /** Loads Iris, splits it 120 / 30 and trains with Main's settings. */
  static Result trainIris(EpochListener listener) {
    Iris.Split split = Iris.split(Iris.load(), HELD_OUT_PER_SPECIES, SEED);
    return train(split, EPOCHS, BATCH, RATE, SEED, listener);
  }

  /** Called after each epoch, for progress lines. */
  interface EpochListener {
    void after(Epoch e);
  }

  /**
   * Mini-batch training with Adam: each epoch shuffles the training rows and takes one step per
   * batch of {@code batch} rows, with the gradient of {@link #loss} from {@code MlpGrad}.
   */
  static Result train(Iris.Split split, int epochs, int batch, double rate, long seed,
      EpochListener listener) {
    Random random = new Random(seed);
    double[] w = initialWeights(random);
    Iris.Data train = split.train();
    double initialLoss = lossOver(w, train);
    Adam adam = new Adam(SIZE, rate);
    int[] order = all(train.size());
    int stepsPerEpoch = (train.size() + batch - 1) / batch;
    double[] stepLosses = new double[epochs * stepsPerEpoch + 1];
    stepLosses[0] = initialLoss;
    double[] heldOutLosses = new double[stepLosses.length];
    heldOutLosses[0] = lossOver(w, split.heldOut());
    List<Epoch> history = new ArrayList<>();
    long start = System.nanoTime();
    int step = 0;
    // The accumulate overload adds each batch's gradient into this one array: no record, no new
    // gradient array per step.
    double[] gradient = new double[w.length];
    for (int e = 1; e <= epochs; e++) {
      shuffle(order, random);
      for (int from = 0; from < order.length; from += batch) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
        Arrays.fill(gradient, 0);
        MlpGrad.loss(w, train.x(), train.y(), rows, gradient);
        adam.step(w, gradient);
        stepLosses[++step] = lossOver(w, train);
        heldOutLosses[step] = lossOver(w, split.heldOut());
      }
      Epoch done = new Epoch(e, lossOver(w, train), accuracy(w, train), accuracy(w, split.heldOut()));
      history.add(done);
      listener.after(done);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(w, stepLosses, heldOutLosses, List.copyOf(history), initialLoss, millis);
  }

  /** Fisher–Yates. */
  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
