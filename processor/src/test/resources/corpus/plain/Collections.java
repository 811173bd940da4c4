package plain;

import io.github.backprop.Differentiable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data passed in collections, as users pass it: lists of rows, maps of weights, sets of names. */
final class Collections {
  private Collections() {}

  // at: [2.0, 0.7], [[0.5, 1.9], [1.0, 1.2], [2.0, 0.45]] ; [1.2, 0.2], [[0.0, 1.0], [3.0, 0.8]]
  @Differentiable
  static double exponentialFitSse(double[] p, List<double[]> data) {
    double s = 0;
    for (double[] row : data) {
      double r = p[0] * Math.exp(-p[1] * row[0]) - row[1];
      s += r * r;
    }
    return s;
  }

  // at: 0.4, 1.3, [0.2, -0.5, 1.1, 0.9] ; -1.0, 0.6, [2.5, 1.5]
  @Differentiable
  static double gaussianNegLogLikelihood(double mu, double sigma, Collection<Double> samples) {
    double nll = 0;
    for (double x : samples) {
      double z = (x - mu) / sigma;
      nll += 0.5 * z * z + Math.log(sigma);
    }
    return nll + 0.5 * samples.size() * Math.log(2 * Math.PI);
  }

  // at: [0.5, -1.5, 2.0], ["b"], ["a", "b", "c"], 0.1 ; [1.0, 1.0, 1.0], [], ["a", "b", "c"], 0.5
  @Differentiable
  static double ridgeExceptFrozen(double[] w, Set<String> frozen, List<String> names, double lambda) {
    double penalty = 0;
    for (int i = 0; i < names.size(); i++) {
      if (!frozen.contains(names.get(i))) {
        penalty += w[i] * w[i];
      }
    }
    return lambda * penalty;
  }

  // at: [0.3, -0.2], ["bias" = 0.5, "age" = 1.25, "income" = -0.75], 2.0 ; [1.0, 0.5], ["bias" = 1.0], -1.0
  @Differentiable
  static double weightedFeatures(double[] w, Map<String, Double> weights, double x) {
    double s = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      double k = e.getKey().equals("bias") ? 1 : x;
      s += e.getValue() * Math.tanh(w[0] * k + w[1]);
    }
    return s + weights.getOrDefault("scale", 1.0) * w[0];
  }

  // at: [0.8, -0.1], [[1.0, 2.0], [2.0, 3.5], [3.0, 7.0]], 1.0 ; [2.0, 0.3], [[0.0, 0.0], [1.0, 10.0]], 0.5
  @Differentiable
  static double huberOverRows(double[] w, Iterable<double[]> rows, double delta) {
    double loss = 0;
    for (double[] r : rows) {
      double e = w[0] * r[0] + w[1] - r[1];
      double a = Math.abs(e);
      loss += a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
    }
    return loss;
  }

  // at: 0.7, [[1.0, 2.0], [0.5, -1.0]], ["a" = [1.0, 2.0], "b" = [0.5, 0.25]] ; -0.3, [[2.0, 1.0]], ["a" = [3.0, 1.0]]
  @Differentiable
  static double streamedMoments(double x, List<double[]> data, Map<String, double[]> offsets) {
    double products = data.stream().mapToDouble(r -> r[0] * r[1]).sum();
    double shift = offsets.get("a")[1];
    return products * Math.sin(x) + shift * x * x;
  }
}
