package plain;

import io.github.backprop.Differentiable;

/** A domain modelled with records: options priced against a market, points, segments, polygons, bonds. */
final class Domain {
  private Domain() {}

  record Option(double strike, double expiry, boolean call) {}

  record Market(double spot, double vol, double rate) {
    double forward(double t) {
      return spot * Math.exp(rate * t);
    }
  }

  record Trade(Option option, double notional, String book) {}

  record Point(double x, double y) {
    double distanceTo(Point o) {
      return Math.hypot(x - o.x, y - o.y);
    }
  }

  record Segment(Point from, Point to) {
    double length() {
      return from.distanceTo(to);
    }

    Point at(double t) {
      return new Point(from.x() + t * (to.x() - from.x()), from.y() + t * (to.y() - from.y()));
    }
  }

  record Bond(double coupon, double[] times, double face) {
    Bond {
      if (times.length == 0) {
        throw new IllegalArgumentException("a bond pays at least once");
      }
    }
  }

  static double normCdf(double x) {
    // Abramowitz-Stegun 26.2.17
    double t = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double p = 1.0 - Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * poly;
    return x >= 0 ? p : 1.0 - p;
  }

  // at: {95, 0.75, true}, {100, 0.25, 0.03} ; {105, 1.5, false}, {100, 0.2, 0.01}
  @Differentiable
  static double price(Option o, Market m) {
    double sqrtT = Math.sqrt(o.expiry());
    double f = m.forward(o.expiry());
    double d1 = (Math.log(f / o.strike()) + 0.5 * m.vol() * m.vol() * o.expiry()) / (m.vol() * sqrtT);
    double d2 = d1 - m.vol() * sqrtT;
    double df = Math.exp(-m.rate() * o.expiry());
    if (o.call()) {
      return df * (f * normCdf(d1) - o.strike() * normCdf(d2));
    }
    return df * (o.strike() * normCdf(-d2) - f * normCdf(-d1));
  }

  // at: {{95, 0.75, true}, 1000, "rates"}, {100, 0.25, 0.03} ; {{110, 2, false}, -250, "fx"}, {100, 0.3, 0.02}
  @Differentiable
  static double exposure(Trade t, Market m) {
    return t.notional() * price(t.option(), m);
  }

  // at: [{0, 0}, {4, 0}, {4, 3}, {0, 3}] ; [{0.5, -1}, {2, 0.25}, {1, 2}]
  @Differentiable(wrt = "vertices")
  static double area(Point[] vertices) {
    double twice = 0;
    for (int i = 0; i < vertices.length; i++) {
      Point p = vertices[i];
      Point q = vertices[(i + 1) % vertices.length];
      twice += p.x() * q.y() - q.x() * p.y();
    }
    return Math.abs(twice) / 2;
  }

  // at: [{0, 0}, {4, 0}, {4, 3}, {0, 3}] ; [{0.5, -1}, {2, 0.25}, {1, 2}]
  @Differentiable(wrt = "vertices")
  static double perimeter(Point[] vertices) {
    double total = 0;
    Point previous = vertices[vertices.length - 1];
    for (Point p : vertices) {
      total += previous.distanceTo(p);
      previous = p;
    }
    return total;
  }

  // at: {{0, 0}, {3, 4}}, 0.5 ; {{-1, 2}, {2.5, -0.5}}, 0.2
  @Differentiable
  static double distanceAlong(Segment s, double t) {
    Point p = s.at(t);
    return p.distanceTo(new Point(1, -1)) / s.length();
  }

  // at: {0.05, [1, 2, 3], 100}, 0.04 ; {0.03, [0.5, 1, 1.5, 2], 1000}, 0.025
  @Differentiable
  static double bondPrice(Bond b, double yield) {
    double pv = 0;
    for (double t : b.times()) {
      pv += b.coupon() * b.face() * Math.exp(-yield * t);
    }
    return pv + b.face() * Math.exp(-yield * b.times()[b.times().length - 1]);
  }
}
