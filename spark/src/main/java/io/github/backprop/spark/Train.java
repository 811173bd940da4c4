package io.github.backprop.spark;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trains logistic regression on a synthetic data set spread over Spark's executors and prints
 * the loss at every step. Under spark-submit the master is the cluster's; run directly it is
 * {@code local[2]}, or the {@code spark.master} system property.
 *
 * <pre>Train [--rows N] [--partitions P] [--features D] [--steps S] [--rate R] [--seed X] [--depth T]</pre>
 */
public final class Train {
  private Train() {}

  /** What a run trains on and how: the command line's options with their defaults. */
  record Options(Synthetic data, int steps, double rate, int depth) {
    static Options parse(String... args) {
      long rows = 1_000_000;
      int partitions = 8;
      int features = 8;
      int steps = 20;
      double rate = 4.0;
      long seed = 42;
      int depth = SparkGradient.DEPTH;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("no value after " + args[i]);
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--rows" -> rows = Long.parseLong(value);
          case "--partitions" -> partitions = Integer.parseInt(value);
          case "--features" -> features = Integer.parseInt(value);
          case "--steps" -> steps = Integer.parseInt(value);
          case "--rate" -> rate = Double.parseDouble(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--depth" -> depth = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; known: --rows --partitions --features --steps --rate --seed --depth");
        }
      }
      return new Options(new Synthetic(seed, rows, partitions, features), steps, rate, depth);
    }
  }

  public static void main(String[] args) {
    Options o = Options.parse(args);
    try (JavaSparkContext spark = Contexts.start(new SparkConf());
        SparkGradient gradient = new SparkGradient(spark, o.data(), o.depth())) {
      System.out.printf(Locale.ROOT, "master %s, %d rows of %d features in %d partitions%n",
          spark.master(), o.data().rows(), o.data().features(), o.data().partitions());
      var result = GradientDescent.run(gradient, new double[o.data().features() + 1], o.steps(), o.rate());
      double[] losses = result.losses();
      for (int s = 0; s < losses.length; s++) {
        System.out.printf(Locale.ROOT, "step %3d  mean loss %.10f%n", s, losses[s]);
      }
      System.out.println("weights " + Arrays.toString(result.weights()));
      System.out.println("truth   " + Arrays.toString(o.data().truth()));
      System.out.printf(Locale.ROOT, "%.0f rows/s through the gradient (%d passes in %.2f s)%n",
          result.rowsPerSecond(), losses.length, result.seconds());
    }
  }
}
