package io.github.backprop.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code @Checkpointed} marker on a loop counter, as written: where it may stand, and what the
 * loop's body may do, checked on javac's trees before the method is read. The loop's shape and
 * state are checked after reading ({@code derive/Checkpointing}).
 */
public final class CheckpointMarks {
  private static final String PACKAGE = "io.github.backprop";
  private static final String NAME = PACKAGE + ".Checkpointed";
  static final String EXAMPLE = "for (@Checkpointed(snapshots = 64) int i = 0; i < n; i++)";

  private final ErrorReporter reporter;

  /**
   * The marked loops of {@code @Differentiable} methods' own bodies that passed {@link #check}:
   * only these are checkpointed. A marker in a helper whose body runs inside such a method is not
   * checked, and not followed: that loop is taped like any other.
   */
  private static final Set<Tree> CHECKED =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  /** Whether {@code loop} (a for loop, perhaps labelled) is a marked loop that {@link #check} passed. */
  public static boolean checked(Tree loop) {
    while (loop instanceof LabeledStatementTree l) {
      loop = l.getStatement();
    }
    return loop != null && CHECKED.contains(loop);
  }

  public CheckpointMarks(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Whether {@code a} is {@code @Checkpointed}, by the name this file gives it. */
  public static boolean isMarker(AnnotationTree a, CompilationUnitTree unit) {
    String written = a.getAnnotationType().toString();
    if (written.equals(NAME)) {
      return true;
    }
    if (!written.equals("Checkpointed")) {
      return false;
    }
    if (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE)) {
      return true;
    }
    for (ImportTree i : unit.getImports()) {
      String q = i.getQualifiedIdentifier().toString();
      if (!i.isStatic() && (q.equals(NAME) || q.equals(PACKAGE + ".*"))) {
        return true;
      }
    }
    return false;
  }

  /** The {@code @Checkpointed} on the counter of {@code tree} (a for loop, perhaps labelled), or null. */
  public static AnnotationTree marker(Tree tree, CompilationUnitTree unit) {
    while (tree instanceof LabeledStatementTree l) {
      tree = l.getStatement();
    }
    if (!(tree instanceof ForLoopTree f)) {
      return null;
    }
    for (Tree init : f.getInitializer()) {
      if (init instanceof VariableTree v) {
        for (AnnotationTree a : v.getModifiers().getAnnotations()) {
          if (isMarker(a, unit)) {
            return a;
          }
        }
      }
    }
    return null;
  }

  /** The {@code snapshots} value when written as an int literal, else null. */
  public static Integer snapshots(AnnotationTree a) {
    return literal(a, "snapshots", null);
  }

  /** The {@code segment} value when written as an int literal, its default when left out, else null. */
  public static Integer segment(AnnotationTree a) {
    return literal(a, "segment", DEFAULT_SEGMENT);
  }

  /** The default of {@code Checkpointed.segment()}, which the processor cannot read from the class. */
  static final int DEFAULT_SEGMENT = 64;

  private static Integer literal(AnnotationTree a, String name, Integer absent) {
    for (ExpressionTree arg : a.getArguments()) {
      if (arg instanceof AssignmentTree as && as.getVariable().toString().equals(name)) {
        return as.getExpression() instanceof LiteralTree lit && lit.getValue() instanceof Integer v ? v : null;
      }
    }
    return absent;
  }

