package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * Where the parameters fall in a flattened vector, written as a person would: a constant while
 * only scalars came before ({@code _hvp[1]}, {@code _j == 1}), and a counter {@code _k} only once
 * an array's length moved the position ({@code _hvp[_k + 1]}).
 */
final class Slots {
  private final Var k;
  /** Null for positions counted from 0; else the slot the positions are compared with ({@code _j}). */
  private final Var target;
  /** Scalars since {@link #counter}, or since the start. */
  private int at;
  private boolean counting;

  private Slots(Var k, Var target) {
    this.k = k;
    this.target = target;
  }

  /** Positions from 0: {@code k} then holds the position of the next parameter. */
  static Slots positions(Var k) {
    return new Slots(k, null);
  }

  /** Positions compared with {@code target}: {@code k} then holds {@code target} minus the position. */
  static Slots comparedWith(Var k, Var target) {
    return new Slots(k, target);
  }

  /** The position of the scalar now: {@code 1}, {@code _k}, {@code _k + 1}. */
  Expr here() {
    if (!counting) {
      return Expr.Literal.ofInt(at);
    }
    return at == 0 ? Exprs.ref(k) : new Expr.Binary(Expr.Op.ADD, Exprs.ref(k), Expr.Literal.ofInt(at), Type.INT);
  }

  /** Whether the scalar now is at the target: {@code _j == 1}, {@code _k == 0}. */
  Expr isHere() {
    return new Expr.Binary(
        Expr.Op.EQ, Exprs.ref(counting ? k : target), Expr.Literal.ofInt(at), Type.BOOLEAN);
  }

  /** Past one scalar. */
  void skip() {
    at++;
  }

  /**
   * Past an array of {@code length} elements that started {@link #here}: the counter declared
   * there the first time ({@code int _k = w.length;}), moved after ({@code _k += 1 + w.length;}).
   */
  void skip(Expr length, List<Stmt> out) {
    Expr by = at == 0 ? length : new Expr.Binary(Expr.Op.ADD, Expr.Literal.ofInt(at), length, Type.INT);
    out.add(counting ? new Stmt.Assign(k, Expr.Op.ADD, by) : new Stmt.Declare(k, by));
    counting = true;
    at = 0;
  }

  /**
   * The counter at the position now, for an array whose statements move it past its length:
   * declared the first time ({@code int _k = 2;}, {@code int _k = _j - 2;}), moved past the
   * scalars since after ({@code _k += 2;}).
   */
  Var counter(List<Stmt> out) {
    Expr.Op op = target == null ? Expr.Op.ADD : Expr.Op.SUB;
    if (!counting) {
      Expr start = target == null
          ? Expr.Literal.ofInt(at)
          : at == 0 ? Exprs.ref(target) : new Expr.Binary(op, Exprs.ref(target), Expr.Literal.ofInt(at), Type.INT);
      out.add(new Stmt.Declare(k, start));
      counting = true;
    } else if (at > 0) {
      out.add(new Stmt.Assign(k, op, Expr.Literal.ofInt(at)));
    }
    at = 0;
    return k;
  }
}
