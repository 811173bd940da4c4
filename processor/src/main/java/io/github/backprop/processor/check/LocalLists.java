package io.github.backprop.processor.check;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import java.util.Set;

/**
 * A list of numbers built inside a differentiable method ({@code List<Double> xs = new
 * ArrayList<>()}): its values would carry derivatives through boxes backprop does not follow, so it
 * is an error saying to use an array.
 */
final class LocalLists {
  private LocalLists() {}

  private static final Set<String> LISTS = Set.of("List", "ArrayList", "LinkedList", "Collection", "Deque", "ArrayDeque");

  static final String MESSAGE =
      "a list built in a differentiable method is not supported: backprop follows derivatives through"
          + " arrays, element by element, not through a list's boxes; fill a double[] instead (count"
          + " first and write double[] xs = new double[n], or grow one with Arrays.copyOf), or build"
          + " the list in the caller and pass it in as data";

  /** Whether {@code t} names a list type, {@code List<Double>} or {@code ArrayList<>}. */
  static boolean isList(ParameterizedTypeTree t) {
    Tree base = t.getType();
    String name = base instanceof IdentifierTree id ? id.getName().toString()
        : base instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
    return LISTS.contains(name);
  }
}
