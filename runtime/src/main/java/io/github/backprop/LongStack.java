package io.github.backprop;

import java.util.Arrays;

/**
 * A growable stack of {@code long} values, with no boxing: the tape on which generated code saves,
 * inside loops, the values its reverse sweep needs back in reverse order. Growth doubles the
 * storage, so pushes are amortised O(1), and a stack reused across calls stops allocating once
 * it has reached its largest size.
 */
public final class LongStack {
  private long[] values;
  private int size;

  public LongStack() {
    this(16);
  }

  public LongStack(int capacity) {
    values = new long[Math.max(1, capacity)];
  }

  public void push(long v) {
    if (size == values.length) {
      grow();
    }
    values[size++] = v;
  }

  // Out of push, which stays small enough to inline.
  private void grow() {
    int length = Growth.next(values.length, "long");
    try {
      values = Arrays.copyOf(values, length);
    } catch (OutOfMemoryError e) {
      throw TapeLimitException.heap("long", length, 8, e);
    }
  }

  /** Removes and returns the value pushed last. */
  public long pop() {
    if (size == 0) {
      throw new IllegalStateException("pop from an empty tape");
    }
    return values[--size];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Empties the stack, keeping its storage for the next call. */
  public void clear() {
    size = 0;
  }

  /**
   * Drops what was pushed above {@code height}: a gradient that ended in an exception, or a
   * {@code try} block whose exception a {@code catch} handled.
   */
  public void cut(int height) {
    size = height;
  }

  int capacity() {
    return values.length;
  }

  /** Gives back storage beyond {@code max} entries, when the stack is empty. */
  void trim(int max) {
    if (values.length > max && size == 0) {
      values = new long[max];
    }
  }
}
