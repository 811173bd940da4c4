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
    iris();
    monteCarloGreeks();
    curveFit();
    odeSensitivity();

    System.out.println("== plots written to " + Plots.dir());
  }

  /** The call both option examples price: strike 100, one year; spot 100, rate 5%, volatility 20%. */
  private static final Option OPTION = new Option(100, 1);
  private static final Market MARKET = new Market(100, 0.05, 0.2);

  private static void greeks() {
    System.out.println("== Black-Scholes call, S = 100, K = 100, r = 5%, vol = 20%, T = 1 year:"
        + " Greeks from backprop's gradient vs closed form");
    var ad = BlackScholes.greeks(OPTION, MARKET);
    var cf = BlackScholes.ClosedForm.greeks(OPTION, MARKET);
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

  private static void iris() {
    System.out.printf("== Iris: MLP 4-%d-3 (tanh, softmax, cross-entropy), %d weights in the two layers of an Mlp,"
        + " Adam on mini-batches of %d, %d epochs%n", Mlp.HIDDEN, Mlp.SIZE, MlpTraining.BATCH, MlpTraining.EPOCHS);
    var r = MlpTraining.trainIris(e -> {
      if (e.epoch() % 10 == 0 || e.epoch() == 1) {
        System.out.printf("   epoch %3d   loss %.4f   train accuracy %5.1f%%   held-out %5.1f%%%n",
            e.epoch(), e.loss(), 100 * e.trainAccuracy(), 100 * e.heldOutAccuracy());
      }
    });
    var last = r.last();
    System.out.printf("   trained in %d ms: training loss %.4f -> %.4f, training accuracy %.1f%%,"
        + " held-out accuracy %.1f%% (%d of %d)%n", r.millis(), r.initialLoss(), last.loss(),
        100 * last.trainAccuracy(), 100 * last.heldOutAccuracy(),
        Math.round(MlpTraining.HELD_OUT * last.heldOutAccuracy()), MlpTraining.HELD_OUT);
    System.out.printf("   loss curves: %s%n", Plots.lossCurves("iris-training-loss",
        "Iris MLP: mean cross-entropy after each Adam step",
        Plots.series("training set (120 flowers)", r.stepLosses(),
            "held-out set (30 flowers)", r.heldOutLosses())).getFileName());
  }

  private static void monteCarloGreeks() {
    System.out.printf("== The same call by Monte Carlo over %,d standard normal draws (antithetic pairs, seed %d):"
        + " all pathwise Greeks from one generated reverse sweep%n", MonteCarlo.PATHS, MonteCarlo.SEED);
    double[] z = MonteCarlo.antitheticNormals(MonteCarlo.PATHS, MonteCarlo.SEED);
    var mc = MonteCarlo.estimate(OPTION, MARKET, z, MonteCarlo.BATCHES);
    var cf = BlackScholes.ClosedForm.greeks(OPTION, MARKET);
    var e = mc.estimate();
    var se = mc.standardError();
    System.out.printf("   %-6s %12s %10s %12s %12s%n", "", "Monte Carlo", "std error", "closed form", "(MC - cf)/se");
    row("price", e.price(), se.price(), cf.price());
    row("delta", e.delta(), se.delta(), cf.delta());
    row("vega", e.vega(), se.vega(), cf.vega());
    row("rho", e.rho(), se.rho(), cf.rho());
    row("theta", e.theta(), se.theta(), cf.theta());
    row("dV/dK", e.dStrike(), se.dStrike(), cf.dStrike());
    System.out.printf("   standard errors by batch means: the generated gradient on %d batches of %,d draws%n",
        MonteCarlo.BATCHES, MonteCarlo.PATHS / MonteCarlo.BATCHES);
    int reps = 41;
    var cost = MonteCarlo.cost(OPTION, MARKET, z, 50, reps);
    System.out.printf("   cost, medians of %d timed runs after warm-up: price alone %.2f ms, price and all 5 Greeks %.2f ms%n",
        reps, cost.priceNanos() / 1e6, cost.gradientNanos() / 1e6);
    System.out.printf("   all five Greeks cost %.1fx the price alone%n", cost.ratio());
  }

  private static void row(String name, double estimate, double se, double closedForm) {
    System.out.printf("   %-6s %12.6f %10.6f %12.6f %12.2f%n", name, estimate, se, closedForm,
        (estimate - closedForm) / se);
  }

  private static void curveFit() {
    System.out.printf("== Curve fit: y = a exp(-k t) + c to %d noisy points (noise sd %.2f, seed %d),"
        + " Hipparchus Levenberg-Marquardt with backprop's Jacobian%n", CurveFit.POINTS, CurveFit.NOISE, CurveFit.SEED);
    var d = CurveFit.data(CurveFit.POINTS, CurveFit.NOISE, CurveFit.SEED);
    var f = CurveFit.fit(d);
    System.out.printf("   a = %.4f +- %.4f (true %.2f)   k = %.4f +- %.4f (true %.2f)   c = %.4f +- %.4f (true %.2f)%n",
        f.a(), f.se()[0], CurveFit.TRUE_A, f.k(), f.se()[1], CurveFit.TRUE_K, f.c(), f.se()[2], CurveFit.TRUE_C);
    System.out.printf("   residual norm %.4f   residual sd %.4f (noise %.2f)   %d iterations, %d evaluations%n",
        f.residualNorm(), f.noiseEstimate(CurveFit.POINTS), CurveFit.NOISE, f.iterations(), f.evaluations());
    System.out.printf("   plot of data and fit: %s%n", Figures.curveFit(d, f).getFileName());
  }

  private static void odeSensitivity() {
    System.out.printf("== Logistic growth dx/dt = r x (1 - x/k), r = %.1f, k = %.0f, x(0) = %.1f, %d Runge-Kutta steps to t = %.0f:"
        + " sensitivity dx(t)/dr in forward mode%n", Ode.R, Ode.K, Ode.X0, Ode.STEPS, Ode.T);
    var jvp = OdeGrad.logisticJvp(Ode.R, Ode.K, Ode.X0, Ode.T, Ode.STEPS, 1, 0, 0);
    var grad = OdeGrad.logistic(Ode.R, Ode.K, Ode.X0, Ode.T, Ode.STEPS);
    double fd = FiniteDifference.central(r -> Ode.logistic(r, Ode.K, Ode.X0, Ode.T, Ode.STEPS), Ode.R, 1e-6);
    System.out.printf("   x(t) = %.10f   closed form %.10f%n", jvp.value(), Ode.exact(Ode.R, Ode.K, Ode.X0, Ode.T));
    System.out.printf("   dx/dr: forward mode (Jvp) %.10f   reverse mode %.10f   closed form %.10f   finite difference %.10f%n",
        jvp.tangent(), grad.r(), Ode.exactDr(Ode.R, Ode.K, Ode.X0, Ode.T), fd);
  }
}
