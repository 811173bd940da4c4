package io.github.backprop.processor.read;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * What the reader needs of objects it holds as their fields (records' and plain classes'
 * instance methods, and the objects' fields) beyond {@link Records}: the methods a call on an
 * object may run, and the messages for what it cannot follow.
 */
final class HeldObjects {
  private HeldObjects() {}

  /** The instance methods {@code name} of a record or held class, a subclass's before those it overrides. */
  static List<ExecutableElement> instanceMethods(TypeElement type, String name) {
    List<ExecutableElement> out = new ArrayList<>();
    for (TypeElement t = type; t != null; ) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(name) && !m.getModifiers().contains(Modifier.STATIC)
            && out.stream().noneMatch(o -> sameParameters(o, m))) {
          out.add(m);
        }
      }
      t = Records.heldSuperclass(t);
    }
    defaults(type, name, out);
    return out;
  }

  /** The default methods {@code name} of the interfaces {@code type} implements, nearest first, that nothing before overrides. */
  private static void defaults(TypeElement type, String name, List<ExecutableElement> out) {
    for (javax.lang.model.type.TypeMirror i : type.getInterfaces()) {
      if (i instanceof DeclaredType d && d.asElement() instanceof TypeElement face && face.getTypeParameters().isEmpty()) {
        for (ExecutableElement m : ElementFilter.methodsIn(face.getEnclosedElements())) {
          if (m.getSimpleName().contentEquals(name) && m.getModifiers().contains(Modifier.DEFAULT)
              && out.stream().noneMatch(o -> sameParameters(o, m))) {
            out.add(m);
          }
        }
        defaults(face, name, out);
      }
    }
  }

  /** Whether {@code a} and {@code b} take parameters of the same types. */
  static boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    if (a.getParameters().size() != b.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!a.getParameters().get(i).asType().toString().equals(b.getParameters().get(i).asType().toString())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why the generated class in package {@code from} cannot pass field {@code name} of a held
   * class in (it is not public, and the class is in another package); null where it can.
   */
  static String invisibleField(TypeElement type, String name, javax.lang.model.element.PackageElement from) {
    VariableElement f = Records.isRecord(type) ? null : Records.field(type, name);
    if (f == null || f.getModifiers().contains(Modifier.PUBLIC) || Resolver.packageOf(f).equals(from)) {
      return null;
    }
    return "field '" + name + "' of " + type.getSimpleName() + " is not public, and the generated class,"
        + " in another package, passes every field of the object in: make it public, or private if the"
        + " method does not read it";
  }

  static String fieldWrite(String field, String object) {
    return "writing to field '" + field + "' of " + object + " is not supported: a differentiable method"
        + " leaves the objects it reads as they are; compute the new value into a local variable and"
        + " return it, or write the field outside the differentiable method";
  }

  static String arrayFieldWrite(String field, String object, Object at) {
    return "writing into the array of field '" + field + "' of '" + object + "' ('" + at + "') is not"
        + " supported: a differentiable method leaves the objects it reads as they are; copy the array"
        + " (double[] w2 = w.clone();) and write the copy";
  }

  static String recursion(String name, String kind) {
    return "'" + name + "' of " + kind + " calls itself, directly or through other methods, and backprop"
        + " runs an object's methods in place: write the recursion as a static @Differentiable method"
        + " that takes the fields it needs as double parameters";
  }

  static String unreadableMethod(String name, String object) {
    return "calling '" + name + "' on a " + object + " object is not supported: backprop runs a method of"
        + " an object in place, and needs its source and a body without generics or varargs; read the"
        + " fields instead, or pass what the method needs as parameters";
  }

  static String notHere(String object, Object at, Iterable<String> fields) {
    return "a " + object + " object ('" + at + "') cannot be used here: backprop holds such an object as"
        + " its fields; read them (" + String.join(", ", fields) + "), call its methods, or pass it to a"
        + " static helper of the compilation";
  }

  static String newObject(String type) {
    return "a variable of class " + type + " must name an object the method is given (this, a field or a"
        + " parameter): backprop holds such objects as their fields, and cannot follow one created or"
        + " returned here, nor what its methods change in it; keep running values in local variables"
        + " (double sum = 0; sum += x;), make " + type + " a record whose methods return a new one ("
        + type + " add(double x) { return new " + type + "(sum + x); }, then a = a.add(x);), or pass the"
        + " object in";
  }
}
