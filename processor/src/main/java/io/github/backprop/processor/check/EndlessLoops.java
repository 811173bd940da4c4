package io.github.backprop.processor.check;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.HashSet;
import java.util.Set;

/**
 * Loops that end only by an exception ({@code for (;;)}, {@code while (true)} with no break out of
 * them and no return inside) where the gradient's code after them could never run: anywhere but in
 * a branch of an {@code if} outside loops. javac accepts such a method, but not the gradient's code
 * after the loop, which it would find unreachable.
 */
public final class EndlessLoops {
  private final ErrorReporter reporter;

  public EndlessLoops(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Reports each such loop of {@code body}; returns how many it found. */
  public int check(Tree body, CompilationUnitTree unit) {
    int before = reporter.errorCount();
    new TreeScanner<Void, Boolean>() {
      /**
       * Whether the statement being scanned is outside every if: an if whose branch never ends
       * still ends, and so does the gradient's code for it.
       */
      private boolean topLevel = true;

      @Override
      public Void scan(Tree tree, Boolean inLoop) {
        if (tree == null) {
          return null;
        }
        boolean loop = isLoop(tree);
        if (loop && (inLoop || topLevel) && endless(tree)) {
          reporter.error(
              Tag.UNSUPPORTED,
              "this loop ends only by an exception (no condition that can be false, no break out of it, no"
                  + " return inside), so the gradient's code that must follow it could never run, which Java"
                  + " forbids: give the loop a way out, a condition, a break or a return",
              tree,
              unit);
        }
        boolean was = topLevel;
        topLevel = topLevel && tree.getKind() != Tree.Kind.IF;
        try {
          return super.scan(tree, inLoop || loop);
        } finally {
          topLevel = was;
        }
      }

      @Override
      public Void visitClass(ClassTree c, Boolean inLoop) {
        return null; // a local class's loops are its own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Boolean inLoop) {
        return null;
      }
    }.scan(body, false);
    return reporter.errorCount() - before;
  }

  private static boolean isLoop(Tree t) {
    return t instanceof WhileLoopTree || t instanceof DoWhileLoopTree || t instanceof ForLoopTree;
  }

  /** Whether {@code loop}'s condition is always true and nothing inside leaves it but a throw. */
  private static boolean endless(Tree loop) {
    ExpressionTree condition = loop instanceof WhileLoopTree w ? w.getCondition()
        : loop instanceof DoWhileLoopTree d ? d.getCondition()
        : ((ForLoopTree) loop).getCondition();
    if (condition != null && !alwaysTrue(condition)) {
      return false;
    }
    StatementTree body = loop instanceof WhileLoopTree w ? w.getStatement()
        : loop instanceof DoWhileLoopTree d ? d.getStatement()
        : ((ForLoopTree) loop).getStatement();
    return !leaves(body);
  }

  private static boolean alwaysTrue(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue());
  }

  /**
   * Whether {@code body}, a loop's, may leave the loop: a return, a break out of it, or a
   * labelled break or continue to a statement around it.
   */
  private static boolean leaves(StatementTree body) {
    Set<String> inside = new HashSet<>(); // labels declared in the body
    Boolean found = new TreeScanner<Boolean, Integer>() {
      @Override
      public Boolean visitReturn(ReturnTree r, Integer depth) {
        return true;
      }

      @Override
      public Boolean visitBreak(BreakTree b, Integer depth) {
        return b.getLabel() == null ? depth == 0 : !inside.contains(b.getLabel().toString());
      }

      @Override
      public Boolean visitContinue(ContinueTree c, Integer depth) {
        return c.getLabel() != null && !inside.contains(c.getLabel().toString());
      }

      @Override
      public Boolean visitLabeledStatement(LabeledStatementTree l, Integer depth) {
        inside.add(l.getLabel().toString());
        return super.visitLabeledStatement(l, depth);
      }

      /** {@code depth}: the loops and switches around, inside the body, that an unlabelled break leaves. */
      @Override
      public Boolean scan(Tree t, Integer depth) {
        boolean breakable = isLoop(t) || t instanceof EnhancedForLoopTree || t instanceof SwitchTree;
        return super.scan(t, breakable ? depth + 1 : depth);
      }

      @Override
      public Boolean visitClass(ClassTree c, Integer depth) {
        return false;
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree l, Integer depth) {
        return false;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(body, 0);
    return Boolean.TRUE.equals(found);
  }
}
