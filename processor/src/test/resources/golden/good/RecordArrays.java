package golden;

import io.github.backprop.Differentiable;

class RecordArrays {
  record Vec3(double x, double y, double z) {
    double norm() {
      return Math.sqrt(x * x + y * y + z * z);
    }
  }

  record Body(Vec3 pos, double mass) {}

  @Differentiable
  static double total(double s) {
    Vec3[] vs = {new Vec3(s, 1, 2), new Vec3(2, s, 1)};
    double t = 0;
    for (Vec3 v : vs) {
      t += v.norm();
    }
    return t;
  }

  @Differentiable(forward = true)
  static double filled(double a, int n) {
    Body[] bs = new Body[n];
    for (int i = 0; i < bs.length; i++) {
      bs[i] = new Body(new Vec3(a * i, 1, 0), a);
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += bs[i].mass() * bs[i].pos().x();
    }
    return s;
  }

  @Differentiable(wrt = "bs", forward = true)
  static double potential(Body[] bs, double g) {
    double e = 0;
    for (Body b : bs) {
      e += g * b.mass() * b.pos().z();
    }
    return e;
  }
}
