package io.github.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The loss, its generated gradient and the synthetic data, without Spark. */
class LogisticTest {
  private static final Synthetic DATA = new Synthetic(7, 1000, 3, 4);

  @Test
  void theGeneratedGradientMatchesFiniteDifferences() {
    Block block = DATA.block(1);
    double[][] points = {DATA.truth(), new double[5], {3, -2, 0.5, 4, -1}, {-20, 15, 9, -30, 2}};
    for (double[] w : points) {
      for (int r : new int[] {0, 17, block.rows() - 1}) {
        int at = r * block.features();
        double y = block.y()[r];
        GradientCheck.of(v -> Logistic.loss(v, block.x(), at, y), v -> LogisticGrad.loss(v, block.x(), at, y).w())
            .at(w).directions(4).seed(r).alongAxes()
            .check().assertWithin(1e-6);
      }
    }
  }

  @Test
  void theAccumulateOverloadAddsIntoTheCallersArray() {
    Block block = DATA.block(0);
    double[] w = DATA.truth();
    double[] sum = new double[w.length];
    double[] expected = new double[w.length];
    double loss = 0;
    for (int r = 0; r < 3; r++) {
      int at = r * block.features();
      loss += LogisticGrad.loss(w, block.x(), at, block.y()[r], sum);
      var g = LogisticGrad.loss(w, block.x(), at, block.y()[r]);
      for (int i = 0; i < w.length; i++) {
        expected[i] += g.w()[i];
      }
      assertEquals(Logistic.loss(w, block.x(), at, block.y()[r]), g.value());
    }
    assertArrayEquals(expected, sum, 1e-15);
    assertEquals(new GradientSum(w.length).add(new Block(0, 4, Arrays.copyOf(block.x(), 12),
        Arrays.copyOf(block.y(), 3)), w).loss(), loss);
  }

  @Test
  void theLossStaysFiniteWhereExpWouldOverflow() {
    double[] x = {1};
    for (double z : new double[] {-800, 800}) {
      double[] w = {z, 0};
      assertEquals(Math.max(z, 0) - z, Logistic.loss(w, x, 0, 1), 1e-12);
      double[] g = LogisticGrad.loss(w, x, 0, 1).w();
      assertEquals(z > 0 ? 0 : -1, g[0], 1e-12); // sigmoid(z) - y
    }
  }

  @Test
  void blocksDependOnTheSeedAndIndexAloneAndCoverEveryRow() {
    Block again = new Synthetic(7, 1000, 3, 4).block(2);
    assertArrayEquals(DATA.block(2).x(), again.x());
    assertArrayEquals(DATA.block(2).y(), again.y());
    assertFalse(Arrays.equals(DATA.block(1).x(), again.x()));
    assertFalse(Arrays.equals(new Synthetic(8, 1000, 3, 4).block(2).x(), again.x()));
    int rows = 0;
    for (int p = 0; p < DATA.partitions(); p++) {
      Block b = DATA.block(p);
      assertEquals(p, b.index());
      assertEquals(b.rows() * 4, b.x().length);
      rows += b.rows();
    }
    assertEquals(1000, rows);
  }

  @Test
  void labelsFollowTheTrueModel() {
    Synthetic data = new Synthetic(3, 20_000, 1, 4);
    Block b = data.block(0);
    double[] truth = data.truth();
    double expected = 0;
    double ones = 0;
    for (int r = 0; r < b.rows(); r++) {
      expected += Logistic.probability(truth, b.x(), r * 4);
      ones += b.y()[r];
      assertTrue(b.y()[r] == 0 || b.y()[r] == 1);
    }
    // 20,000 Bernoulli draws: the count's standard deviation is at most 71.
    assertEquals(expected, ones, 5 * 71);
  }
}
