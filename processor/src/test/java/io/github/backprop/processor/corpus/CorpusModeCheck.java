package io.github.backprop.processor.corpus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Forward mode ({@code mJvp}) and second order ({@code mHvp}, {@code mHessian}) of one corpus
 * unit at each of its points, along a few directions drawn from a fixed seed. Each entry of a
 * direction is scaled by its argument ({@code |x|}, or 1 at 0), so that a step {@code x + h·d}
 * moves every coordinate by the relative step the reverse check takes on it alone.
 *
 * <ul>
 *   <li>{@code mJvp}: {@code value()} equal to the primal's result, the arguments left as the
 *       primal leaves them; {@code tangent()} equal to the reverse gradient · direction (up to
 *       rounding: the two sums run in different orders) and to the Richardson-extrapolated
 *       central difference of the primal along the direction, with the reverse check's steps and
 *       tolerances; the tangent arrays of differentiated arrays the method writes into against
 *       the central differences of what it leaves there.
 *   <li>{@code mHvp}: {@code value()} equal to the primal's, {@code gradient()} to the reverse
 *       gradient (flattened, up to rounding), {@code hvp()} to the central difference of the
 *       reverse gradient along the direction, Richardson-extrapolated, within 1e-5 relative
 *       (1e-2 for float). Looser than first order because the difference quotient now divides
 *       the rounding error of a whole reverse sweep, not of one primal result, by the step:
 *       relative errors of 1e-13 in the gradient become 1e-9..1e-7 in the quotient, and the
 *       gradient of a kinked or tabulated primal is only piecewise smooth.
 *   <li>{@code mHessian}: value and gradient as {@code mHvp}'s, and {@code hessian()} times the
 *       direction equal to {@code hvp()} up to rounding.
 * </ul>
 */
final class CorpusModeCheck {
  /** Directions per point: a few, drawn from seeds fixed in the code. */
  static final int DIRECTIONS = 2;

  private final Method primal;
  private final Method grad;
  private final Method mode;
  private final Method hessian;
  private final boolean isFloat;
  private final List<Integer> differentiated = new ArrayList<>();

  private CorpusModeCheck(Method primal, Method grad, Method mode, Method hessian) {
    this.primal = primal;
    this.grad = grad;
    this.mode = mode;
    this.hessian = hessian;
    this.isFloat = computesInFloat(primal);
  }

  /**
   * Whether the method takes or returns float: its result then carries float rounding even along a
   * double argument, which finite differences can check only to float tolerance.
   */
  static boolean computesInFloat(Method primal) {
    boolean f = primal.getReturnType() == float.class;
    for (Class<?> t : primal.getParameterTypes()) {
      f |= t == float.class || t == float[].class || t == float[][].class;
    }
    return f;
  }

  /** Null when {@code mJvp} is right at every point, else what is wrong. */
  static String forward(ClassLoader loader, CorpusUnit u) {
    return run(loader, u, false);
  }

  /** Null when {@code mHvp} and {@code mHessian} are right at every point, else what is wrong. */
  static String hessian(ClassLoader loader, CorpusUnit u) {
    return run(loader, u, true);
  }

  private static String run(ClassLoader loader, CorpusUnit u, boolean second) {
    if (u.vector()) {
      return CorpusVectorCheck.check(loader, u, true); // no second order for a vector result
    }
    CorpusModeCheck check;
    try {
      Class<?> c = loader.loadClass(u.qualifiedName());
      Method primal = CorpusGradCheck.find(c, u, Points.arity(u.points().get(0)));
      Class<?> g = loader.loadClass(u.qualifiedName() + "Grad");
      Method grad = g.getDeclaredMethod(u.method(), Structured.types(primal));
      String name = u.method() + (second ? "Hvp" : "Jvp");
      Method mode = withPrefix(g, name, Structured.types(primal));
      Method hessian = second ? withPrefix(g, u.method() + "Hessian", Structured.types(primal)) : null;
      if (mode == null || second && hessian == null) {
        return "no " + (mode == null ? name : u.method() + "Hessian") + " method";
      }
      primal.setAccessible(true);
      grad.setAccessible(true);
      mode.setAccessible(true);
      if (hessian != null) {
        hessian.setAccessible(true);
      }
      check = new CorpusModeCheck(primal, grad, mode, hessian);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "no gradient method: " + e;
    }
    long seed = u.id().hashCode();
    for (String point : u.points()) {
      String wrong;
      try {
        Object[] at = Points.parse(point, Structured.types(check.primal));
        wrong = second ? check.hvpAt(at, new Random(seed)) : check.jvpAt(at, new Random(seed));
      } catch (RuntimeException e) {
        wrong = "corpus error: " + e;
      }
      if (wrong != null) {
        return "at (" + point + "): " + wrong;
      }
    }
    return null;
  }

