package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated code that does each piece of work once: intermediates the reverse sweep reads are
 * named in the forward sweep (or computed again once per reverse iteration inside a loop);
 * adjoints that only hold a constant or a copy are folded into their readers; a loop bound that is
 * a compile-time constant needs no guard. Each against finite differences, and the shape of the
 * code where the point is its cost.
 */
class CodeQualityTest {
  private static final String SOURCE =
      """
          static final int N = 4;

          @Differentiable static double poly8(double s) {
            return ((((((((0.5 * s + 1.25) * s - 2.5) * s + 3.0) * s - 0.75) * s + 1.5) * s - 4.0) * s + 0.25) * s + 2.0);
          }

          @Differentiable static double poly16(double s) {
            return ((((((((((((((((0.5 * s + 1.25) * s - 2.5) * s + 3.0) * s - 0.75) * s + 1.5) * s - 4.0) * s + 0.25) * s + 2.0)
                * s + 0.5) * s + 1.25) * s - 2.5) * s + 3.0) * s - 0.75) * s + 1.5) * s - 4.0) * s + 0.25) * s + 2.0;
          }

          @Differentiable static double rational(double x) {
            double y = Math.abs(x);
            if (y <= 0.7) {
              double s = x * x;
              double num = (((0.0657 * s + 2.235) * s + 161.03) * s + 1067.7) * s + 18155.0;
              double den = (((s + 47.2) * s + 976.1) * s + 10260.9) * s + 45507.8;
              return 0.5 + x * num / den;
            }
            double s = 1 / (y * y);
            double num = ((0.023 * s + 0.216) * s + 0.127) * s + 0.0222;
            double den = ((s + 1.284) * s + 0.468) * s + 0.066;
            double q = Math.exp(-y * y / 2) * (0.4 - s * num / den) / y;
            return x > 0 ? 1 - q : q;
          }

          @Differentiable static double products(double a, double b, double c, double d, double e) {
            return a * b * c * d * e + a / b / c / d / e + Math.sin(a) * b * Math.exp(c) * d;
          }

          @Differentiable static double hornerInLoop(double[] x, double[] c) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double t = ((c[0] * x[i] + c[1]) * x[i] + c[2]) * x[i] + c[3];
              s += t * t;
            }
            return s;
          }

          @Differentiable static double overwritten(double[] x, double y) {
            double s = 1;
            for (int i = 0; i < x.length; i++) {
              s = s * x[i] * y * s;
              y = y * x[i] * (y + x[i]) * 0.5;
            }
            return s + y;
          }

          @Differentiable static double inBranchInLoop(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              if (x[i] > 0) {
                s += ((x[i] * 0.5 + 1) * x[i] + 2) * x[i] * x[i];
              } else {
                s -= x[i] * x[i] * x[i];
              }
            }
            return s;
          }

          @Differentiable static double copies(double a, double b, double f) {
            double e = a * b;
            double g = e;
            double h = g;
            return h * f + Math.exp(a);
          }

          @Differentiable static double throughFloor(double y) {
            double u = Math.floor(y * 16) / 16;
            double del = (y - u) * (y + u);
            return Math.exp(-u * u * 0.5) * Math.exp(-del * 0.5);
          }

          @Differentiable static double constantBound(double[] w) {
            double s = 0;
            for (int k = 0; k < N; k++) {
              s += w[k] * w[k] * w[k];
            }
            for (int k = 1; k < N; k++) {
              s += w[k - 1] * w[k];
            }
            return s;
          }
          """;

  private static final Compiled C = Compiled.members(SOURCE);

  @Test
  void aPolynomialsReverseGrowsLinearlyWithItsDegree() {
    String grad = C.source("p.CGrad");
    int eight = body(grad, "poly8").length();
    int sixteen = body(grad, "poly16").length();
    // O(n) code: twice the degree, about twice the text; O(n²) would be about four times.
    assertTrue(sixteen < 2.6 * eight, "degree 8: " + eight + " characters, degree 16: " + sixteen);
    for (String line : grad.split("\n")) {
      assertTrue(line.length() < 400, "a long line: " + line);
    }
    Random r = new Random(13);
    for (int k = 0; k < 20; k++) {
      double s = -2 + 4 * r.nextDouble();
      GradCheck.check(C, "poly8", s);
      GradCheck.check(C, "poly16", s);
    }
  }

  @Test
  void rationalFunctionsInBranches() {
    for (double x : new double[] {-3.1, -1.2, -0.6, -0.1, 0.0, 0.3, 0.69, 0.71, 1.7, 4.2}) {
      GradCheck.check(C, "rational", x);
    }
  }

  @Test
  void productAndQuotientChains() {
    Random r = new Random(17);
    for (int k = 0; k < 20; k++) {
      GradCheck.check(C, "products", 0.5 + r.nextDouble(), 0.5 + r.nextDouble(), -1 + r.nextDouble(),
          0.5 + r.nextDouble(), 1 + r.nextDouble());
    }
  }

