package io.github.backprop;

/**
 * The argument checks of {@code java.util.Arrays}' range methods, with the same exceptions, for
 * generated code that writes their loops out so that values keep their derivatives.
 */
public final class Ranges {
  private Ranges() {}

  /**
   * The checks of {@code Arrays.sort(a, from, to)} and {@code Arrays.fill(a, from, to, v)}:
   * returns {@code to - from}.
   */
  public static int check(int length, int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
    }
    if (from < 0) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
    }
    if (to > length) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + to);
    }
    return to - from;
  }

  /**
   * The checks of {@code Arrays.copyOfRange(a, from, to)}: returns how many elements it copies,
   * {@code min(length - from, to - from)}; the copy has {@code to - from} elements.
   */
  public static int copied(int length, int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException(from + " > " + to);
    }
    if (from < 0 || from > length) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
    }
    return Math.min(length - from, to - from);
  }

  /**
   * The checks of {@code Arrays.copyOf(a, n)}: returns how many elements it copies, {@code
   * min(length, n)}; a negative n throws as the array creation would.
   */
  public static int copied(int length, int n) {
    if (n < 0) {
      throw new NegativeArraySizeException(Integer.toString(n));
    }
    return Math.min(length, n);
  }

  /**
   * The checks of {@code Arrays.stream(a, from, to)}, with the exceptions of its spliterator:
   * returns {@code to - from}.
   */
  public static int stream(int length, int from, int to) {
    if (from > to) {
      throw new ArrayIndexOutOfBoundsException("origin(" + from + ") > fence(" + to + ")");
    }
    if (from < 0) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
    }
    if (to > length) {
      throw new ArrayIndexOutOfBoundsException("Array index out of range: " + to);
    }
    return to - from;
  }
}
