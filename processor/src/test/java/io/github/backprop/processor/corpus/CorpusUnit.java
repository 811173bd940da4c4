package io.github.backprop.processor.corpus;

import java.util.List;

/**
 * One corpus method, compiled on its own: the whole compilation unit {@code source} declares
 * class {@code pkg.className}, where {@code method} (with parameter types {@code types}, or null
 * for the only method of that name) carries the one {@code @Differentiable}. {@code points} are
 * argument lists in {@link Points} syntax; {@code origin} says where the text comes from and
 * what was changed.
 */
record CorpusUnit(
    String id,
    String pkg,
    String className,
    String source,
    String method,
    List<String> types,
    List<String> points,
    String origin) {

  String qualifiedName() {
    return pkg + "." + className;
  }
}
