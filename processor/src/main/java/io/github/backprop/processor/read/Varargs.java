package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A call of a helper of the compilation with a variable number of numbers ({@code sum(double...
 * v)} called as {@code sum(x, y, x * y)}): the trailing arguments become the new array Java
 * makes of them, so the helper's body runs in place with its array parameter as any other.
 */
final class Varargs {
  private Varargs() {}

  /** Whether {@code m} takes its last parameter as numbers ({@code double...}, {@code int...}) and is the user's code. */
  static boolean packable(com.sun.source.util.Trees trees, ExecutableElement m) {
    if (!m.isVarArgs() || trees.getTree(m) == null) {
      return false;
    }
    Type last = Resolver.typeOf(m.getParameters().get(m.getParameters().size() - 1).asType());
    return last != null && last.dims() == 1 && last.element().isNumeric();
  }

  /** {@code args} with the trailing ones in a new array of the last parameter's type, unless an array is passed as it. */
  static List<Expr> packed(ExecutableElement m, List<Expr> args) {
    int fixed = m.getParameters().size() - 1;
    Type array = Resolver.typeOf(m.getParameters().get(fixed).asType());
    if (args.size() == fixed + 1 && array.equals(args.get(fixed).type())) {
      return new ArrayList<>(args); // sum(values): the array itself
    }
    List<Expr> out = new ArrayList<>(args.subList(0, fixed));
    List<Expr> elements = new ArrayList<>();
    for (Expr a : args.subList(fixed, args.size())) {
      elements.add(array.element().equals(a.type()) || a.type() == null ? a : new Expr.Cast(array.element(), a));
    }
    out.add(new Expr.NewArray(array, List.of(), elements));
    return out;
  }
}
