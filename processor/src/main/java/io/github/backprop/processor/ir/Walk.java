package io.github.backprop.processor.ir;

import java.util.ArrayList;
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

  /** The sub-expressions of {@code e}, left to right; a component's record is a variable, not one. */
  public static List<Expr> children(Expr e) {
    return e.accept(CHILDREN);
  }

  private static final Expr.Visitor<List<Expr>> CHILDREN =
      new Expr.Visitor<>() {
        @Override
        public List<Expr> visit(Expr.Literal e) {
          return List.of();
        }

        @Override
        public List<Expr> visit(Expr.Ref e) {
          return List.of();
        }

        @Override
        public List<Expr> visit(Expr.Constant e) {
          return List.of();
        }

        @Override
        public List<Expr> visit(Expr.Unary u) {
          return List.of(u.operand());
        }

        @Override
        public List<Expr> visit(Expr.Binary b) {
          return List.of(b.left(), b.right());
        }

        @Override
        public List<Expr> visit(Expr.Conditional c) {
          return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }

        @Override
        public List<Expr> visit(Expr.Cast c) {
          return List.of(c.operand());
        }

        @Override
        public List<Expr> visit(Expr.Call c) {
          return c.args();
        }

        @Override
        public List<Expr> visit(Expr.SelfCall c) {
          return c.args();
        }

        @Override
        public List<Expr> visit(Expr.DiffCall c) {
          return c.args();
        }

        @Override
        public List<Expr> visit(Expr.GradCall c) {
          return List.of(c.call());
        }

        @Override
        public List<Expr> visit(Expr.Foreign f) {
          return f.values();
        }

        @Override
        public List<Expr> visit(Expr.Component e) {
          return List.of();
        }

        @Override
        public List<Expr> visit(Expr.Index i) {
          return List.of(i.array(), i.index());
        }

        @Override
        public List<Expr> visit(Expr.Length l) {
          return List.of(l.array());
        }

        @Override
        public List<Expr> visit(Expr.NewArray n) {
          List<Expr> all = new ArrayList<>(n.dims());
          all.addAll(n.elements());
          return all;
        }

        @Override
        public List<Expr> visit(Expr.Pop e) {
          return List.of();
        }

        @Override
        public List<Expr> visit(Expr.Access a) {
          return List.of(a.object());
        }

        @Override
        public List<Expr> visit(Expr.NewRecord r) {
          return r.args();
        }
      };

  /** The variables an expression reads; an array element reads its array's variable. */
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

  /** The statements nested directly in {@code s}: branches, loop parts, block members. */
  public static List<Stmt> nested(Stmt s) {
    if (s instanceof Stmt.Block b) {
      return b.statements();
    }
    if (s instanceof Stmt.If i) {
      return List.of(i.then(), i.otherwise());
    }
    if (s instanceof Stmt.Loop l) {
      List<Stmt> all = new ArrayList<>(l.init());
      all.add(l.body());
      all.addAll(l.update());
      return all;
    }
    if (s instanceof Stmt.ForEach f) {
      return List.of(f.body());
    }
    return List.of();
  }

  /** Calls {@code visit} on every statement, nested ones included, parents first. */
  public static void each(Stmt s, Consumer<Stmt> visit) {
    visit.accept(s);
    for (Stmt x : nested(s)) {
      each(x, visit);
    }
  }

  /**
   * Calls {@code visit} on every sub-expression of the expressions {@code s} itself holds (not of
   * its nested statements): an initialiser, an assigned value, a returned value, a condition.
   */
  public static void eachExpr(Stmt s, Consumer<Expr> visit) {
    for (Expr e : exprs(s)) {
      each(e, visit);
    }
  }

  /** The expressions {@code s} itself holds, not those of its nested statements. */
  public static List<Expr> exprs(Stmt s) {
    if (s instanceof Stmt.Declare d) {
      return d.init() == null ? List.of() : List.of(d.init());
    }
    if (s instanceof Stmt.Assign a) {
      return List.of(a.value());
    }
    if (s instanceof Stmt.Return r) {
      return List.of(r.value());
    }
    if (s instanceof Stmt.If i) {
      return List.of(i.condition());
    }
    if (s instanceof Stmt.Store st) {
      return List.of(st.target(), st.value());
    }
    if (s instanceof Stmt.Loop l) {
      return List.of(l.condition());
    }
    if (s instanceof Stmt.Push p) {
      return List.of(p.value());
    }
    if (s instanceof Stmt.Invoke i) {
      return List.of(i.expr());
    }
    if (s instanceof Stmt.Throw t) {
      return List.of(t.exception());
    }
    if (s instanceof Stmt.Assert a) {
      return List.of(a.code());
    }
    if (s instanceof Stmt.ForEach f) {
      return List.of(f.array());
    }
    return List.of();
  }

  /**
   * The variables a statement and its nested statements assign. A store into an element assigns
   * its array's variable: the array's contents change.
   */
  public static Set<Var> assigned(Stmt s) {
    Set<Var> vars = new LinkedHashSet<>();
    each(
        s,
        x -> {
          if (x instanceof Stmt.Assign a) {
            vars.add(a.var());
          } else if (x instanceof Stmt.Declare d) {
            vars.add(d.var());
          } else if (x instanceof Stmt.Store st) {
            vars.add(st.target().base());
          }
        });
    return vars;
  }

  /** The variables the statements assign, together. */
  public static Set<Var> assigned(List<Stmt> stmts) {
    Set<Var> vars = new LinkedHashSet<>();
    stmts.forEach(s -> vars.addAll(assigned(s)));
    return vars;
  }
}
