package io.github.backprop.processor.read;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Functional interfaces: the one method a lambda given as one implements. */
final class FunctionalInterfaces {
  private FunctionalInterfaces() {}

  /** Whether a parameter of this type takes a functional value backprop reads in place. */
  static boolean isFunctional(TypeMirror t) {
    return t instanceof DeclaredType d && d.asElement() instanceof TypeElement type
        && (method(type) != null || ContinuedFractions.of(type) != null);
  }

  /** The one abstract method of a functional interface, or null. */
  static ExecutableElement method(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      return null;
    }
    ExecutableElement found = null;
    for (ExecutableElement m : abstractMethods(type, new ArrayList<>())) {
      if (found != null && !found.getSimpleName().equals(m.getSimpleName())) {
        return null;
      }
      found = found == null ? m : found;
    }
    return found;
  }

  private static List<ExecutableElement> abstractMethods(TypeElement type, List<ExecutableElement> out) {
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      String name = m.getSimpleName().toString();
      boolean ofObject = name.equals("equals") && m.getParameters().size() == 1
          || (name.equals("hashCode") || name.equals("toString")) && m.getParameters().isEmpty();
      if (m.getModifiers().contains(Modifier.ABSTRACT) && !ofObject) {
        out.add(m);
      }
    }
    for (TypeMirror i : type.getInterfaces()) {
      if (i instanceof DeclaredType d && d.asElement() instanceof TypeElement e) {
        abstractMethods(e, out);
      }
    }
    return out;
  }
}
