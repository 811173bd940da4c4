package io.github.backprop.processor.ir;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * A method declared to return {@code Double} or {@code Float}, as code that keeps its numbers in
 * collections often is: it is differentiated as one returning the primitive, whose value the
 * gradient's record holds unboxed.
 */
public final class BoxedResult {
  private BoxedResult() {}

  /** Whether {@code m} returns {@code java.lang.Double} or {@code java.lang.Float}. */
  public static boolean is(ExecutableElement m) {
    return boxOf(m.getReturnType()) != null;
  }

  /** Whether {@code m} returns {@code java.lang.Float}. */
  public static boolean isFloat(ExecutableElement m) {
    return "java.lang.Float".equals(boxOf(m.getReturnType()));
  }

  /** {@code double} for a method returning {@code Double}, {@code float} for {@code Float}, else null. */
  public static Type type(ExecutableElement m) {
    return !is(m) ? null : isFloat(m) ? Type.FLOAT : Type.DOUBLE;
  }

  private static String boxOf(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      String name = d.asElement().toString();
      if (name.equals("java.lang.Double") || name.equals("java.lang.Float")) {
        return name;
      }
    }
    return null;
  }
}
