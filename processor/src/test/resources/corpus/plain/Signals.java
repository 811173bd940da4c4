package plain;

import io.github.backprop.Differentiable;

/** Signal processing, audio and images: filters, windows, envelopes, colour, sampling. */
final class Signals {
  private static final double[] LUMA = {0.2126, 0.7152, 0.0722};

  private Signals() {}

  // at: [0.5, 1.0, -0.5, 2.0, 1.5], [0.25, 0.5, 0.25]
  @Differentiable
  static double firLastOutput(double[] signal, double[] taps) {
    int n = signal.length - 1;
    double y = 0;
    for (int k = 0; k < taps.length; k++) {
      if (n - k < 0) {
        break;
      }
      y += taps[k] * signal[n - k];
    }
    return y;
  }

  // at: 0.2, 0.707, [1.0, 0.0, -1.0, 0.5, 0.25, 2.0]
  @Differentiable
  static double biquadLowpass(double cutoff, double q, double[] input) {
    double w0 = 2 * Math.PI * cutoff;
    double alpha = Math.sin(w0) / (2 * q);
    double cosw = Math.cos(w0);
    double a0 = 1 + alpha;
    double b0 = (1 - cosw) / 2 / a0;
    double b1 = (1 - cosw) / a0;
    double a1 = -2 * cosw / a0;
    double a2 = (1 - alpha) / a0;
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    double y = 0;
    for (double x : input) {
      y = b0 * x + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
    }
    return y;
  }

  // at: [0.5, 1.0, -0.5, 2.0, 1.5, -1.0]
  @Differentiable
  static double hannWindowedEnergy(double[] x) {
    int n = x.length;
    double energy = 0;
    for (int i = 0; i < n; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      double v = w * x[i];
      energy += v * v;
    }
    return energy / n;
  }

  // at: [1.0, 0.5, -0.25, -1.0, 0.75, 0.2, -0.4, 0.1], 1 ; [1.0, 0.5, -0.25, -1.0, 0.75, 0.2, -0.4, 0.1], 3
  @Differentiable
  static double dftMagnitude(double[] x, int k) {
    double re = 0.0;
    double im = 0.0;
    final int n = x.length;
    for (int t = 0; t < n; t++) {
      double angle = -2.0 * Math.PI * k * t / n;
      re += x[t] * Math.cos(angle);
      im += x[t] * Math.sin(angle);
    }
    return Math.hypot(re, im);
  }

  // at: 0.5, 1.0 ; 3e-9, 1.0 ; 3e-13, 1.0
  @Differentiable
  static double decibels(double power, double reference) {
    if (power <= 0) {
      return -120.0;
    }
    double db = 10 * Math.log10(power / reference);
    return db < -120.0 ? -120.0 : db;
  }

  // at: [0.5, -1.0, 0.25, 0.75]
  @Differentiable
  static double rmsLevel(double[] samples) {
    double sumSquares = 0;
    for (double s : samples) {
      sumSquares += s * s;
    }
    return Math.sqrt(sumSquares / samples.length);
  }

  // at: 0.4, 2.0, "tanh" ; 0.4, 2.0, "atan" ; 0.3, 1.5, "cubic" ; 0.9, 1.5, "cubic" ; 0.4, 2.0, "hard"
  @Differentiable
  static double softClip(double x, double drive, String curve) {
    double v = x * drive;
    switch (curve) {
      case "tanh":
        return Math.tanh(v);
      case "atan":
        return 2 / Math.PI * Math.atan(v);
      case "cubic":
        if (Math.abs(v) >= 1) {
          return Math.signum(v) * 2.0 / 3.0;
        }
        return v - v * v * v / 3;
      default:
        return Math.max(-1, Math.min(1, v));
    }
  }

  // at: 0.05, 0.1, 0.2, 0.6, 0.3, 1.0 ; 0.2, 0.1, 0.2, 0.6, 0.3, 1.0 ; 0.5, 0.1, 0.2, 0.6, 0.3, 1.0 ; 1.1, 0.1, 0.2, 0.6, 0.3, 1.0
  @Differentiable
  static double adsrEnvelope(double t, double attack, double decay, double sustain, double release, double noteLength) {
    if (t < 0) {
      return 0;
    }
    if (t < attack) {
      return t / attack;
    }
    if (t < attack + decay) {
      double progress = (t - attack) / decay;
      return 1 - progress * (1 - sustain);
    }
    if (t < noteLength) {
      return sustain;
    }
    double sinceRelease = t - noteLength;
    return sinceRelease >= release ? 0 : sustain * (1 - sinceRelease / release);
  }

