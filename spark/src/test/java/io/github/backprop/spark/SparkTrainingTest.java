package io.github.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression on 10^6 rows in 8 partitions, trained on Spark with two local executor
 * threads, against the same steps on one machine.
 */
class SparkTrainingTest {
  static final Synthetic DATA = new Synthetic(42, 1_000_000, 8, 8);
  private static final int STEPS = 20;
  private static final double RATE = 4.0;

  /**
   * Each partition's sum is the same on both sides to the last bit; only the order in which the
   * eight sums are added differs (treeAggregate adds them in a tree, and at the driver in the
   * order tasks finish). That moves the summed gradient by a few ulps of the partition sums (at
   * most about 10^5 here, so 1e-10), which is 1e-16 once divided by the 10^6 rows: about 4e-16
   * per weight per step at rate 4. A gradient step below 2/L is non-expansive on a convex loss,
   * so 20 steps add such differences at most: under 1e-14, and 1e-12 leaves a hundredfold.
   */
  private static final double TOLERANCE = 1e-12;

  private static JavaSparkContext spark;
  private static SparkGradient onSpark;
  private static LocalGradient alone;

  @BeforeAll
  static void start() {
    spark = Contexts.start(2);
    onSpark = new SparkGradient(spark, DATA);
    alone = new LocalGradient(DATA);
  }

  @AfterAll
  static void stop() {
    if (onSpark != null) {
      onSpark.close();
    }
    if (spark != null) {
      spark.close();
    }
  }

  @Test
  void eachPartitionSumsExactlyWhatOneMachineSumsForItsBlock() {
    double[] w = DATA.truth();
    List<GradientSum> distributed = onSpark.perPartition(w);
    List<GradientSum> local = alone.perPartition(w);
    assertEquals(DATA.partitions(), distributed.size());
    for (int p = 0; p < DATA.partitions(); p++) {
      assertEquals(DATA.start(p + 1) - DATA.start(p), distributed.get(p).rows());
      assertEquals(local.get(p).loss(), distributed.get(p).loss(), 0.0, "partition " + p);
      assertArrayEquals(local.get(p).gradient(), distributed.get(p).gradient(), 0.0, "partition " + p);
    }
  }

  @Test
  void trainingOnSparkFallsAndEqualsTheSameStepsOnOneMachine() {
    double[] start = new double[DATA.features() + 1];
    var distributed = GradientDescent.run(onSpark, start, STEPS, RATE);
    var local = GradientDescent.run(alone, start, STEPS, RATE);
    assertEquals(DATA.rows(), distributed.rows());

    double[] losses = distributed.losses();
    // Every row's loss at w = 0 is log 2; adding 10^6 of them one by one rounds by up to 10^6 ulps.
    assertEquals(Math.log(2), losses[0], 1e-9);
    for (int s = 1; s <= STEPS; s++) {
      assertTrue(losses[s] < losses[s - 1], "step " + s + ": " + losses[s] + " after " + losses[s - 1]);
    }
    // The loss at the weights the labels were drawn from bounds the best fit from above; the
    // steps close most of the gap to it, and the gradient all but vanishes.
    double atTruth = alone.at(DATA.truth()).loss() / DATA.rows();
    assertTrue(losses[STEPS] - atTruth < 0.1 * (losses[0] - atTruth),
        "loss " + losses[STEPS] + ", at the truth " + atTruth);
    double before = norm(alone.at(start).gradient());
    double after = norm(alone.at(distributed.weights()).gradient());
    assertTrue(after < 1e-3 * before, "gradient norm " + after + " after, " + before + " before");

    assertArrayEquals(local.losses(), losses, TOLERANCE);
    assertArrayEquals(local.weights(), distributed.weights(), TOLERANCE);
    double worst = 0;
    for (int i = 0; i < start.length; i++) {
      worst = Math.max(worst, Math.abs(local.weights()[i] - distributed.weights()[i]));
    }
    System.out.printf(Locale.ROOT,
        "Spark local[2]: mean loss %.6f -> %.6f in %d steps (%.6f at the true weights), gradient norm"
            + " %.3g -> %.3g; largest weight difference from one machine %.3g%n",
        losses[0], losses[STEPS], STEPS, atTruth, before, after, worst);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
