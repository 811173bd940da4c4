package io.github.backprop.processor.corpus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The gradient of one corpus unit against its primal at each of its points: {@code value()}
 * equal to the primal's result, the arguments left as the primal leaves them, and every partial
 * (double, float and their arrays) within a relative tolerance of a Richardson-extrapolated
 * central finite difference of the primal: 1e-6 for double, 1e-3 for float, whose reverse sweep
 * runs in float. A method that takes or returns float is checked to float tolerance along its
 * double arguments too: {@code (float) x * w} rounds x, so its differences carry float noise.
 */
final class CorpusGradCheck {
  private final Method primal;
  private final Method grad;
  private final boolean computesInFloat;

  private CorpusGradCheck(Method primal, Method grad) {
    this.primal = primal;
    this.grad = grad;
    this.computesInFloat = CorpusModeCheck.computesInFloat(primal);
  }

  /** Null when the gradient is right at every point, else what is wrong. */
  static String check(ClassLoader loader, CorpusUnit u) {
    if (u.points().isEmpty()) {
      return "corpus error: no points to check";
    }
    if (u.vector()) {
      return CorpusVectorCheck.check(loader, u, false);
    }
    Method primal;
    Method grad;
    try {
      Class<?> c = loader.loadClass(u.qualifiedName());
      primal = find(c, u, Points.arity(u.points().get(0)));
      Class<?> g = loader.loadClass(u.qualifiedName() + "Grad");
      grad = g.getDeclaredMethod(u.method(), Structured.types(primal));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "no gradient method: " + e;
    }
    primal.setAccessible(true);
    grad.setAccessible(true);
    CorpusGradCheck check = new CorpusGradCheck(primal, grad);
    for (String point : u.points()) {
      String wrong;
      try {
        wrong = check.at(Points.parse(point, Structured.types(primal)));
      } catch (RuntimeException e) {
        wrong = "corpus error: " + e;
      }
      if (wrong != null) {
        return "at (" + point + "): " + wrong;
      }
    }
    return null;
  }

