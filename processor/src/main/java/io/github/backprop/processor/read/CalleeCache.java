package io.github.backprop.processor.read;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What {@link CalleeFacts} learned of callees, kept for every method read in one round: before,
 * each method's reading read its callees' bodies again. Only facts that hold whoever asks are
 * kept: none learned while a callee's body was still being read (recursion), which depend on the
 * order of the reading. Also each method's tree, for every stage of the round.
 */
public final class CalleeCache {
  final Map<ExecutableElement, Set<Integer>> written = new HashMap<>();
  final Map<ExecutableElement, Set<Integer>> unread = new HashMap<>();
  /** The file that declares an element, or null where it has no source. */
  final Function<Element, CompilationUnitTree> units;
  private final Trees trees;
  /** The methods of each class asked about so far, each to its tree. */
  private final Map<TypeElement, Map<Element, MethodTree>> methods = new HashMap<>();
  /** Each class's own methods by name, for {@link Resolver#methods}: javac lists a class's members anew at each call. */
  private final Map<TypeElement, Map<String, List<ExecutableElement>>> methodsByName = new HashMap<>();
  /** The result record names of each class's {@code @Differentiable} methods, named so far. */
  private final Map<TypeElement, Map<ExecutableElement, String>> records = new HashMap<>();

  /**
   * @param units the file that declares an element, or null: found once per file
   * @param trees javac's trees of the round
   */
  public CalleeCache(Function<Element, CompilationUnitTree> units, Trees trees) {
    this.units = units;
    this.trees = trees;
  }

  /**
   * {@code m}'s tree, as {@link Trees#getTree(ExecutableElement)} gives it, or null. That call
   * scans {@code m}'s class from its top down to {@code m}, once per call: a class of 50 methods
   * costs 50 scans of half the class, once per stage that asks. Here one pass over its class's
   * members finds them all.
   */
  public MethodTree tree(ExecutableElement m) {
    if (!(m.getEnclosingElement() instanceof TypeElement type)) {
      return trees.getTree(m);
    }
    MethodTree tree = methods.computeIfAbsent(type, this::methodsOf).get(m);
    return tree != null ? tree : trees.getTree(m);
  }

  /**
   * The name of the result record of {@code m}, a {@code @Differentiable} method ({@link
   * Annotations#recordNames}): named once per class, not once per call, for the class's methods
   * together.
   */
  public String recordName(ExecutableElement m) {
    return records.computeIfAbsent((TypeElement) m.getEnclosingElement(), Annotations::recordNames).get(m);
  }

  private Map<Element, MethodTree> methodsOf(TypeElement type) {
    Map<Element, MethodTree> out = new HashMap<>();
    ClassTree c = trees.getTree(type);
    CompilationUnitTree unit = c == null ? null : units.apply(type);
    if (unit == null) {
      return out;
    }
    type.getEnclosedElements(); // completes the class: each method tree has its element
    TreePath path = new TreePath(new TreePath(unit), c); // enough for getElement, which reads the leaf
    for (Tree member : c.getMembers()) {
      if (member instanceof MethodTree t) {
        Element e = trees.getElement(new TreePath(path, t));
        if (e != null) {
          out.put(e, t);
        }
      }
    }
    return out;
  }

  /** {@code type}'s own methods by name, listed once for the round. */
  Map<String, List<ExecutableElement>> methodsByName(TypeElement type) {
    return methodsByName.computeIfAbsent(type, Resolver::methodsByName);
  }
}
