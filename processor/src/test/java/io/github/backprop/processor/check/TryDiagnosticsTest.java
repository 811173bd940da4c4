package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a try statement cannot do exactly: one tagged error, at the construct's line and column,
 * naming it and saying what to write instead.
 */
class TryDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  private static final String RISKY =
      """
      static double risky(double x) {
        if (x > 2) {
          throw new ArithmeticException("too big");
        }
        return x * x;
      }

      """;

  @Test
  void aResourceThatIsAField() {
    String src =
        RISKY
            + """
            static final java.io.StringReader IN = new java.io.StringReader("1");

            @Differentiable static double f(double x) throws java.io.IOException {
              try (IN) {
                return x * x + IN.read();
              }
            }
            """;
    onlyError(src, at(src, "try (IN)", "IN"), "a resource of try-with-resources must be an object held in a local",
        "open one in the method, or close it in the caller");
  }

  @Test
  void jumpOutOfATryFromALoopInsideIt() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x, int n) {
              double s = 0;
              outer:
              for (int i = 0; i < n; i++) {
                try {
                  for (int j = 0; j < n; j++) {
                    if (s > 3) {
                      continue outer;
                    }
                    s = s + risky(x);
                  }
                } catch (ArithmeticException e) {
                  throw new IllegalStateException(e);
                }
              }
              return s;
            }
            """;
    onlyError(src, at(src, "continue outer;"), "a 'continue' from a loop inside a 'try' statement to one outside it",
        "set a flag");
  }

  @Test
  void returnInsideALoopInsideATry() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x, int n) {
              double s = 0;
              try {
                for (int i = 0; i < n; i++) {
                  s = s + risky(x);
                  if (s > 4) {
                    return s;
                  }
                }
              } catch (ArithmeticException e) {
                throw new IllegalStateException(e);
              }
              return s;
            }
            """;
    onlyError(src, at(src, "return s;"), "a 'return' inside a loop inside a 'try'", "'break'");
  }

  @Test
  void twoCatchesThatResume() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x) {
              double r;
              try {
                r = risky(x);
              } catch (ArithmeticException e) {
                r = 0;
              } catch (IllegalStateException e) {
                r = 1;
              }
              return r;
            }
            """;
    onlyError(src, at(src, "catch (IllegalStateException"), "only one 'catch' of a 'try' may do more than log and throw",
        "common supertype");
  }

  @Test
  void finallyThatAssignsAndLogs() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x) {
              double r = x;
              try {
                r = risky(x);
              } finally {
                r = r + 1;
                System.out.println(r);
              }
              return r;
            }
            """;
    onlyError(src, at(src, "System.out"), "a 'finally' block", "this statement is a call among assignments",
        "move it after the 'try'");
  }

  @Test
  void finallyThatMayThrow() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x, double[] w) {
              double r = x;
              try {
                r = risky(x);
              } finally {
                r = r + w[0];
              }
              return r;
            }
            """;
    onlyError(src, at(src, "r = r + w[0]"), "this statement reads an array, which may throw", "move it after the 'try'");
  }

  @Test
  void catchThatReadsWhatTheTryChanged() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x) {
              double r = x;
              try {
                r = r * 3;
                r = risky(r);
              } catch (ArithmeticException e) {
                r = r + 1;
              }
              return r;
            }
            """;
    onlyError(src, at(src, "r = r + 1"), "this 'catch' reads 'r'", "assign 'r' at the start of the 'catch'");
  }

  @Test
  void catchThatCompletesWithoutAssigningWhatTheTryChanged() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x) {
              double r = x;
              try {
                r = r * 3;
                r = risky(r);
              } catch (ArithmeticException e) {
                System.out.println("ignored");
              }
              return r;
            }
            """;
    onlyError(src, at(src, "catch (Arith"), "this 'catch' completes without assigning 'r'", "or rethrow");
  }

  @Test
  void tryThatWritesIntoAnArrayBeforeACatchThatResumes() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double[] w) {
              try {
                w[0] = risky(w[0]);
                w[1] = risky(w[1]);
              } catch (ArithmeticException e) {
                return 0;
              }
              return w[0] + w[1];
            }
            """;
    onlyError(src, at(src, "catch (Arith"), "writes into the array 'w'", "copy it after");
  }

  @Test
  void returnOfAnArrayInsideATry() {
    String src =
        RISKY
            + """
            @Differentiable static double[] f(double[][] m, double x) {
              try {
                m[0][0] = risky(x);
                return m[0];
              } catch (ArithmeticException e) {
                throw new IllegalStateException(e);
              }
            }
            """;
    onlyError(src, at(src, "try {"), "a 'return' of an array inside a 'try' statement is not supported other than an array variable or a new array", "assign it to a local");
  }

  @Test
  void yieldOutOfATry() {
    String src =
        RISKY
            + """
            @Differentiable static double f(double x, int n) {
              double r = switch (n) {
                case 0 -> {
                  try {
                    yield risky(x);
                  } catch (ArithmeticException e) {
                    throw new IllegalStateException(e);
                  }
                }
                default -> x;
              };
              return r;
            }
            """;
    onlyError(src, at(src, "yield risky"), "a 'yield' out of a 'try' statement", "yield it after");
  }

  // ---------------------------------------------------------------- helpers

  private record Pos(long line, long column) {}

  /** The position of {@code target} within the first {@code context}: members start on line 6. */
  private static Pos at(String members, String context, String target) {
    int index = members.indexOf(context) + context.indexOf(target);
    String before = members.substring(0, index);
    return new Pos(6 + before.chars().filter(ch -> ch == '\n').count(), index - before.lastIndexOf('\n'));
  }

  private static Pos at(String members, String context) {
    return at(members, context, context);
  }

  private static void onlyError(String members, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    Diagnostic<? extends JavaFileObject> e = errors.get(0);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith(UNSUPPORTED + " "), message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertEquals(pos, new Pos(e.getLineNumber(), e.getColumnNumber()), message);
  }
}
