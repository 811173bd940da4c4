package io.github.backprop;

/**
 * Array helpers that generated gradient code calls: zero adjoints shaped like an array, adding a
 * callee's gradient into the caller's, and copies that put a parameter array back as the primal
 * method leaves it, and dot products of a callee's gradient with tangents for forward mode.
 */
public final class Adjoint {
  private Adjoint() {}

  /** Zeros with the shape of {@code a}, row by row (rows may differ in length; null stays null). */
  public static double[][] zerosLike(double[][] a) {
    double[][] z = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = a[i] == null ? null : new double[a[i].length];
    }
    return z;
  }

  /** Zeros with the shape of {@code a}, matrix by matrix (as for an array of records with a {@code double[][]} component). */
  public static double[][][] zerosLike(double[][][] a) {
    double[][][] z = new double[a.length][][];
    for (int i = 0; i < a.length; i++) {
      z[i] = a[i] == null ? null : zerosLike(a[i]);
    }
    return z;
  }

  /** {@code target[i] += scale * source[i]} for every i. */
  public static void addTo(double[] target, double scale, double[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += scale * source[i];
    }
  }

  /** {@code target[i][j] += scale * source[i][j]} for every i and j. */
  public static void addTo(double[][] target, double scale, double[][] source) {
    for (int i = 0; i < target.length; i++) {
      if (target[i] != null) {
        addTo(target[i], scale, source[i]);
      }
    }
  }

  /**
   * Makes {@code a} the unit vector along {@code i}: zeros, with a 1 at {@code i}. A Jacobian's
   * row seeds the value's adjoint with it, in one array for all rows.
   */
  public static void unit(double[] a, int i) {
    java.util.Arrays.fill(a, 0.0);
    a[i] = 1;
  }

  public static double[] copyOf(double[] a) {
    return a.clone();
  }

  public static int[] copyOf(int[] a) {
    return a.clone();
  }

  public static long[] copyOf(long[] a) {
    return a.clone();
  }

  public static boolean[] copyOf(boolean[] a) {
    return a.clone();
  }

  /** A copy of every row; the rows are new arrays. */
  public static double[][] copyOf(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  public static int[][] copyOf(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  public static long[][] copyOf(long[][] a) {
    long[][] c = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  public static boolean[][] copyOf(boolean[][] a) {
    boolean[][] c = new boolean[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  /** Writes {@code from}'s values into {@code to}, which has the same shape. */
  public static void copyInto(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  public static void copyInto(int[] from, int[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  public static void copyInto(long[] from, long[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  public static void copyInto(boolean[] from, boolean[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  /** Writes every row of {@code from} into the same row of {@code to}. */
  public static void copyInto(double[][] from, double[][] to) {
    for (int i = 0; i < to.length; i++) {
      if (to[i] != null) {
        System.arraycopy(from[i], 0, to[i], 0, to[i].length);
      }
    }
  }

  public static void copyInto(int[][] from, int[][] to) {
    for (int i = 0; i < to.length; i++) {
      if (to[i] != null) {
        System.arraycopy(from[i], 0, to[i], 0, to[i].length);
      }
    }
  }

  public static void copyInto(long[][] from, long[][] to) {
    for (int i = 0; i < to.length; i++) {
      if (to[i] != null) {
        System.arraycopy(from[i], 0, to[i], 0, to[i].length);
      }
    }
  }

  public static void copyInto(boolean[][] from, boolean[][] to) {
    for (int i = 0; i < to.length; i++) {
      if (to[i] != null) {
        System.arraycopy(from[i], 0, to[i], 0, to[i].length);
      }
    }
  }

  /** Zeros with the shape of {@code a}, row by row (rows may differ in length; null stays null). */
  public static float[][] zerosLike(float[][] a) {
    float[][] z = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = a[i] == null ? null : new float[a[i].length];
    }
    return z;
  }

  /** {@code target[i] += scale * source[i]} for every i, in float arithmetic. */
  public static void addTo(float[] target, float scale, float[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += scale * source[i];
    }
  }

  /** {@code target[i] += scale * source[i]} for every i; a double scale, each sum rounded to float. */
  public static void addTo(float[] target, double scale, float[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] = (float) (target[i] + scale * source[i]);
    }
  }

  /** {@code target[i][j] += scale * source[i][j]} for every i and j, in float arithmetic. */
  public static void addTo(float[][] target, float scale, float[][] source) {
    for (int i = 0; i < target.length; i++) {
      if (target[i] != null) {
        addTo(target[i], scale, source[i]);
      }
    }
  }

  /** {@code target[i][j] += scale * source[i][j]} for every i and j, each sum rounded to float. */
  public static void addTo(float[][] target, double scale, float[][] source) {
    for (int i = 0; i < target.length; i++) {
      if (target[i] != null) {
        addTo(target[i], scale, source[i]);
      }
    }
  }

  public static float[] copyOf(float[] a) {
    return a.clone();
  }

  /** A copy of every row; the rows are new arrays. */
  public static float[][] copyOf(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  public static void copyInto(float[] from, float[] to) {
    System.arraycopy(from, 0, to, 0, to.length);
  }

  /** Writes every row of {@code from} into the same row of {@code to}. */
  public static void copyInto(float[][] from, float[][] to) {
    for (int i = 0; i < to.length; i++) {
      if (to[i] != null) {
        System.arraycopy(from[i], 0, to[i], 0, to[i].length);
      }
    }
  }

  /**
   * {@code sum gradient[i] * tangent[i]}: what an array argument's tangent adds to the tangent of
   * a callee's value, in forward mode.
   */
  public static double dot(double[] gradient, double[] tangent) {
    double s = 0;
    for (int i = 0; i < gradient.length; i++) {
      s += gradient[i] * tangent[i];
    }
    return s;
  }

  /** {@code sum gradient[i][j] * tangent[i][j]} over every row; a null row adds nothing. */
  public static double dot(double[][] gradient, double[][] tangent) {
    double s = 0;
    for (int i = 0; i < gradient.length; i++) {
      if (gradient[i] != null) {
        s += dot(gradient[i], tangent[i]);
      }
    }
    return s;
  }

  /** {@code sum gradient[i] * tangent[i]}, in double arithmetic. */
  public static double dot(float[] gradient, float[] tangent) {
    double s = 0;
    for (int i = 0; i < gradient.length; i++) {
      s += (double) gradient[i] * tangent[i];
    }
    return s;
  }

  /** {@code sum gradient[i][j] * tangent[i][j]} over every row, in double arithmetic. */
  public static double dot(float[][] gradient, float[][] tangent) {
    double s = 0;
    for (int i = 0; i < gradient.length; i++) {
      if (gradient[i] != null) {
        s += dot(gradient[i], tangent[i]);
      }
    }
    return s;
  }
}
