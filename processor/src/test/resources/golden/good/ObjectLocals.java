package golden;

import io.github.backprop.Differentiable;

/**
 * Objects as locals: a record that starts as null ("none yet"), an enum's constants held in a
 * local, and an accumulator the method makes and changes.
 */
class ObjectLocals {
  static final class Tally {
    double sum;
    int n;

    void add(double x) {
      sum += x;
      n++;
    }
  }

  record Fix(double x, double y) {}

  enum Body {
    MOON(0.073),
    MARS(0.642);

    final double mass;

    Body(double mass) {
      this.mass = mass;
    }

    double pull(double g) {
      return g * mass;
    }
  }

  @Differentiable
  static double lastFix(double x, int n) {
    Fix last = null;
    for (int i = 0; i < n; i++) {
      last = new Fix(x * i, x + i);
    }
    return last == null ? 0 : last.x() * last.y();
  }

  @Differentiable
  static double pulls(double g) {
    Body[] all = Body.values();
    double s = 0;
    for (Body b : all) {
      s += b.pull(g) * g;
    }
    return s;
  }

  @Differentiable
  static double tally(double x, double y) {
    Tally t = new Tally();
    t.add(x * y);
    t.add(Math.sin(x));
    t.sum *= 2;
    return t.sum / t.n;
  }
}
