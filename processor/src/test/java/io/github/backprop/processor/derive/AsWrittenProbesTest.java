package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain functions written the way Java programmers write them, each as written: labelled break
 * and continue, do-while, switch statements and expressions (int, char, String; fall-through,
 * yield), chains of ternaries, compound assignments on array elements, var, enhanced for over a
 * matrix, char and long counters, Math.floorMod, integer division, casts of differentiated values
 * to int and long, Double.compare, Math.signum, messages built for exceptions, assert, nested
 * loops with an early return, swaps, sorts, clones and copies. Every one against finite
 * differences at its points, in reverse mode, forward mode and to second order.
 */
class AsWrittenProbesTest {
  static final String MEMBERS =
      """
      @Differentiable static double labelledBreak(double x, int n) {
        double s = 0;
        outer:
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (i * j > 6) break outer;
            s += Math.sin(x * i + j);
          }
        }
        return s;
      }

      @Differentiable static double labelledContinue(double x, int n) {
        double s = 0;
        rows:
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (j > i) continue rows;
            s += x * (i + 1) / (j + 1);
          }
        }
        return s * x;
      }

      @Differentiable static double newtonSqrt(double a) {
        double x = a;
        int it = 0;
        do {
          x = 0.5 * (x + a / x);
          it++;
        } while (it < 30 && Math.abs(x * x - a) > 1e-13 * a);
        return x;
      }

      @Differentiable static double switchExprInt(double x, int k) {
        double f = switch (k % 3) {
          case 0 -> x * x;
          case 1 -> {
            double t = Math.exp(x);
            yield t - 1;
          }
          default -> -x * Math.sin(x);
        };
        return f * 2;
      }

      @Differentiable static double switchString(double x, String kind) {
        switch (kind) {
          case "sq": return x * x;
          case "cube": return x * x * x;
          default: throw new IllegalArgumentException("unknown kind " + kind);
        }
      }

      @Differentiable static double switchStringExpr(double x, String name) {
        return switch (name) {
          case "relu" -> Math.max(0, x);
          case "tanh" -> Math.tanh(x);
          case "sigmoid" -> {
            double e = Math.exp(-x);
            yield 1 / (1 + e);
          }
          default -> throw new IllegalArgumentException("no activation " + name);
        };
      }

      @SuppressWarnings("fallthrough")
      @Differentiable static double fallthrough(double x, int n) {
        double y = 0;
        switch (n) {
          case 3: y += x * x * x;
          case 2: y += x * x;
          case 1: y += x; break;
          default: y = 1;
        }
        return y;
      }

      @Differentiable static double switchChar(double x, double y, char op) {
        switch (op) {
          case '+': return x + y;
          case '*': return x * y;
          case '/': return x / y;
          default: return x - y;
        }
      }

      @Differentiable static double ternaryChain(double x) {
        return x < -1 ? -x - 0.5 : x < 1 ? 0.5 * x * x : x > 3 ? Math.log(x) + 1.4 : x - 0.5;
      }

      @Differentiable static double compoundArray(double[] a, double x) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          b[i] += a[i] * x;
          b[i] *= a[i];
          b[i] -= x / (i + 1);
          b[i] /= 2;
        }
        double s = 0;
        for (double v : b) s += v * v;
        return s;
      }

      @Differentiable static double compoundParamArray(double[] a, double x) {
        for (int i = 0; i < a.length; i++) {
          a[i] *= x;
          a[i] += 1;
        }
        return a[0] * a[a.length - 1];
      }

      @Differentiable static double varLocals(double x, double y) {
        var a = x * y;
        var n = 3;
        var arr = new double[] {x, y, a};
        var s = 0.0;
        for (var v : arr) s += v * n;
        return s * a;
      }

      @Differentiable static double frobenius(double[][] m) {
        double s = 0;
        for (double[] row : m) for (double v : row) s += v * v;
        return Math.sqrt(s);
      }

      @Differentiable static double charDigits(double x, String digits) {
        double y = 0;
        for (int i = 0; i < digits.length(); i++) {
          char c = digits.charAt(i);
          int d = c - '0';
          y = y * x + d;
        }
        return y;
      }

      @Differentiable static double charLoop(double x) {
        double y = 0;
        for (char c = 'a'; c <= 'e'; c++) {
          y += (c - 'a' + 1) * Math.pow(x, c - 'a');
        }
        return y;
      }

      @Differentiable static double longCounter(double x, long n) {
        double s = 0;
        for (long i = 1; i <= n; i++) s += x / i;
        return s;
      }

      @Differentiable static double floorMod(double[] a, int shift) {
        int n = a.length;
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i] * a[Math.floorMod(i + shift, n)];
        return s;
      }

      @Differentiable static double intDivision(double x, int n) {
        int half = n / 2;
        int rem = n % 2;
        return x * half + rem * x * x + (double) n / 3 * x + n / 3 * x;
      }

      @Differentiable static double castTruncate(double x) {
        int k = (int) x;
        long m = (long) (x * 10);
        double frac = x - k;
        return frac * frac + k + m * 0.01 + (int) Math.floor(x) * x;
      }

      @Differentiable static double roundAndFloor(double x) {
        long r = Math.round(x * 3);
        double f = Math.floor(x);
        double c = Math.ceil(x);
        return r * x + f * x * x + c + Math.rint(x) * x;
      }

      @Differentiable static double doubleCompare(double x, double y) {
        return Double.compare(x, y) >= 0 ? x * y : y - x * x;
      }

      @Differentiable static double signum(double x) {
        return Math.signum(x) * x * x + Math.copySign(x, -1.0) * 2 + Math.abs(x);
      }

      @Differentiable static double messageThrow(double x, double lo) {
        if (x < lo) throw new IllegalArgumentException("x = " + x + " below " + lo);
        return Math.sqrt(x - lo);
      }

      @Differentiable static double builderThrow(double x) {
        if (x < 0) {
          StringBuilder sb = new StringBuilder("negative: ");
          sb.append(x).append('!');
          throw new IllegalArgumentException(sb.toString());
        }
        return Math.sqrt(x);
      }

      @Differentiable static double formatThrow(double x) {
        if (!(x > 0)) throw new IllegalArgumentException(String.format("x must be positive, got %f", x));
        return Math.log(x) * x;
      }

      @Differentiable static double asserted(double x) {
        assert x > 0 : "x must be positive: " + x;
        return Math.log(x) * x;
      }

      @Differentiable static double earlyReturnNested(double[] a, double t) {
        for (int i = 0; i < a.length; i++) {
          for (int j = i + 1; j < a.length; j++) {
            if (a[i] * a[j] > t) return a[i] * a[j] - t;
          }
        }
        return 0.5 * t;
      }

      @Differentiable static double multiDecl(double x) {
        double a = x, b = a * 2, c;
        int i = 0, j = 3;
        c = a * b + i + j;
        return c;
      }

      @Differentiable static double powi(double x, int n) {
        double result = 1, base = x;
        int e = Math.abs(n);
        while (e > 0) {
          if ((e & 1) == 1) result *= base;
          base *= base;
          e >>= 1;
        }
        return n < 0 ? 1 / result : result;
      }

      static final double[] COEF = {1, -0.5, 1.0 / 6, -1.0 / 24};

      @Differentiable static double horner(double x) {
        double r = 0;
        for (int i = COEF.length - 1; i >= 0; i--) r = r * x + COEF[i];
        return r;
      }

      @Differentiable static double mathMix(double x, double y) {
        return Math.hypot(x, y) + Math.atan2(y, x) + Math.cbrt(x) + Math.expm1(y) + Math.log1p(x * x)
            + Math.pow(x, 3) + Math.toDegrees(y) + Math.log10(x) + Math.sinh(y) + Math.acos(y / 4);
      }

      @Differentiable static double quadForm(double[][] a, double[] x) {
        int n = x.length;
        double[] ax = new double[n];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < n; j++) s += a[i][j] * x[j];
          ax[i] = s;
        }
        double q = 0;
        for (int i = 0; i < n; i++) q += x[i] * ax[i];
        return q;
      }

      @Differentiable static double finalLocals(double x) {
        final double EPS = 1e-9;
        final int N = 4;
        double s = 0;
        for (int i = 0; i < N; i++) s += x / (i + EPS + 1);
        return s;
      }

      @Differentiable static double booleanFlag(double x) {
        boolean converged = false;
        double y = x;
        int it = 0;
        while (!converged) {
          double next = Math.cos(y) * 0.5 + x * 0.1;
          converged = Math.abs(next - y) < 1e-14 || ++it > 200;
          y = next;
        }
        return y;
      }

      @Differentiable static double argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return a[best] * a[best];
      }

      @Differentiable static double cloneCopy(double[] a) {
        double[] b = a.clone();
        System.arraycopy(a, 0, b, 1, a.length - 1);
        double[] c = java.util.Arrays.copyOf(b, b.length + 1);
        c[c.length - 1] = a[0];
        double s = 0;
        for (int i = 0; i < b.length; i++) s += b[i] * a[i] + c[i + 1];
        return s;
      }

      static double sum(double... v) {
        double s = 0;
        for (double d : v) s += d;
        return s;
      }

      @Differentiable static double varargsHelper(double x, double y) {
        return sum(x, y, x * y) + sum(x) + sum(new double[] {y, y}) + sum();
      }

      static double f(double t) { return Math.exp(-t * t); }

      @Differentiable static double trapezoid(double a, double b, int n) {
        double h = (b - a) / n;
        double s = 0.5 * (f(a) + f(b));
        for (int i = 1; i < n; i++) s += f(a + i * h);
        return s * h;
      }

      @Differentiable static double doubleIncrement(double x) {
        double t = x;
        t++;
        ++t;
        t--;
        double u = t++ * x;
        return u + t;
      }

      @Differentiable static double minSearch(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        double M = -Double.MAX_VALUE;
        for (double v : a) {
          if (v < m) m = v;
          M = Math.max(M, v);
        }
        return m * M + Integer.MAX_VALUE * 0.0;
      }

      @Differentiable static double indexCounter(double[] a) {
        int i = 0;
        double s = 0;
        for (double v : a) {
          s += v * i++;
        }
        return s;
      }

      @Differentiable static double bubbleSort(double[] a) {
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
          for (int j = 0; j + 1 < b.length - i; j++) {
            if (b[j] > b[j + 1]) {
              double t = b[j];
              b[j] = b[j + 1];
              b[j + 1] = t;
            }
          }
        }
        double s = 0;
        for (int i = 0; i < b.length; i++) s += (i + 1) * b[i];
        return s;
      }

      @Differentiable static double arraysSort(double[] a) {
        double[] b = a.clone();
        java.util.Arrays.sort(b);
        return b[b.length / 2] + b[0] * 2;
      }

      @Differentiable static double intArrayIndex(double[] a) {
        int[] idx = {2, 0, 1};
        double s = 0;
        for (int k = 0; k < idx.length; k++) s += a[idx[k]] * (k + 1);
        return s;
      }

      @Differentiable static double ternaryIndex(double[] a, int i) {
        return a[i > 0 ? i - 1 : 0] * a[i];
      }

      @Differentiable static double forEver(double x) {
        double y = x;
        int k = 0;
        for (;;) {
          y = y * 0.5 + 1;
          if (++k >= 6) break;
        }
        return y * x;
      }

      @Differentiable static double interp(double[] xs, double[] ys, double x) {
        int i = 0;
        while (i < xs.length - 2 && x > xs[i + 1]) i++;
        double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
        return ys[i] * (1 - t) + ys[i + 1] * t;
      }

      @Differentiable static double fillArray(double x, int n) {
        double[] xs = new double[n];
        java.util.Arrays.fill(xs, x);
        double s = 0;
        for (int i = 0; i < n; i++) s += xs[i] * (i + 1);
        return s;
      }

      @Differentiable static double guards(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return 0;
        if (!Double.isFinite(x * x)) return 1;
        return x * x;
      }

      @Differentiable static double bitCount(double x, int n) {
        double s = 0;
        for (int k = 0; k < 8; k++) {
          if ((n >>> k & 1) != 0) s += Math.pow(x, k);
        }
        return s * Integer.bitCount(n);
      }

      @Differentiable static double doubleModulo(double x, double p) {
        double r = x % p;
        if (r < 0) r += p;
        return r * r;
      }

      static void scale(double[] v, double f) {
        for (int i = 0; i < v.length; i++) v[i] *= f;
      }

      @Differentiable static double nestedHelperArray(double[] a, double f) {
        double[] b = a.clone();
        scale(b, f);
        double s = 0;
        for (double v : b) s += v * v;
        return s;
      }

      @Differentiable static double whileAssign(double x) {
        double y = x;
        int n = 0;
        while ((y = y / 2) > 0.1) n++;
        return y * n + y;
      }

      @Differentiable static double localArray2D(double x, double y) {
        double[][] m = new double[2][2];
        m[0][0] = x; m[0][1] = y; m[1][0] = x * y; m[1][1] = 1;
        return m[0][0] * m[1][1] - m[0][1] * m[1][0];
      }

      @Differentiable static double mathMinMaxInt(double[] a, int k) {
        int lo = Math.max(0, k - 1);
        int hi = Math.min(a.length - 1, k + 1);
        double s = 0;
        for (int i = lo; i <= hi; i++) s += a[i];
        return s * Math.max(a[lo], a[hi]);
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final List<String> NAMES = List.of(
      "labelledBreak",
      "labelledContinue",
      "newtonSqrt",
      "switchExprInt",
      "switchString",
      "switchStringExpr",
      "fallthrough",
      "switchChar",
      "ternaryChain",
      "compoundArray",
      "compoundParamArray",
      "varLocals",
      "frobenius",
      "charDigits",
      "charLoop",
      "longCounter",
      "floorMod",
      "intDivision",
      "castTruncate",
      "roundAndFloor",
      "doubleCompare",
      "signum",
      "messageThrow",
      "builderThrow",
      "formatThrow",
      "asserted",
      "earlyReturnNested",
      "multiDecl",
      "powi",
      "horner",
      "mathMix",
      "quadForm",
      "finalLocals",
      "booleanFlag",
      "argmax",
      "cloneCopy",
      "trapezoid", "varargsHelper",
      "doubleIncrement",
      "minSearch",
      "indexCounter",
      "bubbleSort",
      "arraysSort",
      "intArrayIndex",
      "ternaryIndex",
      "forEver",
      "interp",
      "fillArray",
      "guards",
      "bitCount",
      "doubleModulo",
      "nestedHelperArray",
      "whileAssign",
      "localArray2D",
      "mathMinMaxInt");

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "labelledBreak" -> List.<Object[]>of(new Object[] {0.7, 5},
          new Object[] {-1.3, 3});
      case "labelledContinue" -> List.<Object[]>of(new Object[] {0.7, 5},
          new Object[] {-1.3, 3});
      case "newtonSqrt" -> List.<Object[]>of(new Object[] {2.0},
          new Object[] {9.5});
      case "switchExprInt" -> List.<Object[]>of(new Object[] {0.4, 3},
          new Object[] {0.4, 4},
          new Object[] {0.4, 5});
      case "switchString" -> List.<Object[]>of(new Object[] {1.5, "sq"},
          new Object[] {1.5, "cube"});
      case "switchStringExpr" -> List.<Object[]>of(new Object[] {0.8, "relu"},
          new Object[] {0.8, "tanh"},
          new Object[] {-0.3, "sigmoid"});
      case "fallthrough" -> List.<Object[]>of(new Object[] {1.3, 3},
          new Object[] {1.3, 2},
          new Object[] {1.3, 1},
          new Object[] {1.3, 7});
      case "switchChar" -> List.<Object[]>of(new Object[] {1.5, 2.5, '+'},
          new Object[] {1.5, 2.5, '*'},
          new Object[] {1.5, 2.5, '/'},
          new Object[] {1.5, 2.5, '-'});
      case "ternaryChain" -> List.<Object[]>of(new Object[] {-2.0},
          new Object[] {0.5},
          new Object[] {2.0},
          new Object[] {4.0});
      case "compoundArray" -> List.<Object[]>of(new Object[] {new double[] {1.0, -2.0, 0.5}, 0.7});
      case "compoundParamArray" -> List.<Object[]>of(new Object[] {new double[] {1.0, -2.0, 0.5}, 0.7});
      case "varLocals" -> List.<Object[]>of(new Object[] {0.5, -1.5});
      case "frobenius" -> List.<Object[]>of(new Object[] {new double[][] {{1.0, 2.0}, {3.0, -4.0}}});
      case "charDigits" -> List.<Object[]>of(new Object[] {1.5, "312"});
      case "charLoop" -> List.<Object[]>of(new Object[] {0.8});
      case "longCounter" -> List.<Object[]>of(new Object[] {0.7, 10L});
      case "floorMod" -> List.<Object[]>of(new Object[] {new double[] {1.0, 2.0, -0.5, 3.0}, -5});
      case "intDivision" -> List.<Object[]>of(new Object[] {0.7, 7},
          new Object[] {0.7, -5});
      case "castTruncate" -> List.<Object[]>of(new Object[] {2.33},
          new Object[] {-1.77});
      case "roundAndFloor" -> List.<Object[]>of(new Object[] {2.33},
          new Object[] {-1.77});
      case "doubleCompare" -> List.<Object[]>of(new Object[] {2.0, 1.0},
          new Object[] {1.0, 2.0});
      case "signum" -> List.<Object[]>of(new Object[] {1.5},
          new Object[] {-0.5});
      case "messageThrow" -> List.<Object[]>of(new Object[] {3.0, 1.0});
      case "builderThrow" -> List.<Object[]>of(new Object[] {3.0});
      case "formatThrow" -> List.<Object[]>of(new Object[] {3.0});
      case "asserted" -> List.<Object[]>of(new Object[] {3.0});
      case "earlyReturnNested" -> List.<Object[]>of(new Object[] {new double[] {1.0, 2.0, 3.0}, 4.0},
          new Object[] {new double[] {1.0, 2.0, 3.0}, 10.0});
      case "multiDecl" -> List.<Object[]>of(new Object[] {1.5});
      case "powi" -> List.<Object[]>of(new Object[] {1.1, 5},
          new Object[] {1.1, -3});
      case "horner" -> List.<Object[]>of(new Object[] {0.9});
      case "mathMix" -> List.<Object[]>of(new Object[] {1.2, 0.7});
      case "quadForm" -> List.<Object[]>of(new Object[] {new double[][] {{1.0, 2.0}, {0.5, -1.0}}, new double[] {0.3, 0.7}});
      case "finalLocals" -> List.<Object[]>of(new Object[] {1.5});
      case "booleanFlag" -> List.<Object[]>of(new Object[] {0.3});
      case "argmax" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, 2.0}});
      case "cloneCopy" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, 2.0}});
      case "varargsHelper" -> List.<Object[]>of(new Object[] {1.5, -0.5}, new Object[] {0.25, 2.0});
      case "trapezoid" -> List.<Object[]>of(new Object[] {0.0, 1.5, 10});
      case "doubleIncrement" -> List.<Object[]>of(new Object[] {1.5});
      case "minSearch" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}});
      case "indexCounter" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}});
      case "bubbleSort" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0, 0.5}});
      case "arraysSort" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}});
      case "intArrayIndex" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}});
      case "ternaryIndex" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}, 2},
          new Object[] {new double[] {1.0, 3.0, -2.0}, 0});
      case "forEver" -> List.<Object[]>of(new Object[] {1.5});
      case "interp" -> List.<Object[]>of(new Object[] {new double[] {0.0, 1.0, 2.5, 4.0}, new double[] {1.0, 2.0, 0.5, 3.0}, 1.7});
      case "fillArray" -> List.<Object[]>of(new Object[] {1.5, 3});
      case "guards" -> List.<Object[]>of(new Object[] {1.5});
      case "bitCount" -> List.<Object[]>of(new Object[] {1.2, 37});
      case "doubleModulo" -> List.<Object[]>of(new Object[] {5.3, 2.0},
          new Object[] {-5.3, 2.0});
      case "nestedHelperArray" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0}, 0.5});
      case "whileAssign" -> List.<Object[]>of(new Object[] {3.0});
      case "localArray2D" -> List.<Object[]>of(new Object[] {1.5, -0.5});
      case "mathMinMaxInt" -> List.<Object[]>of(new Object[] {new double[] {1.0, 3.0, -2.0, 0.5}, 2});
      default -> throw new AssertionError(name);
    };
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    ModeChecks.gradients(C, NAMES, AsWrittenProbesTest::points);
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    ModeChecks.forwardAndSecondOrder(MODES, NAMES, AsWrittenProbesTest::points, 11, List.of());
  }

  @Test
  void exactValues() {
    // fallthrough at n = 3: y = x^3 + x^2 + x, so dy/dx = 3x^2 + 2x + 1
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "fallthrough", 1.5, 3));
    assertEquals(1.5 * 1.5 * 1.5 + 1.5 * 1.5 + 1.5, (double) g.get("value"), 0.0);
    assertEquals(3 * 1.5 * 1.5 + 2 * 1.5 + 1, (double) g.get("x"), 1e-15);
    // switchChar '*': d(xy)/dx = y, d/dy = x
    g = Compiled.components(C.call("p.CGrad", "switchChar", 1.5, 2.5, '*'));
    assertEquals(2.5, (double) g.get("x"), 0.0);
    assertEquals(1.5, (double) g.get("y"), 0.0);
    // intDivision at n = 7: x * 3 + x^2 + (7 / 3.0) x + 2 x
    g = Compiled.components(C.call("p.CGrad", "intDivision", 0.7, 7));
    assertEquals(3 + 2 * 0.7 + 7 / 3.0 + 2, (double) g.get("x"), 1e-15);
    // castTruncate at 2.33: k = 2, m = 23, floor 2: d/dx = 2 (x - 2) + 2
    g = Compiled.components(C.call("p.CGrad", "castTruncate", 2.33));
    assertEquals(2 * (2.33 - 2) + 2, (double) g.get("x"), 1e-14);
    // powi at n = 5: 5 x^4; at n = -3: -3 x^-4
    g = Compiled.components(C.call("p.CGrad", "powi", 1.1, 5));
    assertEquals(5 * Math.pow(1.1, 4), (double) g.get("x"), 1e-14);
    g = Compiled.components(C.call("p.CGrad", "powi", 1.1, -3));
    assertEquals(-3 * Math.pow(1.1, -4), (double) g.get("x"), 1e-14);
    // longCounter: d/dx = H_10
    double h = 0;
    for (int i = 1; i <= 10; i++) {
      h += 1.0 / i;
    }
    g = Compiled.components(C.call("p.CGrad", "longCounter", 0.7, 10L));
    assertEquals(h, (double) g.get("x"), 1e-15);
    // bubbleSort of {1, 3, -2, 0.5}: sorted -2, 0.5, 1, 3 weighted 1..4, so the gradient is the rank + 1
    g = Compiled.components(C.call("p.CGrad", "bubbleSort", (Object) new double[] {1, 3, -2, 0.5}));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 4, 1, 2}, (double[]) g.get("a"), 0.0);
  }

  @Test
  void theMessagesThrowAsThePrimalDoes() {
    assertEquals("x = 0.5 below 1.0", ModeChecks.thrown(C, "messageThrow", 0.5, 1.0).getMessage());
    assertEquals("negative: -2.0!", ModeChecks.thrown(C, "builderThrow", -2.0).getMessage());
    assertEquals("no activation gelu", ModeChecks.thrown(C, "switchStringExpr", 1.0, "gelu").getMessage());
  }
}
