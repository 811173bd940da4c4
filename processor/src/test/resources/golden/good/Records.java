package golden;

import io.github.backprop.Differentiable;
import java.util.List;

class Records {
  record Point(double x, double y) {
    Point {
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException("x is NaN");
      }
    }
  }

  record Inner(double a, int k) {}

  record Option(double strike, double vol, int days, String name, double[] w, Inner in) {}

  record Sample(double x, double y) {}

  static Point add(Point a, Point b) {
    return new Point(a.x() + b.x(), a.y() + b.y());
  }

  @Differentiable
  static double local(double x, double y) {
    var p = new Point(x, y);
    Point q = add(p, new Point(1, x));
    return p.x() * q.y();
  }

  @Differentiable(forward = true)
  static double price(Option o, double spot) {
    double t = o.days() / 365.0;
    return spot * Math.exp(-o.vol() * t) - o.strike() + o.in().a() * o.w()[0];
  }

  @Differentiable(wrt = "w")
  static double loss(double[] w, List<Sample> data) {
    double s = 0;
    for (Sample d : data) {
      double r = w[0] * d.x() + w[1] - d.y();
      s += r * r;
    }
    return s;
  }
}
