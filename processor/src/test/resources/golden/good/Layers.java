package golden;

import io.github.backprop.Differentiable;

class Layers {
  record Layer(double[][] w, double[] b) {
    double[] apply(double[] x) {
      double[] out = new double[b.length];
      for (int k = 0; k < b.length; k++) {
        double s = b[k];
        for (int i = 0; i < x.length; i++) {
          s += w[k][i] * x[i];
        }
        out[k] = Math.tanh(s);
      }
      return out;
    }
  }

  final Layer[] layers;

  Layers(Layer[] layers) {
    this.layers = layers;
  }

  @Differentiable(wrt = "this", forward = true)
  double loss(double[] x, double y) {
    double[] h = x;
    for (Layer l : layers) {
      h = l.apply(h);
    }
    double e = h[0] - y;
    return e * e;
  }
}
