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
      "a list of numbers other than Double built in a differentiable method is not supported"
          + "; a list of doubles built in the method (List<Double> xs = new ArrayList<>()) is held as a"
          + " growing double[], but a list of other numbers would carry derivatives through boxes, which"
          + " backprop does not follow: use a List<Double>, or fill a double[]";

  private static final Set<String> NUMBERS = Set.of("Double", "Float", "Integer", "Long", "Short", "Byte");

  /**
   * Whether {@code t} is {@code List<Double>}, {@code ArrayList<Double>} or {@code ArrayList<>}:
   * a list of doubles built in the method, which the reader holds as a growing double[].
   */
  static boolean isListOfDoubles(ParameterizedTypeTree t) {
    String base = simpleName(t.getType());
    return (base.equals("List") || base.equals("ArrayList")) && t.getTypeArguments().size() == 1
        && simpleName(t.getTypeArguments().get(0)).equals("Double")
        || base.equals("ArrayList") && t.getTypeArguments().isEmpty();
  }

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

  /**
   * Whether {@code v} declares a generic variable given a value other than {@code new}: it holds
   * data it is given, not a list the method builds.
   */
  static boolean readFromData(com.sun.source.tree.VariableTree v) {
    return v.getType() instanceof ParameterizedTypeTree && v.getInitializer() != null
        && !(v.getInitializer() instanceof com.sun.source.tree.NewClassTree);
  }

  private static String simpleName(Tree t) {
    return t instanceof IdentifierTree id ? id.getName().toString()
        : t instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
  }
}
