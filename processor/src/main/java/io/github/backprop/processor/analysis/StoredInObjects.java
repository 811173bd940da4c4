package io.github.backprop.processor.analysis;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Walk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A differentiable value handed to a method of a library object that returns no number ({@code
 * stats.addValue(x)}, {@code log.debug("{}", x)}) carries no derivative on, which is right for a
 * logger and wrong for an accumulator: where a number is later read back from the same object
 * ({@code stats.getMean()}), it would arrive without its derivative. That is an error at the call
 * that hands the value over.
 */
final class StoredInObjects {
  private StoredInObjects() {}

  static void check(MethodModel model, Predicate<Expr> carries, ErrorReporter reporter) {
    Map<String, MethodInvocationTree> fed = new LinkedHashMap<>();
    Map<String, MethodInvocationTree> readBack = new LinkedHashMap<>();
    Walk.each(
        model.body(),
        s ->
            Walk.eachExpr(
                s,
                e -> {
                  if (!(e instanceof Expr.Foreign f) || !(model.trees().get(e) instanceof MethodInvocationTree call)
                      || !(call.getMethodSelect() instanceof MemberSelectTree select) || GenericData.onGenericObject(f)) {
                    return;
                  }
                  String receiver = select.getExpression().toString();
                  boolean number = f.type() != null && (f.type().isDifferentiable() || f.type().isArray());
                  if (!number && f.values().stream().anyMatch(carries)) {
                    fed.putIfAbsent(receiver, call);
                  } else if (number) {
                    readBack.putIfAbsent(receiver, call);
                  }
                }));
    for (Map.Entry<String, MethodInvocationTree> e : fed.entrySet()) {
      MethodInvocationTree read = readBack.get(e.getKey());
      if (read == null) {
        continue;
      }
      MethodInvocationTree call = e.getValue();
      String object = e.getKey();
      reporter.error(
          Tag.NO_DERIVATIVE,
          "'" + call.getMethodSelect() + "' is given a differentiable value, which '" + object + "' keeps,"
              + " and '" + read.getMethodSelect() + "' reads a number back out of it without its derivative:"
              + " backprop follows derivatives through numbers, arrays, records and objects made in the method, not"
              + " through what an object from outside it (" + kind(call) + " '" + object + "') stores; " + instead(call),
          call,
          model.unit());
    }
  }

  /** What to write instead: for a statistic's accumulator, the array form backprop writes out. */
  private static String instead(MethodInvocationTree call) {
    String name = ((MemberSelectTree) call.getMethodSelect()).getIdentifier().toString();
    return name.equals("addValue") || name.equals("increment") || name.equals("incrementAll")
        ? "keep the values in a double[] (values[n++] = x) and compute the statistic of it, such as"
            + " StatUtils.mean(values, 0, n), StatUtils.variance(values, 0, n) or new Mean().evaluate(values, 0, n)"
        : "keep the running values in local variables or an array of this method, and compute with them, or make"
            + " the object in the method itself, from a class of yours whose fields are numbers (a local 'new'), which"
            + " backprop holds as one local per field";
  }

  /** What the receiver of {@code call} is, as written: a constant (an upper-case name) or an object. */
  private static String kind(MethodInvocationTree call) {
    Tree receiver = ((MemberSelectTree) call.getMethodSelect()).getExpression();
    return receiver instanceof com.sun.source.tree.IdentifierTree id && Character.isUpperCase(id.getName().charAt(0))
        && id.getName().toString().equals(id.getName().toString().toUpperCase()) ? "the constant" : "the object";
  }
}
