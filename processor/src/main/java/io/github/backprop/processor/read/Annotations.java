package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.names.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * What {@code @Differentiable} says of a method, and the names and types the other stages ask of
 * the reader about declarations: whether a method is annotated, its {@code wrt} and flags, its
 * result record's name, the model's name for a class.
 */
public final class Annotations {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  private Annotations() {}

  /** The result record name of every {@code @Differentiable} method of a class. */
  public static Map<ExecutableElement, String> recordNames(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (isDifferentiable(m)) {
        methods.add(m);
      }
    }
    return GeneratedNames.records(
        methods,
        m -> new GeneratedNames.Signature(m.getSimpleName().toString(), namingTypes(m)),
        GeneratedNames.gradClass(Resolver.owner(type)).simpleNames());
  }

  /** The parameter types that name an overload's record: a record parameter by its record ({@code FPoint}). */
  private static List<Type> namingTypes(ExecutableElement m) {
    List<Type> types = new ArrayList<>(Resolver.paramTypes(m));
    for (int i = 0; i < types.size(); i++) {
      TypeElement record = Records.heldOf(m.getParameters().get(i).asType());
      if (types.get(i) == null && record != null) {
        types.set(i, Type.objectOf(Resolver.owner(record)));
      }
    }
    return types;
  }

  /** Our type for a String or an enum, which a differentiable method passes through; or null. */
  public static Type referenceType(javax.lang.model.type.TypeMirror t) {
    return Resolver.referenceType(t);
  }

  /** Whether the generated class, next to {@code method}, can name {@code type}. */
  public static boolean visibleFrom(TypeElement type, ExecutableElement method) {
    return Resolver.visibleFrom(type, Resolver.packageOf(method));
  }

  /** The model's name for a class. */
  public static Owner owner(TypeElement type) {
    return Resolver.owner(type);
  }

  /**
   * The parameter names of {@code @Differentiable(wrt = ...)}, or null where it names none: then
   * every floating-point parameter is differentiated.
   */
  public static java.util.Set<String> wrt(Element method) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (!a.getAnnotationType().toString().equals(ANNOTATION)) {
        continue;
      }
      for (var e : a.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
          java.util.Set<String> names = new java.util.LinkedHashSet<>();
          for (Object v : values) {
            names.add(String.valueOf(((javax.lang.model.element.AnnotationValue) v).getValue()));
          }
          return names.isEmpty() ? null : names;
        }
      }
    }
    return null;
  }

  /** A name {@code @Differentiable(wrt = ...)} lists more than once, or null. */
  public static String wrtTwice(Element method) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().equals(ANNOTATION)) {
        for (var e : a.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Object v : values) {
              String name = String.valueOf(((javax.lang.model.element.AnnotationValue) v).getValue());
              if (!seen.add(name)) {
                return name;
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** Whether {@code @Differentiable(hessian = true)} asks for second order. */
  static boolean secondOrder(Element method) {
    return flag(method, "hessian");
  }

  /** Whether {@code method}'s {@code @Differentiable} sets the boolean element {@code name}. */
  public static boolean flag(Element method, String name) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().equals(ANNOTATION)) {
        for (var e : a.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals(name) && Boolean.TRUE.equals(e.getValue().getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether another {@code @Differentiable} method of {@code owner} has m's name and arity. */
  static boolean overloaded(TypeElement owner, ExecutableElement m) {
    for (Element e : owner.getEnclosedElements()) {
      if (e != m
          && e instanceof ExecutableElement other
          && other.getSimpleName().contentEquals(m.getSimpleName())
          && other.getParameters().size() == m.getParameters().size()
          && isDifferentiable(other)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isDifferentiable(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().toString().equals(ANNOTATION));
  }
}
