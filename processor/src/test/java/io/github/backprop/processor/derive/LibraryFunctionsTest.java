package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/**
 * Library functions over arrays, called on differentiated arrays: Commons Math 3's {@code
 * StatUtils}, its statistic objects and one-sample t statistic, and {@code MathArrays} of
 * Hipparchus and Commons Math 3. Written out as the library's loops, so each is checked in every
 * mode: the gradient against central differences (and its value against the library's, exactly),
 * {@code mJvp} against the gradient and differences, {@code mHvp} against differences of
 * gradients.
 */
class LibraryFunctionsTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.apache.commons.math3.stat.StatUtils;
          import org.apache.commons.math3.stat.descriptive.UnivariateStatistic;
          import org.apache.commons.math3.stat.descriptive.moment.Mean;
          import org.apache.commons.math3.stat.descriptive.moment.Variance;
          import org.apache.commons.math3.stat.inference.TestUtils;
          import org.hipparchus.util.MathArrays;

          class C {
            private static final UnivariateStatistic MEAN = new Mean();
            static final Variance POPULATION = new Variance(false);

            @Differentiable(forward = true, hessian = true)
            static double sums(double[] x) {
              return StatUtils.sum(x) + 0.5 * StatUtils.sumSq(x) + StatUtils.product(x) + StatUtils.sumLog(x);
            }

            @Differentiable(forward = true, hessian = true)
            static double moments(double[] x, double m) {
              return StatUtils.mean(x) * StatUtils.variance(x) + StatUtils.variance(x, m)
                  + StatUtils.populationVariance(x) - StatUtils.populationVariance(x, m) * m;
            }

            @Differentiable(forward = true, hessian = true)
            static double ranges(double[] x) {
              return StatUtils.sum(x, 1, 2) + StatUtils.mean(x, 1, 3) * StatUtils.variance(x, 0, 3)
                  + StatUtils.variance(x, 0.5, 1, 3) + StatUtils.populationVariance(x, 1, 3) * StatUtils.sumSq(x, 0, 2);
            }

            @Differentiable(forward = true, hessian = true)
            static double extremes(double[] x) {
              return StatUtils.max(x) * StatUtils.max(x) - 2 * StatUtils.min(x);
            }

            @Differentiable(forward = true, hessian = true)
            static double objects(double[] x) {
              return MEAN.evaluate(x) * POPULATION.evaluate(x) + new Variance().evaluate(x, 1, 3);
            }

            @Differentiable(forward = true, hessian = true)
            static double tStatistic(double mu, double[] x) {
              return TestUtils.t(mu, x);
            }

            @Differentiable(forward = true, hessian = true)
            static double distances(double[] a, double[] b) {
              return MathArrays.distance(a, b) * MathArrays.distance1(a, b) + MathArrays.distanceInf(a, b)
                  + org.apache.commons.math3.util.MathArrays.distance(b, a);
            }

            @Differentiable(forward = true, hessian = true)
            static double elementwise(double[] a, double[] b, double s) {
              double[] p = MathArrays.ebeMultiply(a, b);
              double[] q = MathArrays.ebeDivide(MathArrays.ebeAdd(a, b), MathArrays.ebeSubtract(a, MathArrays.scale(s, b)));
              double t = 0;
              for (int i = 0; i < p.length; i++) {
                t += p[i] * q[i];
              }
              return t;
            }

            @Differentiable(forward = true, hessian = true)
            static double combinations(double a1, double b1, double a2, double b2, double a3, double b3) {
              return MathArrays.linearCombination(a1, b1, a2, b2)
                  * org.apache.commons.math3.util.MathArrays.linearCombination(a1, b1, a2, b2, a3, b3)
                  + MathArrays.linearCombination(a1, a2, a3, b1, b2, b3, a1 * a1, b3);
            }

            @Differentiable(forward = true, hessian = true)
            static double dot(double[] a, double[] b) {
              double d = MathArrays.linearCombination(a, b);
              return d * org.apache.commons.math3.util.MathArrays.linearCombination(b, a) + d;
            }

            @Differentiable(forward = true)
            static double literal(double a, double b) {
              return StatUtils.mean(new double[] {a, b, a * b}) + StatUtils.variance(new double[] {a, b, a * b});
            }

            @Differentiable(forward = true)
            static double rows(double[][] m) {
              double s = 0;
              for (int i = 0; i < m.length; i++) {
                s += StatUtils.variance(m[i]) * (i + 1);
              }
              return s;
            }

            @Differentiable
            static double inCondition(double[] x) {
              double s = 0;
              int k = 0;
              while (StatUtils.sumSq(x) > 0.5 && k < 10) {
                for (int i = 0; i < x.length; i++) {
                  x[i] *= 0.7;
                }
                s += StatUtils.mean(x);
                k++;
              }
              return s + (x.length > 2 ? StatUtils.max(x) : 0);
            }
          }
          """);

  private static final double[][] SAMPLES = {
    {1.5, 0.25, 3.25, 0.5}, {0.7, 2.1, 1.3, 4.2, 0.9}, {2.0, 1.1, 0.4, 3.0, 0.6, 1.7}
  };

  @Test
  void compilesClean() {
    assertTrue(C.succeeded(), C.diagnostics());
    String grad = C.source("p.CGrad");
    assertFalse(grad.contains("import org.apache.commons.math3.stat.StatUtils;"), grad); // written out
    assertTrue(grad.contains("MathArrays.linearCombination(a1, b1, a2, b2)"), grad); // the library's value
  }

  @Test
  void statisticsInEveryMode() {
    Random r = new Random(11);
    for (double[] x : SAMPLES) {
      for (String name : List.of("sums", "ranges", "extremes", "objects")) {
        everyMode(name, r, (Object) x.clone());
      }
      everyMode("moments", r, x.clone(), 0.8);
      everyMode("tStatistic", r, 0.6, x.clone());
    }
  }

  @Test
  void valuesAreTheLibrarys() {
    double[] x = SAMPLES[1];
    double expected = StatUtils.mean(x) * StatUtils.variance(x) + StatUtils.variance(x, 0.8)
        + StatUtils.populationVariance(x) - StatUtils.populationVariance(x, 0.8) * 0.8;
    assertEquals(expected, (double) Compiled.components(C.call("p.CGrad", "moments", x.clone(), 0.8)).get("value"), 0.0);
  }

  @Test
  void exactGradients() {
    double[] x = SAMPLES[1];
    int n = x.length;
    double mean = StatUtils.mean(x);
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "tStatistic", 0.6, x.clone()));
    double v = StatUtils.variance(x);
    double se = Math.sqrt(v / n);
    double t = (mean - 0.6) / se;
    assertEquals(-1 / se, (double) g.get("mu"), 1e-12);
    double[] gx = (double[]) g.get("x");
    for (int i = 0; i < n; i++) {
      // dt/dx_i = 1/(n se) - t/(2v) * 2 (x_i - mean)/(n - 1)
      double exact = 1 / (n * se) - t / (2 * v) * 2 * (x[i] - mean) / (n - 1);
      assertEquals(exact, gx[i], 1e-12);
    }
    double[] ge = (double[]) Compiled.components(C.call("p.CGrad", "extremes", (Object) x.clone())).get("x");
    // max is x[3] = 4.2, min x[0] = 0.7: 2 max at the first, -2 at the second, 0 elsewhere
    assertEquals(List.of(-2.0, 0.0, 0.0, 8.4, 0.0), toList(ge));
  }

  @Test
  void mathArraysInEveryMode() {
    Random r = new Random(12);
    double[][] as = {{1, 2.5, -3}, {0.3, -1.2, 2.2, 0.9}};
    double[][] bs = {{0.5, 4, 1}, {1.1, 0.4, -0.7, 2.5}};
    for (int k = 0; k < as.length; k++) {
      everyMode("distances", r, as[k].clone(), bs[k].clone());
      everyMode("elementwise", r, as[k].clone(), bs[k].clone(), 0.35);
    }
    everyMode("combinations", r, 1.5, 2.0, -0.5, 3.0, 0.7, -1.1);
    for (double[][] ab : new double[][][] {
        {{1, 2.5, -3}, {0.5, 4, 1}}, {{0.3}, {-1.7}}, {{1, 1}, {1, -1}}}) {
      everyMode("dot", r, ab[0].clone(), ab[1].clone());
    }
    // Cancellation the accurate sum survives (a naive one gives 0): d = 1 exactly, and the
    // gradient of d * d + d is 3 b and 3 a, where differences lose the digits.
    double[] a = {1e8, 1, -1e8};
    double[] b = {1e8, 1, 1e8};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "dot", a.clone(), b.clone()));
    assertEquals(2.0, (double) g.get("value"), 0.0);
    assertEquals(List.of(3e8, 3.0, 3e8), toList((double[]) g.get("a")));
    assertEquals(List.of(3e8, 3.0, -3e8), toList((double[]) g.get("b")));
    everyMode("combinations", r, -0.3, 0.9, 1.4, 0.2, 2.5, 1.6);
  }

  @Test
  void arraysMadeInPlaceRowsAndConditions() {
    Random r = new Random(13);
    for (double a : new double[] {-0.7, 0.4, 1.9}) {
      GradCheck.check(C, "literal", a, 0.6);
      JvpCheck.check(C, "p.C", "p.CGrad", "literal", new Object[] {a, 0.6}, r, 2);
    }
    double[][] m = {{1.5, 0.25, 3.25}, {0.7, 2.1}, {2.0, 1.1, 0.4, 0.3}};
    GradCheck.check(C, "rows", (Object) m);
    JvpCheck.check(C, "p.C", "p.CGrad", "rows", new Object[] {m}, r, 2);
    GradCheck.check(C, "inCondition", (Object) new double[] {0.9, -0.4, 1.1});
    GradCheck.check(C, "inCondition", (Object) new double[] {0.2, 0.3});
  }

  @Test
  void libraryExceptions() {
    // MathArrays' length check and TTest's sample size, thrown where the library throws them
    assertEquals(
        "org.hipparchus.exception.MathIllegalArgumentException",
        thrown(() -> C.call("p.CGrad", "distances", new double[] {1, 2}, new double[] {1, 2, 3})));
    assertEquals(
        "org.apache.commons.math3.exception.NumberIsTooSmallException",
        thrown(() -> C.call("p.CGrad", "tStatistic", 0.5, new double[] {1})));
    // An empty sample: the library's NaN for a mean, its 0 for a sum and 1 for a product.
    assertTrue(Double.isNaN((double) Compiled.components(C.call("p.CGrad", "moments", new double[] {}, 0.5)).get("value")));
    assertEquals(1.0, (double) Compiled.components(C.call("p.CGrad", "sums", (Object) new double[] {})).get("value"), 0.0);
  }

  private static String thrown(Runnable r) {
    try {
      r.run();
    } catch (AssertionError | RuntimeException e) {
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      return t.getClass().getName();
    }
    return "nothing";
  }

  private static List<Double> toList(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double v : a) {
      out.add(v);
    }
    return out;
  }

  /** The gradient, the forward mode and the Hessian-vector product of {@code name} at {@code point}. */
  private static void everyMode(String name, Random r, Object... point) {
    GradCheck.check(C, name, GradCheck.copy(point));
    JvpCheck.check(C, "p.C", "p.CGrad", name, GradCheck.copy(point), r, 2);
    hvp(name, r, point);
  }

  /** {@code nameHvp} along a random direction against central differences of the gradient. */
  private static void hvp(String name, Random r, Object[] point) {
    Object[] direction = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      if (point[i] instanceof double[] a) {
        double[] d = new double[a.length];
        for (int j = 0; j < d.length; j++) {
          d[j] = r.nextGaussian();
        }
        direction[i] = d;
      } else {
        direction[i] = r.nextGaussian();
      }
    }
    Object[] args = new Object[2 * point.length];
    System.arraycopy(GradCheck.copy(point), 0, args, 0, point.length);
    System.arraycopy(GradCheck.copy(direction), 0, args, point.length, point.length);
    double[] hv = (double[]) Compiled.components(C.call("p.CGrad", name + "Hvp", args)).get("hvp");
    double eps = 1e-5;
    double[] plus = gradient(name, shifted(point, direction, eps));
    double[] minus = gradient(name, shifted(point, direction, -eps));
    assertEquals(plus.length, hv.length);
    for (int k = 0; k < hv.length; k++) {
      double fd = (plus[k] - minus[k]) / (2 * eps);
      assertEquals(fd, hv[k], 1e-5 * Math.max(1, Math.abs(fd)), name + " hvp component " + k);
    }
  }

  private static Object[] shifted(Object[] point, Object[] direction, double eps) {
    Object[] out = GradCheck.copy(point);
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        for (int j = 0; j < a.length; j++) {
          a[j] += eps * ((double[]) direction[i])[j];
        }
      } else {
        out[i] = (double) out[i] + eps * (double) direction[i];
      }
    }
    return out;
  }

  /** The gradient of {@code name}, flattened in parameter order. */
  private static double[] gradient(String name, Object[] point) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", name, point));
    List<Double> out = new ArrayList<>();
    g.forEach((k, v) -> {
      if (k.equals("value")) {
        return;
      }
      if (v instanceof double[] a) {
        out.addAll(toList(a));
      } else {
        out.add((double) v);
      }
    });
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
