package io.github.backprop.processor.ir;

import java.util.List;

/** Statements, for both the source method and the generated code. */
public sealed interface Stmt {
  /** {@code type var = init;}; {@code init} may be null. */
  record Declare(Var var, Expr init) implements Stmt {}

  /**
   * {@code var op= value;} where {@code op} is null for a plain assignment. Its meaning is {@code
   * var = var op value}.
   */
  record Assign(Var var, Expr.Op op, Expr value) implements Stmt {}

  record If(Expr condition, Block then, Block otherwise) implements Stmt {}

  record Return(Expr value) implements Stmt {}

  record Block(List<Stmt> statements) implements Stmt {}

  /** A line comment in the generated code. */
  record Comment(String text) implements Stmt {}

  /** Generated code only: {@code return new Record(args);}. */
  record ReturnRecord(String record, List<Expr> args) implements Stmt {}
}
