package io.github.backprop;

import java.util.Arrays;

/**
 * The stacks a running gradient saves loop values on, one per kind of value. A gradient pops
 * exactly what it pushed, so every generated method running on a thread, nested or recursive,
 * shares one tape; after the first calls have grown its stacks to their working size, gradients
 * allocate no tape storage at all.
 *
 * <p>Generated code brackets its body with {@link #enter} and {@link #exit}: {@code Tape _tape =
 * Tape.enter(); try { ... } finally { _tape.exit(); }}. Every exit, an exception included, puts
 * the stacks back at the heights they had at the entry, so a gradient that fails midway leaves
 * nothing behind. When the outermost gradient of a thread exits, stacks grown beyond {@link
 * #RETAINED} entries give their storage back. A platform thread keeps its tape, at most that
 * size, for its next gradient; a virtual thread gives its tape back to a small shared pool, so
 * that parked virtual threads hold no tape and a new virtual thread starts from a tape that
 * earlier ones grew. {@link #release} drops the current thread's tape.
 */
public final class Tape {
  /**
   * Entries each stack keeps between gradients ({@code -Dbackprop.tape.retain}, default 65536:
   * 512 KiB of doubles): larger stacks are given back when the outermost gradient exits.
   */
  static final int RETAINED = Math.max(16, Integer.getInteger("backprop.tape.retain", 1 << 16));

  private static final int KINDS = 5;

  /** The tape of the thread: for a platform thread always, for a virtual one during a gradient. */
  private static final ThreadLocal<Tape> CURRENT = new ThreadLocal<>();

  private final DoubleStack doubles = new DoubleStack(64);
  private final IntStack ints = new IntStack(16);
  private final LongStack longs = new LongStack(16);
  private final BooleanStack booleans = new BooleanStack(16);
  private final ObjectStack objects = new ObjectStack(16);

  /** Whether the tape goes back to the pool when its outermost gradient exits. */
  private final boolean pooled;

  /** Generated calls running on this tape. */
  private int depth;

  /** The stacks' heights at each running call's entry, {@link #KINDS} per call. */
  private int[] marks = new int[KINDS * 4];

  Tape(boolean pooled) {
    this.pooled = pooled;
  }

  /** The tape of the current thread, with the stacks' heights marked; pair with {@link #exit}. */
  public static Tape enter() {
    Tape tape = CURRENT.get();
    if (tape == null) {
      tape = attach();
    }
    tape.mark();
    return tape;
  }

  /**
   * Puts the stacks back at their heights at the matching {@link #enter}; after the outermost
   * call, trims them and, for a virtual thread, gives the tape back to the pool.
   */
  public void exit() {
    int at = --depth * KINDS;
    int[] m = marks;
    doubles.cut(m[at]);
    ints.cut(m[at + 1]);
    longs.cut(m[at + 2]);
    booleans.cut(m[at + 3]);
    objects.cut(m[at + 4]);
    if (depth == 0) {
      detach();
    }
  }

  public DoubleStack doubles() {
    return doubles;
  }

  public IntStack ints() {
    return ints;
  }

  public LongStack longs() {
    return longs;
  }

  public BooleanStack booleans() {
    return booleans;
  }

  public ObjectStack objects() {
    return objects;
  }

  /**
   * Forgets the current thread's tape and the memory it holds, unless a gradient is running on
   * the thread. A platform thread keeps at most {@link #RETAINED} entries per stack between
   * gradients; this gives back even those.
   */
  public static void release() {
    Tape tape = CURRENT.get();
    if (tape != null && tape.depth == 0) {
      CURRENT.remove();
    }
  }

  private void mark() {
    int at = depth * KINDS;
    if (at == marks.length) {
      marks = Arrays.copyOf(marks, at * 2);
    }
    int[] m = marks;
    m[at] = doubles.size();
    m[at + 1] = ints.size();
    m[at + 2] = longs.size();
    m[at + 3] = booleans.size();
    m[at + 4] = objects.size();
    depth++;
  }

  private static Tape attach() {
    Tape tape = Threads.isVirtual(Thread.currentThread()) ? TapePool.take() : new Tape(false);
    CURRENT.set(tape);
    return tape;
  }

  private void detach() {
    trim();
    if (pooled) {
      CURRENT.remove();
      TapePool.give(this);
    }
  }

  /** Gives back storage beyond what a tape keeps between gradients. */
  private void trim() {
    doubles.trim(RETAINED);
    ints.trim(RETAINED);
    longs.trim(RETAINED);
    booleans.trim(RETAINED);
    objects.trim(RETAINED);
    if (marks.length > KINDS * 64) {
      marks = new int[KINDS * 4];
    }
  }

  /** Entries held in storage across the five stacks, for tests. */
  long capacity() {
    return (long) doubles.capacity()
        + ints.capacity()
        + longs.capacity()
        + booleans.capacity()
        + objects.capacity();
  }

  /** The current thread's tape, or null, for tests. */
  static Tape current() {
    return CURRENT.get();
  }
}
