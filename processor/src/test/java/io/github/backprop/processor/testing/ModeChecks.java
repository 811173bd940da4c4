package io.github.backprop.processor.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The checks a test of plain functions runs in every mode: each method's gradient at each of its
 * points against finite differences, and with {@code forward = true, hessian = true} its mJvp and
 * mHessian against differences too.
 */
public final class ModeChecks {
  private ModeChecks() {}

  /** {@link GradCheck} of each method of {@code names} at each of its {@code points}. */
  public static void gradients(Compiled c, List<String> names, Function<String, List<Object[]>> points) {
    assertTrue(c.succeeded(), c.diagnostics());
    for (String name : names) {
      for (Object[] point : points.apply(name)) {
        GradCheck.check(c, name, point);
      }
    }
  }

  /**
   * {@link JvpCheck} (unless {@code noJvp} names the method: JvpCheck finds a Jvp method by
   * name, which overloads share) and {@link HessianCheck} (at points with no matrix, which it
   * does not flatten) of each method at each of its points.
   */
  public static void forwardAndSecondOrder(
      Compiled modes, List<String> names, Function<String, List<Object[]>> points, long seed, List<String> noJvp) {
    assertTrue(modes.succeeded(), modes.diagnostics());
    Random random = new Random(seed);
    for (String name : names) {
      for (Object[] point : points.apply(name)) {
        if (!noJvp.contains(name)) {
          assertTrue(JvpCheck.check(modes, "p.C", "p.CGrad", name, point, random, 2).ran(), name);
        }
        if (java.util.Arrays.stream(point).noneMatch(a -> a instanceof double[][])) {
          HessianCheck.check(modes, name, point);
        }
      }
    }
  }

  /** The exception {@code p.C.name} and {@code p.CGrad.name} throw at {@code args}, unwrapped: the same for both, or an error. */
  public static Throwable thrown(Compiled c, String name, Object... args) {
    Throwable primal = rootCause(org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> c.call("p.C", name, args)));
    Throwable grad = rootCause(org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> c.call("p.CGrad", name, args)));
    org.junit.jupiter.api.Assertions.assertEquals(primal.getClass(), grad.getClass(), name);
    org.junit.jupiter.api.Assertions.assertEquals(primal.getMessage(), grad.getMessage(), name);
    return grad;
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
