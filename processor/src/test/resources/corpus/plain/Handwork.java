package plain;

import io.github.backprop.Differentiable;
import java.util.Arrays;

/** Index arithmetic, casts, rounding and the less common Math functions, as numerical code uses them. */
final class Handwork {
  private static final double[] TABLE = {0.0, 0.5, 1.8, 2.2, 4.0, 4.1};

  private Handwork() {}

  // at: 1.3 ; 3.75
  @Differentiable
  static double interpolateTable(double x) {
    int i = (int) x;
    double frac = x - i;
    return TABLE[i] * (1 - frac) + TABLE[i + 1] * frac;
  }

  // at: 0.37, [0, 1, 4, 9, 16]
  @Differentiable
  static double interpolateUniform(double t, double[] samples) {
    double pos = t * (samples.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, samples.length - 1);
    double w = pos - lo;
    return samples[lo] + w * (samples[hi] - samples[lo]);
  }

  // at: 2.3, 0.7 ; -1.1, 2.0
  @Differentiable
  static double rarerMath(double x, double y) {
    return Math.fma(x, y, 1.0) + Math.hypot(x, y) + Math.cbrt(x * y) + Math.expm1(y) + Math.log1p(y * y)
        + Math.signum(x) * x + Math.copySign(y, x);
  }

  // at: 0.6, 1.4
  @Differentiable
  static double strictMath(double a, double b) {
    return StrictMath.sin(a) * StrictMath.exp(b) + StrictMath.sqrt(a + b) + StrictMath.atan2(a, b)
        + StrictMath.pow(b, 2.5);
  }

  // at: 7.25, 3
  @Differentiable
  static double wrapAngleIndex(double theta, int sector) {
    int k = Math.floorMod(sector - 5, 4);
    if (Math.abs(theta - 6.0) < 4 * Math.ulp(6.0)) {
      return 6.0 * (k + 1);
    }
    double clamped = Math.max(0.0, Math.min(theta, 6.0));
    return clamped * (k + 1) + theta / 10;
  }

  // at: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
  @Differentiable
  static double pairwiseCompound(double[] x) {
    double[] acc = new double[3];
    int i = 0;
    for (int j = 0; j < x.length; j += 2) {
      acc[i++] += x[j] * x[j + 1];
    }
    acc[0] *= 2;
    acc[acc.length - 1] -= 1;
    return acc[0] + acc[1] + acc[2];
  }

  // at: 2.5, "HELLO"
  @Differentiable
  static double letterWeights(double x, String word) {
    double s = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int weight = c - 'A' + 1;
      s += weight * Math.pow(x, i % 3);
    }
    return s / word.length();
  }

  // at: 3.7, 10 ; 0.2, 7
  @Differentiable
  static double integerDivisions(double x, int n) {
    int half = n / 2;
    int rest = n % 3;
    double avg = (double) (half + rest) / n;
    return x * half + x * x * rest / 2 + avg * x;
  }

  // at: 1.5, 2.5
  @Differentiable
  static double gridBuiltInMethod(double a, double b) {
    double[][] grid = new double[3][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        grid[i][j] = a * i + b * j;
      }
    }
    double s = 0;
    for (double[] row : grid) {
      for (double v : row) {
        s += Math.sin(v);
      }
    }
    return s;
  }

  static double[] cumulative(double[] x) {
    double[] out = new double[x.length];
    double run = 0;
    for (int i = 0; i < x.length; i++) {
      run += x[i];
      out[i] = run;
    }
    return out;
  }

  // at: [0.5, 1.5, -1.0, 2.0]
  @Differentiable
  static double helperReturnsArray(double[] x) {
    double[] c = cumulative(x);
    double s = 0;
    for (double v : c) {
      s += v * v;
    }
    return s;
  }

  // at: [3.0, -1.0, 2.0, 0.5]
  @Differentiable
  static double arraysUtilities(double[] x) {
    double[] padded = Arrays.copyOf(x, 6);
    Arrays.fill(padded, 4, 6, x[0]);
    double[] tail = Arrays.copyOfRange(padded, 2, 6);
    return Arrays.stream(tail).sum() * padded[5];
  }

  // at: 2.0, 3.0
  @Differentiable
  static double roundedBucket(double x, double y) {
    long bucket = Math.round(x * 10);
    int rounded = (int) Math.round(y);
    return x * y * (bucket % 7) + rounded;
  }

  // at: 2.0, 0.5, 9.81
  @Differentiable
  static double projectileRange(double speed, double angle, double g) {
    double vx = speed * Math.cos(angle);
    double vy = speed * Math.sin(angle);
    double timeOfFlight = 2 * vy / g;
    return vx * timeOfFlight;
  }

  // at: 0.01, 300.0, 1.0e5
  @Differentiable
  static double idealGasMoles(double volume, double temperature, double pressure) {
    final double R = 8.314462618; // J/(mol K)
    return pressure * volume / (R * temperature);
  }

  // at: 1.0, 2.0, 3.0, 4.0, 5.0, 7.0
  @Differentiable
  static double triangleArea(double x1, double y1, double x2, double y2, double x3, double y3) {
    double a = Math.hypot(x2 - x1, y2 - y1);
    double b = Math.hypot(x3 - x2, y3 - y2);
    double c = Math.hypot(x1 - x3, y1 - y3);
    double s = (a + b + c) / 2;
    return Math.sqrt(s * (s - a) * (s - b) * (s - c));
  }

  // at: 5.0, 2.0, 0.5
  @Differentiable
  static double dampedOscillator(double t, double omega, double zeta) {
    double wd = omega * Math.sqrt(1 - zeta * zeta);
    return Math.exp(-zeta * omega * t) * (Math.cos(wd * t) + zeta * omega / wd * Math.sin(wd * t));
  }

  // at: 0.3, 0.4, 1.2
  @Differentiable
  static double cartesianToSpherical(double x, double y, double z) {
    double r = Math.sqrt(x * x + y * y + z * z);
    double theta = Math.acos(z / r);
    double phi = Math.atan2(y, x);
    return r + theta * phi;
  }
}
