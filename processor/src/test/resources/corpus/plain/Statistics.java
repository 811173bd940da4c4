package plain;

import io.github.backprop.Differentiable;

/** Descriptive statistics and likelihoods, the way they are usually coded. */
final class Statistics {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private Statistics() {}

  // at: [1.5, 2.5, 3.0, 4.25]
  @Differentiable
  static double mean(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("empty");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  // at: [1.5, 2.5, 3.0, 4.25]
  @Differentiable
  static double sampleVariance(double[] x) {
    int n = x.length;
    double mean = 0;
    for (int i = 0; i < n; i++) mean += x[i];
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      ss += d * d;
    }
    return ss / (n - 1);
  }

  // at: [1.5, 2.5, 3.0, 4.25]
  @Differentiable
  static double welfordStdDev(double[] x) {
    double mean = 0.0, m2 = 0.0;
    int count = 0;
    for (double v : x) {
      count++;
      double delta = v - mean;
      mean += delta / count;
      m2 += delta * (v - mean);
    }
    return Math.sqrt(m2 / (count - 1));
  }

  // at: [1, 2, 3, 4], [2.1, 3.9, 6.2, 7.8]
  @Differentiable
  static double pearson(double[] x, double[] y) {
    double mx = 0, my = 0;
    for (int i = 0; i < x.length; i++) { mx += x[i]; my += y[i]; }
    mx /= x.length;
    my /= y.length;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx, dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  // at: [0.3, -1.2, 0.8, 2.0], 0.2, 1.3
  @Differentiable
  static double gaussianLogLikelihood(double[] data, double mu, double sigma) {
    if (sigma <= 0) throw new IllegalArgumentException("sigma must be > 0");
    double ll = 0;
    for (double x : data) {
      double z = (x - mu) / sigma;
      ll += -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
    }
    return ll;
  }

  // at: [1.0, 2.0, 0.5], 1.5
  @Differentiable
  static double logSumExp(double[] x, double temperature) {
    double max = x[0];
    for (int i = 1; i < x.length; i++) {
      max = Math.max(max, x[i]);
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.exp((x[i] - max) / temperature);
    }
    return max / temperature + Math.log(s);
  }

  // at: [3, 1, 4, 1.5, 5, 9, 2.6]
  @Differentiable
  static double skewness(double[] x) {
    double n = x.length;
    double m = 0;
    for (double v : x) m += v / n;
    double m2 = 0, m3 = 0;
    for (double v : x) {
      double d = v - m;
      m2 += d * d / n;
      m3 += d * d * d / n;
    }
    return m3 / Math.pow(m2, 1.5);
  }

  // at: [1, 2, 3, 4, 5], [2.2, 4.1, 6.3, 7.9, 10.2]
  @Differentiable
  static double regressionSlope(double[] x, double[] y) {
    int n = x.length;
    double sx = 0, sy = 0, sxy = 0, sxx = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
      sxy += x[i] * y[i];
      sxx += x[i] * x[i];
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  // at: [0.5, 1.5, 2.5], 0.8
  @Differentiable
  static double exponentialMovingAverage(double[] series, double alpha) {
    double ema = series[0];
    for (int i = 1; i < series.length; i++) {
      ema = alpha * series[i] + (1 - alpha) * ema;
    }
    return ema;
  }

  // at: 3, 10, 0.35
  @Differentiable
  static double binomialLogPmf(int k, int n, double p) {
    double logChoose = 0;
    for (int i = 1; i <= k; i++) {
      logChoose += Math.log(n - k + i) - Math.log(i);
    }
    return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
  }

  // at: [1.2, 0.7, 2.5, 1.9], 2.0
  @Differentiable
  static double poissonNegLogLikelihood(double[] counts, double lambda) {
    double nll = 0;
    for (int i = 0; i < counts.length; i++) {
      nll += lambda - counts[i] * Math.log(lambda);
    }
    return nll;
  }

  // at: [0.2, 0.5, 0.3]
  @Differentiable
  static double entropy(double[] p) {
    double h = 0;
    for (double pi : p) {
      if (pi > 0) {
        h -= pi * Math.log(pi);
      }
    }
    return h / Math.log(2);
  }

  // at: [4.0, 1.0, 3.0, 2.0, 5.0]
  @Differentiable
  static double trimmedMeanOfSorted(double[] x) {
    double[] copy = x.clone();
    java.util.Arrays.sort(copy);
    double s = 0;
    for (int i = 1; i < copy.length - 1; i++) {
      s += copy[i];
    }
    return s / (copy.length - 2);
  }
}
