package io.github.backprop.processor.ir;

/**
 * The value types a differentiable method may use: a primitive and an array depth, or a String
 * or enum value ({@code ref} names the enum), which carries no derivative and is only passed on,
 * compared and switched on. An object of a generic class keeps its type arguments ({@code args},
 * empty for every other type): {@code List<double[]>}, {@code Map<String, Double>}.
 */
public record Type(Prim prim, int dims, Owner ref, java.util.List<TypeArg> args) {
  public Type {
    args = args == null ? java.util.List.of() : java.util.List.copyOf(args);
  }

  public Type(Prim prim, int dims, Owner ref) {
    this(prim, dims, ref, java.util.List.of());
  }

  public Type(Prim prim, int dims) {
    this(prim, dims, null);
  }

  /** Primitive element types. Only {@link #DOUBLE} and {@link #FLOAT} carry derivatives. */
  public enum Prim {
    DOUBLE("double"),
    FLOAT("float"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    /** byte, short and char: only as the type of a narrowing cast; variables hold them as int. */
    BYTE("byte"),
    SHORT("short"),
    CHAR("char"),
    /** A {@code String}: inactive data. */
    STRING("String"),
    /** A value of the enum {@link Type#ref}: inactive data. */
    ENUM("enum"),
    /**
     * An object of the class {@link Type#ref}: a record read from an array or a list (inactive
     * data), or in generated code an object of the runtime, such as a tape's stack.
     */
    OBJECT("object"),
    /** A {@code java.util.List} of the records {@link Type#ref}: inactive data, read by index. */
    LIST("list"),
    /** Generated code only: what a call made for its effect returns, e.g. {@code Adjoint.addTo}. */
    VOID("void");

    private final String keyword;

    Prim(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public static final Type DOUBLE = new Type(Prim.DOUBLE, 0);
  public static final Type FLOAT = new Type(Prim.FLOAT, 0);
  public static final Type INT = new Type(Prim.INT, 0);
  public static final Type LONG = new Type(Prim.LONG, 0);
  public static final Type BOOLEAN = new Type(Prim.BOOLEAN, 0);
  public static final Type BYTE = new Type(Prim.BYTE, 0);
  public static final Type SHORT = new Type(Prim.SHORT, 0);
  public static final Type CHAR = new Type(Prim.CHAR, 0);
  public static final Type STRING = new Type(Prim.STRING, 0);
  /** No value: the type of a call made for its effect. */
  public static final Type VOID = new Type(Prim.VOID, 0);

  /** A value of the enum {@code type}. */
  public static Type enumOf(Owner type) {
    return new Type(Prim.ENUM, 0, type);
  }

  /** A record of data of the class {@code type}, read through its accessors. */
  public static Type objectOf(Owner type) {
    return new Type(Prim.OBJECT, 0, type);
  }

  /** An object of the generic class {@code type} with these type arguments: inactive data. */
  public static Type generic(Owner type, java.util.List<TypeArg> args) {
    return new Type(Prim.OBJECT, 0, type, args);
  }

  /** Whether this is an object of a generic class, with its type arguments. */
  public boolean isGeneric() {
    return !args.isEmpty();
  }

  /** A {@code List<type>} of records of data. */
  public static Type listOf(Owner type) {
    return new Type(Prim.LIST, 0, type);
  }

  /** Whether this is a String, an enum value or a record of data, which no arithmetic takes. */
  public boolean isReference() {
    return dims == 0 && (prim == Prim.STRING || prim == Prim.ENUM || prim == Prim.OBJECT || prim == Prim.LIST);
  }

  /** Whether this is byte, short or char, which arithmetic promotes to int. */
  public boolean isNarrow() {
    return dims == 0 && (prim == Prim.BYTE || prim == Prim.SHORT || prim == Prim.CHAR);
  }

  /** The type a variable of this type is held in: int for byte, short and char. */
  public Type stored() {
    return isNarrow() ? INT : this;
  }

  /** Whether this is int or long (or a narrow type): the operands of shifts and bitwise operators. */
  public boolean isIntegral() {
    return dims == 0 && (prim == Prim.INT || prim == Prim.LONG || isNarrow());
  }

  public boolean isDouble() {
    return prim == Prim.DOUBLE && dims == 0;
  }

  /** Whether values of this type can carry a derivative: doubles, floats and arrays of them. */
  public boolean isDifferentiable() {
    return prim == Prim.DOUBLE || prim == Prim.FLOAT;
  }

  /** A {@code double} or {@code float} value. */
  public boolean isFloating() {
    return dims == 0 && isDifferentiable();
  }

  public boolean isNumeric() {
    return dims == 0 && prim != Prim.BOOLEAN && prim != Prim.STRING && prim != Prim.ENUM && prim != Prim.OBJECT
        && prim != Prim.LIST && prim != Prim.VOID;
  }

  public boolean isArray() {
    return dims > 0;
  }

  public Type element() {
    return new Type(prim, dims - 1, ref, args);
  }

  public Type arrayOf() {
    return new Type(prim, dims + 1, ref, args);
  }

  /** Binary numeric promotion (JLS 5.6.2) restricted to our primitives. */
  public static Type promote(Type a, Type b) {
    if (a.prim == Prim.DOUBLE || b.prim == Prim.DOUBLE) {
      return DOUBLE;
    }
    if (a.prim == Prim.FLOAT || b.prim == Prim.FLOAT) {
      return FLOAT;
    }
    if (a.prim == Prim.LONG || b.prim == Prim.LONG) {
      return LONG;
    }
    return INT;
  }

  /** Whether a value of type {@code from} may be assigned to {@code this} by widening. */
  public boolean acceptsByWidening(Type from) {
    if (equals(from)) {
      return true;
    }
    if (dims != 0 || from.dims != 0) {
      return false;
    }
    if (from.isNarrow()) {
      return prim == Prim.DOUBLE || prim == Prim.FLOAT || prim == Prim.LONG || prim == Prim.INT
          || (prim == Prim.SHORT && from.prim == Prim.BYTE);
    }
    return (prim == Prim.DOUBLE && (from.prim == Prim.INT || from.prim == Prim.LONG || from.prim == Prim.FLOAT))
        || (prim == Prim.FLOAT && (from.prim == Prim.INT || from.prim == Prim.LONG))
        || (prim == Prim.LONG && from.prim == Prim.INT);
  }

  @Override
  public String toString() {
    String base = prim == Prim.ENUM || prim == Prim.OBJECT ? ref.simpleNames()
        : prim == Prim.LIST ? "List<" + ref.simpleNames() + ">" : prim.keyword();
    if (!args.isEmpty()) {
      base += args.stream().map(TypeArg::toString).collect(java.util.stream.Collectors.joining(", ", "<", ">"));
    }
    return base + "[]".repeat(dims);
  }
}
