package io.github.backprop.spark;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The data set as a cached RDD of one {@link Block} per partition, generated on the executors;
 * each gradient is one Spark job: every partition sums its rows' gradients with the accumulate
 * overload, and {@code treeAggregate} adds the partitions' sums up on the way to the driver.
 */
public final class SparkGradient implements GradientDescent.Gradient, AutoCloseable {
  /** Spark's default depth of treeAggregate. */
  public static final int DEPTH = 2;

  private final JavaRDD<Block> blocks;
  private final int depth;

  /** Generates and caches {@code data}'s blocks, one per partition; treeAggregate of depth 2. */
  public SparkGradient(JavaSparkContext spark, Synthetic data) {
    this(spark, data, DEPTH);
  }

  /**
   * Generates and caches {@code data}'s blocks, one per partition. {@code depth} is
   * treeAggregate's: above 1, and with enough partitions that Spark finds it worth a shuffle,
   * executors add partitions' sums together before the driver adds the rest.
   */
  public SparkGradient(JavaSparkContext spark, Synthetic data, int depth) {
    this.depth = depth;
    List<Integer> indices = IntStream.range(0, data.partitions()).boxed().toList();
    blocks = spark.parallelize(indices, data.partitions()).map(data::block).cache();
    blocks.count(); // generate and cache now, so that no step's time includes it
  }

  @Override
  public GradientSum at(double[] w) {
    double[] weights = w.clone(); // shipped to the executors with the task
    return blocks.treeAggregate(
        new GradientSum(weights.length), (sum, block) -> sum.add(block, weights), GradientSum::merge, depth);
  }

  /** Each partition's own sum, in partition order: what {@link #at} combines. */
  public List<GradientSum> perPartition(double[] w) {
    double[] weights = w.clone();
    return blocks.map(block -> new GradientSum(weights.length).add(block, weights)).collect();
  }

  @Override
  public void close() {
    blocks.unpersist();
  }
}
