package io.github.backprop.processor.corpus;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A corpus method returning {@code double[]} at each of its points. Reverse mode: {@code
 * rJacobian}'s value equal to the primal's result, the arguments left as the primal leaves them,
 * each column within 1e-6 relative of the Richardson-extrapolated central difference of the
 * primal's result along that input (the scalar check's steps), and {@code rVjp} with a cotangent
 * equal to the cotangent times the Jacobian up to rounding. Forward mode: {@code rJvp}'s value
 * equal to the primal's, its tangent to the Jacobian times the direction up to rounding and to the
 * central difference of the primal's result along the direction ({@link CorpusModeCheck}'s
 * directions and tolerances).
 */
final class CorpusVectorCheck {
  private final Method primal;
  private final Method jacobian;
  private final Method vjp;
  private List<Integer> differentiated;

  private CorpusVectorCheck(Method primal, Method jacobian, Method vjp) {
    this.primal = primal;
    this.jacobian = jacobian;
    this.vjp = vjp;
  }

  /** Null when rJacobian and rVjp are right at every point (or, with {@code jvp}, rJvp), else what is wrong. */
  static String check(ClassLoader loader, CorpusUnit u, boolean forward) {
    CorpusVectorCheck check;
    Method jvp = null;
    try {
      Class<?> c = loader.loadClass(u.qualifiedName());
      Method primal = CorpusGradCheck.find(c, u, Points.arity(u.points().get(0)));
      Class<?> g = loader.loadClass(u.qualifiedName() + "Grad");
      Class<?>[] types = primal.getParameterTypes();
      Method jacobian = g.getDeclaredMethod(u.method() + "Jacobian", types);
      Class<?>[] withCotangent = Arrays.copyOf(types, types.length + 1);
      withCotangent[types.length] = double[].class;
      Method vjp = g.getDeclaredMethod(u.method() + "Vjp", withCotangent);
      if (forward) {
        for (Method m : g.getDeclaredMethods()) {
          if (m.getName().equals(u.method() + "Jvp")) {
            jvp = m;
          }
        }
        if (jvp == null) {
          return "no " + u.method() + "Jvp method";
        }
        jvp.setAccessible(true);
      }
      primal.setAccessible(true);
      jacobian.setAccessible(true);
      vjp.setAccessible(true);
      check = new CorpusVectorCheck(primal, jacobian, vjp);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "no gradient method: " + e;
    }
    Random random = new Random(u.id().hashCode());
    for (String point : u.points()) {
      String wrong;
      try {
        Object[] at = Points.parse(point, check.primal.getParameterTypes());
        wrong = jvp == null ? check.reverseAt(at) : check.forwardAt(at, jvp, random);
      } catch (Thrown e) {
        wrong = e.getMessage();
      } catch (RuntimeException e) {
        wrong = "corpus error: " + e;
      }
      if (wrong != null) {
        return "at (" + point + "): " + wrong;
      }
    }
    return null;
  }

  private String reverseAt(Object[] point) {
    Object[] primalArgs = CorpusGradCheck.copy(point);
    double[] expected = (double[]) invoke(primal, primalArgs, "corpus error: the primal throws ");
    Object[] args = CorpusGradCheck.copy(point);
    Object record = invoke(jacobian, args, "the gradient throws ");
    String wrong = sameResult(record, expected, primalArgs, args);
    if (wrong != null) {
      return wrong;
    }
    double[][] j = (double[][]) CorpusGradCheck.component(record, "jacobian");
    List<int[]> inputs = inputs(point, expected.length);
    if (j.length != expected.length || j.length > 0 && j[0].length != inputs.size()) {
      return "jacobian() is " + j.length + " by " + (j.length == 0 ? 0 : j[0].length) + " for " + expected.length
          + " outputs and " + inputs.size() + " inputs";
    }
    for (int col = 0; col < inputs.size(); col++) {
      int[] in = inputs.get(col);
      double[] fd = column(point, in);
      for (int r = 0; r < expected.length; r++) {
        if (!(Math.abs(fd[r] - j[r][col]) <= 1e-6 * Math.max(1, Math.abs(fd[r])))) {
          return "jacobian()[" + r + "][" + col + "] " + j[r][col] + " but finite differences give " + fd[r];
        }
      }
    }
    double[] u = new double[expected.length];
    for (int r = 0; r < u.length; r++) {
      u[r] = 1 - 0.375 * r;
    }
    Object v = invoke(vjp, append(CorpusGradCheck.copy(point), u), "the gradient throws ");
    List<String> accessors = CorpusGradCheck.accessors(primal, v);
    List<Double> flat = new ArrayList<>();
    for (int i : differentiated) {
      for (double x : CorpusModeCheck.flatten(CorpusGradCheck.component(v, accessors.get(i)))) {
        flat.add(x);
      }
    }
    for (int col = 0; col < inputs.size(); col++) {
      double sum = 0;
      double scale = 0;
      for (int r = 0; r < u.length; r++) {
        sum += u[r] * j[r][col];
        scale += Math.abs(u[r] * j[r][col]);
      }
      if (!(Math.abs(sum - flat.get(col)) <= 1e-9 * Math.max(1, scale))) {
        return "rVjp's gradient entry " + col + " " + flat.get(col) + " but cotangent · jacobian() gives " + sum;
      }
    }
    return null;
  }

