package io.github.backprop.processor.derive;

import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.MathRules;
import io.github.backprop.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain rule over one expression: given the adjoint {@code g} of an expression's value, the
 * {@link Step}s that pass it to every active variable the expression reads. Operators are
 * differentiated here; {@code Math} functions through the one table, {@link MathRules}, and
 * special functions through {@link io.github.backprop.processor.rules.SpecialFunctions}.
 */
final class Differ {
  private final Activity activity;
  private final java.util.function.Function<Var, Var> adjoint;

  Differ(Activity activity) {
    this(activity, v -> {
      throw new IllegalStateException("no adjoints while hoisting");
    });
  }

  /** @param adjoint the adjoint variable of a primal one, for array elements */
  Differ(Activity activity, java.util.function.Function<Var, Var> adjoint) {
    this.activity = activity;
    this.adjoint = adjoint;
  }

  /** {@code a[i][j]} of a primal array as the same element of its adjoint: {@code _d_a[i][j]}. */
  Expr.Index adjointOf(Expr.Index e) {
    return (Expr.Index) adjointArray(e);
  }

  /** The adjoint of an array expression: {@code _d_a} for {@code a}, {@code _d_m[i]} for {@code m[i]}. */
  Expr adjointArray(Expr e) {
    if (e instanceof Expr.Ref r) {
      return new Expr.Ref(adjoint.apply(r.var()));
    }
    Expr.Index i = (Expr.Index) e;
    return new Expr.Index(adjointArray(i.array()), i.index(), i.type());
  }

  /** The reverse of {@code double[] v = {e0, e1, ...}}: each element passes on its adjoint. */
  List<Step> deriveElements(Expr array, Expr.NewArray init) {
    List<Step> out = new ArrayList<>();
    elements(array, init, out);
    return merge(out);
  }

