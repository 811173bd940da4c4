package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Helpers without {@code @Differentiable}, in the compilation, are differentiated through their
 * bodies: same class and other classes, private ones, overloads, chains, early returns, returns
 * inside loops, helpers that write into an array argument, and calls where a statement cannot
 * simply go first (loop conditions, {@code ?:}, {@code &&}).
 */
class HelpersTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                static double predict(double[] w, double b, double x) {
                  return w[0] * x + w[1] * x * x + b;
                }

                private static double square(double v) {
                  return v * v;
                }

                static double square(double v, int times) {
                  double s = v;
                  for (int k = 1; k < times; k++) {
                    s = square(s);
                  }
                  return s;
                }

                static double clip(double v, double lo, double hi) {
                  if (v < lo) {
                    return lo;
                  }
                  if (v > hi) {
                    return hi;
                  }
                  return v;
                }

                static double firstAbove(double[] a, double t) {
                  for (int i = 0; i < a.length; i++) {
                    if (a[i] > t) {
                      return a[i] * a[i];
                    }
                  }
                  return t;
                }

                static void scale(double[] z, double f) {
                  for (int i = 0; i < z.length; i++) {
                    z[i] *= f;
                  }
                }

                static void softmaxInPlace(double[] z) {
                  double max = z[0];
                  for (double v : z) {
                    max = Math.max(max, v);
                  }
                  double sum = 0;
                  for (int i = 0; i < z.length; i++) {
                    z[i] = Math.exp(z[i] - max);
                    sum += z[i];
                  }
                  scale(z, 1 / sum);
                }

                @Differentiable static double loss(double[] w, double b, double[] xs, double[] ys) {
                  double s = 0;
                  for (int i = 0; i < xs.length; i++) {
                    double r = predict(w, b, xs[i]) - ys[i];
                    s += square(r);
                  }
                  return s / xs.length;
                }

                @Differentiable static double chain(double x, double y) {
                  return Other.hyp(clip(x, -1, 2), y) + square(x, 3) + firstAbove(new double[] {x, y}, 0.5);
                }

                @Differentiable static double inPlace(double[] z) {
                  double[] p = new double[z.length];
                  for (int i = 0; i < z.length; i++) {
                    p[i] = z[i] * z[i];
                  }
                  softmaxInPlace(p);
                  return p[0] * 2 + p[1];
                }

                @Differentiable static double writesArgument(double[] z, double f) {
                  scale(z, f);
                  return z[0] * z[1];
                }

                static double norm(double[] v) {
                  double s = 0;
                  for (double x : v) s += x * x;
                  return Math.sqrt(s);
                }

                @Differentiable static double copied(double[] v) {
                  double[] copy = new double[v.length + 1];
                  System.arraycopy(v, 0, copy, 1, v.length);
                  scale(copy, 1.0 / norm(copy));
                  System.arraycopy(copy, 0, copy, 1, 2);
                  System.arraycopy(copy, 2, copy, 1, 2);
                  double s = 0;
                  for (double c : copy) s += c * (1 + c);
                  return s;
                }

                @Differentiable static double cloned(double[] logits) {
                  double[] p = logits.clone();
                  softmaxInPlace(p);
                  double[] q = p.clone();
                  q[0] = 2 * q[0];
                  return q[0] + p[1] * logits[2];
                }

                @Differentiable static double scaleFirst(double[] v, double k) {
                  for (int i = 0; i < v.length; i++) {
                    v[i] *= k;
                  }
                  return v[0];
                }

                @Differentiable static double zero(double[] v) {
                  v[0] = 0;
                  return 1;
                }

                @Differentiable static double middle(double[] u) {
                  return zero(u) * u[1];
                }

                @Differentiable static double annotatedWriters(double[] w, double k) {
                  double a = scaleFirst(w, k);
                  return a * w[1] + middle(w) * w[0] + w[2];
                }

                static double power(double x, int n) {
                  return n == 0 ? 1 : x * power(x, n - 1);
                }

                static double f1(double x, int n) {
                  return n == 0 ? x : Math.sin(f2(x, n - 1));
                }

                private static double f2(double x, int n) {
                  if (n == 0) {
                    return x;
                  }
                  return x * f1(x + 0.5, n - 1);
                }

                @Differentiable static double recursive(double x, double[] w) {
                  double s = 0;
                  for (int i = 0; i < w.length; i++) {
                    s += power(w[i] * x, i + 2) + f1(w[i], 3);
                  }
                  return s + f2(x, 5);
                }

                static int fact(int n) {
                  return n <= 1 ? 1 : n * fact(n - 1);
                }

                @Differentiable static double recursiveButInactive(double x, int n) {
                  return x / fact(n);
                }

                @Differentiable static double inConditions(double x, double y) {
                  double s = 0;
                  int n = 0;
                  while (square(s) < 4 * square(x) && n < 20) {
                    s += Math.abs(x) + 0.1;
                    n++;
                  }
                  double t = y > 0 ? square(y) : clip(y, -0.5, 0.5);
                  if (x > 0 && square(x) > 1 || Other.positive(y * x)) {
                    t += x;
                  }
                  return s * t;
                }
              }
              """,
              "p.Other",
              """
              package p;

              final class Other {
                static double hyp(double a, double b) {
                  return Math.sqrt(a * a + b * b);
                }

                static boolean positive(double v) {
                  return v > 0;
                }
              }
              """));

  @Test
  void helpersAreDifferentiatedThroughTheirBodies() {
    assertTrue(C.succeeded(), C.diagnostics());
    double[] xs = {0.5, -1.0, 2.0};
    double[] ys = {1.0, 0.2, -0.3};
    for (double b : new double[] {-0.5, 0.0, 1.5}) {
      GradCheck.check(C, "loss", new double[] {0.3, -0.7}, b, xs, ys);
    }
    for (double x : new double[] {-1.3, 0.4, 1.1, 2.5}) {
      for (double y : new double[] {-0.8, 0.3, 1.7}) {
        GradCheck.check(C, "chain", x, y);
        GradCheck.check(C, "inConditions", x, y);
      }
    }
  }

  @Test
  void aHelperThatWritesIntoAnArrayIsFollowed() {
    for (double[] z : new double[][] {{0.1, 0.5, -0.3}, {1.2, -0.4, 0.0}}) {
      GradCheck.check(C, "inPlace", (Object) z);
      GradCheck.check(C, "writesArgument", z, 1.5);
      GradCheck.check(C, "annotatedWriters", z, 1.5);
    }
    double[] z = {2, 3};
    Object g = C.call("p.CGrad", "writesArgument", z, 0.5);
    // The array ends as the primal leaves it; the gradient is with respect to the values passed in.
    assertArrayEquals(new double[] {1, 1.5}, z);
    Map<String, Object> c = Compiled.components(g);
    assertEquals(1.5, (double) c.get("value"));
    assertArrayEquals(new double[] {0.25 * 3, 0.25 * 2}, (double[]) c.get("z"));
    assertEquals(2 * 0.5 * 2 * 3, (double) c.get("f"));
  }

  /**
   * A helper returning an array it made: the caller's name for the result is a second name for
   * that array, so what the caller stores into it and reads from it shares one adjoint. (A local
   * of its own holding the array split the adjoint in two, and the gradient through the helper
   * came out zero.)
   */
  @Test
  void aHelperReturningAnArrayIsTheArrayItReturns() {
    Compiled c =
        Compiled.members(
            """
            static double[] squares(double[] v) {
              double[] out = new double[v.length];
              for (int i = 0; i < v.length; i++) {
                out[i] = v[i] * v[i];
              }
              return out;
            }

            static double[] same(double[] v) {
              return v;
            }

            @Differentiable
            static double f(double[] v, double s) {
              double[] q = squares(v);
              q[0] *= s;
              double[] r = same(q);
              r[1] += s * r[0];
              return q[0] + q[1] * r[1];
            }
            """);
    for (double[] v : new double[][] {{0.5, -1.2}, {2.0, 0.3}, {-0.7, 1.1}}) {
      GradCheck.check(c, "f", v, 1.3);
    }
  }

  /** A helper returning one of several arrays cannot be a second name for one: an error. */
  @Test
  void aHelperReturningOneOfSeveralArraysIsAnError() {
    Compiled c =
        Compiled.members(
            """
            static double[] pick(double[] a, double[] b, boolean first) {
              if (first) {
                return a;
              }
              return b;
            }

            @Differentiable
            static double f(double[] a, double[] b) {
              double[] p = pick(a, b, a[0] > 0);
              return p[0] * p[1];
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("'pick' returns an array other than by one return at its end"), c.diagnostics());
  }

  @Test
  void arraycopyIsTheLoopItPerforms() {
    for (double[] v : new double[][] {{1, 2, 3}, {0.5, -1.5, 2.0, 0.1}}) {
      GradCheck.check(C, "copied", (Object) v);
      GradCheck.check(C, "cloned", (Object) v);
    }
  }

  @Test
  void recursiveHelpersGetGradientMethodsOfTheirOwn() {
    for (double x : new double[] {-1.3, 0.4, 1.1}) {
      GradCheck.check(C, "recursive", x, new double[] {0.5, -0.8, 1.2});
    }
    // x^5 by recursion: 5x^4 exactly.
    assertEquals(5 * Math.pow(1.5, 4), (double) Compiled.components(C.call("p.CGrad", "recursive", 1.5, new double[] {0, 0, 0, 1})).get("x")
        - (double) Compiled.components(C.call("p.CGrad", "recursive", 1.5, new double[] {0, 0, 0, 0})).get("x"), 1e-9);
    String grad = C.source("p.CGrad");
    assertTrue(grad.contains("private static _Power _power("), grad);
  }

  @Test
  void aRecursiveHelperWithNoDerivativeStaysACall() {
    for (double x : new double[] {-1.3, 0.4}) {
      GradCheck.check(C, "recursiveButInactive", x, 4);
    }
    assertEquals(1.0 / 24, (double) Compiled.components(C.call("p.CGrad", "recursiveButInactive", 1.0, 4)).get("x"), 1e-15);
  }

  @Test
  void theGeneratedClassCallsNoHelper() {
    String code = C.source("p.CGrad").replaceAll("(?m)^\\s*//.*$", "");
    for (String call : new String[] {"predict(", "square(", "clip(", "hyp(", "positive(", "scale("}) {
      assertFalse(code.contains(call), call + " in\n" + code);
    }
  }

  /**
   * Regression (private check helper with a String parameter): a private void check taking the
   * name of the argument for its message was an error asking to make it package-private.
   */
  @Test
  void privateCheckWithAStringMessageRunsInPlace() {
    Compiled c =
        Compiled.members(
            """
            enum Tail { LEFT, RIGHT }

            private static void checkPositive(double value, String name) {
              if (!(value > 0)) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
              }
            }

            private static double side(double x, Tail tail) {
              return tail == Tail.LEFT ? -x : x;
            }

            @Differentiable static double weibull(double x, double shape, Tail tail) {
              checkPositive(shape, "shape");
              return shape * Math.pow(side(x, tail), shape - 1) * Math.exp(-Math.pow(side(x, tail), shape));
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Class<?> tail = c.loadClass("p.C$Tail");
    for (Object t : tail.getEnumConstants()) {
      double sign = t.toString().equals("LEFT") ? -1 : 1;
      for (double x : new double[] {0.4, 1.3, 2.2}) {
        GradCheck.check(c, "weibull", sign * x, 1.7, t);
      }
    }
    Throwable thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            Throwable.class, () -> c.call("p.CGrad", "weibull", 1.0, -2.0, tail.getEnumConstants()[1]));
    while (thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertEquals("shape must be positive, got -2.0", thrown.getMessage());
  }

  /**
   * Regression (fuzz 2026124108:17): a helper that gives its parameter a new value before reading
   * it passed the argument a zero adjoint, which the caller multiplied by the partial of {@code
   * Math.pow(z, 1.5)} at a negative z, NaN: 0 times NaN. The value passed is never read, so no
   * adjoint flows to it now; finite differences give 0.
   */
  @Test
  void aParameterOverwrittenBeforeItIsReadPassesNoAdjoint() {
    Compiled c =
        Compiled.members(
            """
            private static double reset(double z, int k) {
              z = 0.5;
              return z * k;
            }

            @Differentiable(forward = true)
            static double f(double b, double z) {
              z = z - 2.5;
              return b * reset(Math.pow(z, 1.5), 2);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double z : new double[] {1.45, 0.3, 4.0}) {
      Map<String, Object> g = Compiled.components(c.call("p.CGrad", "f", 1.5, z));
      assertEquals(0.0, (double) g.get("z"), "z = " + z);
      assertEquals(1.0, (double) g.get("b"));
      GradCheck.check(c, "f", 1.5, z);
    }
  }

  /**
   * Fuzz 2026127479:0: in a differentiated callee, a read inside a loop or a branch, before the
   * new value, counts as a read.
   */
  @Test
  void aParameterReadInALoopBeforeItIsOverwrittenPassesItsAdjoint() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true)
            static double last(double x, int n) {
              double t = 1.0;
              for (int i = 0; i < n; i++) {
                t = x;
              }
              x = t;
              return x;
            }

            @Differentiable(forward = true)
            static double picked(double x, boolean big) {
              double t = 0.5;
              if (big) {
                t = x * x;
              }
              x = t;
              return x;
            }

            @Differentiable(forward = true)
            static double f(double c) {
              return last(c, 3) + picked(c, true) + picked(c, false);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {0.7, -1.3, 2.0}) {
      Map<String, Object> g = GradCheck.check(c, "f", x);
      assertEquals(1 + 2 * x, (double) g.get("c"), 1e-15);
    }
  }
}
