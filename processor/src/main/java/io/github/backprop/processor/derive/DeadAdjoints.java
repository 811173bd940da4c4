package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Drops the scalar adjoints nothing reads: an active value that reaches the result only through a
 * function of derivative zero ({@code Math.floor(y * 16)}) still gets an adjoint, which then
 * passes nothing on. Its declaration and updates go, and so do the shared adjoints ({@code _r0})
 * that only fed it, until every adjoint left is read.
 */
final class DeadAdjoints {
  private DeadAdjoints() {}

  static AdjointCopies.Folded drop(AdjointCopies.Folded in) {
    AdjointCopies.Folded f = in;
    for (Set<Var> dead = dead(f); !dead.isEmpty(); dead = dead(f)) {
      f = new AdjointCopies.Folded(without(f.forward(), dead), without(f.reverse(), dead), f.gradients());
    }
    return f;
  }

  /** Adjoints written only by statements that can go, and read by nothing but their own updates. */
  private static Set<Var> dead(AdjointCopies.Folded f) {
    List<Stmt> all = new ArrayList<>(f.forward());
    all.addAll(f.reverse());
    Set<Var> written = identitySet();
    Set<Var> kept = identitySet();
    Set<Var> read = identitySet();
    f.gradients().forEach(g -> read.addAll(Walk.vars(g)));
    for (Stmt top : all) {
      Walk.each(top, s -> {
        Var target = target(s);
        if (target != null && candidate(target)) {
          written.add(target);
          if (!removable(s)) {
            kept.add(target);
          }
        }
        for (Expr e : Walk.exprs(s)) {
          Set<Var> vars = Walk.vars(e);
          if (target != null && s instanceof Stmt.Assign) {
            vars.remove(target); // _d_u += ... reads _d_u only to update it
          }
          read.addAll(vars);
        }
      });
    }
    written.removeIf(v -> read.contains(v) || kept.contains(v));
    return written;
  }

  private static Var target(Stmt s) {
    if (s instanceof Stmt.Declare d) {
      return d.var();
    }
    return s instanceof Stmt.Assign a ? a.var() : null;
  }

  /** A scalar adjoint, or {@code _r0}, an adjoint several operands share. */
  private static boolean candidate(Var v) {
    return !v.type().isArray()
        && (v.kind() == Var.Kind.ADJOINT || (v.kind() == Var.Kind.TEMP && v.name().equals("_r")));
  }

  /** A write whose value has no effect but the write: arithmetic, reads, pure functions. */
  private static boolean removable(Stmt s) {
    boolean[] pure = {true};
    for (Expr e : Walk.exprs(s)) {
      Walk.each(e, x -> pure[0] &= !(x instanceof Expr.Pop
          || x instanceof Expr.DiffCall
          || x instanceof Expr.Foreign
          || x instanceof Expr.NewArray
          || (x instanceof Expr.Call c && !Hoist.isPure(c))));
    }
    return pure[0];
  }

  /** {@code list} without the writes of {@code dead}, and without a comment left heading nothing. */
  private static List<Stmt> without(List<Stmt> list, Set<Var> dead) {
    List<Stmt> out = new ArrayList<>();
    boolean dropped = false; // since the last statement kept
    for (Stmt s : list) {
      Var target = target(s);
      if (target != null && dead.contains(target)) {
        dropped = true;
        continue;
      }
      if (dropped && (s instanceof Stmt.Comment || s instanceof Stmt.Loop)) {
        dropEmptyComment(out); // a section ends at the next comment, or at a loop (which has its own)
      }
      out.add(nested(s, dead));
      dropped = false;
    }
    if (dropped) {
      dropEmptyComment(out);
    }
    return out;
  }

  private static void dropEmptyComment(List<Stmt> out) {
    if (!out.isEmpty() && out.get(out.size() - 1) instanceof Stmt.Comment c && c.text().startsWith("grad of: ")) {
      out.remove(out.size() - 1);
    }
  }

  private static Stmt nested(Stmt s, Set<Var> dead) {
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), new Stmt.Block(without(f.then().statements(), dead)),
          new Stmt.Block(without(f.otherwise().statements(), dead)));
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(l.id(), without(l.init(), dead), l.condition(), without(l.update(), dead),
          new Stmt.Block(without(l.body().statements(), dead)), l.testFirst());
    }
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(without(b.statements(), dead));
    }
    return s;
  }

  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
