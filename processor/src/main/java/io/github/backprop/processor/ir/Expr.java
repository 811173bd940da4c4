package io.github.backprop.processor.ir;

import java.util.List;

/**
 * Expressions, for both the source method and the generated code. Most have no effect; those
 * of generated code may ({@link Pop} takes a value off a tape, a {@link Call} of the runtime such
 * as {@code Adjoint.addTo} writes into an array and returns {@link Type#VOID}), as may a {@link
 * Foreign} call kept as written.
 */
public sealed interface Expr {
  Type type();

  /** Calls the {@link Visitor} method of this kind of expression. */
  <R> R accept(Visitor<R> v);

  /**
   * One method per kind of expression: a pass that implements it handles every kind, and a new
   * kind fails to compile until every such pass handles it.
   */
  interface Visitor<R> {
    R visit(Literal e);

    R visit(Ref e);

    R visit(Constant e);

    R visit(Unary e);

    R visit(Binary e);

    R visit(Conditional e);

    R visit(Cast e);

    R visit(Call e);

    R visit(SelfCall e);

    R visit(DiffCall e);

    R visit(GradCall e);

    R visit(Foreign e);

    R visit(Component e);

    R visit(Index e);

    R visit(Length e);

    R visit(NewArray e);

    R visit(Pop e);

    R visit(Access e);

    R visit(NewRecord e);
  }

  /** A numeric or boolean literal. */
  record Literal(Object value, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

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
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    @Override
    public Type type() {
      return var.type();
    }
  }

  /**
   * A {@code static final} field, e.g. {@code Math.PI}: a constant, written by its name. {@code
   * value} is its value where it is a compile-time constant (a boxed primitive), else null.
   */
  record Constant(Owner owner, String field, Type type, Object value) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    public Constant(Owner owner, String field, Type type) {
      this(owner, field, type, null);
    }
  }

  record Unary(Op op, Expr operand, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record Binary(Op op, Expr left, Expr right, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record Cast(Type type, Expr operand) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * A call that needs no derivative code of its own: Math functions, runtime helpers, and rules'
   * library functions. Where {@code onObject} is set it is an instance method, called on its
   * first argument (a distribution object's {@code cumulativeProbability(x)}); {@code owner} is
   * then the class whose rules differentiate it.
   */
  record Call(Owner owner, String name, List<Expr> args, Type type, boolean onObject) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    public Call(Owner owner, String name, List<Expr> args, Type type) {
      this(owner, name, args, type, false);
    }

    /** The same call with other arguments. */
    public Call withArgs(List<Expr> newArgs) {
      return new Call(owner, name, newArgs, type, onObject);
    }
  }

  /**
   * Generated code only: a call to another static method of the generated class, by its simple
   * name, e.g. {@code loss(w, _d_w)} from the record method to its accumulate overload. {@code
   * type} is what it returns.
   */
  record SelfCall(String method, List<Expr> args, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Generated code only: the call of a callee's gradient method in place of {@code call}, {@code
   * CGrad.f(args)} (or a rule's), giving its record of value and partials; a record variable
   * ({@link Var.Kind#RECORD}) keeps it, whose components the chain rule reads. Its type is the
   * record's class.
   */
  record GradCall(DiffCall call) implements Expr {
    @Override
    public Type type() {
      return Type.objectOf(call.callee().record());
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * A call to another {@code @Differentiable} method, or to one with a rule, for its value: the
   * primal where generated code may call it. Its chain rule goes through a {@link GradCall}.
   */
  record DiffCall(Callee callee, List<Expr> args) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    @Override
    public Type type() {
      return callee.result();
    }
  }

  /**
   * Java kept as written, with no derivative: a call that cannot carry one ({@code
   * Double.isNaN(x)}, {@code log.debug("x = " + x)}), a string, an object. {@code parts} are
   * {@code String}s of Java source, {@link Owner}s (a class, named so no user name captures it)
   * and {@link Expr}s (values of the method, each with a type of its own). {@code type} is null
   * for a value that is no primitive (a String, an object) or for a call that returns nothing:
   * such a value only appears as a statement, a thrown exception or a part of another one.
   */
  record Foreign(List<Object> parts, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    /** The values of the method it reads. */
    public List<Expr> values() {
      List<Expr> out = new java.util.ArrayList<>();
      for (Object p : parts) {
        if (p instanceof Expr e) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /** A component of a record returned by a callee's Grad, e.g. {@code _g0.a()}. */
  record Component(Var record, String accessor, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** An array element, {@code array[index]}; {@code type} is the element type. */
  record Index(Expr array, Expr index, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    public Index(Expr array, Expr index) {
      this(array, index, array.type().element());
    }

    /** The variable holding the outermost array, e.g. {@code m} of {@code m[i][j]}. */
    public Var base() {
      return array instanceof Index i ? i.base() : ((Ref) array).var();
    }

    /** The index expressions from the outermost array inwards: {@code [i, j]} for {@code m[i][j]}. */
    public List<Expr> indices() {
      List<Expr> out = new java.util.ArrayList<>();
      if (array instanceof Index i) {
        out.addAll(i.indices());
      }
      out.add(index);
      return out;
    }
  }

  /** {@code array.length}. */
  record Length(Expr array) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }

    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /**
   * A new array: {@code new double[n][m]} (dims, no elements) or {@code {a, b}} (elements, each
   * an expression of the element type, a nested {@code NewArray} for rows).
   */
  record NewArray(Type type, List<Expr> dims, List<Expr> elements) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Generated code only: the value pushed last on a tape, {@code _doubles.pop()}; from the tape of
   * references it is cast back to {@code type}, or to {@code record} for a callee's result.
   */
  record Pop(Var tape, Type type, Var.RecordType record) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Generated code only: a component of an object passed to a generated method, {@code o.strike()}
   * (a record's accessor, {@code call}) or {@code self.w} (a field of a held class); {@code type}
   * is the component's.
   */
  record Access(Expr object, String name, boolean call, Type type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * Generated code only: {@code new OptionTangent(a, b)}, a record nested in the generated class
   * {@code grad}, whose class is its type.
   */
  record NewRecord(Owner grad, String record, List<Expr> args) implements Expr {
    @Override
    public Type type() {
      return Type.objectOf(new Owner(grad.packageName(), grad.simpleNames() + "." + record));
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** Operators, with Java's precedence so the writer can place parentheses. */
  enum Op {
    NEG("-", 14),
    NOT("!", 14),
    COMPLEMENT("~", 14),
    MUL("*", 12),
    DIV("/", 12),
    REM("%", 12),
    ADD("+", 11),
    SUB("-", 11),
    SHL("<<", 10),
    SHR(">>", 10),
    USHR(">>>", 10),
    LT("<", 9),
    LE("<=", 9),
    GT(">", 9),
    GE(">=", 9),
    EQ("==", 8),
    NE("!=", 8),
    /** {@code & ^ |}: bitwise on int and long, logical without short-circuit on boolean. */
    BITAND("&", 7),
    XOR("^", 6),
    BITOR("|", 5),
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

    /** Shifts and bitwise operators: int and long only, or boolean for {@code & ^ |}. */
    public boolean isBitwise() {
      return precedence == 10 || precedence == 7 || precedence == 6 || precedence == 5
          || this == COMPLEMENT;
    }

    public boolean isLogical() {
      return this == AND || this == OR || this == NOT;
    }
  }
}
