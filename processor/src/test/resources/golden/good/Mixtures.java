package golden;

import io.github.backprop.Differentiable;

class Mixtures {
  record Part(double mu, double sigma, double weight) {
    double density(double x) {
      double z = (x - mu) / sigma;
      return weight * Math.exp(-0.5 * z * z) / sigma;
    }
  }

  final Part[] parts;
  double floor;

  Mixtures(Part[] parts, double floor) {
    this.parts = parts;
    this.floor = floor;
  }

  @Differentiable(forward = true)
  double logLikelihood(double x) {
    double p = floor;
    for (Part g : parts) {
      p += g.density(x);
    }
    return Math.log(p);
  }
}
