package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order puts values where Arrays.sort puts them, and ranges fail as Arrays' do. */
class SortingTest {
  @Test
  void gatheringByTheOrderIsArraysSort() {
    Random r = new Random(7);
    double[] special = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.5, 1.5};
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(40);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : Math.round(r.nextGaussian() * 4) / 2.0;
      }
      int from = n == 0 ? 0 : r.nextInt(n);
      int to = from + (n - from == 0 ? 0 : r.nextInt(n - from + 1));
      double[] expected = a.clone();
      Arrays.sort(expected, from, to);
      int[] order = Sorting.order(a, from, to);
      double[] actual = a.clone();
      for (int k = 0; k < order.length; k++) {
        actual[from + k] = a[order[k]];
      }
      for (int i = 0; i < n; i++) {
        assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "at " + i);
      }
    }
  }

  @Test
  void tiesKeepTheirOrder() {
    assertArrayEquals(new int[] {1, 3, 0, 2}, Sorting.order(new double[] {2, 1, 2, 1}, 0, 4));
    assertArrayEquals(new int[] {2, 1}, Sorting.order(new int[] {9, 5, 3}, 1, 3));
    assertArrayEquals(new int[] {1, 0}, Sorting.order(new long[] {5L, -5L}, 0, 2));
    assertArrayEquals(new int[] {0, 1}, Sorting.order(new float[] {-0.0f, 0.0f}, 0, 2));
  }

  @Test
  void rangesFailAsArraysDoes() {
    double[] a = new double[3];
    for (int[] bad : new int[][] {{2, 1}, {-1, 2}, {0, 4}}) {
      Throwable expected = assertThrows(RuntimeException.class, () -> Arrays.sort(a.clone(), bad[0], bad[1]));
      Throwable actual = assertThrows(RuntimeException.class, () -> Sorting.order(a, bad[0], bad[1]));
      assertEquals(expected.getClass(), actual.getClass());
      assertEquals(expected.getMessage(), actual.getMessage());
      Throwable fill = assertThrows(RuntimeException.class, () -> Arrays.fill(a.clone(), bad[0], bad[1], 1.0));
      assertEquals(fill.getClass(), assertThrows(RuntimeException.class, () -> Ranges.check(3, bad[0], bad[1])).getClass());
    }
    for (int[] bad : new int[][] {{2, 1}, {-1, 2}, {4, 5}}) {
      Throwable expected = assertThrows(RuntimeException.class, () -> Arrays.copyOfRange(a, bad[0], bad[1]));
      assertEquals(expected.getClass(), assertThrows(RuntimeException.class, () -> Ranges.copied(3, bad[0], bad[1])).getClass());
    }
    assertEquals(2, Ranges.copied(3, 1, 7));
    assertEquals(3, Ranges.copied(3, 5));
    assertThrows(NegativeArraySizeException.class, () -> Ranges.copied(3, -1));
  }
}
