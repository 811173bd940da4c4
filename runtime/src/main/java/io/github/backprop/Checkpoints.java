package io.github.backprop;

import java.util.Arrays;

/**
 * The binomial checkpointing schedule of one {@link Checkpointed} loop, and the copies of its
 * state. Generated gradients drive it; a person needs it only to read generated code.
 *
 * <p>The loop's {@code n} iterations are numbered {@code 0 .. n-1}. The forward sweep asks {@link
 * #forward()} for actions until {@link #DONE}: {@link #ADVANCE} runs iterations {@link #from()}
 * to {@link #to()} (exclusive) without a tape, {@link #SAVE} copies the state ({@code save(x)},
 * in a fixed order). Afterwards the state is the loop's final state, as if it had run plainly. The
 * reverse sweep then asks {@link #reverse()}: {@link #RESTORE} puts a copy back ({@code
 * restoreDouble()}, in the same order), {@link #ADVANCE} and {@link #SAVE} as before, and {@link
 * #TURN} runs iteration {@link #from()} with a tape and then its reverse. Turns come last
 * iteration first, each once, each from the state that iteration started with.
 *
 * <p>With {@code s} snapshots it holds at most {@code s} copies at once. It counts in segments of
 * a given number of iterations (a turn runs one segment) and splits them as Griewank's binomial
 * schedule (Revolve) does: with {@code c = s - 2} free copies beyond the one of the start, and
 * each segment run at most {@code t} times in the reverse sweep (its turn included), {@code C(c +
 * t, c + 1)} segments can be reversed, so {@code t} is the least with {@code C(c + t, c + 1) >=
 * m} for {@code m} segments; with 64 snapshots that is 4 for 15,625 segments (a million
 * iterations in segments of 64) and 6 for a million segments.
 */
public final class Checkpoints {
  /** No more actions in this sweep. */
  public static final int DONE = 0;
  /** Run iterations {@link #from()} (inclusive) to {@link #to()} (exclusive) without a tape. */
  public static final int ADVANCE = 1;
  /** Copy the loop's state: one {@code save} per variable or array, in a fixed order. */
  public static final int SAVE = 2;
  /** Put a copy back: one {@code restore...} per variable or array, in the order saved. */
  public static final int RESTORE = 3;
  /** Run iteration {@link #from()} with a tape, then its reverse. */
  public static final int TURN = 4;

  private static final int REVERSE_RANGE = 0;
  private static final int FREE = 1;
  private static final int LINEAR = 2;

  private final long steps;
  private final int snapshots;
  /** Iterations per unit of the schedule: a turn runs this many with the tape. */
  private final int segment;
  /** {@code reach[t][c]}: how many iterations c free copies and t runs each can reverse. */
  private final long[][] reach;

  private final int[] taskKind;
  private final long[] taskStart;
  private final long[] taskEnd;
  private final int[] taskFree;
  private final int[] taskRuns;
  private int tasks;

  private final int[] queueKind = new int[4];
  private final long[] queueFrom = new long[4];
  private final long[] queueTo = new long[4];
  private final int[] queueSlot = new int[4];
  private int queueHead;
  private int queued;

  /** The iteration the state stands at, or -1 after a turn. */
  private long current;
  /** Copies held for the schedule's ranges, slots {@code 0 .. used-1}. */
  private int used;
  private final int turnSlot;
  private long turnAt = -1;
  private int forwardState;
  private int reverseState;

  private int kind;
  private long from;
  private long to;
  private int slot;

  private final double[][] doubles;
  private final long[][] longs;
  private final Object[][] arrays;
  private int doubleCursor;
  private int longCursor;
  private int arrayCursor;

  private long advanced;
  private long turns;
  private int held;
  private int peak;

  /** As {@link #Checkpoints(long, int, int)} with turns of one iteration. */
  public Checkpoints(long steps, int snapshots) {
    this(steps, snapshots, 1);
  }

