package io.github.backprop.processor.ir;

/**
 * A variable of the source method or of the generated code. Compared by identity: two source
 * locals with the same name in sibling blocks are different variables. The writer gives each a
 * unique name in the generated method.
 */
public final class Var {
  /** What a variable is, which decides how the writer names it. */
  public enum Kind {
    PARAM,
    LOCAL,
    /** Generated: a saved or hoisted primal value, a branch flag, the result. */
    TEMP,
    /** Generated: the adjoint of {@link #primal()}. */
    ADJOINT,
    /** Generated, forward mode: the tangent of {@link #primal()}. */
    TANGENT,
    /** Generated: the result record of a call to another differentiable method. */
    RECORD,
    /** Generated: a stack of the runtime that saves values inside loops, e.g. {@code _doubles}. */
    TAPE,
    /** A static array field read as a constant table, e.g. {@code Gamma.LANCZOS}. */
    FIELD,
    /**
     * Generated: a local of a method the plan writes around derived ones, named as written where
     * no other variable has the name ({@code _grad}).
     */
    NAMED,
    /**
     * Generated: the variable of a loop of a method the plan writes, named as {@link #NAMED}; all
     * of one name get one name, whatever their types, as their loops never nest ({@code for
     * (double[] _r : m)} and later {@code for (int _r = 0; ...)}).
     */
    LOOP
  }

  private final String name;
  private final Type type;
  private final Type declared;
  private final Kind kind;
  private final Var primal;
  private final RecordType recordType;
  /** The type a generated method's parameter is printed with: a box for {@code Double x}. */
  private Type signature;

  public Var(String name, Type type, Kind kind) {
    this(name, type, kind, null, null);
  }

  /**
   * A parameter declared as a box ({@code Double x}, {@code Integer n}), held as its primitive
   * {@code held} everywhere but in the generated methods' signatures, which take {@code box}.
   */
  public static Var boxedParam(String name, Type held, Type box) {
    Var v = new Var(name, held, Kind.PARAM);
    v.signature = box;
    return v;
  }

  /** The type a generated method declares this parameter with. */
  public Type signature() {
    return signature != null ? signature : declared;
  }

  private Var(String name, Type type, Kind kind, Var primal, RecordType recordType) {
    this.name = name;
    this.type = type.isArray() ? type : type.stored(); // byte, short and char live in an int
    this.declared = type;
    this.kind = kind;
    this.primal = primal;
    this.recordType = recordType;
  }

  /**
   * The adjoint of a double is a double; of a {@code double[]} a {@code double[]} of its shape; of
   * a float a float; of a callee's record the type of the callee's result.
   */
  public static Var adjointOf(Var primal) {
    return new Var("_d_" + primal.name, primal.type, Kind.ADJOINT, primal, null);
  }

  /**
   * The tangent of a variable in forward mode: of the type of its value (a callee's record has
   * the tangent of its {@code value()}); of an array, an array of its shape.
   */
  public static Var tangentOf(Var primal) {
    return new Var("_t_" + primal.name, primal.type, Kind.TANGENT, primal, null);
  }

  /**
   * A runtime stack of class {@code stack}, e.g. {@code DoubleStack}, that {@code Tape.<of>()}
   * gives the current thread.
   */
  public static Var tape(String name, Owner stack, String of) {
    return new Var(name, Type.objectOf(stack), Kind.TAPE, null, new RecordType(stack, of));
  }

  /** A variable of the generated code only; the writer numbers it, e.g. {@code _t0}. */
  public static Var temp(String base, Type type) {
    return new Var(base, type, Kind.TEMP);
  }

  /** A local named as written, e.g. {@code _grad}; see {@link Kind#NAMED}. */
  public static Var named(String name, Type type) {
    return new Var(name, type, Kind.NAMED);
  }

  /** A loop's variable named as written, e.g. {@code _i}; see {@link Kind#LOOP}. */
  public static Var loop(String name, Type type) {
    return new Var(name, type, Kind.LOOP);
  }

  /** The static field {@code owner.name}, written as such; it is never assigned. */
  public static Var field(Owner owner, String name, Type type) {
    return new Var(name, type, Kind.FIELD, null, new RecordType(owner, name));
  }

  /** A callee's result record; {@code value} is the type of its {@code value()}. */
  public static Var record(String name, RecordType type, Type value) {
    return new Var(name, value, Kind.RECORD, null, type);
  }

  /** A fresh variable like this one: what it is the adjoint or tangent of, kept. */
  public Var copy() {
    return new Var(name, declared, kind, primal, recordType);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  /**
   * The type as declared: {@code char}, {@code byte} or {@code short} where {@link #type()} is
   * the int that holds it. A parameter keeps it in the generated signature, so the generated
   * method takes exactly the source method's parameters.
   */
  public Type declared() {
    return declared;
  }

  public Kind kind() {
    return kind;
  }

  /** For an adjoint or a tangent, the variable it is the adjoint or tangent of. */
  public Var primal() {
    return primal;
  }

  /** For a record variable, its type; for a tape, its runtime class; for a field, its class. */
  public RecordType recordType() {
    return recordType;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * The result record of a generated method, e.g. {@code CGrad.Loss}, or of a rule: the class
   * {@code grad} itself where {@code record} is null.
   */
  public record RecordType(Owner grad, String record) {}
}
