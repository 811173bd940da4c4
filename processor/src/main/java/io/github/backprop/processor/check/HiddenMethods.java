package io.github.backprop.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;

/**
 * Finds {@code @Differentiable} on methods javac never hands to annotation processors: methods of
 * local classes and records, of anonymous classes and of enum constants' bodies. Without this
 * they would get no gradient and no error.
 */
public final class HiddenMethods {
  private static final String ANNOTATION = "io.github.backprop.Differentiable";

  private final ErrorReporter reporter;
  private final Elements elements;

  public HiddenMethods(ErrorReporter reporter, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
  }

  /**
   * Checks each file as javac enters it again or starts to analyse it, unless a round of the processor checked it
   * ({@code checked}): javac runs no round at all for a file whose only {@code @Differentiable}
   * is on such a method. Nothing under a compiler that is not javac.
   */
  public static void watch(ProcessingEnvironment env, Set<CompilationUnitTree> checked) {
    JavacTask task;
    Trees trees;
    try {
      task = JavacTask.instance(env);
      trees = Trees.instance(env);
    } catch (RuntimeException notJavac) {
      return;
    }
    HiddenMethods hidden = new HiddenMethods(new ErrorReporter(trees, env.getMessager()), env.getElementUtils());
    task.addTaskListener(new TaskListener() {
      @Override
      public void started(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANALYZE) {
          check(e);
        }
      }

      /** Under -proc:only javac analyses nothing, but enters each file again for the round after the first. */
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ENTER) {
          check(e);
        }
      }

      private void check(TaskEvent e) {
        if (e.getCompilationUnit() != null && checked.add(e.getCompilationUnit())) {
          try {
            hidden.check(e.getCompilationUnit());
          } catch (RuntimeException bug) { // never out into javac, which would stop with a stack trace
            env.getMessager().printMessage(javax.tools.Diagnostic.Kind.WARNING, "[BackpropBug] backprop failed while"
                + " looking for hidden @Differentiable methods (" + bug + "). This is a bug in backprop; please report it");
          }
        }
      }
    });
  }

  /** Reports each such method of {@code unit}. */
  public void check(CompilationUnitTree unit) {
    boolean ours = simpleNameIsOurs(unit);
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitMethod(MethodTree m, Boolean hidden) {
        if (Boolean.TRUE.equals(hidden)) {
          for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            if (isDifferentiable(a.getAnnotationType(), ours)) {
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

  private static boolean isDifferentiable(Tree type, boolean simpleNameIsOurs) {
    if (type instanceof IdentifierTree id) {
      return simpleNameIsOurs && id.getName().contentEquals("Differentiable");
    }
    return type instanceof MemberSelectTree ms && ms.toString().equals(ANNOTATION);
  }

  /**
   * Whether {@code Differentiable} in {@code unit} names backprop's annotation, by Java's rules: a
   * single-type import first, then a class of the file or its package, then an import on demand.
   * A project's own annotation of that name is none of backprop's business.
   */
  private boolean simpleNameIsOurs(CompilationUnitTree unit) {
    for (ImportTree i : unit.getImports()) {
      String name = i.getQualifiedIdentifier().toString();
      if (!i.isStatic() && name.endsWith(".Differentiable")) {
        return name.equals(ANNOTATION);
      }
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    if (pkg.equals("io.github.backprop")) {
      return true;
    }
    Boolean declared = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitClass(ClassTree c, Void v) {
        return c.getSimpleName().contentEquals("Differentiable") || Boolean.TRUE.equals(super.visitClass(c, v));
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(unit, null);
    if (Boolean.TRUE.equals(declared) || !pkg.isEmpty() && elements.getTypeElement(pkg + ".Differentiable") != null) {
      return false;
    }
    return unit.getImports().stream()
        .anyMatch(i -> !i.isStatic() && i.getQualifiedIdentifier().toString().equals("io.github.backprop.*"));
  }
}
