package plain;

import io.github.backprop.Differentiable;

/** Mechanics and thermodynamics as engineers write them: constants, small integrators, guards. */
public final class Mechanics {
  public static final double STANDARD_GRAVITY = 9.80665;
  private static final double AIR_DENSITY = 1.225;
  private static final double STEFAN_BOLTZMANN = 5.670374419e-8;
  private static final double GAS_CONSTANT = 8.314462618;

  private Mechanics() {}

  /** Range of a projectile launched from a height, with the positive root of the flight time. */
  // at: 20.0, 0.6, 1.5 ; 35.0, 1.1, 0.0
  @Differentiable
  public static double rangeFromHeight(double speed, double angle, double height) {
    final double vx = speed * Math.cos(angle);
    final double vy = speed * Math.sin(angle);
    final double discriminant = vy * vy + 2.0 * STANDARD_GRAVITY * height;
    final double flightTime = (vy + Math.sqrt(discriminant)) / STANDARD_GRAVITY;
    return vx * flightTime;
  }

  /** Velocity after falling with quadratic drag, by explicit Euler steps. */
  // at: 80.0, 0.47, 0.05, 3.0 ; 0.5, 1.05, 0.01, 2.0
  @Differentiable
  public static double velocityWithDrag(double mass, double dragCoefficient, double area, double seconds) {
    double v = 0.0;
    final double dt = 0.01;
    final int steps = (int) Math.round(seconds / dt);
    final double k = 0.5 * AIR_DENSITY * dragCoefficient * area;
    for (int i = 0; i < steps; ++i) {
      double drag = k * v * v / mass;
      v += (STANDARD_GRAVITY - drag) * dt;
    }
    return v;
  }

  /** Energy of a damped, driven oscillator at the end of a velocity-Verlet run. */
  // at: 1.0, 4.0, 0.2, 0.5, 1.3
  @Differentiable
  public static double drivenOscillatorEnergy(double mass, double stiffness, double damping, double force, double omega) {
    double x = 0, v = 0, t = 0;
    double dt = 1e-3;
    double a = (force * Math.cos(omega * t) - stiffness * x - damping * v) / mass;
    while (t < 2.0) {
      x += v * dt + 0.5 * a * dt * dt;
      t += dt;
      double vHalf = v + 0.5 * a * dt;
      double aNext = (force * Math.cos(omega * t) - stiffness * x - damping * vHalf) / mass;
      v = vHalf + 0.5 * aNext * dt;
      a = aNext;
    }
    return 0.5 * mass * v * v + 0.5 * stiffness * x * x;
  }

  /** Rocket delta-v (Tsiolkovsky) with a guard on the mass ratio. */
  // at: 311.0, 120000.0, 42000.0
  @Differentiable
  public static double deltaV(double isp, double wetMass, double dryMass) {
    if (dryMass <= 0 || wetMass < dryMass) {
      throw new IllegalArgumentException("need wetMass >= dryMass > 0");
    }
    double exhaustVelocity = isp * STANDARD_GRAVITY;
    return exhaustVelocity * Math.log(wetMass / dryMass);
  }

  /** Equilibrium temperature of a plate radiating from both faces and convecting. */
  // at: 800.0, 0.9, 15.0, 293.0
  @Differentiable
  public static double plateTemperature(double irradiance, double emissivity, double h, double ambient) {
    // Newton on absorbed = radiated + convected, starting from the ambient temperature
    double temp = ambient;
    for (int it = 0; it < 50; it++) {
      double f = 2 * emissivity * STEFAN_BOLTZMANN * Math.pow(temp, 4) + 2 * h * (temp - ambient) - irradiance;
      double df = 8 * emissivity * STEFAN_BOLTZMANN * Math.pow(temp, 3) + 2 * h;
      double step = f / df;
      temp -= step;
      if (Math.abs(step) < 1e-12 * temp) {
        break;
      }
    }
    return temp;
  }

  /** Work done by an ideal gas compressed adiabatically from v1 to v2. */
  // at: 1.0, 300.0, 0.024, 0.012, 1.4
  @Differentiable
  public static double adiabaticWork(double moles, double t1, double v1, double v2, double gamma) {
    double p1 = moles * GAS_CONSTANT * t1 / v1;
    double p2 = p1 * Math.pow(v1 / v2, gamma);
    return (p2 * v2 - p1 * v1) / (gamma - 1);
  }

  /** Moment of inertia of a hollow cylinder about its axis, then the rolling acceleration down a slope. */
  // at: 2.0, 0.05, 0.08, 0.35
  @Differentiable
  public static double rollingAcceleration(double mass, double innerRadius, double outerRadius, double slope) {
    double inertia = 0.5 * mass * (innerRadius * innerRadius + outerRadius * outerRadius);
    return mass * STANDARD_GRAVITY * Math.sin(slope) / (mass + inertia / (outerRadius * outerRadius));
  }

  /** Orbital period and speed of a circular orbit, returned as the period in hours. */
  // at: 6.771e6, 3.986004418e14
  @Differentiable
  public static double orbitalPeriodHours(double radius, double mu) {
    double period = 2 * Math.PI * Math.sqrt(radius * radius * radius / mu);
    return period / 3600.0;
  }

  /** Bending stress of a rectangular beam under a central point load (simply supported). */
  // at: 1500.0, 2.0, 0.05, 0.1
  @Differentiable
  public static double maxBendingStress(double load, double span, double width, double depth) {
    double moment = load * span / 4;
    double sectionModulus = width * depth * depth / 6;
    return moment / sectionModulus;
  }
}
