package io.github.backprop;

/**
 * The tapes of the current thread, which generated gradients save loop values on. A gradient
 * pops exactly what it pushed before it returns, so every generated method of a thread, nested
 * or recursive, can share one stack per kind of value; and after the first calls have grown them
 * to their working size, gradients allocate no tape storage at all.
 *
 * <p>A gradient that ends in an exception (an index out of bounds in the method, say) leaves what
 * it pushed; later calls work above it. {@link #release} drops the current thread's tapes.
 */
public final class Tape {
  private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);

  private final DoubleStack doubles = new DoubleStack(64);
  private final IntStack ints = new IntStack(16);
  private final LongStack longs = new LongStack(16);
  private final BooleanStack booleans = new BooleanStack(16);
  private final ObjectStack objects = new ObjectStack(16);

  private Tape() {}

  public static DoubleStack doubles() {
    return CURRENT.get().doubles;
  }

  public static IntStack ints() {
    return CURRENT.get().ints;
  }

  public static LongStack longs() {
    return CURRENT.get().longs;
  }

  public static BooleanStack booleans() {
    return CURRENT.get().booleans;
  }

  public static ObjectStack objects() {
    return CURRENT.get().objects;
  }

  /** Forgets the current thread's tapes, and the memory they grew to. */
  public static void release() {
    CURRENT.remove();
  }
}