  /** The method of {@code g} named {@code name} whose parameters start with {@code types}. */
  private static Method withPrefix(Class<?> g, String name, Class<?>[] types) {
    for (Method m : g.getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() >= types.length
          && Arrays.equals(Arrays.copyOf(m.getParameterTypes(), types.length), types)) {
        return m;
      }
    }
    return null;
  }

  private String jvpAt(Object[] point, Random random) {
    Object[] primalArgs = CorpusGradCheck.copy(point);
    Object expected;
    try {
      expected = Structured.invoke(primal, primalArgs);
    } catch (InvocationTargetException e) {
      return "corpus error: the primal throws " + e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Object record = call(grad, CorpusGradCheck.copy(point));
    if (record instanceof String thrown) {
      return "the gradient throws " + thrown;
    }
    List<String> accessors = CorpusGradCheck.accessors(primal, record);
    differentiated.clear();
    for (int i = 0; i < point.length; i++) {
      if (accessors.get(i) != null) {
        differentiated.add(i);
      }
    }
    if (mode.getParameterCount() != point.length + differentiated.size()) {
      return "corpus error: " + mode.getName() + " has " + mode.getParameterCount() + " parameters for "
          + point.length + " and " + differentiated.size() + " tangents";
    }
    for (int k = 0; k < DIRECTIONS; k++) {
      Object[] direction = direction(point, random);
      double reverse = 0;
      double scale = 0;
      for (int n = 0; n < direction.length; n++) {
        int i = differentiated.get(n);
        double[] g = flatten(CorpusGradCheck.component(record, accessors.get(i)));
        double[] d = flatten(direction[n]);
        for (int j = 0; j < g.length; j++) {
          reverse += g[j] * d[j];
          scale += Math.abs(g[j] * d[j]);
        }
      }
      Object[] args = concat(CorpusGradCheck.copy(point), CorpusGradCheck.copy(direction));
      Object r = call(mode, args);
      if (r instanceof String thrown) {
        return "forward mode throws " + thrown;
      }
      String along = " along " + Arrays.deepToString(direction);
      Object value = CorpusGradCheck.component(r, "value");
      if (!CorpusGradCheck.same(expected, value)) {
        return "value() " + value + " but the primal returns " + expected;
      }
      for (int i = 0; i < point.length; i++) {
        if (!Structured.same(primalArgs[i], args[i])) {
          return "forward mode leaves argument " + i + " different from the primal";
        }
      }
      double tangent = ((Number) CorpusGradCheck.component(r, "tangent")).doubleValue();
      // the same partials summed in another order: rounding, relative to the terms' sizes
      if (!(Math.abs(tangent - reverse) <= (isFloat ? 1e-4 : 1e-9) * Math.max(1, scale))) {
        return "tangent() " + tangent + " but the reverse gradient · direction gives " + reverse + along;
      }
      Object[][] steps = steps(point, direction);
      double fd = alongPrimal(steps, x -> x.value);
      // the difference quotient's error grows with the terms of the sum, not with the sum
      if (!(Math.abs(fd - tangent) <= (isFloat ? 1e-3 : 1e-6) * Math.max(1, Math.max(Math.abs(fd), scale)))) {
        return "tangent() " + tangent + " but finite differences give " + fd + along;
      }
      for (int n = 0; n < direction.length; n++) {
        int i = differentiated.get(n);
        if (!Structured.same(point[i], primalArgs[i])) {
          // the method writes into this array: its tangent array got the tangents of what it wrote
          double[] written = flatten(args[point.length + n]);
          for (int j = 0; j < written.length; j++) {
            int element = j;
            double fdj = alongPrimal(steps, x -> flatten(x.args[i])[element]);
            if (!(Math.abs(fdj - written[j]) <= (isFloat ? 1e-3 : 1e-6) * Math.max(1, Math.abs(fdj)))) {
              return "tangent of argument " + i + " [" + j + "] as left: " + written[j] + " but finite differences give "
                  + fdj + along;
            }
          }
        }
      }
    }
    return null;
  }

  private String hvpAt(Object[] point, Random random) {
    Object expected;
    try {
      expected = Structured.invoke(primal, CorpusGradCheck.copy(point));
    } catch (InvocationTargetException e) {
      return "corpus error: the primal throws " + e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Object record = call(grad, CorpusGradCheck.copy(point));
    if (record instanceof String thrown) {
      return "the gradient throws " + thrown;
    }
    List<String> accessors = CorpusGradCheck.accessors(primal, record);
    differentiated.clear();
    for (int i = 0; i < point.length; i++) {
      if (accessors.get(i) != null) {
        differentiated.add(i);
      }
    }
    if (mode.getParameterCount() != point.length + differentiated.size()) {
      return "corpus error: " + mode.getName() + " has " + mode.getParameterCount() + " parameters for "
          + point.length + " and " + differentiated.size() + " directions";
    }
    double[] gradient = reverseGradient(point);
    double gradTol = isFloat ? 1e-5 : 1e-9;
    double hvpTol = isFloat ? 1e-2 : 1e-5;
    Object h = call(hessian, CorpusGradCheck.copy(point));
    if (h instanceof String thrown) {
      return "mHessian throws " + thrown;
    }
    if (!CorpusGradCheck.same(expected, CorpusGradCheck.component(h, "value"))) {
      return "mHessian's value() " + CorpusGradCheck.component(h, "value") + " but the primal returns " + expected;
    }
    String wrong = near("mHessian's gradient()", (double[]) CorpusGradCheck.component(h, "gradient"), gradient, gradTol,
        "the reverse gradient");
    if (wrong != null) {
      return wrong;
    }
    double[][] matrix = (double[][]) CorpusGradCheck.component(h, "hessian");
    if (matrix.length != gradient.length) {
      return "mHessian's hessian() has " + matrix.length + " rows for " + gradient.length + " parameters";
    }
    for (int k = 0; k < DIRECTIONS; k++) {
      Object[] direction = direction(point, random);
      String along = " along " + Arrays.deepToString(direction);
      Object r = call(mode, concat(CorpusGradCheck.copy(point), CorpusGradCheck.copy(direction)));
      if (r instanceof String thrown) {
        return "mHvp throws " + thrown;
      }
      Object value = CorpusGradCheck.component(r, "value");
      if (!CorpusGradCheck.same(expected, value)) {
        return "mHvp's value() " + value + " but the primal returns " + expected;
      }
      wrong = near("mHvp's gradient()", (double[]) CorpusGradCheck.component(r, "gradient"), gradient, gradTol,
          "the reverse gradient");
      if (wrong != null) {
        return wrong;
      }
      double[] hvp = (double[]) CorpusGradCheck.component(r, "hvp");
      if (hvp.length != gradient.length) {
        return "hvp() has " + hvp.length + " entries for " + gradient.length;
      }
      double[] d = flatten(direction);
      Object[][] steps = steps(point, direction);
      double[][] gradients = new double[steps.length][];
      for (int s = 0; s < steps.length; s++) {
        gradients[s] = reverseGradient(steps[s]);
      }
      for (int j = 0; j < hvp.length; j++) {
        int row = j;
        double fd = richardson(gradients, g -> g[row]);
        if (!(Math.abs(fd - hvp[j]) <= hvpTol * Math.max(1, Math.abs(fd)))) {
          return "hvp()[" + j + "] " + hvp[j] + " but finite differences of the reverse gradient give " + fd + along;
        }
        double hd = 0;
        double scale = 0;
        for (int c = 0; c < d.length; c++) {
          hd += matrix[j][c] * d[c];
          scale += Math.abs(matrix[j][c] * d[c]);
        }
        if (!(Math.abs(hd - hvp[j]) <= gradTol * Math.max(1, scale))) {
          return "mHessian's hessian()[" + j + "] · direction " + hd + " but hvp()[" + j + "] is " + hvp[j] + along;
        }
      }
    }
    return null;
  }

  private static String near(String what, double[] actual, double[] expected, double tol, String against) {
    if (actual.length != expected.length) {
      return what + " has " + actual.length + " entries for " + expected.length;
    }
    for (int j = 0; j < actual.length; j++) {
      if (!(Math.abs(actual[j] - expected[j]) <= tol * Math.max(1, Math.abs(expected[j])))) {
        return what + "[" + j + "] " + actual[j] + " but " + against + " gives " + expected[j];
      }
    }
    return null;
  }

  /** The reverse gradient at {@code args}, flattened over the differentiated parameters. */
  private double[] reverseGradient(Object[] args) {
    Object record = call(grad, CorpusGradCheck.copy(args));
    if (record instanceof String thrown) {
      throw new IllegalStateException("the gradient throws near the point: " + thrown);
    }
    List<String> accessors = CorpusGradCheck.accessors(primal, record);
    List<Object> parts = new ArrayList<>();
    for (int i : differentiated) {
      parts.add(CorpusGradCheck.component(record, accessors.get(i)));
    }
    return flatten(parts.toArray());
  }

  /**
   * One direction per differentiated parameter, shaped like it (a tangent record for a record or
   * an object, as the mode method takes it), each entry scaled by its argument.
   */
  private Object[] direction(Object[] point, Random random) {
    Object[] out = new Object[differentiated.size()];
    for (int n = 0; n < out.length; n++) {
      Class<?> type = mode.getParameterTypes()[point.length + n];
      out[n] = Structured.tangent(point[differentiated.get(n)], type, x -> (2 * random.nextDouble() - 1) * (x == 0 ? 1 : Math.abs(x)));
    }
    return out;
  }

  /**
   * The arguments at {@code point ± h·direction} and {@code ± h/2·direction}, each as the
   * primal left them, with the primal's result: the four evaluations of one Richardson step.
   */
  private Object[][] steps(Object[] point, Object[] direction) {
    double h = isFloat ? 1e-2 : 2e-4;
    double[] at = {h, -h, h / 2, -h / 2};
    Object[][] out = new Object[at.length][];
    for (int s = 0; s < at.length; s++) {
      Object[] args = CorpusGradCheck.copy(point);
      double step = at[s];
      for (int n = 0; n < direction.length; n++) {
        int i = differentiated.get(n);
        args[i] = Structured.zip(args[i], direction[n], (x, d) -> x + step * d);
      }
      out[s] = args;
    }
    return out;
  }

  private record Evaluated(Object[] args, double value) {}

  /** {@code (4·D(h/2) − D(h)) / 3} of the central differences of {@code f} over the four steps. */
  private <T> double richardson(T[] steps, java.util.function.ToDoubleFunction<T> f) {
    double h = isFloat ? 1e-2 : 2e-4;
    double d1 = (f.applyAsDouble(steps[0]) - f.applyAsDouble(steps[1])) / (2 * h);
    double d2 = (f.applyAsDouble(steps[2]) - f.applyAsDouble(steps[3])) / h;
    return (4 * d2 - d1) / 3;
  }

  private double alongPrimal(Object[][] steps, java.util.function.ToDoubleFunction<Evaluated> f) {
    Evaluated[] e = new Evaluated[steps.length];
    for (int s = 0; s < steps.length; s++) {
      Object[] args = CorpusGradCheck.copy(steps[s]);
      Object v = call(primal, args);
      if (v instanceof String thrown) {
        throw new IllegalStateException("the primal throws near the point: " + thrown);
      }
      e[s] = new Evaluated(args, ((Number) v).doubleValue());
    }
    return richardson(e, f);
  }

  /** The record {@code m} returns (the primal: its result), or what it threw as a String. */
  private static Object call(Method m, Object[] args) {
    try {
      return Structured.invoke(m, args);
    } catch (InvocationTargetException e) {
      return String.valueOf(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Doubles, floats and arrays of them in order, arrays row-major; records and objects as the Hessian flattens them. */
  static double[] flatten(Object o) {
    List<Double> out = new ArrayList<>();
    Structured.flatten(o, out);
    double[] a = new double[out.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = out.get(j);
    }
    return a;
  }
}
