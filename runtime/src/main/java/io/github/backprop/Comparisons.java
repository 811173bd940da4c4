package io.github.backprop;

import io.github.backprop.GradientCheck.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The probes of a {@link GradientCheck} at one point: each derivative under test beside its
 * central differences, with the relative error between them. Each method returns a note on a
 * value that is not finite at x (empty if none), for the failure message.
 */
final class Comparisons {
  static final double FLOOR_FACTOR = 1e-6;

  private final double[] x;
  private final double step;
  /** NaN: the default, relative to the values compared. */
  private final double floor;

  Comparisons(double[] x, double step, double floor) {
    this.x = x;
    this.step = step;
    this.floor = floor;
  }

  /** Gradient and forward checks: one probe per direction; {@code jvp} is null for a gradient. */
  String lines(
      ToDoubleFunction<double[]> f, Function<double[], double[]> gradient, ToDoubleBiFunction<double[], double[]> jvp,
      List<String> labels, List<double[]> ds, List<Probe> probes) {
    double fx = f.applyAsDouble(x.clone());
    double least = Double.isNaN(floor) ? FLOOR_FACTOR * Math.max(1, finiteAbs(fx)) : floor;
    double[] g = jvp == null ? gradientAt(gradient, x.clone()) : null;
    for (int k = 0; k < ds.size(); k++) {
      double[] d = ds.get(k);
      double tested = g != null ? dot(g, d) : jvp.applyAsDouble(x.clone(), d.clone());
      double reference = CentralDifferences.slope(f, x, d, step);
      probes.add(new Probe(labels.get(k), d, null, tested, reference, least,
          relativeError(tested, reference, least)));
    }
    String note = Double.isFinite(fx) ? "" : "f(x) = " + fx;
    return g == null ? note : join(note, nonFinite("gradient(x)", g));
  }

  /** Symmetry: H d for each direction from gradient differences, then every pair. */
  String pairs(Function<double[], double[]> gradient, List<String> labels, List<double[]> ds, List<Probe> probes) {
    double[] g = gradientAt(gradient, x.clone());
    List<double[]> hds = new ArrayList<>();
    for (double[] d : ds) {
      hds.add(CentralDifferences.hessianTimes(gradient, x, d, step));
    }
    for (int i = 0; i < ds.size(); i++) {
      for (int j = i + 1; j < ds.size(); j++) {
        double[] u = ds.get(i);
        double[] v = ds.get(j);
        double tested = dot(u, hds.get(j));
        double reference = dot(v, hds.get(i));
        double least = floor;
        if (Double.isNaN(least)) {
          double size = Math.max(finiteAbs(absDot(u, g)), finiteAbs(absDot(v, g)));
          least = FLOOR_FACTOR * Math.max(1, size);
        }
        probes.add(new Probe("u = " + labels.get(i) + ", v = " + labels.get(j), u, v, tested,
            reference, least, relativeError(tested, reference, least)));
      }
    }
    return nonFinite("gradient(x)", g);
  }

  /**
   * Hessian-vector products: per direction d, hvp(x, d) against central differences of the
   * gradient along d, one probe for the component that differs most, relative to the larger of
   * the two vectors' largest components.
   */
  String products(
      Function<double[], double[]> gradient, BiFunction<double[], double[], double[]> hvp,
      List<String> labels, List<double[]> ds, List<Probe> probes) {
    double[] g = gradientAt(gradient, x.clone());
    double least = Double.isNaN(floor) ? FLOOR_FACTOR * Math.max(1, finiteAbs(maxAbs(g))) : floor;
    for (int k = 0; k < ds.size(); k++) {
      double[] d = ds.get(k);
      double[] tested = vectorAt(hvp.apply(x.clone(), d.clone()), "hvp");
      double[] reference = CentralDifferences.hessianTimes(gradient, x, d, step);
      double size = Math.max(Math.max(maxAbs(tested), maxAbs(reference)), least);
      int worst = 0;
      double error = -1;
      for (int i = 0; i < tested.length; i++) {
        double e = Double.isFinite(tested[i]) && Double.isFinite(reference[i])
            ? Math.abs(tested[i] - reference[i]) / size
            : Double.POSITIVE_INFINITY;
        if (e > error) {
          error = e;
          worst = i;
        }
      }
      probes.add(new Probe(labels.get(k) + ", component " + worst, d, null, tested[worst], reference[worst],
          size, error));
    }
    return nonFinite("gradient(x)", g);
  }

  /** {@code g} at {@code x} (which it may write into), of x's length. */
  static double[] gradientAt(Function<double[], double[]> g, double[] x) {
    return checkedLength(g.apply(x), x.length, "gradient");
  }

  private double[] vectorAt(double[] value, String name) {
    return checkedLength(value, x.length, name);
  }

  private static double[] checkedLength(double[] value, int n, String name) {
    if (value == null || value.length != n) {
      throw new IllegalArgumentException("the " + name + " function returned "
          + (value == null ? "null" : value.length + " values") + " for a point of " + n
          + " coordinates; flatten every differentiated input, in order (Flat)");
    }
    return value;
  }

  private static double relativeError(double a, double b, double least) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), least);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double absDot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] * b[i]);
    }
    return s;
  }

  /** The largest |vᵢ| of the finite components. */
  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, finiteAbs(e));
    }
    return m;
  }

  private static double finiteAbs(double v) {
    return Double.isFinite(v) ? Math.abs(v) : 0;
  }

  private static String nonFinite(String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        return name + "[" + i + "] = " + v[i];
      }
    }
    return "";
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
  }
}
