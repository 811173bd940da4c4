package io.github.backprop.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The file that declares an element, found once per file: a {@link TreePath} is found by scanning
 * the file from its top, so asking for one per method, or per class of a file of many, costs the
 * file's size each time. A class's own tree is found without a scan, and names its file once one
 * of the file's classes did.
 */
final class SourceUnits {
  private final Map<Element, CompilationUnitTree> units = new HashMap<>();
  /** The top-level classes of the files found so far, each to its file. */
  private final Map<Tree, CompilationUnitTree> files = new IdentityHashMap<>();

  /** The file of {@code e} (a method, a class, a package), or null where it has no source. */
  CompilationUnitTree of(Element e, Trees trees) {
    Element top = e;
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    return units.computeIfAbsent(
        top,
        t -> {
          Tree tree = trees.getTree(t);
          CompilationUnitTree known = tree == null ? null : files.get(tree);
          if (known != null) {
            return known;
          }
          TreePath path = trees.getPath(t);
          if (path == null) {
            return null;
          }
          for (Tree type : path.getCompilationUnit().getTypeDecls()) {
            files.put(type, path.getCompilationUnit());
          }
          return path.getCompilationUnit();
        });
  }
}
