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
   * @throws IllegalArgumentException if {@code gradient} is {@code other}
   */
  public static void apart(String name, Object gradient, String otherName, Object other) {
    if (gradient == other) {
      throw new IllegalArgumentException(
          "the gradient array for " + name + " is " + (otherName.equals(name) ? name + " itself" : "the array passed as " + otherName)
              + ": pass an array of its own, which the gradient adds into while it reads " + otherName);
    }
  }

  /** As {@link #require(String, double[], double[])}, row by row too (a null row of the parameter has none). */
  public static void require(String name, double[][] gradient, double[][] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
    for (int i = 0; i < parameter.length; i++) {
      if (parameter[i] != null) {
        row(name, i, gradient[i] == null ? -1 : gradient[i].length, parameter[i].length);
        apart(at(name, i), gradient[i], at(name, i), parameter[i]);
      }
    }
  }

  /** As {@link #require(String, double[][], double[][])}, for each matrix of the array. */
  public static void require(String name, double[][][] gradient, double[][][] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
    for (int i = 0; i < parameter.length; i++) {
      if (parameter[i] != null) {
        require(at(name, i), gradient[i], parameter[i]);
      }
    }
  }

  /** As {@link #require(String, double[], double[])}. */
  public static void require(String name, float[] gradient, float[] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
  }

  /** As {@link #require(String, double[][], double[][])}. */
  public static void require(String name, float[][] gradient, float[][] parameter) {
    length(name, gradient.length, parameter.length);
    apart(name, gradient, name, parameter);
    for (int i = 0; i < parameter.length; i++) {
      if (parameter[i] != null) {
        row(name, i, gradient[i] == null ? -1 : gradient[i].length, parameter[i].length);
        apart(at(name, i), gradient[i], at(name, i), parameter[i]);
      }
    }
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
