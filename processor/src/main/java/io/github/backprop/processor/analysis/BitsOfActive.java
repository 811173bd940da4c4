package io.github.backprop.processor.analysis;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A number rebuilt from the bits of a differentiable value ({@code Double.longBitsToDouble} of
 * bits that {@code Double.doubleToRawLongBits(x)} gave, as FastMath's log splits x into exponent
 * and mantissa). The bits are integers, which carry no derivative, so the rebuilt number would
 * silently lose x's derivative: an error instead.
 */
final class BitsOfActive {
  private BitsOfActive() {}

  static void check(MethodModel model, Predicate<Expr> active, ErrorReporter reporter) {
    Set<Var> tainted = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : all(model.body())) {
        Var target = s instanceof Stmt.Declare d ? d.var() : s instanceof Stmt.Assign a ? a.var() : null;
        Expr value = s instanceof Stmt.Declare d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
        if (target == null && s instanceof Stmt.Store st) {
          target = st.target().base();
          value = st.value();
        }
        if (target != null && value != null && !target.type().isDifferentiable() && !tainted.contains(target)
            && fromBits(value, tainted, active)) {
          tainted.add(target);
          changed = true;
        }
      }
    }
    Set<Expr> reported = new HashSet<>();
    Walk.each(
        model.body(),
        s ->
            Walk.eachExpr(
                s,
                e -> {
                  if (isRebuild(e) && fromBits(e, tainted, active) && reported.add(e)) {
                    reporter.error(
                        Tag.NO_DERIVATIVE,
                        "'" + callOf(e) + "' rebuilds a number from the bits"
                            + " of a differentiable value, and bits carry no derivative: compute it with"
                            + " java.lang.Math functions (Math.getExponent, Math.scalb), or declare the"
                            + " derivative of the method that does this with a @DerivativeOf rule",
                        model.trees().get(e),
                        model.unit());
                  }
                }));
  }

  /** Whether {@code e} holds the bits of an active value, directly or through a tainted variable. */
  private static boolean fromBits(Expr e, Set<Var> tainted, Predicate<Expr> active) {
    boolean[] found = {false};
    Walk.each(
        e,
        x -> {
          if (x instanceof Expr.Ref r && tainted.contains(r.var())
              || isSplit(x) && Walk.children(x).stream().anyMatch(active)) {
            found[0] = true;
          }
        });
    return found[0];
  }

  private static boolean isSplit(Expr e) {
    String call = callOf(e);
    return call.equals("Double.doubleToRawLongBits") || call.equals("Double.doubleToLongBits")
        || call.equals("Float.floatToRawIntBits") || call.equals("Float.floatToIntBits");
  }

  private static boolean isRebuild(Expr e) {
    String call = callOf(e);
    return call.equals("Double.longBitsToDouble") || call.equals("Float.intBitsToFloat");
  }

  /** The class and method a call of java.lang names, whether read as a call or kept as written ("Double.isNaN"), else "". */
  private static String callOf(Expr e) {
    if (e instanceof Expr.Call c && !c.onObject() && "java.lang".equals(c.owner().packageName())) {
      return c.owner().simpleNames() + "." + c.name();
    }
    if (!(e instanceof Expr.Foreign f) || f.parts().size() < 2
        || !(f.parts().get(0) instanceof io.github.backprop.processor.ir.Owner o)
        || !"java.lang".equals(o.packageName()) || !(f.parts().get(1) instanceof String rest)) {
      return "";
    }
    int paren = rest.indexOf('(');
    return paren < 0 ? "" : o.simpleNames() + rest.substring(0, paren).strip();
  }

  private static java.util.List<Stmt> all(Stmt.Block body) {
    java.util.List<Stmt> all = new java.util.ArrayList<>();
    Walk.each(body, all::add);
    return all;
  }
}