  /**
   * @param steps the loop's trip count; none if not positive
   * @param snapshots the most copies of the state to hold at once, at least 2
   * @param segment how many iterations a turn runs with the tape, at least 1: the schedule
   *     counts in segments of this many iterations (the last may be shorter)
   */
  public Checkpoints(long steps, int snapshots, int segment) {
    if (snapshots < 2) {
      throw new IllegalArgumentException("snapshots must be at least 2, not " + snapshots);
    }
    if (segment < 1) {
      throw new IllegalArgumentException("segment must be at least 1, not " + segment);
    }
    this.steps = Math.max(0, steps);
    this.snapshots = snapshots;
    this.segment = segment;
    this.turnSlot = snapshots - 1;
    long units = this.steps / segment + (this.steps % segment == 0 ? 0 : 1);
    int free = (int) Math.min(snapshots - 2L, units);
    this.reach = free >= 1 ? reach(free, units) : null;
    int depth = 2 * free + 8;
    taskKind = new int[depth];
    taskStart = new long[depth];
    taskEnd = new long[depth];
    taskFree = new int[depth];
    taskRuns = new int[depth];
    doubles = new double[snapshots][];
    longs = new long[snapshots][];
    arrays = new Object[snapshots][];
    current = 0;
    if (units >= 2) {
      enqueue(SAVE, 0, 0, used++);
    }
    if (units >= 1) {
      push(REVERSE_RANGE, 0, units, free, reach == null ? 0 : reach.length - 1);
    }
  }

  /**
   * The schedule of a loop of {@code steps} iterations when there are more than {@code bound}, or
   * null when there are not, and the gradient tapes the loop in full ({@link CheckpointLoops}).
   */
  public static Checkpoints beyond(long steps, long bound, int snapshots, int segment) {
    return steps > bound ? new Checkpoints(steps, snapshots, segment) : null;
  }

  /**
   * As {@link #beyond}, but up to {@code bound} iterations a schedule of one segment: the forward
   * sweep runs the loop without the tape and keeps one copy of its state, the reverse sweep runs
   * it again with the tape. A gradient whose two paths would make its method too large for the
   * JIT ({@link CheckpointLoops}) holds the checkpointed one only and runs short loops so.
   */
  public static Checkpoints beyondOrRerun(long steps, long bound, int snapshots, int segment) {
    return steps > bound
        ? new Checkpoints(steps, snapshots, segment)
        : new Checkpoints(steps, 2, (int) Math.max(1, Math.min(steps, Integer.MAX_VALUE)));
  }

  /**
   * {@code reach[t][c]} for c up to {@code free} and t up to the least t that reaches {@code n}:
   * N(0, t) = t, N(c, 1) = 1, N(c, t) = N(c, t - 1) + N(c - 1, t), which is C(c + t, c + 1).
   */
  private static long[][] reach(int free, long n) {
    java.util.List<long[]> rows = new java.util.ArrayList<>();
    rows.add(new long[free + 1]);
    for (int t = 1; rows.get(rows.size() - 1)[free] < n; t++) {
      long[] prev = rows.get(t - 1);
      long[] row = new long[free + 1];
      row[0] = t;
      for (int c = 1; c <= free; c++) {
        long sum = prev[c] + row[c - 1];
        row[c] = sum < 0 ? Long.MAX_VALUE : sum; // saturates: beyond any trip count
      }
      rows.add(row);
    }
    return rows.toArray(new long[0][]);
  }

  /** The next action of the forward sweep: {@link #ADVANCE}, {@link #SAVE} or {@link #DONE}. */
  public int forward() {
    switch (forwardState) {
      case 0:
        int a = next();
        if (a == TURN) {
          // The forward sweep goes on past the last segment instead: keep its start for later.
          turnAt = from / segment;
          forwardState = 1;
          return act(SAVE, turnAt, turnAt, turnSlot);
        }
        if (a == DONE) {
          forwardState = 3;
        }
        if (a == ADVANCE) {
          advanced += to - from;
        }
        return a;
      case 1:
        forwardState = 2;
        act(ADVANCE, turnAt, turnAt + 1, 0);
        advanced += to - from;
        return ADVANCE;
      case 2:
        forwardState = 3;
        return DONE;
      default:
        throw new IllegalStateException("the forward sweep is done");
    }
  }

