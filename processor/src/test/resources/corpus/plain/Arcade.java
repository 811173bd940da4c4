package plain;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Game and graphics math (vectors as double[3], quaternions, easing curves) and finance (Black-Scholes
 * Greeks, bond yield and duration, annuities), written as application programmers write them.
 */
final class Arcade {
  private Arcade() {}

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  static double length(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  /** A quaternion as games keep it: w, x, y, z. */
  static final class Quat {
    final double w, x, y, z;

    Quat(double w, double x, double y, double z) {
      this.w = w;
      this.x = x;
      this.y = y;
      this.z = z;
    }

    Quat times(Quat o) {
      return new Quat(
          w * o.w - x * o.x - y * o.y - z * o.z,
          w * o.x + x * o.w + y * o.z - z * o.y,
          w * o.y - x * o.z + y * o.w + z * o.x,
          w * o.z + x * o.y - y * o.x + z * o.w);
    }

    Quat conjugate() {
      return new Quat(w, -x, -y, -z);
    }

    double norm() {
      return Math.sqrt(w * w + x * x + y * y + z * z);
    }
  }

  interface Easing {
    double ease(double t);

    static double smoothstep(double t) {
      return t * t * (3 - 2 * t);
    }
  }

  enum Curve {
    LINEAR, QUAD_IN_OUT, CUBIC_OUT, ELASTIC
  }

  // at: [1, 2, 3], [-0.5, 0.25, 2]
  @Differentiable
  static double angleBetween(double[] a, double[] b) {
    double c = dot(a, b) / (length(a) * length(b));
    return Math.acos(Math.max(-1, Math.min(1, c)));
  }

  // at: [1, 0.5, -0.25], [0.2, 1, 0.3], [0, 0, 1]
  @Differentiable
  static double triangleArea(double[] p, double[] q, double[] r) {
    double[] u = {q[0] - p[0], q[1] - p[1], q[2] - p[2]};
    double[] v = {r[0] - p[0], r[1] - p[1], r[2] - p[2]};
    return 0.5 * length(cross(u, v));
  }

  // at: [0.2, -0.4, 0.9], [0, 0, 1]
  @Differentiable
  static double reflectedY(double[] dir, double[] normal) {
    double d = 2 * dot(dir, normal);
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) out[i] = dir[i] - d * normal[i];
    return out[1] + out[2] * out[2];
  }

  // at: 0.9, 0.1, 0.3, -0.2, 1.0, 2.0, 3.0
  @Differentiable
  static double rotateX(double qw, double qx, double qy, double qz, double vx, double vy, double vz) {
    Quat q = new Quat(qw, qx, qy, qz);
    double n = q.norm();
    Quat u = new Quat(qw / n, qx / n, qy / n, qz / n);
    Quat rotated = u.times(new Quat(0, vx, vy, vz)).times(u.conjugate());
    return rotated.x;
  }

  // at: 0.3, 0.0, 0.0, 1.0, 0.7
  @Differentiable
  static double slerpAngle(double a, double bx, double by, double bz, double t) {
    // the angle of a rotation about z by a, blended toward a rotation about (bx, by, bz) by t
    double half = a / 2;
    double cosTheta = Math.cos(half) * Math.cos(0.4) + Math.sin(half) * Math.sin(0.4) * bz / Math.sqrt(bx * bx + by * by + bz * bz);
    double theta = Math.acos(cosTheta);
    double s = Math.sin(theta);
    return Math.sin((1 - t) * theta) / s + Math.sin(t * theta) / s;
  }

  // at: 0.25, LINEAR ; 0.25, QUAD_IN_OUT ; 0.75, QUAD_IN_OUT ; 0.4, CUBIC_OUT ; 0.6, ELASTIC
  @Differentiable
  static double ease(double t, Curve curve) {
    return switch (curve) {
      case LINEAR -> t;
      case QUAD_IN_OUT -> t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      case CUBIC_OUT -> {
        double u = 1 - t;
        yield 1 - u * u * u;
      }
      case ELASTIC -> {
        double c4 = 2 * Math.PI / 3;
        yield Math.pow(2, -10 * t) * Math.sin((t * 10 - 0.75) * c4) + 1;
      }
    };
  }

  // at: 0.3, 2.0, 5.0
  @Differentiable
  static double tween(double t, double from, double to) {
    Easing e = Easing::smoothstep;
    return from + (to - from) * e.ease(t);
  }

  // at: 1.0, 2.0, 0.1, 0.5, 0.25
  @Differentiable
  static double springStep(double x, double v, double dt, double stiffness, double damping) {
    for (int i = 0; i < 10; i++) {
      double a = -stiffness * x - damping * v;
      v += a * dt;
      x += v * dt;
    }
    return x;
  }

