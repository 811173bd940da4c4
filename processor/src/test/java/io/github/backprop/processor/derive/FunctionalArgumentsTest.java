package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lambdas and method references passed to helpers of the compilation (integrators, root finders,
 * folds), read in place with their captured variables; lambdas passed to calls that carry no
 * derivative (log suppliers), written out as they stand; anonymous {@code ContinuedFraction}s of
 * Hipparchus, whose {@code evaluate} runs as the library's loop with getA and getB in place.
 */
class FunctionalArgumentsTest {
  static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;
      import java.util.Objects;
      import java.util.function.DoubleBinaryOperator;
      import java.util.function.DoubleUnaryOperator;
      import java.util.function.Function;
      import java.util.function.ToDoubleFunction;
      import java.util.logging.Logger;
      import org.hipparchus.util.ContinuedFraction;

      class C {
        private static final Logger LOG = Logger.getLogger("p.C");

        @FunctionalInterface
        interface Field2 {
          double at(double x, double y);
        }

        static double midpointRule(DoubleUnaryOperator f, double a, double b, int n) {
          double h = (b - a) / n;
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += f.applyAsDouble(a + (i + 0.5) * h) * h;
          }
          return s;
        }

        static double simpson(DoubleUnaryOperator f, double a, double b) {
          return (midpointRule(f, a, b, 8) * 2 + midpointRule(f, a, b, 4)) / 3;
        }

        static double fold(double[] x, double start, DoubleBinaryOperator op) {
          double acc = start;
          for (double v : x) {
            acc = op.applyAsDouble(acc, v);
          }
          return acc;
        }

        static double newton(DoubleUnaryOperator g, DoubleUnaryOperator dg, double x0) {
          double x = x0;
          for (int k = 0; k < 30; k++) {
            x = x - g.applyAsDouble(x) / dg.applyAsDouble(x);
          }
          return x;
        }

        static double at(ToDoubleFunction<double[]> f, double[] w) {
          return f.applyAsDouble(w);
        }

        static double boxed(Function<Double, Double> f, double x) {
          return f.apply(x) + f.apply(2 * x);
        }

