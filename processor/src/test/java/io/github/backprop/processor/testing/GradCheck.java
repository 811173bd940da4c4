package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a generated gradient against the primal method: {@code value()} must equal the primal's
 * result exactly, and every partial derivative must match a Richardson-extrapolated central
 * finite difference of the primal.
 */
public final class GradCheck {
  private GradCheck() {}

  /**
   * Checks {@code p.CGrad.name} against {@code p.C.name} at {@code point}; the arguments are
   * doubles except where the method takes int, long or boolean (pass those boxed).
   *
   * @return the gradient record's components
   */
  public static Map<String, Object> check(Compiled c, String name, Object... point) {
    return check(c, "p.C", "p.CGrad", name, point);
  }

  public static Map<String, Object> check(
      Compiled c, String className, String gradClass, String name, Object... point) {
    assertTrue(c.succeeded(), c.diagnostics());
    double primal = (Double) c.call(className, name, point);
    Map<String, Object> grad = Compiled.components(c.call(gradClass, name, point));
    assertEquals(primal, (Double) grad.get("value"), 0.0, "value() must equal the primal result");
    List<String> names = new ArrayList<>(grad.keySet());
    int k = 1;
    for (int i = 0; i < point.length; i++) {
      if (!(point[i] instanceof Double)) {
        continue;
      }
      double fd = derivative(c, className, name, point, i);
      double actual = (Double) grad.get(names.get(k++));
      double tolerance = 1e-6 * Math.max(1, Math.abs(fd));
      assertEquals(
          fd,
          actual,
          tolerance,
          () -> name + Arrays.toString(point) + ": wrong partial for argument " + names);
    }
    return grad;
  }

  /** d f / d point[i], by central differences at h and h/2, Richardson-extrapolated. */
  public static double derivative(Compiled c, String className, String name, Object[] point, int i) {
    double x = (Double) point[i];
    double h = 2e-4 * Math.max(1, Math.abs(x));
    double d1 = central(c, className, name, point, i, h);
    double d2 = central(c, className, name, point, i, h / 2);
    return (4 * d2 - d1) / 3;
  }

  private static double central(Compiled c, String className, String name, Object[] point, int i, double h) {
    Object[] plus = point.clone();
    Object[] minus = point.clone();
    plus[i] = (Double) point[i] + h;
    minus[i] = (Double) point[i] - h;
    return ((Double) c.call(className, name, plus) - (Double) c.call(className, name, minus)) / (2 * h);
  }
}
