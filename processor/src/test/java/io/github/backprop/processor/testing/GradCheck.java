package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a generated gradient against the primal method: {@code value()} must equal the primal's
 * result exactly, every partial derivative must match a Richardson-extrapolated central finite
 * difference of the primal, and array arguments must be left as the primal leaves them.
 */
public final class GradCheck {
  private GradCheck() {}

  /**
   * Checks {@code p.CGrad.name} against {@code p.C.name} at {@code point}; the arguments are
   * doubles or double arrays, or int, long or boolean values (boxed) and int arrays.
   *
   * @return the gradient record's components
   */
  public static Map<String, Object> check(Compiled c, String name, Object... point) {
    return check(c, "p.C", "p.CGrad", name, point);
  }

  public static Map<String, Object> check(
      Compiled c, String className, String gradClass, String name, Object... point) {
    return checkWithin(1e-6, c, className, gradClass, name, point);
  }

  /** As {@link #check}, with a relative tolerance for the partials. */
  public static Map<String, Object> checkWithin(
      double tolerance, Compiled c, String className, String gradClass, String name, Object... point) {
    assertTrue(c.succeeded(), c.diagnostics());
    Object[] primalArgs = copy(point);
    double primal = (Double) c.call(className, name, primalArgs);
    Object[] gradArgs = copy(point);
    Map<String, Object> grad = Compiled.components(c.call(gradClass, name, gradArgs));
    assertEquals(primal, (Double) grad.get("value"), 0.0, "value() must equal the primal result");
    for (int i = 0; i < point.length; i++) {
      if (point[i] instanceof double[]) {
        assertArrayEquals((double[]) primalArgs[i], (double[]) gradArgs[i], 0.0,
            name + ": the gradient must leave argument " + i + " as the primal does");
      } else if (point[i] instanceof double[][]) {
        assertTrue(Arrays.deepEquals((double[][]) primalArgs[i], (double[][]) gradArgs[i]),
            name + ": the gradient must leave argument " + i + " as the primal does");
      } else if (point[i] instanceof int[]) {
        assertArrayEquals((int[]) primalArgs[i], (int[]) gradArgs[i], name + ": argument " + i);
      }
    }
    List<String> names = accessors(c, className, name, point, grad);
    for (int i = 0; i < point.length; i++) {
      final int arg = i;
      if (names.get(i) == null) {
        continue; // not differentiated: an int, or a parameter left out of wrt
      }
      if (point[i] instanceof Double) {
        double fd = derivative(c, className, name, point, i, -1, -1);
        double actual = (Double) grad.get(names.get(i));
        assertEquals(fd, actual, tolerance * Math.max(1, Math.abs(fd)),
            () -> name + Arrays.deepToString(point) + ": wrong partial for argument " + arg);
      } else if (point[i] instanceof double[] a) {
        double[] actual = (double[]) grad.get(names.get(i));
        assertEquals(a.length, actual.length, name + ": gradient length of argument " + i);
        for (int j = 0; j < a.length; j++) {
          final int el = j;
          double fd = derivative(c, className, name, point, i, j, -1);
          assertEquals(fd, actual[j], tolerance * Math.max(1, Math.abs(fd)),
              () -> name + Arrays.deepToString(point) + ": wrong partial for argument " + arg + "[" + el + "]");
        }
      } else if (point[i] instanceof double[][] m) {
        double[][] actual = (double[][]) grad.get(names.get(i));
        for (int j = 0; j < m.length; j++) {
          for (int l = 0; l < m[j].length; l++) {
            final int row = j;
            final int col = l;
            double fd = derivative(c, className, name, point, i, j, l);
            assertEquals(fd, actual[j][l], tolerance * Math.max(1, Math.abs(fd)),
                () -> name + Arrays.deepToString(point) + ": wrong partial for argument "
                    + arg + "[" + row + "][" + col + "]");
          }
        }
      }
    }
    return grad;
  }

  /**
   * The record component of each argument, by the primal's parameter names (compiled with
   * {@code -parameters}); null for one with no gradient. A parameter named {@code value} has
   * {@code value_}.
   */
  private static List<String> accessors(
      Compiled c, String className, String name, Object[] point, Map<String, Object> grad) {
    java.lang.reflect.Method primal = null;
    for (java.lang.reflect.Method m : c.loadClass(className).getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == point.length && (m.getReturnType() == double.class || m.getReturnType() == Double.class)
          && (primal == null || matches(m, point))) {
        primal = m;
      }
    }
    List<String> out = new ArrayList<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (java.lang.reflect.Parameter p : primal.getParameters()) {
      taken.add(p.getName());
    }
    for (java.lang.reflect.Parameter p : primal.getParameters()) {
      String accessor = p.getName();
      if (accessor.equals("value")) {
        accessor = "value_";
        while (taken.contains(accessor)) {
          accessor += "_";
        }
      }
      out.add(grad.containsKey(accessor) && !accessor.equals("value") ? accessor : null);
    }
    return out;
  }

  private static boolean matches(java.lang.reflect.Method m, Object[] point) {
    Class<?>[] t = m.getParameterTypes();
    for (int i = 0; i < t.length; i++) {
      Class<?> boxed = t[i] == double.class ? Double.class
          : t[i] == int.class ? Integer.class
          : t[i] == long.class ? Long.class
          : t[i] == boolean.class ? Boolean.class
          : t[i];
      if (!boxed.isInstance(point[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * d f / d point[i] (element j, or j and l, of an array argument; -1 for a scalar), by central
   * differences at h and h/2, Richardson-extrapolated.
   */
  public static double derivative(
      Compiled c, String className, String name, Object[] point, int i, int j, int l) {
    double x = get(point, i, j, l);
    double h = 2e-4 * Math.max(1, Math.abs(x));
    double d1 = central(c, className, name, point, i, j, l, h);
    double d2 = central(c, className, name, point, i, j, l, h / 2);
    return (4 * d2 - d1) / 3;
  }

  /** d f / d point[i] of a scalar argument. */
  public static double derivative(Compiled c, String className, String name, Object[] point, int i) {
    return derivative(c, className, name, point, i, -1, -1);
  }

  private static double central(
      Compiled c, String className, String name, Object[] point, int i, int j, int l, double h) {
    double x = get(point, i, j, l);
    Object[] plus = copy(point);
    Object[] minus = copy(point);
    set(plus, i, j, l, x + h);
    set(minus, i, j, l, x - h);
    return ((Double) c.call(className, name, plus) - (Double) c.call(className, name, minus)) / (2 * h);
  }

  private static double get(Object[] point, int i, int j, int l) {
    if (j < 0) {
      return (Double) point[i];
    }
    return l < 0 ? ((double[]) point[i])[j] : ((double[][]) point[i])[j][l];
  }

  private static void set(Object[] point, int i, int j, int l, double v) {
    if (j < 0) {
      point[i] = v;
    } else if (l < 0) {
      ((double[]) point[i])[j] = v;
    } else {
      ((double[][]) point[i])[j][l] = v;
    }
  }

  /** A deep copy of the arguments, as the method may write into its arrays. */
  public static Object[] copy(Object[] point) {
    Object[] out = point.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof int[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
          c[r] = m[r].clone();
        }
        out[i] = c;
      }
    }
    return out;
  }
}
