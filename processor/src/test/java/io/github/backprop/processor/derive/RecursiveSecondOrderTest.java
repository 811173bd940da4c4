package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Second order of methods that call themselves, and of methods that call helpers that call
 * themselves (was a compile error, "hessian = true does not support a call ... of a
 * @Differentiable method that calls itself" / "a helper that calls itself": 16 methods of the
 * corpus, 13 of which now differentiate to second order, Gamma.digamma and Erf.erf(x1, x2) among
 * them; regularizedGammaP and Q then exceed the JVM's method size). A recursive callee's tangent is a call
 * of its own tangent method ({@code _mTangent}, {@code __powerTangent}), whose gradient gives
 * the callee's second derivatives. Each Hessian is checked against central differences of the
 * reverse gradient at several points, for symmetry, and against mHvp.
 */
class RecursiveSecondOrderTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(hessian = true)
          static double selfCalling(double x, double y, int n) {
            if (n == 0) {
              return Math.sin(y) * x;
            }
            return x * selfCalling(x, y * x, n - 1) + y;
          }

          // the digamma shape: recursion until the asymptotic series holds
          @Differentiable(hessian = true)
          static double digammaLike(double x) {
            if (x >= 6) {
              double inv = 1 / (x * x);
              return Math.log(x) - 0.5 / x - inv * (1.0 / 12 - inv / 120);
            }
            return digammaLike(x + 1) - 1 / x;
          }

          static double power(double x, int n) {
            return n == 0 ? 1 : x * power(x, n - 1);
          }

          @Differentiable(hessian = true)
          static double throughAHelper(double x, double y) {
            return power(x, 3) * Math.exp(y) + power(y, 2) * x;
          }

          static double even(double x, int n) {
            return n == 0 ? Math.cos(x) : x * odd(x, n - 1);
          }

          static double odd(double x, int n) {
            return n == 0 ? Math.sin(x) : x + even(x * x, n - 1);
          }

          @Differentiable(hessian = true)
          static double mutual(double x) {
            return even(x, 4);
          }

          static double cubes(double[] a, double s, int i) {
            return i == a.length ? s : cubes(a, s + a[i] * a[i] * a[i] * s, i + 1);
          }

          @Differentiable(hessian = true)
          static double arrayHelper(double[] a, double s) {
            return cubes(a, s, 0);
          }

          // Colt's studentTInverse shape: lg is met first, for its value of an int; only ib's
          // tangent, built after lg's gradient, wants lg's tangent
          static double lg(double x) {
            return x > 3 ? Math.log(x) * x : lg(x + 1) - Math.log(x);
          }

          static double ib(double a, double b, int n) {
            return n == 0 ? lg(a) * b : ib(b, a, n - 1) + a * b;
          }

          static double st(double k, double t) {
            return ib(0.5 * k, t * t, 3);
          }

          @Differentiable(forward = true, hessian = true)
          static double helperWantedLate(double x, int size) {
            double y = lg(size) * x;
            for (int i = 0; i < 2; i++) {
              y += st(size, x + y * 0.1);
            }
            return y;
          }

          @Differentiable(hessian = true, wrt = "x")
          static double selfWrt(double x, double c, int n) {
            return n == 0 ? Math.exp(c * x) : c * x * selfWrt(x, c + 0.5, n - 1);
          }
          """);

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  @Test
  void aMethodThatCallsItself() {
    for (double[] p : new double[][] {{0.7, 1.3}, {-1.1, 0.4}, {1.9, -0.8}}) {
      check("selfCalling", p, 3);
    }
  }

  @Test
  void digammaShape() {
    for (double x : new double[] {0.3, 2.5, 7.1}) {
      check("digammaLike", new double[] {x});
    }
  }

  @Test
  void aHelperThatCallsItself() {
    for (double[] p : new double[][] {{0.7, 1.3}, {-1.1, 0.4}, {1.9, -0.8}}) {
      check("throughAHelper", p);
    }
  }

  @Test
  void helpersThatCallEachOther() {
    for (double x : new double[] {0.3, -0.9, 1.2}) {
      check("mutual", new double[] {x});
    }
  }

  @Test
  void aRecursiveHelperOverAnArray() {
    double[][] as = {{0.5, -1.2, 0.8}, {1.1, 0.3, -0.4}};
    double[] ss = {0.9, -0.6};
    for (int k = 0; k < as.length; k++) {
      double[] a = as[k];
      double s = ss[k];
      double[][] h = hessian("arrayHelper", new Object[] {a.clone(), s});
      Function<double[], double[]> gradient = z -> {
        Map<String, Object> g = Compiled.components(C.call("p.CGrad", "arrayHelper", new double[] {z[0], z[1], z[2]}, z[3]));
        double[] ga = (double[]) g.get("a");
        return new double[] {ga[0], ga[1], ga[2], (double) g.get("s")};
      };
      against(h, gradient, new double[] {a[0], a[1], a[2], s});
    }
  }

  /**
   * A recursive helper built before a later helper's second order wants its tangent method (was:
   * the tangent missing, and the method's gradient, mJvp, mHvp and mHessian all left out of the
   * Grad class with no error; Colt's studentTInverse in the corpus).
   */
  @Test
  void aHelperWhoseTangentALaterHelperWants() {
    for (double x : new double[] {0.3, -0.8, 1.4}) {
      check("helperWantedLate", new double[] {x}, 2);
      double jvp = (double) Compiled.components(C.call("p.CGrad", "helperWantedLateJvp", x, 2, 1.0)).get("tangent");
      assertEquals((double) Compiled.components(C.call("p.CGrad", "helperWantedLate", x, 2)).get("x"), jvp, 1e-12);
    }
  }

  @Test
  void aMethodThatCallsItselfWithWrt() {
    for (double c : new double[] {0.4, -0.7}) {
      for (double x : new double[] {0.6, -1.3}) {
        Map<String, Object> r = Compiled.components(C.call("p.CGrad", "selfWrtHessian", x, c, 3));
        double[][] h = (double[][]) r.get("hessian");
        assertEquals(1, h.length);
        against(h, z -> new double[] {(double) Compiled.components(C.call("p.CGrad", "selfWrt", z[0], c, 3)).get("x")},
            new double[] {x});
      }
    }
  }

  /** mHessian of a method of double parameters (and ints after them) against the reverse gradient. */
  private static void check(String name, double[] p, Object... ints) {
    Object[] args = new Object[p.length + ints.length];
    for (int i = 0; i < p.length; i++) {
      args[i] = p[i];
    }
    System.arraycopy(ints, 0, args, p.length, ints.length);
    double[][] h = hessian(name, args);
    against(h, z -> {
      Object[] a = args.clone();
      for (int i = 0; i < z.length; i++) {
        a[i] = z[i];
      }
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", name, a));
      double[] out = new double[z.length];
      String[] names = g.keySet().stream().filter(k -> !k.equals("value")).toArray(String[]::new);
      for (int i = 0; i < z.length; i++) {
        out[i] = (double) g.get(names[i]);
      }
      return out;
    }, p);
    // mHvp along each unit direction is that column
    for (int j = 0; j < p.length; j++) {
      Object[] a = new Object[args.length + p.length];
      System.arraycopy(args, 0, a, 0, args.length);
      for (int i = 0; i < p.length; i++) {
        a[args.length + i] = i == j ? 1.0 : 0.0;
      }
      double[] hv = (double[]) Compiled.components(C.call("p.CGrad", name + "Hvp", a)).get("hvp");
      for (int i = 0; i < p.length; i++) {
        assertEquals(h[i][j], hv[i], 1e-12 * Math.max(1, Math.abs(h[i][j])), name + " hvp " + i + "," + j);
      }
    }
  }

  private static double[][] hessian(String name, Object[] args) {
    return (double[][]) Compiled.components(C.call("p.CGrad", name + "Hessian", args)).get("hessian");
  }

  /** Symmetric, and each column the Richardson-extrapolated central difference of the gradient. */
  private static void against(double[][] h, Function<double[], double[]> gradient, double[] x) {
    int n = x.length;
    for (int j = 0; j < n; j++) {
      double step = 1e-3 * Math.max(1, Math.abs(x[j]));
      double[] d1 = central(gradient, x, j, step);
      double[] d2 = central(gradient, x, j, step / 2);
      for (int i = 0; i < n; i++) {
        double fd = (4 * d2[i] - d1[i]) / 3;
        assertEquals(fd, h[i][j], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + j + "] at " + java.util.Arrays.toString(x));
        assertEquals(h[j][i], h[i][j], 1e-9 * Math.max(1, Math.abs(h[i][j])), "symmetry " + i + "," + j);
      }
    }
  }

  private static double[] central(Function<double[], double[]> gradient, double[] x, int j, double h) {
    double[] plus = x.clone();
    double[] minus = x.clone();
    plus[j] += h;
    minus[j] -= h;
    double[] gp = gradient.apply(plus);
    double[] gm = gradient.apply(minus);
    double[] out = new double[gp.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (gp[i] - gm[i]) / (2 * h);
    }
    return out;
  }
}
