package io.github.backprop.spark;

import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Rows per second through the gradient: on one thread without Spark, then on Spark with 1 and
 * 2 local executor threads, over the same cached data. A measurement to read, not a test.
 *
 * <pre>Throughput [rows] [partitions] [passes] [depth]</pre>
 */
public final class Throughput {
  private Throughput() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int depth = args.length > 3 ? Integer.parseInt(args[3]) : SparkGradient.DEPTH;
    Synthetic data = new Synthetic(42, rows, partitions, 8);
    System.out.printf(Locale.ROOT,
        "%d rows of %d features in %d partitions, %d passes after one warm-up, treeAggregate depth %d%n",
        rows, data.features(), partitions, passes, depth);
    print("one thread, no Spark", measure(new LocalGradient(data), data, passes));
    for (int threads = 1; threads <= 2; threads++) {
      try (JavaSparkContext spark = Contexts.start(threads);
          SparkGradient gradient = new SparkGradient(spark, data, depth)) {
        print("Spark local[" + threads + "]", measure(gradient, data, passes));
      }
    }
  }

  /** Rows per second over {@code passes} gradients at fixed weights, after one pass to warm up. */
  public static double measure(GradientDescent.Gradient gradient, Synthetic data, int passes) {
    double[] w = data.truth();
    gradient.at(w);
    long t0 = System.nanoTime();
    long total = 0;
    for (int i = 0; i < passes; i++) {
      total += gradient.at(w).rows();
    }
    return total / ((System.nanoTime() - t0) / 1e9);
  }

  private static void print(String what, double rowsPerSecond) {
    System.out.printf(Locale.ROOT, "%-22s %,14.0f rows/s%n", what, rowsPerSecond);
  }
}
