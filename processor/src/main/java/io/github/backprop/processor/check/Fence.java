package io.github.backprop.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.Map;
import java.util.Set;

/**
 * Rejects, before anything is read, every construct of a method body that backprop does not
 * differentiate: one error per construct, at its own position, saying what to do instead.
 * Kinds are named by string so the table reads the same on every JDK, including kinds that
 * newer JDKs add.
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
          // Read only as an operation of a stream pipeline; the reader rejects any other.
          "LAMBDA_EXPRESSION");

  private static final String NOT_IN_A_BODY =
      "this declaration cannot appear in a differentiable method's body";

  /** What to say about each rejected kind. */
  public static final Map<String, String> REJECTED =
      Map.ofEntries(
          Map.entry("SYNCHRONIZED", "'synchronized' is not supported: a differentiable method must be a pure function of its parameters"),
          Map.entry("CLASS", "local classes are not supported: declare the class outside the method"),
          Map.entry("INTERFACE", "local interfaces are not supported: declare them outside the method"),
          Map.entry("ENUM", "local enums are not supported: declare them outside the method"),
          Map.entry("RECORD", "local records are not supported: declare them outside the method"),
          Map.entry("LAMBDA_EXPRESSION", "a lambda is supported only as an operation of a stream pipeline, such as 'IntStream.range(0, n).mapToDouble(i -> w[i] * x[i]).sum()': write a static method and call it"),
          Map.entry("MEMBER_REFERENCE", "method references are not supported: write a lambda, such as 'v -> Math.abs(v)', or call the method directly"),
          Map.entry("INSTANCE_OF", "'instanceof' is not supported: a differentiable method works on primitive values"),
          Map.entry("PARAMETERIZED_TYPE", "generic types are not supported: a differentiable method works on primitive values"),
          Map.entry("ANNOTATED_TYPE", "type annotations are not supported inside a differentiable method"),
          Map.entry("INTERSECTION_TYPE", "intersection casts are not supported"),
          Map.entry("BINDING_PATTERN", "patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("RECORD_PATTERN", "record patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("ANY_PATTERN", "patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("PARENTHESIZED_PATTERN", "patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("GUARDED_PATTERN", "patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("DECONSTRUCTION_PATTERN", "patterns are not supported: a differentiable method works on primitive values"),
          Map.entry("PATTERN_CASE_LABEL", "patterns in 'switch' are not supported: switch on an int, char, String or enum value"),
          Map.entry("STRING_TEMPLATE", "string templates are not supported in a differentiable method"),
          Map.entry("TEMPLATE_EXPRESSION", "string templates are not supported in a differentiable method"),
          Map.entry("ERRONEOUS", "this expression does not parse"),
          Map.entry("ANNOTATION", "annotations inside a differentiable method are not supported: remove it"),
          Map.entry("TYPE_ANNOTATION", "type annotations are not supported inside a differentiable method"),
          Map.entry("UNBOUNDED_WILDCARD", "wildcard types are not supported: a differentiable method works on primitive values"),
          Map.entry("EXTENDS_WILDCARD", "wildcard types are not supported: a differentiable method works on primitive values"),
          Map.entry("SUPER_WILDCARD", "wildcard types are not supported: a differentiable method works on primitive values"),
          // javac never puts these inside a method body; named so that none gets a generic message.
          Map.entry("COMPILATION_UNIT", NOT_IN_A_BODY),
          Map.entry("PACKAGE", NOT_IN_A_BODY),
          Map.entry("IMPORT", NOT_IN_A_BODY),
          Map.entry("METHOD", NOT_IN_A_BODY),
          Map.entry("TYPE_PARAMETER", NOT_IN_A_BODY),
          Map.entry("ANNOTATION_TYPE", NOT_IN_A_BODY),
          Map.entry("MODULE", NOT_IN_A_BODY),
          Map.entry("EXPORTS", NOT_IN_A_BODY),
          Map.entry("OPENS", NOT_IN_A_BODY),
          Map.entry("PROVIDES", NOT_IN_A_BODY),
          Map.entry("REQUIRES", NOT_IN_A_BODY),
          Map.entry("USES", NOT_IN_A_BODY),
          Map.entry("OTHER", NOT_IN_A_BODY));

  /** The kinds javac never puts in a method body, and what is said if one appears all the same. */
  public static final Set<String> NEVER_IN_A_BODY =
      Set.of(
          "COMPILATION_UNIT", "PACKAGE", "IMPORT", "METHOD", "TYPE_PARAMETER", "ANNOTATION_TYPE",
          "MODULE", "EXPORTS", "OPENS", "PROVIDES", "REQUIRES", "USES", "OTHER");

  private final ErrorReporter reporter;

  public Fence(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every unsupported construct in {@code body}; returns how many it found. */
  public int check(Tree body, CompilationUnitTree unit) {
    int before = reporter.errorCount();
    new Scanner(unit).scan(body, null);
    return reporter.errorCount() - before;
  }

  /** The message for a kind the fence rejects; for a kind this table does not know, a generic one. */
  public static String messageFor(String kind) {
    String known = REJECTED.get(kind);
    if (known != null) {
      return known;
    }
    return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " is not supported in a differentiable method";
  }

  private final class Scanner extends TreeScanner<Void, Void> {
    private final CompilationUnitTree unit;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
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
      if (!SUPPORTED.contains(kind)) {
        reporter.error(Tag.UNSUPPORTED, messageFor(kind), tree, unit);
        return null;
      }
      return super.scan(tree, unused);
    }
  }
}
