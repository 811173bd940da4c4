package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * The loop {@code System.arraycopy} performs, written in the IR so the values it copies keep
 * their derivatives: {@code dest[to + k] = src[from + k]} for {@code k} in {@code [0, count)}.
 */
final class CopyLoops {
  private CopyLoops() {}

  /**
   * Within one array the copy must run backwards where the destination lies after the source,
   * as arraycopy copies as if through a temporary array; {@code sameArray} adds that test.
   */
  static Stmt copy(Expr src, Expr from, Expr dest, Expr to, Expr count, boolean sameArray) {
    if (!sameArray) {
      return loop(src, from, dest, to, count, false);
    }
    return new Stmt.If(
        new Expr.Binary(Op.LT, from, to, Type.BOOLEAN),
        new Stmt.Block(List.of(loop(src, from, dest, to, count, true))),
        new Stmt.Block(List.of(loop(src, from, dest, to, count, false))));
  }

  private static Stmt loop(Expr src, Expr from, Expr dest, Expr to, Expr count, boolean backwards) {
    Var k = Var.temp("_k", Type.INT);
    Expr.Ref kr = new Expr.Ref(k);
    Expr one = Expr.Literal.ofInt(1);
    Stmt store =
        new Stmt.Store(
            new Expr.Index(dest, offset(to, kr)),
            null,
            new Expr.Index(src, offset(from, kr)));
    Expr start = backwards ? new Expr.Binary(Op.SUB, count, one, Type.INT) : Expr.Literal.ofInt(0);
    Expr test =
        backwards
            ? new Expr.Binary(Op.GE, kr, Expr.Literal.ofInt(0), Type.BOOLEAN)
            : new Expr.Binary(Op.LT, kr, count, Type.BOOLEAN);
    return new Stmt.Loop(
        new LoopId(null),
        List.of(new Stmt.Declare(k, start)),
        test,
        List.of(new Stmt.Assign(k, backwards ? Op.SUB : Op.ADD, one)),
        new Stmt.Block(List.of(store)),
        true);
  }

  /** {@code start + k}, or {@code k} where the start is 0. */
  static Expr offset(Expr start, Expr k) {
    return start instanceof Expr.Literal l && l.is(0) ? k : new Expr.Binary(Op.ADD, start, k, Type.INT);
  }
}
