package io.github.backprop.processor.read;

import com.sun.source.tree.MemberSelectTree;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * A static field read through an object the method holds, {@code this.SCALE} or {@code i.SCALE},
 * as Java allows (with a lint warning): it is the class's field, read as {@code Interval.SCALE}
 * is. Found by name in the object's class and its superclasses, never through javac's trees,
 * which would make javac attribute the class before its time.
 */
final class StaticThroughInstance {
  private StaticThroughInstance() {}

  /**
   * {@code named} when the receiver names a class; else the class declaring the static field
   * {@code t} reads through {@code held}, or null. A receiver making an object of a class javac
   * does not know stops quietly.
   */
  static TypeElement typeOr(TypeElement named, RecordValue held, ReadSession session, MemberSelectTree t) {
    if (named != null) {
      return named;
    }
    if (t.getExpression() instanceof com.sun.source.tree.NewClassTree n && session.resolver.type(n.getIdentifier()) == null) {
      throw session.reporter.abortQuietly(); // new Missing().v: javac reports the unknown class
    }
    String name = t.getIdentifier().toString();
    for (TypeElement c = held == null ? null : held.type; c != null;
        c = c.getSuperclass() instanceof DeclaredType s && s.asElement() instanceof TypeElement sup ? sup : null) {
      for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(name) && f.getModifiers().contains(Modifier.STATIC)) {
          return c;
        }
      }
    }
    return null;
  }
}
