package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An object of a concrete class whose superclass is abstract holds the superclass's fields too,
 * and runs its methods in place: {@code Circle extends Shape}, {@code scaledArea()} of {@code
 * Shape} calling the abstract {@code area()} that {@code Circle} implements, known statically
 * as the object's class is {@code Circle}. A subclass of a concrete class reads its superclass's
 * array field the same way.
 */
class AbstractSuperclassTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Shape",
              """
              package p;

              abstract class Shape {
                double scale;

                abstract double area();

                double scaledArea() {
                  return scale * area();
                }
              }
              """,
              "p.Circle",
              """
              package p;

              import io.github.backprop.Differentiable;

              final class Circle extends Shape {
                double r;

                Circle(double scale, double r) {
                  this.scale = scale;
                  this.r = r;
                }

                @Override
                double area() {
                  return Math.PI * r * r;
                }

                @Differentiable(forward = true, hessian = true)
                double cost(double k) {
                  return k * scaledArea() + scale * r;
                }
              }
              """,
              "p.Base",
              """
              package p;

              class Base {
                double[] w;
                double bias;
              }
              """,
              "p.Model",
              """
              package p;

              import io.github.backprop.Differentiable;

              final class Model extends Base {
                Model(double[] w, double bias) {
                  this.w = w;
                  this.bias = bias;
                }

                double predict(double[] x) {
                  double s = bias;
                  for (int i = 0; i < w.length; i++) {
                    s += w[i] * x[i];
                  }
                  return Math.tanh(s);
                }

                @Differentiable
                double loss(double[] x, double y) {
                  double e = predict(x) - y;
                  return e * e;
                }
              }
              """,
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                @Differentiable(forward = true, hessian = true)
                static double viaCircle(Circle c, double k) {
                  return c.scaledArea() * k + c.scale;
                }
              }
              """));

  private static final double[][] POINTS = {{0.7, 1.3, -0.4}, {2.0, 0.25, 1.5}, {-1.1, 0.6, 0.9}};

  @Test
  void aSubclassMethodReadsTheAbstractSuperclassFieldAndRunsItsMethods() throws Exception {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] z : POINTS) {
      double scale = z[0];
      double r = z[1];
      double k = z[2];
      Object circle = make("p.Circle", scale, r);
      Map<String, Object> g = Compiled.components(C.call("p.CircleGrad", "cost", circle, k));
      Map<String, Object> self = Compiled.components(g.get("self"));
      assertEquals(List.of("scale", "r"), List.copyOf(self.keySet()), "CircleTangent: Shape's field first");
      assertEquals(k * scale * Math.PI * r * r + scale * r, (Double) g.get("value"), 1e-12);
      assertEquals(k * Math.PI * r * r + r, (Double) self.get("scale"), 1e-12);
      assertEquals(2 * k * Math.PI * scale * r + scale, (Double) self.get("r"), 1e-12);
      assertEquals(scale * Math.PI * r * r, (Double) g.get("k"), 1e-12);

      // Exact Hessian over (scale, r, k), and the Jvp along (1, -2, 3).
      double[][] h = {
        {0, 2 * k * Math.PI * r + 1, Math.PI * r * r},
        {2 * k * Math.PI * r + 1, 2 * k * Math.PI * scale, 2 * Math.PI * scale * r},
        {Math.PI * r * r, 2 * Math.PI * scale * r, 0}
      };
      double[][] hessian = (double[][]) Compiled.components(C.call("p.CircleGrad", "costHessian", circle, k)).get("hessian");
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(h[i][j], hessian[i][j], 1e-10, "H[" + i + "][" + j + "]");
        }
      }
      Object dir = C.loadClass("p.CircleGrad$CircleTangent").getDeclaredConstructors()[0].newInstance(1.0, -2.0);
      double jvp = (Double) Compiled.components(C.call("p.CircleGrad", "costJvp", circle, k, dir, 3.0)).get("tangent");
      assertEquals((Double) self.get("scale") - 2 * (Double) self.get("r") + 3 * (Double) g.get("k"), jvp, 1e-12);
    }
  }

  @Test
  void aCircleParameterOfAStaticMethodRunsTheInheritedMethod() throws Exception {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] z : POINTS) {
      Object circle = make("p.Circle", z[0], z[1]);
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "viaCircle", circle, z[2]));
      Map<String, Object> c = Compiled.components(g.get("c"));
      double area = Math.PI * z[1] * z[1];
      assertEquals(area * z[2] + 1, (Double) c.get("scale"), 1e-12);
      assertEquals(2 * Math.PI * z[0] * z[1] * z[2], (Double) c.get("r"), 1e-12);
      assertEquals(z[0] * area, (Double) g.get("k"), 1e-12);
      double[][] hessian = (double[][]) Compiled.components(C.call("p.CGrad", "viaCircleHessian", circle, z[2])).get("hessian");
      assertEquals(2 * Math.PI * z[1] * z[2], hessian[0][1], 1e-10);
      assertEquals(area, hessian[0][2], 1e-10);
    }
  }

  @Test
  void aSubclassOfAConcreteClassReadsItsArrayField() throws Exception {
    assertTrue(C.succeeded(), C.diagnostics());
    double[][] ws = {{0.3, -0.5}, {1.2, 0.1}, {-0.7, 0.4}};
    double[] x = {0.9, -1.4};
    for (double[] w : ws) {
      double bias = w[0] - w[1];
      double y = 0.2;
      Map<String, Object> g = Compiled.components(C.call("p.ModelGrad", "loss", model(w, bias), x, y));
      Map<String, Object> self = Compiled.components(g.get("self"));
      double[] gw = (double[]) self.get("w");
      double[] z = {w[0], w[1], bias};
      for (int i = 0; i < 3; i++) {
        double h = 1e-5;
        double[] plus = z.clone();
        double[] minus = z.clone();
        plus[i] += h;
        minus[i] -= h;
        double fd = (loss(plus, x, y) - loss(minus, x, y)) / (2 * h);
        double analytic = i < 2 ? gw[i] : (Double) self.get("bias");
        assertEquals(fd, analytic, 1e-7 * Math.max(1, Math.abs(fd)), "coordinate " + i);
      }
    }
  }

  private static double loss(double[] z, double[] x, double y) throws Exception {
    Object m = model(new double[] {z[0], z[1]}, z[2]);
    Method loss = m.getClass().getDeclaredMethod("loss", double[].class, double.class);
    loss.setAccessible(true);
    return (Double) loss.invoke(m, x, y);
  }

  private static Object make(String cls, Object... args) throws Exception {
    var k = C.loadClass(cls).getDeclaredConstructors()[0];
    k.setAccessible(true);
    return k.newInstance(args);
  }

  private static Object model(double[] w, double bias) throws Exception {
    Object m = make("p.Model", w.clone(), bias);
    Field f = C.loadClass("p.Base").getDeclaredField("bias");
    f.setAccessible(true);
    assertEquals(bias, f.getDouble(m), 0.0);
    return m;
  }
}