  /** The method of {@code u} taking {@code arity} arguments, an instance method's receiver counted. */
  static Method find(Class<?> c, CorpusUnit u, int arity) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(u.method()) && Structured.types(m).length == arity
          && (u.types() == null || typeNames(m).equals(u.types()))) {
        return m;
      }
    }
    throw new IllegalArgumentException("no method " + u.method() + " of " + arity + " parameters");
  }

  private static List<String> typeNames(Method m) {
    List<String> out = new ArrayList<>();
    for (Class<?> t : m.getParameterTypes()) {
      out.add(t.getSimpleName());
    }
    return out;
  }

  private String at(Object[] point) {
    Object[] primalArgs = copy(point);
    Object expected;
    try {
      expected = Structured.invoke(primal, primalArgs);
    } catch (InvocationTargetException e) {
      return "corpus error: the primal throws " + e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Object[] gradArgs = copy(point);
    Object record;
    try {
      record = grad.invoke(null, gradArgs);
    } catch (InvocationTargetException e) {
      return "the gradient throws " + e.getCause();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    Object value = component(record, "value");
    if (!same(expected, value)) {
      return "value() " + value + " but the primal returns " + expected;
    }
    for (int i = 0; i < point.length; i++) {
      if (!Structured.same(primalArgs[i], gradArgs[i])) {
        return "the gradient leaves argument " + i + " different from the primal";
      }
    }
    List<String> accessors = accessors(primal, record);
    for (int i = 0; i < point.length; i++) {
      String a = accessors.get(i);
      if (a == null) {
        continue;
      }
      Object partial = component(record, a);
      String wrong = compare(point, i, partial, List.of());
      if (wrong != null) {
        return "d/d" + (Structured.instance(primal) ? i == 0 ? "self" : primal.getParameters()[i - 1].getName()
            : primal.getParameters()[i].getName()) + wrong;
      }
    }
    return null;
  }

  /**
   * Compares the partial for argument i at {@code path} inside it: array indices, and the names
   * of a record's components or an object's fields, which its tangent record's components carry.
   */
  private String compare(Object[] point, int i, Object partial, List<Object> path) {
    Object arg = Structured.at(point[i], path);
    if (arg instanceof Double || arg instanceof Float) {
      boolean isFloat = arg instanceof Float;
      double fd = derivative(point, i, path, isFloat);
      double actual = ((Number) partial).doubleValue();
      double tol = (isFloat || computesInFloat ? 1e-3 : 1e-6) * Math.max(1, Math.abs(fd));
      if (!(Math.abs(fd - actual) <= tol)) {
        return where(path) + ": " + actual + " but finite differences give " + fd;
      }
      return null;
    }
    boolean elements = arg != null && (arg.getClass().isArray() || arg instanceof List);
    if (elements && partial != null && partial.getClass().isArray()) {
      int n = arg instanceof List<?> l ? l.size() : java.lang.reflect.Array.getLength(arg);
      if (java.lang.reflect.Array.getLength(partial) != n) {
        return where(path) + ": gradient length " + java.lang.reflect.Array.getLength(partial) + " for " + n + " elements";
      }
      for (int j = 0; j < n; j++) {
        List<Object> sub = new ArrayList<>(path);
        sub.add(j);
        String wrong = compare(point, i, java.lang.reflect.Array.get(partial, j), sub);
        if (wrong != null) {
          return wrong;
        }
      }
      return null;
    }
    if (Structured.isStructured(arg) && partial != null && partial.getClass().isRecord()) {
      // a tangent record: one component per differentiated part, named as the part
      for (java.util.Map.Entry<String, Object> c : Structured.parts(partial).entrySet()) {
        List<Object> sub = new ArrayList<>(path);
        sub.add(c.getKey());
        String wrong = compare(point, i, c.getValue(), sub);
        if (wrong != null) {
          return wrong;
        }
      }
      return null;
    }
    return null; // not a real-valued argument
  }

  /** {@code [2].w[0][1]} for a path. */
  private static String where(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path) {
      out.append(step instanceof Integer ? "[" + step + "]" : "." + step);
    }
    return out.toString();
  }

  private double derivative(Object[] point, int i, List<Object> path, boolean isFloat) {
    double x = ((Number) Structured.at(point[i], path)).doubleValue();
    // relative to the argument, so that small arguments (a wavelength in metres) get small steps
    double h = (isFloat || computesInFloat ? 1e-2 : 2e-4) * (x == 0 ? 1 : Math.abs(x));
    double d1 = central(point, i, path, x, h, isFloat);
    double d2 = central(point, i, path, x, h / 2, isFloat);
    return (4 * d2 - d1) / 3;
  }

  private double central(Object[] point, int i, List<Object> path, double x, double h, boolean isFloat) {
    return (eval(point, i, path, x + h, isFloat) - eval(point, i, path, x - h, isFloat)) / (2 * h);
  }

  private double eval(Object[] point, int i, List<Object> path, double x, boolean isFloat) {
    Object[] args = copy(point);
    args[i] = Structured.with(args[i], path, isFloat ? (Object) (float) x : (Object) x);
    try {
      return ((Number) Structured.invoke(primal, args)).doubleValue();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the primal throws near the point: " + e.getCause(), e);
    }
  }

  static boolean same(Object expected, Object value) {
    if (expected instanceof Number e && value instanceof Number v) {
      return Double.compare(e.doubleValue(), v.doubleValue()) == 0
          || e.doubleValue() == v.doubleValue();
    }
    return Objects.equals(expected, value);
  }

  /**
   * The record component of each argument (a parameter named value has value_; an instance
   * method's receiver has self), or null.
   */
  static List<String> accessors(Method primal, Object record) {
    Set<String> components = new HashSet<>();
    for (RecordComponent rc : record.getClass().getRecordComponents()) {
      components.add(rc.getName());
    }
    Set<String> taken = new HashSet<>();
    for (Parameter p : primal.getParameters()) {
      taken.add(p.getName());
    }
    List<String> out = new ArrayList<>();
    for (Parameter p : primal.getParameters()) {
      String a = p.getName();
      if (a.equals("value")) {
        a = "value_";
        while (taken.contains(a)) {
          a += "_";
        }
      }
      out.add(components.contains(a) && !a.equals("value") ? a : null);
    }
    if (Structured.instance(primal)) {
      out.add(0, components.contains("self") ? "self" : null);
    }
    return out;
  }

  static Object component(Object record, String name) {
    try {
      for (RecordComponent rc : record.getClass().getRecordComponents()) {
        if (rc.getName().equals(name)) {
          Method m = rc.getAccessor();
          m.setAccessible(true);
          return m.invoke(record);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no component " + name + " in " + record.getClass().getSimpleName());
  }

  static Object[] copy(Object[] point) {
    Object[] out = point.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Structured.copy(out[i]);
    }
    return out;
  }
}
