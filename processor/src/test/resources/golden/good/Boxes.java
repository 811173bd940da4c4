package golden;

import io.github.backprop.Differentiable;

/** Boxed locals: held as their primitive, never null. */
class Boxes {
  @Differentiable
  static double boxed(double x, double y) {
    Double d = x * y;
    Double e = Double.valueOf(y);
    Integer n = 2;
    n++;
    double r = d.doubleValue() * e + n;
    if (e != null && e.compareTo(1.0) > 0) {
      r = r * e;
    }
    return r;
  }
}
