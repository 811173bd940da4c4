package io.github.backprop.processor.analysis;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.Rule;
import io.github.backprop.processor.ir.Walk;
import java.util.HashSet;
import java.util.Set;

/**
 * Which variables depend on a differentiable parameter ("active"): only those get adjoints and
 * derivative code. Flow-insensitive, so a variable is active if any assignment makes it so; that
 * over-approximates, which costs code but never correctness.
 */
public final class Activity {
  private final Set<Var> active = new HashSet<>();
  private Useful useful;

  private Activity() {}

  /** Activity of the method as read, reporting active values passed to plain helper methods. */
  public static Activity of(MethodModel model, ErrorReporter reporter) {
    Activity a = of(model.independents(), model.body());
    a.checkHelperCalls(model, reporter);
    a.checkObjects(model, reporter);
    // Whether the result reads it or not: a value handed to an object is lost where it is handed over.
    Activity varied = varied(model.independents(), model.body(), Aliases.of(model.body()));
    StoredInObjects.check(model, varied::carries, reporter);
    GenericData.check(model, varied::carries, reporter);
    BitsOfActive.check(model, varied::isActive, reporter);
    return a;
  }

  /** Activity of a body, e.g. after the sweep has rewritten it, from its independent parameters. */
  public static Activity of(java.util.List<Var> independents, Stmt.Block body) {
    return of(independents, body, null);
  }

  /**
   * Activity of a body whose result is its returns and assignments to {@code result} (null:
   * returns only). A variable is active when it depends on a differentiable parameter (it is
   * varied) and may flow into the result ({@link Useful}). A parameter stays active whatever:
   * its gradient is returned.
   */
  public static Activity of(java.util.List<Var> independents, Stmt.Block body, Var result) {
    return of(independents, body, result, java.util.List.of());
  }

  /**
   * As {@link #of(java.util.List, Stmt.Block, Var)}, where what is written into the arrays
   * {@code kept} counts as a result too: forward mode passes the tangents of what the method
   * stores into an array parameter back to the caller.
   */
  public static Activity of(
      java.util.List<Var> independents, Stmt.Block body, Var result, java.util.Collection<Var> kept) {
    Aliases aliases = Aliases.of(body);
    Activity a = varied(independents, body, aliases);
    a.useful = Useful.of(body, result, kept, aliases);
    a.active.removeIf(v -> !a.useful.var(v) && !independents.contains(v));
    return a;
  }

  /** Whether a value assigned to {@code v}, or to one of its elements, may flow into the result. */
  public boolean isUseful(Var v) {
    return useful.var(v);
  }

