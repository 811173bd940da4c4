package golden;

import io.github.backprop.Differentiable;

/** An anonymous class of the code's own functional interface, read as a lambda. */
class AnonymousFunctions {
  interface Kernel {
    double at(double u);
  }

  static double integrate(Kernel k, double a, double b, int n) {
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += k.at(a + (i + 0.5) * h) * h;
    }
    return s;
  }

  @Differentiable
  static double smoothed(double scale, double width) {
    Kernel gauss = new Kernel() {
      @Override
      public double at(double u) {
        double z = u / width;
        return scale * Math.exp(-0.5 * z * z);
      }
    };
    return integrate(gauss, -1, 1, 20);
  }
}
