package io.github.backprop.processor.ir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Generic traversals of expressions and statements. */
public final class Walk {
  private Walk() {}

  /** Calls {@code visit} on {@code e} and every sub-expression, parents first. */
  public static void each(Expr e, Consumer<Expr> visit) {
    visit.accept(e);
    for (Expr child : children(e)) {
      each(child, visit);
    }
  }

  public static List<Expr> children(Expr e) {
    if (e instanceof Expr.Unary u) {
      return List.of(u.operand());
    }
    if (e instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    }
    if (e instanceof Expr.Conditional c) {
      return List.of(c.condition(), c.whenTrue(), c.whenFalse());
    }
    if (e instanceof Expr.Cast c) {
      return List.of(c.operand());
    }
    if (e instanceof Expr.Call c) {
      return c.args();
    }
    if (e instanceof Expr.DiffCall c) {
      return c.args();
    }
    return List.of();
  }

  /** The variables an expression reads. */
  public static Set<Var> vars(Expr e) {
    Set<Var> vars = new LinkedHashSet<>();
    each(
        e,
        x -> {
          if (x instanceof Expr.Ref r) {
            vars.add(r.var());
          } else if (x instanceof Expr.Component c) {
            vars.add(c.record());
          }
        });
    return vars;
  }

  /** Calls {@code visit} on every statement, nested ones included, parents first. */
  public static void each(Stmt s, Consumer<Stmt> visit) {
    visit.accept(s);
    if (s instanceof Stmt.Block b) {
      b.statements().forEach(x -> each(x, visit));
    } else if (s instanceof Stmt.If i) {
      each(i.then(), visit);
      each(i.otherwise(), visit);
    }
  }

  /**
   * Calls {@code visit} on every sub-expression of the expressions {@code s} itself holds (not of
   * its nested statements): an initialiser, an assigned value, a returned value, a condition.
   */
  public static void eachExpr(Stmt s, Consumer<Expr> visit) {
    if (s instanceof Stmt.Declare d && d.init() != null) {
      each(d.init(), visit);
    } else if (s instanceof Stmt.Assign a) {
      each(a.value(), visit);
    } else if (s instanceof Stmt.Return r) {
      each(r.value(), visit);
    } else if (s instanceof Stmt.If i) {
      each(i.condition(), visit);
    }
  }

  /** The variables a statement and its nested statements assign. */
  public static Set<Var> assigned(Stmt s) {
    Set<Var> vars = new LinkedHashSet<>();
    each(
        s,
        x -> {
          if (x instanceof Stmt.Assign a) {
            vars.add(a.var());
          } else if (x instanceof Stmt.Declare d) {
            vars.add(d.var());
          }
        });
    return vars;
  }
}
