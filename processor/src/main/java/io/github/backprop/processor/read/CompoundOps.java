package io.github.backprop.processor.read;

import com.sun.source.tree.Tree;
import io.github.backprop.processor.ir.Expr.Op;

/** The operator of a compound assignment, {@code +=} to {@code ^=}. */
final class CompoundOps {
  private CompoundOps() {}

  static Op of(Tree.Kind kind) {
    return switch (kind) {
      case PLUS_ASSIGNMENT -> Op.ADD;
      case MINUS_ASSIGNMENT -> Op.SUB;
      case MULTIPLY_ASSIGNMENT -> Op.MUL;
      case DIVIDE_ASSIGNMENT -> Op.DIV;
      case LEFT_SHIFT_ASSIGNMENT -> Op.SHL;
      case RIGHT_SHIFT_ASSIGNMENT -> Op.SHR;
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> Op.USHR;
      case AND_ASSIGNMENT -> Op.BITAND;
      case OR_ASSIGNMENT -> Op.BITOR;
      case XOR_ASSIGNMENT -> Op.XOR;
      default -> Op.REM;
    };
  }
}
