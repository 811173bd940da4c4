package io.github.backprop.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a {@code @Checkpointed} loop may not be or do: one error of ours each, at the marker or at
 * the jump, saying what to write instead. Other annotations inside a method stay rejected.
 */
class CheckpointDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";
  private static final String HEADER =
      "package p;\n\nimport io.github.backprop.Checkpointed;\nimport io.github.backprop.Differentiable;\n\nclass C {\n";

  @Test
  void markerOnAPlainLocal() {
    String src =
        """
        @Differentiable static double f(double x) {
          @Checkpointed(snapshots = 4) double y = x;
          return y;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "marks the counter of a 'for' loop", "for (@Checkpointed(snapshots = 64) int i");
  }

  @Test
  void tooFewSnapshots() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 1) int i = 0; i < n; i++) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "snapshots = an integer literal of at least 2");
  }

  @Test
  void emptySegments() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 8, segment = 0) int i = 0; i < n; i++) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "segment = an integer literal of at least 1");
  }

  @Test
  void snapshotsNotALiteral() {
    String src =
        """
        static final int K = 8;

        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = K) int i = 0; i < n; i++) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "an integer literal");
  }

  @Test
  void insideAnotherLoop() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (int j = 0; j < 3; j++) {
            for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
              x = Math.sin(x);
            }
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "statement of the method body itself", "into a @Differentiable method of its own");
  }

  /** The outer loop is checkpointed; the inner marker is the one error (CheckpointedTest shows the fix). */
  @Test
  void insideAnotherCheckpointedLoop() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int j = 0; j < n; j++) {
            for (@Checkpointed(snapshots = 8) int i = 0; i < n; i++) {
              x = Math.sin(x);
            }
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed(snapshots = 8)"), "statement of the method body itself", "into a @Differentiable method of its own");
  }

  @Test
  void insideABranch() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          if (x > 0) {
            for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
              x = Math.sin(x);
            }
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "statement of the method body itself");
  }

  @Test
  void breakOut() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            x = Math.sin(x);
            if (x < 0.1) {
              break;
            }
          }
          return x;
        }
        """;
    onlyError(src, at(src, "break"), "'break' out of a @Checkpointed loop", "end the loop by its bound");
  }

  @Test
  void breakOfAnInnerLoopIsFine() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) {
              x = Math.sin(x);
              if (x < 0.1) {
                break;
              }
            }
          }
          return x;
        }
        """;
    Compilation c = compile(src);
    assertThat(c).succeeded();
  }

  @Test
  void continueInside() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            if (i % 2 == 0) {
              continue;
            }
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "continue"), "'continue' in a @Checkpointed loop", "put the rest of the body in an 'if'");
  }

  @Test
  void returnInside() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            x = Math.sin(x);
            if (x < 0.1) {
              return x;
            }
          }
          return x;
        }
        """;
    onlyError(src, at(src, "return x;"), "'return' inside a @Checkpointed loop", "return after the loop");
  }

  @Test
  void countingByTwo() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i += 2) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "must count an int or a long up by one", "i < b; i++");
  }

  @Test
  void countingDown() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = n; i > 0; i--) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "must count an int or a long up by one");
  }

  @Test
  void longCounterByTwo() {
    String src =
        """
        @Differentiable static double f(double x, long n) {
          for (@Checkpointed(snapshots = 4) long i = 0; i < n; i += 2) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "must count an int or a long up by one");
  }

  @Test
  void doubleCounter() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) double t = 0; t < n; t++) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "must count an int or a long up by one");
  }

  @Test
  void boundChangedByTheBody() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            x = Math.sin(x);
            n = n - 1;
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "a bound its body leaves alone");
  }

  /** One-dimensional arrays swapped in the loop are state (CheckpointedTest); two-dimensional ones are not. */
  @Test
  void twoDimensionalArraysSwapped() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          double[][] m = new double[2][2];
          double[][] o = new double[2][2];
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            o[0][0] = Math.sin(x + m[0][0]);
            double[][] t = m;
            m = o;
            o = t;
          }
          return m[0][0];
        }
        """;
    Compilation c = compile(src);
    Pos loop = at(src, "@Checkpointed");
    List<String> here = ours(c).stream()
        .filter(d -> d.getLineNumber() == loop.line() && d.getColumnNumber() == loop.column())
        .map(d -> d.getMessage(Locale.ROOT))
        .sorted()
        .toList();
    assertEquals(2, here.size(), c.errors()::toString);
    assertTrue(here.get(0).contains("in a @Checkpointed loop, giving the two-dimensional array 'm' another array is not supported: copy into its rows"), here.get(0));
    assertTrue(here.get(1).contains("in a @Checkpointed loop, giving the two-dimensional array 'o' another array"), here.get(1));
  }

  @Test
  void twoDimensionalState() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          double[][] m = new double[2][2];
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            m[i % 2][0] = Math.sin(x + m[1 - i % 2][0]);
          }
          return m[0][0];
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "two-dimensional array 'm'", "one-dimensional array");
  }

  @Test
  void afterAnEarlyReturn() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          if (x < 0) {
            return 0;
          }
          for (@Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
            x = Math.sin(x);
          }
          return x;
        }
        """;
    onlyError(src, at(src, "@Checkpointed"), "after an early 'return'");
  }

  @Test
  void otherAnnotationsStayRejected() {
    String src =
        """
        @Differentiable static double f(double x) {
          @Deprecated double y = x;
          return y;
        }
        """;
    onlyError(src, at(src, "@Deprecated"), "annotations inside a differentiable method are not supported");
  }

  // ---------------------------------------------------------------- helpers

  record Pos(int line, int column) {}

  /** The position of the first {@code marker} in {@code members}, within the file {@link #HEADER} starts. */
  private static Pos at(String members, String marker) {
    int index = members.indexOf(marker);
    if (index < 0) {
      throw new IllegalArgumentException("no '" + marker + "' in\n" + members);
    }
    String before = members.substring(0, index);
    int line = 7 + (int) before.chars().filter(ch -> ch == '\n').count();
    int column = index - before.lastIndexOf('\n');
    return new Pos(line, column);
  }

  private static Compilation compile(String members) {
    return Compiled.compile("p.C", HEADER + members + "\n}\n").compilation();
  }

  private static List<Diagnostic<? extends JavaFileObject>> ours(Compilation c) {
    return c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[Backprop")).toList();
  }

  private static void onlyError(String members, Pos pos, String... words) {
    Compilation c = compile(members);
    assertEquals(1, ours(c).size(), () -> "expected exactly one error of ours:\n" + c.errors());
    assertError(c, pos, words);
    assertThat(c).hadErrorCount(1);
  }

  private static void assertError(Compilation c, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> here =
        ours(c).stream()
            .filter(d -> d.getLineNumber() == pos.line() && d.getColumnNumber() == pos.column())
            .toList();
    assertEquals(1, here.size(), () -> "expected one error of ours at " + pos + ":\n" + c.errors());
    String message = here.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith(UNSUPPORTED + " "), () -> "expected tag " + UNSUPPORTED + ": " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }
}
