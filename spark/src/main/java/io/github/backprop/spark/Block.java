package io.github.backprop.spark;

import java.io.Serializable;

/**
 * The rows of one partition, flat: row r's features are {@code x[r * features .. r * features +
 * features - 1]}, its label {@code y[r]}. One object per partition, so Spark caches two arrays
 * rather than a million small objects.
 */
public record Block(int index, int features, double[] x, double[] y) implements Serializable {
  private static final long serialVersionUID = 1L;

  public int rows() {
    return y.length;
  }
}
