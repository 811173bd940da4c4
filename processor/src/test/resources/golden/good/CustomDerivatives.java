package golden;

import io.github.backprop.DerivativeOf;
import io.github.backprop.Differentiable;
import org.hipparchus.special.Erf;

class CustomDerivatives {
  @Differentiable
  static double cdf(double x, double mu, double sigma) {
    double z = (x - mu) / sigma;
    return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
  }

  @Differentiable
  static double errors(double[] r, int n) {
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      s += Erf.erf(r[i]) * powi(r[i], n) + Erf.erf(n);
    }
    return s;
  }

  @Differentiable
  static double product(double[] r) {
    double p = 1;
    for (int i = 0; i < r.length; i++) {
      p *= Erf.erf(r[i] * p);
    }
    return p;
  }

  static double powi(double x, int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p *= x;
    }
    return p;
  }

  static final class Rules {
    private Rules() {}

    @DerivativeOf(type = Erf.class, method = "erf")
    static ErfD erf(double x) {
      return new ErfD(Erf.erf(x), 2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
    }

    @DerivativeOf(type = CustomDerivatives.class, method = "powi")
    static PowiD powi(double x, int n) {
      return new PowiD(CustomDerivatives.powi(x, n), n == 0 ? 0 : n * CustomDerivatives.powi(x, n - 1));
    }
  }

  record ErfD(double value, double dx) {}

  record PowiD(double value, double dx) {}
}
