package io.github.backprop.examples;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Rosenbrock's banana-shaped valley, minimised by Hipparchus's nonlinear conjugate-gradient
 * optimiser with backprop's gradient: the usual way to use an optimisation library, with the
 * gradient written by the compiler instead of by hand.
 */
final class Rosenbrock {
  private Rosenbrock() {}

  /** f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
  @Differentiable
  static double f(double x, double y) {
    double a = 1 - x;
    double b = y - x * x;
    return a * a + 100 * b * b;
  }

  /** The classic starting point. */
  static final double START_X = -1.2;
  static final double START_Y = 1;

  /**
   * The optimiser's answer.
   *
   * @param x the final point's x
   * @param y the final point's y
   * @param value f at the final point
   * @param iterations conjugate-gradient iterations (one line search each)
   * @param evaluations evaluations of f (mostly inside the line searches)
   * @param gradients evaluations of the generated gradient, one per iterate
   * @param path every point the gradient was evaluated at: the iterates, from the start
   */
  record Result(double x, double y, double value, int iterations, int evaluations, int gradients,
      List<double[]> path) {
    double distanceToMinimum() {
      return Math.hypot(x - 1, y - 1);
    }
  }

  /** Minimises f from (−1.2, 1) with Polak–Ribière conjugate gradients. */
  static Result minimise() {
    List<double[]> path = new ArrayList<>();
    int[] gradients = {0};
    var objective = new ObjectiveFunction(p -> f(p[0], p[1]));
    var gradient = new ObjectiveFunctionGradient(p -> {
      gradients[0]++;
      path.add(p.clone());
      var g = RosenbrockGrad.f(p[0], p[1]);
      return new double[] {g.x(), g.y()};
    });
    // Line searches to 1e-10 relative / 1e-14 absolute; stop on a tiny gradient (see converged).
    var optimizer = new NonLinearConjugateGradientOptimizer(
        NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
        (iteration, previous, current) -> converged(previous, current),
        1e-10, 1e-14, 1e-3);
    PointValuePair best = optimizer.optimize(
        new MaxEval(100_000), objective, gradient, GoalType.MINIMIZE,
        new InitialGuess(new double[] {START_X, START_Y}));
    double[] p = best.getPoint();
    return new Result(p[0], p[1], best.getValue(), optimizer.getIterations(),
        optimizer.getEvaluations(), gradients[0], List.copyOf(path));
  }

  /** Converged when the gradient at the current point is tiny or f no longer moves. */
  private static boolean converged(PointValuePair previous, PointValuePair current) {
    double[] p = current.getPoint();
    var g = RosenbrockGrad.f(p[0], p[1]);
    return Math.hypot(g.x(), g.y()) < 1e-10
        || Math.abs(previous.getValue() - current.getValue()) <= 1e-30;
  }
}
