package io.github.backprop.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;

/**
 * Finds {@code @Differentiable} on methods javac never hands to annotation processors: methods of
 * local classes and records, of anonymous classes and of enum constants' bodies. Without this
 * they would get no gradient and no error.
 */
public final class HiddenMethods {
  private final ErrorReporter reporter;

  public HiddenMethods(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Reports each such method of {@code unit}. */
  public void check(CompilationUnitTree unit) {
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitMethod(MethodTree m, Boolean hidden) {
        if (Boolean.TRUE.equals(hidden)) {
          for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            if (isDifferentiable(a.getAnnotationType())) {
              reporter.error(
                  Tag.SIGNATURE,
                  "@Differentiable on a method of a local, anonymous or enum-constant class is not"
                      + " supported: javac does not show such classes to annotation processors;"
                      + " move the method to a top-level or static nested class",
                  a,
                  unit);
            }
          }
        }
        // Everything declared inside a method body is local.
        scan(m.getModifiers(), hidden);
        scan(m.getParameters(), hidden);
        return scan(m.getBody(), true);
      }

      @Override
      public Void visitNewClass(NewClassTree n, Boolean hidden) {
        scan(n.getArguments(), hidden);
        return scan(n.getClassBody(), true); // an anonymous class, or an enum constant's body
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Boolean hidden) {
        return scan(l.getBody(), true);
      }
    }.scan(unit, false);
  }

  private static boolean isDifferentiable(Tree type) {
    if (type instanceof IdentifierTree id) {
      return id.getName().contentEquals("Differentiable");
    }
    return type instanceof MemberSelectTree ms && ms.toString().equals("io.github.backprop.Differentiable");
  }
}
