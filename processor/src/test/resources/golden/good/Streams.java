package golden;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.stream.IntStream;

class Streams {
  /** A stream pipeline runs as its loop; DoubleStream's compensated sum is written out. */
  @Differentiable
  static double dot(double[] w, double[] x) {
    return IntStream.range(0, w.length).mapToDouble(i -> w[i] * x[i]).sum();
  }

  /** filter, then an OptionalDouble's value or its default. */
  @Differentiable
  static double largestSquare(double[] x) {
    return Arrays.stream(x).filter(v -> v > 0).map(v -> v * v).max().orElse(0);
  }

  /** Method references where the stream takes a function: Math's, and Double's sum. */
  @Differentiable
  static double sumOfExps(double[] x) {
    return Arrays.stream(x).map(Math::exp).reduce(0, Double::sum);
  }
}
