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

/**
 * Members compiled in a class {@code C} ({@link Compiled#members}) that must give exactly one
 * error, ours, tagged, at a position found by its text, with the words a message must hold.
 */
final class MemberDiagnostics {
  private MemberDiagnostics() {}

  record Pos(int line, int column) {}

  /** The position of {@code target} within the first {@code context} in {@code members}. */
  static Pos at(String members, String context, String target) {
    int start = members.indexOf(context);
    if (start < 0) {
      throw new IllegalArgumentException("no '" + context + "' in\n" + members);
    }
    int index = start + context.indexOf(target);
    String before = members.substring(0, index);
    int line = 6 + (int) before.chars().filter(ch -> ch == '\n').count(); // after C's header
    int column = index - before.lastIndexOf('\n');
    return new Pos(line, column);
  }

  static Pos at(String members, String marker) {
    return at(members, marker, marker);
  }

  static void onlyError(String members, String tag, Pos pos, String... words) {
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
