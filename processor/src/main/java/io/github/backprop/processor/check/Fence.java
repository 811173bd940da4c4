package io.github.backprop.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.diag.UnsupportedKinds;
import java.util.Set;

/**
 * Rejects, before anything is read, every construct of a method body that backprop does not
 * differentiate: one error per construct, at its own position, saying what to do instead.
 * Kinds are named by string so the table reads the same on every JDK, including kinds that
 * newer JDKs add. The message for each rejected kind is in {@link UnsupportedKinds}.
 */
public final class Fence {
  /** Tree kinds a differentiable body may contain. */
  public static final Set<String> SUPPORTED =
      Set.of(
          "BLOCK", "VARIABLE", "EXPRESSION_STATEMENT", "RETURN", "IF", "EMPTY_STATEMENT",
          "PARENTHESIZED", "IDENTIFIER", "MEMBER_SELECT", "METHOD_INVOCATION", "TYPE_CAST",
          "CONDITIONAL_EXPRESSION", "PRIMITIVE_TYPE", "MODIFIERS",
          "FOR_LOOP", "ENHANCED_FOR_LOOP", "WHILE_LOOP", "DO_WHILE_LOOP", "BREAK", "CONTINUE",
          "LABELED_STATEMENT", "ARRAY_ACCESS", "NEW_ARRAY", "ARRAY_TYPE",
          // Kept as written, with no derivative: checks, messages, exceptions.
          "THROW", "ASSERT", "STRING_LITERAL", "NULL_LITERAL", "NEW_CLASS",
          // The reader keeps a try exact on the path that ran, or says why it cannot (read/Tries).
          "TRY", "CATCH", "UNION_TYPE",
          "SWITCH", "SWITCH_EXPRESSION", "CASE", "YIELD", "DEFAULT_CASE_LABEL", "CONSTANT_CASE_LABEL",
          "INT_LITERAL", "LONG_LITERAL", "DOUBLE_LITERAL", "BOOLEAN_LITERAL", "FLOAT_LITERAL",
          "PLUS", "MINUS", "MULTIPLY", "DIVIDE", "REMAINDER", "UNARY_MINUS", "UNARY_PLUS",
          "LESS_THAN", "LESS_THAN_EQUAL", "GREATER_THAN", "GREATER_THAN_EQUAL", "EQUAL_TO",
          "NOT_EQUAL_TO", "CONDITIONAL_AND", "CONDITIONAL_OR", "LOGICAL_COMPLEMENT",
          "CHAR_LITERAL", "BITWISE_COMPLEMENT", "AND", "OR", "XOR", "LEFT_SHIFT", "RIGHT_SHIFT",
          "UNSIGNED_RIGHT_SHIFT",
          // Assignments and increments, as statements and inside expressions.
          "ASSIGNMENT", "PLUS_ASSIGNMENT", "MINUS_ASSIGNMENT", "MULTIPLY_ASSIGNMENT",
          "DIVIDE_ASSIGNMENT", "REMAINDER_ASSIGNMENT", "PREFIX_INCREMENT", "PREFIX_DECREMENT",
          "POSTFIX_INCREMENT", "POSTFIX_DECREMENT", "AND_ASSIGNMENT", "OR_ASSIGNMENT",
          "XOR_ASSIGNMENT", "LEFT_SHIFT_ASSIGNMENT", "RIGHT_SHIFT_ASSIGNMENT",
          "UNSIGNED_RIGHT_SHIFT_ASSIGNMENT",
          // Read in place where called (read/FunctionValues), or written out for a call that
          // carries no derivative; the reader rejects any other use.
          "LAMBDA_EXPRESSION", "MEMBER_REFERENCE",
          // Objects of generic classes hold data (read/GenericTypes); lists of numbers built in
          // the method are judged first (LocalLists).
          "PARAMETERIZED_TYPE", "UNBOUNDED_WILDCARD", "EXTENDS_WILDCARD", "SUPER_WILDCARD");