  private String forwardAt(Object[] point, Method jvp, Random random) {
    Object[] primalArgs = CorpusGradCheck.copy(point);
    double[] expected = (double[]) invoke(primal, primalArgs, "corpus error: the primal throws ");
    double[][] j = (double[][]) CorpusGradCheck.component(invoke(jacobian, CorpusGradCheck.copy(point), "the gradient throws "), "jacobian");
    List<int[]> inputs = inputs(point, expected.length);
    if (jvp.getParameterCount() != point.length + differentiated.size()) {
      return "corpus error: " + jvp.getName() + " has " + jvp.getParameterCount() + " parameters for " + point.length
          + " and " + differentiated.size() + " tangents";
    }
    for (int k = 0; k < CorpusModeCheck.DIRECTIONS; k++) {
      Object[] direction = new Object[differentiated.size()];
      for (int n = 0; n < direction.length; n++) {
        direction[n] = scaled(point[differentiated.get(n)], random);
      }
      double[] d = CorpusModeCheck.flatten(direction);
      Object[] args = append(CorpusGradCheck.copy(point), CorpusGradCheck.copy(direction));
      Object r = invoke(jvp, args, "forward mode throws ");
      String wrong = sameResult(r, expected, primalArgs, args);
      if (wrong != null) {
        return wrong;
      }
      double[] tangent = (double[]) CorpusGradCheck.component(r, "tangent");
      double[] fd = along(point, direction);
      String along = " along " + Arrays.deepToString(direction);
      for (int row = 0; row < expected.length; row++) {
        double jd = 0;
        double scale = 0;
        for (int col = 0; col < inputs.size(); col++) {
          jd += j[row][col] * d[col];
          scale += Math.abs(j[row][col] * d[col]);
        }
        if (!(Math.abs(tangent[row] - jd) <= 1e-9 * Math.max(1, scale))) {
          return "tangent()[" + row + "] " + tangent[row] + " but jacobian() · direction gives " + jd + along;
        }
        if (!(Math.abs(fd[row] - tangent[row]) <= 1e-6 * Math.max(1, Math.max(Math.abs(fd[row]), scale)))) {
          return "tangent()[" + row + "] " + tangent[row] + " but finite differences give " + fd[row] + along;
        }
      }
    }
    return null;
  }

  private String sameResult(Object record, double[] expected, Object[] primalArgs, Object[] args) {
    double[] value = (double[]) CorpusGradCheck.component(record, "value");
    if (!Arrays.equals(expected, value)) {
      return "value() " + Arrays.toString(value) + " but the primal returns " + Arrays.toString(expected);
    }
    for (int i = 0; i < primalArgs.length; i++) {
      if (!Arrays.deepEquals(new Object[] {primalArgs[i]}, new Object[] {args[i]})) {
        return "argument " + i + " is left different from the primal's";
      }
    }
    return null;
  }

