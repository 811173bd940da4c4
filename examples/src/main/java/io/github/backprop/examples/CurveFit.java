package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Nonlinear least squares: exponential decay plus an offset, y = a·exp(−k·t) + c, fitted to noisy
 * data by Hipparchus's Levenberg–Marquardt optimiser. Levenberg–Marquardt needs the Jacobian of
 * the model at every data point: {@link #curve} returns the model at every time, and its
 * generated {@code curveJacobian} gives the whole Jacobian with respect to (a, k, c) at once.
 */
final class CurveFit {
  private CurveFit() {}

  /** The model: a·exp(−k·t) + c, differentiated with respect to the parameters, not the time. */
  @Differentiable(wrt = {"a", "k", "c"})
  static double model(double a, double k, double c, double t) {
    return a * Math.exp(-k * t) + c;
  }

  /**
   * The model at every time, p = (a, k, c). With three parameters and many times, {@code
   * curveJacobian} takes the Jacobian's three columns from {@code curveJvp}, one forward run each.
   */
  @Differentiable(wrt = "p", forward = true)
  static double[] curve(double[] p, double[] t) {
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = model(p[0], p[1], p[2], t[i]);
    }
    return y;
  }

  /** The parameters the data are made from, and the noise. */
  static final double TRUE_A = 2.5;
  static final double TRUE_K = 1.3;
  static final double TRUE_C = 0.5;
  static final double NOISE = 0.05;
  static final int POINTS = 50;
  static final double T_MAX = 4;
  static final long SEED = 7L;
  /** Where the optimiser starts. */
  static final double[] START = {1, 0.5, 0};

  /** Measurements y at times t. */
  record Data(double[] t, double[] y) {}

  /** {@code n} equally spaced times over [0, T_MAX] and the true curve plus Gaussian noise. */
  static Data data(int n, double noise, long seed) {
    Random random = new Random(seed);
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = T_MAX * i / (n - 1);
      y[i] = model(TRUE_A, TRUE_K, TRUE_C, t[i]) + noise * random.nextGaussian();
    }
    return new Data(t, y);
  }

  /**
   * The fit.
   *
   * @param a fitted a
   * @param k fitted k
   * @param c fitted c
   * @param se the standard errors of (a, k, c): √diag((JᵀJ)⁻¹) times the residual standard
   *     deviation √(RSS / (n − 3))
   * @param residualNorm ‖y − model‖ at the fit
   * @param iterations Levenberg–Marquardt iterations
   * @param evaluations evaluations of the model and its Jacobian
   */
  record Fit(double a, double k, double c, double[] se, double residualNorm, int iterations,
      int evaluations) {
    /** The residual standard deviation √(RSS / (n − 3)), an estimate of the noise. */
    double noiseEstimate(int n) {
      return residualNorm / Math.sqrt(n - 3);
    }
  }

  /** Values and Jacobian of the model at every t, from the generated Jacobian of {@link #curve}. */
  static Pair<RealVector, RealMatrix> valueAndJacobian(RealVector p, double[] t) {
    var j = CurveFitGrad.curveJacobian(p.toArray(), t);
    return new Pair<>(new ArrayRealVector(j.value(), false), new Array2DRowRealMatrix(j.jacobian(), false));
  }

  static Fit fit(Data d) {
    var problem = new LeastSquaresBuilder()
        .model(p -> valueAndJacobian(p, d.t()))
        .target(d.y())
        .start(START)
        .maxEvaluations(1000)
        .maxIterations(1000)
        .build();
    LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
    double[] p = opt.getPoint().toArray();
    double residualNorm = opt.getResiduals().getNorm();
    double s = residualNorm / Math.sqrt(d.t().length - 3);
    double[] se = opt.getSigma(1e-14).mapMultiply(s).toArray();
    return new Fit(p[0], p[1], p[2], se, residualNorm, opt.getIterations(), opt.getEvaluations());
  }

  /** Main's data and fit. */
  static Fit fitMainData() {
    return fit(data(POINTS, NOISE, SEED));
  }
}
