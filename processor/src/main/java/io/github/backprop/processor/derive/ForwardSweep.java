package io.github.backprop.processor.derive;

import static io.github.backprop.processor.ir.Exprs.add;
import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;
import static io.github.backprop.processor.ir.Exprs.sub;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Narrowing;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.rules.MathRules;
import io.github.backprop.processor.rules.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward-mode differentiation (a Jacobian-vector product) of one method body: the statements as
 * written, each assignment to an active variable joined by one to its tangent. No tape: branches,
 * loops and jumps stay as they are, and every return gives the value with its tangent.
 *
 * <p>The tangent of {@code v = e} is the chain rule over {@code e}, with the partials of {@code
 * Math} functions from {@link MathRules}, the table reverse mode uses. It goes after the
 * assignment, where a rule such as {@code exp}'s reuses the result; before it where {@code e}
 * reads {@code v}, so the tangent sees the values {@code e} saw. A call of another {@code
 * @Differentiable} method, or of one with a {@code @DerivativeOf} rule, goes through the record
 * of value and gradient that reverse mode uses ({@link Hoist} names it), its tangent being the dot
 * product of that gradient with the arguments' tangents: the callee needs no forward mode.
 */
public final class ForwardSweep {
  private final MethodModel model;
  private final String record;
  private final Map<Var, Var> tangents = new IdentityHashMap<>();
  private final java.util.function.Function<Callee, Callee> tangentMethods;
  /** For second order, the partials of a ruled call read from the rule's body ({@code RuleBodies}); else null. */
  private final java.util.function.Function<Callee, List<Expr>> rulePartials;
  private Activity activity;
  /** Array variables that may share an array: a store reads the old elements through any of them. */
  private io.github.backprop.processor.analysis.Aliases aliases;

  private ForwardSweep(
      MethodModel model, String record, java.util.function.Function<Callee, Callee> tangentMethods,
      java.util.function.Function<Callee, List<Expr>> rulePartials) {
    this.model = model;
    this.record = record;
    this.tangentMethods = tangentMethods;
    this.rulePartials = rulePartials;
  }

  /**
   * @param record the simple name of the record the method returns, e.g. {@code MJvp}
   */
  public static JvpMethod derive(MethodModel model, String record, ErrorReporter reporter) {
    return new ForwardSweep(model, record, c -> null, c -> null).run(reporter);
  }

  /**
   * Forward mode as second order derives it further: the tangent of a call of a callee that
   * {@code tangentMethods} maps to a tangent method (a method that calls itself, whose own
   * second derivatives its tangent method's gradient gives) is a call of that method, {@code
   * _mTangent(args, tangents of args)}, which reverse mode differentiates as any callee, instead
   * of the callee's gradient dotted with the tangents, whose partials reverse mode cannot
   * differentiate. Likewise the tangent of a ruled call that {@code rulePartials} maps to the
   * partials read from the rule's body is those partials times the arguments' tangents.
   */
  public static JvpMethod derive(
      MethodModel model, String record, ErrorReporter reporter, java.util.function.Function<Callee, Callee> tangentMethods,
      java.util.function.Function<Callee, List<Expr>> rulePartials) {
    return new ForwardSweep(model, record, tangentMethods, rulePartials).run(reporter);
  }

  private JvpMethod run(ErrorReporter reporter) {
    List<Var> arrays = new ArrayList<>();
    for (Var p : model.independents()) {
      if (p.type().isArray()) {
        arrays.add(p); // the caller's tangent arrays get what the method stores into these
      }
    }
    Activity read = Activity.of(model.independents(), model.body(), null, arrays);
    int errors = reporter.errorCount();
    new ForwardFence(model, read, reporter).check();
    if (reporter.errorCount() > errors) {
      throw reporter.abortQuietly();
    }
    Map<Stmt, String> sources = new IdentityHashMap<>();
    Stmt.Block body = new Hoist(read, sources).block(model.body());
    activity = Activity.of(model.independents(), body, null, arrays);
    aliases = io.github.backprop.processor.analysis.Aliases.of(body);

    List<Var> params = new ArrayList<>();
    for (Var p : model.independents()) {
      params.add(tangent(p));
    }
    List<Stmt> out = new ArrayList<>();
    for (Var p : model.params()) {
      if (activity.isActive(p) && !model.independents().contains(p)) {
        // A parameter left out of wrt that the method makes depend on the others: it starts flat.
        out.add(new Stmt.Declare(tangent(p), p.type().isArray() ? zerosLike(Exprs.ref(p)) : Exprs.zeroOf(p.type())));
      }
    }
    statements(body.statements(), out);
    if (Completion.canComplete(out)) {
      // javac would reject the method as written were this reachable; the copy must say so too.
      out.add(new Stmt.Throw(new Expr.Foreign(List.of("new ", new Owner("java.lang", "AssertionError"), "()"), null)));
    }
    return new JvpMethod(params, out);
  }