  @Test
  void intermediatesInsideLoops() {
    Random r = new Random(19);
    for (int k = 0; k < 10; k++) {
      double[] x = new double[1 + r.nextInt(6)];
      for (int i = 0; i < x.length; i++) {
        x[i] = -1.5 + 3 * r.nextDouble();
      }
      double[] c = {r.nextDouble(), -r.nextDouble(), 2 * r.nextDouble(), 0.5};
      GradCheck.check(C, "hornerInLoop", x, c);
      GradCheck.check(C, "overwritten", x, 0.3 + r.nextDouble());
      GradCheck.check(C, "inBranchInLoop", x);
    }
    String loop = body(C.source("p.CGrad"), "hornerInLoop");
    // The chain is named, and computed again in the reverse iteration rather than taped.
    assertTrue(loop.contains("double _p1 = _p0 * x[i]"), loop);
    assertFalse(loop.contains("_doubles.push(_p"), loop);
  }

  /**
   * Each partial of {@code sin(sin(...(x)))} read its argument again, written out in full: code
   * and work grew with the square of the depth, and at depth 400 the gradient passed the JVM's
   * 64 KB method limit (an error asking the user to split the method). Depth 150 here: javac
   * itself, attributing the source in a test thread's stack, overflows at 400.
   */
  @Test
  void nestedCallsGrewTheGradientWithTheSquareOfTheDepth() {
    int depth = 150;
    String e = "x";
    for (int k = 0; k < depth; k++) {
      e = "Math.sin(" + e + ")";
    }
    Compiled nested = Compiled.members("@Differentiable static double f(double x) { return " + e + "; }");
    assertTrue(nested.succeeded(), nested.diagnostics());
    for (double x : new double[] {-1.3, 0.2, 0.9}) {
      Map<String, Object> g = GradCheck.check(nested, "f", x);
      double v = x;
      double d = 1;
      for (int k = 0; k < depth; k++) {
        d *= Math.cos(v);
        v = Math.sin(v);
      }
      assertEquals(d, (Double) g.get("x"), 1e-15 + 1e-12 * Math.abs(d));
    }
    String f = body(nested.source("p.CGrad"), "f");
    assertTrue(f.contains("double _sin0 = Math.sin(x);"), f);
    assertFalse(f.contains("Math.cos(Math.sin("), f);
  }

  @Test
  void adjointsThatOnlyCopyAreFolded() {
    Map<String, Object> g = GradCheck.check(C, "copies", 1.5, -2.0, 0.75);
    assertEquals(0.75 * -2.0 + Math.exp(1.5), (Double) g.get("a"), 1e-15);
    assertEquals(0.75 * 1.5, (Double) g.get("b"), 1e-15);
    assertEquals(1.5 * -2.0, (Double) g.get("f"), 1e-15);
    String copies = body(C.source("p.CGrad"), "copies");
    copies = copies.substring(0, copies.indexOf("\n    }"));
    // _d_h = f, _d_g = _d_h, _d_e = _d_g and the seed of exp all fold away.
    assertFalse(copies.contains("= 1.0;"), copies);
    for (String adjoint : new String[] {"_d_h", "_d_g", "_d_e", "_d_exp0", "_d_f"}) {
      assertFalse(copies.contains(adjoint), adjoint + " in " + copies);
    }
  }

  @Test
  void anAdjointNothingReadsIsNotWritten() {
    for (double y : new double[] {0.01, 0.3, 1.27, 2.5 + 1.0 / 32, 6.2}) {
      GradCheck.check(C, "throughFloor", y);
      double g = (Double) Compiled.components(C.call("p.CGrad", "throughFloor", y)).get("y");
      assertEquals(-y * Math.exp(-y * y / 2), g, 1e-14 * Math.abs(g));
    }
    String floor = body(C.source("p.CGrad"), "throughFloor");
    floor = floor.substring(0, floor.indexOf("\n    }"));
    // u's adjoint (and the shared adjoint that only fed it) would be computed and never read.
    assertFalse(floor.contains("_d_u"), floor);
  }

  @Test
  void aConstantBoundNeedsNoGuard() {
    GradCheck.check(C, "constantBound", (Object) new double[] {0.5, -1.25, 2.0, 0.75});
    String loop = body(C.source("p.CGrad"), "constantBound");
    assertFalse(loop.contains("Math.max"), loop);
    assertTrue(loop.contains("C.N - 1; k"), loop);
  }

  /**
   * The text of the longest generated method {@code name} (the one with the sweeps, not the one
   * that delegates to the accumulate overload), up to the next method or record.
   */
  private static String body(String source, String name) {
    String longest = "";
    for (int at = source.indexOf(" " + name + "("); at >= 0; at = source.indexOf(" " + name + "(", at + 1)) {
      int line = source.lastIndexOf('\n', at);
      if (!source.substring(line + 1, at).trim().startsWith("public static")) {
        continue;
      }
      int end = source.indexOf("\n    public ", at);
      String text = source.substring(at, end < 0 ? source.length() : end);
      longest = text.length() > longest.length() ? text : longest;
    }
    assertFalse(longest.isEmpty(), name + " in " + source);
    return longest;
  }
}
