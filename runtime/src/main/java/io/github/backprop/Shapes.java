package io.github.backprop;

/**
 * The check an accumulate overload makes first: each gradient array the caller passes has the
 * shape of its parameter, so that a wrong one fails at once, naming the parameter and both
 * lengths, rather than deep in the reverse sweep or, longer, with part of it left untouched; and
 * it is none of the arrays the method reads, whose elements the sweep would change as it reads them.
 */
public final class Shapes {
  private Shapes() {}

  /**
   * @param name the parameter's name, for the message; in the array of a record component over an
   *     array of records, {@code []} stands for the element's index: {@code self.layers[].w}
   * @throws IllegalArgumentException if {@code gradient} and {@code parameter} differ in length, or
   *     are the same array
   */
  public static void require(String name, double[] gradient, double[] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
  }

  /**
   * @param name the parameter whose gradient array {@code gradient} is, for the message
   * @param otherName the parameter {@code other} was passed as
   * @throws IllegalArgumentException if {@code gradient}, or a row of it, is {@code other} or a row
   *     of it: a {@code double[]} gradient may be a row of a {@code double[][]} the method reads
   */
  public static void apart(String name, Object gradient, String otherName, Object other) {
    if (gradient == other) {
      throw aliased(name, otherName, otherName.equals(name));
    }
    // Only arrays of rows have more to compare; the walk allocates nothing unless it finds a shared array.
    if ((gradient instanceof Object[] || other instanceof Object[]) && shares(gradient, other)) {
      throw sharedRow(name, gradient, otherName, other);
    }
  }

  /** Whether {@code gradient} or a row of it, at any depth, is {@code other} or a row of it. */
  private static boolean shares(Object gradient, Object other) {
    if (gradient == null) {
      return false;
    }
    if (holds(other, gradient)) {
      return true;
    }
    if (gradient instanceof Object[] rows) {
      for (Object row : rows) {
        if (shares(row, other)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code array} is {@code target} or holds it as a row, at any depth. */
  private static boolean holds(Object array, Object target) {
    if (array == target) {
      return true;
    }
    if (array instanceof Object[] rows) {
      for (Object row : rows) {
        if (row != null && holds(row, target)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The message for the first row of {@code gradient} (or itself) found in {@code other}, both named by index. */
  private static IllegalArgumentException sharedRow(String name, Object gradient, String otherName, Object other) {
    String found = path(other, gradient, otherName);
    if (found != null) {
      return aliased(name, found, found.equals(name));
    }
    Object[] rows = (Object[]) gradient;
    for (int i = 0; i < rows.length; i++) {
      if (shares(rows[i], other)) {
        return sharedRow(at(name, i), rows[i], otherName, other);
      }
    }
    throw new AssertionError("no shared array");
  }

  /** The name of {@code target} within {@code array}, named {@code name}: {@code m[1]}; null if it holds none. */
  private static String path(Object array, Object target, String name) {
    if (array == target) {
      return name;
    }
    if (array instanceof Object[] rows) {
      for (int i = 0; i < rows.length; i++) {
        String inner = rows[i] == null ? null : path(rows[i], target, at(name, i));
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static IllegalArgumentException aliased(String name, String otherName, boolean itself) {
    return new IllegalArgumentException(
        "the gradient array for " + name + " is " + (itself ? name + " itself"
            : otherName.endsWith("]") ? otherName + ", an array the method reads" : "the array passed as " + otherName)
            + ": pass an array of its own, which the gradient adds into while it reads " + otherName);
  }

  /** As {@link #require(String, double[], double[])}, row by row too (a null row of the parameter has none). */
  public static void require(String name, double[][] gradient, double[][] parameter) {
    rows(name, gradient, parameter);
    apart(name, gradient, name, parameter);
  }

  private static void rows(String name, Object[] gradient, Object[] parameter) {
    length(name, gradient.length, parameter.length);
    for (int i = 0; i < parameter.length; i++) {
      if (parameter[i] != null) {
        int length = gradient[i] == null ? -1 : java.lang.reflect.Array.getLength(gradient[i]);
        row(name, i, length, java.lang.reflect.Array.getLength(parameter[i]));
      }
    }
  }

  /** As {@link #require(String, double[][], double[][])}, for each matrix of the array. */
  public static void require(String name, double[][][] gradient, double[][][] parameter) {
    length(name, gradient.length, parameter.length);
    for (int i = 0; i < parameter.length; i++) {
      if (parameter[i] != null) {
        rows(at(name, i), gradient[i], parameter[i]);
      }
    }
    apart(name, gradient, name, parameter);
  }

  /** As {@link #require(String, double[], double[])}. */
  public static void require(String name, float[] gradient, float[] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
  }

  /** As {@link #require(String, double[][], double[][])}. */
  public static void require(String name, float[][] gradient, float[][] parameter) {
    rows(name, gradient, parameter);
    apart(name, gradient, name, parameter);
  }

  private static void length(String name, int gradient, int parameter) {
    if (gradient != parameter) {
      String whole = name.contains("[]") ? name.substring(0, name.indexOf("[]")) : name; // the array of records
      throw new IllegalArgumentException(
          "the gradient array for " + whole + " has length " + gradient + ", but " + whole + " has length " + parameter);
    }
  }

  private static void row(String name, int i, int gradient, int parameter) {
    if (gradient != parameter) {
      String has = gradient < 0 ? "none" : "length " + gradient;
      throw new IllegalArgumentException(
          name.contains("[]")
              ? "the gradient array for " + at(name, i) + " has " + has + ", but " + at(name, i) + " has length " + parameter
              : "row " + i + " of the gradient array for " + name + " has " + has + ", but " + name + "[" + i
                  + "] has length " + parameter);
    }
  }

  /** {@code name} at index {@code i}: {@code w[2]}, or {@code self.layers[2].w} for {@code self.layers[].w}. */
  private static String at(String name, int i) {
    int k = name.indexOf("[]");
    return k < 0 ? name + "[" + i + "]" : name.substring(0, k) + "[" + i + "]" + name.substring(k + 2);
  }
}
