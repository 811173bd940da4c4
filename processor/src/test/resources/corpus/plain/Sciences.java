package plain;

import io.github.backprop.Differentiable;
import java.util.stream.IntStream;

/** Chemistry, biology, medicine, ecology, hydrology and robotics, written as scientists write Java. */
final class Sciences {
  static final double GAS_CONSTANT = 8.314462618;
  static final double FARADAY = 96485.33212;

  enum Dosing { BOLUS, INFUSION }

  private Sciences() {}

  // at: 2.5, 10.0, 1.2 ; 0.1, 4.0, 3.0
  @Differentiable
  static double michaelisMenten(double substrate, double vmax, double km) {
    return vmax * substrate / (km + substrate);
  }

  // at: 0.8, 1.5, 2.6 ; 3.0, 1.5, 1.0
  @Differentiable
  static double hillOccupancy(double ligand, double kd, double n) {
    double ln = Math.pow(ligand, n);
    return ln / (Math.pow(kd, n) + ln);
  }

  // at: 1.0e7, 50000.0, 310.0 ; 2.5e10, 75000.0, 350.0
  @Differentiable
  static double arrheniusRate(double preExponential, double activationEnergy, double temperature) {
    return preExponential * Math.exp(-activationEnergy / (GAS_CONSTANT * temperature));
  }

  // at: 0.3, 0.1, 0.01, 60, 0.5
  @Differentiable
  static double sirPeakInfected(double beta, double gamma, double i0, int days, double dt) {
    var s = 1.0 - i0;
    var i = i0;
    var peak = i;
    int steps = (int) (days / dt);
    for (int k = 0; k < steps; k++) {
      var newInfections = beta * s * i * dt;
      var recoveries = gamma * i * dt;
      s -= newInfections;
      i += newInfections - recoveries;
      if (i > peak) {
        peak = i;
      }
    }
    return peak;
  }

  // at: 100.0, 1.2, 0.2, 30.0, 2.0, BOLUS ; 100.0, 1.2, 0.2, 30.0, 2.0, INFUSION ; 100.0, 0.15, 0.5, 30.0, 2.0, BOLUS
  @Differentiable
  static double plasmaConcentration(double dose, double ka, double ke, double volume, double t, Dosing route) {
    switch (route) {
      case INFUSION: {
        double rate = dose / 24.0;
        return rate / (ke * volume) * (1 - Math.exp(-ke * t));
      }
      case BOLUS:
      default:
        if (Math.abs(ka - ke) < 1e-9) {
          return dose / volume * ka * t * Math.exp(-ke * t);
        }
        return dose * ka / (volume * (ka - ke)) * (Math.exp(-ke * t) - Math.exp(-ka * t));
    }
  }

  // at: 250.0, 0.1, 12.0, 5
  @Differentiable
  static double troughAfterDoses(double dose, double k, double tau, int doses) {
    double trough = 0;
    for (int n = 1; n <= doses; n++) {
      trough += dose * Math.exp(-k * tau * n);
    }
    return trough;
  }

  // at: 0.4, 1000.0, 10.0, 8.5
  @Differentiable
  static double logisticPopulation(double r, double capacity, double n0, double t) {
    double e = Math.exp(-r * t);
    return capacity / (1 + (capacity - n0) / n0 * e);
  }

  // at: 1.1, 0.4, 0.1, 0.4, 10.0, 5.0, 50, 0.01
  @Differentiable
  static double lotkaVolterraPrey(double alpha, double beta, double delta, double gamma, double x0, double y0, int steps, double h) {
    double x = x0;
    double y = y0;
    for (int n = 0; n < steps; n++) {
      double kx = preyRate(x, y, alpha, beta);
      double ky = predatorRate(x, y, delta, gamma);
      double mx = x + 0.5 * h * kx;
      double my = y + 0.5 * h * ky;
      x += h * preyRate(mx, my, alpha, beta);
      y += h * predatorRate(mx, my, delta, gamma);
    }
    return x;
  }

  private static double preyRate(double x, double y, double alpha, double beta) {
    return alpha * x - beta * x * y;
  }

  private static double predatorRate(double x, double y, double delta, double gamma) {
    return delta * x * y - gamma * y;
  }

