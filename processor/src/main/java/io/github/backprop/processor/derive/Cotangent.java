package io.github.backprop.processor.derive;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;

/**
 * A method returning {@code double[]} as the scalar method ⟨u, r(x)⟩ of its parameters and a
 * cotangent u: its gradient is uᵀ J, a vector-Jacobian product, so the reverse sweep derives it
 * like any other method. Each {@code return a;} becomes a check of u's length, a copy of {@code a}
 * into the result the caller gets (or {@code a} itself, where the reverse sweep does not put back
 * values into it), and {@code return Σ u[i] * a[i];}, so the reverse sweep seeds
 * the returned array's adjoint with u. Every return is rewritten where it stands, so a method that
 * returns different arrays on different paths, a parameter or a row of a matrix is exact.
 */
public final class Cotangent {
  private Cotangent() {}

  /**
   * The scalar method, the cotangent parameter it adds (last) and the local holding the returned
   * array.
   */
  public record Dot(MethodModel model, Var cotangent, Var result, java.util.Set<Var> dots) {}

  private static final Type VECTOR = Type.DOUBLE.arrayOf();

  /** Whether the annotated method returns an array, which makes it vector-valued. */
  public static boolean returnsArray(MethodModel model) {
    return model.element().getReturnType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
  }

  /** The dot product method of {@code model}; null where a return cannot be rewritten (reported). */
  public static Dot of(MethodModel model, ErrorReporter reporter) {
    String name = "cotangent";
    while (taken(model, name)) {
      name += "_"; // a parameter of that name keeps it
    }
    Var u = new Var(name, VECTOR, Var.Kind.PARAM);
    Var result = new Var("_result", VECTOR, Var.Kind.LOCAL);
    int errors = reporter.errorCount();
    List<Stmt> body = new ArrayList<>();
    // Example: double[] _result = null;  (each return sets it)
    body.add(new Stmt.Declare(result, new Expr.Literal(null, VECTOR)));
    Rewrite rewrite = new Rewrite(model, u, result, reporter);
    body.addAll(rewrite.list(model.body().statements()));
    if (reporter.errorCount() > errors) {
      return null;
    }
    List<Var> params = new ArrayList<>(model.params());
    params.add(u);
    MethodModel dot =
        new MethodModel(
            model.element(), model.owner(), params, model.independents(), new Stmt.Block(body),
            model.sources(), model.trees(), model.unit(), model.ruleHints(), model.notInlined(), model.copies());
    return new Dot(dot, u, result, rewrite.dots);
  }

