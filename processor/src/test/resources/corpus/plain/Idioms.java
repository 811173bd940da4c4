package plain;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.DoubleStream;

/**
 * Everyday Java idioms the other files do not use: lists of boxed doubles, reduce, DoubleStream,
 * operators held in variables, 2D arrays allocated whole, floorMod and Math.round as indices,
 * final var, interfaces with static helpers.
 */
final class Idioms {
  interface Kernel {
    static double epanechnikov(double u) {
      return Math.abs(u) >= 1 ? 0 : 0.75 * (1 - u * u);
    }
  }

  private Idioms() {}

  // at: [1.5, -2.0, 0.5, 3.0]
  @Differentiable
  static double sumOfList(double[] x) {
    List<Double> values = new ArrayList<>();
    for (double v : x) {
      values.add(v * v);
    }
    double total = 0;
    for (Double v : values) {
      total += v;
    }
    return total;
  }

  // at: [1.5, -2.0, 0.5, 3.0]
  @Differentiable
  static double productByReduce(double[] x) {
    return Arrays.stream(x).reduce(1.0, (a, b) -> a * b);
  }

  // at: 0.5, 1.5
  @Differentiable
  static double doubleStreamOfTerms(double a, double b) {
    return DoubleStream.of(a, b, a * b).map(Math::exp).sum();
  }

  // at: 1.5, 2.5, true ; 1.5, 2.5, false
  @Differentiable
  static double operatorInVariable(double x, double y, boolean multiply) {
    DoubleBinaryOperator op = multiply ? (a, b) -> a * b : (a, b) -> a + b;
    return op.applyAsDouble(x, y) * x;
  }

  // at: [1.0, 2.0, 3.0, 4.0], 0.5
  @Differentiable
  static double outerProductTrace(double[] v, double scale) {
    int n = v.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = scale * v[i] * v[j];
      }
    }
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += m[i][i];
    }
    return trace;
  }

  // at: [1.0, 2.0, 3.0, 4.0, 5.0], 7 ; [1.0, 2.0, 3.0, 4.0, 5.0], -3
  @Differentiable
  static double circularLookup(double[] ring, int index) {
    int i = Math.floorMod(index, ring.length);
    int next = Math.floorMod(index + 1, ring.length);
    return 0.5 * (ring[i] + ring[next]);
  }

  // at: [0.5, 1.5, 2.5, 3.5], 1.4 ; [0.5, 1.5, 2.5, 3.5], 2.2
  @Differentiable
  static double nearestSample(double[] samples, double position) {
    int i = (int) Math.round(position);
    i = Math.max(0, Math.min(samples.length - 1, i));
    return samples[i] * position;
  }

  // at: 2.0, 3.0
  @Differentiable
  static double finalVarLocals(double a, double b) {
    final var sum = a + b;
    final var product = a * b;
    return product / sum;
  }

  // at: [0.1, 0.5, 0.9, 1.4], 0.65, 0.5
  @Differentiable
  static double kernelDensity(double[] data, double x, double bandwidth) {
    double density = 0;
    for (double d : data) {
      density += Kernel.epanechnikov((x - d) / bandwidth);
    }
    return density / (data.length * bandwidth);
  }

  // at: [3.0, 1.0, 2.0, 5.0, 4.0]
  @Differentiable
  static double interquartileSpread(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return sorted[(3 * n) / 4] - sorted[n / 4];
  }

  // at: [1.5, -2.0, 0.5], [0.25, 1.0, 2.0]
  @Differentiable
  static double weightedByForEach(double[] values, double[] weights) {
    double[] acc = {0.0};
    int[] k = {0};
    Arrays.stream(values).forEach(v -> acc[0] += v * weights[k[0]++]);
    return acc[0];
  }

  // at: [1.5, -2.0, 0.5, 3.0]
  @Differentiable
  static double maxOfList(double[] x) {
    List<Double> values = new ArrayList<>();
    for (double v : x) {
      values.add(Math.sin(v));
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.size(); i++) {
      best = Math.max(best, values.get(i));
    }
    return best;
  }
}
