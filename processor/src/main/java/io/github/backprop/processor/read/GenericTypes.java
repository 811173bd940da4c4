package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeArg;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Objects of generic classes a method reads as data, {@code List<double[]>}, {@code Map<String,
 * Double>}, {@code Function<String, Double>}: our type keeps their type arguments, so that the
 * generated code declares them as the source does, and a call on one has the type Java gives it
 * ({@code rows.get(i)} a {@code double[]}, {@code weights.get(k)} a {@code double}).
 */
final class GenericTypes {
  private GenericTypes() {}

  /** Our type for a generic class with type arguments; null for any other type, or one we cannot hold. */
  static Type of(TypeMirror t) {
    // List<R> of records and List<Double> are read by index as lists of data (Records.dataType).
    return t instanceof DeclaredType d && !d.getTypeArguments().isEmpty() && Records.dataType(t) == null ? declared(d, Map.of()) : null;
  }

  /**
   * The type of what {@code m} returns, called on an object of generic type {@code receiver}: its
   * type variables replaced by the receiver's type arguments, a box read as its primitive; null
   * where it is none we hold (a raw type, a type variable of the method's own).
   */
  static Type returned(Type receiver, ExecutableElement m, javax.lang.model.util.Elements elements) {
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    TypeElement type = elements.getTypeElement(receiver.ref().canonicalName());
    Map<Element, TypeArg> bindings = type == null ? null : bindings(type, receiver.args(), declaring);
    if (bindings == null || !m.getTypeParameters().isEmpty()) {
      return null;
    }
    TypeMirror r = m.getReturnType();
    if (Resolver.typeOf(r) != null) {
      return Resolver.typeOf(r); // size(), isEmpty(), toArray of a primitive array
    }
    if (r instanceof TypeVariable v) {
      TypeArg a = bindings.get(v.asElement());
      return a == null ? null : value(a);
    }
    TypeArg a = arg(r, bindings);
    return a == null ? null : a.type();
  }

  /** What a for-each over an object of generic type {@code t} reads: Iterable's E; null if it is no Iterable. */
  static TypeArg iterated(Type t, javax.lang.model.util.Elements elements) {
    TypeElement type = elements.getTypeElement(t.ref().canonicalName());
    Map<Element, TypeArg> bindings = type == null ? null : bindings(type, t.args(), elements.getTypeElement("java.lang.Iterable"));
    return bindings == null || bindings.size() != 1 ? null : bindings.values().iterator().next();
  }

  /**
   * What a value of type argument {@code a} is when read: a box its primitive ({@code Double} a
   * double), {@code ? extends T} a T, {@code ?} and {@code ? super T} an Object.
   */
  static Type value(TypeArg a) {
    if (a.variance() == TypeArg.Variance.SUPER || a.isUnbounded()) {
      return Type.objectOf(TypeArg.OBJECT);
    }
    Type t = a.type();
    Type unboxed = t.prim() == Type.Prim.OBJECT && !t.isGeneric() && t.dims() == 0 ? boxed(t.ref()) : null;
    if (t.isGeneric() && t.dims() == 0 && t.ref().canonicalName().equals("java.util.List") && t.args().size() == 1) {
      // A List<Double> read out of a collection: a list of data, as a parameter of that type is.
      TypeArg e = t.args().get(0);
      boolean numbers = e.variance() == TypeArg.Variance.EXACT && e.type().prim() == Type.Prim.OBJECT && !e.type().isGeneric()
          && e.type().dims() == 0 && Records.unboxed(e.type().ref()) != null;
      return numbers ? Type.listOf(e.type().ref()) : t;
    }
    return unboxed != null ? unboxed : t;
  }

  /** The primitive a box of java.lang holds; null for any other class (byte, short and char boxes too). */
  private static Type boxed(Owner o) {
    Type t = Records.unboxed(o);
    if (t != null || !o.packageName().equals("java.lang")) {
      return t;
    }
    return o.simpleNames().equals("Float") ? Type.FLOAT : o.simpleNames().equals("Boolean") ? Type.BOOLEAN : null;
  }

