package io.github.backprop.processor.check;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.read.Records;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The declaration of a {@code @Differentiable} instance method: the generated method takes the
 * object as a first parameter {@code self} and holds it as its fields, so the object must be
 * one backprop can hold that way (a record, or a concrete class that is not generic).
 */
final class InstanceMethods {
  private InstanceMethods() {}

  static void check(ExecutableElement m, ErrorReporter reporter) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    String name = m.getSimpleName().toString();
    boolean inner =
        owner.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
            && owner.getKind() == javax.lang.model.element.ElementKind.CLASS
            && !owner.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
    // An inner class has its own error, which says to make it static (Signature); an abstract
    // method, which says it has no body.
    if (!Records.isRecord(owner) && !Records.isHeldClass(owner) && !inner
        && !m.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
      String what =
          switch (owner.getKind()) {
            case ENUM -> "an enum";
            case INTERFACE -> "an interface";
            default -> !owner.getTypeParameters().isEmpty() ? "a generic class"
                : owner.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT) ? "an abstract class"
                : "a class backprop cannot hold (local, anonymous or an exception)";
          };
      reporter.error(
          Tag.SIGNATURE,
          "@Differentiable instance method '" + name + "' belongs to " + what + " (" + owner.getSimpleName()
              + "), whose objects backprop cannot hold as their fields: make the method static and pass"
              + " what it reads from the object as parameters",
          m);
    }
    for (ExecutableElement other : javax.lang.model.util.ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (other.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          && other.getSimpleName().contentEquals(name)
          && io.github.backprop.processor.read.Annotations.isDifferentiable(other)
          && takesSelfThen(other, owner, m)) {
        reporter.error(
            Tag.SIGNATURE,
            "the generated method of instance method '" + name + "' takes the object first, so it would"
                + " have the parameters of the gradient of static method '" + name + "' beside it:"
                + " rename one of the two",
            m);
      }
    }
    for (VariableElement p : m.getParameters()) {
      if (p.getSimpleName().contentEquals("self")) {
        reporter.error(
            Tag.SIGNATURE,
            "the generated method of instance method '" + name + "' takes the object as its first"
                + " parameter, named 'self': rename this parameter",
            p);
      }
    }
  }

  /** Whether static {@code other} takes (owner, m's parameter types...). */
  private static boolean takesSelfThen(ExecutableElement other, TypeElement owner, ExecutableElement m) {
    List<? extends VariableElement> o = other.getParameters();
    if (o.size() != m.getParameters().size() + 1 || !o.get(0).asType().toString().equals(owner.asType().toString())) {
      return false;
    }
    for (int i = 0; i < m.getParameters().size(); i++) {
      if (!o.get(i + 1).asType().toString().equals(m.getParameters().get(i).asType().toString())) {
        return false;
      }
    }
    return true;
  }

  /** {@code wrt = "this"}: the object's fields, which must include a differentiable one. */
  static void checkWrtThis(ExecutableElement m, ErrorReporter reporter) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    if ((Records.isRecord(owner) || Records.isHeldClass(owner)) && !Records.differentiable(owner)) {
      List<String> leftOut = Records.leftOutFields(owner);
      if (!leftOut.isEmpty()) {
        // Fields there are, but none backprop can hold: say why, rather than that there are none.
        reporter.error(
            Tag.SIGNATURE,
            "wrt names 'this', but backprop holds no field of " + owner.getSimpleName() + " that carries a"
                + " derivative: " + String.join("; ", leftOut),
            m);
        return;
      }
      reporter.error(
          Tag.SIGNATURE,
          "wrt names 'this', but " + owner.getSimpleName() + " has no field of type double, float or"
              + " arrays of them that is not private: name the method's parameters instead",
          m);
    }
  }
}