  /** The next action of the reverse sweep, after {@link #forward()} gave {@link #DONE}. */
  public int reverse() {
    if (forwardState != 3) {
      throw new IllegalStateException("the forward sweep is not done");
    }
    switch (reverseState) {
      case 0:
        if (turnAt < 0) {
          reverseState = 2;
          return DONE;
        }
        reverseState = 1;
        return act(RESTORE, turnAt, turnAt, turnSlot);
      case 1:
        reverseState = 2;
        current = -1;
        held--;
        act(TURN, turnAt, turnAt + 1, 0);
        turns += to - from;
        return TURN;
      default:
        int a = next();
        if (a == ADVANCE) {
          advanced += to - from;
        } else if (a == TURN) {
          turns += to - from;
        }
        return a;
    }
  }

  /** The first iteration of the current {@link #ADVANCE} or {@link #TURN}, from the loop's start. */
  public int from() {
    return (int) from; // added to the loop's first index in int arithmetic, which wraps alike
  }

  /** The iteration after the last of the current {@link #ADVANCE} or {@link #TURN}. */
  public int to() {
    return (int) to;
  }

  /** {@link #from()} for a loop with a long counter. */
  public long fromLong() {
    return from;
  }

  /** {@link #to()} for a loop with a long counter. */
  public long toLong() {
    return to;
  }

  /** The loop's trip count. */
  public long steps() {
    return steps;
  }

  /** Iterations run without a tape so far, by both sweeps. */
  public long advancedSteps() {
    return advanced;
  }

  /** Iterations turned so far (run with a tape and reversed). */
  public long turnedSteps() {
    return turns;
  }

  /** The most copies of the state held at once so far. */
  public int peakSnapshots() {
    return peak;
  }

  public void save(double v) {
    double[] d = doubles[slot];
    if (d == null || doubleCursor == d.length) {
      d = doubles[slot] = d == null ? new double[4] : Arrays.copyOf(d, 2 * d.length);
    }
    d[doubleCursor++] = v;
  }

  /** An {@code int} or {@code long} value. */
  public void save(long v) {
    long[] l = longs[slot];
    if (l == null || longCursor == l.length) {
      l = longs[slot] = l == null ? new long[4] : Arrays.copyOf(l, 2 * l.length);
    }
    l[longCursor++] = v;
  }

  public void save(boolean v) {
    save(v ? 1L : 0L);
  }

  /** The elements of a one-dimensional array of primitives; the copy is kept for the next save. */
  public void save(Object array) {
    Object[] a = arrays[slot];
    if (a == null || arrayCursor == a.length) {
      a = arrays[slot] = a == null ? new Object[4] : Arrays.copyOf(a, 2 * a.length);
    }
    int n = java.lang.reflect.Array.getLength(array);
    Object copy = a[arrayCursor];
    if (copy == null || copy.getClass() != array.getClass() || java.lang.reflect.Array.getLength(copy) != n) {
      copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
      a[arrayCursor] = copy;
    }
    System.arraycopy(array, 0, copy, 0, n);
    arrayCursor++;
  }

  /**
   * Which array a variable refers to (perhaps null) and that array's elements: for a variable the
   * loop gives another array ({@code y = step(y)}, or a swap of two buffers).
   */
  public void saveReference(Object array) {
    Object[] a = arrays[slot];
    if (a == null || arrayCursor == a.length) {
      a = arrays[slot] = a == null ? new Object[4] : Arrays.copyOf(a, 2 * a.length);
    }
    a[arrayCursor++] = array;
    if (array != null) {
      save(array);
    } else {
      save(EMPTY); // keeps every later entry where the next copy into this slot finds it
    }
  }

  private static final double[] EMPTY = {};

  /** The array {@link #saveReference} saved, its elements put back. */
  public Object restoreReference() {
    Object array = arrays[slot][arrayCursor++];
    if (array != null) {
      restore(array);
    } else {
      arrayCursor++;
    }
    return array;
  }

  public double restoreDouble() {
    return doubles[slot][doubleCursor++];
  }

