package plain;

import io.github.backprop.Differentiable;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * A new user's first day: Greeks and bonds, statistics, ML losses and physics, written with the
 * habits Java teams have (argument checks that format their message, var, enhanced switch with
 * yield, do/while, long and int mixing, float data, boxes, lists and streams, nested helpers).
 */
final class Desk {
  private Desk() {}

  private static final double GAS_CONSTANT = 8.314_462_618;
  private static final double SPEED_OF_LIGHT = 299_792_458.0;

  /** The standard normal, as people keep it in a small nested helper. */
  static final class Normal {
    private Normal() {}

    static double pdf(double x) {
      return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Zelen and Severo's approximation (Abramowitz and Stegun 26.2.17). */
    static double cdf(double x) {
      if (x < 0) {
        return 1 - cdf(-x);
      }
      double k = 1 / (1 + 0.2316419 * x);
      double poly = k * (0.319381530 + k * (-0.356563782 + k * (1.781477937
          + k * (-1.821255978 + k * 1.330274429))));
      return 1 - pdf(x) * poly;
    }
  }

  // at: 100, 95, 0.2, 0.01, 0.75 ; 80, 100, 0.35, 0.03, 2
  @Differentiable
  static double blackScholesCall(double spot, double strike, double vol, double rate, double expiry) {
    if (spot <= 0 || strike <= 0) {
      throw new IllegalArgumentException(
          String.format("spot and strike must be positive: %.4f, %.4f", spot, strike));
    }
    if (vol <= 0 || expiry <= 0) {
      throw new IllegalArgumentException("vol and expiry must be positive, got vol=" + vol + ", t=" + expiry);
    }
    double sqrtT = Math.sqrt(expiry);
    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * expiry) / (vol * sqrtT);
    double d2 = d1 - vol * sqrtT;
    return spot * Normal.cdf(d1) - strike * Math.exp(-rate * expiry) * Normal.cdf(d2);
  }

  // at: 100, 95, 0.2, 0.01, 0.75
  @Differentiable
  static double callDelta(double spot, double strike, double vol, double rate, double expiry) {
    var d1 = (Math.log(spot / strike) + (rate + vol * vol / 2) * expiry) / (vol * Math.sqrt(expiry));
    return Normal.cdf(d1);
  }

  // at: 100, 95, 0.2, 0.01, 0.75
  @Differentiable
  static double vegaByBump(double spot, double strike, double vol, double rate, double expiry) {
    final double bump = 1e-2;
    double up = blackScholesCall(spot, strike, vol + bump, rate, expiry);
    double down = blackScholesCall(spot, strike, vol - bump, rate, expiry);
    return (up - down) / (2 * bump);
  }

  // at: 0.045, 0.05, 10, 2 ; 0.02, 0.03, 5, 1
  @Differentiable
  static double bondPrice(double yield, double coupon, int years, int frequency) {
    if (frequency <= 0) {
      throw new IllegalArgumentException("frequency must be positive: " + frequency);
    }
    long periods = (long) years * frequency;
    double perPeriod = coupon / frequency;
    double discount = 1 + yield / frequency;
    double price = 0;
    for (long p = 1; p <= periods; p++) {
      price += perPeriod / Math.pow(discount, p);
    }
    return price + 1 / Math.pow(discount, periods);
  }

  // at: [5, 5, 5, 105], 0.04
  @Differentiable
  static double macaulayDuration(double[] cashflows, double y) {
    double pv = 0, weighted = 0;
    int t = 0;
    for (double cf : cashflows) {
      t++;
      double df = Math.exp(-y * t);
      pv += cf * df;
      weighted += t * cf * df;
    }
    return weighted / pv;
  }

  // at: 0.02, 1.0, 0.03, 2.0 ; 0.05, 0.5, 0.04, 3.0
  @Differentiable
  static double forwardRate(double r1, double t1, double r2, double t2) {
    return t2 == t1 ? r2 : (r2 * t2 - r1 * t1) / (t2 - t1);
  }

  // at: 250000, 0.004, 360 ; 1000, 0.01, 12
  @Differentiable
  static double annuityPayment(double principal, double ratePerPeriod, int periods) {
    if (ratePerPeriod == 0) {
      return principal / periods;
    }
    double growth = Math.pow(1 + ratePerPeriod, periods);
    return principal * ratePerPeriod * growth / (growth - 1);
  }

  // at: 1000000, 0.035, 91 ; 5e6, 0.05, 365
  @Differentiable
  static double accruedInterest(double notional, double rate, long days) {
    final long daysInYear = 360L;
    return notional * rate * days / daysInYear;
  }

  // at: 1000, 0.05, 3, "monthly" ; 1000, 0.05, 3, "annual" ; 1000, 0.05, 3, "continuous"
  @Differentiable
  static double compoundedValue(double principal, double rate, int years, String frequency) {
    double factor = switch (frequency) {
      case "annual" -> Math.pow(1 + rate, years);
      case "monthly" -> Math.pow(1 + rate / 12, 12 * years);
      case "continuous" -> {
        double exponent = rate * years;
        yield Math.exp(exponent);
      }
      default -> throw new IllegalArgumentException("unknown frequency '" + frequency + "'");
    };
    return principal * factor;
  }

