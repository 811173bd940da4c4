package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/** Anonymous classes backprop cannot read as a lambda: the error at the member or the class, saying what to write. */
class AnonymousFunctionsDiagnosticsTest {
  @Test
  void aFieldInAnAnonymousFunctionIsAnError() {
    String src = """
        @Differentiable static double f(double x) {
          java.util.function.DoubleUnaryOperator g = new java.util.function.DoubleUnaryOperator() {
            double calls;

            public double applyAsDouble(double t) {
              return t * t;
            }
          };
          return g.applyAsDouble(x);
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "double calls;", "calls"), "read as a lambda", "applyAsDouble", "move the rest");
  }

  @Test
  void anAnonymousClassOfAnOrdinaryClassIsAnError() {
    String src = """
        static class Shape {
          double area(double r) {
            return r;
          }
        }

        @Differentiable static double f(double x) {
          Shape s = new Shape() {
            @Override
            double area(double r) {
              return r * r;
            }
          };
          return s.area(x);
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Shape()", "new"), "functional interface", "declare the class outside the method");
  }

  @Test
  void anAnonymousSubclassOfAValueClassGotNoGradientAndNoError() {
    String src = """
        static class Scale {
          final double k;

          Scale(double k) {
            this.k = k;
          }

          double of(double x) {
            return k * x;
          }
        }

        @Differentiable static double f(double x) {
          Scale s = new Scale(2) {
            @Override
            double of(double y) {
              return y * y;
            }
          };
          return s.of(x);
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Scale(2)", "new"), "declare the class outside the method");
  }
}
