package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Statements Java users put around numeric code: try-with-resources (a timer, a log), a {@code
 * finally} that assigns a differentiated local, and {@code Short}, {@code Byte} and {@code
 * Character} parameters. Each against finite differences in every mode, and for exact values.
 */
class JavaAsWrittenTest {
  static final String MEMBERS =
      """
      static int opened;
      static int closed;

      static final class Timer implements AutoCloseable {
        Timer() { opened++; }
        @Override public void close() { closed++; }
      }

      @SuppressWarnings("try")
      @Differentiable static double timed(double x, double y) {
        try (Timer t = new Timer()) {
          double z = Math.sin(x) * y;
          return z * z + x;
        }
      }

      @SuppressWarnings("try")
      @Differentiable static double twoResources(double x, double lim) {
        double y = 0;
        Timer outer = new Timer();
        try (outer; Timer inner = new Timer()) {
          y = Math.exp(x) * lim;
          if (y > 10) throw new IllegalStateException("over");
        } catch (IllegalStateException e) {
          y = lim * lim;
        } finally {
          y = y * x;
        }
        return y;
      }

      @Differentiable static double finallyAssigns(double x) {
        double y = 0;
        try {
          y = Math.sin(x);
        } finally {
          y = y * x + Math.cos(y);
        }
        return y;
      }

      @Differentiable static double finallyAfterReturn(double x, double lim) {
        double y = x;
        try {
          if (x > lim) throw new IllegalArgumentException("x " + x);
          y = x * x;
          return y * 3;
        } catch (IllegalArgumentException e) {
          y = lim;
        } finally {
          y = y + Math.exp(x);
        }
        return y;
      }

      @Differentiable static double narrowBoxes(double x, Short s, Byte b, Character c) {
        Short t = s;
        t++;
        double y = x * t + b * x * x + c;
        if (c == 'a') y *= 2;
        return y + s.doubleValue() * x + b.intValue() + (c.charValue() - 'a') * x;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final double[][] POINTS = {{0.5, 1.2}, {-0.7, 0.4}, {1.3, 2.0}, {2.5, 1.5}};

  private static List<Object[]> points(String name, double[] p) {
    return switch (name) {
      case "timed", "twoResources", "finallyAfterReturn" -> List.<Object[]>of(new Object[] {p[0], p[1]});
      case "finallyAssigns" -> List.<Object[]>of(new Object[] {p[0]});
      case "narrowBoxes" -> List.of(
          new Object[] {p[0], (short) 3, (byte) -2, 'a'}, new Object[] {p[1], Short.MAX_VALUE, (byte) 7, 'z'});
      default -> throw new AssertionError(name);
    };
  }

  static final List<String> NAMES = List.of("timed", "twoResources", "finallyAssigns", "finallyAfterReturn", "narrowBoxes");

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : POINTS) {
      for (String name : NAMES) {
        for (Object[] point : points(name, p)) {
          GradCheck.check(C, name, point);
        }
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(5);
    for (double[] p : POINTS) {
      for (String name : NAMES) {
        for (Object[] point : points(name, p)) {
          assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
          HessianCheck.check(MODES, name, point);
        }
      }
    }
  }

  @Test
  void exactValuesAndResourcesClosedAsJavaClosesThem() throws Exception {
    Class<?> c = C.loadClass("p.C");
    int opened = count(c, "opened");
    int closed = count(c, "closed");
    // twoResources at x = 0.5, lim = 1.2: e^x lim < 10, so y = e^x lim x and dy/dx = lim e^x (1 + x).
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "twoResources", 0.5, 1.2));
    assertEquals(1.2 * Math.exp(0.5) * 1.5, (double) g.get("x"), 1e-15);
    assertEquals(Math.exp(0.5) * 0.5, (double) g.get("lim"), 1e-15);
    assertEquals(opened + 2, count(c, "opened"));
    assertEquals(closed + 2, count(c, "closed"), "both resources closed");
    // The catch path: e^3 * 2 > 10, so y = lim^2 x: dy/dx = lim^2, dy/dlim = 2 lim x.
    g = Compiled.components(C.call("p.CGrad", "twoResources", 3.0, 2.0));
    assertEquals(4.0, (double) g.get("x"), 0.0);
    assertEquals(12.0, (double) g.get("lim"), 0.0);
    assertEquals(closed + 4, count(c, "closed"), "closed before the catch, on that path too");
    // finallyAfterReturn returns 3 x^2, taken before the finally runs: d/dx = 6 x.
    g = Compiled.components(C.call("p.CGrad", "finallyAfterReturn", 0.5, 1.0));
    assertEquals(0.75, (double) g.get("value"), 0.0);
    assertEquals(3.0, (double) g.get("x"), 0.0);
    // narrowBoxes: t = s + 1 wraps as a short does at Short.MAX_VALUE.
    g = Compiled.components(C.call("p.CGrad", "narrowBoxes", 2.0, Short.MAX_VALUE, (byte) 1, 'b'));
    assertEquals(Short.MIN_VALUE + 2 * 1 * 2.0 + Short.MAX_VALUE + ('b' - 'a'), (double) g.get("x"), 0.0);
  }

  private static int count(Class<?> c, String field) throws ReflectiveOperationException {
    java.lang.reflect.Field f = c.getDeclaredField(field);
    f.setAccessible(true);
    return f.getInt(null);
  }

  @Test
  void aNullBoxThrowsAsThePrimalDoes() {
    InvocationTargetException e = assertThrows(
        InvocationTargetException.class, () -> invoke("narrowBoxes", 1.0, null, (byte) 1, 'a'));
    assertTrue(e.getCause() instanceof NullPointerException, e.getCause().toString());
  }

  private static void invoke(String name, Object... args) throws Exception {
    for (java.lang.reflect.Method m : C.loadClass("p.CGrad").getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        m.invoke(null, args);
        return;
      }
    }
    throw new AssertionError(name);
  }
}
