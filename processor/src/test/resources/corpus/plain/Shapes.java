package plain;

import io.github.backprop.Differentiable;

/** Geometry on plain doubles and small arrays, the way graphics and robotics code is written. */
final class Shapes {
  private Shapes() {}

  private static double dot3(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross3(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1],
      a[2] * b[0] - a[0] * b[2],
      a[0] * b[1] - a[1] * b[0]
    };
  }

  /** Area of a triangle in 3D from its corners. */
  // at: [0, 0, 0], [1, 0.2, 0.1], [0.3, 1.1, -0.4]
  @Differentiable
  static double triangleArea(double[] p, double[] q, double[] r) {
    double[] u = {q[0] - p[0], q[1] - p[1], q[2] - p[2]};
    double[] v = {r[0] - p[0], r[1] - p[1], r[2] - p[2]};
    double[] n = cross3(u, v);
    return 0.5 * Math.sqrt(dot3(n, n));
  }

  /** Signed volume of a tetrahedron (scalar triple product / 6). */
  // at: [1, 0.1, 0.2], [0.2, 1.3, -0.1], [0.1, 0.3, 0.9]
  @Differentiable
  static double tetrahedronVolume(double[] a, double[] b, double[] c) {
    return dot3(a, cross3(b, c)) / 6.0;
  }

  /** Distance from a point to a sphere's surface, along the ray from the origin (ray-sphere hit). */
  // at: 0.1, 0.2, 1.0, 0.3, 0.1, 5.0, 1.5
  @Differentiable
  static double rayHitDistance(double dx, double dy, double dz, double cx, double cy, double cz, double radius) {
    double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
    dx /= norm;
    dy /= norm;
    dz /= norm;
    double b = dx * cx + dy * cy + dz * cz;
    double c = cx * cx + cy * cy + cz * cz - radius * radius;
    double disc = b * b - c;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    return b - Math.sqrt(disc);
  }

  /** Angle at vertex b of the polyline a-b-c, in degrees. */
  // at: 0.0, 0.0, 1.0, 0.2, 1.5, 1.4
  @Differentiable
  static double jointAngleDegrees(double ax, double ay, double bx, double by, double cx, double cy) {
    double ux = ax - bx, uy = ay - by;
    double vx = cx - bx, vy = cy - by;
    double angle = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return Math.toDegrees(Math.abs(angle));
  }

  /** Centroid x of a simple polygon (shoelace), vertices as separate coordinate arrays. */
  // at: [0, 2, 2.5, 0.5], [0, 0, 1.5, 2]
  @Differentiable
  static double polygonCentroidX(double[] xs, double[] ys) {
    double area2 = 0, cx = 0;
    int n = xs.length;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double cross = xs[i] * ys[j] - xs[j] * ys[i];
      area2 += cross;
      cx += (xs[i] + xs[j]) * cross;
    }
    return cx / (3 * area2);
  }

  /** Arc length of a quadratic Bezier curve by composite Simpson's rule. */
  // at: 0, 0, 1, 2, 3, 0.5
  @Differentiable
  static double bezierLength(double x0, double y0, double x1, double y1, double x2, double y2) {
    int n = 32;
    double h = 1.0 / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double dx = 2 * (1 - t) * (x1 - x0) + 2 * t * (x2 - x1);
      double dy = 2 * (1 - t) * (y1 - y0) + 2 * t * (y2 - y1);
      double speed = Math.hypot(dx, dy);
      double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += weight * speed;
    }
    return sum * h / 3;
  }

  /** Rotate a point by a unit quaternion built from an axis and an angle; return its z. */
  // at: 1.0, 2.0, 0.5, 0.3, -0.4, 0.8, 0.9
  @Differentiable
  static double quaternionRotateZ(double px, double py, double pz, double ax, double ay, double az, double angle) {
    double len = Math.sqrt(ax * ax + ay * ay + az * az);
    double s = Math.sin(angle / 2) / len;
    double w = Math.cos(angle / 2), x = ax * s, y = ay * s, z = az * s;
    // v' = v + 2w (q x v) + 2 q x (q x v)
    double tx = 2 * (y * pz - z * py);
    double ty = 2 * (z * px - x * pz);
    double tz = 2 * (x * py - y * px);
    return pz + w * tz + (x * ty - y * tx);
  }

  /** Closest distance between two 2D segments' midpoints after a rigid transform of the second. */
  // at: [0, 0, 2, 1], [1, 3, 3, 2], 0.4, 0.5, -0.2
  @Differentiable
  static double transformedMidpointGap(double[] seg1, double[] seg2, double theta, double tx, double ty) {
    double c = Math.cos(theta), s = Math.sin(theta);
    double mx1 = (seg1[0] + seg1[2]) / 2, my1 = (seg1[1] + seg1[3]) / 2;
    double mx2 = (seg2[0] + seg2[2]) / 2, my2 = (seg2[1] + seg2[3]) / 2;
    double rx = c * mx2 - s * my2 + tx;
    double ry = s * mx2 + c * my2 + ty;
    return Math.hypot(rx - mx1, ry - my1);
  }

  /** Great-circle initial bearing from one latitude/longitude to another, in radians. */
  // at: 0.8, 0.1, 0.6, 0.4
  @Differentiable
  static double initialBearing(double lat1, double lon1, double lat2, double lon2) {
    double dLon = lon2 - lon1;
    double y = Math.sin(dLon) * Math.cos(lat2);
    double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
    return (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
  }
}
