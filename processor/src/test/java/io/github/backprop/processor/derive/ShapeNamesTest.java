package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shape checks of the accumulate overload of a method over objects and arrays of records
 * name what the user wrote, {@code self.layers[1].w}, not the flattened parameter it became.
 */
class ShapeNamesTest {
  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                record Layer(double[][] w, double[] b) {}

                final Layer[] layers;

                C(Layer[] layers) {
                  this.layers = layers;
                }

                @Differentiable(wrt = "this")
                double loss(double[] x) {
                  double s = 0;
                  for (Layer l : layers) {
                    for (int k = 0; k < l.b().length; k++) {
                      double z = l.b()[k];
                      for (int i = 0; i < x.length; i++) {
                        z += l.w()[k][i] * x[i];
                      }
                      s += Math.tanh(z);
                    }
                  }
                  return s;
                }
              }
              """));

  private static Object layers(Compiled c, String type, double[][][] w, double[][] b) throws Exception {
    Class<?> layer = c.loadClass(type.equals("p.C") ? "p.C$Layer" : "p.CGrad$LayerTangent");
    Object array = Array.newInstance(layer, w.length);
    var make = layer.getDeclaredConstructor(double[][].class, double[].class);
    make.setAccessible(true);
    for (int i = 0; i < w.length; i++) {
      Array.set(array, i, make.newInstance(w[i], b[i]));
    }
    return array;
  }

  private static Throwable thrownByAccumulate(double[][][] dw, double[][] db) throws Exception {
    double[][][] w = {{{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}, {{0.7, -0.1, 0.2}, {0.3, 0.1, -0.5}}};
    double[][] b = {{0.1, -0.2}, {0.3, 0.05}};
    var make = C.loadClass("p.C").getDeclaredConstructor(C.loadClass("p.C$Layer").arrayType());
    make.setAccessible(true);
    Object self = make.newInstance(layers(C, "p.C", w, b));
    Class<?> tangent = C.loadClass("p.CGrad$CTangent");
    Object d = tangent.getDeclaredConstructors()[0].newInstance(layers(C, "p.CGrad", dw, db));
    Method add = C.loadClass("p.CGrad").getDeclaredMethod("loss", C.loadClass("p.C"), double[].class, tangent);
    return assertThrows(Throwable.class, () -> {
      try {
        add.invoke(null, self, new double[] {1, -0.5, 0.25}, d);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  /**
   * Regression shapeErrorsNamedTheFlattenedSelfLayersW: a tangent record of the wrong shape was
   * reported as 'the gradient array for self_layers_w[1] ...', a name the user never wrote.
   */
  @Test
  void shapeErrorsNamedTheFlattenedSelfLayersW() throws Exception {
    assertTrue(C.succeeded(), C.diagnostics());
    Throwable row = thrownByAccumulate(
        new double[][][] {{{0, 0, 0}, {0, 0, 0}}, {{0, 0, 0}, {0, 0}}}, new double[][] {{0, 0}, {0, 0}});
    assertInstanceOf(IllegalArgumentException.class, row, row.toString());
    assertEquals("row 1 of the gradient array for self.layers[1].w has length 2, but self.layers[1].w[1] has length 3",
        row.getMessage());
    Throwable rows = thrownByAccumulate(
        new double[][][] {{{0, 0, 0}, {0, 0, 0}}, {{0, 0, 0}}}, new double[][] {{0, 0}, {0, 0}});
    assertEquals("the gradient array for self.layers[1].w has length 1, but self.layers[1].w has length 2", rows.getMessage());
    Throwable b = thrownByAccumulate(
        new double[][][] {{{0, 0, 0}, {0, 0, 0}}, {{0, 0, 0}, {0, 0, 0}}}, new double[][] {{0, 0, 0}, {0, 0}});
    assertEquals("the gradient array for self.layers[0].b has length 3, but self.layers[0].b has length 2", b.getMessage());
  }
}
