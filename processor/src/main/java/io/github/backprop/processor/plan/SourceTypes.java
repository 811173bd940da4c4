package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** The IR type of a source parameter's declared type, for a public method that takes it as declared. */
final class SourceTypes {
  private SourceTypes() {}

  static Type of(TypeMirror t) {
    int dims = 0;
    while (t instanceof ArrayType a) {
      t = a.getComponentType();
      dims++;
    }
    Type element = switch (t.getKind()) {
      case DOUBLE -> Type.DOUBLE;
      case FLOAT -> Type.FLOAT;
      case INT -> Type.INT;
      case LONG -> Type.LONG;
      case BOOLEAN -> Type.BOOLEAN;
      case BYTE -> Type.BYTE;
      case SHORT -> Type.SHORT;
      case CHAR -> Type.CHAR;
      case DECLARED -> declared((DeclaredType) t);
      default -> throw new IllegalStateException("a parameter of type " + t);
    };
    return new Type(element.prim(), dims, element.ref());
  }

  private static Type declared(DeclaredType d) {
    TypeElement e = (TypeElement) d.asElement();
    String name = e.getQualifiedName().toString();
    if (name.equals("java.lang.String")) {
      return Type.STRING;
    }
    if (name.equals("java.util.List") && d.getTypeArguments().size() == 1
        && d.getTypeArguments().get(0) instanceof DeclaredType item) {
      return Type.listOf(owner((TypeElement) item.asElement()));
    }
    if (!d.getTypeArguments().isEmpty()) {
      throw new IllegalStateException("a parameter of type " + d);
    }
    return e.getKind() == ElementKind.ENUM ? Type.enumOf(owner(e)) : Type.objectOf(owner(e));
  }

  /** The class {@code type}, as generated code names it. */
  static Owner owner(TypeElement type) {
    StringBuilder simple = new StringBuilder(type.getSimpleName());
    Element e = type.getEnclosingElement();
    for (; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      simple.insert(0, t.getSimpleName() + ".");
    }
    String pkg = e instanceof PackageElement p ? p.getQualifiedName().toString() : "";
    return new Owner(pkg, simple.toString());
  }
}
