package golden;

import io.github.backprop.Differentiable;

class LocalRecords {
  @Differentiable(forward = true, hessian = true)
  static double dist(double x1, double y1, double x2, double y2) {
    record P(double x, double y) {
      P minus(P o) {
        return new P(x - o.x(), y - o.y());
      }

      double norm() {
        return Math.sqrt(x * x + y * y);
      }
    }
    P a = new P(x1, y1);
    P b = new P(x2, y2);
    return a.minus(b).norm();
  }
}
