package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks a generated forward-mode method {@code CGrad.mJvp} at a point along random directions:
 * its {@code value()} equals the primal's result exactly; its {@code tangent()} equals the dot
 * product of the reverse-mode gradient with the direction (the forward/reverse identity) and a
 * Richardson-extrapolated central difference of the primal along the direction; the tangent
 * arrays of array parameters the method writes into hold the central differences of the values
 * it leaves there.
 */
public final class JvpCheck {
  private JvpCheck() {}

  /** The outcome at one point: whether the primal ran there, and what the check compared. */
  public record Result(boolean ran, double tangent, double reverse) {}

  /**
   * Checks {@code gradClass.nameJvp} at {@code point} along {@code directions} random directions.
   * Points where the primal throws or gives a value that is not finite are not checked ({@code
   * ran()} false); arguments are doubles, floats, their arrays, and ints, longs, booleans, int
   * arrays.
   */
  public static Result check(
      Compiled c, String className, String gradClass, String name, Object[] point, Random random, int directions) {
    Method primal = method(c.loadClass(className), name, point.length);
    Object[] primalArgs = GradCheck.copy(point);
    Object v;
    try {
      v = primal.invoke(null, primalArgs);
    } catch (InvocationTargetException e) {
      return new Result(false, 0, 0);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    double value = ((Number) v).doubleValue();
    if (!Double.isFinite(value)) {
      return new Result(false, 0, 0);
    }
    Method jvp = method(c.loadClass(gradClass), name + "Jvp", -1);
    Map<String, Object> grad = Compiled.components(invoke(method(c.loadClass(gradClass), name, point.length), GradCheck.copy(point)));
    List<Integer> independents = new ArrayList<>();
    for (int i = 0; i < point.length; i++) {
      String p = primal.getParameters()[i].getName();
      if (!p.equals("value") && grad.containsKey(p)) {
        independents.add(i);
      }
    }
    assertEquals(primal.getParameterCount() + independents.size(), jvp.getParameterCount(), name + "Jvp's parameters");
    Result last = null;
    for (int k = 0; k < directions; k++) {
      Object[] direction = new Object[independents.size()];
      double reverse = 0;
      double scale = 0;
      for (int n = 0; n < direction.length; n++) {
        int i = independents.get(n);
        direction[n] = randomLike(point[i], random);
        double[] d = dot(grad.get(primal.getParameters()[i].getName()), direction[n]);
        reverse += d[0];
        scale += d[1];
      }
      Object[] args = new Object[point.length + direction.length];
      Object[] at = GradCheck.copy(point);
      Object[] tangents = GradCheck.copy(direction);
      System.arraycopy(at, 0, args, 0, point.length);
      System.arraycopy(tangents, 0, args, point.length, direction.length);
      Map<String, Object> r = Compiled.components(invoke(jvp, args));
      double jvpValue = ((Number) r.get("value")).doubleValue();
      double tangent = ((Number) r.get("tangent")).doubleValue();
      String where = name + Arrays.deepToString(point) + " along " + Arrays.deepToString(direction);
      assertEquals(value, jvpValue, 0.0, where + ": value() must equal the primal result");
      assertEquals(reverse, tangent, 1e-9 * Math.max(1, scale), where + ": tangent() against the reverse gradient");
      double fd = along(primal, point, independents, direction, -1, -1);
      assertEquals(fd, tangent, 1e-5 * Math.max(1, Math.abs(fd)), where + ": tangent() against central differences");
      for (int n = 0; n < direction.length; n++) {
        int i = independents.get(n);
        if (point[i] instanceof double[] a && !Arrays.equals(a, (double[]) primalArgs[i])) {
          // The method wrote into this array: its tangent array got the tangents of what it wrote.
          double[] written = (double[]) tangents[n];
          for (int j = 0; j < a.length; j++) {
            double fdj = along(primal, point, independents, direction, i, j);
            assertEquals(fdj, written[j], 1e-5 * Math.max(1, Math.abs(fdj)), where + ": tangent of argument " + i + "[" + j + "] as left");
          }
        }
      }
      last = new Result(true, tangent, reverse);
    }
    return last;
  }

  /** A primal's result: a primitive, or a box of one ({@code Double f(double x)}). */
  private static boolean number(Class<?> t) {
    return t.isPrimitive() || t == Double.class || t == Float.class;
  }

  /** The method {@code name} of {@code c}, of {@code arity} parameters (-1: any). */
  private static Method method(Class<?> c, String name, int arity) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && (arity < 0 || m.getParameterCount() == arity) && !number(m.getReturnType()) == (c.getSimpleName().endsWith("Grad"))) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError("no method " + name + " in " + c);
  }

  private static Object invoke(Method m, Object[] args) {
    try {
      return m.invoke(null, args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(m.getName() + " failed", e);
    }
  }

  /**
   * The derivative along {@code direction} of the primal's result (j < 0), or of element {@code
   * j} of array argument {@code i} as the primal leaves it: Richardson-extrapolated central
   * differences.
   */
  private static double along(Method primal, Object[] point, List<Integer> independents, Object[] direction, int i, int j) {
    // Steps from 1e-2 down: the estimate where two successive ones agree best (Ridders' idea),
    // so steep functions get small steps and flat ones escape rounding.
    double best = Double.NaN;
    double gap = Double.POSITIVE_INFINITY;
    double previous = Double.NaN;
    for (double h = 1e-2; h >= 1e-6; h /= 4) {
      double d1 = central(primal, point, independents, direction, h, i, j);
      double d2 = central(primal, point, independents, direction, h / 2, i, j);
      double r = (4 * d2 - d1) / 3;
      if (Math.abs(r - previous) < gap) {
        gap = Math.abs(r - previous);
        best = r;
      }
      previous = r;
    }
    return best;
  }

  private static double central(Method primal, Object[] point, List<Integer> independents, Object[] direction, double h, int i, int j) {
    return (output(primal, step(point, independents, direction, h), i, j) - output(primal, step(point, independents, direction, -h), i, j)) / (2 * h);
  }

  private static double output(Method primal, Object[] args, int i, int j) {
    double v = ((Number) invoke(primal, args)).doubleValue();
    return j < 0 ? v : ((double[]) args[i])[j];
  }

  private static Object[] step(Object[] point, List<Integer> independents, Object[] direction, double h) {
    Object[] out = GradCheck.copy(point);
    for (int n = 0; n < direction.length; n++) {
      int i = independents.get(n);
      Object p = out[i];
      Object d = direction[n];
      if (p instanceof Double x) {
        out[i] = x + h * (Double) d;
      } else if (p instanceof Float x) {
        out[i] = (float) (x + h * (Float) d);
      } else if (p instanceof double[] a) {
        for (int k = 0; k < a.length; k++) {
          a[k] += h * ((double[]) d)[k];
        }
      } else if (p instanceof double[][] m) {
        for (int r = 0; r < m.length; r++) {
          for (int k = 0; k < m[r].length; k++) {
            m[r][k] += h * ((double[][]) d)[r][k];
          }
        }
      } else {
        throw new AssertionError("no steps along " + p.getClass());
      }
    }
    return out;
  }

  /** A direction shaped like {@code p}, entries uniform in [-1, 1]. */
  static Object randomLike(Object p, Random random) {
    if (p instanceof Double) {
      return 2 * random.nextDouble() - 1;
    }
    if (p instanceof Float) {
      return (float) (2 * random.nextDouble() - 1);
    }
    if (p instanceof double[] a) {
      double[] d = new double[a.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = 2 * random.nextDouble() - 1;
      }
      return d;
    }
    if (p instanceof double[][] m) {
      double[][] d = new double[m.length][];
      for (int r = 0; r < m.length; r++) {
        d[r] = (double[]) randomLike(m[r], random);
      }
      return d;
    }
    throw new AssertionError("no direction for " + p.getClass());
  }

  /** {@code gradient · direction} and the sum of the terms' magnitudes. */
  private static double[] dot(Object gradient, Object direction) {
    if (gradient instanceof Number g) {
      double t = g.doubleValue() * ((Number) direction).doubleValue();
      return new double[] {t, Math.abs(t)};
    }
    if (gradient instanceof double[] g) {
      double[] d = (double[]) direction;
      double s = 0;
      double a = 0;
      for (int k = 0; k < g.length; k++) {
        s += g[k] * d[k];
        a += Math.abs(g[k] * d[k]);
      }
      return new double[] {s, a};
    }
    double[][] g = (double[][]) gradient;
    double[][] d = (double[][]) direction;
    double s = 0;
    double a = 0;
    for (int r = 0; r < g.length; r++) {
      double[] x = dot(g[r], d[r]);
      s += x[0];
      a += x[1];
    }
    return new double[] {s, a};
  }
}
