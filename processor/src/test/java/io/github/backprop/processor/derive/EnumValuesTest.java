package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enums that hold numbers, as Java's tutorial writes {@code Planet}: their fields and methods are
 * read without derivative (constants of the model) in a formula that has one, and a loop over
 * {@code Planet.values()} walks the constants as Java does, in every mode.
 */
class EnumValuesTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;

          class C {
            enum Planet {
              MERCURY(0.3303, 2.4397),
              EARTH(5.976, 6.37814),
              JUPITER(1900.0, 71.492);

              final double mass;
              private final double radius;

              Planet(double mass, double radius) {
                this.mass = mass;
                this.radius = radius;
              }

              double mass() {
                return mass;
              }

              double radius() {
                return radius;
              }

              double surfaceGravity() {
                return 6.673e-2 * mass / (radius * radius);
              }
            }

            static double pull(Planet p, double m) {
              return Math.exp(-m / p.radius()) * Math.log1p(p.mass);
            }

            @Differentiable(forward = true, hessian = true)
            static double weight(double m, Planet p) {
              return m * p.surfaceGravity() + m * m * p.mass() * 1e-3;
            }

            @Differentiable
            static double pulled(double m, Planet p) {
              return pull(p, m);
            }

            @Differentiable(forward = true, hessian = true)
            static double totalWeight(double m) {
              double s = 0;
              for (Planet p : Planet.values()) {
                s += m * 6.673e-2 * p.mass() / (p.radius() * p.radius());
              }
              return s;
            }

            @Differentiable(forward = true, hessian = true)
            static double orbits(double m, double k) {
              double s = 0;
              for (Planet p : Planet.values()) {
                if (p == Planet.JUPITER) {
                  continue;
                }
                double w = switch (p) {
                  case MERCURY -> 2 * m;
                  default -> m * k;
                };
                s += Math.sin(w * s + k) + pull(p, m * k);
              }
              return s;
            }

            @Differentiable(forward = true, hessian = true)
            static double pairs(double m) {
              double s = 0;
              outer:
              for (Planet a : Planet.values()) {
                for (var b : Planet.values()) {
                  if (b.ordinal() > a.ordinal()) {
                    continue outer;
                  }
                  s += m * m * a.mass / b.radius() + Math.cos(1e-3 * m * s);
                }
              }
              return s;
            }
          }
          """);

  private static final List<String> NAMES = List.of("weight", "totalWeight", "orbits", "pairs");

  private static List<Object[]> points(String name) {
    Object earth = C.loadClass("p.C$Planet").getEnumConstants()[1];
    Object jupiter = C.loadClass("p.C$Planet").getEnumConstants()[2];
    return switch (name) {
      case "weight" -> List.of(new Object[] {0.7, earth}, new Object[] {-1.3, jupiter}, new Object[] {2.2, earth});
      case "orbits" -> List.of(new Object[] {0.7, 0.4}, new Object[] {-0.3, 1.1}, new Object[] {1.5, -0.6});
      default -> List.of(new Object[] {0.7}, new Object[] {-1.3}, new Object[] {2.2});
    };
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    ModeChecks.gradients(C, NAMES, EnumValuesTest::points);
  }

  @Test
  void forwardAndSecondOrderMatchFiniteDifferences() {
    ModeChecks.forwardAndSecondOrder(C, NAMES, EnumValuesTest::points, 2026172001L, List.of());
  }

  @Test
  void aLoopOverValuesSumsEveryConstant() {
    double[][] planets = {{0.3303, 2.4397}, {5.976, 6.37814}, {1900.0, 71.492}};
    double exact = 0;
    for (double[] p : planets) {
      exact += 6.673e-2 * p[0] / (p[1] * p[1]);
    }
    for (double m : new double[] {0.7, -1.3, 2.2}) {
      Map<String, Object> g = GradCheck.check(C, "totalWeight", m);
      assertEquals(exact, (Double) g.get("m"), 1e-12 * exact);
    }
  }

  @Test
  void aHelperReadingAFieldOfItsEnumParameterWasTakenForALibraryMethod() {
    Object[] planets = C.loadClass("p.C$Planet").getEnumConstants();
    double[][] values = {{0.3303, 2.4397}, {5.976, 6.37814}, {1900.0, 71.492}};
    for (int i = 0; i < planets.length; i++) {
      double m = 0.5 + i;
      Map<String, Object> g = GradCheck.check(C, "pulled", m, planets[i]);
      double r = values[i][1];
      assertEquals(-Math.exp(-m / r) / r * Math.log1p(values[i][0]), (Double) g.get("m"), 1e-12);
    }
  }
}
