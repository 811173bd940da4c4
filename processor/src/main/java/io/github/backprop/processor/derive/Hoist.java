package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.Rule;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the values the reverse sweep needs but could not recompute, so each is computed once, in
 * the forward sweep, as a statement of its own:
 *
 * <ul>
 *   <li>{@code h(x)} of another differentiable method becomes {@code CGrad.H _g0 = CGrad.h(x);},
 *       read as {@code _g0.value()}, so its gradient comes from the same call; a method with a
 *       {@code @DerivativeOf} rule the same way, through the rule: {@code ErfD _g0 = Rules.erf(x);}
 *   <li>a {@code Math} call whose derivative reuses its result, e.g. {@code exp};
 *   <li>a call that may not give the same value twice ({@code Math.random()}, a plain helper);
 *   <li>{@code c ? a : b} whose branches hold such calls becomes an {@code if}, so a branch not
 *       taken is not evaluated.
 * </ul>
 */
final class Hoist {
  private final Activity activity;
  private final Differ differ;
  private final Map<Stmt, String> sources;

  Hoist(Activity activity, Map<Stmt, String> sources) {
    this.activity = activity;
    this.differ = new Differ(activity);
    this.sources = sources;
  }

  Stmt.Block block(Stmt.Block in) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : in.statements()) {
      statement(s, out);
    }
    return new Stmt.Block(out);
  }

  private void statement(Stmt s, List<Stmt> out) {
    Stmt result;
    if (s instanceof Stmt.Declare d && d.init() != null && activity.isActive(d.init())) {
      result = new Stmt.Declare(d.var(), expr(d.init(), true, out));
    } else if (s instanceof Stmt.Assign a && activity.isActive(a.value())) {
      result = new Stmt.Assign(a.var(), a.op(), expr(a.value(), a.op() == null, out));
    } else if (s instanceof Stmt.Return r && activity.isActive(r.value())) {
      result = new Stmt.Return(expr(r.value(), true, out));
    } else if (s instanceof Stmt.If f) {
      result = new Stmt.If(f.condition(), block(f.then()), block(f.otherwise()));
    } else if (s instanceof Stmt.Store st) {
      Expr.Index target = (Expr.Index) storeTarget(st.target(), out);
      Expr value = activity.isActive(st.value()) ? expr(st.value(), st.op() == null, out) : st.value();
      result = new Stmt.Store(target, st.op(), value);
    } else if (s instanceof Stmt.Block b) {
      result = block(b); // a nested block of the source: forward mode keeps them
    } else if (s instanceof Stmt.Loop l) {
      result =
          new Stmt.Loop(
              l.id(),
              block(new Stmt.Block(l.init())).statements(),
              l.condition(),
              block(new Stmt.Block(l.update())).statements(),
              block(l.body()),
              l.testFirst());
    } else {
      result = s;
    }
    String source = sources.get(s);
    if (source != null) {
      sources.put(result, source);
    }
    out.add(result);
  }

  /** {@code e} with what must be named moved into statements appended to {@code out}. */
  private Expr expr(Expr e, boolean root, List<Stmt> out) {
    if (e instanceof Expr.DiffCall c) {
      List<Expr> args = new ArrayList<>();
      for (Expr a : c.args()) {
        Expr arg = expr(a, false, out);
        // Example: double[] _a0 = {x, y}; Dot _g0 = CGrad.dot(_a0, w);
        args.add(arg instanceof Expr.NewArray ? name(arg, "_a", out) : arg);
      }
      Expr.DiffCall call = new Expr.DiffCall(c.callee(), args);
      // Activity is decided on the call as read: its rewritten arguments are new variables.
      if (!activity.isActive(c)) {
        return root ? call : name(call, "_h", out);
      }
      Var record = Var.record("_g", c.callee().recordType(), c.callee().result());
      out.add(new Stmt.Declare(record, new Expr.GradCall(call)));
      return new Expr.Component(record, "value", c.callee().result());
    }
    if (e instanceof Expr.Call c) {
      List<Expr> args = new ArrayList<>();
      for (Expr a : c.args()) {
        // The object a method is called on is read where the call is written, not named.
        args.add(c.onObject() && args.isEmpty() ? a : expr(a, false, out));
      }
      Expr.Call call = c.withArgs(args);
      if (root) {
        return call;
      }
      if (!isPure(call)) {
        return name(call, "_h", out);
      }
      if (activity.isActive(c) && differ.usesResult(c)) {
        return name(call, "_" + c.name(), out);
      }
      return call;
    }
    if (e instanceof Expr.Foreign) {
      // A call kept as written runs once, in the forward sweep.
      return root ? e : name(e, "_h", out);
    }
    if (e instanceof Expr.Conditional c) {
      if (!needsNaming(c.whenTrue()) && !needsNaming(c.whenFalse())) {
        Expr condition = needsNaming(c.condition()) ? name(c.condition(), "_c", out) : c.condition();
        return new Expr.Conditional(condition, c.whenTrue(), c.whenFalse(), c.type());
      }
      // Example: double _q0; if (c) { _q0 = h(x); } else { _q0 = 0; }
      Var q = Var.temp("_q", c.type());
      out.add(new Stmt.Declare(q, null));
      out.add(new Stmt.If(c.condition(), branch(q, c.whenTrue()), branch(q, c.whenFalse())));
      return new Expr.Ref(q);
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), expr(u.operand(), false, out), u.type());
    }
    if (e instanceof Expr.Binary b) {
      if (b.op().isLogical() || b.op().isComparison()) {
        // A condition is evaluated once, forward; its short-circuits must stay as written.
        return needsNaming(b) ? name(b, "_c", out) : b;
      }
      Expr l = expr(b.left(), false, out);
      return new Expr.Binary(b.op(), l, expr(b.right(), false, out), b.type());
    }
    if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), expr(c.operand(), false, out));
    }
    if (e instanceof Expr.Index i) {
      return index(i, out);
    }
    if (e instanceof Expr.NewArray n) {
      List<Expr> elements = new ArrayList<>();
      for (Expr x : n.elements()) {
        elements.add(activity.isActive(x) ? expr(x, false, out) : x);
      }
      return new Expr.NewArray(n.type(), n.dims(), elements);
    }
    return e;
  }

  /**
   * A stored element's index, at any depth, that reads array elements is named first: the store
   * may change what it reads ({@code x[f(x[3])] = 0.5} with {@code f(x[3]) == 3}, or
   * {@code m[f(m[1][1])][1] = 0.5}), and the reverse sweep evaluates the index after the store.
   */
  private Expr storeTarget(Expr e, List<Stmt> out) {
    if (!(e instanceof Expr.Index i)) {
      return e;
    }
    Expr array = storeTarget(i.array(), out);
    boolean[] elements = {false};
    Walk.each(i.index(), x -> elements[0] |= x instanceof Expr.Index);
    Expr idx = elements[0] || needsNaming(i.index()) ? name(i.index(), "_k", out) : i.index();
    return new Expr.Index(array, idx, i.type());
  }

  /**
   * An element whose index the reverse sweep evaluates again: an index that may not give the
   * same value twice ({@code a[(int) (Math.random() * n)]}) is named first.
   */
  private Expr index(Expr e, List<Stmt> out) {
    if (!(e instanceof Expr.Index i)) {
      return e;
    }
    Expr array = index(i.array(), out);
    Expr idx = needsNaming(i.index()) ? name(i.index(), "_k", out) : i.index();
    return new Expr.Index(array, idx, i.type());
  }

  private Stmt.Block branch(Var q, Expr value) {
    List<Stmt> out = new ArrayList<>();
    Expr v = activity.isActive(value) ? expr(value, true, out) : value;
    out.add(new Stmt.Assign(q, null, v));
    return new Stmt.Block(out);
  }

  private static Expr name(Expr value, String base, List<Stmt> out) {
    Var temp = Var.temp(base, value.type());
    out.add(new Stmt.Declare(temp, value));
    return new Expr.Ref(temp);
  }

  /** Whether an expression holds a call that must not be repeated or evaluated eagerly. */
  static boolean needsNaming(Expr e) {
    boolean[] found = {false};
    Walk.each(
        e,
        x -> found[0] |= x instanceof Expr.DiffCall || x instanceof Expr.Foreign || (x instanceof Expr.Call c && !isPure(c)));
    return found[0];
  }

  /** {@code Math} functions give the same result for the same arguments; others may not. */
  static boolean isPure(Expr.Call c) {
    return Rule.hasRules(c.owner()) && !c.name().equals("random");
  }
}
