package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * {@code Double}, {@code Integer}, {@code Long}, {@code Boolean} and the other boxes of
 * java.lang as local variables: held as their primitive. A local that is never given {@code
 * null} is never null, so unboxing it never throws and it computes as the primitive does; one
 * declared {@code null} is held with a flag ({@link NullableBoxes}); the reader rejects setting
 * another to {@code null}, and comparing two boxes with {@code ==}, which compares references.
 */
public final class Boxes {
  private static final Map<String, Type> PRIMITIVES =
      Map.of(
          "java.lang.Double", Type.DOUBLE,
          "java.lang.Float", Type.FLOAT,
          "java.lang.Integer", Type.INT,
          "java.lang.Long", Type.LONG,
          "java.lang.Boolean", Type.BOOLEAN,
          "java.lang.Short", Type.SHORT,
          "java.lang.Byte", Type.BYTE,
          "java.lang.Character", Type.CHAR);

  private static final Map<String, Type> VALUE_METHODS =
      Map.of(
          "doubleValue", Type.DOUBLE,
          "floatValue", Type.FLOAT,
          "intValue", Type.INT,
          "longValue", Type.LONG,
          "shortValue", Type.SHORT,
          "byteValue", Type.BYTE,
          "booleanValue", Type.BOOLEAN,
          "charValue", Type.CHAR);

  private Boxes() {}

  /** The primitive {@code box} holds, or null where it is no box of java.lang. */
  /** The box class {@code t} is ({@code java.lang.Double}, ...), or null for any other type. */
  public static TypeElement boxClass(javax.lang.model.type.TypeMirror t) {
    return t instanceof javax.lang.model.type.DeclaredType d && d.asElement() instanceof TypeElement e
        && PRIMITIVES.containsKey(e.getQualifiedName().toString()) ? e : null;
  }

  /** Whether {@code t} is a box a {@code @Differentiable} method may take: {@code Double}, {@code Short}, any of java.lang's. */
  public static boolean isParameterBox(javax.lang.model.type.TypeMirror t) {
    return primitiveOf(boxClass(t)) != null;
  }

  static Type primitiveOf(TypeElement box) {
    return box == null ? null : PRIMITIVES.get(box.getQualifiedName().toString());
  }

  /**
   * What {@code box.name(args)} reads as, for a box held as its primitive {@code value}; null for
   * a method with no meaning here. {@code d.doubleValue()} is {@code (double) d}; {@code
   * d.isNaN()} is {@code Double.isNaN(d)}; {@code d.compareTo(e)} is {@code Double.compare(d, e)};
   * {@code d.equals(e)} boxes again, as Orekit's {@code Double.valueOf(x).equals(x0)} does.
   */
  static Expr call(Type held, Expr value, String name, List<Expr> args) {
    Type to = VALUE_METHODS.get(name);
    // Boolean has booleanValue(), Character charValue(), a Number the others.
    boolean numeric = held != Type.BOOLEAN && held != Type.CHAR;
    boolean has = to == Type.BOOLEAN || to == Type.CHAR ? to == held : numeric;
    if (to != null && args.isEmpty() && has) {
      return to.equals(value.type()) || (!to.isNarrow() && to.stored().equals(value.type())) ? value : new Expr.Cast(to, value);
    }
    Owner box = owner(held);
    if ((name.equals("isNaN") || name.equals("isInfinite")) && args.isEmpty()
        && (held == Type.DOUBLE || held == Type.FLOAT)) {
      return new Expr.Foreign(List.of(box, "." + name + "(", value, ")"), Type.BOOLEAN);
    }
    if (name.equals("equals") && args.size() == 1 && box != null && args.get(0).type() != null && !args.get(0).type().isReference()) {
      // Double.equals compares bits (NaN equals NaN, 0.0 not -0.0), and a number of another type is no Double.
      return new Expr.Foreign(List.of(box, ".valueOf(", value, ").equals(", args.get(0), ")"), Type.BOOLEAN);
    }
    if (name.equals("compareTo") && args.size() == 1 && box != null) {
      return new Expr.Foreign(List.of(box, ".compare(", value, ", ", args.get(0), ")"), Type.INT);
    }
    return null;
  }

  private static Owner owner(Type held) {
    for (Map.Entry<String, Type> e : PRIMITIVES.entrySet()) {
      if (e.getValue().equals(held)) {
        return new Owner("java.lang", e.getKey().substring("java.lang.".length()));
      }
    }
    return null;
  }
}
