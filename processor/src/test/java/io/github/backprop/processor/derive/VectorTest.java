package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Methods returning {@code double[]}: rJacobian against Richardson-extrapolated central
 * differences of the method at several points, its rows against rVjp with unit cotangents, rJvp
 * and rVjp against each other by the dot-product identity ⟨J v, u⟩ = ⟨v, Jᵀ u⟩ at random vectors,
 * and the values and the arrays the method writes into against the method itself.
 */
class VectorTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true)
          static double[] pair(double a, double b, double c) {
            return new double[] {a * b, Math.sin(c), a / (1 + b * b)};
          }

          @Differentiable(forward = true)
          static double[] residuals(double[] p, double[] t, double[] y) {
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
              r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
            }
            return r;
          }

          @Differentiable(forward = true)
          static double[] scaleInPlace(double[] w, double s) {
            for (int i = 0; i < w.length; i++) {
              w[i] *= s * w[i];
            }
            return w;
          }

          @Differentiable(forward = true)
          static double[] either(double[] a, double[] b, double s) {
            if (s > 1) {
              return new double[] {s * a[0], s * b[0]};
            }
            return s > 0 ? a : b;
          }

          @Differentiable(forward = true)
          static double[] firstBig(double[][] m, double s) {
            double[] out = new double[m[0].length];
            for (int k = 0; k < m.length; k++) {
              if (m[k][0] * s > 1) {
                return m[k];
              }
              for (int j = 0; j < out.length; j++) {
                out[j] += s * m[k][j] * m[k][j];
              }
            }
            return out;
          }

          @Differentiable
          static double sq(double x) {
            return x * x;
          }

          static double cube(double x) {
            return x * x * x;
          }

          @Differentiable(forward = true, wrt = {"p"})
          static double[] model(double[] p, double[] x, int n) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
              f[i] = sq(p[0] * x[i]) + cube(p[1]) * x[i];
            }
            double[] row = f;
            return row;
          }

          @Differentiable(forward = true)
          static double[] constant(double a, int n) {
            return new double[n];
          }

          static double[] squares(double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
              out[i] = v[i] * v[i];
            }
            return out;
          }

          @Differentiable(forward = true)
          static double[] throughHelper(double[] v, double s) {
            double[] q = squares(v);
            q[0] *= s;
            return q;
          }

          @Differentiable(forward = true)
          static double[] cloned(double[] a) {
            double[] b = a.clone();
            b[1] = Math.exp(b[0]) * b[1];
            return b;
          }

          @Differentiable(forward = true)
          static double[] returnInLoop(double x) {
            double[] a = new double[3];
            int k = 0;
            while (true) {
              a[k] = Math.sin(x * (k + 1));
              a[0] *= a[k];
              k++;
              if (k == 3) {
                return a;
              }
            }
          }

          @Differentiable(forward = true)
          static double[] alias(double[] a, double s) {
            double[] b = a;
            b[0] *= s;
            return b;
          }

          @Differentiable(forward = true)
          static double[] rowOrVector(double[] a, double[][] m) {
            return a[0] > 0 ? m[0] : a;
          }

          @Differentiable(forward = true, wrt = {"x"})
          static double[] intoData(double x, double[] d) {
            d[0] = x * d[1];
            return d;
          }

          @Differentiable(forward = true)
          static double[] tall(double[][] m, double s) {
            double[] out = new double[8];
            for (int i = 0; i < out.length; i++) {
              double[] row = m[i % m.length];
              out[i] = s * row[i % row.length] * Math.cos(i * s);
            }
            return out;
          }

          @Differentiable(forward = true)
          static double[] copied(double[] a) {
            double[] b = java.util.Arrays.copyOf(a, a.length + 1);
            b[a.length] = a[0] * a[1];
            return java.util.Arrays.copyOfRange(b, 1, b.length);
          }

          @Differentiable(forward = true)
          static double[] nasty(double[] x, double _x, double _value, double[] _n) {
            x[0] *= _x;
            return new double[] {x[0] * _value, _n[0], _x, x[1]};
          }

          static final double[] TABLE = {1, 2};

          @Differentiable(forward = true)
          static double[] table(double x) {
            return TABLE;
          }

          // private, as Commons Math's Rotation.mat2quat: rJacobian runs a copy of its body
          @Differentiable(forward = true)
          private static double[] quaternion(double[][] ort) {
            double[] q = new double[4];
            double s = ort[0][0] + ort[1][1] + ort[2][2];
            if (s > -0.19) {
              q[0] = 0.5 * Math.sqrt(s + 1.0);
              double inv = 0.25 / q[0];
              q[1] = inv * (ort[1][2] - ort[2][1]);
              q[2] = inv * (ort[2][0] - ort[0][2]);
              q[3] = inv * cube(ort[0][1] - ort[1][0]);
            } else {
              q[1] = 0.5 * Math.sqrt(ort[0][0] - ort[1][1] - ort[2][2] + 1.0);
              q[0] = sq(ort[1][2]) / q[1];
            }
            return q;
          }
          """);

  /** A method, how many inputs, and which of its arguments are differentiated. */
  record Case(String name, boolean[] differentiated, Function<Random, Object[]> point) {}

  static final List<Case> CASES =
      List.of(
          new Case("pair", new boolean[] {true, true, true},
              r -> new Object[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()}),
          new Case("residuals", new boolean[] {true, true, true},
              r -> new Object[] {vector(r, 3), vector(r, 5), vector(r, 5)}),
          new Case("scaleInPlace", new boolean[] {true, true},
              r -> new Object[] {vector(r, 4), r.nextGaussian()}),
          new Case("either", new boolean[] {true, true, true},
              r -> new Object[] {vector(r, 3), vector(r, 3), 1.5 * r.nextGaussian()}),
          new Case("firstBig", new boolean[] {true, true},
              r -> new Object[] {new double[][] {vector(r, 3), vector(r, 3), vector(r, 3)}, 1 + 0.5 * r.nextGaussian()}),
          new Case("model", new boolean[] {true, false, false},
              r -> new Object[] {vector(r, 2), vector(r, 4), 4}),
          new Case("constant", new boolean[] {true, false},
              r -> new Object[] {r.nextGaussian(), 3}),
          new Case("throughHelper", new boolean[] {true, true},
              r -> new Object[] {vector(r, 3), r.nextGaussian()}),
          new Case("cloned", new boolean[] {true}, r -> new Object[] {vector(r, 3)}),
          new Case("returnInLoop", new boolean[] {true}, r -> new Object[] {r.nextGaussian()}),
          new Case("alias", new boolean[] {true, true},
              r -> new Object[] {vector(r, 2), r.nextGaussian()}),
          new Case("rowOrVector", new boolean[] {true, true},
              r -> new Object[] {vector(r, 2), new double[][] {vector(r, 2), vector(r, 3)}}),
          new Case("intoData", new boolean[] {true, false},
              r -> new Object[] {r.nextGaussian(), vector(r, 3)}),
          new Case("table", new boolean[] {true}, r -> new Object[] {r.nextGaussian()}),
          new Case("copied", new boolean[] {true}, r -> new Object[] {vector(r, 3)}),
          // Parameters named as the Jacobian's own locals, one of them written into.
          new Case("nasty", new boolean[] {true, true, true, true},
              r -> new Object[] {vector(r, 2), r.nextGaussian(), r.nextGaussian(), vector(r, 1)}),
          new Case("quaternion", new boolean[] {true},
              r -> new Object[] {new double[][] {vector(r, 3), vector(r, 3), vector(r, 3)}}),
          // Five inputs, eight outputs: rJacobian by columns, a matrix's tangents among them.
          new Case("tall", new boolean[] {true, true},
              r -> new Object[] {new double[][] {vector(r, 2), vector(r, 2)}, r.nextGaussian()}));

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  /**
   * Regression aPrivateMethodReturningAnArrayHadNoJacobian: rJacobian called the method for its
   * value, which the generated class cannot where it is private, and backprop asked to make it
   * package-private; now the Jacobian calls a private copy of its body.
   */
  @Test
  void aPrivateMethodReturningAnArrayHadNoJacobian() {
    String generated = C.source("p.CGrad");
    assertTrue(generated.contains("double[] _value = _quaternionValue(ort);"), generated);
    assertTrue(generated.contains("private static double[] _quaternionValue(double[][] ort) {"), generated);
    double[][] ort = {{0.9, 0.1, -0.2}, {0.3, 0.8, 0.1}, {0.2, -0.1, 0.7}};
    double[] value = (double[]) Compiled.components(C.call("p.CGrad", "quaternionJacobian", (Object) ort)).get("value");
    assertArrayEquals((double[]) C.call("p.C", "quaternion", (Object) ort), value, 0.0);
  }

  @Test
  void jacobianMatchesFiniteDifferencesAtSeveralPoints() {
    Random random = new Random(11);
    for (Case c : CASES) {
      for (int trial = 0; trial < 4; trial++) {
        Object[] point = c.point().apply(random);
        Map<String, Object> j = Compiled.components(C.call("p.CGrad", c.name() + "Jacobian", copy(point)));
        double[] value = (double[]) j.get("value");
        assertArrayEquals(primal(c, point), value, 0.0, c.name() + ": value() is the method's result");
        double[][] jacobian = (double[][]) j.get("jacobian");
        double[] x = flatten(c, point);
        assertEquals(value.length, jacobian.length, c.name());
        for (int k = 0; k < x.length; k++) {
          double[] column = difference(c, point, x, k);
          for (int i = 0; i < value.length; i++) {
            assertEquals(x.length, jacobian[i].length, c.name());
            double tolerance = 1e-6 * Math.max(1, Math.abs(column[i]));
            assertEquals(column[i], jacobian[i][k], tolerance, c.name() + " at " + Arrays.deepToString(point) + ": ∂value[" + i + "]/∂x[" + k + "]");
          }
        }
      }
    }
  }

  @Test
  void jacobianRowsAreVjpsWithUnitCotangents() {
    Random random = new Random(12);
    for (Case c : CASES) {
      Object[] point = c.point().apply(random);
      double[][] jacobian = (double[][]) Compiled.components(C.call("p.CGrad", c.name() + "Jacobian", copy(point))).get("jacobian");
      for (int i = 0; i < jacobian.length; i++) {
        double[] u = new double[jacobian.length];
        u[i] = 1;
        Map<String, Object> vjp = Compiled.components(C.call("p.CGrad", c.name() + "Vjp", append(copy(point), u)));
        double[] row = flattenGradient(c, vjp);
        for (int k = 0; k < row.length; k++) {
          // Where the inputs are fewer than the outputs, rJacobian runs rJvp per column instead.
          assertEquals(row[k], jacobian[i][k], 1e-13 * Math.max(1, Math.abs(row[k])), c.name() + " row " + i);
        }
      }
    }
  }

  @Test
  void jvpAndVjpAgreeByTheDotProductIdentity() {
    Random random = new Random(13);
    for (Case c : CASES) {
      for (int trial = 0; trial < 5; trial++) {
        Object[] point = c.point().apply(random);
        Object[] tangents = tangents(c, point, random);
        // Flattened first: the Jvp writes the tangents of what the method stores into an array argument into its tangent.
        double[] v = flattenTangents(c, tangents);
        List<Object> all = new ArrayList<>(Arrays.asList(copy(point)));
        all.addAll(Arrays.asList(copy(tangents)));
        Map<String, Object> jvp = Compiled.components(C.call("p.CGrad", c.name() + "Jvp", all.toArray()));
        double[] jv = (double[]) jvp.get("tangent");
        double[] value = (double[]) jvp.get("value");
        assertArrayEquals(primal(c, point), value, 0.0, c.name() + ": the Jvp's value");
        double[] u = vector(random, value.length);
        Map<String, Object> vjp = Compiled.components(C.call("p.CGrad", c.name() + "Vjp", append(copy(point), u)));
        assertArrayEquals(value, (double[]) vjp.get("value"), 0.0, c.name() + ": the Vjp's value");
        double left = dot(jv, u);
        double right = dot(v, flattenGradient(c, vjp));
        assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)), c.name() + ": <J v, u> = <v, J^T u>");
      }
    }
  }

  @Test
  void arraysWrittenIntoEndAsTheMethodLeavesThem() {
    double[] w = {0.5, -1.5, 2};
    double[] expected = w.clone();
    C.call("p.C", "scaleInPlace", expected, 1.25);
    double[] a = w.clone();
    C.call("p.CGrad", "scaleInPlaceVjp", a, 1.25, new double[] {1, 2, 3});
    assertArrayEquals(expected, a, 0.0);
    double[] b = w.clone();
    Map<String, Object> j = Compiled.components(C.call("p.CGrad", "scaleInPlaceJacobian", b, 1.25));
    assertArrayEquals(expected, b, 0.0);
    // Each row is taken at the caller's values, not at what the previous row's sweep left.
    double[][] jacobian = (double[][]) j.get("jacobian");
    for (int i = 0; i < 3; i++) {
      assertEquals(2 * 1.25 * w[i], jacobian[i][i], 1e-15);
      assertEquals(w[i] * w[i], jacobian[i][3], 1e-15);
    }
    double[] c = w.clone();
    C.call("p.CGrad", "scaleInPlaceJvp", c, 1.25, new double[3], 1.0);
    assertArrayEquals(expected, c, 0.0);
    // By columns (one input, three outputs): each column too starts from the caller's values.
    double[] d = {0.3, -2.0, 0.7};
    double[] left = d.clone();
    C.call("p.C", "intoData", 1.5, left);
    Map<String, Object> byColumns = Compiled.components(C.call("p.CGrad", "intoDataJacobian", 1.5, d));
    assertArrayEquals(left, d, 0.0);
    assertArrayEquals(left, (double[]) byColumns.get("value"), 0.0);
    double[][] column = (double[][]) byColumns.get("jacobian");
    assertArrayEquals(new double[] {-2.0}, column[0], 0.0);
    assertArrayEquals(new double[] {0.0}, column[1], 0.0);
    assertArrayEquals(new double[] {0.0}, column[2], 0.0);
  }

  @Test
  void aCotangentOfAnotherLengthIsRejected() {
    AssertionError e =
        assertThrows(AssertionError.class, () -> C.call("p.CGrad", "pairVjp", 1.0, 2.0, 3.0, new double[2]));
    Throwable cause = e.getCause().getCause();
    assertTrue(cause instanceof IllegalArgumentException, String.valueOf(cause));
    assertEquals("the cotangent has 2 elements; the value has 3", cause.getMessage());
  }

  @Test
  void vjpIsTheCotangentTimesTheJacobianInClosedForm() {
    double a = 0.7;
    double b = -1.3;
    double c = 0.4;
    double[] u = {2, -3, 5};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "pairVjp", a, b, c, u));
    double q = 1 + b * b;
    assertEquals(u[0] * b + u[2] / q, (double) g.get("a"), 1e-15);
    assertEquals(u[0] * a - u[2] * a * 2 * b / (q * q), (double) g.get("b"), 1e-15);
    assertEquals(u[1] * Math.cos(c), (double) g.get("c"), 1e-15);
  }

  @Test
  void eachPathReturnsItsOwnArray() {
    double[] a = {0.3, -0.8, 1.1};
    double[] b = {2.0, 0.6, -0.4};
    double[][] twice = jacobian("either", a, b, 2.0);
    assertArrayEquals(new double[] {2, 0, 0, 0, 0, 0, a[0]}, twice[0], 0.0);
    assertArrayEquals(new double[] {0, 0, 0, 2, 0, 0, b[0]}, twice[1], 0.0);
    for (double s : new double[] {0.5, -1}) {
      double[][] j = jacobian("either", a, b, s);
      for (int i = 0; i < 3; i++) {
        double[] row = new double[7];
        row[s > 0 ? i : 3 + i] = 1;
        assertArrayEquals(row, j[i], 0.0, "s = " + s + ", row " + i);
      }
    }
    // A row returned from inside the loop, and the array built when no row is returned.
    double[][] m = {{0.2, 0.5}, {3.0, -1.0}};
    double[][] early = jacobian("firstBig", m, 1.0);
    assertArrayEquals(new double[] {0, 0, 1, 0, 0}, early[0], 0.0);
    assertArrayEquals(new double[] {0, 0, 0, 1, 0}, early[1], 0.0);
    double[][] late = jacobian("firstBig", m, 0.25);
    assertArrayEquals(
        new double[] {2 * 0.25 * 0.2, 0, 2 * 0.25 * 3.0, 0, 0.2 * 0.2 + 3.0 * 3.0}, late[0], 1e-15);
  }

  private static double[][] jacobian(String name, Object... args) {
    return (double[][]) Compiled.components(C.call("p.CGrad", name + "Jacobian", args)).get("jacobian");
  }

  /**
   * Names the generated methods must step around (a parameter called cotangent, one called
   * value), float parameters, overloads and a nested class all compile without warnings, and
   * give the same numbers.
   */
  @Test
  void namesFloatsOverloadsAndNestedClasses() {
    Compiled c =
        Compiled.compile(
            "p.D",
            """
            package p;

            import io.github.backprop.Differentiable;

            class D {
              static class In {
                @Differentiable(forward = true)
                static double[] r(double cotangent, float value, float[] w) {
                  return new double[] {cotangent * value, w[0] * w[1], cotangent};
                }

                @Differentiable(forward = true)
                static double[] r(double x) {
                  return new double[] {x, x * x, x * x * x};
                }
              }
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    float[] w = {1.5f, -2f};
    Map<String, Object> vjp =
        Compiled.components(c.call("p.D_InGrad", "rVjp", 0.5, 2f, w, new double[] {1, 10, 100}));
    assertEquals(List.of("value", "cotangent", "value_", "w"), List.copyOf(vjp.keySet()));
    assertEquals(2 + 100, (double) vjp.get("cotangent"), 1e-6);
    assertEquals(0.5f, (float) vjp.get("value_"), 1e-6f);
    assertArrayEquals(new float[] {-20f, 15f}, (float[]) vjp.get("w"), 1e-5f);
    double[][] j = (double[][]) Compiled.components(c.call("p.D_InGrad", "rJacobian", 0.5, 2f, w)).get("jacobian");
    assertArrayEquals(new double[] {2, 0.5, 0, 0}, j[0], 1e-6);
    assertArrayEquals(new double[] {0, 0, -2, 1.5}, j[1], 1e-6);
    assertArrayEquals(new double[] {1, 0, 0, 0}, j[2], 1e-6);
    // One input, three outputs: by a forward run.
    double[][] k = (double[][]) Compiled.components(c.call("p.D_InGrad", "rJacobian", 2.0)).get("jacobian");
    assertArrayEquals(new double[] {1}, k[0], 0.0);
    assertArrayEquals(new double[] {4}, k[1], 0.0);
    assertArrayEquals(new double[] {12}, k[2], 0.0);
  }

  // ---- helpers ----

  static double[] vector(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static Object[] copy(Object[] point) {
    Object[] out = point.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof double[][] m) {
        double[][] c = new double[m.length][];
        for (int k = 0; k < m.length; k++) {
          c[k] = m[k].clone();
        }
        out[i] = c;
      }
    }
    return out;
  }

  static Object[] append(Object[] args, Object last) {
    Object[] out = Arrays.copyOf(args, args.length + 1);
    out[args.length] = last;
    return out;
  }

  static double[] primal(Case c, Object[] point) {
    return (double[]) C.call("p.C", c.name(), copy(point));
  }

  /** The differentiated arguments, flattened in parameter order. */
  static double[] flatten(Case c, Object[] point) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < point.length; i++) {
      if (c.differentiated()[i]) {
        add(point[i], out);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] flattenGradient(Case c, Map<String, Object> record) {
    List<Double> out = new ArrayList<>();
    List<Object> parts = new ArrayList<>(record.values());
    for (int i = 1; i < parts.size(); i++) {
      add(parts.get(i), out);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] flattenTangents(Case c, Object[] tangents) {
    List<Double> out = new ArrayList<>();
    for (Object t : tangents) {
      add(t, out);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void add(Object o, List<Double> out) {
    if (o instanceof Double d) {
      out.add(d);
    } else if (o instanceof double[] a) {
      for (double x : a) {
        out.add(x);
      }
    } else if (o instanceof double[][] m) {
      for (double[] row : m) {
        add(row, out);
      }
    }
  }

  /** Random tangents shaped like the differentiated arguments. */
  static Object[] tangents(Case c, Object[] point, Random r) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < point.length; i++) {
      if (!c.differentiated()[i]) {
        continue;
      }
      Object p = point[i];
      if (p instanceof Double) {
        out.add(r.nextGaussian());
      } else if (p instanceof double[] a) {
        out.add(vector(r, a.length));
      } else {
        double[][] m = (double[][]) p;
        double[][] t = new double[m.length][];
        for (int k = 0; k < m.length; k++) {
          t[k] = vector(r, m[k].length);
        }
        out.add(t);
      }
    }
    return out.toArray();
  }

  /** The point with flattened input k moved by {@code by}. */
  static Object[] moved(Case c, Object[] point, int k, double by) {
    Object[] out = copy(point);
    int at = 0;
    for (int i = 0; i < out.length; i++) {
      if (!c.differentiated()[i]) {
        continue;
      }
      if (out[i] instanceof Double d) {
        if (at++ == k) {
          out[i] = d + by;
        }
      } else if (out[i] instanceof double[] a) {
        for (int j = 0; j < a.length; j++) {
          if (at++ == k) {
            a[j] += by;
          }
        }
      } else {
        for (double[] row : (double[][]) out[i]) {
          for (int j = 0; j < row.length; j++) {
            if (at++ == k) {
              row[j] += by;
            }
          }
        }
      }
    }
    return out;
  }

  /** Column k of the Jacobian by central differences, Richardson-extrapolated. */
  static double[] difference(Case c, Object[] point, double[] x, int k) {
    double h = 1e-3 * Math.max(1, Math.abs(x[k]));
    double[] coarse = central(c, point, k, h);
    double[] fine = central(c, point, k, h / 2);
    double[] out = new double[coarse.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (4 * fine[i] - coarse[i]) / 3;
    }
    return out;
  }

  private static double[] central(Case c, Object[] point, int k, double h) {
    double[] plus = primal(c, moved(c, point, k, h));
    double[] minus = primal(c, moved(c, point, k, -h));
    double[] out = new double[plus.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return out;
  }
}
