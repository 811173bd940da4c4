package io.github.backprop.processor.read;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;

/**
 * The parameters a {@code @Differentiable} callee never names in its body. Its partial with
 * respect to such a parameter is zero by construction, so a caller passes nothing back through
 * that argument: {@code 0 * f'(x)} would be NaN where {@code f'(x)} is, for a value the callee
 * ignores. Java has no shadowing of parameters by locals, so a name not mentioned is not read.
 */
final class UnreadParams {
  private UnreadParams() {}

  /** The indices of {@code m}'s parameters its body never mentions; empty if it has no body here. */
  static Set<Integer> of(Trees trees, ExecutableElement m) {
    MethodTree tree = trees.getTree(m);
    if (tree == null || tree.getBody() == null) {
      return Set.of();
    }
    Set<String> named = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        named.add(node.getName().toString());
        return null;
      }
    }.scan(tree.getBody(), null);
    Set<Integer> unread = new TreeSet<>();
    List<? extends javax.lang.model.element.VariableElement> params = m.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (!named.contains(params.get(i).getSimpleName().toString())) {
        unread.add(i);
      }
    }
    return Set.copyOf(unread);
  }
}
