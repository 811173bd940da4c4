package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.rules.Distributions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the rule row for a method called on an object: the object's own class first, then its
 * superclasses and interfaces, nearest first, so that a normal distribution's density has its
 * own row while a Student one's cumulative probability uses the interface's.
 */
final class ObjectRules {
  private ObjectRules() {}

  /** The class whose row differentiates {@code name} with {@code arity} arguments, or null. */
  static Owner find(TypeElement type, String name, int arity) {
    Deque<TypeElement> queue = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      TypeElement t = queue.poll();
      if (!seen.add(t)) {
        continue;
      }
      Owner owner = Resolver.owner(t);
      if (Distributions.find(owner, name, arity + 1) != null) {
        return owner;
      }
      add(queue, t.getSuperclass());
      t.getInterfaces().forEach(i -> add(queue, i));
    }
    return null;
  }

  private static void add(Deque<TypeElement> queue, TypeMirror t) {
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e) {
      queue.add(e);
    }
  }
}