  private Var tangent(Var v) {
    return tangents.computeIfAbsent(v, Var::tangentOf);
  }

  // ---- statements ----

  private void statements(List<Stmt> in, List<Stmt> out) {
    for (Stmt s : in) {
      int from = out.size();
      statement(s, out);
      if (!Completion.canComplete(out.subList(from, out.size()))) {
        // What follows could not run, and javac rejects it as unreachable: a switch's fall-through
        // copied after do { return ...; } while (c);
        return;
      }
    }
  }

  private Stmt.Block block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    statements(b.statements(), out);
    return new Stmt.Block(out);
  }

  private void statement(Stmt s, List<Stmt> out) {
    if (s instanceof Stmt.Declare d) {
      declare(d, out);
    } else if (s instanceof Stmt.Assign a) {
      assign(a, out);
    } else if (s instanceof Stmt.Store st) {
      store(st, out);
    } else if (s instanceof Stmt.Return r) {
      ret(r, out);
    } else if (s instanceof Stmt.If f) {
      out.add(new Stmt.If(f.condition(), block(f.then()), block(f.otherwise())));
    } else if (s instanceof Stmt.Loop l) {
      List<Stmt> init = new ArrayList<>();
      statements(l.init(), init);
      if (init.size() > l.init().size()) {
        // Example: double t = x; double _t_t = _t_x; for (; t < 4; t *= 2)  (a for header declares one type)
        out.addAll(init);
        init = List.of();
      }
      List<Stmt> update = new ArrayList<>();
      statements(l.update(), update);
      boolean[] continues = {false};
      Walk.each(l.body(), x -> continues[0] |= x instanceof Stmt.Continue c && c.target() == l.id());
      if (continues[0] && update.stream().anyMatch(x -> !(x instanceof Stmt.Assign || x instanceof Stmt.Store))) {
        // The writer puts an update that is no for header at the end of the body, where continue skips it.
        throw new IllegalStateException("forward mode: a loop with continue whose update does not fit a for header");
      }
      out.add(new Stmt.Loop(l.id(), init, l.condition(), update, block(l.body()), l.testFirst()));
    } else if (s instanceof Stmt.Block b) {
      out.add(block(b));
    } else {
      out.add(s); // jumps, throws, asserts and calls for their effect carry no tangent
    }
  }

  private void declare(Stmt.Declare d, List<Stmt> out) {
    Var v = d.var();
    out.add(d);
    if (!activity.isActive(v)) {
      return;
    }
    Expr init;
    if (d.init() == null) {
      // Example: double y;  →  double _t_y = 0.0;  (each assignment to y sets it)
      init = v.type().isArray() ? new Expr.Literal(null, v.type()) : Exprs.zeroOf(v.type());
    } else if (v.type().isArray()) {
      init = arrayTangent(d.init(), Exprs.ref(v));
    } else if (d.init() instanceof Expr.GradCall call) {
      // Example: CGrad.H _g0 = CGrad.h(x, w);  double _t_g0 = _g0.x() * _t_x + Adjoint.dot(_g0.w(), _t_w);
      init = callTangent(v, call.call());
    } else {
      init = tangent(d.init(), result(v, d.init()));
    }
    out.add(new Stmt.Declare(tangent(v), Narrowing.to(v.type(), init)));
  }

  private void assign(Stmt.Assign a, List<Stmt> out) {
    Var v = a.var();
    if (!activity.isActive(v)) {
      out.add(a);
      return;
    }
    Var t = tangent(v);
    if (v.type().isArray()) {
      // Example: a = b;  →  a = b; _t_a = _t_b;
      boolean before = !(a.value() instanceof Expr.NewArray n && n.elements().isEmpty()) && reads(a.value(), v);
      Stmt tangent = new Stmt.Assign(t, null, arrayTangent(a.value(), Exprs.ref(v)));
      place(a, tangent, before, out);
      return;
    }
    if ((a.op() == Expr.Op.ADD || a.op() == Expr.Op.SUB) && !reads(a.value(), v)) {
      // Example: s += x * y;  →  s += x * y; _t_s += _t_x * y + x * _t_y;
      Expr dt = tangent(a.value(), null);
      out.add(a);
      if (!Exprs.isZero(dt)) {
        out.add(new Stmt.Assign(t, a.op(), Narrowing.to(v.type(), dt)));
      }
      return;
    }
    Expr rhs = a.op() == null ? a.value() : new Expr.Binary(a.op(), Exprs.ref(v), a.value(), StaticType.promote(Exprs.ref(v), a.value()));
    boolean before = reads(rhs, v);
    Expr dt = tangent(rhs, before ? null : result(v, rhs));
    if (before && dt.equals(Exprs.ref(t))) {
      out.add(a); // x -= 1.0 leaves the tangent as it is
      return;
    }
    place(a, new Stmt.Assign(t, null, Narrowing.to(v.type(), dt)), before, out);
  }

  private void store(Stmt.Store st, List<Stmt> out) {
    Expr.Index target = st.target();
    Var base = target.base();
    if (!activity.isActive(base)) {
      out.add(st);
      return;
    }
    Expr.Index t = tangentIndex(target);
    boolean readsBase = reads(st.value(), base) || aliases.readsAlias(st);
    for (Expr i : target.indices()) {
      readsBase |= reads(i, base);
    }
    if (target.type().isArray()) {
      // Example: m[i] = row;  →  m[i] = row; _t_m[i] = _t_row;
      boolean before = !(st.value() instanceof Expr.NewArray n && n.elements().isEmpty()) && readsBase;
      place(st, new Stmt.Store(t, null, arrayTangent(st.value(), target)), before, out);
      return;
    }
    if ((st.op() == Expr.Op.ADD || st.op() == Expr.Op.SUB) && !readsBase) {
      // Example: a[i] += x;  →  a[i] += x; _t_a[i] += _t_x;
      Expr dt = tangent(st.value(), null);
      out.add(st);
      if (!Exprs.isZero(dt)) {
        out.add(new Stmt.Store(t, st.op(), Narrowing.to(t.type(), dt)));
      }
      return;
    }
    Expr rhs = st.op() == null ? st.value() : new Expr.Binary(st.op(), target, st.value(), StaticType.promote(target, st.value()));
    boolean before = readsBase || st.op() != null;
    Expr dt = tangent(rhs, before || !(rhs instanceof Expr.Call) ? null : target);
    if (before && dt.equals(t)) {
      out.add(st);
      return;
    }
    place(st, new Stmt.Store(t, null, Narrowing.to(t.type(), dt)), before, out);
  }

  /** The primal statement and its tangent's, the tangent first where it must see the old values. */
  private static void place(Stmt primal, Stmt tangent, boolean before, List<Stmt> out) {
    if (before) {
      out.add(tangent);
      out.add(primal);
    } else {
      out.add(primal);
      out.add(tangent);
    }
  }

  // Example: return x * y;  →  return new MJvp(x * y, _t_x * y + x * _t_y);
  private void ret(Stmt.Return r, List<Stmt> out) {
    Expr value = r.value();
    if (value.type().isArray()) {
      // Example: return out;  →  return new RJvp(out, _t_out);  (a method returning double[])
      out.add(new Stmt.ReturnRecord(record, List.of(value, arrayTangent(value, null))));
      return;
    }
    Expr result = null;
    if (value instanceof Expr.Call && activity.isActive(value)) {
      // Example: double _value = Math.exp(x); return new MJvp(_value, _value * _t_x);
      Var v = Var.temp("_value", StaticType.of(value));
      out.add(new Stmt.Declare(v, value));
      value = Exprs.ref(v);
      result = value;
    }
    Expr dt = tangent(r.value(), result);
    Type type = model.resultType();
    out.add(new Stmt.ReturnRecord(record, List.of(Narrowing.to(type, value), Narrowing.to(type, dt))));
  }

  /** The value a rule may reuse as the function's result: the target, after the assignment. */
  private static Expr result(Var target, Expr rhs) {
    return rhs instanceof Expr.Call && !reads(rhs, target) ? Exprs.ref(target) : null;
  }

  private static boolean reads(Expr e, Var v) {
    return Walk.vars(e).contains(v);
  }

  // ---- expressions ----

  /**
   * The tangent of {@code e}: the sum over the active variables it reads of its partial with
   * respect to each times that variable's tangent.
   *
   * @param result the value of {@code e} where a variable already holds it, for rules that reuse
   *     it; null to recompute it
   */
  private Expr tangent(Expr e, Expr result) {
    if (!activity.isActive(e)) {
      return Exprs.ZERO;
    }
    if (e instanceof Expr.Ref r) {
      return Exprs.ref(tangent(r.var()));
    }
    if (e instanceof Expr.Component c) {
      return Exprs.ref(tangent(c.record())); // only value() of a callee's record is read
    }
    if (e instanceof Expr.Index i) {
      return tangentIndex(i);
    }
    if (e instanceof Expr.Unary u && u.op() == Expr.Op.NEG) {
      return neg(tangent(u.operand(), null));
    }
    if (e instanceof Expr.Cast c) {
      return tangent(c.operand(), null);
    }
    if (e instanceof Expr.Conditional c) {
      Expr a = tangent(c.whenTrue(), null);
      Expr b = tangent(c.whenFalse(), null);
      return Exprs.isZero(a) && Exprs.isZero(b) ? Exprs.ZERO : Exprs.conditional(c.condition(), a, b);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Call c && Rule.hasRules(c.owner())) {
      return call(c, result);
    }
    throw new IllegalStateException("forward mode has no tangent for " + e);
  }

  private Expr binary(Expr.Binary b) {
    Expr l = b.left();
    Expr r = b.right();
    Expr tl = tangent(l, null);
    Expr tr = tangent(r, null);
    switch (b.op()) {
      case ADD:
        return add(tl, tr);
      case SUB:
        return sub(tl, tr);
      case MUL:
        return add(mul(tl, r), mul(l, tr));
      case DIV:
        // (tl - (l / r) * tr) / r: no r * r to overflow or underflow where l / r does not.
        return div(sub(tl, mul(div(l, r), tr)), r);
      case REM:
        // x % y is x - n * y with n the integer quotient, constant between jumps.
        return sub(tl, mul(Remainder.quotient(l, r), tr));
      default:
        throw new IllegalStateException("forward mode has no tangent for operator " + b.op());
    }
  }

  private Expr call(Expr.Call c, Expr result) {
    Rule rule = Rule.find(c.owner(), c.name(), c.args().size());
    if (rule == null || rule.isZeroDerivative()) {
      return Exprs.ZERO;
    }
    Expr sum = Exprs.ZERO;
    Expr r = result != null ? result : c;
    for (int i = 0; i < c.args().size(); i++) {
      Rule.Partial partial = rule.partials().get(i);
      Expr arg = c.args().get(i);
      if (partial != null && activity.isActive(arg)) {
        sum = add(sum, mul(partial.of(c.args(), r), tangent(arg, null)));
      }
    }
    return sum;
  }

  /** The tangent of a callee's value: its gradient times the arguments' tangents. */
  private Expr callTangent(Var record, Expr.DiffCall call) {
    Callee tangentMethod = tangentMethods.apply(call.callee());
    if (tangentMethod != null) {
      // Example: _G _g0 = CGrad._g(x);  double _t_g0 = CGrad._gTangent(x, _t_x).value();
      List<Expr> args = new ArrayList<>(call.args());
      for (int i = 0; i < call.args().size(); i++) {
        if (call.callee().accessors().get(i) != null) {
          Expr arg = call.args().get(i);
          Type t = call.callee().paramTypes().get(i);
          args.add(arg.type().isArray() ? arrayTangent(arg, null) : Narrowing.to(t, tangent(arg, null)));
        }
      }
      return new Expr.DiffCall(tangentMethod, args);
    }
    List<Expr> partials = rulePartials.apply(call.callee());
    Expr sum = Exprs.ZERO;
    if (partials != null) {
      // Example: ErfD _g0 = Rules.erf(x);  double _t_g0 = _dx * _t_x;  (_dx the rule's partial, read in place)
      int k = 0;
      for (int i = 0; i < call.args().size(); i++) {
        if (call.callee().accessors().get(i) != null) {
          Expr partial = partials.get(k++);
          if (activity.isActive(call.args().get(i))) {
            sum = add(sum, mul(partial, tangent(call.args().get(i), null)));
          }
        }
      }
      return sum;
    }
    for (int i = 0; i < call.args().size(); i++) {
      String accessor = call.callee().unread().contains(i) ? null : call.callee().accessors().get(i);
      Expr arg = call.args().get(i);
      if (accessor == null || !activity.isActive(arg)) {
        continue;
      }
      if (arg.type().isArray()) {
        Expr gradient = new Expr.Component(record, accessor, arg.type());
        sum = add(sum, new Expr.Call(Owner.ADJOINT, "dot", List.of(gradient, arrayTangent(arg, null)), Type.DOUBLE));
      } else {
        Type t = call.callee().paramTypes().get(i);
        Expr partial = new Expr.Component(record, accessor, t != null && t.isFloating() ? t : Type.DOUBLE);
        sum = add(sum, mul(partial, tangent(arg, null)));
      }
    }
    return sum;
  }

  /** {@code _t_a[i][j]} for {@code a[i][j]}. */
  private Expr.Index tangentIndex(Expr.Index i) {
    return new Expr.Index(arrayTangent(i.array(), null), i.index(), i.type());
  }

  /**
   * The tangent of an array value: the tangent array of the variable or row it is, elementwise
   * for {@code {x, y}}, zeros shaped like {@code target} (the array just made) for {@code new
   * double[n]} or an array with no tangent.
   */
  private Expr arrayTangent(Expr e, Expr target) {
    if (e instanceof Expr.Ref r && activity.isActive(r.var())) {
      return Exprs.ref(tangent(r.var()));
    }
    if (e instanceof Expr.Index i && activity.isActive(i.base())) {
      return tangentIndex(i);
    }
    if (e instanceof Expr.Literal) {
      return new Expr.Literal(null, e.type()); // null has no elements, so no tangents
    }
    if (e instanceof Expr.Conditional c) {
      return new Expr.Conditional(c.condition(), arrayTangent(c.whenTrue(), null), arrayTangent(c.whenFalse(), null), c.type());
    }
    if (e instanceof Expr.NewArray n && !n.elements().isEmpty()) {
      List<Expr> elements = new ArrayList<>();
      for (Expr x : n.elements()) {
        elements.add(x.type().isArray() ? arrayTangent(x, null) : Narrowing.to(x.type(), tangent(x, null)));
      }
      return new Expr.NewArray(n.type(), List.of(), elements);
    }
    if (e instanceof Expr.NewArray n && n.elements().isEmpty() && n.type().dims() > 1
        && n.dims().stream().noneMatch(Hoist::needsNaming)) {
      // Example: double[][] l = new double[n][];  double[][] _t_l = new double[n][];  (each row's
      // tangent comes where the row is given; no Adjoint.zerosLike, which second order cannot follow)
      return n;
    }
    if (e instanceof Expr.NewArray n && target == null) {
      return n; // new double[n] again, in a branch of ?: (ForwardFence admits only plain sizes)
    }
    return zerosLike(target != null ? target : e);
  }

  /** {@code new double[a.length]}, or zeros shaped like a two-dimensional {@code a}. */
  private static Expr zerosLike(Expr a) {
    Type type = StaticType.of(a);
    return type.dims() == 1
        ? new Expr.NewArray(type, List.of(new Expr.Length(a)), List.of())
        : new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(a), type);
  }
}
