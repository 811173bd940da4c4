package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects a method only reads as data: the fields of an enum constant, and methods of JDK objects
 * that a package-private superclass declares. They run as written and carry no derivative.
 */
class ObjectDataTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                enum Unit {
                  METRE(1.0),
                  KILOMETRE(1000.0);

                  final double factor;
                  final int digits;

                  Unit(double factor) {
                    this.factor = factor;
                    this.digits = (int) Math.log10(factor);
                  }
                }

                @Differentiable static double toMetres(double d, Unit unit) {
                  return d * unit.factor + unit.digits * d * d;
                }

                @Differentiable static double described(double x) {
                  StringBuilder sb = new StringBuilder();
                  sb.append("x = ").append(x);
                  if (sb.length() > 1000 || sb.charAt(0) != 'x') {
                    throw new IllegalStateException(sb.toString());
                  }
                  return x * x * 3;
                }
              }
              """));

  @Test
  void enumConstantFieldsAreData() {
    assertTrue(C.succeeded(), C::diagnostics);
    Class<?> unit = C.loadClass("p.C$Unit");
    for (Object u : unit.getEnumConstants()) {
      for (double d : new double[] {0.5, -2.0, 3.25}) {
        GradCheck.check(C, "toMetres", d, u);
      }
    }
    Object km = unit.getEnumConstants()[1];
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "toMetres", 2.0, km));
    assertEquals(1000.0 + 3 * 2 * 2.0, (Double) g.get("d"), 1e-12); // exact: factor + 2 digits d
  }

  /** The reader named StringBuilder.length's declaring class, AbstractStringBuilder, and refused it. */
  @Test
  void stringBuilderLengthIsNoVisibilityError() {
    assertTrue(C.succeeded(), C::diagnostics);
    assertTrue(C.source("p.CGrad").contains("sb.length()"), () -> C.source("p.CGrad"));
    for (double x : new double[] {0.5, -2.0, 12.125}) {
      GradCheck.check(C, "described", x);
    }
  }

  @Test
  void aListOfDoublesBuiltInTheMethodDifferentiates() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double sum(double[] x) {
              java.util.List<Double> l = new java.util.ArrayList<>();
              for (double v : x) l.add(v * v);
              return l.get(0) + l.get(1);
            }
            """);
    assertTrue(c.succeeded(), c::diagnostics);
    GradCheck.check(c, "sum", (Object) new double[] {1.5, -2.0, 4.0});
    double[] g = (double[]) Compiled.components(c.call("p.CGrad", "sum", (Object) new double[] {1.5, -2.0, 4.0})).get("x");
    assertArrayEquals(new double[] {3.0, -4.0, 0.0}, g, 0.0);
  }
}