  // at: [0.8, 0.4, 0.02], 2.4 ; [0.3, 0.5, 0.9], 2.2
  @Differentiable
  static double relativeLuminance(double[] rgb, double gamma) {
    double y = 0;
    for (int c = 0; c < 3; c++) {
      double v = rgb[c];
      double linear = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, gamma);
      y += LUMA[c] * linear;
    }
    return y;
  }

  // at: [[1.0, 2.0, 0.5], [0.0, -1.0, 3.0], [2.5, 1.5, 1.0]], 0.3, 1.6 ; [[1.0, 2.0, 0.5], [0.0, -1.0, 3.0], [2.5, 1.5, 1.0]], 1.7, 0.25
  @Differentiable
  static double bilinearSample(double[][] image, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    int x1 = Math.min(x0 + 1, image[0].length - 1);
    int y1 = Math.min(y0 + 1, image.length - 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = image[y0][x0] * (1 - fx) + image[y0][x1] * fx;
    double bottom = image[y1][x0] * (1 - fx) + image[y1][x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  // at: [0.5, 1.0, 3.0, 2.0, -1.0, 0.25], 2, 1.2 ; [0.5, 1.0, 3.0, 2.0, -1.0, 0.25], 0, 0.8
  @Differentiable
  static double gaussianBlurAt(double[] row, int center, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double weighted = 0;
    double total = 0;
    for (int offset = -radius; offset <= radius; offset++) {
      int i = center + offset;
      if (i < 0 || i >= row.length) {
        continue;
      }
      double w = Math.exp(-(offset * offset) / (2 * sigma * sigma));
      weighted += w * row[i];
      total += w;
    }
    return weighted / total;
  }

  // at: 0.6, [0.9, 0.2, 0.1], [0.1, 0.4, 0.8]
  @Differentiable
  static double[] alphaBlend(double alpha, double[] src, double[] dst) {
    double[] out = new double[src.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = alpha * src[i] + (1 - alpha) * dst[i];
    }
    return out;
  }

  // at: 0.2, 0.8, 0.5 ; 0.2, 0.8, 0.1 ; 0.2, 0.8, 0.9
  @Differentiable
  static double smoothstep(double edge0, double edge1, double x) {
    double t = clamp01((x - edge0) / (edge1 - edge0));
    return t * t * (3 - 2 * t);
  }

  private static double clamp01(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }

  // at: [0.5, 1.0, -0.5, 2.0, 1.5, -1.0, 0.25], 2
  @Differentiable
  static double autocorrelation(double[] x, int lag) {
    var mean = 0.0;
    for (var v : x) {
      mean += v;
    }
    mean /= x.length;
    var num = 0.0;
    var den = 0.0;
    for (var i = 0; i < x.length; i++) {
      var d = x[i] - mean;
      den += d * d;
      if (i + lag < x.length) {
        num += d * (x[i + lag] - mean);
      }
    }
    return num / den;
  }

  // at: [0.5, 1.0, -0.5, 2.0, 1.5, -1.0], 3
  @Differentiable
  static double[] movingAverage(double[] x, int window) {
    double[] out = new double[x.length - window + 1];
    double sum = 0;
    for (int i = 0; i < window; i++) {
      sum += x[i];
    }
    out[0] = sum / window;
    for (int i = window; i < x.length; i++) {
      sum += x[i] - x[i - window];
      out[i - window + 1] = sum / window;
    }
    return out;
  }

  // at: 1.2, 0.5, 0.05, [1.0, 0.8, 0.5, 0.1, -0.2, -0.1], 0.1
  @Differentiable
  static double pidControlEffort(double kp, double ki, double kd, double[] errors, double dt) {
    double integral = 0;
    double previous = errors[0];
    double effort = 0;
    for (int i = 0; i < errors.length; i++) {
      double e = errors[i];
      integral += e * dt;
      double derivative = i == 0 ? 0 : (e - previous) / dt;
      double u = kp * e + ki * integral + kd * derivative;
      effort += u * u * dt;
      previous = e;
    }
    return effort;
  }
}
