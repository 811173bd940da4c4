package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
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
  void aLambdaHeldInAField() {
    String src =
        """
        static final java.util.function.DoubleUnaryOperator SQUARE = t -> t * t;

        @Differentiable static double f(double x) {
          return SQUARE.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "SQUARE.applyAsDouble", "."), "held in field 'SQUARE'", "local variable");
  }

  @Test
  void aLambdaPassedToALibraryMethodThatMayCarryDerivatives() {
    String src =
        """
        @Differentiable static double f(double x, double[] w) {
          java.util.Arrays.setAll(w, i -> x * i);
          return w[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "i -> x"), "passed to 'Arrays.setAll', whose body backprop does not read",
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
  void anAnonymousClassOfAnotherType() {
    String src =
        """
        @Differentiable static double f(double x) {
          java.util.function.DoubleUnaryOperator g = new java.util.function.DoubleUnaryOperator() {
            @Override
            public double applyAsDouble(double t) {
              return t * t;
            }
          };
          return g.applyAsDouble(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new java.util.function.DoubleUnaryOperator"), "anonymous class is supported only as a ContinuedFraction",
        "pass a lambda");
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
        static double twice(java.util.function.DoubleUnaryOperator g, double x) {
          return g.andThen(v -> 2 * v).applyAsDouble(x);
        }

        @Differentiable static double f(double x) {
          return twice(t -> t * t, x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "twice(t -> t", "("), "'andThen' of a functional value", "call that");
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

  record Pos(int line, int column) {}

  /** The position of {@code target} within the first {@code context} in {@code members}. */
  private static Pos at(String members, String context, String target) {
    int start = members.indexOf(context);
    if (start < 0) {
      throw new IllegalArgumentException("no '" + context + "' in\n" + members);
    }
    int index = start + context.indexOf(target);
    String before = members.substring(0, index);
    int line = 6 + (int) before.chars().filter(ch -> ch == '\n').count();
    int column = index - before.lastIndexOf('\n');
    return new Pos(line, column);
  }

  private static Pos at(String members, String marker) {
    return at(members, marker, marker);
  }

  private static void onlyError(String members, String tag, Pos pos, String... words) {
    Compilation c = Compiled.members(members).compilation();
    List<Diagnostic<? extends JavaFileObject>> ours =
        c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
    String all =
        c.diagnostics().stream()
            .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
    assertEquals(1, c.errors().size(), () -> "expected exactly one error:\n" + all);
    assertEquals(1, ours.size(), () -> "expected one error of ours:\n" + all);
    Diagnostic<? extends JavaFileObject> d = ours.get(0);
    assertEquals(pos, new Pos((int) d.getLineNumber(), (int) d.getColumnNumber()), all);
    String message = d.getMessage(Locale.ROOT);
    assertTrue(message.startsWith(tag + " "), () -> "expected tag " + tag + ": " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }
}
