package plain;

import io.github.backprop.Differentiable;

/** Geometry on points and vectors held in arrays and scalars. */
final class Geometry {
  private Geometry() {}

  // at: 0, 0, 3, 4
  @Differentiable
  static double distance(double x1, double y1, double x2, double y2) {
    double dx = x2 - x1, dy = y2 - y1;
    return Math.sqrt(dx * dx + dy * dy);
  }

  // at: 1.0, 2.0, 3.0, 4.0
  @Differentiable
  static double hypotDistance(double x1, double y1, double x2, double y2) {
    return Math.hypot(x2 - x1, y2 - y1);
  }

  // at: [0, 4, 4, 0], [0, 0, 3, 3.5]
  @Differentiable
  static double polygonArea(double[] xs, double[] ys) {
    double area = 0;
    int n = xs.length;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      area += xs[i] * ys[j] - xs[j] * ys[i];
    }
    return Math.abs(area) / 2;
  }

  // at: [1, 2, 3], [4, -5, 6]
  @Differentiable
  static double angleBetween(double[] u, double[] v) {
    double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    double nv = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return Math.acos(dot / (nu * nv));
  }

  // at: [1, 2, 3], [4, -5, 6]
  @Differentiable
  static double crossProductNorm(double[] a, double[] b) {
    double[] c = new double[3];
    c[0] = a[1] * b[2] - a[2] * b[1];
    c[1] = a[2] * b[0] - a[0] * b[2];
    c[2] = a[0] * b[1] - a[1] * b[0];
    return Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
  }

  // at: 0.3, 0.8, 1.2
  @Differentiable
  static double rotatedX(double x, double y, double theta) {
    double c = Math.cos(theta), s = Math.sin(theta);
    return c * x - s * y;
  }

  // at: 1.0, 0.5, -0.3, 0.2
  @Differentiable
  static double bearing(double lat1, double lon1, double lat2, double lon2) {
    double y = Math.sin(lon2 - lon1) * Math.cos(lat2);
    double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
    return Math.toDegrees(Math.atan2(y, x));
  }

  // at: 0.8, 0.3, 0.5, -0.2
  @Differentiable
  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    final double earthRadiusKm = 6371.0;
    double dLat = lat2 - lat1;
    double dLon = lon2 - lon1;
    double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));
  }

  // at: [[1, 2], [3, 4.5]]
  @Differentiable
  static double determinant2(double[][] m) {
    return m[0][0] * m[1][1] - m[0][1] * m[1][0];
  }

  // at: [[2, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 4]]
  @Differentiable
  static double determinant3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }

  // at: 0.25, [0, 1, 3, 4], [0, 2, 2, 0]
  @Differentiable
  static double bezierY(double t, double[] px, double[] py) {
    double u = 1 - t;
    return u * u * u * py[0] + 3 * u * u * t * py[1] + 3 * u * t * t * py[2] + t * t * t * py[3];
  }

  // at: 2.0, 0.5, 0.3, 0.4
  @Differentiable
  static double pointToLineDistance(double px, double py, double slope, double intercept) {
    return Math.abs(slope * px - py + intercept) / Math.sqrt(slope * slope + 1);
  }

  // at: 3.0, 4.0, 5.5
  @Differentiable
  static double heronArea(double a, double b, double c) {
    double s = (a + b + c) / 2;
    return Math.sqrt(s * (s - a) * (s - b) * (s - c));
  }
}
