package io.github.backprop.processor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.Tape;
import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** What the probes share: positions of markers, our diagnostics, calls that keep exceptions. */
final class Probes {
  private Probes() {}

  /** The 1-based line of the first {@code marker} in a file {@link Compiled#members} builds. */
  static int lineOf(String members, String marker) {
    int at = members.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no '" + marker + "' in\n" + members);
    }
    return 6 + (int) members.substring(0, at).chars().filter(ch -> ch == '\n').count();
  }

  /** The 1-based line of the first {@code marker} in a whole file. */
  static int lineIn(String file, String marker) {
    int at = file.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("no '" + marker + "' in\n" + file);
    }
    return 1 + (int) file.substring(0, at).chars().filter(ch -> ch == '\n').count();
  }

  /** Errors whose message carries one of our tags. */
  static List<Diagnostic<? extends JavaFileObject>> ours(Compilation c) {
    return c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
  }

  /** Exactly one error of ours, with {@code tag}, on {@code line}, holding every word. */
  static void oneError(Compilation c, String tag, int line, String... words) {
    List<Diagnostic<? extends JavaFileObject>> all = ours(c);
    assertEquals(1, all.size(), () -> "expected exactly one error of ours:\n" + describe(c));
    Diagnostic<? extends JavaFileObject> d = all.get(0);
    assertEquals(line, d.getLineNumber(), () -> "on the wrong line:\n" + describe(c));
    String message = d.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[" + tag + "] "), () -> "expected tag " + tag + ": " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertNoBug(c);
  }

  /** No [BackpropBug], no crash: every message of ours is a deliberate one. */
  static void assertNoBug(Compilation c) {
    assertTrue(
        c.diagnostics().stream().noneMatch(d -> d.getMessage(Locale.ROOT).contains("[BackpropBug]")),
        () -> "a failure inside backprop:\n" + describe(c));
  }

  /** javac's errors only: none of ours, at least one of javac's holding {@code words}. */
  static void javacOnly(Compilation c, String words) {
    assertTrue(ours(c).isEmpty(), () -> "expected only javac's errors:\n" + describe(c));
    assertTrue(
        c.errors().stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains(words)),
        () -> "expected javac's '" + words + "':\n" + describe(c));
  }

  static String describe(Compilation c) {
    return c.diagnostics().stream()
        .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** Calls a static method, rethrowing what it throws as it is. */
  static Object invoke(Compiled c, String className, String name, Class<?>[] types, Object... args) throws Throwable {
    Method m = c.loadClass(className).getDeclaredMethod(name, types);
    m.setAccessible(true);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The heights of the current thread's stacks: all zero when no gradient holds anything. */
  static List<Integer> tapeHeights() {
    Tape t = Tape.enter();
    try {
      return List.of(
          t.doubles().size(), t.ints().size(), t.longs().size(), t.booleans().size(), t.objects().size());
    } finally {
      t.exit();
    }
  }

  static void assertTapeEmpty() {
    assertEquals(List.of(0, 0, 0, 0, 0), tapeHeights(), "the thread's tape must be back to empty");
  }
}