  /**
   * The flattened differentiated inputs, each as {argument, element path...}; the differentiated
   * arguments are those {@code rVjp}'s record has a component for.
   */
  private List<int[]> inputs(Object[] point, int outputs) {
    Object v = invoke(vjp, append(CorpusGradCheck.copy(point), new double[outputs]), "the gradient throws ");
    List<String> accessors = CorpusGradCheck.accessors(primal, v);
    differentiated = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < point.length; i++) {
      if (accessors.get(i) != null) {
        differentiated.add(i);
        paths(point[i], new int[] {i}, out);
      }
    }
    return out;
  }

  private static void paths(Object arg, int[] prefix, List<int[]> out) {
    if (arg instanceof Number) {
      out.add(prefix);
    } else if (arg != null && arg.getClass().isArray()) {
      for (int k = 0; k < Array.getLength(arg); k++) {
        int[] p = Arrays.copyOf(prefix, prefix.length + 1);
        p[prefix.length] = k;
        paths(Array.get(arg, k), p, out);
      }
    }
  }

  /** The derivative of the result along input {@code in}: the scalar check's steps. */
  private double[] column(Object[] point, int[] in) {
    double x = ((Number) element(point, in)).doubleValue();
    double h = 2e-4 * (x == 0 ? 1 : Math.abs(x));
    double[] p1 = at(point, in, x + h);
    double[] m1 = at(point, in, x - h);
    double[] p2 = at(point, in, x + h / 2);
    double[] m2 = at(point, in, x - h / 2);
    double[] out = new double[p1.length];
    for (int r = 0; r < out.length; r++) {
      double d1 = (p1[r] - m1[r]) / (2 * h);
      double d2 = (p2[r] - m2[r]) / h;
      out[r] = (4 * d2 - d1) / 3;
    }
    return out;
  }

  private double[] along(Object[] point, Object[] direction) {
    double h = 2e-4;
    double[][] f = new double[4][];
    double[] steps = {h, -h, h / 2, -h / 2};
    for (int s = 0; s < 4; s++) {
      Object[] args = CorpusGradCheck.copy(point);
      for (int n = 0; n < direction.length; n++) {
        int i = differentiated.get(n);
        args[i] = shift(args[i], direction[n], steps[s]);
      }
      f[s] = (double[]) invoke(primal, args, "corpus error: the primal throws near the point ");
    }
    double[] out = new double[f[0].length];
    for (int r = 0; r < out.length; r++) {
      double d1 = (f[0][r] - f[1][r]) / (2 * h);
      double d2 = (f[2][r] - f[3][r]) / h;
      out[r] = (4 * d2 - d1) / 3;
    }
    return out;
  }

  private double[] at(Object[] point, int[] in, double x) {
    Object[] args = CorpusGradCheck.copy(point);
    if (in.length == 1) {
      args[in[0]] = x;
    } else {
      Object container = args[in[0]];
      for (int k = 1; k < in.length - 1; k++) {
        container = Array.get(container, in[k]);
      }
      Array.setDouble(container, in[in.length - 1], x);
    }
    return (double[]) invoke(primal, args, "corpus error: the primal throws near the point ");
  }

  private static Object element(Object[] point, int[] in) {
    Object a = point[in[0]];
    for (int k = 1; k < in.length; k++) {
      a = Array.get(a, in[k]);
    }
    return a;
  }

  /** A direction entry per double, scaled by its argument as {@link CorpusModeCheck}'s are. */
  private static Object scaled(Object p, Random random) {
    if (p instanceof Double x) {
      return (2 * random.nextDouble() - 1) * (x == 0 ? 1 : Math.abs(x));
    }
    if (p instanceof double[] a) {
      double[] d = new double[a.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = (2 * random.nextDouble() - 1) * (a[k] == 0 ? 1 : Math.abs(a[k]));
      }
      return d;
    }
    if (p instanceof double[][] m) {
      double[][] d = new double[m.length][];
      for (int k = 0; k < d.length; k++) {
        d[k] = (double[]) scaled(m[k], random);
      }
      return d;
    }
    throw new IllegalArgumentException("no direction for a " + p.getClass().getSimpleName());
  }

  private static Object shift(Object p, Object d, double h) {
    if (p instanceof Double x) {
      return x + h * (Double) d;
    }
    if (p instanceof double[] a) {
      double[] out = a.clone();
      for (int k = 0; k < out.length; k++) {
        out[k] += h * ((double[]) d)[k];
      }
      return out;
    }
    double[][] m = (double[][]) p;
    double[][] out = new double[m.length][];
    for (int k = 0; k < m.length; k++) {
      out[k] = (double[]) shift(m[k], ((double[][]) d)[k], h);
    }
    return out;
  }

  private static Object[] append(Object[] a, Object... more) {
    Object[] out = Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }

  /** What a method under check threw, said as {@code check} reports it. */
  private static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Thrown(String message) {
      super(message);
    }
  }

  /** What {@code m} returns; what it throws becomes a {@link Thrown} whose message starts with {@code what}. */
  private static Object invoke(Method m, Object[] args, String what) {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new Thrown(what + e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