        static double grid(Field2 f, double h) {
          double s = 0;
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              s += f.at(i * h, j * h);
            }
          }
          return s;
        }

        static double bump(double t) {
          return t / (1 + t * t);
        }

        @Differentiable(forward = true)
        static double decayIntegral(double k) {
          return midpointRule(t -> Math.exp(-k * t), 0, 1, 50);
        }

        @Differentiable(forward = true)
        static double blockLambda(double k, double c) {
          return simpson(t -> {
            double u = k * t;
            if (u > c) {
              return u * u;
            }
            return Math.sin(u) + c;
          }, 0, 2);
        }

        @Differentiable(forward = true)
        static double heldInLocal(double a) {
          DoubleUnaryOperator f = t -> a * t * t;
          double first = midpointRule(f, 0, 1, 10);
          return first + midpointRule(f, 1, 2, 10);
        }

        @Differentiable(forward = true)
        static double logSumExp(double[] x, double shift) {
          return Math.log(fold(x, 0, (acc, v) -> acc + Math.exp(v - shift))) + shift;
        }

        @Differentiable(forward = true)
        static double squareRoot(double c) {
          return newton(x -> x * x - c, x -> 2 * x, 1 + c);
        }

        @Differentiable(forward = true)
        static double calledHere(double x) {
          DoubleUnaryOperator g = t -> t * t;
          DoubleUnaryOperator s = Math::sin;
          return g.applyAsDouble(x) + s.applyAsDouble(g.applyAsDouble(x));
        }

        @Differentiable(hessian = true)
        static double damped(double a, double b) {
          DoubleUnaryOperator f = t -> Math.exp(-a * t) * Math.sin(b * t);
          return midpointRule(f, 0, 1, 20) + fold(new double[] {a, b}, 0, (acc, v) -> acc + v * v * a);
        }

        @Differentiable
        static double ofArray(double[] w, double s) {
          return at(v -> s * (v[0] * v[0] + v[1]), w);
        }

        @Differentiable
        static double viaFunction(double x, double y) {
          return boxed(t -> t * y, x);
        }

        @Differentiable(forward = true)
        static double ownInterface(double a, double b) {
          return grid((x, y) -> Math.exp(-a * x * x - b * y), 0.5);
        }

        @Differentiable(forward = true)
        static double references(double a) {
          return midpointRule(Math::exp, 0, a, 10) + midpointRule(C::bump, a, 2 * a, 10);
        }

        @Differentiable(forward = true)
        static double logged(double x, double[] w) {
          Objects.requireNonNull(w, () -> "w must not be null");
          LOG.fine(() -> "x = " + x + ", n = " + w.length);
          return x * w[0];
        }

        static double noted(double v) {
          LOG.fine(() -> "v = " + v);
          return v * v;
        }

        // noted's v is the caller's s, which the loop assigns: the lambda reads a copy.
        @Differentiable(forward = true)
        static double loggedSum(double x) {
          double s = 0;
          double t = 0;
          for (int i = 1; i < 4; i++) {
            s += x * i;
            t += noted(s);
          }
          return t;
        }

        @Differentiable(forward = true)
        static double gammaQ(double a, double x) {
          ContinuedFraction cf = new ContinuedFraction() {
            @Override
            protected double getA(int n, double x) {
              return ((2.0 * n) + 1.0) - a + x;
            }

            @Override
            protected double getB(int n, double x) {
              return n * (a - n);
            }
          };
          double ret = 1.0 / cf.evaluate(x, 1e-15, 10000);
          return Math.exp(-x + (a * Math.log(x)) - org.hipparchus.special.Gamma.logGamma(a)) * ret;
        }

        // As Hipparchus' Beta.regularizedBeta writes it: getB's locals shadow the method's.
        @Differentiable
        static double incompleteBeta(double x, final double a, final double b) {
          double ret;
          ContinuedFraction fraction = new ContinuedFraction() {
            @Override
            protected double getB(int n, double x) {
              double ret;
              double m;
              if (n % 2 == 0) {
                m = n / 2.0;
                ret = (m * (b - m) * x) / ((a + (2 * m) - 1) * (a + (2 * m)));
              } else {
                m = (n - 1.0) / 2.0;
                ret = -((a + m) * (a + b + m) * x) / ((a + (2 * m)) * (a + (2 * m) + 1.0));
              }
              return ret;
            }

            @Override
            protected double getA(int n, double x) {
              return 1.0;
            }
          };
          ret = Math.exp((a * Math.log(x)) + (b * Math.log1p(-x)) - Math.log(a)
              - org.hipparchus.special.Beta.logBeta(a, b)) * 1.0 / fraction.evaluate(x, 1e-14);
          return ret;
        }
      }
      """;

  static final Compiled C = Compiled.compileAll(Map.of("p.C", SOURCE));

  @Test
  void lambdasPassedToHelpersAreReadInPlace() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double k : new double[] {0.3, 1.2, 2.5}) {
      GradCheck.check(C, "decayIntegral", k);
      GradCheck.check(C, "blockLambda", k, 0.4);
      GradCheck.check(C, "heldInLocal", k);
      GradCheck.check(C, "squareRoot", k + 0.5);
      GradCheck.check(C, "viaFunction", k, -0.7);
      GradCheck.check(C, "ownInterface", k, 0.3 * k);
      GradCheck.check(C, "references", k);
      GradCheck.check(C, "logSumExp", new double[] {k, -0.5, 1.5}, 0.2 * k);
      GradCheck.check(C, "ofArray", new double[] {k, -1.5}, 0.8);
      GradCheck.check(C, "calledHere", k);
    }
    // The closed form: ∫0^1 e^(-k t) dt = (1 - e^-k) / k, whose midpoint rule is close.
    double k = 1.2;
    double exact = (k * Math.exp(-k) - (1 - Math.exp(-k))) / (k * k);
    assertEquals(exact, (double) Compiled.components(C.call("p.CGrad", "decayIntegral", k)).get("k"), 1e-4);
    assertEquals(1 / (2 * Math.sqrt(2.0)), (double) Compiled.components(C.call("p.CGrad", "squareRoot", 2.0)).get("c"), 1e-12);
  }

  @Test
  void lambdasForCallsWithoutDerivativesAreWrittenOut() {
    for (double x : new double[] {-1.5, 0.5, 2.0}) {
      GradCheck.check(C, "logged", x, new double[] {0.7, 2.0});
      GradCheck.check(C, "loggedSum", x);
    }
    String grad = C.source("p.CGrad");
    assertTrue(grad.contains("() -> \"w must not be null\""), grad);
    assertTrue(grad.contains("() -> \"x = \" + x + \", n = \" + w.length"), grad);
    assertTrue(grad.contains("() -> \"v = \" + _v"), grad);
  }

  @Test
  void anAnonymousContinuedFractionRunsAsTheLibrarysLoop() {
    for (double[] p : new double[][] {{1.5, 3.8}, {2.5, 6.0}, {0.7, 2.2}}) {
      GradCheck.check(C, "gammaQ", p[0], p[1]);
      double value = (double) Compiled.components(C.call("p.CGrad", "gammaQ", p[0], p[1])).get("value");
      assertEquals(org.hipparchus.special.Gamma.regularizedGammaQ(p[0], p[1], 1e-15, 10000), value, 1e-14);
      // ∂Q/∂x = -x^(a-1) e^-x / Γ(a)
      double dx = -Math.exp((p[0] - 1) * Math.log(p[1]) - p[1] - org.hipparchus.special.Gamma.logGamma(p[0]));
      assertEquals(dx, (double) Compiled.components(C.call("p.CGrad", "gammaQ", p[0], p[1])).get("x"), 1e-10);
    }
  }

  @Test
  void theFractionsMethodsMayShadowTheEnclosingNames() {
    for (double[] p : new double[][] {{0.3, 2.0, 3.0}, {0.2, 1.5, 0.8}}) {
      GradCheck.check(C, "incompleteBeta", p[0], p[1], p[2]);
      double value = (double) Compiled.components(C.call("p.CGrad", "incompleteBeta", p[0], p[1], p[2])).get("value");
      assertEquals(org.hipparchus.special.Beta.regularizedBeta(p[0], p[1], p[2], 1e-14), value, 1e-13);
    }
  }

  @Test
  void secondOrderFollowsTheLambdas() {
    double e = 1e-5;
    for (double[] p : new double[][] {{0.7, 1.3}, {1.9, -0.4}}) {
      GradCheck.check(C, "damped", p[0], p[1]);
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "dampedHessian", p[0], p[1])).get("hessian");
      for (int j = 0; j < 2; j++) {
        double[] up = p.clone();
        double[] down = p.clone();
        up[j] += e;
        down[j] -= e;
        Map<String, Object> gu = Compiled.components(C.call("p.CGrad", "damped", up[0], up[1]));
        Map<String, Object> gd = Compiled.components(C.call("p.CGrad", "damped", down[0], down[1]));
        assertEquals(((double) gu.get("a") - (double) gd.get("a")) / (2 * e), h[0][j], 1e-6);
        assertEquals(((double) gu.get("b") - (double) gd.get("b")) / (2 * e), h[1][j], 1e-6);
      }
    }
  }

  @Test
  void forwardModeFollowsTheLambdas() {
    Random r = new Random(7);
    for (double k : new double[] {0.4, 1.7}) {
      JvpCheck.check(C, "p.C", "p.CGrad", "decayIntegral", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "blockLambda", new Object[] {k, 0.4}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "heldInLocal", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "logSumExp", new Object[] {new double[] {k, 0.3}, 0.1}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "squareRoot", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "ownInterface", new Object[] {k, 0.2}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "references", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "calledHere", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "logged", new Object[] {k, new double[] {1.0}}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "loggedSum", new Object[] {k}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "gammaQ", new Object[] {1.0 + k, 2.5}, r, 2);
    }
  }
}
