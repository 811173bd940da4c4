package io.github.backprop.spark;

/**
 * Plain gradient descent on the mean loss, the same for Spark and for one machine: only where
 * the summed gradient comes from differs.
 */
public final class GradientDescent {
  private GradientDescent() {}

  /** The loss and gradient summed over the whole data set at the weights {@code w}. */
  public interface Gradient {
    GradientSum at(double[] w);
  }

  /**
   * @param weights the weights after the last step
   * @param losses  the mean loss before each step, then after the last one ({@code steps + 1})
   * @param rows    the rows of the data set
   * @param seconds the time spent in the {@code steps + 1} gradient passes
   */
  public record Result(double[] weights, double[] losses, long rows, double seconds) {
    /** Rows through the gradient per second, over every pass. */
    public double rowsPerSecond() {
      return rows * (double) losses.length / seconds;
    }
  }

  /** {@code steps} steps of {@code w -= rate * mean gradient} from {@code start}. */
  public static Result run(Gradient gradient, double[] start, int steps, double rate) {
    double[] w = start.clone();
    double[] losses = new double[steps + 1];
    long rows = 0;
    long nanos = 0;
    for (int s = 0; ; s++) {
      long t0 = System.nanoTime();
      GradientSum sum = gradient.at(w);
      nanos += System.nanoTime() - t0;
      rows = sum.rows();
      losses[s] = sum.loss() / rows;
      if (s == steps) {
        break;
      }
      double[] g = sum.gradient();
      for (int i = 0; i < w.length; i++) {
        w[i] -= rate * g[i] / rows;
      }
    }
    return new Result(w, losses, rows, nanos / 1e9);
  }
}