  /** Reports every misplaced marker and every jump out of a marked loop; returns how many. */
  public int check(MethodTree method, CompilationUnitTree unit) {
    int before = reporter.errorCount();
    BlockTree body = method.getBody();
    Set<Tree> topLevel = new HashSet<>();
    for (Tree s : body.getStatements()) {
      while (s instanceof LabeledStatementTree l) {
        s = l.getStatement();
      }
      topLevel.add(s);
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitForLoop(ForLoopTree f, Void unused) {
        AnnotationTree a = marker(f, unit);
        if (a != null) {
          checkLoop(f, a, topLevel.contains(f), unit);
        }
        return super.visitForLoop(f, unused);
      }

      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        for (AnnotationTree a : v.getModifiers().getAnnotations()) {
          if (isMarker(a, unit) && !counters.contains(v)) {
            reporter.error(
                Tag.UNSUPPORTED,
                "@Checkpointed marks the counter of a 'for' loop: write " + EXAMPLE,
                a,
                unit);
          }
        }
        return super.visitVariable(v, unused);
      }

      private final Set<Tree> counters = counters(body, unit);
    }.scan(body, null);
    return reporter.errorCount() - before;
  }

  /** The counters declared alone in a for loop's header, where the marker belongs. */
  private static Set<Tree> counters(Tree body, CompilationUnitTree unit) {
    Set<Tree> out = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitForLoop(ForLoopTree f, Void unused) {
        if (f.getInitializer().size() == 1 && f.getInitializer().get(0) instanceof VariableTree v) {
          out.add(v);
        }
        return super.visitForLoop(f, unused);
      }
    }.scan(body, null);
    return out;
  }

  private void checkLoop(ForLoopTree f, AnnotationTree a, boolean topLevel, CompilationUnitTree unit) {
    int before = reporter.errorCount();
    check(f, a, topLevel, unit);
    if (reporter.errorCount() == before) {
      CHECKED.add(f);
    }
  }

  private void check(ForLoopTree f, AnnotationTree a, boolean topLevel, CompilationUnitTree unit) {
    Integer snapshots = snapshots(a);
    if (snapshots == null || snapshots < 2) {
      reporter.error(
          Tag.UNSUPPORTED,
          "@Checkpointed needs snapshots = an integer literal of at least 2 (64 suits most loops), as in " + EXAMPLE,
          a,
          unit);
    }
    Integer segment = segment(a);
    if (segment == null || segment < 1) {
      reporter.error(
          Tag.UNSUPPORTED,
          "@Checkpointed needs segment = an integer literal of at least 1 (iterations taped at once), or"
              + " none for " + DEFAULT_SEGMENT,
          a,
          unit);
    }
    if (!topLevel) {
      reporter.error(
          Tag.UNSUPPORTED,
          "a @Checkpointed loop must be a statement of the method body itself, not inside another loop, a"
              + " branch or a block: move it there, or into a @Differentiable method of its own",
          a,
          unit);
    }
    new Jumps(unit, true).scan(f.getStatement(), null);
  }

  /**
   * Whether the body of {@code loop} (a for loop, perhaps labelled) has a jump that {@link #check}
   * would report on a marked loop (true too for a tree that is no for loop): a loop that
   * {@code @CheckpointLoops} applies to is then taped in full.
   */
  public static boolean jumpsOut(Tree loop, CompilationUnitTree unit) {
    while (loop instanceof LabeledStatementTree l) {
      loop = l.getStatement();
    }
    if (!(loop instanceof ForLoopTree f)) {
      return true;
    }
    Jumps jumps = new CheckpointMarks(null).new Jumps(unit, false);
    jumps.scan(f.getStatement(), null);
    return jumps.found;
  }

  /** Finds (and reports, if asked) each jump that leaves the marked loop's body or ends its iteration early. */
  private final class Jumps extends TreeScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final boolean report;
    private final Set<String> labels = new HashSet<>();
    private int loops;
    private int switches;
    private boolean found;

    Jumps(CompilationUnitTree unit, boolean report) {
      this.unit = unit;
      this.report = report;
    }

    private void error(String message, Tree at) {
      found = true;
      if (report) {
        reporter.error(Tag.UNSUPPORTED, message, at, unit);
      }
    }

    @Override
    public Void visitReturn(ReturnTree r, Void unused) {
      error(
          "'return' inside a @Checkpointed loop is not supported: record the result in a local and"
              + " return after the loop, or drop the marker",
          r);
      return null;
    }

    @Override
    public Void visitBreak(BreakTree b, Void unused) {
      boolean inside = b.getLabel() == null ? loops + switches > 0 : labels.contains(b.getLabel().toString());
      if (!inside) {
        error(
            "'break' out of a @Checkpointed loop is not supported: its trip count must be known when it"
                + " starts; end the loop by its bound, or drop the marker",
            b);
      }
      return null;
    }

    @Override
    public Void visitContinue(ContinueTree c, Void unused) {
      boolean inside = c.getLabel() == null ? loops > 0 : labels.contains(c.getLabel().toString());
      if (!inside) {
        error("'continue' in a @Checkpointed loop is not supported: put the rest of the body in an 'if'", c);
      }
      return null;
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree l, Void unused) {
      labels.add(l.getLabel().toString());
      return super.visitLabeledStatement(l, unused);
    }

    @Override
    public Void visitForLoop(com.sun.source.tree.ForLoopTree t, Void unused) {
      loops++;
      super.visitForLoop(t, unused);
      loops--;
      return null;
    }

    @Override
    public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree t, Void unused) {
      loops++;
      super.visitEnhancedForLoop(t, unused);
      loops--;
      return null;
    }

    @Override
    public Void visitWhileLoop(com.sun.source.tree.WhileLoopTree t, Void unused) {
      loops++;
      super.visitWhileLoop(t, unused);
      loops--;
      return null;
    }

    @Override
    public Void visitDoWhileLoop(com.sun.source.tree.DoWhileLoopTree t, Void unused) {
      loops++;
      super.visitDoWhileLoop(t, unused);
      loops--;
      return null;
    }

    @Override
    public Void visitSwitch(com.sun.source.tree.SwitchTree t, Void unused) {
      switches++;
      super.visitSwitch(t, unused);
      switches--;
      return null;
    }
  }
}
