package io.github.backprop.processor.check;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import java.util.Set;

/**
 * A list of numbers built inside a differentiable method ({@code List<Double> xs = new
 * ArrayList<>()}): its values would carry derivatives through boxes backprop does not follow, so it
 * is an error saying to use an array, after the message of every generic type.
 */
final class LocalLists {
  private LocalLists() {}

  private static final Set<String> LISTS = Set.of("List", "ArrayList", "LinkedList", "Collection", "Deque", "ArrayDeque");

  static final String MESSAGE =
      io.github.backprop.processor.diag.UnsupportedKinds.messageFor("PARAMETERIZED_TYPE")
          + "; a list built in the method would carry derivatives through boxes, which backprop does"
          + " not follow: count first and fill a double[], or grow one with Arrays.copyOf";

  private static final Set<String> NUMBERS = Set.of("Double", "Float", "Integer", "Long", "Short", "Byte");

  /** Whether {@code t} names a list of numbers, {@code List<Double>}, or one to infer, {@code ArrayList<>}. */
  static boolean isList(ParameterizedTypeTree t) {
    if (!LISTS.contains(simpleName(t.getType()))) {
      return false;
    }
    for (Tree a : t.getTypeArguments()) {
      if (!NUMBERS.contains(simpleName(a))) {
        return false;
      }
    }
    return true;
  }

  private static String simpleName(Tree t) {
    return t instanceof IdentifierTree id ? id.getName().toString()
        : t instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
  }
}
