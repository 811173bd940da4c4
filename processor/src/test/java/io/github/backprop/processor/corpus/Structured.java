package io.github.backprop.processor.corpus;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Records and objects among a corpus method's arguments, and the receiver of an instance method,
 * which the checks treat as its first argument ({@code self}, as the generated {@code mGrad(self,
 * ...)} takes it). A record is its components; an object of a corpus class is its instance fields
 * (superclasses' first), made again through its constructor that takes them all in that order,
 * which a corpus class must have. A tangent record's components name the record components or
 * fields they differentiate, so a gradient is walked by name; flattened, it follows the Hessian's
 * order: a record's or object's parts in order, an array of records component by component.
 */
final class Structured {
  private Structured() {}

  /** The argument types of {@code primal}, its declaring class first for an instance method. */
  static Class<?>[] types(Method primal) {
    if (Modifier.isStatic(primal.getModifiers())) {
      return primal.getParameterTypes();
    }
    Class<?>[] out = new Class<?>[primal.getParameterCount() + 1];
    out[0] = primal.getDeclaringClass();
    System.arraycopy(primal.getParameterTypes(), 0, out, 1, primal.getParameterCount());
    return out;
  }

  /** Whether {@code primal} is an instance method: its first argument is the receiver. */
  static boolean instance(Method primal) {
    return !Modifier.isStatic(primal.getModifiers());
  }

  /** Calls {@code primal} on {@code args}, the first of them the receiver of an instance method. */
  static Object invoke(Method primal, Object[] args) throws InvocationTargetException, IllegalAccessException {
    if (!instance(primal)) {
      return primal.invoke(null, args);
    }
    return primal.invoke(args[0], Arrays.copyOfRange(args, 1, args.length));
  }

  /** Whether {@code o} is a record or an object of a corpus class (not a number, string, array or box). */
  static boolean isStructured(Object o) {
    if (o == null || o.getClass().isArray() || o.getClass().isEnum() || o instanceof List) {
      return false;
    }
    String name = o.getClass().getName();
    return !name.startsWith("java.");
  }

  /** A record's components or an object's instance fields, by name, in order. */
  static Map<String, Object> parts(Object o) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      if (o.getClass().isRecord()) {
        for (RecordComponent rc : o.getClass().getRecordComponents()) {
          Method m = rc.getAccessor();
          m.setAccessible(true);
          out.put(rc.getName(), m.invoke(o));
        }
      } else {
        for (Field f : fields(o.getClass())) {
          out.put(f.getName(), f.get(o));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static List<Field> fields(Class<?> c) {
    List<Field> out = new ArrayList<>();
    if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
      out.addAll(fields(c.getSuperclass()));
    }
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
        f.setAccessible(true);
        out.add(f);
      }
    }
    return out;
  }

  /** The types of the parts, in order: what {@link #maker} takes. */
  static Class<?>[] partTypes(Class<?> c) {
    if (c.isRecord()) {
      return Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    }
    return fields(c).stream().map(Field::getType).toArray(Class<?>[]::new);
  }

  /** The canonical constructor of a record, or a class's constructor that takes all its fields in order. */
  private static Constructor<?> maker(Class<?> c) {
    try {
      Constructor<?> k = c.getDeclaredConstructor(partTypes(c));
      k.setAccessible(true);
      return k;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          c.getSimpleName() + " has no constructor taking its fields in order, which the corpus needs to make it", e);
    }
  }

  /** A new {@code c} from its parts' values, in order. */
  static Object make(Class<?> c, Object[] values) {
    try {
      return maker(c).newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(c.getSimpleName() + "'s constructor throws " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code o} made again with {@code parts}. */
  private static Object rebuild(Object o, Map<String, Object> parts) {
    return make(o.getClass(), parts.values().toArray());
  }

  /** A deep copy: arrays, lists, records and objects all new, numbers and strings shared. */
  static Object copy(Object o) {
    if (o != null && o.getClass().isArray()) {
      int n = Array.getLength(o);
      Object c = Array.newInstance(o.getClass().getComponentType(), n);
      for (int j = 0; j < n; j++) {
        Array.set(c, j, copy(Array.get(o, j)));
      }
      return c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      l.forEach(e -> c.add(copy(e)));
      return c;
    }
    if (isStructured(o)) {
      Map<String, Object> parts = parts(o);
      parts.replaceAll((k, v) -> copy(v));
      return rebuild(o, parts);
    }
    return o;
  }

  /** Whether two values hold the same numbers, arrays, records and objects compared by their parts. */
  static boolean same(Object a, Object b) {
    if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
      int n = Array.getLength(a);
      if (n != Array.getLength(b)) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        if (!same(Array.get(a, j), Array.get(b, j))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> l && b instanceof List<?> m) {
      return same(l.toArray(), m.toArray());
    }
    if (isStructured(a) && isStructured(b) && a.getClass() == b.getClass()) {
      return same(parts(a).values().toArray(), parts(b).values().toArray());
    }
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  /** The value at {@code path} (array indices and part names) inside {@code o}. */
  static Object at(Object o, List<Object> path) {
    for (Object step : path) {
      o = step instanceof Integer k ? (o instanceof List<?> l ? l.get(k) : Array.get(o, k)) : parts(o).get((String) step);
    }
    return o;
  }

  /** {@code o} with the value at {@code path} replaced by {@code v}; records and objects made again. */
  static Object with(Object o, List<Object> path, Object v) {
    if (path.isEmpty()) {
      return v;
    }
    List<Object> rest = path.subList(1, path.size());
    if (path.get(0) instanceof Integer k) {
      if (o instanceof List<?> l) {
        List<Object> c = new ArrayList<>(l);
        c.set(k, with(l.get(k), rest, v));
        return c;
      }
      Array.set(o, k, with(Array.get(o, k), rest, v));
      return o;
    }
    Map<String, Object> parts = parts(o);
    String name = (String) path.get(0);
    parts.put(name, with(parts.get(name), rest, v));
    return rebuild(o, parts);
  }

  /**
   * A direction of type {@code type} (a tangent record, an array of them, a number or an array of
   * numbers) shaped like {@code arg}: each number {@code f} of the argument's number there.
   */
  static Object tangent(Object arg, Class<?> type, DoubleUnaryOperator f) {
    if (type == double.class || type == float.class) {
      double x = f.applyAsDouble(((Number) arg).doubleValue());
      return type == float.class ? (Object) (float) x : (Object) x;
    }
    if (type.isArray()) {
      Object[] elements = arg instanceof List<?> l ? l.toArray() : null;
      int n = elements != null ? elements.length : Array.getLength(arg);
      Object out = Array.newInstance(type.getComponentType(), n);
      for (int j = 0; j < n; j++) {
        Array.set(out, j, tangent(elements != null ? elements[j] : Array.get(arg, j), type.getComponentType(), f));
      }
      return out;
    }
    Map<String, Object> parts = parts(arg);
    RecordComponent[] cs = type.getRecordComponents();
    Object[] values = new Object[cs.length];
    for (int c = 0; c < cs.length; c++) {
      values[c] = tangent(parts.get(cs[c].getName()), cs[c].getType(), f);
    }
    return make(type, values);
  }

  /** {@code arg} with each number {@code x} that {@code direction} has a {@code d} for replaced by {@code f(x, d)}. */
  static Object zip(Object arg, Object direction, DoubleBinaryOperator f) {
    if (arg instanceof Double x) {
      return f.applyAsDouble(x, ((Number) direction).doubleValue());
    }
    if (arg instanceof Float x) {
      return (float) f.applyAsDouble(x, ((Number) direction).doubleValue());
    }
    if (arg != null && arg.getClass().isArray()) {
      int n = Array.getLength(arg);
      Object out = Array.newInstance(arg.getClass().getComponentType(), n);
      for (int j = 0; j < n; j++) {
        Array.set(out, j, zip(Array.get(arg, j), Array.get(direction, j), f));
      }
      return out;
    }
    if (arg instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int j = 0; j < l.size(); j++) {
        out.add(zip(l.get(j), Array.get(direction, j), f));
      }
      return out;
    }
    if (isStructured(arg) && isStructured(direction)) {
      Map<String, Object> d = parts(direction);
      Map<String, Object> parts = parts(arg);
      parts.replaceAll((k, v) -> d.containsKey(k) ? zip(v, d.get(k), f) : copy(v));
      return rebuild(arg, parts);
    }
    throw new IllegalArgumentException("no direction for a " + (arg == null ? "null" : arg.getClass().getSimpleName()));
  }

  /**
   * Numbers in the order of the Hessian's flattening: arrays row-major, a record's or object's
   * parts in order, an array of records leaf by leaf (every element's first component, then every
   * element's second, ...).
   */
  static void flatten(Object o, List<Double> out) {
    if (o instanceof Number x) {
      out.add(x.doubleValue());
    } else if (o != null && o.getClass().isArray() && holdsRecords(o.getClass().getComponentType()) && Array.getLength(o) > 0) {
      int n = Array.getLength(o);
      for (List<Object> leaf : leaves(Array.get(o, 0), new ArrayList<>())) {
        for (int j = 0; j < n; j++) {
          flatten(at(Array.get(o, j), leaf), out);
        }
      }
    } else if (o != null && o.getClass().isArray()) {
      for (int j = 0; j < Array.getLength(o); j++) {
        flatten(Array.get(o, j), out);
      }
    } else if (isStructured(o)) {
      for (Object p : parts(o).values()) {
        flatten(p, out);
      }
    }
  }

  /** Whether an array of {@code element} is an array of records or objects (an {@code Object[]} of arguments is not). */
  private static boolean holdsRecords(Class<?> element) {
    return element != Object.class && !element.isPrimitive() && !element.isArray() && !element.getName().startsWith("java.");
  }

  /** The paths of a record's parts that are not records themselves, nested ones included, in order. */
  private static List<List<Object>> leaves(Object o, List<Object> path) {
    List<List<Object>> out = new ArrayList<>();
    for (Map.Entry<String, Object> p : parts(o).entrySet()) {
      List<Object> inner = new ArrayList<>(path);
      inner.add(p.getKey());
      if (isStructured(p.getValue())) {
        out.addAll(leaves(p.getValue(), inner));
      } else {
        out.add(inner);
      }
    }
    return out;
  }

  /** {@code {a, b, {c, d}}}: a record or object of {@code type} from its parts' values, in order. */
  static Object parse(List<String> parts, Class<?> type, java.util.function.BiFunction<String, Class<?>, Object> value) {
    Class<?>[] types = partTypes(type);
    if (types.length != parts.size()) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " takes " + types.length + " values, and the point gives " + parts.size());
    }
    Object[] values = new Object[types.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(parts.get(i).trim(), types[i]);
    }
    return make(type, values);
  }
}
