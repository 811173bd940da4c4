package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * {@code new DoubleUnaryOperator() { public double applyAsDouble(double t) { ... } }}: code
 * written before Java 8, or against an interface of its own, implements a functional interface
 * with an anonymous class. Holding nothing but the one method, it is a lambda with a longer
 * spelling, and is read as one: its method's body in place of each call.
 */
final class AnonymousFunctions {
  private AnonymousFunctions() {}

  /** Whether {@code new base() { ... }} is read as a lambda: base is a functional interface backprop has no algorithm for. */
  static boolean isFunction(TypeElement base) {
    return base != null && ContinuedFractions.of(base) == null && FunctionalInterfaces.method(base) != null;
  }

  /** Whether the functional value written at {@code tree} is such an object. */
  static boolean isFunction(FunctionValues.Fn fn) {
    return fn.tree instanceof NewClassTree n && isFunction(fn.home.resolver.type(n.getIdentifier()));
  }

  /** The method implementing the interface's, the class's one member besides a constructor javac added. */
  static MethodTree implementation(NewClassTree n) {
    for (Tree member : n.getClassBody().getMembers()) {
      if (member instanceof MethodTree m && !m.getName().contentEquals("<init>")) {
        return m;
      }
    }
    return null;
  }

  /**
   * Rejects an anonymous class backprop cannot hold as its methods: one of a type that is
   * neither a functional interface nor a ContinuedFraction, or one with a member besides the
   * methods read (a field, or a second method, is state no lambda holds).
   */
  static void check(NewClassTree n, TypeElement base, ErrorReporter reporter, CompilationUnitTree unit) {
    boolean function = isFunction(base);
    if (!function && (base == null || ContinuedFractions.of(base) == null)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an anonymous class is supported as an object of a functional interface, or as a"
              + " ContinuedFraction of Hipparchus or Commons Math (its getA and getB read in place of"
              + " its evaluate): declare the class outside the method, or write a lambda",
          n,
          unit);
    }
    ExecutableElement sam = function ? FunctionalInterfaces.method(base) : null;
    for (Tree member : n.getClassBody().getMembers()) {
      boolean read = member instanceof MethodTree m && m.getBody() != null
          && (function
              ? m.getName().contentEquals(sam.getSimpleName()) && m.getParameters().size() == sam.getParameters().size()
              : (m.getName().contentEquals("getA") || m.getName().contentEquals("getB")) && m.getParameters().size() == 2);
      if (!read && !(member instanceof MethodTree c && c.getName().contentEquals("<init>"))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            function
                ? "an anonymous " + base.getSimpleName() + " is read as a lambda, so it may hold only its "
                    + sam.getSimpleName() + ": move the rest into the enclosing method, or declare the"
                    + " class outside the method"
                : "an anonymous " + base.getSimpleName() + " may hold only its getA and getB: move the"
                    + " rest into the enclosing method",
            member,
            unit);
      }
    }
    if (!n.getArguments().isEmpty() || function && implementation(n) == null) {
      throw reporter.abortQuietly(); // javac: an interface takes no arguments, and its method must be implemented
    }
  }
}
