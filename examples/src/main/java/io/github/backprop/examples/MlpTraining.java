package io.github.backprop.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains an {@link Mlp} on Iris: mini-batches, the generated gradient of {@link Mlp#loss}, and
 * {@link Adam} over the network's weight arrays.
 */
final class MlpTraining {
  private MlpTraining() {}

  /** The split, optimiser and schedule {@link Main} uses. */
  static final long SEED = 20240601L;
  static final int HELD_OUT_PER_SPECIES = 10;
  static final int HELD_OUT = HELD_OUT_PER_SPECIES * Iris.SPECIES.length;
  static final int BATCH = 12;
  static final int EPOCHS = 100;
  static final double RATE = 0.01;

  /** How the training went. */
  record Epoch(int epoch, double loss, double trainAccuracy, double heldOutAccuracy) {}

  /**
   * The outcome of training.
   *
   * @param net the trained network
   * @param stepLosses the loss over the whole training set before the first step and after every
   *     step
   * @param heldOutLosses the loss over the held-out set at the same moments
   * @param epochs the full training loss and both accuracies after every epoch
   * @param initialLoss the full training loss of the initial weights
   * @param millis wall-clock time of the training loop
   */
  record Result(Mlp net, double[] stepLosses, double[] heldOutLosses, List<Epoch> epochs,
      double initialLoss, long millis) {
    Epoch last() {
      return epochs.get(epochs.size() - 1);
    }
  }

  /** Called after each epoch, for progress lines. */
  interface EpochListener {
    void after(Epoch e);
  }

  /** The split Main trains on: 120 / 30, stratified, standardised. */
  static Iris.Split irisSplit() {
    return Iris.split(Iris.load(), HELD_OUT_PER_SPECIES, SEED);
  }

  /** Loads Iris, splits it 120 / 30 and trains with Main's settings. */
  static Result trainIris(EpochListener listener) {
    return train(irisSplit(), EPOCHS, BATCH, RATE, SEED, listener);
  }

  /**
   * Mini-batch training with Adam: each epoch shuffles the training rows and takes one step per
   * batch of {@code batch} rows, with the gradient of {@link Mlp#loss} from {@code MlpGrad}.
   */
  static Result train(Iris.Split split, int epochs, int batch, double rate, long seed,
      EpochListener listener) {
    Random random = new Random(seed);
    Mlp net = Mlp.initial(random);
    Iris.Data train = split.train();
    Iris.Data heldOut = split.heldOut();
    Adam adam = new Adam(rate, net.parameters());
    int[] order = Mlp.all(train.size());
    int stepsPerEpoch = (train.size() + batch - 1) / batch;
    double[] stepLosses = new double[epochs * stepsPerEpoch + 1];
    double[] heldOutLosses = new double[stepLosses.length];
    double initialLoss = net.loss(train);
    stepLosses[0] = initialLoss;
    heldOutLosses[0] = net.loss(heldOut);
    List<Epoch> history = new ArrayList<>();
    long start = System.nanoTime();
    int step = 0;
    for (int e = 1; e <= epochs; e++) {
      shuffle(order, random);
      for (int from = 0; from < order.length; from += batch) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
        MlpGrad.MlpTangent g = MlpGrad.loss(net, train, rows).self();
        adam.step(Mlp.parameters(g));
        stepLosses[++step] = net.loss(train);
        heldOutLosses[step] = net.loss(heldOut);
      }
      Epoch done = new Epoch(e, net.loss(train), net.accuracy(train), net.accuracy(heldOut));
      history.add(done);
      listener.after(done);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(net, stepLosses, heldOutLosses, List.copyOf(history), initialLoss, millis);
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
