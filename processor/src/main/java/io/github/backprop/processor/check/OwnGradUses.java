package io.github.backprop.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Owner;

/**
 * A {@code @Differentiable} method that uses the Grad class backprop writes from its own class:
 * that class does not exist while the method is read, and would be a gradient to differentiate
 * again. Without this, javac's only word was that it cannot find the class, and the class's other
 * gradients were not written either.
 */
public final class OwnGradUses {
  private final ErrorReporter reporter;

  public OwnGradUses(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Reports each use of {@code grad} in the body of {@code method}; returns how many it found. */
  public int check(MethodTree method, CompilationUnitTree unit, Owner grad) {
    int before = reporter.errorCount();
    // A parameter or local of that name is no use of the class: `double CGrad` is just a name.
    java.util.Set<String> variables = new java.util.HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        variables.add(v.getName().toString());
        return super.visitVariable(v, unused);
      }
    }.scan(method, null);
    String message = "'" + method.getName() + "' uses " + grad.simpleNames() + ", the class backprop writes from this class's"
        + " @Differentiable methods: a @Differentiable method cannot use its own class's gradients, which are"
        + " written from it. Use " + grad.simpleNames() + " in a method that is not @Differentiable, or write"
        + " here, as Java, the derivative you need";
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void v) {
        if (id.getName().contentEquals(grad.simpleNames()) && !variables.contains(grad.simpleNames())) {
          reporter.error(Tag.UNSUPPORTED, message, id, unit);
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree s, Void v) {
        if (s.toString().equals(grad.canonicalName())) {
          reporter.error(Tag.UNSUPPORTED, message, s, unit);
          return null;
        }
        return super.visitMemberSelect(s, v);
      }

      @Override
      public Void visitClass(ClassTree c, Void v) {
        return null; // a local class is code of its own, which the fence reports if it matters
      }
    }.scan(method.getBody(), null);
    return reporter.errorCount() - before;
  }
}
