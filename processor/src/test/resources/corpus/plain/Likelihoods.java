package plain;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/** Statistics and ML losses written with the JDK's collections, streams and boxed numbers. */
final class Likelihoods {
  private Likelihoods() {}

  // at: [1.0, 2.0, 3.0] ; [-1.5, 0.0, 2.5, 1.0]
  @Differentiable
  static double logSumExp(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    double sum = 0.0;
    for (double v : x) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  // at: [1.0, 2.0, 0.5], 1
  @Differentiable
  static double softmaxCrossEntropy(double[] logits, int label) {
    double max = Arrays.stream(logits).max().getAsDouble();
    double[] exps = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      exps[i] = Math.exp(logits[i] - max);
      sum += exps[i];
    }
    double p = exps[label] / sum;
    return -Math.log(p);
  }

  // at: [1.2, 0.8, 2.5, 1.9], 1.5, 0.7
  @Differentiable
  static double gaussianLogLikelihood(double[] data, double mu, double sigma) {
    final double LOG_2PI = Math.log(2 * Math.PI);
    double ll = 0;
    for (double x : data) {
      double z = (x - mu) / sigma;
      ll += -0.5 * z * z - Math.log(sigma) - 0.5 * LOG_2PI;
    }
    return ll;
  }

  // at: [2, 0, 3, 1], 1.7
  @Differentiable
  static double poissonLogLikelihood(int[] counts, double lambda) {
    double ll = 0;
    for (int k : counts) {
      double logFactorial = 0;
      for (int j = 2; j <= k; j++) {
        logFactorial += Math.log(j);
      }
      ll += k * Math.log(lambda) - lambda - logFactorial;
    }
    return ll;
  }

  // at: 1.5, -0.5, 2.0
  @Differentiable
  static double meanOfList(double a, double b, double c) {
    List<Double> values = new ArrayList<>();
    values.add(a);
    values.add(b);
    values.add(c);
    double sum = 0;
    for (Double v : values) {
      sum += v;
    }
    return sum / values.size();
  }

  // at: 1.5, -0.5, 2.0
  @Differentiable
  static double maxOfListWithCollections(double a, double b, double c) {
    List<Double> values = new ArrayList<>(List.of(a, b, c));
    double largest = Collections.max(values);
    double smallest = Collections.min(values);
    return largest - smallest + largest * smallest;
  }

  // at: [0.3, 1.7, -0.2, 0.9]
  @Differentiable
  static double varianceByStream(double[] x) {
    double mean = Arrays.stream(x).average().orElse(0.0);
    return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
  }

  // at: 0.5, 1.5, 2.5
  @Differentiable
  static double sumOfDoubleStream(double a, double b, double c) {
    return DoubleStream.of(a, b, c).map(Math::sqrt).sum();
  }

  // at: [0.1, 0.4, 0.35, 0.15], [0.25, 0.25, 0.25, 0.25]
  @Differentiable
  static double klDivergence(double[] p, double[] q) {
    return IntStream.range(0, p.length)
        .mapToDouble(i -> p[i] * Math.log(p[i] / q[i]))
        .sum();
  }

  // at: [0.5, -1.2, 2.0], [1, 0, 1]
  @Differentiable
  static double binaryCrossEntropyWithLogits(double[] logits, int[] labels) {
    double loss = 0;
    for (int i = 0; i < logits.length; i++) {
      double z = logits[i];
      // stable: max(z, 0) - z * y + log(1 + exp(-|z|))
      loss += Math.max(z, 0) - z * labels[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return loss / logits.length;
  }

  // at: [0.5, -1.2, 2.0], [0.2, -1.0, 3.5], 0.3
  @Differentiable
  static double pinballLoss(double[] predicted, double[] actual, double tau) {
    double total = 0;
    int n = predicted.length;
    for (int i = 0; i < n; i++) {
      double residual = actual[i] - predicted[i];
      total += residual >= 0 ? tau * residual : (tau - 1) * residual;
    }
    return total / n;
  }

  // at: [0.8, -0.3, 1.4], [1.0, 0.2, 0.9]
  @Differentiable
  static double logCoshLoss(double[] predicted, double[] actual) {
    double sum = 0.0;
    int i = 0;
    while (i < predicted.length) {
      sum += Math.log(Math.cosh(predicted[i] - actual[i]));
      i++;
    }
    return sum;
  }

  // at: 2.0, 3.0, 0.4
  @Differentiable
  static double betaLogDensity(double alpha, double beta, double x) {
    double logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
    return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - logB;
  }

  /** Lanczos approximation, as copied from many a textbook. */
  static double logGamma(double x) {
    double[] coef = {76.18009172947146, -86.50532032941677, 24.01409824083091,
        -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};
    double y = x;
    double tmp = x + 5.5;
    tmp -= (x + 0.5) * Math.log(tmp);
    double ser = 1.000000000190015;
    for (double c : coef) {
      ser += c / ++y;
    }
    return -tmp + Math.log(2.5066282746310005 * ser / x);
  }

  // at: [1.0, 2.0, 4.0, 3.0]
  @Differentiable
  static double medianBySort(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // at: [2.0, 1.0, 0.1]
  @Differentiable
  static double entropyOfSoftmax(double[] logits) {
    double[] p = softmax(logits);
    double h = 0;
    for (double pi : p) {
      h -= pi * Math.log(pi);
    }
    return h;
  }

  static double[] softmax(double[] z) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      m = Double.max(m, v);
    }
    double[] out = new double[z.length];
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - m);
      s += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return out;
  }
}
