package plain;

import io.github.backprop.Differentiable;

/** A small neural network as a Java team writes one: an array of layers, each a record of its weights. */
class Network {
  record Layer(double[][] w, double[] b) {}

  final Layer[] layers;

  Network(Layer[] layers) {
    this.layers = layers;
  }

  double[] forward(double[] x) {
    double[] h = x;
    for (int l = 0; l < layers.length; l++) {
      Layer layer = layers[l];
      double[] next = new double[layer.b().length];
      for (int k = 0; k < next.length; k++) {
        double s = layer.b()[k];
        for (int i = 0; i < h.length; i++) {
          s += layer.w()[k][i] * h[i];
        }
        next[k] = l < layers.length - 1 ? Math.tanh(s) : s;
      }
      h = next;
    }
    return h;
  }

  // at: {[{[[0.5, -0.2], [0.1, 0.3], [-0.4, 0.2]], [0, 0.1, -0.1]}, {[[1, -1, 0.5]], [0.2]}]}, [1, -2]
  // at: {[{[[1.5, 0.25], [-0.75, 0.5]], [0.3, -0.2]}, {[[0.4, 0.9]], [-0.1]}]}, [0.5, 0.25]
  @Differentiable
  double output(double[] x) {
    double[] y = forward(x);
    return y[0];
  }

  // at: {[{[[0.5, -0.2], [0.1, 0.3], [-0.4, 0.2]], [0, 0.1, -0.1]}, {[[1, -1, 0.5]], [0.2]}]}, [1, -2], 0.75
  // at: {[{[[1.5, 0.25], [-0.75, 0.5]], [0.3, -0.2]}, {[[0.4, 0.9]], [-0.1]}]}, [0.5, 0.25], -1
  @Differentiable(wrt = "this")
  double squaredError(double[] x, double target) {
    double[] y = forward(x);
    double e = y[0] - target;
    return e * e;
  }

  // at: {[{[[0.5, -0.2], [0.1, 0.3], [-0.4, 0.2]], [0, 0.1, -0.1]}, {[[1, -1, 0.5]], [0.2]}]}
  @Differentiable
  double weightDecay() {
    double s = 0;
    for (Layer layer : layers) {
      for (double[] row : layer.w()) {
        for (double v : row) {
          s += v * v;
        }
      }
    }
    return 0.5 * s;
  }
}
