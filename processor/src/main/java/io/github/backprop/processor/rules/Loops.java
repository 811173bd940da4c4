package io.github.backprop.processor.rules;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The few shapes the written-out library functions are made of, with the operators as the
 * libraries write them: no simplification, so the values are the library's.
 */
final class Loops {
  private Loops() {}

  static final Owner DOUBLE_CLASS = new Owner("java.lang", "Double");

  static Expr ref(Var v) {
    return new Expr.Ref(v);
  }

  static Expr at(Expr array, Expr index) {
    return new Expr.Index(array, index);
  }

  static Expr bin(Op op, Expr a, Expr b) {
    Type type = op.isComparison() || op.isLogical() ? Type.BOOLEAN : Type.promote(a.type(), b.type());
    return new Expr.Binary(op, a, b, type);
  }

  /** {@code begin + length}, or {@code length} from 0. */
  static Expr end(Expr begin, Expr length) {
    return begin instanceof Expr.Literal l && l.value() instanceof Integer k && k == 0 ? length : bin(Op.ADD, begin, length);
  }

  static Expr num(double v) {
    return Expr.Literal.of(v);
  }

  static Expr integer(int v) {
    return Expr.Literal.ofInt(v);
  }

  static Stmt declare(Var v, Expr init) {
    return new Stmt.Declare(v, init);
  }

  static Stmt assign(Var v, Op op, Expr value) {
    return new Stmt.Assign(v, op, value);
  }

  static Stmt.Block block(Stmt... body) {
    return new Stmt.Block(List.of(body));
  }

  static Stmt.Block block(List<Stmt> body) {
    return new Stmt.Block(List.copyOf(body));
  }

  static Stmt when(Expr condition, Stmt.Block then, Stmt.Block otherwise) {
    return new Stmt.If(condition, then, otherwise);
  }

  static Stmt when(Expr condition, Stmt.Block then) {
    return new Stmt.If(condition, then, block());
  }

  /** {@code for (int _i = from; _i < to; _i++) body(_i)}. */
  static Stmt forRange(Expr from, Expr to, Function<Expr, List<Stmt>> body) {
    Var i = Var.temp("_i", Type.INT);
    Expr ir = ref(i);
    return new Stmt.Loop(
        new LoopId(null),
        List.of(declare(i, from)),
        bin(Op.LT, ir, to),
        List.of(assign(i, Op.ADD, integer(1))),
        block(new ArrayList<>(body.apply(ir))),
        true);
  }

  /** {@code owner.name(args)}, a static call of the given result type. */
  static Expr call(Owner owner, String name, Type type, Expr... args) {
    return new Expr.Call(owner, name, List.of(args), type);
  }
}
