package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * What {@link CalleeFacts} learned of callees, kept for every method read in one round: before,
 * each method's reading read its callees' bodies again. Only facts that hold whoever asks are
 * kept: none learned while a callee's body was still being read (recursion), which depend on the
 * order of the reading.
 */
public final class CalleeCache {
  final Map<ExecutableElement, Set<Integer>> written = new HashMap<>();
  final Map<ExecutableElement, Set<Integer>> unread = new HashMap<>();
  /** The file that declares an element, or null where it has no source. */
  final Function<Element, CompilationUnitTree> units;

  /** @param units the file that declares an element, or null: found once per file */
  public CalleeCache(Function<Element, CompilationUnitTree> units) {
    this.units = units;
  }
}
