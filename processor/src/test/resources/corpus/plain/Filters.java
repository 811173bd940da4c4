package plain;

import io.github.backprop.Differentiable;

/** Signal processing as audio and control code writes it: state variables, buffers, windows. */
final class Filters {
  private static final double TWO_PI = 2 * Math.PI;

  private Filters() {}

  /** One-pole low-pass run over a buffer; the last output. */
  // at: [0.0, 1.0, 0.5, -0.25, 0.8, 1.2], 0.3
  @Differentiable
  static double onePoleLast(double[] input, double alpha) {
    double y = input[0];
    for (int n = 1; n < input.length; n++) {
      y += alpha * (input[n] - y);
    }
    return y;
  }

  /** Energy of a signal after a direct-form-I second-order section. */
  // at: [1.0, 0.5, -0.3, 0.2, 0.0, -0.1, 0.4], 0.2, 0.4, 0.2, -0.5, 0.3
  @Differentiable
  static double biquadEnergy(double[] x, double b0, double b1, double b2, double a1, double a2) {
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0, energy = 0;
    for (double xn : x) {
      double yn = b0 * xn + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = xn;
      y2 = y1;
      y1 = yn;
      energy += yn * yn;
    }
    return energy;
  }

  /** Goertzel power of one frequency bin. */
  // at: [0.0, 0.7, 1.0, 0.7, 0.0, -0.7, -1.0, -0.7], 1.0
  @Differentiable
  static double goertzelPower(double[] samples, double bin) {
    double w = TWO_PI * bin / samples.length;
    double coeff = 2 * Math.cos(w);
    double s1 = 0, s2 = 0;
    for (int i = 0; i < samples.length; i++) {
      double s0 = samples[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }

  /** Power of a Hamming-windowed signal's DC term and first harmonic, summed. */
  // at: [0.2, 0.9, 1.1, 0.4, -0.3, -0.8]
  @Differentiable
  static double windowedLowBands(double[] x) {
    int n = x.length;
    double re0 = 0, re1 = 0, im1 = 0;
    for (int k = 0; k < n; k++) {
      double w = 0.54 - 0.46 * Math.cos(TWO_PI * k / (n - 1));
      double v = w * x[k];
      re0 += v;
      re1 += v * Math.cos(TWO_PI * k / n);
      im1 -= v * Math.sin(TWO_PI * k / n);
    }
    return re0 * re0 + re1 * re1 + im1 * im1;
  }

  /** Output of a feed-forward comb (echo) at the last sample, delay read from a ring buffer. */
  // at: [0.5, 1.0, -0.5, 0.25, 0.75, -1.0, 0.3], 3, 0.6
  @Differentiable
  static double echoLast(double[] input, int delay, double gain) {
    double[] ring = new double[delay];
    int pos = 0;
    double out = 0;
    for (double sample : input) {
      double delayed = ring[pos];
      out = sample + gain * delayed;
      ring[pos] = sample;
      pos = (pos + 1) % delay;
    }
    return out;
  }

  /** A discrete PI controller driving a first-order plant; the accumulated squared tracking error. */
  // at: 1.2, 0.8, 0.5, 1.0
  @Differentiable
  static double piTrackingCost(double kp, double ki, double plantPole, double setpoint) {
    double y = 0, integral = 0, cost = 0;
    double dt = 0.05;
    for (int k = 0; k < 200; k++) {
      double error = setpoint - y;
      integral += error * dt;
      double u = kp * error + ki * integral;
      y += dt * (-plantPole * y + u);
      cost += error * error * dt;
    }
    return cost;
  }

  /** Linear-interpolating resampler: the value at a fractional position of a buffer. */
  // at: [0.0, 0.5, 1.5, 1.0, -0.5], 2.3 ; [0.0, 0.5, 1.5, 1.0, -0.5], 0.7
  @Differentiable
  static double fractionalDelayRead(double[] buffer, double position) {
    int i = (int) Math.floor(position);
    double frac = position - i;
    return (1 - frac) * buffer[i] + frac * buffer[i + 1];
  }

  /** Soft-knee compressor gain in decibels for an input level. */
  // at: -20.0, -18.0, 4.0, 6.0 ; -10.0, -18.0, 4.0, 6.0 ; -30.0, -18.0, 4.0, 6.0
  @Differentiable
  static double compressorGainDb(double inputDb, double thresholdDb, double ratio, double kneeDb) {
    double over = inputDb - thresholdDb;
    double outputDb;
    if (2 * over < -kneeDb) {
      outputDb = inputDb;
    } else if (2 * Math.abs(over) <= kneeDb) {
      double t = over + kneeDb / 2;
      outputDb = inputDb + (1 / ratio - 1) * t * t / (2 * kneeDb);
    } else {
      outputDb = thresholdDb + over / ratio;
    }
    return outputDb - inputDb;
  }

  /** Zero-phase smoothing: a forward then a backward exponential pass; the middle sample. */
  // at: [1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 2.0], 0.4
  @Differentiable
  static double filtfiltMiddle(double[] signal, double alpha) {
    double[] y = signal.clone();
    for (int i = 1; i < y.length; i++) {
      y[i] = alpha * y[i] + (1 - alpha) * y[i - 1];
    }
    for (int i = y.length - 2; i >= 0; i--) {
      y[i] = alpha * y[i] + (1 - alpha) * y[i + 1];
    }
    return y[y.length / 2];
  }
}
