package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import javax.lang.model.element.TypeElement;

/**
 * The types a method's declarations name (a local's, a parameter's, a cast's, a new array's) and
 * what values they accept; statements and expressions both ask, so it stands apart from either.
 */
final class DeclaredTypes extends SessionPart {
  DeclaredTypes(ReadSession session) {
    super(session);
  }

  Type declaredType(Tree type) {
    Tree innermost = type;
    while (innermost instanceof ArrayTypeTree a) {
      innermost = a.getType();
    }
    TypeElement data = recordType(innermost);
    if (data != null) {
      requireVisible(data, type);
      if (innermost == type) {
        return Type.objectOf(Resolver.owner(data)); // a record read from an array or a list: data
      }
      if (type instanceof ArrayTypeTree a && a.getType() == innermost) {
        return Type.objectOf(Resolver.owner(data)).arrayOf();
      }
    }
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree pt && pt.getTypeArguments().size() == 1
        && resolver.type((ExpressionTree) pt.getType()) != null
        && resolver.type((ExpressionTree) pt.getType()).getQualifiedName().contentEquals("java.util.List")) {
      if (recordType(pt.getTypeArguments().get(0)) != null) {
        requireVisible(recordType(pt.getTypeArguments().get(0)), type);
        return Type.listOf(Resolver.owner(recordType(pt.getTypeArguments().get(0))));
      }
      TypeElement boxed = pt.getTypeArguments().get(0) instanceof ExpressionTree e ? resolver.type(e) : null;
      if (boxed != null && Records.unboxed(Resolver.owner(boxed)) != null) {
        return Type.listOf(Resolver.owner(boxed)); // List<Double> values = data;
      }
    }
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree pt && GenericTypes.written(pt, resolver::type) != null) {
      return GenericTypes.written(pt, resolver::type); // Map<String, double[]> weights: data, as written
    }
    if (innermost != type && data != null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "arrays of records ('" + type + "') are not supported here: backprop holds a record as its"
              + " components; pass the components as arrays of their own (double[] xs, double[] ys)",
          type,
          unit);
    }
    if (type instanceof ArrayTypeTree a) {
      if (boxOf(a.getType()) != null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "arrays of boxes ('" + type + "') are not supported: use an array of the primitive, "
                + boxOf(a.getType()).prim().keyword() + "[]",
            type,
            unit);
      }
      Type element = declaredType(a.getType());
      if (element.isReference()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "arrays of " + element + " are not supported: "
                + (element.prim() == Type.Prim.ENUM ? "loop over the constants as they are, for (" + element + " v : "
                    + element + ".values()) { ... }, or " : "")
                + "pass the values one by one",
            type,
            unit);
      }
      if (element.isNarrow()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "arrays of " + element + " are not supported: use an int[]",
            type,
            unit);
      }
      if (element.dims() >= 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "arrays of more than two dimensions are not supported: use double[][], or index a"
                + " double[] yourself",
            type,
            unit);
      }
      return element.arrayOf();
    }
    if (type instanceof PrimitiveTypeTree p) {
      Type known = Resolver.primitive(p.getPrimitiveTypeKind());
      if (known != null) {
        return known;
      }
      switch (p.getPrimitiveTypeKind()) {
        case BYTE:
          return Type.BYTE;
        case SHORT:
          return Type.SHORT;
        case CHAR:
          return Type.CHAR;
        default:
          break;
      }
    }
    Type unboxed = boxOf(type);
    if (unboxed != null) {
      return unboxed; // Double d: held as a double (read/Boxes)
    }
    Type reference = referenceType(type);
    if (reference != null) {
      return reference;
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "a variable of type '" + type + "' is not supported: use double, float, int, long or"
            + " boolean, or a String or an enum as data with no derivative",
        type,
        unit);
  }

  /** The primitive a box type such as {@code Double} holds, or null for any other type. */
  Type boxOf(Tree type) {
    return type instanceof ExpressionTree e && !(type instanceof ArrayTypeTree) ? Boxes.primitiveOf(resolver.type(e)) : null;
  }

  boolean isBoxed(Expr e) {
    return e instanceof Expr.Ref r && root.boxed.containsKey(r.var()) || root.boxedValues.containsKey(e);
  }

  /** The primitive a boxed local or a {@code Double.valueOf(x)} holds. */
  Type boxedType(Expr e) {
    return e instanceof Expr.Ref r && root.boxed.containsKey(r.var()) ? root.boxed.get(r.var()) : root.boxedValues.get(e);
  }

  private void requireVisible(TypeElement record, Tree at) {
    if (!Resolver.visibleFrom(record, Resolver.packageOf(owner))) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "record " + record.getSimpleName() + " is not visible to the generated class in this"
              + " package: make it package-private or public",
          at,
          unit);
    }
  }

  /** String or an enum the generated class can name, as a declaration writes it; or null. */
  Type referenceType(Tree type) {
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree pt) {
      return GenericTypes.written(pt, resolver::type); // Iterator<double[]> it = rows.iterator();
    }
    TypeElement named =
        type instanceof ExpressionTree e && !(type instanceof ArrayTypeTree) ? resolver.type(e) : null;
    Type reference = named == null ? null : Resolver.referenceType(named.asType());
    if (reference != null && !Resolver.visibleFrom(named, Resolver.packageOf(owner))) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "enum " + named.getSimpleName() + " is not visible to the generated class in this"
              + " package: make it package-private or public",
          type,
          unit);
    }
    return reference;
  }

  /**
   * Whether {@code init} is what a String or enum variable of type {@code declared} holds: a
   * value of that type or null. A String or object value elsewhere is an error at it.
   */
  boolean holds(Type declared, Expr init, ExpressionTree at) {
    if (init == null || !(declared.isReference() || Calls.isObject(init))) {
      return declared.isReference();
    }
    boolean isNull = at instanceof LiteralTree l && l.getValue() == null;
    if (declared.isGeneric() && init.type() == null && !isNull) {
      return true; // Map<String, Double> m = new HashMap<>(): javac checks that it fits
    }
    if (declared.equals(init.type()) || (declared.isReference() && isNull)) {
      return true;
    }
    boolean object = declared.prim() == Type.Prim.OBJECT && declared.dims() == 0 && Records.recordOf(declaredMirror(declared)) == null;
    if (object && init.type() != null && !init.type().isReference()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + at + "' is a" + (init.type().isArray() ? "n array" : " number") + " put into a variable of"
              + " type " + declared + ", which would hold it without its derivative: declare the"
              + " variable as " + init.type(),
          at,
          unit);
    }
    if (object && init.type() != null) {
      return true; // Object o = rng; javac checks that the class fits
    }
    if (declared.isReference() && init.type() != null) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    throw calls.notHere(at);
  }

  private javax.lang.model.type.TypeMirror declaredMirror(Type t) {
    TypeElement e = session.elements.getTypeElement(t.ref().canonicalName());
    return e == null ? null : e.asType();
  }

  boolean isVar(Tree type) {
    return type instanceof IdentifierTree id && id.getName().contentEquals("var");
  }

  /**
   * The type generated code gives {@code e}: a parameter keeps its declared char, byte or short,
   * while a local of one is held in an int.
   */
  static Type generatedType(Expr e) {
    if (e instanceof Expr.Ref r && r.var().kind() == Var.Kind.PARAM) {
      return r.var().declared();
    }
    return e instanceof Expr.Cast c ? c.type() : e.type();
  }

  /** An expression's type as the source declares it: byte, short or char for such a variable. */
  Type declaredTypeOf(Expr e) {
    if (e instanceof Expr.Cast c) {
      return c.type();
    }
    if (e instanceof Expr.Conditional c) {
      // b ? (byte) 1 : (byte) -1 is a byte in Java (JLS 15.25), so it needs no cast to one.
      Type t = declaredTypeOf(c.whenTrue());
      Type f = declaredTypeOf(c.whenFalse());
      return t.isNarrow() && t.equals(f) ? t : c.type();
    }
    return e instanceof Expr.Ref r && session.narrow.containsKey(r.var()) ? session.narrow.get(r.var()) : e.type();
  }

  /** Whether javac accepts {@code target op= value}: arithmetic on numbers, bitwise on integers or booleans. */
  boolean compoundApplies(Op op, Type target, Type value) {
    if (op.isBitwise()) {
      return IntegerOps.binaryType(op, target, value) != null;
    }
    return target.isNumeric() && value.isNumeric();
  }

  void requireNumeric(Expr e) {
    if (!e.type().isNumeric()) {
      throw reporter.abortQuietly();
    }
  }

  /** The record class a declaration's type names, or null. */
  TypeElement recordType(Tree type) {
    if (!(type instanceof ExpressionTree e) || type instanceof ArrayTypeTree) {
      return null;
    }
    TypeElement named = resolver.type(e);
    return Records.isRecord(named) || (named != null && Records.isHeldClass(named)) ? named : null;
  }
}
