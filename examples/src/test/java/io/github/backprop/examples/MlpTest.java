package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Iris network: data, split, the generated gradient against finite differences, training. */
class MlpTest {
  private static Iris.Split split;
  private static Mlp.Result trained;

  @BeforeAll
  static void train() {
    split = Iris.split(Iris.load(), Mlp.HELD_OUT_PER_SPECIES, Mlp.SEED);
    trained = Mlp.trainIris(e -> { });
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
    var again = Iris.split(Iris.load(), Mlp.HELD_OUT_PER_SPECIES, Mlp.SEED);
    assertArrayEquals(split.train().y(), again.train().y());
    assertArrayEquals(split.heldOut().x()[7], again.heldOut().x()[7]);
  }

  /** Every partial of the generated gradient against central differences, to 1e-6 relative. */
  private static void assertGradientMatchesFiniteDifferences(double[] w, int[] batch) {
    Iris.Data d = split.train();
    var g = MlpGrad.loss(w, d.x(), d.y(), batch);
    assertEquals(Mlp.loss(w, d.x(), d.y(), batch), g.value());
    assertEquals(Mlp.SIZE, g.w().length);
    double[] fd = CentralDifference.gradient(p -> Mlp.loss(p, d.x(), d.y(), batch), w, 1e-3);
    double largest = 0;
    for (double gi : g.w()) {
      largest = Math.max(largest, Math.abs(gi));
    }
    for (int i = 0; i < Mlp.SIZE; i++) {
      // Relative to the partial itself, or to a thousandth of the largest for partials near 0.
      double scale = Math.max(Math.abs(g.w()[i]), 1e-3 * largest);
      double rel = Math.abs(g.w()[i] - fd[i]) / scale;
      int at = i;
      assertTrue(rel < 1e-6, () -> "weight " + at + ": backprop " + g.w()[at] + ", finite difference "
          + fd[at] + ", relative error " + rel);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAtTheStart() {
    assertGradientMatchesFiniteDifferences(Mlp.initialWeights(new Random(Mlp.SEED)),
        Mlp.all(split.train().size()));
  }

  @Test
  void gradientMatchesFiniteDifferencesAtRandomWeightsAndBatches() {
    Random random = new Random(1);
    for (int trial = 0; trial < 3; trial++) {
      double[] w = new double[Mlp.SIZE];
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextGaussian();
      }
      int[] batch = new int[12];
      for (int b = 0; b < batch.length; b++) {
        batch[b] = random.nextInt(split.train().size());
      }
      assertGradientMatchesFiniteDifferences(w, batch);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAtTheTrainedWeights() {
    assertGradientMatchesFiniteDifferences(trained.weights(), new int[] {0, 1, 2, 3, 4, 5, 6, 7});
  }

  @Test
  void theLossIsTheCrossEntropyOfTheSoftmax() {
    double[] w = trained.weights();
    Iris.Data d = split.heldOut();
    for (int n = 0; n < d.size(); n++) {
      double[] z = Mlp.logits(w, d.x()[n]);
      double sum = 0;
      for (double zk : z) {
        sum += Math.exp(zk);
      }
      double want = -Math.log(Math.exp(z[d.y()[n]]) / sum);
      assertEquals(want, Mlp.loss(w, d.x(), d.y(), new int[] {n}), 1e-12);
    }
  }

  @Test
  void trainingConverges() {
    var last = trained.last();
    assertTrue(last.trainAccuracy() >= 0.95, "training accuracy " + last.trainAccuracy());
    assertTrue(last.heldOutAccuracy() >= 0.9, "held-out accuracy " + last.heldOutAccuracy());
    assertTrue(last.loss() < trained.initialLoss() / 10, "loss " + trained.initialLoss() + " -> " + last.loss());
    assertEquals(Mlp.EPOCHS, trained.epochs().size());
    double[] losses = trained.stepLosses();
    assertEquals(Mlp.EPOCHS * 10 + 1, losses.length);
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
    assertEquals(last.trainAccuracy(), Mlp.accuracy(trained.weights(), split.train()));
    assertEquals(last.heldOutAccuracy(), Mlp.accuracy(trained.weights(), split.heldOut()));
  }
}