  private void elements(Expr array, Expr.NewArray init, List<Step> out) {
    for (int k = 0; k < init.elements().size(); k++) {
      Expr e = init.elements().get(k);
      Expr.Index at = new Expr.Index(array, Expr.Literal.ofInt(k), array.type().element());
      if (e instanceof Expr.NewArray row) {
        elements(at, row, out);
      } else {
        propagate(e, adjointOf(at), null, out);
      }
    }
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
  static List<Step> merge(List<Step> steps) {
    java.util.Map<Object, Expr> sums = new java.util.HashMap<>();
    java.util.Map<Object, Integer> last = new java.util.HashMap<>();
    // An element cleared in between must not have updates moved across the clear.
    boolean clears = steps.stream().anyMatch(s -> s instanceof Step.ClearElement);
    for (int i = 0; i < steps.size(); i++) {
      Object key = mergeKey(steps.get(i), clears);
      if (key != null) {
        sums.merge(key, delta(steps.get(i)), Exprs::add);
        last.put(key, i);
      }
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Object key = mergeKey(s, clears);
      if (key != null) {
        if (last.get(key) == i) {
          out.add(
              s instanceof Step.Update u
                  ? new Step.Update(u.var(), sums.get(key))
                  : new Step.UpdateElement(((Step.UpdateElement) s).target(), sums.get(key)));
        }
      } else if (s instanceof Step.Branch b) {
        out.add(new Step.Branch(b.condition(), merge(b.then()), merge(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** What updates of the same adjoint share: the variable, or the element expression. */
  private static Object mergeKey(Step s, boolean clears) {
    if (s instanceof Step.Update u) {
      return new IdentityKey(u.var());
    }
    if (s instanceof Step.UpdateElement e && !clears) {
      return e.target();
    }
    return null;
  }

  private static Expr delta(Step s) {
    return s instanceof Step.Update u ? u.delta() : ((Step.UpdateElement) s).delta();
  }

  /** A variable compared by identity, as {@link Var} is, next to elements compared by value. */
  private record IdentityKey(Var var) {}

  /** The reverse of {@code record = callee(args)}: each argument gets g times its partial. */
  List<Step> deriveCall(Var record, Expr.DiffCall call, Expr g) {
    List<Step> out = new ArrayList<>();
    List<Expr> args = call.args();
    for (int i = 0; i < args.size(); i++) {
      String accessor = call.callee().unread().contains(i) ? null : call.callee().accessors().get(i);
      Expr arg = args.get(i);
      if (accessor != null && activity.isActive(arg) && arg.type().isArray()) {
        // Example: Adjoint.addTo(_d_w, _d_g0, _g0.w());
        out.add(new Step.AddArray(adjointArray(arg), g, new Expr.Component(record, accessor, arg.type())));
      } else if (accessor != null && activity.isActive(arg)) {
        Type t = call.callee().paramTypes().get(i);
        Expr partial = new Expr.Component(record, accessor, t != null && t.isFloating() ? t : Type.DOUBLE);
        propagate(arg, mul(g, partial), null, out);
      }
    }
    return merge(out);
  }

  private void propagate(Expr e, Expr g, Expr result, List<Step> out) {
    if (Exprs.isZero(g) || !activity.isActive(e)) {
      return;
    }
    // The adjoint of a double expression is a double, also where it is a float's partial (the f
    // of x * f): products with it further down stay in double arithmetic, as the primal's do.
    if (!(e instanceof Expr.Ref || e instanceof Expr.Component || e instanceof Expr.Index)
        && io.github.backprop.processor.ir.StaticType.of(e).equals(Type.DOUBLE)
        && io.github.backprop.processor.ir.StaticType.of(g).equals(Type.FLOAT)) {
      g = g instanceof Expr.Literal l && l.value() instanceof Number n
          ? Expr.Literal.of(n.floatValue()) // the float's exact value, as a double literal
          : new Expr.Cast(Type.DOUBLE, g);
    }
    if (e instanceof Expr.Ref r) {
      out.add(new Step.Update(r.var(), g));
    } else if (e instanceof Expr.Component c) {
      out.add(new Step.Update(c.record(), g));
    } else if (e instanceof Expr.Index i) {
      out.add(new Step.UpdateElement(adjointOf(i), g));
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

  /**
   * A float operand of a double operation as the double the operation widened it to: the
   * partials of {@code u * 0.1f * 5} multiply as the primal does, in double, even where the
   * adjoint's 1 is left out ({@code 0.1f * 5} would be the float {@code 0.5f}).
   */
  private static Expr wide(Expr.Binary op, Expr operand) {
    if (!op.type().isDouble() || !StaticType.of(operand).equals(Type.FLOAT)) {
      return operand;
    }
    // 0.5f reads as 0.5; 0.1f stays (double) 0.1f rather than 0.10000000149011612.
    return operand instanceof Expr.Literal l && l.value() instanceof Number n
            && n.doubleValue() == Double.parseDouble(Float.toString(n.floatValue()))
        ? Exprs.lit(n.doubleValue())
        : new Expr.Cast(Type.DOUBLE, operand);
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
        propagate(l, mul(g, wide(b, r)), null, out);
        propagate(r, mul(g, wide(b, l)), null, out);
        break;
      case DIV: {
        // -(g / r) * (l / r) rather than -g * l / (r * r): each factor is a ratio, so neither
        // overflows nor underflows where the result does not (r * r is 0 below 1e-154).
        Expr gr = div(g, wide(b, r));
        if (activity.isActive(l) && activity.isActive(r)) {
          gr = shared(gr, out);
        }
        propagate(l, gr, null, out);
        propagate(r, neg(mul(gr, div(wide(b, l), wide(b, r)))), null, out);
        break;
      }
      case REM:
        // x % y is x - n * y with n = trunc(x / y), constant between jumps (Clad's fmod rule).
        propagate(l, g, null, out);
        propagate(r, neg(mul(g, Remainder.quotient(l, r))), null, out);
        break;
      default:
        throw new IllegalStateException("no derivative for operator " + b.op());
    }
  }

  private void call(Expr.Call c, Expr g, Expr result, List<Step> out) {
    Rule rule = Rule.find(c.owner(), c.name(), c.args().size());
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
    Var temp = Var.temp("_r", io.github.backprop.processor.ir.StaticType.of(g));
    out.add(new Step.Temp(temp, g));
    return Exprs.ref(temp);
  }

  /** Whether the rule for {@code c} reads the function's result for some active argument. */
  boolean usesResult(Expr.Call c) {
    Var probe = Var.temp("_probe", Type.DOUBLE);
    return partialsRead(c, c.args(), Exprs.ref(probe), probe);
  }

  /**
   * Whether the partial of some active argument of {@code c} reads its argument {@code k}, as
   * {@code cos(a)} of {@code sin(a)} does and {@code exp}'s, reusing the result, does not.
   */
  boolean readsArgument(Expr.Call c, int k) {
    List<Expr> args = new java.util.ArrayList<>(c.args());
    Var probe = Var.temp("_probe", c.args().get(k).type());
    args.set(k, Exprs.ref(probe));
    return partialsRead(c, args, Exprs.ref(Var.temp("_result", c.type())), probe);
  }

  /** Whether the partial of some active argument of {@code c}, built from {@code args} and {@code result}, reads {@code probe}. */
  private boolean partialsRead(Expr.Call c, List<Expr> args, Expr result, Var probe) {
    Rule rule = Rule.find(c.owner(), c.name(), c.args().size());
    if (rule == null || rule.isZeroDerivative()) {
      return false;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Rule.Partial partial = rule.partials().get(i);
      if (partial != null && partial != Rule.UNKNOWN && activity.isActive(c.args().get(i))
          && io.github.backprop.processor.ir.Walk.vars(partial.of(args, result)).contains(probe)) {
        return true;
      }
    }
    return false;
  }
}
