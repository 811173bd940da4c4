package io.github.backprop;

import java.util.Arrays;

/**
 * One flat {@code double[]} made of scalars, arrays and matrices, and back: the vector a {@link
 * GradientCheck} works on. Write a gradient's parts in the order of the parameters:
 *
 * <pre>{@code
 * var g = CGrad.m(a, w, n);
 * double[] flat = Flat.of(g.a()).and(g.w()).toArray();   // {∂/∂a, ∂/∂w[0], ∂/∂w[1], ...}
 * }</pre>
 *
 * <p>and read a flat vector back into arguments with a {@link Reader}, in the same order:
 *
 * <pre>{@code
 * Flat.Reader in = Flat.read(x);
 * double v = C.m(in.scalar(), in.vector(3), 3);          // Java evaluates arguments left to right
 * }</pre>
 *
 * <p>Matrices are flattened row by row; rows may differ in length. A {@code Flat} is a builder:
 * not for use by several threads at once.
 */
public final class Flat {
  private double[] values = new double[8];
  private int size;

  private Flat() {}

  /**
   * An empty vector, to {@link #and} parts to.
   *
   * @return a new, empty vector
   */
  public static Flat empty() {
    return new Flat();
  }

  /**
   * A vector that starts with {@code x}.
   *
   * @param x the first value
   * @return a new vector
   */
  public static Flat of(double x) {
    return new Flat().and(x);
  }

  /**
   * A vector that starts with the elements of {@code a}.
   *
   * @param a the first values
   * @return a new vector
   */
  public static Flat of(double[] a) {
    return new Flat().and(a);
  }

  /**
   * A vector that starts with the rows of {@code m}, one after the other.
   *
   * @param m the first values, row by row
   * @return a new vector
   */
  public static Flat of(double[][] m) {
    return new Flat().and(m);
  }

  /**
   * Appends {@code x}.
   *
   * @param x the next value
   * @return this vector
   */
  public Flat and(double x) {
    grow(1);
    values[size++] = x;
    return this;
  }

  /**
   * Appends the elements of {@code a}.
   *
   * @param a the next values
   * @return this vector
   */
  public Flat and(double[] a) {
    grow(a.length);
    System.arraycopy(a, 0, values, size, a.length);
    size += a.length;
    return this;
  }

  /**
   * Appends the rows of {@code m}, one after the other.
   *
   * @param m the next values, row by row
   * @return this vector
   */
  public Flat and(double[][] m) {
    for (double[] row : m) {
      and(row);
    }
    return this;
  }

  /**
   * The number of values appended so far.
   *
   * @return the length of {@link #toArray()}
   */
  public int size() {
    return size;
  }

  /**
   * The values appended so far, in order.
   *
   * @return a new array
   */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /**
   * A reader of {@code x} from its first value on.
   *
   * @param x the flat vector, read, not copied
   * @return a new reader
   */
  public static Reader read(double[] x) {
    return new Reader(x);
  }

  private void grow(int more) {
    if (size + more > values.length) {
      values = Arrays.copyOf(values, Math.max(size + more, 2 * values.length));
    }
  }

  /**
   * Reads a flat vector back into scalars, arrays and matrices, in the order they were appended.
   * Every method returns new arrays, so the function under test may write into them.
   */
  public static final class Reader {
    private final double[] x;
    private int next;

    private Reader(double[] x) {
      this.x = x;
    }

    /**
     * The next value.
     *
     * @return the value
     */
    public double scalar() {
      need(1);
      return x[next++];
    }

    /**
     * The next {@code length} values.
     *
     * @param length how many
     * @return a new array
     */
    public double[] vector(int length) {
      need(length);
      double[] a = Arrays.copyOfRange(x, next, next + length);
      next += length;
      return a;
    }

    /**
     * The next {@code rows × columns} values, row by row.
     *
     * @param rows the number of rows
     * @param columns the length of every row
     * @return a new matrix
     */
    public double[][] matrix(int rows, int columns) {
      need(Math.multiplyExact(rows, columns));
      double[][] m = new double[rows][];
      for (int i = 0; i < rows; i++) {
        m[i] = vector(columns);
      }
      return m;
    }

    /**
     * The next values, as many as {@code shape} has.
     *
     * @param shape an array of the length to read; not changed
     * @return a new array
     */
    public double[] like(double[] shape) {
      return vector(shape.length);
    }

    /**
     * The next values as a matrix shaped like {@code shape}, whose rows may differ in length.
     *
     * @param shape a matrix of the shape to read; not changed
     * @return a new matrix
     */
    public double[][] like(double[][] shape) {
      double[][] m = new double[shape.length][];
      for (int i = 0; i < shape.length; i++) {
        m[i] = vector(shape[i].length);
      }
      return m;
    }

    /**
     * How many values are left to read.
     *
     * @return 0 once the whole vector is read
     */
    public int remaining() {
      return x.length - next;
    }

    private void need(int count) {
      if (count < 0 || count > x.length - next) {
        throw new IllegalArgumentException(
            "cannot read " + count + " values at position " + next + " of a vector of length "
                + x.length);
      }
    }
  }
}
