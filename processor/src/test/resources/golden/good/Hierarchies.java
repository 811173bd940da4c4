package golden;

import io.github.backprop.Differentiable;

class Hierarchies {
  enum Planet {
    MERCURY(3.303e+23, 2.4397e6),
    EARTH(5.976e+24, 6.37814e6);

    final double mass;
    final double radius;

    Planet(double mass, double radius) {
      this.mass = mass;
      this.radius = radius;
    }

    double surfaceGravity() {
      return 6.673e-11 * mass / (radius * radius);
    }
  }

  abstract static class Shape {
    double scale;

    abstract double area();

    double scaledArea() {
      return scale * area();
    }
  }

  static final class Circle extends Shape {
    double r;

    @Override
    double area() {
      return Math.PI * r * r;
    }
  }

  record Point(double x, double y) {}

  @Differentiable
  static double weights(double m) {
    double s = 0;
    for (Planet p : Planet.values()) {
      s += Math.log(m * p.surfaceGravity());
    }
    return s;
  }

  @Differentiable
  static double paint(Circle c, double price) {
    return price * c.scaledArea();
  }

  @Differentiable
  static double step(double x, double y) {
    Point p = new Point(x, y);
    Point q = new Point(y, x);
    return p.equals(q) ? 0 : Math.hypot(x - y, y - x);
  }
}
