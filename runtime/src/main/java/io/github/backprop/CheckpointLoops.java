package io.github.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checkpoints, without a marker on each, the loops of {@link Differentiable} methods that run more
 * than {@link #above} iterations when called: on a method, on a class (its methods and those of
 * its nested classes) or on a package ({@code package-info.java}); the nearest one applies.
 *
 * <pre>{@code
 * @CheckpointLoops(above = 100_000)
 * class Integrators { ... }
 * }</pre>
 *
 * <p>Each loop that {@link Checkpointed} could mark (a {@code for} loop that is a statement of the
 * method body itself, counting an {@code int} or a {@code long} up by one to a bound its body
 * leaves alone, with nothing jumping out of it) gets two gradients in one: when its trip count is
 * at most {@code above}, it is taped in full exactly as without this annotation; above that, it is
 * checkpointed as if marked {@code @Checkpointed(snapshots = ..., segment = ...)} with the values
 * given here. Where holding both would make the gradient too large for HotSpot to compile (8,000
 * bytes of bytecode), it holds the checkpointed one alone ({@link Checkpoints#beyondOrRerun}),
 * which runs a loop up to {@code above} once without the tape and once with it.
 * Other loops are taped in full whatever their length: mark one {@code @Checkpointed}
 * and the processor says why it cannot be. A loop marked {@code @Checkpointed} is checkpointed at
 * every length, with its own settings.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.PACKAGE})
public @interface CheckpointLoops {
  /** The most iterations a loop runs with its whole tape; longer runs are checkpointed. At least 0. */
  long above();

  /** As {@link Checkpointed#snapshots()}: the most copies of a loop's state held at once, at least 2. */
  int snapshots() default 64;

  /** As {@link Checkpointed#segment()}: iterations taped at once in the reverse sweep, at least 1. */
  int segment() default 64;
}
