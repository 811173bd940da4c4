package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What forward mode ({@code forward = true}) cannot follow: one tagged error, on its line. */
class ForwardDiagnosticsTest {
  /**
   * A value passed to a library method with no derivative that reaches only an array parameter
   * the method writes into: reverse mode needs no derivative there, forward mode does.
   */
  @Test
  void noDerivativeForWhatReachesAWrittenArrayParameter() {
    String members =
        """
        @Differentiable(forward = true) static double f(double x, double[] w) {
          double t = x * 2;
          w[0] = java.awt.geom.Point2D.distance(t, 0, 0.5, 0);
          return w[1] * x;
        }
        """;
    Compilation c = Compiled.members(members).compilation();
    List<Diagnostic<? extends JavaFileObject>> errors = errors(c);
    assertEquals(1, errors.size(), errors.toString());
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropNoDerivative]"), message);
    assertTrue(message.contains("forward mode (forward = true)") && message.contains("@DerivativeOf"), message);
    assertEquals(lineOf(members, "Point2D.distance(t, 0, 0.5, 0)"), errors.get(0).getLineNumber());
    // Without forward mode the same method compiles: its result does not depend on w[0].
    assertTrue(Compiled.members(members.replace("(forward = true)", "")).succeeded());
  }

  /** The same through a helper read in place, whose body holds the call. */
  @Test
  void throughAnInlinedHelper() {
    String members =
        """
        static void put(double[] w, double t) {
          w[0] = java.awt.geom.Point2D.distance(t, 0, 3, 0);
        }

        @Differentiable(forward = true) static double f(double x, double[] w) {
          put(w, x * 2);
          return w[1] * x;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = errors(Compiled.members(members).compilation());
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).getMessage(Locale.ROOT).startsWith("[BackpropNoDerivative] forward mode"), errors.toString());
    assertEquals(lineOf(members, "Point2D.distance(t, 0, 3, 0)"), errors.get(0).getLineNumber());
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(Compilation c) {
    List<Diagnostic<? extends JavaFileObject>> out = new java.util.ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        out.add(d);
      }
    }
    return out;
  }

  /** The line of {@code marker} in the file Compiled.members writes: members start on line 6. */
  private static long lineOf(String members, String marker) {
    String before = members.substring(0, members.indexOf(marker));
    return 6 + before.chars().filter(ch -> ch == '\n').count();
  }
}
