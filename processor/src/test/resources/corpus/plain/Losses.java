package plain;

import io.github.backprop.Differentiable;

/** Activations and losses as found in hand-written Java ML code. */
final class Losses {
  private static final double EPS = 1e-12;
  public static final double LEAKY_SLOPE = 0.01;

  private Losses() {}

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  // at: [0.5, -1.2, 2.0], [1, 0, 1]
  @Differentiable
  static double binaryCrossEntropy(double[] logits, double[] labels) {
    double loss = 0;
    for (int i = 0; i < logits.length; i++) {
      double p = sigmoid(logits[i]);
      p = Math.min(Math.max(p, EPS), 1 - EPS);
      loss -= labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
    }
    return loss / logits.length;
  }

  // at: [1.0, 2.0, 0.5], 1
  @Differentiable
  static double softmaxCrossEntropy(double[] logits, int target) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      if (z > max) max = z;
    }
    double sum = 0;
    for (double z : logits) {
      sum += Math.exp(z - max);
    }
    return -(logits[target] - max - Math.log(sum));
  }

  // at: [1.5, 2.0, 3.5], [1.0, 2.5, 3.0]
  @Differentiable
  static double meanSquaredError(double[] predicted, double[] actual) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException("length mismatch: " + predicted.length + " vs " + actual.length);
    }
    double sum = 0.0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return sum / predicted.length;
  }

  // at: [0.3, 2.5, -1.7], [0.0, 1.0, -1.0], 1.0
  @Differentiable
  static double huberLoss(double[] predicted, double[] actual, double delta) {
    double loss = 0;
    for (int i = 0; i < predicted.length; i++) {
      double r = Math.abs(predicted[i] - actual[i]);
      loss += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }
    return loss;
  }

  // at: [0.3, -0.8, 1.7], [1, -1, 1]
  @Differentiable
  static double hingeLoss(double[] scores, int[] labels) {
    double total = 0;
    for (int i = 0; i < scores.length; i++) {
      total += Math.max(0, 1 - labels[i] * scores[i]);
    }
    return total;
  }

  // at: 0.7 ; -1.3
  @Differentiable
  static double gelu(double x) {
    return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
  }

  // at: 0.7 ; -1.3
  @Differentiable
  static double swish(double x) {
    return x * sigmoid(x);
  }

  // at: 0.7 ; -1.3
  @Differentiable
  static double leakyRelu(double x) {
    return x > 0 ? x : LEAKY_SLOPE * x;
  }

  // at: 0.7 ; -1.3 ; 25.0
  @Differentiable
  static double softplus(double x) {
    if (x > 20) {
      return x; // avoids overflow
    }
    return Math.log1p(Math.exp(x));
  }

  // at: 0.7, 1.0 ; -1.3, 0.5
  @Differentiable
  static double elu(double x, double alpha) {
    return (x >= 0) ? x : alpha * (Math.exp(x) - 1);
  }

  // at: [0.5, -0.3, 0.8], [[1, 2, 0.5], [0.1, -1, 2], [3, 0.2, -0.4]], [1, 0, 1], 0.01
  @Differentiable(wrt = "w")
  static double logisticRegressionLoss(double[] w, double[][] x, double[] y, double lambda) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double z = 0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * x[i][j];
      }
      double p = 1 / (1 + Math.exp(-z));
      loss += -y[i] * Math.log(p) - (1 - y[i]) * Math.log(1 - p);
    }
    double reg = 0;
    for (double wj : w) reg += wj * wj;
    return loss / x.length + lambda * reg / 2;
  }

  // at: [0.2, 0.5, 0.3], [0.1, 0.6, 0.3]
  @Differentiable
  static double klDivergence(double[] p, double[] q) {
    double kl = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0) continue;
      kl += p[i] * Math.log(p[i] / q[i]);
    }
    return kl;
  }

  // at: [0.9, 0.2, 0.4], [1, 0, 1], 2.0, 0.25
  @Differentiable
  static double focalLoss(double[] probs, double[] labels, double gamma, double alpha) {
    double loss = 0;
    for (int i = 0; i < probs.length; i++) {
      double pt = labels[i] == 1 ? probs[i] : 1 - probs[i];
      double at = labels[i] == 1 ? alpha : 1 - alpha;
      loss += -at * Math.pow(1 - pt, gamma) * Math.log(pt);
    }
    return loss;
  }

  // at: [1.0, 2.0, 3.0], [1.5, 1.5, 2.0]
  @Differentiable
  static double cosineSimilarityLoss(double[] a, double[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return 1 - dot / (Math.sqrt(na) * Math.sqrt(nb) + EPS);
  }

  // at: [0.5, -0.25, 0.75, 0.1], [1.0, 0.5], 0.3
  @Differentiable
  static double tinyMlpLoss(double[] w, double[] input, double target) {
    // 2 inputs -> 1 hidden tanh unit pair -> output
    double h1 = Math.tanh(w[0] * input[0] + w[1] * input[1]);
    double h2 = Math.tanh(w[1] * input[0] - w[0] * input[1]);
    double out = w[2] * h1 + w[3] * h2;
    double err = out - target;
    return err * err;
  }
}
