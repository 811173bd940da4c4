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

/**
 * A {@code @CheckpointLoops} setting that cannot be followed: one error of ours, on the method or
 * class that carries it, naming the element and what to write.
 */
class CheckpointLoopsDiagnosticsTest {
  private static final String BODY =
      """
        @Differentiable
        static double f(double x, int n) {
          for (int i = 0; i < n; i++) {
            x = Math.sin(x);
          }
          return x;
        }
      """;

  @Test
  void negativeBoundOnAClass() {
    Compilation c = compile("@CheckpointLoops(above = -1)\nclass C {\n" + BODY + "}\n");
    onlyError(c, 7, "@CheckpointLoops with above = -1", "0 or more");
  }

  @Test
  void tooFewSnapshotsOnAMethod() {
    Compilation c = compile("class C {\n  @CheckpointLoops(above = 1000, snapshots = 1)\n" + BODY + "}\n");
    onlyError(c, 9, "@CheckpointLoops with snapshots = 1", "at least 2");
  }

  @Test
  void emptySegmentsOnAMethod() {
    Compilation c = compile("class C {\n  @CheckpointLoops(above = 1000, segment = 0)\n" + BODY + "}\n");
    onlyError(c, 9, "@CheckpointLoops with segment = 0", "at least 1");
  }

  /** A wrong setting on a class is one error however many methods it applies to. */
  @Test
  void onceForAClassOfMethods() {
    Compilation c = compile("@CheckpointLoops(above = 10, snapshots = 0)\nclass C {\n" + BODY + BODY.replace(" f(", " g(") + "}\n");
    onlyError(c, 7, "@CheckpointLoops with snapshots = 0");
  }

  private static Compilation compile(String type) {
    return Compiled.compile(
            "p.C",
            "package p;\n\nimport io.github.backprop.CheckpointLoops;\nimport io.github.backprop.Differentiable;\n\n" + type)
        .compilation();
  }

  private static void onlyError(Compilation c, int line, String... words) {
    List<Diagnostic<? extends JavaFileObject>> ours =
        c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[Backprop")).toList();
    assertEquals(1, ours.size(), () -> "expected exactly one error of ours:\n" + c.errors());
    assertEquals(1, c.errors().size(), c.errors()::toString);
    assertEquals(line, ours.get(0).getLineNumber(), ours.get(0)::toString);
    String message = ours.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] "), message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }
}
