package golden;

import io.github.backprop.Differentiable;

class Blocking {
  /**
   * A mean over samples whose iterations only add into the result and the gradients: four samples
   * run side by side, each inner loop once for all four, the samples left over one at a time.
   */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
  static double mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x, int[] labels) {
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double[] h = new double[b1.length];
      for (int j = 0; j < b1.length; j++) {
        double a = b1[j];
        for (int k = 0; k < w1[j].length; k++) {
          a += w1[j][k] * x[i][k];
        }
        h[j] = Math.tanh(a);
      }
      double[] z = new double[b2.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < b2.length; c++) {
        double s = b2[c];
        for (int j = 0; j < b1.length; j++) {
          s += w2[c][j] * h[j];
        }
        z[c] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int c = 0; c < b2.length; c++) {
        sum += Math.exp(z[c] - max);
      }
      total += Math.log(sum) + max - z[labels[i]];
    }
    return total / x.length;
  }

  /**
   * One inner loop runs the same for every sample, side by side; the other's bound is each sample's
   * own, so it runs once per sample inside the block.
   */
  @Differentiable(wrt = {"w", "v"})
  static double ragged(double[] w, double[] v, double[][] x, double[] y, int n) {
    double loss = 0;
    for (int s = 0; s < n; s++) {
      double z = 0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * x[s][j];
      }
      for (int j = 0; j < x[s].length - w.length; j++) {
        z += v[j] * x[s][w.length + j];
      }
      loss += (z - y[s]) * (z - y[s]);
    }
    return loss;
  }

  /**
   * All the weights of a small network in one array: the places a sample adds into the gradient
   * (w[2j], w[2j + 1], w[8 + j], w[12 + j], w[16]) meet nowhere, so four samples run side by side.
   */
  @Differentiable(wrt = "w")
  static double packed(double[] w, double[][] x, double[] y) {
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double out = w[16];
      for (int j = 0; j < 4; j++) {
        double pre = w[2 * j] * x[i][0] + w[2 * j + 1] * x[i][1] + w[8 + j];
        out += w[12 + j] * Math.tanh(pre);
      }
      double r = out - y[i];
      total += r * r;
    }
    return total / x.length;
  }
}
