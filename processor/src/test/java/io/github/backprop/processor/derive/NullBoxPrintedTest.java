package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A box declared {@code Double best = null} that is still null where Java only prints it or
 * passes it on as a reference: every mode prints {@code null} and goes on, as the primal does,
 * and throws only where the primal unboxes it.
 */
class NullBoxPrintedTest {
  static final String MEMBERS =
      """
      @Differentiable static double largestAbove(double[] xs, double limit) {
        Double best = null;
        for (double x : xs) {
          if (x > limit && (best == null || x > best)) best = x;
        }
        String report = "best " + best + ", " + String.valueOf(best) + ", " + java.util.Objects.toString(best, "none");
        if (xs.length > 3) throw new IllegalStateException("too many; " + report);
        if (best == null) return limit * xs[0];
        return best * best + limit;
      }

      @Differentiable static double unboxedWhileNull(double[] xs) {
        Double best = null;
        for (double x : xs) if (x > 1) best = x;
        return best * xs[0];
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  @Test
  void nullBoxPrintedWhereThePrimalPrintsIt() throws Exception {
    assertTrue(C.succeeded(), C.diagnostics());
    // Still null: the primal prints "null" and returns limit * xs[0]; so must the gradient.
    Object g = C.call("p.CGrad", "largestAbove", new double[] {0.5, 1.5}, 2.0);
    assertEquals(1.0, (double) Compiled.components(g).get("value"), 0.0);
    assertEquals(0.5, (double) Compiled.components(g).get("limit"), 0.0);
    for (Object[] point : List.of(new Object[] {new double[] {0.5, 1.5}, 2.0}, new Object[] {new double[] {3.5, 1.5, 4.0}, 2.0})) {
      GradCheck.check(C, "largestAbove", point);
    }
    // The message the primal builds is the gradient's, null printed as null.
    String primal = thrown(C, "p.C", new double[] {0.5, 1, 1.5, 0.25}, 2.0);
    assertEquals("too many; best null, null, none", primal);
    assertEquals(primal, thrown(C, "p.CGrad", new double[] {0.5, 1, 1.5, 0.25}, 2.0));
    assertEquals("too many; best 3.0, 3.0, 3.0", thrown(C, "p.CGrad", new double[] {0.5, 3, 1.5, 0.25}, 2.0));
  }

  @Test
  void nullBoxPrintedInEveryMode() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(3);
    for (Object[] point : List.of(new Object[] {new double[] {0.5, 1.5}, 2.0}, new Object[] {new double[] {3.5, 1.5, 4.0}, 2.0})) {
      assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", "largestAbove", point, random, 3).ran());
      HessianCheck.check(MODES, "largestAbove", point);
    }
    assertEquals("too many; best null, null, none", thrown(MODES, "p.CGrad", new double[] {0.5, 1, 1.5, 0.25}, 2.0));
  }

  @Test
  void unboxingANullBoxStillThrowsAsThePrimalDoes() {
    assertTrue(C.succeeded(), C.diagnostics());
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> invoke(C, "p.CGrad", "unboxedWhileNull", new double[] {0.5}));
    assertTrue(e.getCause() instanceof NullPointerException, e.getCause().toString());
    GradCheck.check(C, "unboxedWhileNull", new double[] {0.5, 2.5});
  }

  private static String thrown(Compiled c, String className, double[] xs, double limit) {
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> invoke(c, className, "largestAbove", xs, limit));
    assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
    return e.getCause().getMessage();
  }

  private static void invoke(Compiled c, String className, String name, Object... args) throws Exception {
    for (Method m : c.loadClass(className).getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        m.invoke(null, args);
        return;
      }
    }
    throw new AssertionError(name);
  }
}