  // at: 100.0, 95.0, 0.5, 0.02, 0.25 ; 100.0, 110.0, 1.0, 0.05, 0.3
  @Differentiable
  static double blackScholesCall(double spot, double strike, double years, double rate, double vol) {
    if (spot <= 0 || strike <= 0) {
      throw new IllegalArgumentException(String.format("spot %.2f and strike %.2f must be positive", spot, strike));
    }
    double sqrtT = Math.sqrt(years);
    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / (vol * sqrtT);
    double d2 = d1 - vol * sqrtT;
    return spot * cdf(d1) - strike * Math.exp(-rate * years) * cdf(d2);
  }

  // at: 100.0, 95.0, 0.5, 0.02, 0.25
  @Differentiable
  static double blackScholesDelta(double spot, double strike, double years, double rate, double vol) {
    double d1 = (Math.log(spot / strike) + (rate + vol * vol / 2) * years) / (vol * Math.sqrt(years));
    return cdf(d1);
  }

  // at: 100.0, 95.0, 0.5, 0.02, 0.25
  @Differentiable
  static double blackScholesVega(double spot, double strike, double years, double rate, double vol) {
    double d1 = (Math.log(spot / strike) + (rate + vol * vol / 2) * years) / (vol * Math.sqrt(years));
    return spot * Math.exp(-d1 * d1 / 2) / Math.sqrt(2 * Math.PI) * Math.sqrt(years);
  }

  /** The normal distribution function, Abramowitz and Stegun 26.2.17 as everyone copies it. */
  static double cdf(double x) {
    double k = 1 / (1 + 0.2316419 * Math.abs(x));
    double poly = k * (0.319381530 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
    double tail = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    return x >= 0 ? 1 - tail : tail;
  }

  // at: 0.05, 100.0, 0.04, 10 ; 0.03, 1000.0, 0.06, 5
  @Differentiable
  static double bondPrice(double yield, double face, double coupon, int years) {
    double price = 0;
    for (int t = 1; t <= years; t++) {
      price += face * coupon / Math.pow(1 + yield, t);
    }
    return price + face / Math.pow(1 + yield, years);
  }

  // at: 0.05, 0.04, 10
  @Differentiable
  static double macaulayDuration(double yield, double coupon, int years) {
    double weighted = 0;
    double price = 0;
    int t = 1;
    while (t <= years) {
      double cash = t == years ? 1 + coupon : coupon;
      double pv = cash * Math.exp(-t * Math.log1p(yield));
      weighted += t * pv;
      price += pv;
      t++;
    }
    return weighted / price;
  }

  // at: 95.0, 100.0, 0.04, 10
  @Differentiable
  static double yieldToMaturity(double price, double face, double coupon, int years) {
    double y = coupon;
    for (int iter = 0; iter < 50; iter++) {
      double p = 0, dp = 0;
      for (int t = 1; t <= years; t++) {
        double cash = face * coupon + (t == years ? face : 0);
        p += cash / Math.pow(1 + y, t);
        dp -= t * cash / Math.pow(1 + y, t + 1);
      }
      double step = (p - price) / dp;
      y -= step;
      if (Math.abs(step) < 1e-14) {
        return y;
      }
    }
    return y;
  }

  // at: 250.0, 0.005, 360 ; 1000.0, 0.01, 12
  @Differentiable
  static double annuityPresentValue(double payment, double ratePerPeriod, long periods) {
    if (ratePerPeriod == 0) return payment * periods;
    return payment * (1 - Math.pow(1 + ratePerPeriod, -periods)) / ratePerPeriod;
  }

  // at: 200000.0, 0.004, 360
  @Differentiable
  static double mortgagePayment(double principal, double monthlyRate, int months) {
    double growth = Math.pow(1 + monthlyRate, months);
    return principal * monthlyRate * growth / (growth - 1);
  }

  // at: [100.0, 102.0, 101.0, 105.0, 107.5]
  @Differentiable
  static double logReturnVolatility(double[] prices) {
    Objects.requireNonNull(prices);
    double[] r = new double[prices.length - 1];
    for (int i = 1; i < prices.length; i++) r[i - 1] = Math.log(prices[i] / prices[i - 1]);
    double mean = Arrays.stream(r).average().orElse(0);
    double s = 0;
    for (double v : r) s += (v - mean) * (v - mean);
    return Math.sqrt(s / (r.length - 1) * 252);
  }

  // at: [0.1, 0.05, -0.02], [0.5, 0.3, 0.2]
  @Differentiable
  static double portfolioReturn(List<Double> returns, double[] weights) {
    double total = 0;
    int i = 0;
    for (double r : returns) {
      total += r * weights[i++];
    }
    return total;
  }

  // at: 0.0, 1.0, 3.0, 2.0, 0.35 ; -1.0, 0.5, 0.25, 4.0, 0.8
  @Differentiable
  static double catmullRom(double p0, double p1, double p2, double p3, double t) {
    double t2 = t * t, t3 = t2 * t;
    return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
  }

  // at: 1000.0, 0.05, 12, 10.0
  @Differentiable
  static double compoundInterest(double principal, double annualRate, int timesPerYear, double years) {
    var periods = timesPerYear * years;
    return principal * StrictMath.pow(1 + annualRate / timesPerYear, periods);
  }
}