  // at: 100, 95, 0.02, 0.25, 1.0, 40
  @Differentiable
  static double binomialAmericanPut(double spot, double strike, double rate, double vol, double expiry, int steps) {
    double dt = expiry / steps;
    double up = Math.exp(vol * Math.sqrt(dt));
    double down = 1 / up;
    double p = (Math.exp(rate * dt) - down) / (up - down);
    double disc = Math.exp(-rate * dt);
    double[] values = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      double s = spot * Math.pow(up, steps - i) * Math.pow(down, i);
      values[i] = Math.max(strike - s, 0);
    }
    for (int step = steps - 1; step >= 0; step--) {
      for (int i = 0; i <= step; i++) {
        double s = spot * Math.pow(up, step - i) * Math.pow(down, i);
        double hold = disc * (p * values[i] + (1 - p) * values[i + 1]);
        values[i] = Math.max(hold, strike - s);
      }
    }
    return values[0];
  }

  // at: [0.01, -0.02, 0.015, 0.03, -0.005], 0.001
  @Differentiable
  static double sharpeRatio(List<Double> returns, double riskFree) {
    double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double var = returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
    return (mean - riskFree) / Math.sqrt(var);
  }

  // at: [100, 101.5, 99.8, 102.2, 103.0]
  @Differentiable
  static double realisedVolatility(double[] prices) {
    int n = prices.length - 1;
    double[] logReturns = new double[n];
    for (int i = 0; i < n; i++) {
      logReturns[i] = Math.log(prices[i + 1] / prices[i]);
    }
    double mean = DoubleStream.of(logReturns).average().getAsDouble();
    double ss = 0;
    for (double r : logReturns) {
      ss += (r - mean) * (r - mean);
    }
    return Math.sqrt(252 * ss / (n - 1));
  }

  // at: [0.5, 0.3, 0.2], [[0.04, 0.006, 0.002], [0.006, 0.09, 0.01], [0.002, 0.01, 0.0225]]
  @Differentiable
  static double portfolioVolatility(double[] weights, double[][] cov) {
    double variance = 0;
    for (int i = 0; i < weights.length; i++) {
      for (int j = 0; j < weights.length; j++) {
        variance += weights[i] * cov[i][j] * weights[j];
      }
    }
    return Math.sqrt(variance);
  }

  // at: [1.2, -0.4, 3.1], [1.0, 0.2, 0.5], 1.0
  @Differentiable
  static double huberLoss(double[] prediction, double[] target, double delta) {
    double total = 0;
    for (int i = 0; i < prediction.length; i++) {
      double r = Math.abs(prediction[i] - target[i]);
      total += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
    }
    return total / prediction.length;
  }

  // at: [2.0, -1.0, 0.5, 3.0], 3 ; [0.1, 0.2, 0.3], 0
  @Differentiable
  static double softmaxCrossEntropy(double[] logits, int label) {
    if (label < 0 || label >= logits.length) {
      throw new IndexOutOfBoundsException(String.format("label %d outside [0, %d)", label, logits.length));
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) max = Math.max(max, z);
    double sum = 0;
    for (double z : logits) sum += Math.exp(z - max);
    return max + Math.log(sum) - logits[label];
  }

  // at: [0.5, -0.25], [[1.0, 2.0], [-1.5, 0.5], [0.3, -2.0]], [1, -1, 1], 0.01
  @Differentiable(wrt = "w")
  static double svmHingeLoss(double[] w, double[][] x, int[] y, double lambda) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double margin = 0;
      for (int j = 0; j < w.length; j++) margin += w[j] * x[i][j];
      loss += Math.max(0, 1 - y[i] * margin);
    }
    double norm = 0;
    for (double wj : w) norm += wj * wj;
    return loss / x.length + lambda * norm;
  }

  // at: [0.3, -1.2, 2.5, 0.01]
  @Differentiable
  static double logCoshLoss(double[] residuals) {
    return DoubleStream.of(residuals).map(r -> Math.log(Math.cosh(r))).sum();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  // at: [0.2, 0.5, 0.3], [0.1, 0.6, 0.3]
  @Differentiable
  static double jensenShannonBits(double[] p, double[] q) {
    double divergence = 0;
    for (var i = 0; i < p.length; i++) {
      final double m = (p[i] + q[i]) / 2;
      divergence += 0.5 * p[i] * log2(p[i] / m) + 0.5 * q[i] * log2(q[i] / m);
    }
    return divergence;
  }

  // at: [-30, -1.5, 0.0, 2.0, 40]
  @Differentiable
  static double stableSoftplusSum(double[] x) {
    double s = 0;
    for (double v : x) {
      if (v > 20) {
        s += v;
      } else if (v < -20) {
        s += Math.exp(v);
      } else {
        s += Math.log1p(Math.exp(v));
      }
    }
    return s;
  }

  // at: 1.5, 0.8, [1.2, 2.0, 1.1, 1.9]
  @Differentiable
  static double gaussianLogLikelihood(double mu, double sigma, float[] data) {
    double ll = -data.length * (Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
    for (float x : data) {
      double z = (x - mu) / sigma;
      ll -= 0.5 * z * z;
    }
    return ll;
  }

  // at: [1, 2, 3, 4.5], [2.1, 3.9, 6.2, 8.8]
  @Differentiable
  static double pearsonCorrelation(double[] x, double[] y) {
    int n = x.length;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    double cov = sxy - sx * sy / n;
    return cov / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
  }

  // at: [3.0, 2.5, 4.0, 3.5, 5.0], 0.3
  @Differentiable
  static double ewmaLast(double[] series, double alpha) {
    double level = series[0];
    int i = 1;
    do {
      level = alpha * series[i] + (1 - alpha) * level;
      i++;
    } while (i < series.length);
    return level;
  }

  // at: [1.0, 2.0, 4.0, 7.0, 11.0], 0.3 ; [1.0, 2.0, 4.0, 7.0, 11.0], 0.55
  @Differentiable
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  // at: 1.5, 2.5
  @Differentiable
  static double boxedClamp(Double x, Double scale) {
    Double scaled = x * scale;
    return scaled > 10.0 ? 10.0 : scaled;
  }

  // at: 25, 40, 1.5
  @Differentiable
  static double projectileRange(double speed, double angleDegrees, double height) {
    final double g = 9.81;
    double theta = Math.toRadians(angleDegrees);
    double vx = speed * Math.cos(theta);
    double vy = speed * Math.sin(theta);
    double flight = (vy + Math.sqrt(Math.fma(vy, vy, 2 * g * height))) / g;
    return vx * flight;
  }

  // at: 120, 0.05, 2.0, 1.5
  @Differentiable
  static double springMassEnergy(double k, double x, double m, double v) {
    return 0.5 * k * x * x + 0.5 * m * v * v;
  }

  // at: 80, 0.25, 4.0
  @Differentiable
  static double velocityWithDrag(double mass, double drag, double time) {
    final double g = 9.81;
    double terminal = Math.sqrt(mass * g / drag);
    return terminal * Math.tanh(time * Math.sqrt(g * drag / mass));
  }

  // at: 7.0e6, 3.986e14
  @Differentiable
  static double orbitalPeriod(double semiMajorAxis, double mu) {
    return 2 * StrictMath.PI * StrictMath.sqrt(StrictMath.pow(semiMajorAxis, 3) / mu);
  }

  // at: 1.0, 1.5e8 ; 2.5, 2.0e7
  @Differentiable
  static double relativisticKineticEnergy(double mass, double speed) {
    if (speed >= SPEED_OF_LIGHT) {
      throw new IllegalArgumentException(String.format("speed %.3e is not below c", speed));
    }
    double beta = speed / SPEED_OF_LIGHT;
    double gamma = 1 / Math.sqrt(1 - beta * beta);
    return (gamma - 1) * mass * SPEED_OF_LIGHT * SPEED_OF_LIGHT;
  }

  // at: 2.0, 300, 0.05
  @Differentiable
  static double idealGasPressure(double moles, double kelvin, double volume) {
    return moles * GAS_CONSTANT * kelvin / volume;
  }

  // at: 1.2, 0.4 ; 0.5, 1.1
  @Differentiable
  static double pendulumPeriod(double length, double amplitude) {
    double k = Math.sin(amplitude / 2);
    double sum = 1, term = 1;
    series:
    for (int n = 1; n < 50; n++) {
      double ratio = (2.0 * n - 1) / (2.0 * n);
      term *= ratio * ratio * k * k;
      sum += term;
      if (term < 1e-17) {
        break series;
      }
    }
    return 2 * Math.PI * Math.sqrt(length / 9.81) * sum;
  }

  // at: [0.2, 0.7, 0.9], [0, 1, 1]
  @Differentiable(wrt = "probabilities")
  static double binaryCrossEntropy(double[] probabilities, int[] labels) {
    final double eps = 1e-12;
    return -IntStream.range(0, labels.length)
        .mapToDouble(i -> labels[i] == 1
            ? Math.log(Math.max(probabilities[i], eps))
            : Math.log(Math.max(1 - probabilities[i], eps)))
        .average()
        .orElseThrow();
  }

  // at: 0.8, 3, 1_000_000_000
  @Differentiable
  static double intAndLongMix(double x, int n, long big) {
    int half = n / 2;
    long scaled = big / 1000L + n;
    return x * half + x * x * (scaled % 7) + (double) scaled / big * x;
  }

  // at: [1.5, 2.5, 0.5], [2.0f, 0.5f, 1.5f]
  @Differentiable
  static float weightedSumFloat(float[] x, float[] weights) {
    float sum = 0f;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * weights[i];
    }
    return sum / x.length;
  }
}
