package io.github.backprop.examples;

/** Runs every example and prints its headline numbers. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("== f(x) = 2x^2 - 3x + 4: exact f'(x) = 4x - 3 beside a finite difference (h = 1e-6)");
    for (double x : new double[] {2, 6, -2, 0.75}) {
      var g = SeedsGrad.quadratic(x);
      double fd = FiniteDifference.central(Seeds::quadratic, x, 1e-6);
      System.out.printf("   x = %5.2f   f = %8.4f   backprop f' = %6.2f   finite difference = %.10f%n", x, g.value(), g.x(), fd);
    }
    System.out.printf("   plot of f and f' over [-3, 4): %s%n", Figures.quadratic().getFileName());

    System.out.println("== d = a*b + c at (3, -2, 8)");
    var d = SeedsGrad.affine(3, -2, 8);
    System.out.printf("   d = %s   dd/da = %s   dd/db = %s   dd/dc = %s%n", d.value(), d.a(), d.b(), d.c());

    System.out.println("== L = (a*b + c)*f at (3, -2, 8, -2)");
    var l = SeedsGrad.loss(3, -2, 8, -2);
    System.out.printf("   L = %s   dL/da = %s   dL/db = %s   dL/dc = %s   dL/df = %s%n", l.value(), l.a(), l.b(), l.c(), l.f());

    System.out.println("== f = (a + b)*c at (5, -3, -2), then one gradient-ascent step of 0.01");
    var s = SeedsGrad.sumTimes(5, -3, -2);
    System.out.printf("   f = %s   df/da = %s   df/db = %s   df/dc = %s%n", s.value(), s.a(), s.b(), s.c());
    System.out.printf("   after one step: f = %.4f%n", Seeds.ascentStep(5, -3, -2, 0.01));

    greeks();
    rosenbrock();

    System.out.println("== plots written to " + Plots.dir());
  }

  private static void greeks() {
    System.out.println("== Black-Scholes call, S = 100, K = 100, r = 5%, vol = 20%, T = 1 year:"
        + " Greeks from backprop's gradient vs closed form");
    var ad = BlackScholes.greeks(100, 100, 0.05, 0.2, 1);
    var cf = BlackScholes.ClosedForm.greeks(100, 100, 0.05, 0.2, 1);
    System.out.printf("   price      %.12f   closed form %.12f%n", ad.price(), cf.price());
    System.out.printf("   delta      %.12f   closed form %.12f%n", ad.delta(), cf.delta());
    System.out.printf("   vega       %.12f   closed form %.12f%n", ad.vega(), cf.vega());
    System.out.printf("   rho        %.12f   closed form %.12f%n", ad.rho(), cf.rho());
    System.out.printf("   theta      %.12f   closed form %.12f   (theta = -dV/dT, per year)%n", ad.theta(), cf.theta());
    System.out.printf("   dV/dK      %.12f   closed form %.12f%n", ad.dStrike(), cf.dStrike());
    System.out.printf("   largest difference over %d options: %.1e%n", BlackScholes.GRID_SIZE, BlackScholes.maxDiffOverGrid());
  }

  private static void rosenbrock() {
    System.out.println("== Rosenbrock (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1), Hipparchus nonlinear conjugate gradients"
        + " (Polak-Ribiere) fed by backprop's gradient");
    var r = Rosenbrock.minimise();
    System.out.printf("   iterations %d   evaluations of f %d   of the gradient %d%n", r.iterations(), r.evaluations(), r.gradients());
    System.out.printf("   final point (%.12f, %.12f)   f = %.3e   distance to (1, 1) = %.1e%n", r.x(), r.y(), r.value(), r.distanceToMinimum());
    System.out.printf("   plot of the path: %s%n", Figures.rosenbrock(r).getFileName());
  }
}
