package io.github.backprop.processor.ir;

import java.util.List;

/** Side-effect-free expressions, for both the source method and the generated code. */
public sealed interface Expr {
  Type type();

  /** A numeric or boolean literal. */
  record Literal(Object value, Type type) implements Expr {
    public static Literal of(double v) {
      return new Literal(v, Type.DOUBLE);
    }

    public static Literal ofInt(int v) {
      return new Literal(v, Type.INT);
    }

    public boolean is(double v) {
      return value instanceof Number n && n.doubleValue() == v;
    }
  }

  /** A read of a variable. */
  record Ref(Var var) implements Expr {
    @Override
    public Type type() {
      return var.type();
    }
  }

  /** A {@code static final} field, e.g. {@code Math.PI}: a constant. */
  record Constant(Owner owner, String field, Type type) implements Expr {}

  record Unary(Op op, Expr operand, Type type) implements Expr {}

  record Binary(Op op, Expr left, Expr right, Type type) implements Expr {}

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Type type) implements Expr {}

  record Cast(Type type, Expr operand) implements Expr {}

  /** A static call that needs no derivative code of its own: Math functions, runtime helpers. */
  record Call(Owner owner, String name, List<Expr> args, Type type) implements Expr {}

  /** A call to another {@code @Differentiable} method: the chain rule goes through its Grad. */
  record DiffCall(Callee callee, List<Expr> args) implements Expr {
    @Override
    public Type type() {
      return Type.DOUBLE;
    }
  }

  /** A component of a record returned by a callee's Grad, e.g. {@code _g0.a()}. */
  record Component(Var record, String accessor, Type type) implements Expr {}

  /** Operators, with Java's precedence so the writer can place parentheses. */
  enum Op {
    NEG("-", 14),
    NOT("!", 14),
    MUL("*", 12),
    DIV("/", 12),
    REM("%", 12),
    ADD("+", 11),
    SUB("-", 11),
    LT("<", 9),
    LE("<=", 9),
    GT(">", 9),
    GE(">=", 9),
    EQ("==", 8),
    NE("!=", 8),
    AND("&&", 4),
    OR("||", 3);

    private final String symbol;
    private final int precedence;

    Op(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public String symbol() {
      return symbol;
    }

    public int precedence() {
      return precedence;
    }

    public boolean isComparison() {
      return precedence == 9 || precedence == 8;
    }

    public boolean isLogical() {
      return this == AND || this == OR || this == NOT;
    }
  }
}
