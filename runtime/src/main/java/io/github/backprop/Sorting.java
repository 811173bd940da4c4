package io.github.backprop;

/**
 * The order in which {@code java.util.Arrays.sort} puts a range of an array, as indices, so that
 * generated code can sort by moving elements (and their derivatives) instead of losing track of
 * where each value went. The order is the one {@code Arrays.sort} gives: {@code Double.compare}'s
 * total order (-0.0 before 0.0, NaN last); equal values keep their original order.
 */
public final class Sorting {
  private Sorting() {}

  /** Indices of {@code a[from..to)} in ascending order of their values. */
  public static int[] order(double[] a, int from, int to) {
    int[] idx = range(a.length, from, to);
    mergeSort(idx, new int[idx.length], 0, idx.length, (i, j) -> Double.compare(a[i], a[j]));
    return idx;
  }

  public static int[] order(float[] a, int from, int to) {
    int[] idx = range(a.length, from, to);
    mergeSort(idx, new int[idx.length], 0, idx.length, (i, j) -> Float.compare(a[i], a[j]));
    return idx;
  }

  public static int[] order(int[] a, int from, int to) {
    int[] idx = range(a.length, from, to);
    mergeSort(idx, new int[idx.length], 0, idx.length, (i, j) -> Integer.compare(a[i], a[j]));
    return idx;
  }

  public static int[] order(long[] a, int from, int to) {
    int[] idx = range(a.length, from, to);
    mergeSort(idx, new int[idx.length], 0, idx.length, (i, j) -> Long.compare(a[i], a[j]));
    return idx;
  }

  /** Indices from..to-1, after the checks of {@code Arrays.sort(a, from, to)}. */
  private static int[] range(int length, int from, int to) {
    int[] idx = new int[Ranges.check(length, from, to)];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = from + k;
    }
    return idx;
  }

  private interface Comparison {
    int compare(int i, int j);
  }

  /** Stable, so that ties keep the order a gradient check expects; n log n comparisons. */
  private static void mergeSort(int[] idx, int[] tmp, int lo, int hi, Comparison c) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(idx, tmp, lo, mid, c);
    mergeSort(idx, tmp, mid, hi, c);
    if (c.compare(idx[mid - 1], idx[mid]) <= 0) {
      return;
    }
    System.arraycopy(idx, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && c.compare(tmp[i], tmp[j]) <= 0)) {
        idx[k] = tmp[i++];
      } else {
        idx[k] = tmp[j++];
      }
    }
  }
}