  private final ErrorReporter reporter;
  /** The method's local records that backprop reads from copies (read/LocalRecordCopies). */
  private final Set<String> copied;
  /** Why the method's local records have no copies, or null. */
  private final String blocker;
  private boolean blockerReported;

  public Fence(ErrorReporter reporter) {
    this(reporter, Set.of(), null);
  }

  public Fence(ErrorReporter reporter, Set<String> copied, String blocker) {
    this.reporter = reporter;
    this.copied = copied;
    this.blocker = blocker;
  }

  /** Reports every unsupported construct in {@code body}; returns how many it found. */
  public int check(Tree body, CompilationUnitTree unit) {
    int before = reporter.errorCount();
    new Scanner(unit, body).scan(body, null);
    return reporter.errorCount() - before;
  }

  private final class Scanner extends TreeScanner<Void, Void> {
    private final CompilationUnitTree unit;
    /** The method body being checked. */
    private final Tree body;

    Scanner(CompilationUnitTree unit, Tree body) {
      this.unit = unit;
      this.body = body;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null) {
        return null;
      }
      String kind = tree.getKind().name();
      if (tree instanceof com.sun.source.tree.AnnotationTree a && CheckpointMarks.isMarker(a, unit)) {
        return null; // checked by CheckpointMarks
      }
      if (tree instanceof com.sun.source.tree.AnnotationTree a && isSuppressWarnings(a)) {
        return null; // @SuppressWarnings("unused") int i; (Colt): it leaves no trace in the code
      }
      if (tree instanceof com.sun.source.tree.ClassTree local && (tree.getKind() == Tree.Kind.RECORD
          || (tree.getKind() == Tree.Kind.CLASS && !local.getSimpleName().isEmpty()))) {
        if (!copied.contains(local.getSimpleName().toString()) && (blocker == null || !blockerReported)) {
          reporter.error(Tag.UNSUPPORTED, blocker != null ? LocalRecords.blocked(local, blocker) : LocalRecords.message(local, body, unit), tree, unit);
          blockerReported |= blocker != null; // one reason for all of the method's records
        }
        return null; // its methods are read where they are called
      }
      if (tree instanceof com.sun.source.tree.ParameterizedTypeTree p && LocalLists.isListOfDoubles(p)) {
        return null; // List<Double> xs = new ArrayList<>(): held as a growing double[] (read/BuiltLists)
      }
      if (tree instanceof com.sun.source.tree.VariableTree v && LocalLists.readFromData(v)) {
        return scan(v.getInitializer(), null); // Collection<Double> values = weights.values(): data
      }
      if (tree instanceof com.sun.source.tree.EnhancedForLoopTree f
          && f.getVariable().getType() instanceof com.sun.source.tree.ParameterizedTypeTree) {
        scan(f.getExpression(), null); // for (List<Integer> row : rows): data
        return scan(f.getStatement(), null);
      }
      if (tree instanceof com.sun.source.tree.ParameterizedTypeTree p && LocalLists.isList(p)) {
        reporter.error(Tag.UNSUPPORTED, LocalLists.MESSAGE, tree, unit);
        return null;
      }
      if (tree instanceof com.sun.source.tree.ParameterizedTypeTree) {
        return null; // Map<String, double[]>: data with its type arguments, which the reader judges
      }
      if (!SUPPORTED.contains(kind)) {
        reporter.error(Tag.UNSUPPORTED, UnsupportedKinds.messageFor(kind), tree, unit);
        return null;
      }
      if (tree instanceof com.sun.source.tree.NewClassTree n && n.getClassBody() != null) {
        // An anonymous ContinuedFraction: its methods' bodies are read in place (the reader
        // rejects any other anonymous class); the bodies hold what a method's may.
        scan(n.getArguments(), null);
        for (Tree member : n.getClassBody().getMembers()) {
          scan(member instanceof com.sun.source.tree.MethodTree m ? m.getBody() : member, null);
        }
        return null;
      }
      return super.scan(tree, unused);
    }
  }

  private static boolean isSuppressWarnings(com.sun.source.tree.AnnotationTree a) {
    String name = a.getAnnotationType().toString();
    return name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings");
  }
}
