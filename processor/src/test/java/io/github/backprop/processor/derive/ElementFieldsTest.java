package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A field read through an array element as the class's own code writes it: {@code all[i].mass}
 * of an enum's constants, {@code bodies[i].mass} of an array of records made in the method, of
 * one given as data and of one the method differentiates. Against finite differences in every
 * mode, and for exact values.
 */
class ElementFieldsTest {
  static final String MEMBERS =
      """
      enum Planet {
        MERCURY(3.303, 2.4397), VENUS(4.869, 6.0518), EARTH(5.976, 6.37814);
        final double mass;
        final double radius;
        Planet(double mass, double radius) { this.mass = mass; this.radius = radius; }
      }

      record Body(double mass, double r) {}

      @Differentiable static double gravity(double g, double h) {
        Planet[] all = Planet.values();
        double s = 0;
        for (int i = 0; i < all.length; i++) {
          double d = all[i].radius + h;
          s += g * all[i].mass / (d * d);
        }
        return s;
      }

      @Differentiable static double madeBodies(double g, double[] m) {
        Body[] bodies = new Body[m.length];
        for (int i = 0; i < m.length; i++) bodies[i] = new Body(m[i] * m[i], i + g);
        double s = 0;
        for (int i = 0; i < bodies.length; i++) s += bodies[i].mass / (bodies[i].r);
        return s;
      }

      @Differentiable static double dataBodies(double g, Body[] bodies) {
        double s = 0;
        for (int i = 0; i < bodies.length; i++) s += Math.sin(g * bodies[i].mass) * (bodies[i]).r;
        return s;
      }

      @Differentiable(wrt = {"g", "bodies"}) static double givenBodies(double g, Body[] bodies) {
        double s = 0;
        for (int i = 0; i < bodies.length; i++) s += g * bodies[i].mass * bodies[i].r;
        return s;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  private static Object bodies(Compiled c, double... massAndR) {
    try {
      Class<?> body = c.loadClass("p.C$Body");
      Constructor<?> make = body.getDeclaredConstructors()[0];
      make.setAccessible(true);
      Object out = Array.newInstance(body, massAndR.length / 2);
      for (int i = 0; i < massAndR.length / 2; i++) {
        Array.set(out, i, make.newInstance(massAndR[2 * i], massAndR[2 * i + 1]));
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Object[]> points(Compiled c, String name) {
    return switch (name) {
      case "gravity" -> List.of(new Object[] {6.674, 0.5}, new Object[] {-1.25, 2.0});
      case "madeBodies" -> List.of(new Object[] {0.5, new double[] {1, -2, 0.25}}, new Object[] {2.0, new double[] {3}});
      default -> List.of(new Object[] {0.7, bodies(c, 1, 2, 0.5, -3)}, new Object[] {-1.5, bodies(c, 2.5, 0.25)});
    };
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (String name : List.of("gravity", "madeBodies", "dataBodies")) {
      for (Object[] point : points(C, name)) {
        GradCheck.check(C, name, point);
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(5);
    for (String name : List.of("gravity", "madeBodies", "dataBodies")) {
      for (Object[] point : points(MODES, name)) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
        HessianCheck.check(MODES, name, point);
      }
    }
  }

  @Test
  void exactValues() {
    // gravity: sum over the planets of g m / (r + h)^2, so d/dg is that sum over g.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "gravity", 2.0, 0.5));
    double sum = 3.303 / (2.9397 * 2.9397) + 4.869 / (6.5518 * 6.5518) + 5.976 / (6.87814 * 6.87814);
    assertEquals(2 * sum, (double) g.get("value"), 1e-13);
    assertEquals(sum, (double) g.get("g"), 1e-14);
    // givenBodies: g sum m r, so the tangent of body i is (g r_i, g m_i).
    g = Compiled.components(C.call("p.CGrad", "givenBodies", 2.0, bodies(C, 1, 3, 0.5, -4)));
    assertEquals(2 * (3 - 2), (double) g.get("value"), 0.0);
    assertEquals(3 - 2.0, (double) g.get("g"), 0.0);
    Object[] tangents = (Object[]) g.get("bodies");
    assertEquals(Map.of("mass", 6.0, "r", 2.0), Compiled.components(tangents[0]));
    assertEquals(Map.of("mass", -8.0, "r", 1.0), Compiled.components(tangents[1]));
  }
}
