package io.github.backprop.processor.analysis;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The mantissa bits of a differentiable value used as a number, as FastMath's log does with
 * {@code (bits & 0x3ffffffffffL) / (TWO_POWER_52 + ...)} where {@code bits =
 * Double.doubleToRawLongBits(x)}. The bits are integers, which carry no derivative, yet the number
 * they make moves with x: its derivative would be silently 0, so it is an error. Bits shifted
 * down to the exponent or masked to it ({@code (int) (bits >> 52)}) are a step function of x, whose
 * derivative 0 is right, and a number rebuilt with {@code Double.longBitsToDouble} (Dekker's split
 * into high and low parts, which the code adds back) is left alone.
 */
final class BitsOfActive {
  private BitsOfActive() {}

  static void check(MethodModel model, Predicate<Expr> active, ErrorReporter reporter) {
    Set<Var> tainted = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : Activity.flatten(model.body())) {
        Var target = s instanceof Stmt.Declare d ? d.var() : s instanceof Stmt.Assign a ? a.var() : null;
        Expr value = s instanceof Stmt.Declare d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
        if (target != null && value != null && target.type().isIntegral() && !tainted.contains(target)
            && mantissa(value, tainted, active)) {
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
                  // Without a tree the expression is backprop's own (a rule's Dekker split).
                  com.sun.source.tree.Tree at = model.trees().get(e) != null ? model.trees().get(e) : model.trees().get(s);
                  if (at != null && e.type() != null && e.type().isFloating() && !isRebuild(e)
                      && Walk.children(e).stream().anyMatch(c -> mantissa(c, tainted, active))
                      && reported.add(e)) {
                    reporter.error(
                        Tag.NO_DERIVATIVE,
                        "the bits of a differentiable value are used here as a number, and bits carry"
                            + " no derivative: compute it with java.lang.Math functions (Math.getExponent"
                            + " and Math.scalb split a number into exponent and mantissa), or declare the"
                            + " derivative of the method that does this with a @DerivativeOf rule",
                        at,
                        model.unit());
                  }
                }));
  }

  /** Whether the integer {@code e} holds mantissa bits of an active value. */
  private static boolean mantissa(Expr e, Set<Var> tainted, Predicate<Expr> active) {
    if (e.type() == null || !e.type().isIntegral()) {
      return false;
    }
    if (e instanceof Expr.Ref r) {
      return tainted.contains(r.var());
    }
    if (isSplit(e)) {
      return Walk.children(e).stream().anyMatch(active);
    }
    int mantissaBits = e.type().prim() == Type.Prim.LONG ? 52 : 23;
    if (e instanceof Expr.Binary b && (b.op() == Expr.Op.SHR || b.op() == Expr.Op.USHR)
        && b.right() instanceof Expr.Literal k && k.value() instanceof Number n && n.intValue() >= mantissaBits) {
      return false; // the exponent and sign only
    }
    if (e instanceof Expr.Binary b && b.op() == Expr.Op.BITAND) {
      Long mask = b.right() instanceof Expr.Literal m && m.value() instanceof Number n ? n.longValue()
          : b.left() instanceof Expr.Literal m && m.value() instanceof Number n ? n.longValue() : null;
      if (mask != null && Long.numberOfTrailingZeros(mask) >= mantissaBits) {
        return false;
      }
    }
    return Walk.children(e).stream().anyMatch(c -> mantissa(c, tainted, active));
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
}
