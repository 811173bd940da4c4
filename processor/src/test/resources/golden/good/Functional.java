package golden;

import io.github.backprop.Differentiable;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.logging.Logger;
import org.hipparchus.util.ContinuedFraction;

/** Lambdas passed to helpers, read in place; a log supplier; an anonymous ContinuedFraction. */
class Functional {
  private static final Logger LOG = Logger.getLogger("golden.Functional");

  static double midpointRule(DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f.applyAsDouble(a + (i + 0.5) * h) * h;
    }
    return s;
  }

  @Differentiable(forward = true)
  static double decayIntegral(double k) {
    return midpointRule(t -> Math.exp(-k * t), 0, 1, 50);
  }

  @Differentiable
  static double heldInLocal(double a) {
    DoubleUnaryOperator f = t -> {
      double u = a * t;
      return u * u;
    };
    return midpointRule(f, 0, 1, 10) + midpointRule(Math::sin, 0, a, 4);
  }

  @Differentiable
  static double logged(double x) {
    LOG.fine(() -> "x = " + x);
    return x * x;
  }

  @Differentiable
  static double gammaQ(double a, double x) {
    ContinuedFraction cf = new ContinuedFraction() {
      @Override
      protected double getA(int n, double x) {
        return ((2.0 * n) + 1.0) - a + x;
      }

      @Override
      protected double getB(int n, double x) {
        return n * (a - n);
      }
    };
    return Math.exp(-x + a * Math.log(x)) / cf.evaluate(x, 1e-15, 10000);
  }

  @Differentiable
  static double composed(double x, double k) {
    DoubleUnaryOperator scale = v -> k * v;
    return scale.andThen(Math::sin).compose(v -> v * v).applyAsDouble(x);
  }

  /** A functional value chosen by a condition: the one chosen where the choice is written. */
  @Differentiable
  static double combine(double x, double y, boolean multiply) {
    DoubleBinaryOperator op = multiply ? (a, b) -> a * b : Double::sum;
    return op.applyAsDouble(x, y) * x;
  }
}
