package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code p.CGrad.nameHessian} against central differences of the gradient, column by column. */
public final class HessianCheck {
  private HessianCheck() {}

  /** Checks the Hessian of {@code name} at {@code point}: doubles and double arrays, flattened in order. */
  public static void check(Compiled c, String name, Object[] point) {
    double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", name + "Hessian", GradCheck.copy(point))).get("hessian");
    int n = h.length;
    for (int j = 0; j < n; j++) {
      double eps = 1e-5;
      double[] plus = flatGradient(c, name, shifted(point, j, eps));
      double[] minus = flatGradient(c, name, shifted(point, j, -eps));
      for (int i = 0; i < n; i++) {
        double fd = (plus[i] - minus[i]) / (2 * eps);
        assertEquals(fd, h[i][j], 1e-5 * Math.max(1, Math.abs(fd)), name + " hessian[" + i + "][" + j + "]");
      }
    }
  }

  /** The gradient's components, arrays flattened, in parameter order. */
  private static double[] flatGradient(Compiled c, String name, Object[] point) {
    List<Double> out = new ArrayList<>();
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", name, GradCheck.copy(point)));
    g.remove("value");
    for (Object v : g.values()) {
      if (v instanceof double[] a) {
        for (double d : a) {
          out.add(d);
        }
      } else {
        out.add((Double) v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@code point} with its {@code j}-th floating-point coordinate (arrays flattened) moved by {@code eps}. */
  private static Object[] shifted(Object[] point, int j, double eps) {
    Object[] out = GradCheck.copy(point);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        if (j - k < a.length) {
          a[j - k] += eps;
          return out;
        }
        k += a.length;
      } else if (out[i] instanceof Double d) {
        if (j == k) {
          out[i] = d + eps;
          return out;
        }
        k++;
      }
    }
    throw new AssertionError("no coordinate " + j);
  }
}
