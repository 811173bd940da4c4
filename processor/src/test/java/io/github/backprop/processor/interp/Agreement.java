package io.github.backprop.processor.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.Derivations;
import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The interpreted IR of one method against the compiled code and against finite differences:
 * the primal as read and the gradient as derived, interpreted, must equal bit for bit what the
 * source method and the generated gradient compute (and leave arrays alike), and each partial
 * must match a Richardson-extrapolated central difference of the interpreted primal.
 */
public final class Agreement {
  private final Derivations d;
  private final double tolerance;

  public Agreement(Derivations d, double tolerance) {
    assertTrue(d.succeeded(), d::diagnostics);
    this.d = d;
    this.tolerance = tolerance;
  }

  public Agreement(Derivations d) {
    this(d, 1e-6);
  }

  private Interpreter interpreter() {
    return new Interpreter(new Linker(d.loader()));
  }

  /** The same checks without finite differences: interpreted against compiled only. */
  public Agreement exactOnly() {
    Agreement a = new Agreement(d, tolerance);
    a.differences = false;
    return a;
  }

  private boolean differences = true;

  /**
   * Whether {@code m} is a method's own gradient over its own parameters (not a record wrapper's
   * flat one, a Hessian's tangent method or a vector method's cotangent form).
   */
  public static boolean plain(Derivations.Derived m) {
    var params = m.model().element().getParameters();
    if (params.size() != m.model().params().size()
        || m.model().element().getReturnType().getKind() == javax.lang.model.type.TypeKind.ARRAY) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      if (!params.get(i).getSimpleName().contentEquals(m.model().params().get(i).name())) {
        return false;
      }
    }
    return true;
  }

  /** Checks {@code name} at {@code point}; returns the interpreted gradient. */
  public Run.Gradient check(String name, Object... point) {
    return check(d.get(name), point);
  }

  /**
   * Checks {@code m} at {@code point}; returns the interpreted gradient, or null where the method
   * throws there (then the interpreted code must throw the same).
   */
  public Run.Gradient check(Derivations.Derived m, Object... point) {
    String name = m.model().name();
    String where = name + Arrays.deepToString(point);

    // A Hessian's tangent method t(x, v) has no compiled primal: its gradient's value stands in.
    boolean tangent = isTangent(m);
    Object[] primalArgs = copy(point);
    Outcome interpreted = Outcome.of(() -> Run.primal(m.model(), interpreter(), primalArgs));
    Object[] compiledArgs = copy(point);
    Outcome compiled = tangent ? interpreted : Outcome.of(() -> call(m, sourceClass(m), m.model().name(), compiledArgs));
    compiled.same(interpreted, where + ": the primal as read, interpreted, against the source method");
    same(tangent ? primalArgs : compiledArgs, primalArgs, where + ": arrays after the primal");

    Object[] gradArgs = copy(point);
    Outcome gi = Outcome.of(() -> Run.gradient(m.model(), m.grad(), interpreter(), gradArgs));
    Object[] generatedArgs = copy(point);
    Outcome gc = Outcome.of(() -> call(m, gradClass(m), tangent ? "_" + name + "Tangent" : name, generatedArgs));
    if (gc.thrown != null || gi.thrown != null) {
      gc.same(gi, where + ": the gradient, interpreted against the generated code");
      return null;
    }
    Run.Gradient g = (Run.Gradient) gi.value;
    List<Object> expected = new ArrayList<>(Compiled.components(gc.value).values());
    same(expected.get(0), g.value(), where + ": value, interpreted against the generated gradient");
    same(expected.subList(1, expected.size()), g.gradients(), where + ": gradient, interpreted against the generated code");
    same(generatedArgs, gradArgs, where + ": arrays after the gradient");
    if (compiled.thrown == null) {
      same(compiled.value, g.value(), where + ": the gradient's value against the primal");
    }

    Interpreted callees = new Interpreted(d);
    Run.Gradient all = Run.gradient(m.model(), m.grad(), callees.interpreter(), copy(point));
    same(g.value(), all.value(), where + ": value with callees interpreted too");
    same(g.gradients(), all.gradients(), where + ": gradient with callees interpreted too");

    if (differences) {
      finiteDifferences(m, point, g, where);
    }
    if (m.jvp() != null) {
      forward(m, point, g, where);
    }
    return g;
  }

  /**
   * Forward mode along a random direction: interpreted against the compiled {@code mJvp} bit for
   * bit (value, tangent, and the arrays after), and the tangent against the gradient dotted
   * with the direction.
   */
  private void forward(Derivations.Derived m, Object[] point, Run.Gradient g, String where) {
    java.util.Random r = new java.util.Random(java.util.Arrays.deepHashCode(point));
    List<Object> tangents = new ArrayList<>();
    for (var p : m.model().independents()) {
      tangents.add(direction(point[m.model().params().indexOf(p)], r));
    }
    Object[] args = copy(point);
    Object[] ts = copy(tangents.toArray());
    Outcome interpreted = Outcome.of(() -> Run.jvp(m.model(), m.jvp(), interpreter(), args, ts));
    Object[] compiledArgs = copy(point);
    Object[] compiledTs = copy(tangents.toArray());
    Object[] all = new Object[compiledArgs.length + compiledTs.length];
    System.arraycopy(compiledArgs, 0, all, 0, compiledArgs.length);
    System.arraycopy(compiledTs, 0, all, compiledArgs.length, compiledTs.length);
    Outcome compiled = Outcome.of(() -> {
      // mJvp(<m's parameters>, <a tangent per differentiated parameter>): overloads differ in types
      Linker linker = new Linker(d.loader());
      List<Class<?>> types = new ArrayList<>(List.of(types(m)));
      m.model().independents().forEach(p -> types.add(linker.classOf(p.declared())));
      Method method = Class.forName(gradClass(m), true, d.loader()).getDeclaredMethod(m.model().name() + "Jvp", types.toArray(new Class<?>[0]));
      method.setAccessible(true);
      return new ArrayList<>(Compiled.components(method.invoke(null, all)).values());
    });
    compiled.same(interpreted, where + ": forward mode, interpreted against the generated mJvp");
    same(compiledArgs, args, where + ": arrays after mJvp");
    same(compiledTs, ts, where + ": tangent arrays after mJvp");
    if (interpreted.thrown != null) {
      return;
    }
    double dot = 0;
    double scale = 0;
    for (int i = 0; i < tangents.size(); i++) {
      double[] gi = flat(g.gradients().get(i));
      double[] ti = flat(tangents.get(i));
      for (int k = 0; k < gi.length; k++) {
        dot += gi[k] * ti[k];
        scale += Math.abs(gi[k] * ti[k]);
      }
    }
    double tangent = ((Number) ((List<?>) interpreted.value).get(1)).doubleValue();
    if (!Double.isFinite(scale) || !Double.isFinite(tangent)) {
      return; // an infinite or undefined partial (a kink, an overflow): no sum to compare
    }
    assertEquals(dot, tangent, Math.max(tolerance, 1e-9) * Math.max(1, scale), where + ": tangent against gradient · direction");
  }

  private static Object direction(Object like, java.util.Random r) {
    if (like instanceof Double) {
      return 2 * r.nextDouble() - 1;
    }
    if (like instanceof Float) {
      return (float) (2 * r.nextDouble() - 1);
    }
    Object out = copy(new Object[] {like})[0];
    for (int i = 0; i < Array.getLength(out); i++) {
      Array.set(out, i, direction(Array.get(out, i), r));
    }
    return out;
  }

  private static double[] flat(Object v) {
    if (v instanceof Number n) {
      return new double[] {n.doubleValue()};
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Array.getLength(v); i++) {
      for (double x : flat(Array.get(v, i))) {
        out.add(x);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A value, or the exception that took its place (the interpreter's own failures propagate). */
  private record Outcome(Object value, Throwable thrown) {
    static Outcome of(java.util.concurrent.Callable<Object> f) {
      try {
        return new Outcome(f.call(), null);
      } catch (InterpreterException e) {
        throw e;
      } catch (java.lang.reflect.InvocationTargetException e) {
        return new Outcome(null, e.getCause());
      } catch (Throwable t) {
        return new Outcome(null, t);
      }
    }

    void same(Outcome interpreted, String what) {
      if (thrown != null || interpreted.thrown != null) {
        assertTrue(
            thrown != null && interpreted.thrown != null && thrown.getClass() == interpreted.thrown.getClass(),
            () -> what + ": compiled " + (thrown != null ? "threw " + thrown : "returned " + show(value))
                + ", interpreted " + (interpreted.thrown != null ? "threw " + interpreted.thrown : "returned " + show(interpreted.value)));
        return;
      }
      Agreement.same(value, interpreted.value, what);
    }
  }

  /** The binary name of the method's class. */
  private String sourceClass(Derivations.Derived m) {
    return new Linker(d.loader()).classOf(m.model().owner()).getName();
  }

  /** The binary name of the class generated for the method's class. */
  private String gradClass(Derivations.Derived m) {
    return new Linker(d.loader()).classOf(io.github.backprop.processor.names.GeneratedNames.gradClass(m.model().owner())).getName();
  }

  private void finiteDifferences(Derivations.Derived m, Object[] point, Run.Gradient g, String where) {
    int k = 0;
    for (int i = 0; i < point.length; i++) {
      if (!m.model().independents().contains(m.model().params().get(i))) {
        continue;
      }
      Object grad = g.gradients().get(k++);
      if (point[i] instanceof Double || point[i] instanceof Float) {
        close(derivative(m, point, i, -1, -1), ((Number) grad).doubleValue(), where + ": ∂/∂ argument " + i);
      } else if (point[i] instanceof double[] a) {
        for (int j = 0; j < a.length; j++) {
          close(derivative(m, point, i, j, -1), ((double[]) grad)[j], where + ": ∂/∂ argument " + i + "[" + j + "]");
        }
      } else if (point[i] instanceof double[][] a) {
        for (int j = 0; j < a.length; j++) {
          for (int l = 0; l < a[j].length; l++) {
            close(derivative(m, point, i, j, l), ((double[][]) grad)[j][l], where + ": ∂/∂ argument " + i + "[" + j + "][" + l + "]");
          }
        }
      }
    }
  }

  private void close(double fd, double actual, String what) {
    assertEquals(fd, actual, tolerance * Math.max(1, Math.abs(fd)), what);
  }

  /** Richardson-extrapolated central difference of the interpreted primal. */
  private double derivative(Derivations.Derived m, Object[] point, int arg, int row, int col) {
    double x = read(point[arg], row, col);
    double h = (point[arg] instanceof Float ? 1e-2 : 1e-3) * Math.max(1, Math.abs(x));
    double d1 = central(m, point, arg, row, col, x, h);
    double d2 = central(m, point, arg, row, col, x, h / 2);
    return (4 * d2 - d1) / 3;
  }

  private double central(Derivations.Derived m, Object[] point, int arg, int row, int col, double x, double h) {
    return (at(m, point, arg, row, col, x + h) - at(m, point, arg, row, col, x - h)) / (2 * h);
  }

  private double at(Derivations.Derived m, Object[] point, int arg, int row, int col, double x) {
    Object[] args = copy(point);
    if (args[arg] instanceof Float) {
      args[arg] = (float) x;
    } else if (args[arg] instanceof Double) {
      args[arg] = x;
    } else if (col < 0) {
      ((double[]) args[arg])[row] = x;
    } else {
      ((double[][]) args[arg])[row][col] = x;
    }
    return ((Number) Run.primal(m.model(), interpreter(), args)).doubleValue();
  }

  private static double read(Object v, int row, int col) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return col < 0 ? ((double[]) v)[row] : ((double[][]) v)[row][col];
  }

  /**
   * Whether {@code m} is the tangent method a Hessian is built from, {@code t(x, v)}: the
   * generated class then has its gradient as {@code _mTangent}, over the method's parameters and
   * the tangents.
   */
  public boolean isTangent(Derivations.Derived m) {
    if (plain(m) || m.model().params().size() <= m.model().element().getParameters().size()) {
      return false;
    }
    try {
      Class.forName(gradClass(m), true, d.loader()).getDeclaredMethod("_" + m.model().name() + "Tangent", types(m));
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private Class<?>[] types(Derivations.Derived m) {
    Linker linker = new Linker(d.loader());
    Class<?>[] types = new Class<?>[m.model().params().size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = linker.classOf(m.model().params().get(i).declared());
    }
    return types;
  }

  /** The compiled method {@code name} of {@code cls} with {@code m}'s parameter types. */
  private Object call(Derivations.Derived m, String cls, String name, Object[] args) throws ReflectiveOperationException {
    Class<?> c = Class.forName(cls, true, d.loader());
    Method method = c.getDeclaredMethod(name, types(m));
    method.setAccessible(true);
    return method.invoke(null, args);
  }

  /** Bit for bit: NaN equals NaN, 0.0 differs from -0.0, arrays element by element. */
  public static void same(Object expected, Object actual, String what) {
    assertTrue(identical(expected, actual), () -> what + ": expected " + show(expected) + " but was " + show(actual));
  }

  private static boolean identical(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.floatToIntBits(x) == Float.floatToIntBits(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!identical(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Object[] x && b instanceof Object[] y) {
      return identical(Arrays.asList(x), Arrays.asList(y));
    }
    if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
      if (a.getClass() != b.getClass() || Array.getLength(a) != Array.getLength(b)) {
        return false;
      }
      for (int i = 0; i < Array.getLength(a); i++) {
        if (!identical(Array.get(a, i), Array.get(b, i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, b);
  }

  private static String show(Object v) {
    if (v instanceof Object[] a) {
      return Arrays.deepToString(a);
    }
    if (v != null && v.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {v});
    }
    return String.valueOf(v);
  }

  /** A deep copy of the arguments, so each run starts from the same point. */
  public static Object[] copy(Object[] point) {
    Object[] out = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      out[i] = deepCopy(point[i]);
    }
    return out;
  }

  private static Object deepCopy(Object v) {
    if (v == null || !v.getClass().isArray()) {
      return v;
    }
    int n = Array.getLength(v);
    Object out = Array.newInstance(v.getClass().getComponentType(), n);
    for (int i = 0; i < n; i++) {
      Array.set(out, i, deepCopy(Array.get(v, i)));
    }
    return out;
  }
}
