package io.github.backprop.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The file that declares a method, found once per top-level class: a {@link TreePath} is found by
 * scanning the file, so asking for one per method costs the file's size each time.
 */
final class SourceUnits {
  private final Map<Element, CompilationUnitTree> units = new HashMap<>();

  CompilationUnitTree of(ExecutableElement m, Trees trees) {
    Element top = m;
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    return units.computeIfAbsent(
        top,
        t -> {
          TreePath path = trees.getPath(t);
          return path == null ? null : path.getCompilationUnit();
        });
  }
}
