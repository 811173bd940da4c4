package io.github.backprop;

/**
 * How the tape stacks grow: doubling, up to the largest array the JVM allocates, then a {@link
 * TapeLimitException} instead of an overflowing int.
 */
final class Growth {
  /** The largest array length HotSpot allocates for every element type. */
  static final int MAX = Integer.MAX_VALUE - 8;

  private Growth() {}

  /** The length after {@code length} is full: double, or {@link #MAX}, or too many. */
  static int next(int length, String kind) {
    if (length >= MAX) {
      throw TapeLimitException.full(kind, (long) length + 1);
    }
    return (int) Math.min(MAX, 2L * length);
  }
}
