package io.github.backprop.processor.check;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;

/**
 * What a {@code @Differentiable} method returning {@code double[]} may not be: the Hessian of a
 * vector has no single matrix.
 */
final class VectorSignature {
  private VectorSignature() {}

  /** Whether {@code m} returns {@code double[]}: a vector-valued method. */
  static boolean returnsVector(ExecutableElement m) {
    return m.getReturnType() instanceof ArrayType a && a.getComponentType().getKind() == TypeKind.DOUBLE;
  }

  static void check(ExecutableElement m, ErrorReporter reporter) {
    String name = m.getSimpleName().toString();
    if (flag(m, "hessian")) {
      reporter.error(
          Tag.UNSUPPORTED,
          "hessian = true does not support '" + name + "', which returns double[]: second order"
              + " needs a double result; " + name + "Vjp, " + name + "Jacobian and, with forward"
              + " = true, " + name + "Jvp give its first derivatives",
          m);
    }
  }

  private static boolean flag(ExecutableElement m, String name) {
    for (AnnotationMirror a : m.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().equals("io.github.backprop.Differentiable")) {
        for (var e : a.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals(name) && Boolean.TRUE.equals(e.getValue().getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
