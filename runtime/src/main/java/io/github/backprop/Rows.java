package io.github.backprop;

/**
 * Adjoint rows for matrices whose rows are given other rows ({@code m[0] = m[1]}, a row swap
 * through a local): generated gradient code calls these so that wherever two rows, or a row and
 * an array variable, are one array, their adjoints are one array too.
 */
public final class Rows {
  private Rows() {}

  /**
   * Zeros shaped like {@code m}, one adjoint row for each distinct row: rows that are one array
   * share one adjoint row (null stays null).
   */
  public static double[][] zerosLike(double[][] m) {
    double[][] z = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      for (int k = 0; k < i && z[i] == null; k++) {
        if (m[k] == m[i]) {
          z[i] = z[k];
        }
      }
      if (z[i] == null && m[i] != null) {
        z[i] = new double[m[i].length];
      }
    }
    return z;
  }

  /** Points each row of {@code dm} whose row of {@code m} is {@code row} at {@code adjoint}; returns {@code dm}. */
  public static double[][] share(double[][] dm, double[][] m, double[] row, double[] adjoint) {
    if (row != null) {
      for (int k = 0; k < m.length; k++) {
        if (m[k] == row) {
          dm[k] = adjoint;
        }
      }
    }
    return dm;
  }

  /**
   * Points each row of {@code dm} whose row of {@code m} is a row of {@code other} at that row's
   * adjoint in {@code dOther}; returns {@code dm}.
   */
  public static double[][] share(double[][] dm, double[][] m, double[][] other, double[][] dOther) {
    for (int k = 0; k < other.length; k++) {
      share(dm, m, other[k], dOther[k]);
    }
    return dm;
  }

  /** {@link #share(double[][], double[][], double[][], double[][])} for float matrices. */
  public static float[][] share(float[][] dm, float[][] m, float[][] other, float[][] dOther) {
    for (int k = 0; k < other.length; k++) {
      share(dm, m, other[k], dOther[k]);
    }
    return dm;
  }

  /** Whether a row of {@code m} other than {@code skip} is {@code row} itself (never for null). */
  public static boolean holds(double[][] m, double[] row, int skip) {
    return index(m, row, skip) >= 0;
  }

  /**
   * The adjoint of {@code row}: that of the first row of {@code m} other than {@code skip} that
   * is {@code row} itself, else new zeros shaped like it; null for null.
   */
  public static double[] of(double[] row, double[][] m, double[][] dm, int skip) {
    if (row == null) {
      return null;
    }
    int k = index(m, row, skip);
    return k >= 0 ? dm[k] : new double[row.length];
  }

  private static int index(double[][] m, double[] row, int skip) {
    if (row != null) {
      for (int k = 0; k < m.length; k++) {
        if (k != skip && m[k] == row) {
          return k;
        }
      }
    }
    return -1;
  }

  /** {@link #zerosLike(double[][])} for float matrices. */
  public static float[][] zerosLike(float[][] m) {
    float[][] z = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      for (int k = 0; k < i && z[i] == null; k++) {
        if (m[k] == m[i]) {
          z[i] = z[k];
        }
      }
      if (z[i] == null && m[i] != null) {
        z[i] = new float[m[i].length];
      }
    }
    return z;
  }

  /** {@link #share(double[][], double[][], double[], double[])} for float matrices. */
  public static float[][] share(float[][] dm, float[][] m, float[] row, float[] adjoint) {
    if (row != null) {
      for (int k = 0; k < m.length; k++) {
        if (m[k] == row) {
          dm[k] = adjoint;
        }
      }
    }
    return dm;
  }

  /** {@link #holds(double[][], double[], int)} for float matrices. */
  public static boolean holds(float[][] m, float[] row, int skip) {
    if (row != null) {
      for (int k = 0; k < m.length; k++) {
        if (k != skip && m[k] == row) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@link #of(double[], double[][], double[][], int)} for float matrices. */
  public static float[] of(float[] row, float[][] m, float[][] dm, int skip) {
    if (row == null) {
      return null;
    }
    for (int k = 0; k < m.length; k++) {
      if (k != skip && m[k] == row) {
        return dm[k];
      }
    }
    return new float[row.length];
  }
}
