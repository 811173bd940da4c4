package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Calls whose meaning Java defines in terms of what backprop already reads. */
final class JavaDefinedCalls {
  private JavaDefinedCalls() {}

  /**
   * {@code s.inner()} or {@code q.minus(p)} on a record of data, where nothing passed carries a
   * derivative: another record of data, made as Java makes it; null for any other call.
   */
  static Expr onDataRecord(Expr receiver, ExecutableElement m, List<Expr> args) {
    TypeElement made = Records.recordOf(m.getReturnType());
    if (!SessionPart.isData(receiver) || made == null || !args.stream().allMatch(JavaDefinedCalls::carriesNothing)) {
      return null;
    }
    List<Object> parts = new ArrayList<>(List.of(receiver, "." + m.getSimpleName() + "("));
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        parts.add(", ");
      }
      parts.add(args.get(i));
    }
    parts.add(")");
    return new Expr.Foreign(parts, Type.objectOf(Resolver.owner(made)));
  }

  /**
   * Whether {@code receiver.m(args)} is a method of a record of data, written in this compilation,
   * given a value that may carry a derivative: its body is then read in place.
   */
  static boolean readsOnData(com.sun.source.util.Trees trees, Expr receiver, ExecutableElement m, List<Expr> args) {
    boolean constant = receiver.type() != null && receiver.type().dims() == 0 && receiver.type().prim() == Type.Prim.ENUM
        && m.getEnclosingElement().getKind() == javax.lang.model.element.ElementKind.ENUM; // p.surfaceGravity(g) of a Planet
    if (!(constant || SessionPart.isData(receiver) && m.getEnclosingElement().getKind() == javax.lang.model.element.ElementKind.RECORD)
        || Resolver.isStatic(m) || args.stream().allMatch(JavaDefinedCalls::carriesNothing) || !m.getTypeParameters().isEmpty() || m.isVarArgs()) {
      return false;
    }
    com.sun.source.tree.MethodTree tree = trees.getTree(m);
    return tree != null && tree.getBody() != null;
  }

  /** A record of data, a constant, or a value of a type with no derivative (an index, a flag). */
  private static boolean carriesNothing(Expr a) {
    return SessionPart.isData(a) || a instanceof Expr.Literal
        || (a.type() != null && !a.type().isDifferentiable() && !a.type().isArray());
  }

  /** {@code Double.sum}, {@code max} or {@code min} (or {@code Float}'s): {@code a + b} and Math's. */
  static boolean isBoxArithmetic(TypeElement declaring, String name, List<Expr> args) {
    String box = declaring.getQualifiedName().toString();
    return (box.equals("java.lang.Double") || box.equals("java.lang.Float"))
        && (name.equals("sum") || name.equals("max") || name.equals("min"))
        && args.size() == 2;
  }

  /** {@code Math.max} or {@code Math.min} of two values of {@code type}. */
  static ExecutableElement mathTwin(Elements elements, String name, Type type) {
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getTypeElement("java.lang.Math").getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == 2
          && type.equals(Resolver.typeOf(m.getParameters().get(0).asType()))) {
        return m;
      }
    }
    throw new IllegalStateException("no Math." + name + " of " + type);
  }
}