  /**
   * {@code grad} returning the array in {@code dot}'s result as its value; its accumulators, where
   * it has them, let {@code rVjp}'s accumulate overload sum products over a batch (Jᵀr of
   * Gauss-Newton) in the caller's arrays. The dot product itself is dropped from the forward sweep, where nothing
   * reads it any more (unless something does, e.g. a tape saving it, when all stays).
   */
  public static GradMethod withResult(GradMethod grad, Dot dot) {
    java.util.Set<Var> dead = new java.util.HashSet<>(dot.dots());
    for (Stmt s : grad.forward()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.init() instanceof Expr.Ref r && dead.contains(r.var())) {
          dead.add(d.var()); // double _value = _dot;
        } else if (x instanceof Stmt.Assign a && a.op() == null && a.value() instanceof Expr.Ref r
            && dead.contains(r.var())) {
          dead.add(a.var()); // _value = _dot;
        }
      });
    }
    List<Stmt> declarations = prune(grad.declarations(), dead);
    List<Stmt> forward = prune(grad.forward(), dead);
    List<Stmt> all = new ArrayList<>(declarations);
    all.addAll(forward);
    all.addAll(grad.reverse());
    boolean read = false;
    for (Stmt s : all) {
      read |= mentions(s, dead);
    }
    if (read) {
      declarations = grad.declarations();
      forward = grad.forward();
    }
    java.util.Set<Var> restored = new java.util.HashSet<>();
    for (Stmt s : grad.reverse()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Store st) {
          restored.add(st.target().base());
        }
      });
    }
    forward = uncopied(forward, restored);
    return new GradMethod(
        declarations, forward, grad.allocations(), grad.reverse(), Exprs.ref(dot.result()), grad.gradients(),
        grad.accumulators());
  }

  /**
   * {@code _result = a;} in place of {@code _result = a.clone();} where the reverse sweep leaves
   * {@code a} as the return found it: it puts back values only into arrays in {@code restored},
   * and a parameter among them ends as the method leaves it. The value is then the returned
   * array itself, as the method's own result is, with no copy per call.
   */
  private static List<Stmt> uncopied(List<Stmt> stmts, java.util.Set<Var> restored) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Invoke i && i.expr() instanceof Expr.Foreign f && f.parts().size() == 4
          && ".clone()".equals(f.parts().get(3)) && f.parts().get(2) instanceof Expr a) {
        Var base = a instanceof Expr.Index x ? x.base() : ((Expr.Ref) a).var();
        boolean kept = base.kind() == Var.Kind.PARAM || base.kind() == Var.Kind.FIELD || !restored.contains(base);
        out.add(kept ? new Stmt.Invoke(new Expr.Foreign(f.parts().subList(0, 3), null)) : s);
      } else if (s instanceof Stmt.Block b) {
        out.add(new Stmt.Block(uncopied(b.statements(), restored)));
      } else if (s instanceof Stmt.If f) {
        out.add(new Stmt.If(f.condition(), new Stmt.Block(uncopied(f.then().statements(), restored)),
            new Stmt.Block(uncopied(f.otherwise().statements(), restored))));
      } else if (s instanceof Stmt.Loop l) {
        out.add(new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(),
            new Stmt.Block(uncopied(l.body().statements(), restored)), l.testFirst()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static List<Stmt> prune(List<Stmt> stmts, java.util.Set<Var> dead) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if ((s instanceof Stmt.Declare d && dead.contains(d.var())) || (s instanceof Stmt.Assign a && dead.contains(a.var()))) {
        continue;
      }
      if (s instanceof Stmt.Block b) {
        out.add(new Stmt.Block(prune(b.statements(), dead)));
      } else if (s instanceof Stmt.If f) {
        out.add(new Stmt.If(f.condition(), new Stmt.Block(prune(f.then().statements(), dead)),
            new Stmt.Block(prune(f.otherwise().statements(), dead))));
      } else if (s instanceof Stmt.Loop l) {
        List<Stmt> body = prune(l.body().statements(), dead);
        if (body.isEmpty() && l.init().size() == 1 && l.init().get(0) instanceof Stmt.Declare d
            && d.var().name().equals("_i") && d.var().kind() == Var.Kind.LOCAL) {
          continue; // the dot product's loop, with nothing left to do
        }
        out.add(new Stmt.Loop(l.id(), prune(l.init(), dead), l.condition(), prune(l.update(), dead),
            new Stmt.Block(body), l.testFirst()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean mentions(Stmt s, java.util.Set<Var> vars) {
    boolean[] found = {false};
    Walk.each(s, x -> {
      found[0] |= x instanceof Stmt.Declare d && vars.contains(d.var());
      found[0] |= x instanceof Stmt.Assign a && vars.contains(a.var());
      Walk.eachExpr(x, e -> found[0] |= e instanceof Expr.Ref r && vars.contains(r.var()));
    });
    return found[0];
  }

  private static boolean taken(MethodModel model, String name) {
    return model.params().stream().anyMatch(p -> p.name().equals(name));
  }

  private static final class Rewrite {
    private final MethodModel model;
    private final Var u;
    private final Var result;
    private final ErrorReporter reporter;
    /** The dot products, which only the reverse sweep's seed needs. */
    final java.util.Set<Var> dots = new java.util.HashSet<>();

    Rewrite(MethodModel model, Var u, Var result, ErrorReporter reporter) {
      this.model = model;
      this.u = u;
      this.result = result;
      this.reporter = reporter;
    }

    List<Stmt> list(List<Stmt> in) {
      List<Stmt> out = new ArrayList<>();
      for (Stmt s : in) {
        stmt(s, out);
      }
      return out;
    }

    private Stmt.Block block(Stmt.Block b) {
      return new Stmt.Block(list(b.statements()));
    }

    private void stmt(Stmt s, List<Stmt> out) {
      if (s instanceof Stmt.Return r) {
        ret(r, r.value(), out);
      } else if (s instanceof Stmt.Block b) {
        out.add(keep(s, block(b)));
      } else if (s instanceof Stmt.If f) {
        out.add(keep(s, new Stmt.If(f.condition(), block(f.then()), block(f.otherwise()))));
      } else if (s instanceof Stmt.Loop l) {
        out.add(
            keep(s, new Stmt.Loop(l.id(), list(l.init()), l.condition(), list(l.update()), block(l.body()), l.testFirst())));
      } else {
        out.add(s);
      }
    }

    /**
     * The rewritten statement keeps the source text its comment shows, and its tree (a marked
     * loop is found by it).
     */
    private Stmt keep(Stmt original, Stmt copy) {
      String source = model.sources().get(original);
      if (source != null) {
        model.sources().put(copy, source);
      }
      com.sun.source.tree.Tree tree = model.trees().get(original);
      if (tree != null) {
        model.trees().put(copy, tree);
      }
      return copy;
    }

    // Example: return out;  →  if (cotangent.length != out.length) throw ...;  _result = out.clone();
    //          double _dot = 0; for (int _i = 0; _i < out.length; _i++) _dot += cotangent[_i] * out[_i];
    //          return _dot;
    private void ret(Stmt.Return r, Expr a, List<Stmt> out) {
      if (a instanceof Expr.Conditional c) {
        // return c ? a : b;  →  if (c) return a; else return b;  (each path its own array)
        List<Stmt> then = new ArrayList<>();
        List<Stmt> otherwise = new ArrayList<>();
        ret(r, c.whenTrue(), then);
        ret(r, c.whenFalse(), otherwise);
        out.add(keep(r, new Stmt.If(c.condition(), new Stmt.Block(then), new Stmt.Block(otherwise))));
        return;
      }
      if (a instanceof Expr.NewArray n && n.type().dims() == 1) {
        // return new double[] {x * y, z};  →  double[] _out = {x * y, z}; return _out;
        Var o = new Var("_out", VECTOR, Var.Kind.LOCAL);
        out.add(keep(r, new Stmt.Declare(o, n)));
        a = Exprs.ref(o);
      }
      if (!(a instanceof Expr.Ref || a instanceof Expr.Index) || !a.type().equals(VECTOR)) {
        com.sun.source.tree.Tree at = model.trees().get(r);
        String what =
            a instanceof Expr.Literal
                ? "null"
                : a instanceof Expr.DiffCall || a instanceof Expr.Call || a instanceof Expr.Foreign
                    ? "the array a call returns"
                    : "this array";
        String message =
            "a @Differentiable method returning double[] cannot return " + what + ": return an"
                + " array variable of the method, a parameter, a row m[i] or new double[] {...}";
        if (at != null) {
          reporter.error(Tag.UNSUPPORTED, message, at, model.unit());
        } else {
          reporter.error(Tag.UNSUPPORTED, message, model.element());
        }
        return;
      }
      Expr length = new Expr.Length(a);
      Expr uLength = new Expr.Length(Exprs.ref(u));
      out.add(
          new Stmt.If(
              new Expr.Binary(Expr.Op.NE, uLength, length, Type.BOOLEAN),
              new Stmt.Block(
                  List.of(
                      new Stmt.Throw(
                          new Expr.Foreign(
                              List.of(
                                  "new ", new Owner("java.lang", "IllegalArgumentException"), "(\"the cotangent has \" + ",
                                  uLength, " + \" elements; the value has \" + ", length, ")"),
                              null)))),
              new Stmt.Block(List.of())));
      out.add(new Stmt.Invoke(new Expr.Foreign(List.of(Exprs.ref(result), " = ", a, ".clone()"), null)));
      Var dot = new Var("_dot", Type.DOUBLE, Var.Kind.LOCAL);
      dots.add(dot);
      Var i = new Var("_i", Type.INT, Var.Kind.LOCAL);
      out.add(new Stmt.Declare(dot, Exprs.ZERO));
      Expr term =
          new Expr.Binary(
              Expr.Op.MUL, new Expr.Index(Exprs.ref(u), Exprs.ref(i)), new Expr.Index(a, Exprs.ref(i)), Type.DOUBLE);
      out.add(
          new Stmt.Loop(
              new LoopId(null),
              List.of(new Stmt.Declare(i, Expr.Literal.ofInt(0))),
              new Expr.Binary(Expr.Op.LT, Exprs.ref(i), length, Type.BOOLEAN),
              List.of(new Stmt.Assign(i, Expr.Op.ADD, Expr.Literal.ofInt(1))),
              new Stmt.Block(List.of(new Stmt.Assign(dot, Expr.Op.ADD, term))),
              true));
      out.add(keep(r, new Stmt.Return(Exprs.ref(dot))));
    }
  }
}
