package plain;

import io.github.backprop.Differentiable;

/** A domain model with enums of constants, an abstract class and records compared for equality. */
final class Hierarchies {
  private Hierarchies() {}

  enum Planet {
    MERCURY(3.303e+23, 2.4397e6),
    VENUS(4.869e+24, 6.0518e6),
    EARTH(5.976e+24, 6.37814e6),
    MARS(6.421e+23, 3.3972e6);

    static final double G = 6.67300E-11;

    private final double mass;
    private final double radius;

    Planet(double mass, double radius) {
      this.mass = mass;
      this.radius = radius;
    }

    double mass() {
      return mass;
    }

    double radius() {
      return radius;
    }

    double surfaceGravity() {
      return G * mass / (radius * radius);
    }
  }

  // at: 80, EARTH ; 2.5, MARS
  @Differentiable
  static double surfaceWeight(double otherMass, Planet p) {
    return otherMass * p.surfaceGravity();
  }

  // at: 80 ; 12.5
  @Differentiable
  static double meanSurfaceWeight(double otherMass) {
    double total = 0;
    int n = 0;
    for (Planet p : Planet.values()) {
      total += otherMass * p.surfaceGravity();
      n++;
    }
    return total / n;
  }

  // at: 1.0e4, 0.02 ; 350, 0.5
  @Differentiable
  static double slowestFall(double height, double drag) {
    double slowest = 0;
    for (Planet p : Planet.values()) {
      double g = Planet.G * p.mass() / (p.radius() * p.radius());
      double t = Math.sqrt(2 * height / g) * (1 + drag * Math.log1p(height / p.radius()));
      slowest = Math.max(slowest, t);
    }
    return slowest;
  }

  abstract static class Shape {
    double scale;

    abstract double area();

    abstract double perimeter();

    double compactness() {
      double p = perimeter();
      return 4 * Math.PI * area() / (p * p);
    }
  }

  static final class Ellipse extends Shape {
    double a;
    double b;

    Ellipse(double scale, double a, double b) {
      this.scale = scale;
      this.a = a;
      this.b = b;
    }

    @Override
    double area() {
      return Math.PI * scale * scale * a * b;
    }

    @Override
    double perimeter() {
      // Ramanujan's second approximation
      double sa = scale * a;
      double sb = scale * b;
      double h = (sa - sb) * (sa - sb) / ((sa + sb) * (sa + sb));
      return Math.PI * (sa + sb) * (1 + 3 * h / (10 + Math.sqrt(4 - 3 * h)));
    }
  }

  // at: {1.5, 2, 1} ; {0.8, 3, 2.5}
  @Differentiable
  static double ellipseCompactness(Ellipse e) {
    return e.compactness();
  }

  // at: {1.5, 2, 1}, 0.1 ; {0.8, 3, 2.5}, 0.02
  @Differentiable
  static double paintCost(Ellipse e, double pricePerArea) {
    return pricePerArea * e.area() + 0.5 * e.scale * e.perimeter();
  }

  record Point(double x, double y) {}

  // at: [0, 0, 3, 4, 6, 8.5] ; [1, 1, 2, 3, 5, 3, 5, 3, 6, 2]
  @Differentiable
  static double trackLength(double[] xy) {
    double length = 0;
    Point last = new Point(xy[0], xy[1]);
    for (int i = 2; i + 1 < xy.length; i += 2) {
      Point p = new Point(xy[i], xy[i + 1]);
      if (!p.equals(last)) {
        length += Math.hypot(p.x() - last.x(), p.y() - last.y());
      }
      last = p;
    }
    return length;
  }
}
