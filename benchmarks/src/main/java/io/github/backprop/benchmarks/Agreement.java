package io.github.backprop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every implementation of one function computes the same value and gradient, before
 * anything is timed. Used by the JMH states' setup (fail fast) and by the unit tests.
 *
 * <p>Results are flat arrays {@code {value, ∂/∂x0, ∂/∂x1, ...}}. Values must match the primal to
 * 1e-12 relative. Gradients are compared norm-wise: every component must satisfy |a_i − b_i| ≤
 * tol · max_j max(|a_j|, |b_j|), so a component that is tiny by cancellation is not held to a
 * tighter standard than the rounding of the terms it cancels from. tol is {@link #EXACT} between
 * exact methods and {@link #APPROXIMATE} when one side is a finite difference.
 */
public final class Agreement {
  /** The reference implementation's name. */
  public static final String REFERENCE = "handWritten";

  /** The name of the central-difference implementation, held to {@link #APPROXIMATE}. */
  public static final String FINITE_DIFFERENCES = "finiteDifferences";

  /** Relative tolerance between two exact methods (they differ only in rounding). */
  public static final double EXACT = 1e-9;

  /** Relative tolerance when one side is a finite difference. */
  public static final double APPROXIMATE = 1e-5;

  private Agreement() {}

  /** {@code {value, g[0], g[1], ...}}. */
  public static double[] flat(double value, double... gradient) {
    double[] f = new double[gradient.length + 1];
    f[0] = value;
    System.arraycopy(gradient, 0, f, 1, gradient.length);
    return f;
  }

  /** The tolerance for comparing implementations {@code a} and {@code b}. */
  public static double tolerance(String a, String b) {
    return a.equals(FINITE_DIFFERENCES) || b.equals(FINITE_DIFFERENCES) ? APPROXIMATE : EXACT;
  }

  /**
   * The problems found comparing every pair of implementations, and each value with the primal:
   * empty when all agree.
   *
   * @param primal the plain function's value
   * @param results implementation name → {@code {value, gradient...}}; must hold {@link
   *     #REFERENCE}
   */
  public static List<String> problems(double primal, Map<String, double[]> results) {
    List<String> problems = new ArrayList<>();
    double[] ref = results.get(REFERENCE);
    if (ref == null) {
      problems.add("no " + REFERENCE + " result to compare with");
      return problems;
    }
    for (var e : results.entrySet()) {
      double v = e.getValue()[0];
      if (!(Math.abs(v - primal) <= 1e-12 * Math.max(1.0, Math.abs(primal)))) {
        problems.add(e.getKey() + " value " + v + " != primal " + primal);
      }
      if (e.getValue().length != ref.length) {
        problems.add(
            e.getKey() + " has " + (e.getValue().length - 1) + " partials, " + REFERENCE
                + " has " + (ref.length - 1));
      }
    }
    List<String> names = new ArrayList<>(results.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        String a = names.get(i);
        String b = names.get(j);
        String p = agree(results.get(a), results.get(b), tolerance(a, b));
        if (p != null) {
          problems.add(a + " vs " + b + ": " + p);
        }
      }
    }
    return problems;
  }

  /**
   * Null when the gradients (components 1..) of {@code a} and {@code b} agree: for every i,
   * |a_i − b_i| ≤ tol · s, where s is the largest |a_j| or |b_j| of the whole gradient (1 when
   * both are all zeros); otherwise a description of the worst component.
   */
  public static String agree(double[] a, double[] b, double tol) {
    if (a.length != b.length) {
      return "lengths " + a.length + " and " + b.length;
    }
    double scale = 0;
    for (int i = 1; i < a.length; i++) {
      scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
    }
    if (scale == 0) {
      scale = 1;
    }
    int worst = -1;
    double worstRatio = 0;
    for (int i = 1; i < a.length; i++) {
      double ratio = Math.abs(a[i] - b[i]) / (tol * scale);
      if (!(ratio <= 1)) { // also catches NaN
        if (worst < 0 || !(ratio <= worstRatio)) {
          worst = i;
          worstRatio = ratio;
        }
      }
    }
    if (worst < 0) {
      return null;
    }
    return "partial " + (worst - 1) + ": " + a[worst] + " vs " + b[worst] + " (tolerance " + tol
        + " relative to " + scale + ")";
  }

  /** Throws if {@link #problems} finds any: for the JMH states, so nothing wrong gets timed. */
  public static void check(String function, double primal, Map<String, double[]> results) {
    List<String> problems = problems(primal, results);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          function + ": implementations disagree, refusing to time them:\n  "
              + String.join("\n  ", problems));
    }
  }
}
