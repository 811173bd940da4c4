package io.github.backprop.processor.check;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.read.Annotations;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/**
 * A method named as backprop names another one's second-order method ({@code fHvp} or {@code
 * fHessian} beside {@code f} with {@code hessian = true}): their result records would share a
 * name, so the Grad class could not compile.
 */
final class GeneratedNameClash {
  private GeneratedNameClash() {}

  static void check(ExecutableElement m, ErrorReporter reporter) {
    String name = m.getSimpleName().toString().toLowerCase(Locale.ROOT);
    for (ExecutableElement other : ElementFilter.methodsIn(m.getEnclosingElement().getEnclosedElements())) {
      if (other == m || !Annotations.isDifferentiable(other)) {
        continue;
      }
      String base = other.getSimpleName().toString();
      String clash = clash(name, base, flag(other, "hessian"), sameParameters(m, other));
      if (clash != null) {
        reporter.error(
            Tag.SIGNATURE,
            "@Differentiable method '" + m.getSimpleName() + "' has the name backprop gives to the " + clash
                + " of '" + base + "', and their generated records would clash: rename one of them",
            m);
        return;
      }
    }
  }

  /**
   * The clash of {@code name} with {@code base}'s second-order records, or null. Forward mode's
   * record is numbered where it clashes; a method {@code fHessian} of {@code f}'s parameters clashes
   * as a method too, which {@code LeftOut} reports.
   */
  private static String clash(String name, String base, boolean hessian, boolean sameParameters) {
    String b = base.toLowerCase(Locale.ROOT);
    if (hessian && name.equals(b + "hvp")) {
      return "Hessian-vector product (hessian = true)";
    }
    if (hessian && !sameParameters && name.equals(b + "hessian")) {
      return "Hessian (hessian = true)";
    }
    return null;
  }

  private static boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    return a.getParameters().stream().map(p -> p.asType().toString()).toList()
        .equals(b.getParameters().stream().map(p -> p.asType().toString()).toList());
  }

  private static boolean flag(Element method, String name) {
    return Annotations.flag(method, name);
  }
}
