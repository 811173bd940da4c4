package io.github.backprop.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The classes of the compilation, to find where one overrides a method backprop runs in place.
 * backprop runs the method the object's declared class has, and holds the object as that class's
 * fields, so an override an object of a subclass would run instead must be refused, never
 * silently differentiated as the method it overrides.
 */
public final class Overrides {
  private final Elements elements;
  private final Set<TypeElement> classes = new LinkedHashSet<>();

  public Overrides(Elements elements) {
    this.elements = elements;
  }

  /** Adds a round's root elements and the classes nested in them. */
  public void addAll(Iterable<? extends Element> roots) {
    for (Element e : roots) {
      if (e instanceof TypeElement t && classes.add(t)) {
        addAll(ElementFilter.typesIn(t.getEnclosedElements()));
      }
    }
  }

  /**
   * The classes of the compilation, below {@code declared}, that override {@code m}, nearest
   * first; empty where no object of {@code declared} can run another method ({@code m} or the
   * class final, private or static, a record, an enum).
   */
  public List<TypeElement> of(ExecutableElement m, TypeElement declared) {
    List<TypeElement> out = new ArrayList<>();
    if (m.getModifiers().contains(Modifier.FINAL) || m.getModifiers().contains(Modifier.PRIVATE)
        || m.getModifiers().contains(Modifier.STATIC) || declared.getModifiers().contains(Modifier.FINAL)
        || Records.isRecord(declared)) {
      return out;
    }
    for (TypeElement c : classes) {
      if (!c.equals(declared) && below(c, declared) && overrides(c, m)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether {@code c} itself declares a method that overrides {@code m}. */
  private boolean overrides(TypeElement c, ExecutableElement m) {
    for (ExecutableElement o : ElementFilter.methodsIn(c.getEnclosedElements())) {
      if (o.getSimpleName().equals(m.getSimpleName()) && elements.overrides(o, m, c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean below(TypeElement c, TypeElement declared) {
    for (TypeElement t = superclass(c); t != null; t = superclass(t)) {
      if (t.equals(declared)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement superclass(TypeElement t) {
    return t.getSuperclass() instanceof DeclaredType d && d.asElement() instanceof TypeElement s ? s : null;
  }

  /** The error for {@code m} of a {@code declared} object, which {@code subclasses} override. */
  public static String message(ExecutableElement m, TypeElement declared, List<TypeElement> subclasses) {
    String name = m.getSimpleName().toString();
    String type = declared.getSimpleName().toString();
    String subs = String.join(", ", subclasses.stream().map(s -> s.getSimpleName().toString()).toList());
    return "'" + name + "' of " + type + " is overridden in " + subs + ", and backprop runs the method "
        + type + " declares, not the override an object of " + subs + " runs: make '" + name + "' final in "
        + type + " (or " + type + " final), and for objects of " + subs + " differentiate a method"
        + " declared there, whose calls run the override";
  }
}
