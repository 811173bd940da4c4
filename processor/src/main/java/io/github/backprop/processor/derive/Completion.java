package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether statements can complete normally, by the rules javac applies (JLS 14.22): a method body
 * written with its own returns must end where javac agrees it ends, or it fails to compile with
 * "missing return statement" or "unreachable statement".
 */
final class Completion {
  /** The loops a reachable {@code break} leaves. */
  private final Set<LoopId> broken = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The loops a reachable {@code continue} goes on with. */
  private final Set<LoopId> continued = Collections.newSetFromMap(new IdentityHashMap<>());

  private Completion() {}

  static boolean canComplete(List<Stmt> stmts) {
    return new Completion().list(stmts);
  }

  private boolean list(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      if (!stmt(s)) {
        return false; // what follows is unreachable, and its jumps do not count
      }
    }
    return true;
  }

  private boolean stmt(Stmt s) {
    if (s instanceof Stmt.Return || s instanceof Stmt.ReturnRecord || s instanceof Stmt.Throw) {
      return false;
    }
    if (s instanceof Stmt.Break b) {
      broken.add(b.target());
      return false;
    }
    if (s instanceof Stmt.Continue c) {
      continued.add(c.target());
      return false;
    }
    if (s instanceof Stmt.Block b) {
      return list(b.statements());
    }
    if (s instanceof Stmt.If f) {
      boolean then = list(f.then().statements());
      return list(f.otherwise().statements()) || then;
    }
    if (s instanceof Stmt.Loop l) {
      if (!list(l.init())) {
        return false;
      }
      boolean body = list(l.body().statements());
      list(l.update());
      boolean forever = isTrue(l.condition());
      if (l.testFirst()) {
        return !forever || broken.contains(l.id());
      }
      return ((body || continued.contains(l.id())) && !forever) || broken.contains(l.id());
    }
    return true;
  }

  /** Whether a condition is a constant expression whose value is true, as javac sees it. */
  private static boolean isTrue(Expr e) {
    Boolean v = constant(e);
    return v != null && v;
  }

  private static Boolean constant(Expr e) {
    if (e instanceof Expr.Literal l && l.value() instanceof Boolean b) {
      return b;
    }
    if (e instanceof Expr.Unary u && u.op() == Expr.Op.NOT) {
      Boolean v = constant(u.operand());
      return v == null ? null : !v;
    }
    if (e instanceof Expr.Binary b && (b.op() == Expr.Op.AND || b.op() == Expr.Op.OR)) {
      Boolean l = constant(b.left());
      Boolean r = constant(b.right());
      if (l == null || r == null) {
        return null;
      }
      return b.op() == Expr.Op.AND ? l && r : l || r;
    }
    if (e instanceof Expr.Binary b && b.op().isComparison()
        && b.left() instanceof Expr.Literal l && l.value() instanceof Number x
        && b.right() instanceof Expr.Literal r && r.value() instanceof Number y) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      return switch (b.op()) {
        case LT -> p < q;
        case LE -> p <= q;
        case GT -> p > q;
        case GE -> p >= q;
        case EQ -> p == q;
        default -> p != q;
      };
    }
    return null;
  }
}
