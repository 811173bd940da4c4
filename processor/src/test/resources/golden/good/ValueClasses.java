package golden;

import io.github.backprop.Differentiable;

class ValueClasses {
  static final class Vec3 {
    private final double x;
    private final double y;
    private final double z;

    Vec3(double x, double y, double z) {
      this.x = x;
      this.y = y;
      this.z = z;
    }

    double getX() {
      return x;
    }

    double getY() {
      return y;
    }

    double getZ() {
      return z;
    }

    Vec3 add(Vec3 o) {
      return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 crossProduct(Vec3 o) {
      return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    double dotProduct(Vec3 o) {
      return x * o.x + y * o.y + z * o.z;
    }

    double getNorm() {
      return Math.sqrt(dotProduct(this));
    }
  }

  @Differentiable
  static double torque(double a, double b) {
    Vec3 r = new Vec3(a, b, 1);
    Vec3 f = new Vec3(b, 2, a);
    return r.crossProduct(f).getNorm() + r.add(f).getX();
  }

  @Differentiable(forward = true)
  static double work(Vec3 force, Vec3 path) {
    return force.dotProduct(path);
  }
}
