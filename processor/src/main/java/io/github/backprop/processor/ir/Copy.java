package io.github.backprop.processor.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh copy of statements, with a fresh variable for every local they declare: where a pass
 * puts the same statements in two places (the rest of a block into both branches of an {@code
 * if}), each place must have its own locals, saves and adjoints.
 */
public final class Copy {
  private final Map<Var, Var> renamed = new IdentityHashMap<>();
  private final Map<Stmt, String> sources;

  private Copy(Map<Stmt, String> sources) {
    this.sources = sources;
  }

  /** A copy of {@code stmts}; {@code sources} learns the source text of each copied statement. */
  public static List<Stmt> of(List<Stmt> stmts, Map<Stmt, String> sources) {
    Copy c = new Copy(sources);
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.add(c.stmt(s));
    }
    return out;
  }

  private Var declare(Var v) {
    Var fresh = new Var(v.name(), v.type(), v.kind());
    renamed.put(v, fresh);
    return fresh;
  }

  private Var var(Var v) {
    return renamed.getOrDefault(v, v);
  }

  private Expr expr(Expr e) {
    return e == null
        ? null
        : Rewrite.map(e, x -> x instanceof Expr.Ref r && renamed.containsKey(r.var()) ? new Expr.Ref(var(r.var())) : x);
  }

  private Stmt.Block block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.statements()) {
      out.add(stmt(s));
    }
    return new Stmt.Block(out);
  }

  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.add(stmt(s));
    }
    return out;
  }

  private Stmt stmt(Stmt s) {
    Stmt out;
    if (s instanceof Stmt.Declare d) {
      Expr init = expr(d.init()); // the initialiser reads the variables before this one
      out = new Stmt.Declare(declare(d.var()), init);
    } else if (s instanceof Stmt.Assign a) {
      out = new Stmt.Assign(var(a.var()), a.op(), expr(a.value()));
    } else if (s instanceof Stmt.Store st) {
      out = new Stmt.Store((Expr.Index) expr(st.target()), st.op(), expr(st.value()));
    } else if (s instanceof Stmt.Return r) {
      out = new Stmt.Return(expr(r.value()));
    } else if (s instanceof Stmt.If f) {
      out = new Stmt.If(expr(f.condition()), block(f.then()), block(f.otherwise()));
    } else if (s instanceof Stmt.Block b) {
      out = block(b);
    } else if (s instanceof Stmt.Loop l) {
      List<Stmt> init = list(l.init());
      Expr condition = expr(l.condition());
      Stmt.Block body = block(l.body());
      out = new Stmt.Loop(new LoopId(l.id() == null ? null : l.id().label()), init, condition, list(l.update()), body, l.testFirst());
    } else if (s instanceof Stmt.Invoke i) {
      out = new Stmt.Invoke(expr(i.expr()));
    } else if (s instanceof Stmt.Throw t) {
      out = new Stmt.Throw((Expr.Foreign) expr(t.exception()));
    } else if (s instanceof Stmt.Assert a) {
      out = new Stmt.Assert((Expr.Foreign) expr(a.code()));
    } else {
      out = s; // comments and the like hold no variables
    }
    String source = sources.get(s);
    if (source != null) {
      sources.put(out, source);
    }
    return out;
  }
}
