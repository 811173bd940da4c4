package io.github.backprop.processor.corpus;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument lists written as text: {@code 0.5, [1, 2, 3], true, "put", CALL}. Each value is read
 * as the parameter's type: numbers (any suffix), booleans, chars {@code 'c'}, strings, enum
 * constants by name, arrays of these in brackets, nested for 2-D arrays, and records and objects
 * in braces, {@code {100, 95, 0.2}}: their components (or the fields their constructor takes) in
 * order; a list, set or map of data in brackets ({@link #collection}). An instance method's
 * receiver is its first value.
 */
final class Points {
  private Points() {}

  /** Several points: argument lists separated by {@code ;}. */
  static List<String> split(String points) {
    List<String> out = new ArrayList<>();
    for (String p : points.split(";")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  static int arity(String point) {
    return topLevel(point.trim()).size();
  }

  static Object[] parse(String point, Class<?>[] types) {
    List<String> parts = topLevel(point.trim());
    if (parts.size() != types.length) {
      throw new IllegalArgumentException(
          "point (" + point + ") has " + parts.size() + " values for " + types.length + " parameters");
    }
    Object[] args = new Object[types.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = value(parts.get(i).trim(), types[i]);
    }
    return args;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object value(String s, Class<?> type) {
    if (s.startsWith("{") && s.endsWith("}")) {
      // a record or an object of the corpus: its components, or the fields its constructor takes
      String inner = s.substring(1, s.length() - 1).trim();
      return Structured.parse(inner.isEmpty() ? List.of() : topLevel(inner), type, Points::value);
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type == Iterable.class || type == java.util.Map.class) {
      return collection(s, type);
    }
    if (type.isArray()) {
      if (!s.startsWith("[") || !s.endsWith("]")) {
        throw new IllegalArgumentException("expected an array: " + s);
      }
      String inner = s.substring(1, s.length() - 1).trim();
      List<String> parts = inner.isEmpty() ? List.of() : topLevel(inner);
      Object a = Array.newInstance(type.getComponentType(), parts.size());
      for (int i = 0; i < parts.size(); i++) {
        Array.set(a, i, value(parts.get(i).trim(), type.getComponentType()));
      }
      return a;
    }
    String n = s.replace("_", "");
    if (type == double.class || type == Double.class) {
      return Double.parseDouble(n.replaceAll("[dDfF]$", ""));
    } else if (type == float.class || type == Float.class) {
      return Float.parseFloat(n.replaceAll("[dDfF]$", ""));
    } else if (type == int.class || type == Integer.class) {
      return Integer.parseInt(n);
    } else if (type == long.class || type == Long.class) {
      return Long.parseLong(n.replaceAll("[lL]$", ""));
    } else if (type == short.class || type == Short.class) {
      return Short.parseShort(n);
    } else if (type == byte.class || type == Byte.class) {
      return Byte.parseByte(n);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(n);
    } else if (type == char.class || type == Character.class) {
      return s.charAt(1);
    } else if (type == String.class) {
      return s.substring(1, s.length() - 1);
    } else if (type.isEnum()) {
      return Enum.valueOf((Class) type, s);
    }
    throw new IllegalArgumentException("cannot write a " + type.getName() + " as text: " + s);
  }

  /**
   * A collection of data in brackets, its elements told by how they are written: a number a
   * {@code Double}, {@code [..]} a {@code double[]} (nested: a {@code double[][]}), a string a
   * {@code String}; a {@code Set} keeps their order; a {@code Map} is written {@code ["a" = 1.5,
   * "b" = [2, 3]]}, its keys strings.
   */
  private static Object collection(String s, Class<?> type) {
    if (!s.startsWith("[") || !s.endsWith("]")) {
      throw new IllegalArgumentException("expected a collection in brackets: " + s);
    }
    String inner = s.substring(1, s.length() - 1).trim();
    List<String> parts = inner.isEmpty() ? List.of() : topLevel(inner);
    if (type == java.util.Map.class) {
      java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
      for (String part : parts) {
        int eq = part.indexOf('=');
        map.put((String) element(part.substring(0, eq).trim()), element(part.substring(eq + 1).trim()));
      }
      return map;
    }
    List<Object> values = new ArrayList<>();
    parts.forEach(part -> values.add(element(part.trim())));
    return type == java.util.Set.class ? new java.util.LinkedHashSet<>(values) : values;
  }

  private static Object element(String s) {
    if (s.startsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    if (s.startsWith("[[")) {
      return value(s, double[][].class);
    }
    return s.startsWith("[") ? value(s, double[].class) : value(s, double.class);
  }

  /** Splits at commas outside brackets and quotes. */
  private static List<String> topLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ']' || c == '}')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    if (!s.isEmpty()) {
      out.add(s.substring(from));
    }
    return out;
  }
}
