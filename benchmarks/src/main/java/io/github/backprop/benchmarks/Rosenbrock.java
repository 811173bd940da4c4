package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import io.github.backprop.benchmarks.tape.Tape;
import io.github.backprop.benchmarks.tape.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * F3: the Rosenbrock function f(x) = Σ_{i<n−1} 100·(x[i+1] − x[i]²)² + (1 − x[i])², every
 * implementation of its gradient.
 */
public final class Rosenbrock {
  private Rosenbrock() {}

  /** The function, as a user writes it; backprop writes {@code RosenbrockGrad.rosenbrock(x)}. */
  @Differentiable
  public static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double t = x[i + 1] - x[i] * x[i];
      double u = 1 - x[i];
      sum += 100 * t * t + u * u;
    }
    return sum;
  }

  /**
   * A careful reverse-mode adjoint by hand, as the textbooks write it: the forward sweep computes
   * the sum; the reverse sweep runs the terms back, computing t and u again rather than storing
   * them, and passes ∂/∂x[i+1] += 200·t, ∂/∂x[i] += −400·t·x[i] − 2·u.
   */
  public static ValueAndGradient handWritten(double[] x) {
    int n = x.length;
    double sum = 0;
    for (int i = 0; i < n - 1; i++) {
      double t = x[i + 1] - x[i] * x[i];
      double u = 1 - x[i];
      sum += 100 * t * t + u * u;
    }
    double[] g = new double[n];
    for (int i = n - 2; i >= 0; i--) {
      double t = x[i + 1] - x[i] * x[i];
      double u = 1 - x[i];
      double dt = 200 * t;
      g[i + 1] += dt;
      g[i] += -2 * x[i] * dt - 2 * u;
    }
    return new ValueAndGradient(sum, g);
  }

  /**
   * Beyond reverse mode, by hand. Each term depends only on x[i] and x[i+1], and nothing computed
   * for one term is needed by another, so the forward and reverse sweeps fuse into one loop with
   * no storage: ∂/∂x[i+1] += 200·t, ∂/∂x[i] += −400·t·x[i] − 2·u. The share of x[i+1] is carried
   * in a local into the next iteration, so each partial is written once and never read back.
   */
  public static ValueAndGradient handFused(double[] x) {
    int n = x.length;
    double[] g = new double[n];
    double sum = 0;
    double carry = 0; // ∂/∂x[i] from term i − 1
    for (int i = 0; i < n - 1; i++) {
      double xi = x[i];
      double t = x[i + 1] - xi * xi;
      double u = 1 - xi;
      sum += 100 * t * t + u * u;
      double dt = 200 * t;
      g[i] = carry + (-2 * xi * dt - 2 * u);
      carry = dt;
    }
    if (n > 0) {
      g[n - 1] = carry;
    }
    return new ValueAndGradient(sum, g);
  }

  /** Hipparchus forward mode: n Gradients of n partials each, so O(n²) work. */
  public static Gradient hipparchus(double[] x0) {
    int n = x0.length;
    Gradient[] x = new Gradient[n];
    for (int i = 0; i < n; i++) {
      x[i] = Gradient.variable(n, i, x0[i]);
    }
    Gradient sum = Gradient.constant(n, 0);
    for (int i = 0; i < n - 1; i++) {
      Gradient t = x[i + 1].subtract(x[i].multiply(x[i]));
      Gradient u = x[i].negate().add(1);
      sum = sum.add(t.multiply(100).multiply(t).add(u.multiply(u)));
    }
    return sum;
  }

  /** Central differences: 2n evaluations. */
  public static ValueAndGradient finiteDifferences(double[] x) {
    return FiniteDifferences.central(Rosenbrock::rosenbrock, x);
  }

  /** The runtime tape: about 9 nodes per term. */
  public static ValueAndGradient tape(double[] x0) {
    Tape tape = new Tape();
    Var[] x = tape.variables(x0);
    Var sum = tape.variable(0);
    for (int i = 0; i < x.length - 1; i++) {
      Var t = x[i + 1].sub(x[i].mul(x[i]));
      Var u = x[i].rsub(1);
      sum = sum.add(t.mul(100).mul(t).add(u.mul(u)));
    }
    tape.backward(sum);
    return new ValueAndGradient(sum.value(), tape.gradient(x));
  }

  /** Every implementation's {@code {value, gradient...}}, for {@link Agreement}. */
  public static Map<String, double[]> all(double[] x) {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", handWritten(x).flat());
    r.put("handFused", handFused(x).flat());
    var g = RosenbrockGrad.rosenbrock(x);
    r.put("generated", Agreement.flat(g.value(), g.x()));
    Gradient hip = hipparchus(x);
    r.put("hipparchus", Agreement.flat(hip.getValue(), hip.getGradient()));
    r.put("tape", tape(x).flat());
    r.put("finiteDifferences", finiteDifferences(x).flat());
    return r;
  }

  /** The benchmark's input: n values uniform in [−2, 2), seeded by n. */
  public static double[] point(int n) {
    return Data.uniform(Data.random(300 + n), n, -2, 2);
  }
}
