package plain;

import io.github.backprop.Differentiable;

/** Losses and layers as a Java ML practitioner writes them: arrays, loops, small helpers, epsilons. */
final class Training {
  private static final double EPS = 1e-12;

  private Training() {}

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Log-cosh regression loss, averaged. */
  // at: [1.5, -0.3, 2.2], [1.0, 0.1, 2.5]
  @Differentiable
  static double logCosh(double[] predicted, double[] actual) {
    double total = 0;
    for (int i = 0; i < predicted.length; i++) {
      total += Math.log(Math.cosh(predicted[i] - actual[i]));
    }
    return total / predicted.length;
  }

  /** Quantile (pinball) loss at level tau; the residuals at the points are away from zero. */
  // at: [1.5, -0.3, 2.2], [1.0, 0.1, 2.5], 0.9
  @Differentiable
  static double pinball(double[] predicted, double[] actual, double tau) {
    double loss = 0;
    for (int i = 0; i < predicted.length; i++) {
      double r = actual[i] - predicted[i];
      loss += r >= 0 ? tau * r : (tau - 1) * r;
    }
    return loss / predicted.length;
  }

  /** Label-smoothed cross-entropy over logits, computed through a stable log-softmax. */
  // at: [2.0, -1.0, 0.5, 0.1], 2, 0.1
  @Differentiable
  static double smoothedCrossEntropy(double[] logits, int target, double smoothing) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double sumExp = 0;
    for (double z : logits) {
      sumExp += Math.exp(z - max);
    }
    double logNorm = max + Math.log(sumExp);
    int k = logits.length;
    double loss = 0;
    for (int c = 0; c < k; c++) {
      double q = c == target ? 1 - smoothing + smoothing / k : smoothing / k;
      loss -= q * (logits[c] - logNorm);
    }
    return loss;
  }

  /** Dice loss for a soft segmentation mask. */
  // at: [0.9, 0.2, 0.7, 0.1], [1, 0, 1, 0]
  @Differentiable
  static double diceLoss(double[] probabilities, double[] mask) {
    double intersection = 0, sumP = 0, sumM = 0;
    for (int i = 0; i < probabilities.length; i++) {
      intersection += probabilities[i] * mask[i];
      sumP += probabilities[i];
      sumM += mask[i];
    }
    return 1 - (2 * intersection + 1) / (sumP + sumM + 1);
  }

  /** Contrastive loss of one pair given their embeddings. */
  // at: [0.5, 1.2, -0.3], [0.4, 0.9, 0.1], false, 1.0 ; [0.5, 1.2, -0.3], [0.4, 0.9, 0.1], true, 1.0
  @Differentiable
  static double contrastive(double[] a, double[] b, boolean similar, double margin) {
    double d2 = 0;
    for (int i = 0; i < a.length; i++) {
      double diff = a[i] - b[i];
      d2 += diff * diff;
    }
    double d = Math.sqrt(d2 + EPS);
    if (similar) {
      return 0.5 * d2;
    }
    double gap = Math.max(0, margin - d);
    return 0.5 * gap * gap;
  }

  /** One dense layer with tanh, then a logistic output, then binary cross-entropy. */
  // at: [[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5]], [0.1, -0.2, 0.05], [0.6, -0.8, 0.3], 0.1, [1.0, -0.5], 1.0
  @Differentiable
  static double twoLayerLoss(double[][] w1, double[] b1, double[] w2, double b2, double[] x, double y) {
    double[] hidden = new double[w1.length];
    for (int j = 0; j < w1.length; j++) {
      double z = b1[j];
      for (int i = 0; i < x.length; i++) {
        z += w1[j][i] * x[i];
      }
      hidden[j] = Math.tanh(z);
    }
    double logit = b2;
    for (int j = 0; j < hidden.length; j++) {
      logit += w2[j] * hidden[j];
    }
    double p = sigmoid(logit);
    return -(y * Math.log(p + EPS) + (1 - y) * Math.log(1 - p + EPS));
  }

  /** Ridge regression objective over a small data set held as rows. */
  // at: [0.3, -0.7], 0.2, [[1.0, 2.0], [0.5, -1.0], [2.0, 0.3]], [0.1, 1.2, -0.4], 0.05
  @Differentiable
  static double ridgeObjective(double[] w, double bias, double[][] rows, double[] targets, double lambda) {
    double sse = 0;
    for (int n = 0; n < rows.length; n++) {
      double pred = bias;
      for (int k = 0; k < w.length; k++) {
        pred += w[k] * rows[n][k];
      }
      double err = pred - targets[n];
      sse += err * err;
    }
    double penalty = 0;
    for (double wk : w) {
      penalty += wk * wk;
    }
    return sse / (2 * rows.length) + lambda * penalty;
  }

  /** Layer normalisation followed by a weighted sum (a scalar read-out). */
  // at: [1.5, -0.5, 2.0, 0.25], [0.3, 0.2, -0.1, 0.5]
  @Differentiable
  static double layerNormReadout(double[] x, double[] gain) {
    int n = x.length;
    double mean = 0;
    for (double v : x) mean += v;
    mean /= n;
    double var = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= n;
    double inv = 1.0 / Math.sqrt(var + 1e-5);
    double out = 0;
    for (int i = 0; i < n; i++) {
      out += gain[i] * (x[i] - mean) * inv;
    }
    return out;
  }

  /** KL divergence of a diagonal Gaussian from the standard normal (the VAE regulariser). */
  // at: [0.3, -0.2, 1.1], [-0.5, 0.2, -1.0]
  @Differentiable
  static double gaussianKl(double[] mu, double[] logVar) {
    double kl = 0;
    for (int i = 0; i < mu.length; i++) {
      kl += -0.5 * (1 + logVar[i] - mu[i] * mu[i] - Math.exp(logVar[i]));
    }
    return kl;
  }

  /** Triplet loss with squared distances; active at the points. */
  // at: [0.1, 0.5], [0.2, 0.4], [0.3, 0.6], 1.0
  @Differentiable
  static double tripletLoss(double[] anchor, double[] positive, double[] negative, double margin) {
    double dPos = 0, dNeg = 0;
    for (int i = 0; i < anchor.length; i++) {
      dPos += Math.pow(anchor[i] - positive[i], 2);
      dNeg += Math.pow(anchor[i] - negative[i], 2);
    }
    return Math.max(dPos - dNeg + margin, 0.0);
  }
}
