package golden;

import io.github.backprop.Differentiable;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/** A lambda in a static final field, and a method reference to a record's method: read in place. */
class FunctionValues {
  static final DoubleUnaryOperator SQUARE = t -> t * t;

  record Spring(double k, double rest) {
    double energy() {
      double d = k - rest;
      return 0.5 * d * d;
    }
  }

  static double sum(DoubleUnaryOperator f, double a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f.applyAsDouble(a * i);
    }
    return s;
  }

  @Differentiable(forward = true)
  static double field(double x) {
    return SQUARE.applyAsDouble(x) + sum(SQUARE, x, 3);
  }

  @Differentiable
  static double filled(double x, double[] w) {
    double[] v = new double[w.length];
    java.util.Arrays.setAll(v, i -> w[i] * x);
    return v[0] * v[1];
  }

  @Differentiable
  static double reference(double k) {
    Spring s = new Spring(k, 1.0);
    DoubleSupplier e = s::energy;
    return e.getAsDouble();
  }
}
