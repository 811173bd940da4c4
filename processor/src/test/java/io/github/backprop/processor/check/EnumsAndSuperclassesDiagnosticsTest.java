package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What stays out of enums and class hierarchies: an enum's constants held in an array (loop over
 * {@code values()} instead), and an object whose class is abstract, whose method backprop cannot
 * know. One error of ours at the construct, saying what to write.
 */
class EnumsAndSuperclassesDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  private static final String PLANET =
      """
      enum Planet {
        EARTH(5.976, 6.378),
        MARS(0.642, 3.390);

        final double mass;
        final double radius;

        Planet(double mass, double radius) {
          this.mass = mass;
          this.radius = radius;
        }
      }

      """;

  @Test
  void anArrayOfEnumConstants() {
    String src =
        PLANET
            + """
            @Differentiable static double f(double m) {
              Planet[] two = {Planet.EARTH, Planet.MARS};
              return m * two.length;
            }
            """;
    onlyError(src, UNSUPPORTED, at(src, "Planet[] two", "[]"), "arrays of C.Planet are not supported",
        "loop over the constants as they are, for (C.Planet v : C.Planet.values())");
  }

  @Test
  void aMethodOfAnAbstractClassGivenADifferentiableValue() {
    String src =
        """
        abstract static class Shape {
          double scale;

          abstract double area(double k);
        }

        static final class Square extends Shape {
          double side;

          double area(double k) {
            return k * side * side;
          }
        }

        @Differentiable static double f(Shape s, double k) {
          return s.area(k) * scaleOf(s);
        }

        static double scaleOf(Shape s) {
          return s.scale;
        }
        """;
    onlyError(src, "[BackpropNoDerivative]", at(src, "s.area(k)", "(k)"), "'s.area'");
  }

  @Test
  void equalsOfAPrivateRecord() {
    String src =
        """
        private record P(double x, double y) {}

        @Differentiable static double f(double x, double y) {
          P p = new P(x, y);
          return p.equals(new P(y, x)) ? x : y;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "p.equals(", "("), "backprop answers 'equals' of a P record by making the"
        + " record again", "record P is private", "make it package-private", "x(), y()");
  }

  @Test
  void toStringOfARecordWhoseConstructorChangesAComponent() {
    String src =
        """
        record Rate(double r) {
          Rate {
            r = Math.max(r, 0);
          }
        }

        @Differentiable static double f(double x) {
          Rate a = new Rate(x);
          if (a.toString().isEmpty()) {
            return 0;
          }
          return a.r() * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "a.toString(", "("), "the constructor of Rate assigns a component",
        "read the components (r())");
  }
}