  // at: 4.76, 0.1, 0.15 ; 9.25, 0.05, 0.02
  @Differentiable
  static double bufferPh(double pKa, double acid, double base) {
    return pKa + Math.log10(base / acid);
  }

  // at: 0.013, 3.0, 1.2, 0.001
  @Differentiable
  static double manningDischarge(double roughness, double width, double depth, double slope) {
    double area = width * depth;
    double wettedPerimeter = width + 2 * depth;
    double hydraulicRadius = area / wettedPerimeter;
    return area / roughness * Math.pow(hydraulicRadius, 2.0 / 3.0) * Math.sqrt(slope);
  }

  // at: 145.0, 12.0, 1, 37.0 ; 2.0, 0.0001, 2, 25.0
  @Differentiable
  static double nernstPotential(double outside, double inside, int charge, double celsius) {
    double kelvin = celsius + 273.15;
    return GAS_CONSTANT * kelvin / (charge * FARADAY) * Math.log(outside / inside) * 1000;
  }

  // at: [120.0, 45.0, 300.0], [0.002, 0.01, 0.0005], 1.0
  @Differentiable
  static double transmittance(double[] molarAbsorptivity, double[] concentration, double pathLength) {
    double absorbance = IntStream.range(0, concentration.length)
        .mapToDouble(i -> molarAbsorptivity[i] * concentration[i] * pathLength)
        .sum();
    return Math.pow(10, -absorbance);
  }

  // at: 1000.0, 0.3, 0.05, 4.0 ; 1000.0, 0.3, 0.8, 4.0
  @Differentiable
  static double daughterNuclei(double n0, double lambdaParent, double lambdaDaughter, double t) {
    if (lambdaParent == lambdaDaughter) {
      return n0 * lambdaParent * t * Math.exp(-lambdaParent * t);
    }
    return n0 * lambdaParent / (lambdaDaughter - lambdaParent)
        * (Math.exp(-lambdaParent * t) - Math.exp(-lambdaDaughter * t));
  }

  // at: [12.0, 0.5, 5.0, 30.0, 3.0]
  @Differentiable
  static double shannonDiversity(double[] counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double h = 0;
    for (double c : counts) {
      if (c == 0) {
        continue;
      }
      double p = c / total;
      h -= p * Math.log(p);
    }
    return h;
  }

  // at: 119.4, 100.0, 3.9083e-3, -5.775e-7
  @Differentiable
  static double rtdTemperature(double resistance, double r0, double a, double b) {
    // Callendar-Van Dusen above 0 °C: R = R0 (1 + A t + B t^2), solved for t
    double c = 1 - resistance / r0;
    double discriminant = a * a - 4 * b * c;
    return (-a + Math.sqrt(discriminant)) / (2 * b);
  }

  // at: 1.0, 0.8, 0.6, 1.1, 1.2, 0.9
  @Differentiable
  static double twoLinkReachError(double l1, double l2, double theta1, double theta2, double targetX, double targetY) {
    double[] elbow = {l1 * Math.cos(theta1), l1 * Math.sin(theta1)};
    double[] hand = new double[2];
    hand[0] = elbow[0] + l2 * Math.cos(theta1 + theta2);
    hand[1] = elbow[1] + l2 * Math.sin(theta1 + theta2);
    double dx = hand[0] - targetX;
    double dy = hand[1] - targetY;
    return dx * dx + dy * dy;
  }

  // at: 37.0, 0.0 ; 5.0, 10.0 ; -3.0, 50.0
  @Differentiable
  static double saturationVaporPressure(double celsius, double altitude) {
    // Magnus formula over water or ice, with the pressure correction for altitude
    final double a;
    final double b;
    if (celsius >= 0) {
      a = 17.62;
      b = 243.12;
    } else {
      a = 22.46;
      b = 272.62;
    }
    double pressure = 6.112 * Math.exp(a * celsius / (b + celsius));
    double enhancement = 1.0016 + 3.15e-6 * (1013.25 * Math.exp(-altitude / 8434.5)) - 0.074 / 1013.25;
    return pressure * enhancement;
  }
}
