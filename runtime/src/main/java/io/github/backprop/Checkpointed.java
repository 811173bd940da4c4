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
 * reverse sweep runs each iteration again from the nearest copy, with a tape for that one
 * iteration, and then its reverse. Memory no longer grows with the number of iterations; the
 * price is running iterations again: with {@code s} snapshots and {@code n} iterations, each
 * iteration runs at most {@code t} times, the least {@code t} with {@code C(s - 2 + t, s - 1) >= n}.
 *
 * <p>The loop must be a statement of the method body itself (not inside another loop or a branch),
 * of the shape {@code for (int i = a; i < b; i++)} (or {@code <=}) whose bounds its body leaves
 * alone, with no {@code break}, {@code continue} or {@code return} inside; the processor says what
 * to change otherwise.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.LOCAL_VARIABLE)
public @interface Checkpointed {
  /** How many copies of the loop's state the gradient holds at most; at least 2. */
  int snapshots();
}
