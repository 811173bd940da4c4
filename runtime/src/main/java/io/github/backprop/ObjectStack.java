package io.github.backprop;

import java.util.Arrays;

/**
 * A growable stack of references: the tape on which generated code saves, inside loops, the
 * arrays and callee results its reverse sweep needs back in reverse order. Pops hand back an
 * {@code Object}, which generated code casts to the type it pushed.
 */
public final class ObjectStack {
  private Object[] values;
  private int size;

  public ObjectStack() {
    this(16);
  }

  public ObjectStack(int capacity) {
    values = new Object[Math.max(1, capacity)];
  }

  public void push(Object v) {
    if (size == values.length) {
      grow();
    }
    values[size++] = v;
  }

  // Out of push, which stays small enough to inline.
  private void grow() {
    int length = Growth.next(values.length, "reference");
    try {
      values = Arrays.copyOf(values, length);
    } catch (OutOfMemoryError e) {
      throw TapeLimitException.heap("reference", length, 4, e); // compressed references
    }
  }

  /** Removes and returns the reference pushed last, and forgets it, so it can be collected. */
  public Object pop() {
    if (size == 0) {
      throw new IllegalStateException("pop from an empty tape");
    }
    Object v = values[--size];
    values[size] = null;
    return v;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Empties the stack, keeping its storage for the next call. */
  public void clear() {
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  /**
   * Drops what was pushed above {@code height}, a gradient that ended in an exception or a {@code
   * try} block whose exception a {@code catch} handled, and forgets those references.
   */
  public void cut(int height) {
    if (size > height) {
      Arrays.fill(values, height, size, null);
    }
    size = height;
  }

  int capacity() {
    return values.length;
  }

  /** Gives back storage beyond {@code max} entries, when the stack is empty. */
  void trim(int max) {
    if (values.length > max && size == 0) {
      values = new Object[max];
    }
  }
}
