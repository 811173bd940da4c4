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
 * Functional values held where javac sees them but backprop once did not: a lambda or method
 * reference in a {@code static final} field of the class, called there or passed to a helper, and
 * method references to methods of records and held objects ({@code this::f}, {@code p::f},
 * {@code Point::norm}). Each is read in place as a lambda written in the method is.
 */
class FunctionValuesTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.function.DoubleSupplier;
              import java.util.function.DoubleUnaryOperator;

              class C {
                static final double SCALE = 0.5;
                static final DoubleUnaryOperator SQUARE = t -> t * t;
                private static final DoubleUnaryOperator DECAY = t -> Math.exp(-SCALE * t);
                static final DoubleUnaryOperator LOG1P = Math::log1p;
                static final Kernel RBF = (a, b) -> {
                  double d = a - b;
                  return Math.exp(-d * d);
                };

                @FunctionalInterface
                interface Kernel {
                  double at(double a, double b);
                }

                record Point(double x, double y) {
                  double norm() {
                    return Math.sqrt(x * x + y * y);
                  }

                  double along(double t) {
                    return x * t + y * t * t;
                  }
                }

                static double midpoint(DoubleUnaryOperator f, double a, double b, int n) {
                  double h = (b - a) / n;
                  double s = 0;
                  for (int i = 0; i < n; i++) {
                    s += f.applyAsDouble(a + (i + 0.5) * h) * h;
                  }
                  return s;
                }

                @FunctionalInterface
                interface PointFn {
                  double of(Point p);
                }

                static double twice(PointFn f, Point p) {
                  return 2 * f.of(p);
                }

                @Differentiable(forward = true, hessian = true)
                static double fields(double x, double y) {
                  return SQUARE.applyAsDouble(x) * C.DECAY.applyAsDouble(y) + LOG1P.applyAsDouble(x * x)
                      + RBF.at(x, y) + midpoint(DECAY, 0, x, 8) + midpoint(SQUARE, y, 1, 4);
                }

                @Differentiable(forward = true, hessian = true)
                static double filled(double x, double[] w) {
                  double[] v = new double[w.length];
                  java.util.Arrays.setAll(v, i -> w[i] * x + i);
                  double[] u = new double[w.length];
                  java.util.Arrays.setAll(u, C::scaled);
                  double s = 0;
                  for (int i = 0; i < v.length; i++) {
                    s += Math.sin(v[i]) * u[i] * x;
                  }
                  return s;
                }

                static double scaled(int i) {
                  return 0.5 * i + 1;
                }

                @Differentiable(forward = true)
                static double intoParameter(double x, double[] w) {
                  java.util.Arrays.setAll(w, i -> {
                    double t = w[i] * x;
                    return t * t + i;
                  });
                  return w[0] + 2 * w[w.length - 1];
                }

                @Differentiable(forward = true)
                static double references(double a, double b) {
                  Point p = new Point(a, b);
                  DoubleSupplier n = p::norm;
                  DoubleUnaryOperator g = p::along;
                  PointFn norm = Point::norm;
                  return n.getAsDouble() + midpoint(g, 0, 1, 5) + norm.of(p) + twice(Point::norm, p);
                }
              }
              """,
              "p.Scaler",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.function.DoubleUnaryOperator;

              class Scaler {
                double k;

                Scaler(double k) {
                  this.k = k;
                }

                double f(double v) {
                  return k * v * v;
                }

                static double apply(DoubleUnaryOperator f, double v) {
                  return f.applyAsDouble(v) + 1;
                }

                @Differentiable(forward = true)
                double total(double x) {
                  DoubleUnaryOperator g = this::f;
                  return apply(this::f, x) + g.applyAsDouble(2 * x);
                }
              }
              """));

  @Test
  void lambdasInStaticFinalFields() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(3);
    for (double x : new double[] {-0.8, 0.4, 1.7}) {
      for (double y : new double[] {-0.3, 0.9}) {
        GradCheck.check(C, "fields", x, y);
        JvpCheck.check(C, "p.C", "p.CGrad", "fields", new Object[] {x, y}, r, 2);
      }
    }
    // Closed form of the first term's x derivative, the rest held fixed: checked through the
    // Hessian's symmetry and against differences of the gradient.
    double x = 0.6;
    double y = 0.2;
    double eps = 1e-5;
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "fieldsHessian", x, y));
    double[][] hess = (double[][]) h.get("hessian");
    assertEquals(hess[0][1], hess[1][0], 1e-9);
    double[] plus = gradient(x + eps, y);
    double[] minus = gradient(x - eps, y);
    assertEquals((plus[0] - minus[0]) / (2 * eps), hess[0][0], 1e-5);
    assertEquals((plus[1] - minus[1]) / (2 * eps), hess[1][0], 1e-5);
  }

  @Test
  void arraysSetAllRunsAsItsLoop() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(5);
    for (double x : new double[] {-0.8, 0.4, 1.7}) {
      double[] w = {0.3, -1.1, 0.8};
      GradCheck.check(C, "filled", x, w.clone());
      JvpCheck.check(C, "p.C", "p.CGrad", "filled", new Object[] {x, w.clone()}, r, 2);
      GradCheck.check(C, "intoParameter", x, w.clone());
      JvpCheck.check(C, "p.C", "p.CGrad", "intoParameter", new Object[] {x, w.clone()}, r, 2);
      // the Hessian is symmetric, and its x row the difference of gradients
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "filledHessian", x, w.clone())).get("hessian");
      double eps = 1e-5;
      double[] gp = (double[]) Compiled.components(C.call("p.CGrad", "filled", x + eps, w.clone())).get("w");
      double[] gm = (double[]) Compiled.components(C.call("p.CGrad", "filled", x - eps, w.clone())).get("w");
      for (int j = 0; j < w.length; j++) {
        assertEquals(h[0][j + 1], h[j + 1][0], 1e-9);
        assertEquals((gp[j] - gm[j]) / (2 * eps), h[j + 1][0], 1e-5);
      }
    }
  }

  private static double[] gradient(double x, double y) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "fields", x, y));
    return new double[] {(double) g.get("x"), (double) g.get("y")};
  }

  @Test
  void referencesToMethodsOfRecordsAndObjects() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(4);
    for (double a : new double[] {-1.2, 0.5, 2.0}) {
      GradCheck.check(C, "references", a, 0.7);
      JvpCheck.check(C, "p.C", "p.CGrad", "references", new Object[] {a, 0.7}, r, 2);
      // total = k x^2 + 1 + 4 k x^2: d/dx = 10 k x, d/dk = 5 x^2
      Object scaler = newScaler(1.5);
      Map<String, Object> g = Compiled.components(C.call("p.ScalerGrad", "total", scaler, a));
      assertEquals(10 * 1.5 * a, (double) g.get("x"), 1e-12);
      assertEquals(5 * a * a, (double) Compiled.components(g.get("self")).get("k"), 1e-12);
      assertEquals(5 * 1.5 * a * a + 1, (double) g.get("value"), 1e-12);
    }
  }

  private static Object newScaler(double k) {
    try {
      var ctor = C.loadClass("p.Scaler").getDeclaredConstructor(double.class);
      ctor.setAccessible(true);
      return ctor.newInstance(k);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
