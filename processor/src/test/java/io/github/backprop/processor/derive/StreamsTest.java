package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Stream pipelines of numbers as users write them, run as the loops they perform: values equal
 * the stream's to the last bit (DoubleStream's compensated sum included), and gradients match
 * finite differences in reverse, forward and second order.
 */
class StreamsTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import java.util.Arrays;
          import java.util.stream.DoubleStream;
          import java.util.stream.IntStream;

          class C {
            @Differentiable(forward = true, hessian = true)
            static double dot(double[] w, double[] x) {
              return IntStream.range(0, w.length).mapToDouble(i -> w[i] * x[i]).sum();
            }

            @Differentiable(forward = true, hessian = true)
            static double l2(double[] x) {
              return Arrays.stream(x).map(v -> v * v).sum() + DoubleStream.of(x[0], 2 * x[1]).map(v -> Math.exp(v)).sum();
            }

            @Differentiable(forward = true)
            static double meanPositive(double[] x) {
              return Arrays.stream(x).filter(v -> v > 0).average().orElse(-1);
            }

            @Differentiable(forward = true)
            static double maxAbs(double a, double b, double c) {
              return DoubleStream.of(a, b, c).map(v -> Math.abs(v)).max().getAsDouble()
                  - DoubleStream.of(a, b).min().orElseThrow();
            }

            @Differentiable(forward = true)
            static double product(double[] x, int from) {
              double p = Arrays.stream(x, from, x.length).reduce(1, (acc, v) -> acc * v);
              long n = IntStream.rangeClosed(1, x.length).filter(i -> i % 2 == 0).count();
              int s = IntStream.of(3, 4).map(i -> i * i).sum();
              return p * n + s + IntStream.range(0, x.length).asDoubleStream().map(t -> t * x[(int) t]).sum();
            }

            @Differentiable
            static double emptyMax(double[] x) {
              return Arrays.stream(x).filter(v -> v > 100).max().getAsDouble();
            }
          }
          """);

  private static final double[][] POINTS = {{0.3, -1.2, 2.5}, {1.5, 0.25, -0.75, 4.0}, {-2.0, 7.5}};

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(4);
    for (double[] x : POINTS) {
      double[] w = new double[x.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextGaussian();
      }
      GradCheck.check(C, "dot", w, x.clone());
      GradCheck.check(C, "l2", (Object) x.clone());
      GradCheck.check(C, "meanPositive", (Object) x.clone());
      GradCheck.check(C, "maxAbs", x[0], x[1], x[x.length - 1] * 0.3);
      GradCheck.check(C, "product", x.clone(), 1);
      JvpCheck.check(C, "p.C", "p.CGrad", "dot", new Object[] {w, x.clone()}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "l2", new Object[] {x.clone()}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "meanPositive", new Object[] {x.clone()}, r, 2);
      JvpCheck.check(C, "p.C", "p.CGrad", "product", new Object[] {x.clone(), 0}, r, 2);
    }
  }

  /** The value is the stream's own, bit for bit: its sum is compensated, not a plain loop's. */
  @Test
  void valuesAreTheStreamsToTheLastBit() {
    Random r = new Random(8);
    for (int trial = 0; trial < 200; trial++) {
      double[] w = new double[1 + r.nextInt(40)];
      double[] x = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextGaussian() * Math.pow(10, r.nextInt(16) - 8);
        x[i] = r.nextGaussian();
      }
      double primal = (double) C.call("p.C", "dot", w, x);
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "dot", w, x));
      assertEquals(Double.doubleToRawLongBits(primal), Double.doubleToRawLongBits((double) g.get("value")));
      // d/dw_i of the dot product is x_i exactly: the compensation's derivatives cancel.
      assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString((double[]) g.get("w")));
    }
  }

  @Test
  void hessianOfADotProductSquared() {
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "l2Hessian", (Object) new double[] {0.5, -1.0}));
    double[][] hessian = (double[][]) h.get("hessian");
    assertEquals(2 + Math.exp(0.5), hessian[0][0], 1e-12);
    assertEquals(2 + 4 * Math.exp(-2.0), hessian[1][1], 1e-12);
    assertEquals(0.0, hessian[0][1]);
  }

  @Test
  void anEmptyOptionalThrowsAsTheStreamDoes() {
    Throwable t = assertThrows(Throwable.class, () -> C.call("p.CGrad", "emptyMax", (Object) new double[] {1, 2}));
    while (t.getCause() != null) {
      t = t.getCause();
    }
    assertEquals(java.util.NoSuchElementException.class, t.getClass());
    assertEquals("No value present", t.getMessage());
    assertEquals(-1.0, Compiled.components(C.call("p.CGrad", "meanPositive", (Object) new double[] {-1, -2})).get("value"));
  }

  @Test
  void anUnsupportedOperationIsAnErrorAtIt() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double[] x) {
              return java.util.Arrays.stream(x)
                  .sorted()
                  .sum();
            }
            """);
    assertFalse(c.succeeded());
    Diagnostic<?> d = c.compilation().errors().get(0);
    assertEquals(1, c.compilation().errors().size(), c.diagnostics());
    assertTrue(d.getMessage(null).contains("the stream operation 'sorted' is not supported"), d.getMessage(null));
    assertEquals(8, d.getLineNumber());
  }

  /** A lambda passed to a helper is read in place (FunctionalArgumentsTest has the rest). */
  @Test
  void aLambdaOutsideAStreamIsReadInPlace() {
    Compiled c =
        Compiled.members(
            """
            static double integrate(java.util.function.DoubleUnaryOperator f) {
              return f.applyAsDouble(0.5);
            }

            @Differentiable static double f(double x) {
              return x * integrate(v -> v * v);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {-1.0, 0.5, 2.0}) {
      assertEquals(0.25, (double) Compiled.components(c.call("p.CGrad", "f", x)).get("x"), 0.0);
    }
  }

  @Test
  void aBlockLambdaIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double[] x) {
              return java.util.Arrays.stream(x).map(v -> {
                return v * v;
              }).sum();
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("a lambda with a block body is not supported in a stream"), c.diagnostics());
  }

  /**
   * Regression (stream over a row lost its derivatives): Arrays.stream(m[i]) read the row into a
   * local copy, so the gradient with respect to m was 0 for a nested stream and for a helper
   * streaming the row it was passed.
   */
  @Test
  void aStreamOverARowKeepsItsDerivatives() {
    Compiled c =
        Compiled.members(
            """
            static double rowSum(double[] r) {
              return java.util.Arrays.stream(r).map(v -> v * v).sum();
            }

            @Differentiable(forward = true)
            static double nested(double[][] m, double s) {
              return java.util.stream.IntStream.range(0, m.length)
                  .mapToDouble(i -> s * java.util.Arrays.stream(m[i]).map(v -> v * s).sum()).sum();
            }

            @Differentiable(forward = true)
            static double viaHelper(double[][] m) {
              double t = 0;
              for (double[] r : m) {
                t += rowSum(r);
              }
              return t + java.util.stream.IntStream.rangeClosed(1, 3).mapToDouble(k -> k * m[0][0]).max().orElse(0);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    double[][] m = {{0.5, -1.0}, {2.0, 0.25, 1.5}};
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "nested", m, 0.7));
    assertEquals(0.7 * 0.7, ((double[][]) g.get("m"))[0][0], 1e-15);
    Map<String, Object> h = Compiled.components(c.call("p.CGrad", "viaHelper", (Object) m));
    assertEquals(2 * 0.5 + 3, ((double[][]) h.get("m"))[0][0], 1e-15);
    Random r = new Random(12);
    for (int k = 0; k < 3; k++) {
      double[][] p = {{r.nextGaussian(), r.nextGaussian()}, {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()}};
      GradCheck.check(c, "nested", p, 0.3 + k);
      GradCheck.check(c, "viaHelper", (Object) p);
      JvpCheck.check(c, "p.C", "p.CGrad", "nested", new Object[] {p, 0.3 + k}, r, 2);
    }
  }

  /** toArray: the elements a pipeline keeps, in a new array, each with its derivative. */
  @Test
  void toArrayKeepsEachElementsDerivative() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true)
            static double robust(double[] residuals, double scale) {
              double[] r = java.util.Arrays.stream(residuals).map(v -> Math.abs(v / scale)).toArray();
              double[] big = java.util.Arrays.stream(residuals).filter(v -> v > 0).map(v -> v * scale).toArray();
              double[] idx = java.util.stream.IntStream.rangeClosed(1, 3).asDoubleStream().map(k -> k * scale).toArray();
              int[] none = java.util.stream.IntStream.range(5, 2).toArray();
              return r[0] + (big.length > 0 ? big[big.length - 1] : 0) + idx[2] + none.length;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "robust", new double[] {0.5, -1.5, 2.0}, 0.8));
    // r[0] = |0.5 / s|, big[last] = 2 s, idx[2] = 3 s: d/ds = -0.5 / s^2 + 2 + 3
    assertEquals(-0.5 / 0.64 + 5, (double) g.get("scale"), 1e-12);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1 / 0.8, 0, 0.8}, (double[]) g.get("residuals"), 1e-15);
    Random r = new Random(21);
    for (int k = 0; k < 4; k++) {
      double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      GradCheck.check(c, "robust", x, 0.5 + r.nextDouble());
      JvpCheck.check(c, "p.C", "p.CGrad", "robust", new Object[] {x, 0.7}, r, 2);
    }
  }
}
