package io.github.backprop.processor.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A fresh copy of statements, with a fresh variable for every local they declare: where a pass
 * puts the same statements in two places (the rest of a block into both branches of an {@code
 * if}), each place must have its own locals, saves and adjoints.
 */
public final class Copy {
  private final Map<Var, Var> renamed = new IdentityHashMap<>();
  /** Variables whose copies the caller chose, declared or only read in the statements. */
  private final Map<Var, Var> given;
  private final Map<LoopId, LoopId> loops = new IdentityHashMap<>();
  private final Map<Stmt, String> sources;
  private final BiConsumer<Object, Object> copied;

  private Copy(Map<Stmt, String> sources, BiConsumer<Object, Object> copied, Map<Var, Var> given) {
    this.sources = sources;
    this.copied = copied;
    this.given = given;
    renamed.putAll(given);
  }

  /** A copy of {@code stmts}; {@code sources} learns the source text of each copied statement. */
  public static List<Stmt> of(List<Stmt> stmts, Map<Stmt, String> sources) {
    return of(stmts, sources, (original, copy) -> {});
  }

  /**
   * As {@link #of(List, Map)}, telling {@code copied} of every expression and statement and its
   * copy, so what is known of an original (where it is in the source) holds for its copy.
   */
  public static List<Stmt> of(List<Stmt> stmts, Map<Stmt, String> sources, BiConsumer<Object, Object> copied) {
    return of(stmts, sources, copied, Map.of());
  }

  /**
   * As {@link #of(List, Map)}, with each variable of {@code given} replaced by its image wherever
   * it is declared or read; other locals declared get fresh variables as there.
   */
  public static List<Stmt> renaming(List<Stmt> stmts, Map<Stmt, String> sources, Map<Var, Var> given) {
    return of(stmts, sources, (original, copy) -> {}, given);
  }

  private static List<Stmt> of(
      List<Stmt> stmts, Map<Stmt, String> sources, BiConsumer<Object, Object> copied, Map<Var, Var> given) {
    Copy c = new Copy(sources, copied, given);
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.add(c.stmt(s));
    }
    return out;
  }

  private Var declare(Var v) {
    Var fresh = given.containsKey(v) ? given.get(v) : v.copy();
    renamed.put(v, fresh);
    return fresh;
  }

  private Var var(Var v) {
    return renamed.getOrDefault(v, v);
  }

  private Expr expr(Expr e) {
    if (e == null) {
      return null;
    }
    Expr out = Rewrite.map(e, x -> {
      if (x instanceof Expr.Ref r && renamed.containsKey(r.var())) {
        return new Expr.Ref(var(r.var()));
      }
      if (x instanceof Expr.Component c && renamed.containsKey(c.record())) {
        return new Expr.Component(var(c.record()), c.accessor(), c.type()); // a copied callee's record
      }
      return x;
    });
    // The copy has the original's shape, so both walks meet the nodes in the same order.
    List<Expr> from = new ArrayList<>();
    List<Expr> to = new ArrayList<>();
    Walk.each(e, from::add);
    Walk.each(out, to::add);
    for (int i = 0; i < from.size() && i < to.size(); i++) {
      copied.accept(from.get(i), to.get(i));
    }
    return out;
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
      LoopId id = new LoopId(l.id() == null ? null : l.id().label());
      loops.put(l.id(), id);
      out = new Stmt.Loop(id, init, condition, list(l.update()), block(l.body()), l.testFirst());
    } else if (s instanceof Stmt.Push p) {
      out = new Stmt.Push(p.tape(), expr(p.value()));
    } else if (s instanceof Stmt.Invoke i) {
      out = new Stmt.Invoke(expr(i.expr()));
    } else if (s instanceof Stmt.Throw t) {
      out = new Stmt.Throw((Expr.Foreign) expr(t.exception()));
    } else if (s instanceof Stmt.Assert a) {
      out = new Stmt.Assert((Expr.Foreign) expr(a.code()));
    } else if (s instanceof Stmt.Break b) {
      out = new Stmt.Break(loops.getOrDefault(b.target(), b.target()));
    } else if (s instanceof Stmt.Continue c) {
      out = new Stmt.Continue(loops.getOrDefault(c.target(), c.target()));
    } else {
      out = s; // comments and the like hold no variables
    }
    copied.accept(s, out);
    String source = sources.get(s);
    if (source != null) {
      sources.put(out, source);
    }
    return out;
  }
}
