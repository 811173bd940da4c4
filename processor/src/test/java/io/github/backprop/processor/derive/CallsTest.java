package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls between @Differentiable methods, in one class and across classes; overload naming. */
class CallsTest {
  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import static p.Shapes.bump;

              class C {
                @Differentiable static double square(double x) { return x * x; }

                @Differentiable private static double cube(double x) { return x * square(x); }

                @Differentiable static double chain(double a, double b) {
                  double s = square(a * b) + cube(b) + square(2);
                  return s + Shapes.area(a, b, 3) * bump(a);
                }

                @Differentiable static double twice(double x) {
                  return square(square(x)) + (x > 0 ? square(x) : cube(x));
                }

                @Differentiable static double f(double x) { return x * 2; }

                @Differentiable static double f(double x, double y) { return f(x) * y; }

                @Differentiable static double f(double x, int n) { return f(x, x) * n; }

                @Differentiable static double value(double value, double value_) {
                  return value * value_ + f(value, 2);
                }
              }
              """,
              "p.Shapes",
              """
              package p;

              import io.github.backprop.Differentiable;

              final class Shapes {
                private Shapes() {}

                @Differentiable static double area(double w, double h, int sides) {
                  return w * h * sides / 2;
                }

                @Differentiable static double bump(double x) { return Math.exp(-x * x); }
              }
              """));

  @Test
  void chainRuleGoesThroughGeneratedCallees() {
    for (double a : new double[] {-1.1, 0.2, 0.9}) {
      for (double b : new double[] {-0.5, 1.3}) {
        GradCheck.check(C, "chain", a, b);
        GradCheck.check(C, "f", a, b);
        GradCheck.check(C, "value", a, b);
      }
      GradCheck.check(C, "twice", a);
      GradCheck.check(C, "f", a);
      GradCheck.check(C, "f", a, 3);
      GradCheck.check(C, "p.Shapes", "p.ShapesGrad", "bump", a);
    }
  }

  @Test
  void parameterNamedValueGetsAnUnderscore() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "value", 2.0, 5.0));
    // value * value_ + 2 * value * value * 2: d/dvalue = value_ + 8 value, d/dvalue_ = value.
    assertEquals(Map.of("value", 26.0, "value__", 21.0, "value_", 2.0), g);
  }

  @Test
  void overloadsGetRecordsNamedByParameterTypes() {
    String src = C.source("p.CGrad");
    for (String record : new String[] {"FDouble(", "FDoubleDouble(", "FDoubleInt(", "Square(", "Cube(", "Chain("}) {
      assertEquals(true, src.contains("public record " + record), record + " in\n" + src);
    }
  }
}
