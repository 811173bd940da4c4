package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A loss over records of data, {@code Sample[]} or {@code List<Sample>}: the records are read
 * through their accessors without derivative, and the gradient is with respect to the model.
 */
class RecordDataTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.List;

              class C {
                record Features(double x, double z) {}

                record Sample(Features f, double y, double weight) {}

                static double predict(double[] w, Sample s) {
                  return w[0] * s.f().x() + w[1] * Math.sin(s.f().z()) + w[2];
                }

                @Differentiable(wrt = "w")
                static double mse(double[] w, Sample[] data) {
                  double sum = 0;
                  for (Sample s : data) {
                    double r = predict(w, s) - s.y();
                    sum += s.weight() * r * r;
                  }
                  return sum / data.length;
                }

                @Differentiable
                static double listLoss(double[] w, double lambda, List<Sample> data) {
                  double sum = 0;
                  for (Sample s : data) {
                    double r = predict(w, s) - s.y();
                    sum += Math.log1p(r * r);
                  }
                  double first = data.isEmpty() ? 0 : data.get(0).f().x();
                  return sum / data.size() + lambda * (w[0] * w[0] + w[1] * w[1]) + first * w[2];
                }

                @Differentiable(hessian = true)
                static double quartic(double[] w, Sample[] data) {
                  double s = 0;
                  for (Sample d : data) {
                    double r = w[0] * d.f().x() * d.f().x() + w[1] - d.y();
                    s += r * r;
                  }
                  return s;
                }

                record Row(double[] x, double y) {}

                @Differentiable(wrt = "w")
                static double linear(double[] w, List<Row> rows) {
                  double s = 0;
                  for (Row r : rows) {
                    double[] x = r.x();
                    double p = 0;
                    for (int j = 0; j < x.length; j++) {
                      p += w[j] * x[j];
                    }
                    double e = Math.tanh(p) - r.y();
                    s += e * e * r.x().length;
                  }
                  return s;
                }

                @Differentiable(forward = true)
                static double indexed(double[] w, Sample[] data) {
                  double sum = 0;
                  for (int i = 0; i < data.length; i++) {
                    Sample s = data[i];
                    Features f = s.f();
                    sum += Math.exp(-w[0] * f.x()) * data[i].weight() + w[1] * f.z();
                  }
                  return sum;
                }
              }
              """));

  private static Object[] samples(Random random, int n) {
    try {
      Constructor<?> features = C.loadClass("p.C$Features").getDeclaredConstructors()[0];
      Constructor<?> sample = C.loadClass("p.C$Sample").getDeclaredConstructors()[0];
      features.setAccessible(true);
      sample.setAccessible(true);
      Object[] out = (Object[]) Array.newInstance(C.loadClass("p.C$Sample"), n);
      for (int i = 0; i < n; i++) {
        out[i] = sample.newInstance(features.newInstance(random.nextGaussian(), random.nextGaussian()), random.nextGaussian(), 0.5 + random.nextDouble());
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void lossOverAnArrayOfRecords() {
    Random random = new Random(11);
    for (int trial = 0; trial < 3; trial++) {
      Object data = samples(random, 5 + trial);
      double[] w = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      Map<String, Object> g = GradCheck.check(C, "mse", w, data);
      assertEquals(List.of("value", "w"), List.copyOf(g.keySet()));
    }
  }

  @Test
  void lossOverAListOfRecords() {
    Random random = new Random(12);
    for (int trial = 0; trial < 3; trial++) {
      List<Object> data = List.of(samples(random, 4 + trial));
      double[] w = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      GradCheck.check(C, "listLoss", w, 0.1 * (trial + 1), data);
    }
  }

  @Test
  void secondOrderOverRecordsOfData() {
    Random random = new Random(16);
    Object[] data = samples(random, 4);
    double h00 = 0;
    double h01 = 0;
    for (Object s : data) {
      Map<String, Object> sample = Compiled.components(s);
      double x = (Double) Compiled.components(sample.get("f")).get("x");
      h00 += 2 * x * x * x * x;
      h01 += 2 * x * x;
    }
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "quarticHessian", new double[] {0.3, -0.2}, data)).get("hessian");
    assertEquals(h00, h[0][0], 1e-12 * Math.max(1, h00));
    assertEquals(h01, h[0][1], 1e-12 * Math.max(1, h01));
    assertEquals(h01, h[1][0], 1e-12 * Math.max(1, h01));
    assertEquals(2.0 * data.length, h[1][1], 1e-12);
  }

  @Test
  void arrayComponentsOfRecordsOfData() throws Exception {
    Constructor<?> row = C.loadClass("p.C$Row").getDeclaredConstructors()[0];
    row.setAccessible(true);
    Random random = new Random(15);
    for (int trial = 0; trial < 3; trial++) {
      List<Object> rows = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rows.add(row.newInstance(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()}, random.nextGaussian()));
      }
      double[] w = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      GradCheck.check(C, "linear", w, rows);
    }
  }

  @Test
  void indexedReadsAndForwardMode() {
    Random random = new Random(13);
    for (int trial = 0; trial < 3; trial++) {
      Object data = samples(random, 3 + trial);
      double[] w = {0.3 * random.nextGaussian(), random.nextGaussian()};
      GradCheck.check(C, "indexed", w, data);
      io.github.backprop.processor.testing.JvpCheck.check(C, "p.C", "p.CGrad", "indexed", new Object[] {w, data}, random, 3);
    }
  }

  @Test
  void accumulateOverloadAddsIntoTheCallersArray() {
    Random random = new Random(14);
    Object data = samples(random, 6);
    double[] w = {0.4, -0.3, 0.2};
    double[] g = (double[]) Compiled.components(C.call("p.CGrad", "mse", w, data)).get("w");
    double[] into = {1, 2, 3};
    double value = (Double) C.call("p.CGrad", "mse", w, data, into);
    assertEquals((Double) C.call("p.C", "mse", w, data), value, 0.0);
    assertArrayEquals(new double[] {1 + g[0], 2 + g[1], 3 + g[2]}, into, 1e-15);
    assertTrue(C.source("p.CGrad").contains("public static double mse(double[] w, C.Sample[] data, double[] _d_w)"), C.source("p.CGrad"));
  }
}
