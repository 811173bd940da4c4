package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Objects of generic classes passed in as data, as users write them: {@code List<double[]>},
 * {@code Map<String, Double>}, {@code Collection}, {@code Iterable}, {@code Optional}, functions,
 * a generic class of the user's. What is read out of them carries no derivative, and the
 * gradients with respect to the double parameters are exact, in every mode.
 */
class GenericDataTest {
  static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;
      import java.util.*;
      import java.util.function.*;

      class C {
        static final class Dataset<T> {
          final List<T> items;

          Dataset(List<T> items) {
            this.items = items;
          }

          T get(int i) {
            return items.get(i);
          }

          int size() {
            return items.size();
          }
        }

        record Sample(double x, double y) {}

        static final class Model {
          final List<double[]> rows;
          final double scale;

          Model(List<double[]> rows, double scale) {
            this.rows = rows;
            this.scale = scale;
          }

          @Differentiable
          double loss(double[] w) {
            double s = 0;
            for (double[] r : rows) {
              double e = w[0] * r[0] + w[1] - r[1];
              s += e * e * scale;
            }
            return s;
          }
        }

        @Differentiable(forward = true, hessian = true)
        static double sse(double[] p, List<double[]> data) {
          double s = 0;
          for (double[] row : data) {
            double r = p[0] * Math.exp(-p[1] * row[0]) - row[1];
            s += r * r;
          }
          return s;
        }

        @Differentiable(forward = true, hessian = true)
        static double weighted(double x, Map<String, Double> w) {
          double s = 0;
          for (Map.Entry<String, Double> e : w.entrySet()) {
            s += e.getValue() * Math.sin(x * e.getKey().length());
          }
          return s + w.getOrDefault("bias", 0.0) * x + (w.containsKey("q") ? x * x : 0);
        }

