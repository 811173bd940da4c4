package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Flattening scalars, arrays and matrices into one vector and reading them back. */
class FlatTest {
  @Test
  void scalarsArraysAndMatricesRoundTripInOrder() {
    double a = 0.5;
    double[] w = {1, 2, 3};
    double[][] m = {{4, 5}, {6}, {}, {7, 8, 9}};
    Flat flat = Flat.of(a).and(w).and(m).and(10);
    assertEquals(11, flat.size());
    double[] x = flat.toArray();
    assertArrayEquals(new double[] {0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, x);

    Flat.Reader in = Flat.read(x);
    assertEquals(a, in.scalar());
    double[] w2 = in.like(w);
    assertArrayEquals(w, w2);
    assertNotSame(w, w2);
    double[][] m2 = in.like(m);
    for (int i = 0; i < m.length; i++) {
      assertArrayEquals(m[i], m2[i]);
    }
    assertEquals(1, in.remaining());
    assertEquals(10, in.scalar());
    assertEquals(0, in.remaining());
  }

  @Test
  void readsRectangularMatricesRowByRowIntoNewArrays() {
    double[] x = Flat.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).toArray();
    Flat.Reader in = Flat.read(x);
    double[][] m = in.matrix(2, 3);
    assertArrayEquals(new double[] {4, 5, 6}, m[1]);
    m[0][0] = 99;
    assertEquals(1, x[0]);
    assertArrayEquals(new double[] {1, 2}, Flat.read(x).vector(2));
  }

  @Test
  void growsPastItsFirstCapacityAndStartsEmpty() {
    Flat flat = Flat.empty();
    assertEquals(0, flat.toArray().length);
    for (int i = 0; i < 100; i++) {
      flat.and(i).and(new double[] {-i});
    }
    double[] x = flat.toArray();
    assertEquals(200, x.length);
    assertEquals(99, x[198]);
    assertEquals(-99, x[199]);
  }

  @Test
  void readingPastTheEndSaysWhere() {
    Flat.Reader in = Flat.read(new double[] {1, 2, 3});
    in.scalar();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> in.vector(3));
    assertEquals("cannot read 3 values at position 1 of a vector of length 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> in.matrix(1, -2));
    assertEquals(2, in.remaining());
  }
}