  /**
   * The type arguments {@code declaring}'s type variables have in an object of {@code type<args>}
   * ({@code Collection}'s E is a {@code List<double[]>}'s double[]); null where {@code declaring}
   * is no supertype of {@code type}.
   */
  private static Map<Element, TypeArg> bindings(TypeElement type, List<TypeArg> args, TypeElement declaring) {
    if (type.getTypeParameters().size() != args.size()) {
      return null;
    }
    Map<Element, TypeArg> own = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      own.put(type.getTypeParameters().get(i), args.get(i));
    }
    if (type.equals(declaring)) {
      return own;
    }
    List<TypeMirror> supers = new ArrayList<>(type.getInterfaces());
    supers.add(type.getSuperclass());
    for (TypeMirror s : supers) {
      if (!(s instanceof DeclaredType d) || !(d.asElement() instanceof TypeElement e)) {
        continue;
      }
      List<TypeArg> superArgs = new ArrayList<>();
      for (TypeMirror a : d.getTypeArguments()) {
        superArgs.add(arg(a, own));
      }
      if (superArgs.contains(null)) {
        continue;
      }
      Map<Element, TypeArg> found = bindings(e, superArgs, declaring);
      if (found != null) {
        return found;
      }
    }
    return declaring.getQualifiedName().contentEquals("java.lang.Object") ? Map.of() : null;
  }

  /** A parameterized type with its type variables bound; null where an argument is none we hold. */
  private static Type declared(DeclaredType d, Map<Element, TypeArg> bindings) {
    TypeElement e = (TypeElement) d.asElement();
    List<TypeArg> args = new ArrayList<>();
    for (TypeMirror a : d.getTypeArguments()) {
      TypeArg arg = arg(a, bindings);
      if (arg == null) {
        return null;
      }
      args.add(arg);
    }
    return Type.generic(Resolver.owner(e), args);
  }

  /** One type argument, or null where it is none we hold. */
  private static TypeArg arg(TypeMirror t, Map<Element, TypeArg> bindings) {
    if (t instanceof TypeVariable v) {
      return bindings.get(v.asElement());
    }
    if (t instanceof WildcardType w) {
      if (w.getExtendsBound() == null && w.getSuperBound() == null) {
        return new TypeArg(Type.objectOf(TypeArg.OBJECT), TypeArg.Variance.EXTENDS);
      }
      boolean up = w.getExtendsBound() != null;
      TypeArg bound = arg(up ? w.getExtendsBound() : w.getSuperBound(), bindings);
      return bound == null || bound.variance() != TypeArg.Variance.EXACT ? null
          : new TypeArg(bound.type(), up ? TypeArg.Variance.EXTENDS : TypeArg.Variance.SUPER);
    }
    if (t instanceof ArrayType) {
      Type a = Resolver.typeOf(t);
      return a == null ? null : TypeArg.exact(a);
    }
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e) {
      if (!d.getTypeArguments().isEmpty()) {
        Type g = declared(d, bindings);
        return g == null ? null : TypeArg.exact(g);
      }
      return e.getTypeParameters().isEmpty() ? TypeArg.exact(element(e)) : null; // a raw type
    }
    return null;
  }

  /**
   * Our type for a parameterized type as a declaration writes it ({@code Map<String, double[]>
   * weights}), its classes named through {@code types}; null where it is none we hold.
   */
  static Type written(com.sun.source.tree.ParameterizedTypeTree t, java.util.function.Function<com.sun.source.tree.ExpressionTree, TypeElement> types) {
    TypeElement e = t.getType() instanceof com.sun.source.tree.ExpressionTree x ? types.apply(x) : null;
    if (e == null || e.getTypeParameters().size() != t.getTypeArguments().size()) {
      return null;
    }
    List<TypeArg> args = new ArrayList<>();
    for (com.sun.source.tree.Tree a : t.getTypeArguments()) {
      TypeArg arg = writtenArg(a, types);
      if (arg == null) {
        return null;
      }
      args.add(arg);
    }
    return Type.generic(Resolver.owner(e), args);
  }

  private static TypeArg writtenArg(com.sun.source.tree.Tree a, java.util.function.Function<com.sun.source.tree.ExpressionTree, TypeElement> types) {
    if (a instanceof com.sun.source.tree.WildcardTree w) {
      if (w.getBound() == null) {
        return new TypeArg(Type.objectOf(TypeArg.OBJECT), TypeArg.Variance.EXTENDS);
      }
      TypeArg bound = writtenArg(w.getBound(), types);
      return bound == null ? null : new TypeArg(bound.type(),
          w.getKind() == com.sun.source.tree.Tree.Kind.SUPER_WILDCARD ? TypeArg.Variance.SUPER : TypeArg.Variance.EXTENDS);
    }
    if (a instanceof com.sun.source.tree.ParameterizedTypeTree p) {
      Type g = written(p, types);
      return g == null ? null : TypeArg.exact(g);
    }
    int dims = 0;
    while (a instanceof com.sun.source.tree.ArrayTypeTree at) {
      a = at.getType();
      dims++;
    }
    Type element = null;
    if (a instanceof com.sun.source.tree.PrimitiveTypeTree p && dims > 0) {
      element = Resolver.primitive(p.getPrimitiveTypeKind());
    } else if (a instanceof com.sun.source.tree.ExpressionTree x && types.apply(x) != null && types.apply(x).getTypeParameters().isEmpty()) {
      element = element(types.apply(x));
    }
    return element == null ? null : TypeArg.exact(new Type(element.prim(), dims, element.ref()));
  }

  /** Whether {@code m} is an instance method called on {@code receiver}, an object of a generic class. */
  static boolean onGeneric(Expr receiver, ExecutableElement m) {
    return receiver != null && receiver.type() != null && receiver.type().isGeneric() && !Resolver.isStatic(m);
  }

  /** The class {@code new} names: {@code HashMap} of {@code new HashMap<>()}; else its identifier as written. */
  static com.sun.source.tree.ExpressionTree created(com.sun.source.tree.NewClassTree n) {
    return n.getIdentifier() instanceof com.sun.source.tree.ParameterizedTypeTree pt && n.getClassBody() == null
        && pt.getType() instanceof com.sun.source.tree.ExpressionTree raw ? raw : n.getIdentifier();
  }

  /**
   * {@code made}, the object {@code n} makes: {@code new HashMap<String, Double>()} of its type;
   * {@code new HashMap<>()} of the one it is declared with, which the declaration gives it.
   */
  static Expr made(com.sun.source.tree.NewClassTree n, Expr made, java.util.function.Function<com.sun.source.tree.ExpressionTree, TypeElement> types) {
    Type written = n.getIdentifier() instanceof com.sun.source.tree.ParameterizedTypeTree pt ? written(pt, types) : null;
    return written == null || !(made instanceof Expr.Foreign f) ? made : new Expr.Foreign(f.parts(), written);
  }

  /**
   * An array a call returns ({@code rows.get(i)} of a {@code List<double[]>}), read once into a
   * local of {@code prelude} so that it can be indexed; {@code array} itself where it has a name.
   */
  static Expr named(Expr array, List<Stmt> prelude) {
    if (!(array instanceof Expr.Foreign) || prelude == null) {
      return array;
    }
    Var values = Var.temp("_values", array.type());
    prelude.add(new Stmt.Declare(values, array));
    return new Expr.Ref(values);
  }

  /** A class as a type argument: String and enums as we hold them, any other class by name. */
  static Type element(TypeElement e) {
    if (e.getQualifiedName().contentEquals("java.lang.String")) {
      return Type.STRING;
    }
    return e.getKind() == ElementKind.ENUM ? Type.enumOf(Resolver.owner(e)) : Type.objectOf(Resolver.owner(e));
  }
}