  public float restoreFloat() {
    return (float) doubles[slot][doubleCursor++];
  }

  public long restoreLong() {
    return longs[slot][longCursor++];
  }

  public int restoreInt() {
    return (int) longs[slot][longCursor++];
  }

  public boolean restoreBoolean() {
    return longs[slot][longCursor++] != 0;
  }

  /** Copies the saved elements back into {@code array}, the array that was saved. */
  public void restore(Object array) {
    Object copy = arrays[slot][arrayCursor++];
    System.arraycopy(copy, 0, array, 0, java.lang.reflect.Array.getLength(copy));
  }

  /** Makes action {@code k} current; {@code f} and {@code t} count segments. */
  private int act(int k, long f, long t, int s) {
    kind = k;
    from = Math.min(f * segment, steps);
    to = Math.min(t * segment, steps);
    slot = s;
    doubleCursor = 0;
    longCursor = 0;
    arrayCursor = 0;
    if (k == SAVE) {
      peak = Math.max(peak, ++held);
    }
    return k;
  }

  /** The next action of the whole reversal, as if the forward sweep had stopped at the first turn. */
  private int next() {
    while (queued == 0) {
      if (tasks == 0) {
        return act(DONE, 0, 0, 0);
      }
      expand();
    }
    int i = queueHead;
    queueHead = (queueHead + 1) & 3;
    queued--;
    int k = queueKind[i];
    if (k == ADVANCE) {
      current = queueTo[i];
    } else if (k == TURN) {
      current = -1;
    }
    return act(k, queueFrom[i], queueTo[i], queueSlot[i]);
  }

  private void expand() {
    tasks--;
    int k = taskKind[tasks];
    long start = taskStart[tasks];
    long end = taskEnd[tasks];
    int free = taskFree[tasks];
    int runs = taskRuns[tasks];
    if (k == FREE) {
      used--;
      held--;
      return;
    }
    if (current != start) {
      // Example: RESTORE of the copy at `start`, the latest one held.
      enqueue(RESTORE, start, start, used - 1);
      current = start;
    }
    if (k == LINEAR) {
      // Turn `end` after running start .. end - 1 again; then end - 1, and so on back to start.
      if (end > start) {
        enqueue(ADVANCE, start, end, 0);
        push(LINEAR, start, end - 1, 0, 0);
      }
      enqueue(TURN, end, end + 1, 0);
      current = -1;
      return;
    }
    long length = end - start;
    if (length == 1) {
      enqueue(TURN, start, end, 0);
      current = -1;
      return;
    }
    if (free == 0) {
      push(LINEAR, start, end - 1, 0, 0);
      return;
    }
    int t = leastRuns(free, length, runs);
    long first = Math.min(length - 1, reach[t - 1][free]);
    long middle = start + first;
    enqueue(ADVANCE, start, middle, 0);
    enqueue(SAVE, middle, middle, used++);
    current = middle;
    push(REVERSE_RANGE, start, middle, free, t - 1);
    push(FREE, 0, 0, 0, 0);
    push(REVERSE_RANGE, middle, end, free - 1, t);
  }

  /** The least t, at most {@code max}, with reach[t][free] >= length (length >= 2, free >= 1). */
  private int leastRuns(int free, long length, int max) {
    if (length <= free + 2L) {
      return 2; // reach[2][c] = c + 2
    }
    int lo = 2;
    int hi = max;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reach[mid][free] >= length) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private void enqueue(int k, long f, long t, int s) {
    int i = (queueHead + queued) & 3;
    queueKind[i] = k;
    queueFrom[i] = f;
    queueTo[i] = t;
    queueSlot[i] = s;
    queued++;
  }

  private void push(int k, long start, long end, int free, int runs) {
    taskKind[tasks] = k;
    taskStart[tasks] = start;
    taskEnd[tasks] = end;
    taskFree[tasks] = free;
    taskRuns[tasks] = runs;
    tasks++;
  }

  @Override
  public String toString() {
    return "Checkpoints[steps=" + steps + ", snapshots=" + snapshots + ", segment=" + segment + "]";
  }
}
