package golden;

import io.github.backprop.Differentiable;
import java.util.List;

/** A field read through an array element, a holder a static factory makes, and a record component of data records. */
class ObjectsAsWritten {
  enum Planet {
    MERCURY(3.303, 2.4397),
    EARTH(5.976, 6.37814);

    final double mass;
    final double radius;

    Planet(double mass, double radius) {
      this.mass = mass;
      this.radius = radius;
    }
  }

  static final class Acc {
    double sum;
    int n;

    static Acc start() {
      return new Acc();
    }

    void add(double x) {
      sum += x;
      n++;
    }

    double mean() {
      return sum / n;
    }
  }

  record Position(double x, double y) {}

  record Scene(List<Position> points, double scale) {}

  @Differentiable
  static double gravity(double g) {
    Planet[] all = Planet.values();
    double s = 0;
    for (int i = 0; i < all.length; i++) {
      s += g * all[i].mass / (all[i].radius * all[i].radius);
    }
    return s;
  }

  @Differentiable
  static double meanSquare(double[] x) {
    Acc a = Acc.start();
    for (double v : x) {
      a.add(v * v);
    }
    return a.mean();
  }

  @Differentiable
  static double spread(double k, Scene s) {
    double t = 0;
    for (Position q : s.points()) {
      t += k * (q.x() * q.x() + q.y());
    }
    return t * s.scale();
  }
}
