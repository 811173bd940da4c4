package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.Flat;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Iris network: data, split, the generated gradient against finite differences, training. */
class MlpTest {
  private static Iris.Split split;
  private static MlpTraining.Result trained;

  @BeforeAll
  static void train() {
    split = MlpTraining.irisSplit();
    trained = MlpTraining.trainIris(e -> { });
  }

  @Test
  void theDataAre150FlowersFiftyOfEachSpecies() {
    Iris.Data all = Iris.load();
    assertEquals(150, all.size());
    assertArrayEquals(new int[] {50, 50, 50}, all.counts());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, all.x()[0]);
    assertEquals(0, all.y()[0]);
    assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, all.x()[149]);
    assertEquals(2, all.y()[149]);
    // Fisher's values for samples 35 and 38, not the two typos of UCI's iris.data.
    assertArrayEquals(new double[] {4.9, 3.1, 1.5, 0.2}, all.x()[34]);
    assertArrayEquals(new double[] {4.9, 3.6, 1.4, 0.1}, all.x()[37]);
  }

  @Test
  void theSplitIsStratifiedStandardisedAndDeterministic() {
    assertEquals(120, split.train().size());
    assertEquals(30, split.heldOut().size());
    assertArrayEquals(new int[] {40, 40, 40}, split.train().counts());
    assertArrayEquals(new int[] {10, 10, 10}, split.heldOut().counts());
    for (int i = 0; i < Iris.FEATURES; i++) {
      double sum = 0;
      double ss = 0;
      for (double[] row : split.train().x()) {
        sum += row[i];
        ss += row[i] * row[i];
      }
      assertEquals(0, sum / 120, 1e-12, "mean of feature " + i);
      assertEquals(1, Math.sqrt(ss / 119), 1e-12, "sd of feature " + i);
    }
    var again = MlpTraining.irisSplit();
    assertArrayEquals(split.train().y(), again.train().y());
    assertArrayEquals(split.heldOut().x()[7], again.heldOut().x()[7]);
  }

  /** The weights as one vector: the hidden layer's w row by row and b, then the output layer's. */
  private static double[] flat(Mlp net) {
    return Flat.of(net.hidden.w()).and(net.hidden.b()).and(net.output.w()).and(net.output.b()).toArray();
  }

  /** A gradient as one vector, in the order of {@link #flat(Mlp)}. */
  private static double[] flat(MlpGrad.MlpTangent g) {
    return Flat.of(g.hidden().w()).and(g.hidden().b()).and(g.output().w()).and(g.output().b()).toArray();
  }

  /** The network whose weights are {@code p}, read in the order of {@link #flat(Mlp)}. */
  private static Mlp net(double[] p) {
    Flat.Reader in = Flat.read(p);
    var hidden = new Mlp.Layer(in.matrix(Mlp.HIDDEN, Mlp.INPUTS), in.vector(Mlp.HIDDEN));
    return new Mlp(hidden, new Mlp.Layer(in.matrix(Mlp.CLASSES, Mlp.HIDDEN), in.vector(Mlp.CLASSES)));
  }

  private static Mlp randomNet(Random random) {
    double[] p = new double[Mlp.SIZE];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextGaussian();
    }
    return net(p);
  }

  /** Every partial of the generated gradient against central differences, to 1e-6 relative. */
  private static void assertGradientMatchesFiniteDifferences(Mlp net, int[] batch) {
    Iris.Data d = split.train();
    double[] before = flat(net);
    var g = MlpGrad.loss(net, d, batch);
    assertEquals(net.loss(d, batch), g.value());
    assertArrayEquals(before, flat(net), 0.0, "the network is read, never written");
    double[] gw = flat(g.self());
    assertEquals(Mlp.SIZE, gw.length);
    double[] fd = CentralDifference.gradient(p -> net(p).loss(d, batch), before, 1e-3);
    double largest = 0;
    for (double gi : gw) {
      largest = Math.max(largest, Math.abs(gi));
    }
    for (int i = 0; i < Mlp.SIZE; i++) {
      // Relative to the partial itself, or to a thousandth of the largest for partials near 0.
      double scale = Math.max(Math.abs(gw[i]), 1e-3 * largest);
      double rel = Math.abs(gw[i] - fd[i]) / scale;
      int at = i;
      assertTrue(rel < 1e-6, () -> "weight " + at + ": backprop " + gw[at] + ", finite difference "
          + fd[at] + ", relative error " + rel);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAtTheStart() {
    assertGradientMatchesFiniteDifferences(Mlp.initial(new Random(MlpTraining.SEED)),
        Mlp.all(split.train().size()));
  }

  @Test
  void gradientMatchesFiniteDifferencesAtRandomWeightsAndBatches() {
    Random random = new Random(1);
    for (int trial = 0; trial < 3; trial++) {
      Mlp net = randomNet(random);
      int[] batch = new int[12];
      for (int b = 0; b < batch.length; b++) {
        batch[b] = random.nextInt(split.train().size());
      }
      assertGradientMatchesFiniteDifferences(net, batch);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAtTheTrainedWeights() {
    assertGradientMatchesFiniteDifferences(trained.net(), new int[] {0, 1, 2, 3, 4, 5, 6, 7});
  }

  @Test
  void theGradientIsShapedLikeTheNetwork() {
    var g = MlpGrad.loss(trained.net(), split.train(), new int[] {3, 50, 90}).self();
    assertEquals(Mlp.HIDDEN, g.hidden().w().length);
    assertEquals(Mlp.INPUTS, g.hidden().w()[0].length);
    assertEquals(Mlp.HIDDEN, g.hidden().b().length);
    assertEquals(Mlp.CLASSES, g.output().w().length);
    assertEquals(Mlp.HIDDEN, g.output().w()[0].length);
    assertEquals(Mlp.CLASSES, g.output().b().length);
  }

  @Test
  void theAccumulateOverloadAddsIntoATangentOfArraysYouOwn() {
    Mlp net = randomNet(new Random(2));
    Iris.Data d = split.train();
    int[] first = {0, 40, 80, 7};
    int[] second = {1, 2, 119};
    var into = new MlpGrad.MlpTangent(
        new MlpGrad.LayerTangent(new double[Mlp.HIDDEN][Mlp.INPUTS], new double[Mlp.HIDDEN]),
        new MlpGrad.LayerTangent(new double[Mlp.CLASSES][Mlp.HIDDEN], new double[Mlp.CLASSES]));
    double v1 = MlpGrad.loss(net, d, first, into);
    double v2 = MlpGrad.loss(net, d, second, into);
    var g1 = MlpGrad.loss(net, d, first);
    var g2 = MlpGrad.loss(net, d, second);
    assertEquals(g1.value(), v1);
    assertEquals(g2.value(), v2);
    double[] a = flat(g1.self());
    double[] b = flat(g2.self());
    double[] sum = flat(into);
    for (int i = 0; i < Mlp.SIZE; i++) {
      assertEquals(a[i] + b[i], sum[i], 1e-15 * (Math.abs(a[i]) + Math.abs(b[i])), "weight " + i);
    }
  }

  @Test
  void trainingWithTheAccumulateOverloadGivesTheSameWeights() {
    Iris.Data train = split.train();
    Mlp byRecord = Mlp.initial(new Random(4));
    Mlp byAccumulate = Mlp.initial(new Random(4));
    Adam adamByRecord = new Adam(0.01, byRecord.parameters());
    Adam adamByAccumulate = new Adam(0.01, byAccumulate.parameters());
    var g = new MlpGrad.MlpTangent(
        new MlpGrad.LayerTangent(new double[Mlp.HIDDEN][Mlp.INPUTS], new double[Mlp.HIDDEN]),
        new MlpGrad.LayerTangent(new double[Mlp.CLASSES][Mlp.HIDDEN], new double[Mlp.CLASSES]));
    double[][] arrays = Mlp.parameters(g);
    Random random = new Random(5);
    for (int step = 0; step < 50; step++) {
      int[] batch = new int[12];
      for (int b = 0; b < batch.length; b++) {
        batch[b] = random.nextInt(train.size());
      }
      adamByRecord.step(Mlp.parameters(MlpGrad.loss(byRecord, train, batch).self()));
      for (double[] a : arrays) {
        Arrays.fill(a, 0);
      }
      MlpGrad.loss(byAccumulate, train, batch, g);
      adamByAccumulate.step(arrays);
    }
    assertArrayEquals(flat(byRecord), flat(byAccumulate), 0.0);
    assertTrue(byRecord.loss(train) < Mlp.initial(new Random(4)).loss(train));
  }

  @Test
  void parametersAreTheNetworksOwnArraysInTheOrderOfItsGradient() {
    Mlp net = randomNet(new Random(3));
    double[][] p = net.parameters();
    assertSame(net.hidden.w()[0], p[0]);
    assertSame(net.hidden.b(), p[Mlp.HIDDEN]);
    assertSame(net.output.b(), p[p.length - 1]);
    Flat all = Flat.empty();
    for (double[] a : p) {
      all = all.and(a);
    }
    assertArrayEquals(flat(net), all.toArray(), 0.0);
    var g = MlpGrad.loss(net, split.train(), new int[] {5, 6}).self();
    Flat grads = Flat.empty();
    for (double[] a : Mlp.parameters(g)) {
      grads = grads.and(a);
    }
    assertArrayEquals(flat(g), grads.toArray(), 0.0);
  }

  @Test
  void theLossIsTheCrossEntropyOfTheSoftmax() {
    Mlp net = trained.net();
    Iris.Data d = split.heldOut();
    for (int n = 0; n < d.size(); n++) {
      double[] z = net.logits(d.x()[n]);
      double sum = 0;
      for (double zk : z) {
        sum += Math.exp(zk);
      }
      double want = -Math.log(Math.exp(z[d.y()[n]]) / sum);
      assertEquals(want, net.loss(d, new int[] {n}), 1e-12);
    }
  }

  @Test
  void trainingConverges() {
    var last = trained.last();
    assertTrue(last.trainAccuracy() >= 0.95, "training accuracy " + last.trainAccuracy());
    assertTrue(last.heldOutAccuracy() >= 0.9, "held-out accuracy " + last.heldOutAccuracy());
    assertTrue(last.loss() < trained.initialLoss() / 10, "loss " + trained.initialLoss() + " -> " + last.loss());
    assertEquals(MlpTraining.EPOCHS, trained.epochs().size());
    double[] losses = trained.stepLosses();
    assertEquals(MlpTraining.EPOCHS * 10 + 1, losses.length);
    assertEquals(trained.initialLoss(), losses[0]);
    assertEquals(last.loss(), losses[losses.length - 1]);
    // The loss falls: every tenth of the run ends lower than the one before.
    for (int k = 1; k <= 10; k++) {
      assertTrue(losses[k * 100] < losses[(k - 1) * 100], "loss at step " + k * 100);
    }
    assertTrue(trained.millis() < 10_000, trained.millis() + " ms");
  }

  @Test
  void headlineNumbers() {
    // What Main prints: 118 of 120 training flowers right, all 30 held-out ones.
    var last = trained.last();
    assertEquals(1.1512, trained.initialLoss(), 1e-4);
    assertEquals(0.0482, last.loss(), 1e-4);
    assertEquals(118, Math.round(120 * last.trainAccuracy()));
    assertEquals(30, Math.round(30 * last.heldOutAccuracy()));
    assertEquals(last.trainAccuracy(), trained.net().accuracy(split.train()));
    assertEquals(last.heldOutAccuracy(), trained.net().accuracy(split.heldOut()));
  }
}
