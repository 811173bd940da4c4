package io.github.backprop.processor.ir;

/**
 * A type argument of a generic class: {@code type} itself, or a wildcard bounded by it ({@code ?
 * extends Number}, {@code ? super Double}); {@code ?} is a wildcard bounded by {@code Object}.
 */
public record TypeArg(Type type, Variance variance) {
  public static final Owner OBJECT = new Owner("java.lang", "Object");

  /** How the argument relates to {@code type}. */
  public enum Variance {
    EXACT,
    EXTENDS,
    SUPER
  }

  public static TypeArg exact(Type type) {
    return new TypeArg(type, Variance.EXACT);
  }

  /** Whether this is the unbounded wildcard {@code ?}. */
  public boolean isUnbounded() {
    return variance == Variance.EXTENDS && type.prim() == Type.Prim.OBJECT && type.dims() == 0
        && OBJECT.equals(type.ref()) && !type.isGeneric();
  }

  @Override
  public String toString() {
    return isUnbounded() ? "?" : variance == Variance.EXACT ? type.toString()
        : (variance == Variance.EXTENDS ? "? extends " : "? super ") + type;
  }
}
