package io.github.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the counter of a loop in a {@link Differentiable} method whose gradient should hold at
 * most {@link #snapshots} copies of the loop's state instead of taping every iteration:
 *
 * <pre>{@code
 * for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++) { ... }
 * }</pre>
 *
 * <p>The forward sweep runs the loop without a tape, copying its state (the locals and array
 * elements the body writes) at the iterations a binomial schedule ({@link Checkpoints}) picks; the
 * reverse sweep runs the loop again from the nearest copy, {@link #segment} iterations at a time
 * with a tape, each segment followed by its reverse. Memory no longer grows with the number of
 * iterations: at most {@code snapshots} copies of the state and one segment's tape. The price is
 * running iterations again: with {@code s} snapshots and {@code m} segments, each iteration runs
 * at most {@code t} times in the reverse sweep, the least {@code t} with {@code C(s - 2 + t, s - 1)
 * >= m}; with 64 snapshots and segments of 64, that is 4 for a million iterations and 6 for a
 * hundred million.
 *
 * <p>The loop must be a statement of the method body itself (not inside another loop or a branch),
 * of the shape {@code for (int i = a; i < b; i++)} (or {@code <=}, or a {@code long} counter) whose
 * bounds its body leaves alone, with no {@code break}, {@code continue} or {@code return} inside;
 * the processor says what to change otherwise. To checkpoint loops only when they run longer than
 * a given length, without marking each, see {@link CheckpointLoops}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.LOCAL_VARIABLE)
public @interface Checkpointed {
  /** How many copies of the loop's state the gradient holds at most; at least 2. */
  int snapshots();

  /**
   * How many iterations the reverse sweep runs with a tape at once, at least 1: the schedule
   * counts in segments of this many iterations, so the tape holds one segment's values at most.
   * Larger segments run fewer iterations again and pay less per turn, for more tape.
   */
  int segment() default 64;
}