  /** Variables that depend on a differentiable parameter. */
  private static Activity varied(java.util.List<Var> independents, Stmt.Block body, Aliases aliases) {
    Activity a = new Activity();
    a.active.addAll(independents);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : flatten(body)) {
        Var target = null;
        Expr value = null;
        if (s instanceof Stmt.Declare d && d.init() != null) {
          target = d.var();
          value = d.init();
        } else if (s instanceof Stmt.Assign as) {
          target = as.var();
          value = as.value();
        } else if (s instanceof Stmt.Store st) {
          // An element that becomes active makes the whole array active.
          target = st.target().base();
          value = st.value();
        }
        if (target != null
            && target.type().isDifferentiable()
            && !a.active.contains(target)
            && a.isActive(value)) {
          a.active.add(target);
          changed = true;
        }
      }
      for (Var v : aliases.all()) {
        if (a.active.contains(v)) {
          // An active value stored through one name of an array is read through the others.
          for (Var other : aliases.classOf(v)) {
            changed |= other.type().isDifferentiable() && a.active.add(other);
          }
        }
      }
    }
    return a;
  }

  static java.util.List<Stmt> flatten(Stmt.Block body) {
    java.util.List<Stmt> all = new java.util.ArrayList<>();
    Walk.each(body, all::add);
    return all;
  }

  public boolean isActive(Var v) {
    return active.contains(v);
  }

  /** Whether an expression's value depends on a differentiable parameter. */
  public boolean isActive(Expr e) {
    if (e instanceof Expr.GradCall g) {
      return isActive(g.call()); // a record carries the derivative of the value it holds
    }
    if (!e.type().isDifferentiable()) {
      return false;
    }
    if (e instanceof Expr.Ref r) {
      return active.contains(r.var());
    }
    if (e instanceof Expr.Component c) {
      return active.contains(c.record());
    }
    if (e instanceof Expr.Conditional c) {
      return isActive(c.whenTrue()) || isActive(c.whenFalse());
    }
    if (e instanceof Expr.DiffCall d) {
      // An argument the callee never uses on the way to its result carries no derivative through.
      for (int i = 0; i < d.args().size(); i++) {
        if (!d.callee().unread().contains(i) && isActive(d.args().get(i))) {
          return true;
        }
      }
      return false;
    }
    for (Expr child : Walk.children(e)) {
      if (isActive(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} holds a differentiable value with a derivative, or is a String or object
   * made from one ({@code "x = " + x}, {@code new Complex(x, y)}): a value that would carry the
   * number on without its derivative. A comparison or an integer cast ends the derivative
   * legitimately, so only numbers and what is built from them count.
   */
  private boolean carries(Expr e) {
    if (e.type() != null && e.type().isDifferentiable()) {
      return isActive(e);
    }
    return e instanceof Expr.Foreign f && f.values().stream().anyMatch(this::carries);
  }

  /** An object variable given an object made from differentiable values: the derivative stops there. */
  private void checkObjects(MethodModel model, ErrorReporter reporter) {
    Walk.each(
        model.body(),
        s -> {
          Var target = s instanceof Stmt.Declare d ? d.var() : s instanceof Stmt.Assign a ? a.var() : null;
          Expr value = s instanceof Stmt.Declare d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
          if (target != null && value != null && target.type().prim() == Type.Prim.OBJECT
              && target.type().dims() == 0 && carries(value)) {
            com.sun.source.tree.Tree at = model.trees().get(value) != null ? model.trees().get(value) : model.trees().get(s);
            reporter.error(
                Tag.NO_DERIVATIVE,
                "'" + target.name() + "' is given an object made from differentiable values, and"
                    + " backprop follows derivatives through numbers, arrays, records and objects"
                    + " of classes whose fields it can read, not through this object: compute with"
                    + " the numbers themselves (double re, im), or declare a record, or a class of"
                    + " final double fields, of your own with the methods you use, which backprop"
                    + " then holds",
                at,
                model.unit());
          }
        });
  }

  /** A call to a plain (not differentiable) method may only take values with no derivative. */
  private void checkHelperCalls(MethodModel model, ErrorReporter reporter) {
    Set<Expr> reported = new HashSet<>();
    Walk.each(
        model.body(),
        s ->
            Walk.eachExpr(
                s,
                e -> {
                  if (e instanceof Expr.DiffCall d && reported.add(e)) {
                    for (int i = 0; i < d.args().size(); i++) {
                      if (d.callee().accessors().get(i) == null
                          && d.callee().paramTypes().get(i) != null
                          && d.callee().paramTypes().get(i).isDifferentiable()
                          && isActive(d.args().get(i))) {
                        reporter.error(
                            Tag.NO_DERIVATIVE,
                            "'" + d.callee().name() + "' is not differentiated with respect to its"
                                + " parameter " + (i + 1) + " (it is left out of wrt), but a"
                                + " differentiable value is passed to it: add that parameter to"
                                + " the wrt of " + d.callee().owner().simpleNames() + "."
                                + d.callee().name(),
                            model.trees().get(d.args().get(i)) != null ? model.trees().get(d.args().get(i)) : model.trees().get(e),
                            model.unit());
                      }
                    }
                  }
                  // A call whose result is no double carries no derivative: Double.isNaN(x).
                  int underived =
                      e instanceof Expr.Call c && c.type().isDifferentiable()
                          ? io.github.backprop.processor.rules.Rule.underived(c, this::isActive)
                          : -1;
                  if (underived >= 0 && reported.add(e)) {
                    reporter.error(
                        Tag.NO_DERIVATIVE,
                        noDerivative((Expr.Call) e, underived, model),
                        atArgument((Expr.Call) e, underived, model),
                        model.unit());
                  }
                  if (e instanceof Expr.Call c
                      && c.onObject()
                      && c.args().get(0) instanceof Expr.Foreign object
                      && object.values().stream().anyMatch(this::carries)
                      && reported.add(e)) {
                    reporter.error(Tag.NO_DERIVATIVE, builtFromActive(c, model), model.trees().get(e), model.unit());
                  }
                  if (e instanceof Expr.Foreign f
                      && f.type() != null
                      && f.type().isDifferentiable()
                      && !GenericData.onGenericObject(f)
                      && f.values().stream().anyMatch(this::carries)
                      && reported.add(e)) {
                    com.sun.source.tree.Tree at = model.trees().get(e);
                    String name =
                        at instanceof com.sun.source.tree.MethodInvocationTree call
                            ? "'" + call.getMethodSelect() + "'"
                            : "this call";
                    String rule = model.ruleHints().get(e);
                    String unread = model.notInlined().get(e);
                    reporter.error(
                        Tag.NO_DERIVATIVE,
                        unread != null ? "a differentiable value is passed to " + name + ", a method of this compilation"
                            + " that backprop differentiates through its body, but cannot read here: " + unread
                            : "backprop has no derivative for " + name + ", a library method, but a"
                            + " differentiable value is passed to it: "
                            + (rule == null ? "" : "declare its derivative: " + rule + "; or ")
                            + "compute it with java.lang.Math functions, or write it as a"
                            + " @Differentiable method of your own",
                        at,
                        model.unit());
                  }
                }));
  }


  /**
   * Why {@code c} carries no derivative to its argument {@code i}: a rule's shape parameter, a
   * helper whose body could not be read, or a method of the compilation with no rule.
   */
  private static String noDerivative(Expr.Call c, int i, MethodModel model) {
    if (Rule.hasRules(c.owner())) {
      return "'" + c.owner().simpleNames() + "." + c.name() + "' has no derivative with respect to its"
          + " parameter " + (c.onObject() ? i : i + 1) + " in closed form, and a differentiable value is passed there:"
          + " pass a value that does not depend on the differentiated parameters, or declare the"
          + " derivative with a @DerivativeOf rule";
    }
    String why = model.notInlined().get(c);
    return why == null
        ? "'" + c.name() + "' is not @Differentiable, but a differentiable value is passed to it:"
            + " annotate " + c.owner().simpleNames() + "." + c.name() + " with @Differentiable, or"
            + " declare its derivative with a @DerivativeOf rule"
        : "a differentiable value is passed to '" + c.name() + "', and backprop differentiates a"
            + " helper through its body, but cannot read this one: " + why;
  }

  /** Why a method of an object built from differentiable values has no derivative here. */
  private static String builtFromActive(Expr.Call c, MethodModel model) {
    com.sun.source.tree.Tree at = model.trees().get(c);
    String object = at instanceof com.sun.source.tree.MethodInvocationTree call
            && call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree select
        ? "'" + select.getExpression() + "'"
        : "the object";
    return object + " is built from differentiable values, and backprop differentiates '" + c.name()
        + "' with respect to its arguments only, not the object's parameters: build the object from"
        + " values that do not depend on the differentiated parameters (for a normal distribution,"
        + " standardise: N.cumulativeProbability((x - mu) / sigma) with N = new"
        + " NormalDistribution(0, 1)), or write the function with java.lang.Math";
  }

  /** A rule's refused argument is reported where it is written; any other call, at the call. */
  private static com.sun.source.tree.Tree atArgument(Expr.Call c, int i, MethodModel model) {
    com.sun.source.tree.Tree arg = Rule.hasRules(c.owner()) ? model.trees().get(c.args().get(i)) : null;
    return arg != null ? arg : model.trees().get(c);
  }
}
