package golden;

import io.github.backprop.Differentiable;
import java.util.List;

/** Methods of records of data that make other records of data: run as Java runs them. */
class DataRecordCalls {
  record Point(double x, double y) {
    Point minus(Point o) {
      return new Point(x - o.x, y - o.y);
    }

    double length() {
      return Math.hypot(x, y);
    }
  }

  @Differentiable
  static double scaledPerimeter(List<Point> pts, double k) {
    double s = 0;
    for (int i = 0; i < pts.size(); i++) {
      s += k * pts.get((i + 1) % pts.size()).minus(pts.get(i)).length();
    }
    return s;
  }

  record Sample(double[] x, double y) {
    double residual(double[] w) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += w[j] * x[j];
      }
      return s - y;
    }
  }

  /** A method of a record of data given the weights: its body read in place. */
  @Differentiable
  static double squaredError(Sample[] data, double[] w) {
    double l = 0;
    for (Sample d : data) {
      double r = d.residual(w);
      l += r * r;
    }
    return l;
  }
}