        @Differentiable(forward = true, hessian = true)
        static double nested(double x, List<List<Double>> table, List<double[][]> blocks) {
          double s = 0;
          for (List<Double> row : table) {
            for (double v : row) {
              s += v * Math.sin(x * v);
            }
          }
          for (int b = 0; b < blocks.size(); b++) {
            s += blocks.get(b)[0][1] * x * x;
          }
          return s + table.get(0).get(0) * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double groups(double[] w, Map<String, double[]> features, Map<Integer, List<Double>> groups) {
          double s = 0;
          for (double[] f : features.values()) {
            s += w[0] * f[0] + w[1] * f[1] * f[1];
          }
          List<Double> g = groups.get(1);
          for (int i = 0; i < g.size(); i++) {
            s += g.get(i) * w[0] * w[1];
          }
          return s + features.get("a")[1] * w[1] * w[1];
        }

        @Differentiable(forward = true, hessian = true)
        static double kinds(double x, Set<String> names, Collection<Double> c, Iterable<double[]> it, Optional<Double> o) {
          double s = names.contains("a") ? x : 2 * x;
          for (double v : c) {
            s += v * x;
          }
          for (double[] r : it) {
            s += r[0] * x * x;
          }
          return s + o.orElse(1.5) * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double functions(double x, Function<String, Double> f, Supplier<double[]> s) {
          return f.apply("a") * x + s.get()[0] * x * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double wildcard(double x, List<? extends Number> xs) {
          double s = 0;
          for (Number n : xs) {
            s += n.doubleValue() * x * x;
          }
          return s;
        }

        @Differentiable(forward = true, hessian = true)
        static double dataset(double[] w, Dataset<double[]> d) {
          double s = 0;
          for (int i = 0; i < d.size(); i++) {
            double[] r = d.get(i);
            s += Math.log1p(Math.exp(w[0] * r[0] + w[1]));
          }
          return s;
        }

        @Differentiable(forward = true, hessian = true)
        static double iterated(double x, List<double[]> data) {
          Iterator<double[]> it = data.iterator();
          double s = 0;
          while (it.hasNext()) {
            double[] r = it.next();
            s += r[0] * Math.cos(x * r[1]);
          }
          var rows = data;
          if (!rows.isEmpty()) {
            s += rows.get(0)[0] * x;
          }
          return s;
        }

        @Differentiable(forward = true, hessian = true)
        static double bounded(double x, Map<String, ?> tags, List<? super Double> out) {
          return (tags.containsKey("twice") ? 2 * x * x : x * x) + out.size() * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double streams(double x, List<double[]> data, Map<String, Double> w, Set<Integer> ks) {
          double t = data.stream().mapToDouble(r -> r[0] * r[1]).sum();
          double u = w.values().stream().mapToDouble(Double::doubleValue).sum();
          double m = data.stream().filter(r -> r[0] > 0.75).mapToDouble(r -> Math.exp(r[1] * x)).max().orElse(0);
          long n = ks.stream().filter(k -> k > 1).count();
          return t * x + u * x * x + m + n * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double built(double x, List<double[]> data) {
          Map<String, Double> scale = new HashMap<>();
          scale.put("x", 2.0);
          List<double[]> kept = new ArrayList<>();
          for (double[] r : data) {
            if (r[0] > 0.75) {
              kept.add(r);
            }
          }
          double s = 0;
          for (double[] r : kept) {
            s += r[1] * x * x;
          }
          return s * scale.get("x");
        }

        @Differentiable(forward = true, hessian = true)
        static double records(double[] w, Map<String, Sample> byName, Set<Sample> extra, Map<String, Integer> counts) {
          double t = 0;
          for (Sample a : byName.values()) {
            t += w[0] * a.x() - a.y() * w[1] * w[1];
          }
          for (Sample b : extra) {
            t += Math.exp(w[1] * b.y());
          }
          Sample c = byName.get("k");
          return t + c.x() * w[0] * counts.get("a");
        }

        static double rowLoss(double[] w, List<double[]> rows, int i) {
          double[] r = rows.get(i);
          double e = w[0] * r[0] - r[1];
          return e * e;
        }

        @Differentiable(forward = true, hessian = true)
        static double helper(double[] w, List<double[]> rows) {
          double s = 0;
          for (int i = 0; i < rows.size(); i++) {
            s += rowLoss(w, rows, i);
          }
          return s;
        }
      }
      """;

  static final Compiled C = Compiled.compileAll(Map.of("p.C", SOURCE));

  static final List<double[]> DATA = List.of(new double[] {0.5, 1.9}, new double[] {1.0, 1.2}, new double[] {2.0, 0.45});

  static List<Object[]> points(String name) {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("ab", 0.7);
    w.put("abc", -1.25);
    w.put("bias", 0.4);
    Map<String, Double> noBias = new LinkedHashMap<>(Map.of("q", 2.0));
    Map<String, double[]> features = new LinkedHashMap<>();
    features.put("a", new double[] {1.5, -0.5});
    features.put("b", new double[] {0.25, 2.0});
    Map<Integer, List<Double>> groups = Map.of(1, List.of(0.5, -1.0, 3.0));
    List<List<Double>> table = List.of(List.of(0.5, 1.5), List.of(-2.0));
    List<double[][]> blocks = List.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0, -0.5}});
    Set<String> names = new LinkedHashSet<>(List.of("a", "b"));
    List<Double> c = new LinkedList<>(List.of(0.5, 2.5));
    Function<String, Double> f = s -> s.length() * 1.5;
    Supplier<double[]> s = () -> new double[] {0.75};
    List<Integer> ints = List.of(3, -1);
    return switch (name) {
      case "sse", "iterated", "built" -> List.of(
          new Object[] {name.equals("sse") ? new double[] {2.0, 0.7} : 0.3, DATA},
          new Object[] {name.equals("sse") ? new double[] {-1.0, 0.1} : -1.7, new ArrayList<>(DATA)},
          new Object[] {name.equals("sse") ? new double[] {0.5, -0.4} : 2.1, new LinkedList<>(DATA)});
      case "weighted" -> List.of(new Object[] {0.3, w}, new Object[] {-1.1, noBias});
      case "nested" -> List.of(new Object[] {0.4, table, blocks}, new Object[] {1.3, table, blocks});
      case "groups" -> List.of(new Object[] {new double[] {0.5, -1.5}, features, groups}, new Object[] {new double[] {2.0, 0.3}, features, groups});
      case "kinds" -> List.of(new Object[] {0.6, names, c, DATA, Optional.of(2.0)}, new Object[] {-0.9, Set.of("z"), c, DATA, Optional.empty()});
      case "bounded" -> List.of(new Object[] {0.6, Map.of("twice", "yes"), List.of(1.0)}, new Object[] {-1.2, Map.of(), new ArrayList<Number>()});
      case "streams" -> List.of(new Object[] {0.6, DATA, w, Set.of(1, 2, 5)}, new Object[] {-0.4, DATA, noBias, Set.of()});
      case "records" -> List.of(
          new Object[] {new double[] {0.5, -0.25}, Map.of("k", sample(1.5, -2.0), "j", sample(0.5, 3.0)), Set.of(sample(0.25, 0.75)), Map.of("a", 3)},
          new Object[] {new double[] {-1.0, 0.4}, Map.of("k", sample(-0.5, 1.0)), Set.of(), Map.of("a", -2)});
      case "functions" -> List.of(new Object[] {0.6, f, s}, new Object[] {-2.2, f, s});
      case "wildcard" -> List.of(new Object[] {0.6, ints}, new Object[] {-1.4, List.of(0.5, 2L)});
      case "dataset", "helper" -> List.of(new Object[] {new double[] {0.5, -0.25}, name.equals("helper") ? DATA : dataset(DATA)},
          new Object[] {new double[] {-1.0, 0.75}, name.equals("helper") ? DATA : dataset(DATA)});
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final List<String> NAMES = List.of("sse", "weighted", "nested", "groups", "kinds", "functions", "wildcard", "dataset", "iterated", "helper", "bounded", "streams", "built", "records");

  private static Object sample(double x, double y) {
    try {
      var k = C.loadClass("p.C$Sample").getDeclaredConstructor(double.class, double.class);
      k.setAccessible(true);
      return k.newInstance(x, y);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object dataset(List<double[]> rows) {
    try {
      var k = C.loadClass("p.C$Dataset").getDeclaredConstructor(List.class);
      k.setAccessible(true);
      return k.newInstance(rows);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    ModeChecks.gradients(C, NAMES, GenericDataTest::points);
  }

  @Test
  void forwardAndSecondOrderMatchFiniteDifferences() {
    ModeChecks.forwardAndSecondOrder(C, NAMES, GenericDataTest::points, 2026177001L, List.of());
  }

  /** The method a new user wrote: a List<double[]> parameter was a signature error. */
  @Test
  void aListOfDoubleArraysParameterWasASignatureError() {
    assertTrue(C.succeeded(), C::diagnostics);
    assertTrue(C.source("p.CGrad").contains("public static Sse sse(double[] p2, List<double[]> data)"), () -> C.source("p.CGrad"));
    double[] p = {2.0, 0.7};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "sse", p, DATA));
    double[] exact = new double[2];
    double value = 0;
    for (double[] row : DATA) {
      double e = Math.exp(-p[1] * row[0]);
      double r = p[0] * e - row[1];
      value += r * r;
      exact[0] += 2 * r * e;
      exact[1] += 2 * r * p[0] * e * -row[0];
    }
    assertEquals(value, (Double) g.get("value"), 1e-12);
    assertArrayEquals(exact, (double[]) g.get("p"), 1e-12);
    double[] sum = new double[2];
    double v = (Double) C.call("p.CGrad", "sse", p, DATA, sum); // the accumulate overload adds
    assertEquals(value, v, 1e-12);
    assertArrayEquals(exact, sum, 1e-12);
  }

  /** A field holding a List<double[]> is data the instance method reads; the Double field is differentiated. */
  @Test
  void aFieldOfAGenericTypeIsData() {
    assertTrue(C.succeeded(), C::diagnostics);
    try {
      var k = C.loadClass("p.C$Model").getDeclaredConstructor(List.class, double.class);
      k.setAccessible(true);
      Object model = k.newInstance(DATA, 0.5);
      double[] w = {0.8, -0.3};
      Map<String, Object> g = Compiled.components(C.call("p.C_ModelGrad", "loss", model, w));
      double[] exact = new double[2];
      double dScale = 0;
      for (double[] r : DATA) {
        double e = w[0] * r[0] + w[1] - r[1];
        exact[0] += 2 * e * r[0] * 0.5;
        exact[1] += 2 * e * 0.5;
        dScale += e * e;
      }
      assertArrayEquals(exact, (double[]) g.get("w"), 1e-12);
      assertEquals(dScale, (Double) Compiled.components(g.get("self")).get("scale"), 1e-12);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
