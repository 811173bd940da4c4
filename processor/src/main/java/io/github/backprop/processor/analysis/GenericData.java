package io.github.backprop.processor.analysis;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Walk;
import java.util.function.Predicate;

/**
 * Objects of generic classes are data ({@code List<double[]>}, {@code Map<String, Double>},
 * {@code Function<String, Double>}): what comes out of them carries no derivative. A
 * differentiable value handed to one of their methods ({@code weights.put("k", x)}, {@code
 * f.apply(x)}) would come back out without its derivative, so that is an error at the call.
 */
final class GenericData {
  private GenericData() {}

  /** Whether {@code f} is a call on an object of a generic class, which this check judges. */
  static boolean onGenericObject(Expr.Foreign f) {
    return receiver(f) != null;
  }

  static void check(MethodModel model, Predicate<Expr> carries, ErrorReporter reporter) {
    Walk.each(
        model.body(),
        s ->
            Walk.eachExpr(
                s,
                e -> {
                  Expr object = e instanceof Expr.Foreign f ? receiver(f) : null;
                  if (object == null || ((Expr.Foreign) e).values().stream().skip(1).noneMatch(carries)) {
                    return;
                  }
                  com.sun.source.tree.Tree at = model.trees().get(e);
                  String call = at instanceof com.sun.source.tree.MethodInvocationTree c ? "'" + c.getMethodSelect() + "'" : "this call";
                  String name = at instanceof com.sun.source.tree.MethodInvocationTree c
                      && c.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms ? "'" + ms.getExpression() + "', a " : "a ";
                  reporter.error(
                      Tag.NO_DERIVATIVE,
                      call + " is given a differentiable value, and " + name + object.type() + ", is data to backprop:"
                          + " what it holds or returns carries no derivative, so the value would come back out"
                          + " without its own; keep differentiable values in local variables, arrays or records"
                          + " of this method (a double[] indexed as the keys are), and give collections and"
                          + " functions only values that do not depend on the differentiated parameters",
                      at,
                      model.unit());
                }));
  }

  /** The object of generic type {@code f} calls a method of, or null. */
  private static Expr receiver(Expr.Foreign f) {
    Object first = f.parts().isEmpty() ? null : f.parts().get(0).equals("(") && f.parts().size() > 1 ? f.parts().get(1) : f.parts().get(0);
    return first instanceof Expr r && r.type() != null && r.type().isGeneric() && r.type().dims() == 0 ? r : null;
  }
}
