package io.github.backprop.processor.write;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The javac lint warnings the source file suppresses on its classes and methods: the Grad class
 * copies their expressions ({@code (int) 3}, {@code n / 0}, a raw cast), so it suppresses the same,
 * or a -Werror build the user's {@code @SuppressWarnings("cast")} keeps green fails on generated code.
 */
final class SuppressedLints {
  /** javac's lint keys whose warnings an expression or statement copied from the source can raise. */
  private static final Set<String> COPIED = Set.of(
      "all", "cast", "deprecation", "divzero", "empty", "fallthrough", "lossy-conversions", "rawtypes",
      "removal", "static", "unchecked");

  private SuppressedLints() {}

  /** {@code also} and the copied lint keys suppressed anywhere in {@code source}'s file, sorted. */
  static List<String> of(TypeElement source, List<String> also) {
    Set<String> found = new TreeSet<>(also);
    Element top = source;
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    Deque<Element> todo = new ArrayDeque<>(List.of(top));
    while (!todo.isEmpty()) {
      Element e = todo.pop();
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (a.getAnnotationType().toString().equals("java.lang.SuppressWarnings")) {
          a.getElementValues().values().forEach(v -> collect(v, found));
        }
      }
      if (e instanceof TypeElement) {
        todo.addAll(e.getEnclosedElements());
      }
    }
    return List.copyOf(found);
  }

  private static void collect(AnnotationValue v, Set<String> found) {
    if (v.getValue() instanceof List<?> values) {
      values.forEach(each -> collect((AnnotationValue) each, found));
    } else if (v.getValue() instanceof String key && COPIED.contains(key)) {
      found.add(key);
    }
  }
}
