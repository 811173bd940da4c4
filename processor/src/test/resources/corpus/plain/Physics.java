package plain;

import io.github.backprop.Differentiable;

/** Physics formulas, written the way they come. */
final class Physics {
  static final double G = 6.674e-11;
  static final double C = 299_792_458.0;
  static final double K_B = 1.380649e-23;
  static final double G0 = 9.80665;
  static final double SIGMA = 5.670374419e-8;
  private static final double R_GAS = 8.314462618;

  private Physics() {}

  // at: 10.0, 0.7 ; 25.0, 1.2
  @Differentiable
  static double projectileRange(double v0, double angle) {
    return v0 * v0 * Math.sin(2 * angle) / G0;
  }

  // at: 5.97e24, 7.35e22, 3.84e8
  @Differentiable
  static double gravitationalForce(double m1, double m2, double r) {
    if (r <= 0) {
      throw new IllegalArgumentException("distance must be positive: " + r);
    }
    return G * m1 * m2 / (r * r);
  }

  // at: 1.5e8
  @Differentiable
  public static double lorentzFactor(double v) {
    double beta = v / C;
    return 1.0 / Math.sqrt(1.0 - beta * beta);
  }

  // at: 2.0, 3.0, 0.5, 1.2
  @Differentiable
  static double dampedOscillator(double amplitude, double omega, double gamma, double t) {
    return amplitude * Math.exp(-gamma * t) * Math.cos(omega * t);
  }

  // at: 1.0, 300.0, 0.024
  @Differentiable
  static double idealGasPressure(double n, double temperature, double volume) {
    return n * R_GAS * temperature / volume;
  }

  // at: 0.9, 1.5, 300.0
  @Differentiable
  static double radiatedPower(double emissivity, double area, double temperature) {
    double t2 = temperature * temperature;
    return emissivity * SIGMA * area * t2 * t2;
  }

  // at: 2.0, 3.0, 4.0
  @Differentiable
  static double kineticEnergy(double mass, double vx, double vy) {
    double speedSquared = vx * vx + vy * vy;
    return 0.5 * mass * speedSquared;
  }

  // at: 1.0, 0.3, 0.5, 100
  @Differentiable
  static double springEnergyAfterSteps(double k, double x0, double v0, int steps) {
    double x = x0;
    double v = v0;
    double dt = 0.01;
    for (int i = 0; i < steps; i++) {
      double a = -k * x;
      v += a * dt;
      x += v * dt;
    }
    return 0.5 * k * x * x + 0.5 * v * v;
  }

  // at: 1.0, 1.33, 0.4
  @Differentiable
  static double snellRefractionAngle(double n1, double n2, double incidence) {
    double s = n1 / n2 * Math.sin(incidence);
    if (s > 1) {
      return Double.NaN; // total internal reflection
    }
    return Math.asin(s);
  }

  // at: 5.0e-7, 5000.0
  @Differentiable
  static double planck(double wavelength, double temperature) {
    final double h = 6.62607015e-34;
    double a = 2.0 * h * C * C / Math.pow(wavelength, 5);
    double b = Math.expm1(h * C / (wavelength * K_B * temperature));
    return a / b;
  }

  // at: 2.0, 0.5, 9.81
  @Differentiable
  static double pendulumPeriod(double length, double amplitude, double g) {
    double t0 = 2 * Math.PI * Math.sqrt(length / g);
    // first corrections of the large-amplitude series
    double theta2 = amplitude * amplitude;
    return t0 * (1 + theta2 / 16 + 11 * theta2 * theta2 / 3072);
  }

  // at: 2.0, 1.0, 0.05, 3.01
  @Differentiable
  static double dragFallVelocity(double mass, double dragCoefficient, double dt, double tEnd) {
    double v = 0;
    double t = 0;
    while (t < tEnd) {
      double drag = dragCoefficient * v * Math.abs(v) / mass;
      v = v + (G0 - drag) * dt;
      t += dt;
    }
    return v;
  }

  // at: 1.0e3, 2.0, 0.5
  @Differentiable
  static double coulombPotentialEnergy(double q1, double q2, double r) {
    final double k = 8.9875517923e9;
    return k * q1 * q2 / r * 1e-12;
  }
}
