package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Boxed locals ({@code Double}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Float}):
 * held as their primitive, autoboxing, {@code Double.valueOf(x)}, {@code d.doubleValue()};
 * what Java would make a null or a reference comparison is an error.
 */
class BoxesTest {
  static final String MEMBERS =
      """
      @Differentiable(forward = true, hessian = true) static double boxed(double x, double y) {
        Double d = x * y;
        d += Math.sin(x);
        Double e = Double.valueOf(y);
        double r = d.doubleValue() * e + Double.valueOf(x).doubleValue() * Integer.valueOf(2).intValue();
        if (e != null && !e.isNaN() && e.compareTo(1.0) > 0) {
          r = r * e;
        }
        return r;
      }

      @Differentiable(forward = true, hessian = true) static double counters(double x) {
        Integer n = 3;
        Boolean positive = x > 0;
        Long m = 2L;
        Float f = 1.5f;
        n++;
        double s = 0;
        for (Integer i = 0; i < n; i++) {
          s += Math.pow(x, i.doubleValue()) * m;
        }
        return positive ? s * f : s * n.intValue();
      }

      @Differentiable static double sum(double[] w) {
        Double total = 0.0;
        for (Double v : w) {
          total = total + v * v;
        }
        return total;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  @Test
  void boxedLocalsDifferentiateAsTheirPrimitives() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-1.2, 0.4, 1.7}) {
      for (double y : new double[] {-0.5, 0.8, 2.5}) {
        GradCheck.check(C, "boxed", x, y);
      }
      GradCheck.check(C, "counters", x);
      GradCheck.check(C, "sum", (Object) new double[] {x, 2 * x, 0.3});
    }
    // d/dx of ((x y + sin x) y + 2 x) y at y = 2.5 (> 1): ((y + cos x) y + 2) y
    var g = Compiled.components(C.call("p.CGrad", "boxed", 0.4, 2.5));
    assertEquals(((2.5 + Math.cos(0.4)) * 2.5 + 2) * 2.5, (double) g.get("x"), 1e-12);
  }

  @Test
  void forwardModeAndSecondOrder() {
    Random random = new Random(3);
    for (double x : new double[] {-1.2, 0.4, 1.7}) {
      JvpCheck.check(C, "p.C", "p.CGrad", "boxed", new Object[] {x, 1.3}, random, 3);
      JvpCheck.check(C, "p.C", "p.CGrad", "counters", new Object[] {x}, random, 3);
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "countersHessian", x)).get("hessian");
      double eps = 1e-5;
      double fd = ((double) Compiled.components(C.call("p.CGrad", "counters", x + eps)).get("x")
          - (double) Compiled.components(C.call("p.CGrad", "counters", x - eps)).get("x")) / (2 * eps);
      assertEquals(fd, h[0][0], 1e-5 * Math.max(1, Math.abs(fd)));
    }
  }

  /**
   * Regression for a boxed value's equals, which Orekit's eMeSinE loop tests as written
   * ({@code !Double.valueOf(x).equals(x0)}): bitwise, so the loop stops where the series does.
   */
  @Test
  void boxedEqualsComparesAsDoubleEquals() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double e, double big) {
              double x = (1 - e) * Math.sin(big);
              double term = big;
              double d = 0;
              for (double x0 = Double.NaN; !Double.valueOf(x).equals(x0);) {
                d += 2;
                term *= -big * big / (d * (d + 1));
                x0 = x;
                x = x - term;
              }
              return x;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double big : new double[] {0.2, 0.7, 1.3}) {
      GradCheck.check(c, "f", 0.3, big);
    }
  }

  @Test
  void settingABoxGivenAValueToNullIsAnError() {
    // Double d = null; meaning "none yet" is supported (PlainFunctionsTest); a box given a value is never null.
    error(
        """
        @Differentiable static double f(double x) {
          Double d = x;
          d = null;
          return x;
        }
        """,
        "d = null", "null", "setting the boxed local 'd' to null is not supported", "declare it '= null'",
        "give it a value");
  }

  @Test
  void comparingTwoBoxesByReferenceIsAnError() {
    error(
        """
        @Differentiable static double f(double x) {
          Double a = x;
          Double b = x;
          return a == b ? x : 2 * x;
        }
        """,
        "a == b", "==", "compares two boxes by reference", "a.doubleValue() == b.doubleValue()");
  }

  @Test
  void otherMethodsAndArraysOfBoxesAreErrors() {
    error(
        """
        @Differentiable static double f(double x) {
          Double a = x;
          return a.hashCode() + x;
        }
        """,
        "a.hashCode()", "(", "'hashCode' of a boxed local is not supported", "doubleValue()");
    error(
        """
        @Differentiable static double f(double x) {
          Double[] a = {x};
          return a[0];
        }
        """,
        "Double[] a", "[]", "arrays of boxes ('Double[]') are not supported", "double[]");
  }

  /** Exactly one error, ours, at {@code target} within {@code context}, with every word. */
  private static void error(String members, String context, String target, String... words) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] "), message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    int index = members.indexOf(context) + context.indexOf(target);
    String before = members.substring(0, index);
    assertEquals(6 + before.chars().filter(ch -> ch == '\n').count(), errors.get(0).getLineNumber(), message);
    assertEquals(index - before.lastIndexOf('\n'), errors.get(0).getColumnNumber(), message);
  }
}
