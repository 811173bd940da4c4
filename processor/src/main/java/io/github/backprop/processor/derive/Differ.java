package io.github.backprop.processor.derive;

import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.MathRules;
import io.github.backprop.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain rule over one expression: given the adjoint {@code g} of an expression's value, the
 * {@link Step}s that pass it to every active variable the expression reads. Operators are
 * differentiated here; {@code Math} functions through the one table, {@link MathRules}.
 */
final class Differ {
  private final Activity activity;

  Differ(Activity activity) {
    this.activity = activity;
  }

  /**
   * @param result the expression's value where the forward sweep holds it in a variable, so rules
   *     such as {@code exp} reuse it; null to recompute it
   */
  List<Step> derive(Expr e, Expr g, Expr result) {
    List<Step> out = new ArrayList<>();
    propagate(e, g, result, out);
    return merge(out);
  }

  /**
   * Sums the updates of one variable into one, at its last update: {@code _d_x += 2 * x + 2 * x}
   * rather than two statements. Moving an update later is safe: no step of a statement reads the
   * adjoints it updates.
   */
  private static List<Step> merge(List<Step> steps) {
    java.util.Map<Var, Expr> sums = new java.util.IdentityHashMap<>();
    java.util.Map<Var, Integer> last = new java.util.IdentityHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Update u) {
        sums.merge(u.var(), u.delta(), Exprs::add);
        last.put(u.var(), i);
      }
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s instanceof Step.Update u) {
        if (last.get(u.var()) == i) {
          out.add(new Step.Update(u.var(), sums.get(u.var())));
        }
      } else if (s instanceof Step.Branch b) {
        out.add(new Step.Branch(b.condition(), merge(b.then()), merge(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The reverse of {@code record = callee(args)}: each argument gets g times its partial. */
  List<Step> deriveCall(Var record, Expr.DiffCall call, Expr g) {
    List<Step> out = new ArrayList<>();
    List<Expr> args = call.args();
    for (int i = 0; i < args.size(); i++) {
      String accessor = call.callee().accessors().get(i);
      if (accessor != null && activity.isActive(args.get(i))) {
        Expr partial = new Expr.Component(record, accessor, Type.DOUBLE);
        propagate(args.get(i), mul(g, partial), null, out);
      }
    }
    return merge(out);
  }

  private void propagate(Expr e, Expr g, Expr result, List<Step> out) {
    if (Exprs.isZero(g) || !activity.isActive(e)) {
      return;
    }
    if (e instanceof Expr.Ref r) {
      out.add(new Step.Update(r.var(), g));
    } else if (e instanceof Expr.Component c) {
      out.add(new Step.Update(c.record(), g));
    } else if (e instanceof Expr.Unary u) {
      propagate(u.operand(), neg(g), null, out);
    } else if (e instanceof Expr.Cast c) {
      propagate(c.operand(), g, null, out);
    } else if (e instanceof Expr.Binary b) {
      binary(b, g, out);
    } else if (e instanceof Expr.Conditional c) {
      List<Step> then = new ArrayList<>();
      List<Step> otherwise = new ArrayList<>();
      propagate(c.whenTrue(), g, null, then);
      propagate(c.whenFalse(), g, null, otherwise);
      out.add(new Step.Branch(c.condition(), then, otherwise));
    } else if (e instanceof Expr.Call c) {
      call(c, g, result, out);
    } else {
      throw new IllegalStateException("no derivative for " + e);
    }
  }

  private void binary(Expr.Binary b, Expr g, List<Step> out) {
    Expr l = b.left();
    Expr r = b.right();
    if (activity.isActive(l) && activity.isActive(r)) {
      g = shared(g, out);
    }
    switch (b.op()) {
      case ADD:
        propagate(l, g, null, out);
        propagate(r, g, null, out);
        break;
      case SUB:
        propagate(l, g, null, out);
        propagate(r, neg(g), null, out);
        break;
      case MUL:
        propagate(l, mul(g, r), null, out);
        propagate(r, mul(g, l), null, out);
        break;
      case DIV:
        propagate(l, div(g, r), null, out);
        propagate(r, neg(div(mul(g, l), mul(r, r))), null, out);
        break;
      default:
        throw new IllegalStateException("no derivative for operator " + b.op());
    }
  }

  private void call(Expr.Call c, Expr g, Expr result, List<Step> out) {
    Rule rule = MathRules.find(c.name(), c.args().size());
    if (rule == null || rule.isZeroDerivative()) {
      return;
    }
    long active = c.args().stream().filter(activity::isActive).count();
    if (active > 1) {
      g = shared(g, out);
    }
    Expr r = result != null ? result : c;
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      Rule.Partial partial = rule.partials().get(i);
      if (partial != null && activity.isActive(arg)) {
        propagate(arg, mul(g, partial.of(c.args(), r)), null, out);
      }
    }
  }

  /** Names an adjoint that more than one operand reads, so it is computed once. */
  private static Expr shared(Expr g, List<Step> out) {
    if (Exprs.isAtom(g)) {
      return g;
    }
    Var temp = Var.temp("_r", Type.DOUBLE);
    out.add(new Step.Temp(temp, g));
    return Exprs.ref(temp);
  }

  /** Whether the rule for {@code c} reads the function's result for some active argument. */
  boolean usesResult(Expr.Call c) {
    Rule rule = MathRules.find(c.name(), c.args().size());
    if (rule == null || rule.isZeroDerivative()) {
      return false;
    }
    Var probe = Var.temp("_probe", Type.DOUBLE);
    for (int i = 0; i < c.args().size(); i++) {
      Rule.Partial partial = rule.partials().get(i);
      if (partial != null
          && activity.isActive(c.args().get(i))
          && io.github.backprop.processor.ir.Walk.vars(partial.of(c.args(), Exprs.ref(probe)))
              .contains(probe)) {
        return true;
      }
    }
    return false;
  }
}
