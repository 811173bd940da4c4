package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

/**
 * {@link GradCheck} for methods with {@code float} values: {@code value()} must equal the primal's
 * result exactly, and each partial (of a {@code float}, {@code double}, or an element of a
 * {@code float[]} or {@code float[][]}) must match a Richardson-extrapolated central difference
 * within a float tolerance. The step is large, 1% of the argument, as a float primal rounds every
 * value to 24 bits: a step as small as a double check's would measure rounding noise.
 */
public final class FloatGradCheck {
  private FloatGradCheck() {}

  /** Relative tolerance of a float partial: rounding noise of about 1e-5 at this step, and margin. */
  public static final double TOLERANCE = 2e-3;

  public static Map<String, Object> check(Compiled c, String name, Object... point) {
    assertTrue(c.succeeded(), c.diagnostics());
    Object[] primalArgs = GradCheck.copy(copyFloats(point));
    Object primal = c.call("p.C", name, primalArgs);
    Object[] gradArgs = copyFloats(point);
    Map<String, Object> grad = Compiled.components(c.call("p.CGrad", name, gradArgs));
    assertEquals(primal, grad.get("value"), "value() must equal the primal result, type and all");
    for (int i = 0; i < point.length; i++) {
      if (point[i] instanceof float[]) {
        assertArrayEquals((float[]) primalArgs[i], (float[]) gradArgs[i], 0f,
            name + ": the gradient must leave argument " + i + " as the primal does");
      } else if (point[i] instanceof float[][] m) {
        assertTrue(Arrays.deepEquals((float[][]) primalArgs[i], (float[][]) gradArgs[i]),
            name + ": the gradient must leave argument " + i + " as the primal does");
      }
    }
    java.lang.reflect.Parameter[] params = primal(c, name, point).getParameters();
    for (int i = 0; i < point.length; i++) {
      String accessor = params[i].getName();
      if (!grad.containsKey(accessor) || accessor.equals("value")) {
        continue;
      }
      final int arg = i;
      Object g = grad.get(accessor);
      if (point[i] instanceof Float || point[i] instanceof Double) {
        assertClose(derivative(c, name, point, i, -1, -1), ((Number) g).doubleValue(),
            () -> name + Arrays.deepToString(point) + ": wrong partial for argument " + arg);
      } else if (point[i] instanceof float[] a) {
        float[] actual = (float[]) g;
        assertEquals(a.length, actual.length);
        for (int j = 0; j < a.length; j++) {
          final int el = j;
          assertClose(derivative(c, name, point, i, j, -1), actual[j],
              () -> name + Arrays.deepToString(point) + ": wrong partial for argument " + arg + "[" + el + "]");
        }
      } else if (point[i] instanceof float[][] m) {
        float[][] actual = (float[][]) g;
        for (int j = 0; j < m.length; j++) {
          for (int l = 0; l < m[j].length; l++) {
            final String at = "[" + j + "][" + l + "]";
            assertClose(derivative(c, name, point, i, j, l), actual[j][l],
                () -> name + Arrays.deepToString(point) + ": wrong partial for argument " + arg + at);
          }
        }
      }
    }
    return grad;
  }

  private static void assertClose(double expected, double actual, java.util.function.Supplier<String> message) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), message);
  }

  private static java.lang.reflect.Method primal(Compiled c, String name, Object[] point) {
    for (java.lang.reflect.Method m : c.loadClass("p.C").getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == point.length) {
        return m;
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** Central differences at h and h/2, Richardson-extrapolated, with the steps as rounded. */
  static double derivative(Compiled c, String name, Object[] point, int i, int j, int l) {
    double x = get(point, i, j, l);
    double h = 1e-2 * Math.max(1, Math.abs(x));
    double d1 = central(c, name, point, i, j, l, h);
    double d2 = central(c, name, point, i, j, l, h / 2);
    return (4 * d2 - d1) / 3;
  }

  private static double central(Compiled c, String name, Object[] point, int i, int j, int l, double h) {
    double x = get(point, i, j, l);
    Object[] plus = copyFloats(point);
    Object[] minus = copyFloats(point);
    double up = set(plus, i, j, l, x + h);
    double down = set(minus, i, j, l, x - h);
    double fp = ((Number) c.call("p.C", name, plus)).doubleValue();
    double fm = ((Number) c.call("p.C", name, minus)).doubleValue();
    return (fp - fm) / (up - down);
  }

  private static double get(Object[] point, int i, int j, int l) {
    if (j < 0) {
      return ((Number) point[i]).doubleValue();
    }
    return l < 0 ? ((float[]) point[i])[j] : ((float[][]) point[i])[j][l];
  }

  /** Sets the argument, rounded to its type; returns the value as set. */
  private static double set(Object[] point, int i, int j, int l, double v) {
    float f = (float) v;
    if (j < 0) {
      point[i] = point[i] instanceof Float ? (Object) f : (Object) v;
      return point[i] instanceof Float ? f : v;
    }
    if (l < 0) {
      ((float[]) point[i])[j] = f;
    } else {
      ((float[][]) point[i])[j][l] = f;
    }
    return f;
  }

  /** A deep copy of the float arrays among the arguments. */
  static Object[] copyFloats(Object[] point) {
    Object[] out = point.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof float[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof float[][] m) {
        float[][] c = new float[m.length][];
        for (int r = 0; r < m.length; r++) {
          c[r] = m[r].clone();
        }
        out[i] = c;
      }
    }
    return out;
  }
}
