package io.github.backprop.processor.ir;

import java.util.List;

/** Statements, for both the source method and the generated code. */
public sealed interface Stmt {
  /** Calls the {@link Visitor} method of this kind of statement. */
  <R> R accept(Visitor<R> v);

  /**
   * One method per kind of statement: a pass that implements it handles every kind, and a new
   * kind fails to compile until every such pass handles it.
   */
  interface Visitor<R> {
    R visit(Declare s);

    R visit(Assign s);

    R visit(If s);

    R visit(Store s);

    R visit(Loop s);

    R visit(Break s);

    R visit(Continue s);

    R visit(Push s);

    R visit(Invoke s);

    R visit(Return s);

    R visit(Throw s);

    R visit(Assert s);

    R visit(Block s);

    R visit(Comment s);

    R visit(ReturnRecord s);

    R visit(ForEach s);
  }
  /** {@code type var = init;}; {@code init} may be null. */
  record Declare(Var var, Expr init) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * {@code var op= value;} where {@code op} is null for a plain assignment. Its meaning is {@code
   * var = var op value}.
   */
  record Assign(Var var, Expr.Op op, Expr value) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record If(Expr condition, Block then, Block otherwise) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** {@code target op= value;} into an array element; {@code op} is null for {@code =}. */
  record Store(Expr.Index target, Expr.Op op, Expr value) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Every loop: {@code init}, then while {@code condition} holds the body and then {@code update}.
   * A {@code do}/{@code while} loop ({@code testFirst} false) runs its body once before the first
   * test. {@code id} is what {@code break} and {@code continue} name.
   */
  record Loop(LoopId id, List<Stmt> init, Expr condition, List<Stmt> update, Block body, boolean testFirst)
      implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** {@code break}, to the end of {@code target}. */
  record Break(LoopId target) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** {@code continue}, to the next iteration of {@code target}. */
  record Continue(LoopId target) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** Generated code only: {@code tape.push(value);}. */
  record Push(Var tape, Expr value) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * A call whose result is not used: in the source, one with no derivative (a check, a log); in
   * generated code, e.g. a helper or a tape's pop.
   */
  record Invoke(Expr expr) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record Return(Expr value) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * {@code throw exception;}: it ends its path. The forward sweep throws as the source does, and
   * no reverse sweep runs after it.
   */
  record Throw(Expr.Foreign exception) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** {@code assert condition : message;} kept as written; {@code code} is the whole statement. */
  record Assert(Expr.Foreign code) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record Block(List<Stmt> statements) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** A line comment in the generated code. */
  record Comment(String text) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Generated code only, in the methods the plan writes around derived ones: {@code for (double
   * item : array) { body }}. Derived code never has one: the reader makes every loop a {@link
   * Loop}.
   */
  record ForEach(Var item, Expr array, Block body) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** Generated code only: {@code return new Record(args);}. */
  record ReturnRecord(String record, List<Expr> args) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }
}
