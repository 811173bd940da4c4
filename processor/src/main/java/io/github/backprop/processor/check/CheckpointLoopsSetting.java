package io.github.backprop.processor.check;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @CheckpointLoops} that applies to a method: its own, else its class's (or an
 * enclosing class's), else its package's. Read from the elements, so a constant expression
 * ({@code above = 1 << 20}) and a package compiled earlier count.
 *
 * @param above the most iterations a loop runs with its whole tape
 * @param snapshots as {@code @Checkpointed(snapshots)}
 * @param segment as {@code @Checkpointed(segment)}
 */
public record CheckpointLoopsSetting(long above, int snapshots, int segment) {
  private static final String NAME = "io.github.backprop.CheckpointLoops";

  /** The wrong settings each reporter was told of: once each, not once for every method they apply to. */
  private static final Map<ErrorReporter, Set<Element>> REPORTED = Collections.synchronizedMap(new WeakHashMap<>());

  /** The setting for {@code method}, or null if none applies or the nearest one is wrong (reported). */
  public static CheckpointLoopsSetting of(ExecutableElement method, ErrorReporter reporter) {
    for (Element e = method; e != null; e = e.getEnclosingElement()) {
      for (AnnotationMirror m : e.getAnnotationMirrors()) {
        // Under the Eclipse compiler an annotation's element may be no TypeElement.
        if (m.getAnnotationType().asElement() instanceof TypeElement t && t.getQualifiedName().contentEquals(NAME)) {
          return read(e, m, reporter);
        }
      }
    }
    return null;
  }

  private static CheckpointLoopsSetting read(Element on, AnnotationMirror m, ErrorReporter reporter) {
    long above = number(m, "above", -1);
    long snapshots = number(m, "snapshots", 64);
    long segment = number(m, "segment", 64);
    String wrong = above < 0
        ? "above = " + above + ": write the most iterations a loop may run with its whole tape, 0 or more"
        : snapshots < 2
            ? "snapshots = " + snapshots + ": write at least 2 (64 suits most loops)"
            : segment < 1 ? "segment = " + segment + ": write at least 1 (iterations taped at once)" : null;
    if (wrong == null) {
      return new CheckpointLoopsSetting(above, (int) snapshots, (int) segment);
    }
    if (REPORTED.computeIfAbsent(reporter, r -> Collections.synchronizedSet(new HashSet<>())).add(on)) {
      reporter.error(Tag.UNSUPPORTED, "@CheckpointLoops with " + wrong, on);
    }
    return null;
  }

  /** The element's value as written, else its default ({@code absent} if it has none). */
  private static long number(AnnotationMirror m, String name, long absent) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name) && e.getValue().getValue() instanceof Number n) {
        return n.longValue();
      }
    }
    return absent;
  }
}
