package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arrays and lists of records that hold arrays, the shape of a neural network's layers ({@code
 * record Layer(double[][] w, double[] b)}): as a parameter named in wrt, as a field of a model
 * class ({@code Layer[] layers}, {@code List<Layer> layers}), and inside records in such an array.
 * Each is held as the elements' own arrays, one array of them per component, and its gradient is
 * a {@code LayerTangent[]} of the same shape. Gradients against central differences of the
 * methods themselves at several points, forward mode against the gradient, the Hessian-vector
 * product against differences of the gradient.
 */
class LayerArraysTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Layer",
              """
              package p;

              record Layer(double[][] w, double[] b) {
                double[] apply(double[] x) {
                  double[] out = new double[b.length];
                  for (int k = 0; k < b.length; k++) {
                    double s = b[k];
                    for (int i = 0; i < x.length; i++) {
                      s += w[k][i] * x[i];
                    }
                    out[k] = Math.tanh(s);
                  }
                  return out;
                }
              }
              """,
              "p.Block",
              """
              package p;

              record Block(Layer layer, double[] scale, double gain, int id) {}
              """,
              "p.Net",
              """
              package p;

              import io.github.backprop.Differentiable;

              final class Net {
                @Differentiable(wrt = "layers", forward = true, hessian = true)
                static double loss(Layer[] layers, double[] x, double y) {
                  double[] h = x;
                  for (Layer l : layers) {
                    h = l.apply(h);
                  }
                  double e = h[0] + h[1] - y;
                  return e * e;
                }

                @Differentiable(wrt = "layers")
                static double ends(Layer[] layers, double x) {
                  int k = 0;
                  Layer first = layers[k];
                  k = layers.length - 1;
                  Layer last = layers[k];
                  return first.b()[1] * last.w()[1][2] * x + layers[0].w()[2][1] * first.w().length;
                }

                static double norm(Layer l) {
                  double s = 0;
                  for (double[] r : l.w()) {
                    for (double v : r) {
                      s += v * v;
                    }
                  }
                  return s + l.b()[0];
                }

                @Differentiable(wrt = "layers", forward = true)
                static double rows(Layer[] layers, double x) {
                  double[] row = layers[1].w()[0];
                  double s = row[1] * x;
                  for (int i = 0; i < layers.length; i++) {
                    s += norm(layers[i]) * Math.sin(x * i);
                  }
                  for (Layer l : layers) {
                    if (l.b().length > 2) {
                      s += l.b()[2] * l.b()[1];
                    }
                  }
                  return s;
                }

                @Differentiable(wrt = "blocks", forward = true)
                static double scaled(Block[] blocks, double[] x) {
                  double s = 0;
                  for (Block b : blocks) {
                    double[] y = b.layer().apply(x);
                    for (int i = 0; i < y.length; i++) {
                      s += b.gain() * b.scale()[i] * Math.sin(y[i]) + b.id();
                    }
                  }
                  return s;
                }
              }
              """,
              "p.Mlp",
              """
              package p;

              import io.github.backprop.Differentiable;

              final class Mlp {
                final Layer[] layers;

                Mlp(Layer[] layers) {
                  this.layers = layers;
                }

                @Differentiable(forward = true)
                double loss(double[] x, double y) {
                  double[] h = x;
                  for (int i = 0; i < layers.length; i++) {
                    h = layers[i].apply(h);
                  }
                  double e = h[0] - h[1] * y;
                  return e * e;
                }

                @Differentiable(wrt = "this", forward = true)
                double[] spread(double x) {
                  double[] out = new double[12];
                  for (int j = 0; j < out.length; j++) {
                    double s = x * j;
                    for (Layer l : layers) {
                      s = Math.sin(l.w()[0][0] * s + l.b()[0]);
                    }
                    out[j] = s;
                  }
                  return out;
                }

                @Differentiable(forward = true)
                double[] logits(double[] x) {
                  double[] h = x;
                  for (Layer l : layers) {
                    h = l.apply(h);
                  }
                  return h;
                }
              }
              """,
              "p.ListMlp",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.List;

              final class ListMlp {
                final List<Layer> layers;

                ListMlp(List<Layer> layers) {
                  this.layers = layers;
                }

                @Differentiable(wrt = "this", hessian = true)
                double loss(double[] x, double y) {
                  double[] h = x;
                  for (Layer l : layers) {
                    h = l.apply(h);
                  }
                  double e = h[0] - h[1] * y + layers.get(layers.size() - 1).b()[0];
                  return e * e;
                }
              }
              """));

  /** Layer i maps SIZES[i] inputs to SIZES[i + 1] outputs. */
  private static final int[] SIZES = {3, 4, 2};

  /** The number of weights: each layer's w row by row, then its b. */
  private static final int WEIGHTS = 4 * 3 + 4 + 2 * 4 + 2;

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
    String net = C.source("p.NetGrad");
    assertTrue(net.contains("public record LayerTangent(double[][] w, double[] b)"), net);
    assertTrue(net.contains("public record BlockTangent(LayerTangent layer, double[] scale, double gain)"), net);
    assertTrue(net.contains("public static LossJvp lossJvp(Layer[] layers, double[] x, double y, LayerTangent[] _t_layers)"), net);
    String mlp = C.source("p.MlpGrad");
    assertTrue(mlp.contains("public record MlpTangent(LayerTangent[] layers)"), mlp);
    // The element's arrays are read in place (layers_w[i]), so their adjoints are the rows of the array's.
    assertFalse(mlp.contains("Adjoint.zerosLike(self_layers_w[i])"), mlp);
    assertTrue(C.source("p.ListMlpGrad").contains("public record ListMlpTangent(LayerTangent[] layers)"));
  }

  /** The layers z holds, layer by layer: w row by row, then b. */
  private static Object layers(double[] z) {
    Object out = Array.newInstance(C.loadClass("p.Layer"), SIZES.length - 1);
    int at = 0;
    for (int l = 0; l + 1 < SIZES.length; l++) {
      double[][] w = new double[SIZES[l + 1]][SIZES[l]];
      for (double[] row : w) {
        System.arraycopy(z, at, row, 0, row.length);
        at += row.length;
      }
      double[] b = Arrays.copyOfRange(z, at, at + SIZES[l + 1]);
      at += b.length;
      Array.set(out, l, construct("p.Layer", w, b));
    }
    return out;
  }

  /** Two blocks: each its layer (3 to 2), its scale (2), its gain, and an id. */
  private static Object blocks(double[] z) {
    Object out = Array.newInstance(C.loadClass("p.Block"), 2);
    for (int q = 0; q < 2; q++) {
      int at = q * 11;
      double[][] w = {Arrays.copyOfRange(z, at, at + 3), Arrays.copyOfRange(z, at + 3, at + 6)};
      Object layer = construct("p.Layer", w, Arrays.copyOfRange(z, at + 6, at + 8));
      Array.set(out, q, construct("p.Block", layer, Arrays.copyOfRange(z, at + 8, at + 10), z[at + 10], q + 7));
    }
    return out;
  }

  private interface Primal {
    double at(double[] z);
  }

  @Test
  void gradientsMatchFiniteDifferencesAtSeveralPoints() {
    Random random = new Random(71);
    for (int trial = 0; trial < 4; trial++) {
      double[] z = gaussian(random, WEIGHTS);
      double[] x = gaussian(random, 3);
      double y = random.nextGaussian();
      Map<String, Object> g = Compiled.components(C.call("p.NetGrad", "loss", layers(z), x, y));
      check("loss", z, flatten(g.get("layers")), v -> (double) C.call("p.Net", "loss", layers(v), x, y));
      assertEquals((double) C.call("p.Net", "loss", layers(z), x, y), (double) g.get("value"), 0.0);

      g = Compiled.components(C.call("p.NetGrad", "ends", layers(z), y));
      check("ends", z, flatten(g.get("layers")), v -> (double) C.call("p.Net", "ends", layers(v), y));

      g = Compiled.components(C.call("p.NetGrad", "rows", layers(z), y));
      check("rows", z, flatten(g.get("layers")), v -> (double) C.call("p.Net", "rows", layers(v), y));

      Object mlp = construct("p.Mlp", layers(z));
      g = Compiled.components(C.call("p.MlpGrad", "loss", mlp, x, y));
      check("Mlp.loss", z, flatten(Compiled.components(g.get("self")).get("layers")),
          v -> primal(construct("p.Mlp", layers(v)), x, y));
      check("Mlp.loss wrt x", x, (double[]) g.get("x"), v -> primal(mlp, v, y));

      g = Compiled.components(C.call("p.ListMlpGrad", "loss", construct("p.ListMlp", List.of((Object[]) layers(z))), x, y));
      check("ListMlp.loss", z, flatten(Compiled.components(g.get("self")).get("layers")),
          v -> primal(construct("p.ListMlp", List.of((Object[]) layers(v))), x, y));

      double[] b = gaussian(random, 22);
      g = Compiled.components(C.call("p.NetGrad", "scaled", blocks(b), x));
      check("scaled", b, flatten(g.get("blocks")), v -> (double) C.call("p.Net", "scaled", blocks(v), x));
    }
  }

  /** A model's loss, called on the object itself. */
  private static double primal(Object model, double[] x, double y) {
    try {
      java.lang.reflect.Method m = model.getClass().getDeclaredMethod("loss", double[].class, double.class);
      m.setAccessible(true);
      return (double) m.invoke(model, x, y);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Where the layers are all that is differentiated, the gradient is added into LayerTangent arrays the caller owns. */
  @Test
  void theAccumulateOverloadAddsIntoTheCallersTangents() {
    String net = C.source("p.NetGrad");
    assertTrue(net.contains("public static double loss(Layer[] layers, double[] x, double y, LayerTangent[] _d_layers)"), net);
    assertTrue(C.source("p.ListMlpGrad").contains("public static double loss(ListMlp self, double[] x, double y, ListMlpTangent _d_self)"));
    // A model whose loss also differentiates x and y has no such overload, as for a double parameter.
    assertFalse(C.source("p.MlpGrad").contains("MlpTangent _d_self)"));
    Random random = new Random(76);
    double[] z = gaussian(random, WEIGHTS);
    Object sum = tangents("p.NetGrad$LayerTangent", new double[WEIGHTS]);
    Object listSum = construct("p.ListMlpGrad$ListMlpTangent", tangents("p.ListMlpGrad$LayerTangent", new double[WEIGHTS]));
    double[] expected = new double[WEIGHTS];
    double[] listExpected = new double[WEIGHTS];
    for (int sample = 0; sample < 3; sample++) {
      double[] x = gaussian(random, 3);
      double y = random.nextGaussian();
      double value = (double) C.call("p.NetGrad", "loss", layers(z), x, y, sum);
      assertEquals((double) C.call("p.Net", "loss", layers(z), x, y), value, 0.0);
      double[] g = gradient(z, x, y);
      double[] lg = listGradient(z, x, y);
      for (int k = 0; k < WEIGHTS; k++) {
        expected[k] += g[k];
        listExpected[k] += lg[k];
      }
      assertEquals(primal(listed(z), x, y), (double) C.call("p.ListMlpGrad", "loss", listed(z), x, y, listSum), 0.0);
    }
    double[] added = flatten(sum);
    double[] listAdded = flatten(Compiled.components(listSum).get("layers"));
    for (int k = 0; k < WEIGHTS; k++) {
      assertEquals(expected[k], added[k], 1e-12 * Math.max(1, Math.abs(expected[k])), "sum " + k);
      assertEquals(listExpected[k], listAdded[k], 1e-12 * Math.max(1, Math.abs(listExpected[k])), "list sum " + k);
    }
  }

  @Test
  void forwardModeIsTheGradientAlongTheDirection() {
    Random random = new Random(72);
    for (int trial = 0; trial < 3; trial++) {
      double[] z = gaussian(random, WEIGHTS);
      double[] v = gaussian(random, WEIGHTS);
      double[] x = gaussian(random, 3);
      double y = random.nextGaussian();
      double[] g = flatten(Compiled.components(C.call("p.NetGrad", "loss", layers(z), x, y)).get("layers"));
      Object tangent = tangents("p.NetGrad$LayerTangent", v);
      Map<String, Object> jvp = Compiled.components(C.call("p.NetGrad", "lossJvp", layers(z), x, y, tangent));
      assertEquals(dot(g, v), (double) jvp.get("tangent"), 1e-12 * Math.max(1, Math.abs(dot(g, v))));

      Object mlp = construct("p.Mlp", layers(z));
      Map<String, Object> mg = Compiled.components(C.call("p.MlpGrad", "loss", mlp, x, y));
      double[] tx = gaussian(random, 3);
      double ty = random.nextGaussian();
      double expected = dot(flatten(Compiled.components(mg.get("self")).get("layers")), v) + dot((double[]) mg.get("x"), tx)
          + ty * (double) mg.get("y");
      Object self = construct("p.MlpGrad$MlpTangent", tangents("p.MlpGrad$LayerTangent", v));
      jvp = Compiled.components(C.call("p.MlpGrad", "lossJvp", mlp, x, y, self, tx, ty));
      assertEquals(expected, (double) jvp.get("tangent"), 1e-12 * Math.max(1, Math.abs(expected)));
    }
  }

  @Test
  void hessianVectorProductsMatchDifferencesOfTheGradient() {
    Random random = new Random(73);
    for (int trial = 0; trial < 3; trial++) {
      double[] z = gaussian(random, WEIGHTS);
      double[] v = gaussian(random, WEIGHTS);
      double[] x = gaussian(random, 3);
      double y = random.nextGaussian();
      Map<String, Object> r = Compiled.components(
          C.call("p.NetGrad", "lossHvp", layers(z), x, y, tangents("p.NetGrad$LayerTangent", v)));
      double h = 1e-3;
      double[] expected = new double[WEIGHTS];
      for (int k = 0; k < WEIGHTS; k++) {
        double wide = (gradient(axpy(z, h, v), x, y)[k] - gradient(axpy(z, -h, v), x, y)[k]) / (2 * h);
        double narrow = (gradient(axpy(z, h / 2, v), x, y)[k] - gradient(axpy(z, -h / 2, v), x, y)[k]) / h;
        expected[k] = (4 * narrow - wide) / 3;
      }
      // lossHvp flattens component by component: every layer's w, then every layer's b.
      double[] hvp = (double[]) r.get("hvp");
      double[] gradient = (double[]) r.get("gradient");
      double[] own = gradient(z, x, y);
      int[] order = componentOrder();
      for (int k = 0; k < WEIGHTS; k++) {
        assertEquals(own[order[k]], gradient[k], 1e-12 * Math.max(1, Math.abs(own[order[k]])), "gradient " + k);
        assertEquals(expected[order[k]], hvp[k], 1e-6 * Math.max(1, Math.abs(expected[order[k]])), "hvp " + k);
      }
      double[][] hessian = (double[][]) Compiled.components(C.call("p.NetGrad", "lossHessian", layers(z), x, y)).get("hessian");
      assertEquals(WEIGHTS, hessian.length);
      for (int k = 0; k < WEIGHTS; k++) {
        double hv = 0;
        for (int q = 0; q < WEIGHTS; q++) {
          hv += hessian[k][q] * v[order[q]];
          assertEquals(hessian[k][q], hessian[q][k], 1e-10, "symmetry");
        }
        assertEquals(hvp[k], hv, 1e-10 * Math.max(1, Math.abs(hv)), "row " + k);
      }
    }
  }

  @Test
  void jacobianColumnsAreTheFieldsComponentByComponentThenTheInput() {
    Random random = new Random(74);
    for (int trial = 0; trial < 2; trial++) {
      double[] z = gaussian(random, WEIGHTS);
      double[] x = gaussian(random, 3);
      Map<String, Object> r = Compiled.components(C.call("p.MlpGrad", "logitsJacobian", construct("p.Mlp", layers(z)), x));
      double[][] jacobian = (double[][]) r.get("jacobian");
      assertEquals(2, jacobian.length);
      int[] order = componentOrder();
      for (int out = 0; out < 2; out++) {
        assertEquals(WEIGHTS + 3, jacobian[out].length);
        int o = out;
        double[] row = new double[WEIGHTS];
        for (int k = 0; k < WEIGHTS; k++) {
          row[k] = jacobian[out][indexOf(order, k)];
        }
        check("logits[" + out + "]", z, row, v -> logits(construct("p.Mlp", layers(v)), x)[o]);
        check("logits[" + out + "] wrt x", x, Arrays.copyOfRange(jacobian[out], WEIGHTS, WEIGHTS + 3),
            v -> logits(construct("p.Mlp", layers(z)), v)[o]);
      }
      Map<String, Object> vjp = Compiled.components(C.call("p.MlpGrad", "logitsVjp", construct("p.Mlp", layers(z)), x, new double[] {1, 0}));
      double[] first = flatten(Compiled.components(vjp.get("self")).get("layers"));
      for (int k = 0; k < WEIGHTS; k++) {
        assertEquals(jacobian[0][indexOf(order, k)], first[k], 1e-12, "vjp " + k);
      }
    }
  }

  /** Fewer weights than outputs: the Jacobian column by column from the tangent method, matrix by matrix. */
  @Test
  void aJacobianWithFewerWeightsThanOutputsIsBuiltFromTheTangentMethod() {
    Random random = new Random(77);
    for (int trial = 0; trial < 2; trial++) {
      double[] z = gaussian(random, 4); // two 1-by-1 layers: w, b, w, b
      double x = 0.3 + random.nextDouble();
      Map<String, Object> r = Compiled.components(C.call("p.MlpGrad", "spreadJacobian", construct("p.Mlp", tiny(z)), x));
      double[][] jacobian = (double[][]) r.get("jacobian");
      assertEquals(12, jacobian.length);
      for (int out = 0; out < 12; out++) {
        int o = out;
        // columns: every layer's w, then every layer's b
        double[] row = {jacobian[out][0], jacobian[out][2], jacobian[out][1], jacobian[out][3]};
        check("spread[" + out + "]", z, row, v -> spread(construct("p.Mlp", tiny(v)), x)[o]);
      }
    }
  }

  private static double[] spread(Object model, double x) {
    try {
      java.lang.reflect.Method m = model.getClass().getDeclaredMethod("spread", double.class);
      m.setAccessible(true);
      return (double[]) m.invoke(model, x);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Layers of one input and one output each, z holding w and b of each in turn. */
  private static Object tiny(double[] z) {
    Object out = Array.newInstance(C.loadClass("p.Layer"), z.length / 2);
    for (int l = 0; l < z.length / 2; l++) {
      Array.set(out, l, construct("p.Layer", new double[][] {{z[2 * l]}}, new double[] {z[2 * l + 1]}));
    }
    return out;
  }

  private static int indexOf(int[] a, int v) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] == v) {
        return k;
      }
    }
    throw new AssertionError(v);
  }

  private static double[] logits(Object model, double[] x) {
    try {
      java.lang.reflect.Method m = model.getClass().getDeclaredMethod("logits", double[].class);
      m.setAccessible(true);
      return (double[]) m.invoke(model, (Object) x);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void secondOrderOfAListFieldFlattensItComponentByComponent() {
    Random random = new Random(75);
    for (int trial = 0; trial < 2; trial++) {
      double[] z = gaussian(random, WEIGHTS);
      double[] v = gaussian(random, WEIGHTS);
      double[] x = gaussian(random, 3);
      double y = random.nextGaussian();
      Object direction = construct("p.ListMlpGrad$ListMlpTangent", tangents("p.ListMlpGrad$LayerTangent", v));
      double[] hvp = (double[]) Compiled.components(C.call("p.ListMlpGrad", "lossHvp", listed(z), x, y, direction)).get("hvp");
      int[] order = componentOrder();
      double h = 1e-3;
      for (int k = 0; k < WEIGHTS; k++) {
        int q = order[k];
        double wide = (listGradient(axpy(z, h, v), x, y)[q] - listGradient(axpy(z, -h, v), x, y)[q]) / (2 * h);
        double narrow = (listGradient(axpy(z, h / 2, v), x, y)[q] - listGradient(axpy(z, -h / 2, v), x, y)[q]) / h;
        double expected = (4 * narrow - wide) / 3;
        assertEquals(expected, hvp[k], 1e-6 * Math.max(1, Math.abs(expected)), "hvp " + k);
      }
    }
  }

  private static Object listed(double[] z) {
    return construct("p.ListMlp", List.of((Object[]) layers(z)));
  }

  private static double[] listGradient(double[] z, double[] x, double y) {
    return flatten(Compiled.components(Compiled.components(C.call("p.ListMlpGrad", "loss", listed(z), x, y)).get("self")).get("layers"));
  }

  private static double[] gradient(double[] z, double[] x, double y) {
    return flatten(Compiled.components(C.call("p.NetGrad", "loss", layers(z), x, y)).get("layers"));
  }

  /** For each slot of the component-major flattening, its index in the layer-by-layer one. */
  private static int[] componentOrder() {
    List<Integer> ws = new ArrayList<>();
    List<Integer> bs = new ArrayList<>();
    int at = 0;
    for (int l = 0; l + 1 < SIZES.length; l++) {
      for (int q = 0; q < SIZES[l + 1] * SIZES[l]; q++) {
        ws.add(at++);
      }
      for (int q = 0; q < SIZES[l + 1]; q++) {
        bs.add(at++);
      }
    }
    ws.addAll(bs);
    return ws.stream().mapToInt(Integer::intValue).toArray();
  }

  /** LayerTangent[] shaped as the layers, holding v as z holds the weights. */
  private static Object tangents(String type, double[] v) {
    Object[] layers = (Object[]) layers(v);
    Object out = Array.newInstance(C.loadClass(type), layers.length);
    for (int l = 0; l < layers.length; l++) {
      Map<String, Object> c = Compiled.components(layers[l]);
      Array.set(out, l, construct(type, c.get("w"), c.get("b")));
    }
    return out;
  }

  private static void check(String name, double[] z, double[] gradient, Primal f) {
    assertEquals(z.length, gradient.length, name);
    for (int k = 0; k < z.length; k++) {
      double h = 1e-3;
      double d = (4 * central(f, z, k, h / 2) - central(f, z, k, h)) / 3;
      assertEquals(d, gradient[k], 1e-6 * Math.max(1, Math.abs(d)), name + " at " + Arrays.toString(z) + ": d/dz[" + k + "]");
    }
  }

  private static double central(Primal f, double[] z, int k, double h) {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    return (f.at(plus) - f.at(minus)) / (2 * h);
  }

  /** A tangent flattened element by element, each record's components in order, arrays row by row. */
  private static double[] flatten(Object tangent) {
    List<Double> out = new ArrayList<>();
    flatten(tangent, out);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void flatten(Object t, List<Double> out) {
    if (t instanceof Double d) {
      out.add(d);
    } else if (t instanceof double[] a) {
      Arrays.stream(a).forEach(out::add);
    } else if (t instanceof Object[] a) {
      for (Object e : a) {
        flatten(e, out);
      }
    } else {
      Compiled.components(t).values().forEach(c -> flatten(c, out));
    }
  }

  private static double[] axpy(double[] z, double h, double[] v) {
    double[] out = z.clone();
    for (int k = 0; k < z.length; k++) {
      out[k] += h * v[k];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static Object construct(String name, Object... args) {
    try {
      Constructor<?> k = C.loadClass(name).getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] gaussian(Random r, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextGaussian();
    }
    return out;
  }
}
