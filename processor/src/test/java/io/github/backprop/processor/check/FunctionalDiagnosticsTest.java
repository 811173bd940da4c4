package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What backprop does not follow of lambdas, method references and anonymous classes: a lambda
 * held in a field, passed to a library method a derivative could pass through, recursion through
 * a functional parameter, an anonymous class other than a ContinuedFraction. One error of ours,
 * at the construct, saying what to write instead.
 */
class FunctionalDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aLambdaHeldInAFieldThatIsNotFinal() {
    String src =
        """
        static java.util.function.DoubleUnaryOperator SQUARE = t -> t * t;

        @Differentiable static double f(double x) {
          return SQUARE.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "SQUARE.applyAsDouble", "."), "'SQUARE' is held in a field or a parameter", "local variable");
  }

  @Test
  void aLambdaHeldInAFieldOfAnotherClass() {
    String src =
        """
        static final class Ops {
          static final java.util.function.DoubleUnaryOperator SQUARE = t -> t * t;
        }

        @Differentiable static double f(double x) {
          return Ops.SQUARE.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "Ops.SQUARE.applyAsDouble", ".applyAsDouble"), "'Ops.SQUARE' is held in a field or a parameter",
        "final field of this class (static, or of the object whose method this is)");
  }

  @Test
  void aMethodReferenceToARecordTheMethodAssigns() {
    String src =
        """
        record P(double x) {
          double sq() {
            return x * x;
          }
        }

        static double call(java.util.function.DoubleSupplier s) {
          return s.getAsDouble();
        }

        @Differentiable static double f(double x) {
          P p = new P(x);
          java.util.function.DoubleSupplier s = p::sq;
          p = new P(2 * x);
          return call(s);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "p::sq"), "the method reference 'p::sq' reads 'p', which this method assigns", "final local");
  }

  @Test
  void aFunctionalParameterOfTheAnnotatedMethod() {
    String src =
        """
        @Differentiable static double f(double x, java.util.function.DoubleUnaryOperator g) {
          return g.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "g.applyAsDouble", "."), "'g' is held in a field or a parameter", "local variable");
  }

  @Test
  void aLambdaPassedToALibraryMethodThatMayCarryDerivatives() {
    String src =
        """
        @Differentiable static double f(double x, double[] w) {
          java.util.Arrays.parallelSetAll(w, i -> x * i);
          return w[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "i -> x"), "passed to 'Arrays.parallelSetAll', whose body backprop does not read",
        "static method of this compilation");
  }

  @Test
  void aBlockLambdaPassedToALogger() {
    String src =
        """
        static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("p");

        @Differentiable static double f(double x) {
          LOG.fine(() -> {
            return "x = " + x;
          });
          return x * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "() -> {"), "written out as it stands", "one expression");
  }

  @Test
  void recursionThroughAFunctionalParameter() {
    String src =
        """
        static double apply(java.util.function.DoubleUnaryOperator g, double x) {
          return g.applyAsDouble(x);
        }

        @Differentiable static double f(double x) {
          return apply(t -> apply(u -> u * t, t), x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "apply(u -> u", "("), "'apply' is called again while its body is read",
        "without a functional parameter");
  }

  @Test
  void anAnonymousClassOfAnInterfaceWithTwoMethods() {
    String src =
        """
        interface Two {
          double first(double t);

          double second(double t);
        }

        @Differentiable static double f(double x) {
          Two g = new Two() {
            public double first(double t) {
              return t * t;
            }

            public double second(double t) {
              return t;
            }
          };
          return g.first(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Two"), "anonymous class is supported as an object of a functional interface",
        "declare the class outside the method");
  }

  @Test
  void aContinuedFractionWithAField() {
    String src =
        """
        @Differentiable static double f(double a, double x) {
          org.hipparchus.util.ContinuedFraction cf = new org.hipparchus.util.ContinuedFraction() {
            final double twice = 2 * a;

            @Override
            protected double getA(int n, double x) {
              return twice + n;
            }

            @Override
            protected double getB(int n, double x) {
              return n * x;
            }
          };
          return cf.evaluate(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "final double twice", "twice"), "may hold only its getA and getB", "enclosing method");
  }

  @Test
  void anotherMethodOfAFunctionalValue() {
    String src =
        """
        @FunctionalInterface
        interface Op {
          double at(double v);

          default double twice(double v) {
            return at(at(v));
          }
        }

        static double apply(Op g, double x) {
          return g.twice(x);
        }

        @Differentiable static double f(double x) {
          return apply(t -> t * t, x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "apply(t -> t", "("), "'twice' of a functional value", "call that");
  }

  @Test
  void aCompositionWithAFunctionNotSeenWritten() {
    String src =
        """
        static final java.util.function.DoubleUnaryOperator SQUARE = t -> t * t;
        static java.util.function.DoubleUnaryOperator other = Math::sin;

        @Differentiable static double f(double x) {
          return SQUARE.andThen(other).applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "andThen(other", "other"), "'andThen' composes functional values backprop sees written",
        "a lambda, a method reference, or a local or static final field holding one");
  }

  @Test
  void aLambdaCastAndCalledInPlace() {
    String src =
        """
        @Differentiable static double f(double x) {
          return ((java.util.function.DoubleUnaryOperator) t -> t * x).applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "t -> t * x"), "a lambda", "local");
  }

  @Test
  void aLambdaInAnInstanceFieldThatIsNotFinal() {
    String src =
        """
        java.util.function.DoubleUnaryOperator link = v -> v * v;

        @Differentiable double f(double x) {
          return link.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "link.applyAsDouble", "."), "'link' is held in a field or a parameter",
        "final field of this class (static, or of the object whose method this is)");
  }
}
