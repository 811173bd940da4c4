package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.FloatGradCheck;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code float}: literals in double code, float parameters, locals, arrays and results, and
 * mixed arithmetic with Java's promotion rules. A float's gradient is a float, computed in float
 * arithmetic where the primal's is; a double's stays exact to double precision.
 */
class FloatsTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable static double literals(double x) {
            return x * x * 0.5f + 1e-3F * x - Math.sin(x * 0.1f) / 2.5f;
          }

          @Differentiable static float product(float a, float b) {
            float c = a * b + 1.5f * a;
            return c * c;
          }

          @Differentiable static double mixed(float a, double x) {
            double y = a * x;
            float z = (float) (y + 1e-3F);
            return Math.sin(z) * y + (double) a;
          }

          @Differentiable static double floatLocal(double x) {
            float s = (float) x;
            float t = s * s - 2;
            if (t > 0) {
              t = t / s;
            }
            return t * x;
          }

          @Differentiable static float power(float x, int n) {
            float p = 1;
            for (int i = 0; i < n; i++) {
              p = p * x + 0.25f;
            }
            return p;
          }

          @Differentiable static float dot(float[] w, float[] v) {
            float s = 0;
            for (int i = 0; i < w.length; i++) {
              s += w[i] * v[i];
            }
            return s;
          }

          @Differentiable static float trace(float[][] m) {
            float t = 0;
            for (int i = 0; i < m.length; i++) {
              t += m[i][i] * m[i][i];
            }
            return t;
          }

          @Differentiable static float maths(float a, float b) {
            return (float) Math.sqrt(a * a + b * b) + Math.abs(a - b) * Math.max(a, b)
                - Math.min(a, 0.5f) + (float) Math.exp(a / 4);
          }

          @Differentiable static double callsFloat(float a, double x, float[] w) {
            return product(a, a) * x + dot(w, w);
          }

          @Differentiable static float rescale(float[] w) {
            float s = 0;
            for (int i = 0; i < w.length; i++) {
              w[i] = w[i] * 0.5f;
              s += w[i] * w[i];
            }
            return s;
          }

          @Differentiable static float branches(float x, double y) {
            float r = x > 0.5f ? x * x : -x;
            r = (float) (r * y);
            r++;
            int n = (int) (x * 3);
            float k = n;
            if (r < y) {
              r = r / (float) y + k;
            } else {
              r -= 0.25f * x;
            }
            while (r > 4) {
              r = r / 3 + 0.1f * x;
            }
            return r;
          }

          @Differentiable(wrt = "a")
          static float onlyA(float a, float b, double c) {
            return a * b * (float) c;
          }
          """);

  private static final float[] POINTS = {-1.75f, -0.3f, 0.4f, 1.25f, 2.5f};

  @Test
  void floatLiteralsInDoubleCode() {
    for (double x : new double[] {-1.75, -0.3, 0.4, 1.25, 2.5}) {
      GradCheck.check(C, "literals", x);
      double g = (Double) Compiled.components(C.call("p.CGrad", "literals", x)).get("x");
      // 0.1f and 1e-3F are their float values, widened: what Java computes with.
      double exact = x + (double) 1e-3f - Math.cos(x * 0.1f) * 0.1f / 2.5f;
      assertEquals(exact, g, 1e-15 * Math.max(1, Math.abs(exact)));
    }
  }

  @Test
  void floatParametersHaveFloatGradients() {
    for (float a : POINTS) {
      for (float b : new float[] {-0.6f, 1.3f}) {
        Map<String, Object> g = FloatGradCheck.check(C, "product", a, b);
        double c = (double) a * b + 1.5 * a;
        assertEquals(2 * c * (b + 1.5), (Float) g.get("a"), 1e-5 * Math.max(1, Math.abs(2 * c * (b + 1.5))));
        assertEquals(2 * c * a, (Float) g.get("b"), 1e-5 * Math.max(1, Math.abs(2 * c * a)));
      }
    }
    assertEquals(List.of(float.class, float.class, float.class), componentTypes("product", float.class, float.class));
  }

  @Test
  void mixedArithmeticPromotesAsJavaDoes() {
    for (float a : POINTS) {
      for (double x : new double[] {-0.7, 0.9}) {
        FloatGradCheck.check(C, "mixed", a, x);
      }
    }
    assertEquals(List.of(double.class, float.class, double.class), componentTypes("mixed", float.class, double.class));
    for (float x : POINTS) {
      FloatGradCheck.check(C, "floatLocal", (double) x);
    }
  }

  @Test
  void branchesAndCompoundAssignments() {
    for (float x : new float[] {-2.2f, -0.4f, 0.3f, 0.8f, 2.7f, 6.1f}) {
      for (double y : new double[] {-1.3, 0.6, 2.4}) {
        FloatGradCheck.check(C, "branches", x, y);
      }
    }
  }

  @Test
  void loopsSaveFloatsOnTheTape() {
    for (float x : new float[] {-1.1f, 0.6f, 0.95f, 1.2f}) {
      for (int n : new int[] {0, 1, 3, 6}) {
        Map<String, Object> g = FloatGradCheck.check(C, "power", x, n);
        assertTrue(g.get("x") instanceof Float);
      }
    }
  }

  @Test
  void floatArrays() {
    float[][] points = {{0.5f, -1.5f, 2f}, {3f, 0.25f, -0.75f}};
    FloatGradCheck.check(C, "dot", points[0], points[1]);
    Map<String, Object> g = FloatGradCheck.check(C, "dot", points[1], points[0]);
    assertArrayEquals(points[0], (float[]) g.get("w"), 0f);
    FloatGradCheck.check(C, "trace", (Object) new float[][] {{1.5f, 2f}, {-3f, 0.5f}});
    FloatGradCheck.check(C, "rescale", (Object) new float[] {0.5f, -1.25f, 3f});
  }

  @Test
  void mathOnFloats() {
    for (float a : POINTS) {
      for (float b : new float[] {-0.9f, 0.35f, 1.6f}) {
        FloatGradCheck.check(C, "maths", a, b);
      }
    }
  }

  @Test
  void callsPassFloatGradientsThrough() {
    for (float a : POINTS) {
      FloatGradCheck.check(C, "callsFloat", a, 0.75, new float[] {a, 0.5f, -2f});
    }
  }

  @Test
  void accumulateOverloadAddsIntoFloatArrays() {
    float[] w = {0.5f, -1.5f, 2f};
    float[] v = {3f, 0.25f, -0.75f};
    float[] dw = {10f, 20f, 30f};
    float[] dv = new float[3];
    Object value = C.call("p.CGrad", "dot", w, v, dw, dv);
    assertEquals(C.call("p.C", "dot", w, v), value);
    C.call("p.CGrad", "dot", w, v, dw, dv);
    assertArrayEquals(new float[] {16f, 20.5f, 28.5f}, dw, 0f);
    assertArrayEquals(new float[] {1f, -3f, 4f}, dv, 0f);
  }

  @Test
  void wrtNamesAFloatParameter() {
    Map<String, Object> g = FloatGradCheck.check(C, "onlyA", 1.5f, -2f, 0.5);
    assertEquals(List.of("value", "a"), List.copyOf(g.keySet()));
    assertEquals(-1f, g.get("a"));
  }

  private static List<Class<?>> componentTypes(String name, Class<?>... params) {
    try {
      Class<?> r = C.loadClass("p.CGrad").getMethod(name, params).getReturnType();
      return java.util.Arrays.stream(r.getRecordComponents()).<Class<?>>map(RecordComponent::getType).toList();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Regression (fuzz: a float's partial computed in float): in {@code c * 3.0 * t1} with a float
   * local t1, d/dc was written {@code 3.0f * t1}, float arithmetic, 3e-8 away from the primal's
   * double {@code 3.0 * t1}; forward mode, in double, disagreed with it.
   */
  @Test
  void aFloatsPartialInDoubleCodeIsADouble() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true)
            static double f(double c) {
              float t1 = -0.7f;
              return c * 3.0 * t1 + 0.5f * (c * t1);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    float t1 = -0.7f;
    double expected = 3.0 * t1 + 0.5f * (double) t1;
    assertEquals(expected, (double) Compiled.components(c.call("p.CGrad", "f", 1.3)).get("c"), 0.0);
    assertEquals(2 * expected, (double) Compiled.components(c.call("p.CGrad", "fJvp", 1.3, 2.0)).get("tangent"), 0.0);
  }

  /**
   * Regression (fuzz batch 2026120804 program 26): in {@code u * 0.1f * (true ? 5 : 1)} the
   * gradient was written {@code 0.1f * (true ? 5 : 1)}, a float product ({@code 0.5f}), where
   * Java multiplies the double {@code u * 0.1f} by 5; it was 1.5e-8 away from forward mode.
   */
  @Test
  void aFloatConstantTimesAnIntInDoubleCodeMultipliesInDouble() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true)
            static double f(double u, boolean b) {
              return u * 0.1f * (b ? 5 : 1);
            }

            @Differentiable(forward = true)
            static double g(double u, int k) {
              return u / 0.3f * k;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (boolean b : new boolean[] {true, false}) {
      double expected = (double) 0.1f * (b ? 5 : 1);
      assertEquals(expected, (double) Compiled.components(c.call("p.CGrad", "f", -0.34, b)).get("u"), 0.0);
      assertEquals(2 * expected, (double) Compiled.components(c.call("p.CGrad", "fJvp", -0.34, b, 2.0)).get("tangent"), 0.0);
    }
    double expected = 3 / (double) 0.3f;
    assertEquals(expected, (double) Compiled.components(c.call("p.CGrad", "g", 1.7, 3)).get("u"), 1e-16);
    assertEquals(expected, (double) Compiled.components(c.call("p.CGrad", "gJvp", 1.7, 3, 1.0)).get("tangent"), 1e-16);
  }
}
