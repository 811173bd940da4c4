package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What backprop does not follow of value classes (final fields, set by a constructor): one error
 * of ours at the construct, saying what to write instead.
 */
class ValueClassDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";
  private static final String FIELD = "[BackpropField]";

  @Test
  void aValueClassWithAnArrayFieldMadeInTheMethod() {
    String src =
        """
        static final class Poly {
          final double[] c;

          Poly(double[] c) {
            this.c = c;
          }
        }

        @Differentiable static double f(double[] c, double x) {
          Poly p = new Poly(c);
          return p.c[0] * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Poly(c)", "new"), "class Poly is made here", "field 'c' is not",
        "pass the object in");
  }

  @Test
  void aPrivateFieldWithNoGetterOfAParameter() {
    String src =
        """
        static final class Vec {
          private final double x;
          private final double y;

          Vec(double x, double y) {
            this.x = x;
            this.y = y;
          }

          double getX() {
            return x;
          }

          double norm() {
            return Math.hypot(x, y);
          }
        }

        @Differentiable static double f(Vec v, double k) {
          return v.norm() * k;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "v.norm()", "()"), "backprop runs 'norm' of class Vec",
        "field 'y' of Vec is private", "double getY() { return y; }");
  }

  @Test
  void aGetterThatComputes() {
    String src =
        """
        static final class Vec {
          private final double x;

          Vec(double x) {
            this.x = x;
          }

          double getX() {
            return Math.abs(x);
          }
        }

        @Differentiable static double f(Vec v, double k) {
          return v.getX() * k;
        }
        """;
    onlyError(src, FIELD, at(src, "Vec v, double k", "v,"), "field 'x' of Vec is private",
        "through getX(), whose body must then be 'return x;'");
  }

  @Test
  void aConstructorBackpropCannotRead() {
    String src =
        """
        static final class Vec {
          final double x;

          Vec(double x) {
            double[] parts = {x};
            this.x = java.util.Arrays.stream(parts).map(Math::abs).map(v -> v * v).sorted().sum();
          }
        }

        @Differentiable static double f(double a) {
          Vec v = new Vec(a);
          return v.x * a;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Vec(a)", "new"), "backprop runs the constructor of class Vec here, but cannot read it");
  }

  @Test
  void aSecondNameForAnObjectWhoseFieldsChange() {
    String src =
        """
        static final class Acc {
          double sum;

          Acc(double s) {
            sum = s;
          }
        }

        @Differentiable static double f(double a) {
          Acc acc = new Acc(a);
          Acc other = acc;
          return other.sum * a;
        }
        """;
    // Acc acc = new Acc(a) is held as locals the method may change (derive/HolderClassesTest);
    // another variable would be a copy
    onlyError(src, UNSUPPORTED, at(src, "Acc other", "other"), "'other' would be a second name for the Acc object 'acc'",
        "use 'acc' itself");
  }
}
