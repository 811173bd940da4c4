package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.UnsupportedKinds;
import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Tree.Kind} of the running JDK, accounted for. A kind backprop supports points at
 * the gradient test that exercises it; a kind it rejects compiles here, in a method of its own,
 * to exactly one error of ours carrying that kind's own message (not a generic one), on the
 * line of the construct; a kind javac never puts in a method body is listed as such. A kind a
 * new JDK adds fails {@link #everyKindIsAccountedFor} until it is sorted into one of these.
 */
class CatalogueTest {
  /** Supported kinds and a test that differentiates them, as {@code Class#method} of derive/. */
  static final Map<String, String> SUPPORTED =
      Map.ofEntries(
          Map.entry("BLOCK", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("VARIABLE", "StraightLineTest#scalarFunctions"),
          Map.entry("EXPRESSION_STATEMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("RETURN", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("IF", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("EMPTY_STATEMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("PARENTHESIZED", "StraightLineTest#scalarFunctions"),
          Map.entry("IDENTIFIER", "StraightLineTest#scalarFunctions"),
          Map.entry("MEMBER_SELECT", "StraightLineTest#scalarFunctions"),
          Map.entry("METHOD_INVOCATION", "CallsTest#chainRuleGoesThroughGeneratedCallees"),
          Map.entry("LAMBDA_EXPRESSION", "StreamsTest#gradientsMatchFiniteDifferences"),
          Map.entry("MEMBER_REFERENCE", "FunctionalArgumentsTest#lambdasPassedToHelpersAreReadInPlace"),
          Map.entry("PARAMETERIZED_TYPE", "GenericDataTest#gradientsMatchFiniteDifferences"),
          Map.entry("UNBOUNDED_WILDCARD", "GenericDataTest#gradientsMatchFiniteDifferences"),
          Map.entry("EXTENDS_WILDCARD", "GenericDataTest#gradientsMatchFiniteDifferences"),
          Map.entry("SUPER_WILDCARD", "GenericDataTest#gradientsMatchFiniteDifferences"),
          Map.entry("TYPE_CAST", "StraightLineTest#scalarFunctions"),
          Map.entry("CONDITIONAL_EXPRESSION", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("PRIMITIVE_TYPE", "StraightLineTest#scalarFunctions"),
          Map.entry("MODIFIERS", "StraightLineTest#scalarFunctions"),
          Map.entry("INT_LITERAL", "StraightLineTest#scalarFunctions"),
          Map.entry("LONG_LITERAL", "StraightLineTest#scalarFunctions"),
          Map.entry("DOUBLE_LITERAL", "StraightLineTest#scalarFunctions"),
          Map.entry("FLOAT_LITERAL", "FloatsTest#floatLiteralsInDoubleCode"),
          Map.entry("BOOLEAN_LITERAL", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("PLUS", "StraightLineTest#scalarFunctions"),
          Map.entry("MINUS", "StraightLineTest#scalarFunctions"),
          Map.entry("MULTIPLY", "StraightLineTest#scalarFunctions"),
          Map.entry("DIVIDE", "StraightLineTest#scalarFunctions"),
          Map.entry("REMAINDER", "StraightLineTest#scalarFunctions"),
          Map.entry("UNARY_MINUS", "StraightLineTest#scalarFunctions"),
          Map.entry("UNARY_PLUS", "StraightLineTest#scalarFunctions"),
          Map.entry("LESS_THAN", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("LESS_THAN_EQUAL", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("GREATER_THAN", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("GREATER_THAN_EQUAL", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("EQUAL_TO", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("NOT_EQUAL_TO", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("CONDITIONAL_AND", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("CONDITIONAL_OR", "JumpsTest#breaks"),
          Map.entry("LOGICAL_COMPLEMENT", "BranchesTest#gradientsMatchFiniteDifferences"),
          Map.entry("ASSIGNMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("PLUS_ASSIGNMENT", "LoopsTest#countedLoops"),
          Map.entry("MINUS_ASSIGNMENT", "ArraysTest#writesIntoParameters"),
          Map.entry("MULTIPLY_ASSIGNMENT", "LoopsTest#countedLoops"),
          Map.entry("DIVIDE_ASSIGNMENT", "ArraysTest#writesIntoParameters"),
          Map.entry("REMAINDER_ASSIGNMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("PREFIX_INCREMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("PREFIX_DECREMENT", "StraightLineTest#scalarFunctions"),
          Map.entry("POSTFIX_INCREMENT", "LoopsTest#countedLoops"),
          Map.entry("POSTFIX_DECREMENT", "LoopsTest#countedLoops"),
          Map.entry("FOR_LOOP", "LoopsTest#countedLoops"),
          Map.entry("ENHANCED_FOR_LOOP", "LoopsTest#enhancedFor"),
          Map.entry("WHILE_LOOP", "LoopsTest#tripCountsThatDependOnValues"),
          Map.entry("DO_WHILE_LOOP", "LoopsTest#tripCountsThatDependOnValues"),
          Map.entry("BREAK", "JumpsTest#breaks"),
          Map.entry("CONTINUE", "JumpsTest#continues"),
          Map.entry("LABELED_STATEMENT", "JumpsTest#labelledJumps"),
          Map.entry("ARRAY_ACCESS", "ArraysTest#parametersAndLocals"),
          Map.entry("NEW_ARRAY", "ArraysTest#parametersAndLocals"),
          Map.entry("ARRAY_TYPE", "ArraysTest#parametersAndLocals"),
          Map.entry("THROW", "InactiveCallsTest#throwEndsItsPath"),
          Map.entry("TRY", "TriesTest#catchThatReturnsOrAssignsTakesItsOwnPath"),
          Map.entry("CATCH", "TriesTest#catchThatReturnsOrAssignsTakesItsOwnPath"),
          Map.entry("UNION_TYPE", "TriesTest#catchThatReturnsOrAssignsTakesItsOwnPath"),
          Map.entry("ASSERT", "InactiveCallsTest#throwEndsItsPath"),
          Map.entry("STRING_LITERAL", "InactiveCallsTest#checksAndLogsRunAsWritten"),
          Map.entry("NULL_LITERAL", "InactiveCallsTest#checksAndLogsRunAsWritten"),
          Map.entry("NEW_CLASS", "InactiveCallsTest#throwEndsItsPath"),
          Map.entry("SWITCH", "SwitchTest#statements"),
          Map.entry("CASE", "SwitchTest#statements"),
          Map.entry("DEFAULT_CASE_LABEL", "SwitchTest#statements"),
          Map.entry("CONSTANT_CASE_LABEL", "SwitchTest#statements"),
          Map.entry("SWITCH_EXPRESSION", "SwitchTest#expressions"),
          Map.entry("YIELD", "SwitchTest#expressions"),
          Map.entry("CHAR_LITERAL", "IntegerOpsTest#byteShortAndCharNarrowAsJavaDoes"),
          Map.entry("BITWISE_COMPLEMENT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("AND", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("OR", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("XOR", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("LEFT_SHIFT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("RIGHT_SHIFT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("UNSIGNED_RIGHT_SHIFT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("AND_ASSIGNMENT", "IntegerOpsTest#booleanOperatorsChooseTheBranch"),
          Map.entry("OR_ASSIGNMENT", "IntegerOpsTest#booleanOperatorsChooseTheBranch"),
          Map.entry("XOR_ASSIGNMENT", "IntegerOpsTest#booleanOperatorsChooseTheBranch"),
          Map.entry("LEFT_SHIFT_ASSIGNMENT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("RIGHT_SHIFT_ASSIGNMENT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"),
          Map.entry("UNSIGNED_RIGHT_SHIFT_ASSIGNMENT", "IntegerOpsTest#shiftsAndBitwiseOperatorsMatchTheSource"));

  /**
   * A rejected kind, in a method body of its own. {@code reportedAs} is the kind whose message the
   * error carries: the construct itself, or the construct it can only appear inside, which is
   * rejected first (one error per construct). The construct's line holds {@code //!}.
   */
  record Rejected(String kind, String reportedAs, String members) {
    @Override
    public String toString() {
      return kind;
    }
  }

  private static Rejected r(String kind, String body) {
    return r(kind, kind, body);
  }

  private static Rejected r(String kind, String reportedAs, String body) {
    return new Rejected(
        kind,
        reportedAs,
        "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE) @interface T {}\n"
            + "static double g(double d) { return d; }\n"
            + "@Differentiable static double f(double x, int n) {\n  double y = x;\n"
            + body
            + "\n  return y;\n}\n");
  }

  static final List<Rejected> REJECTED =
      List.of(
          r("SYNCHRONIZED", "  synchronized (CatalogueLock.LOCK) { //!\n    y = x;\n  }"),
          // a class whose copy could not stand for it (read/LocalRecordCopies): it reads the parameter x
          r("CLASS", "  class L { //!\n    double v = x;\n  }"),
          r("INTERFACE", "  interface L { //!\n  }"),
          r("ENUM", "  enum L { //!\n    A\n  }"),
          // a record whose copy could not stand for it (read/LocalRecordCopies): here two of one name
          r("RECORD", "  record L(int a) { //!\n  }\n  if (x > 0) {\n    record L(int b) {}\n  }"),
          r("INSTANCE_OF", "  boolean b = (Object) x instanceof Double; //!"),
          r("BINDING_PATTERN", "INSTANCE_OF", "  if ((Object) x instanceof Double d) { //!\n    y = d;\n  }"),
          r("ANNOTATED_TYPE", "  java.lang.@T Object o; //!"),
          r("TYPE_ANNOTATION", "ANNOTATED_TYPE", "  java.lang.@T Object o; //!"),
          r("ANNOTATION", "  @Deprecated double z = x; //!"),
          r("INTERSECTION_TYPE",
              "  Object o = (Comparable<?> & java.io.Serializable) (Object) x; //!"),
          r("RECORD_PATTERN", "INSTANCE_OF",
              "  if ((Object) x instanceof CataloguePoint(double a)) { //!\n    y = a;\n  }"),
          r("DECONSTRUCTION_PATTERN", "INSTANCE_OF",
              "  if ((Object) x instanceof CataloguePoint(double a)) { //!\n    y = a;\n  }"),
          r("ANY_PATTERN", "INSTANCE_OF",
              "  if ((Object) x instanceof CataloguePoint(var a)) { //!\n    y = x;\n  }"),
          r("PATTERN_CASE_LABEL", "PATTERN_CASE_LABEL",
              "  Object o2 = (Object) x;\n  switch (o2) {\n    case Double d -> y = d; //!\n    default -> y = x;\n  }"),
          r("PARENTHESIZED_PATTERN", "INSTANCE_OF", "  if ((Object) x instanceof (Double d)) { //!\n    y = d;\n  }"),
          r("GUARDED_PATTERN", "PATTERN_CASE_LABEL",
              "  Object o2 = (Object) x;\n  switch (o2) {\n    case Double d && d > 0 -> y = d; //!\n    default -> y = x;\n  }"));

  /** Kinds javac has on some JDK but never in a method body, or only in a body that does not parse. */
  static final Map<String, String> ELSEWHERE =
      Map.ofEntries(
          Map.entry("COMPILATION_UNIT", "a whole file"),
          Map.entry("PACKAGE", "a file's package clause"),
          Map.entry("IMPORT", "a file's imports"),
          Map.entry("METHOD", "a method declaration; a body cannot declare one"),
          Map.entry("TYPE_PARAMETER", "a class or method declaration's type parameters"),
          Map.entry("ANNOTATION_TYPE", "a top-level or member annotation type: Java has no local ones"),
          Map.entry("MODULE", "module-info.java"),
          Map.entry("EXPORTS", "module-info.java"),
          Map.entry("OPENS", "module-info.java"),
          Map.entry("PROVIDES", "module-info.java"),
          Map.entry("REQUIRES", "module-info.java"),
          Map.entry("USES", "module-info.java"),
          Map.entry("OTHER", "javac's internal trees, never given to processors"),
          Map.entry("ERRONEOUS", "a body that does not parse: javac reports the syntax error and runs no processor"),
          Map.entry("STRING_TEMPLATE", "JDK 21-22 preview string templates, withdrawn"),
          Map.entry("TEMPLATE_EXPRESSION", "JDK 21-22 preview string templates, withdrawn"));

  private static Set<String> jdkKinds() {
    Set<String> out = new TreeSet<>();
    Arrays.stream(Tree.Kind.values()).forEach(k -> out.add(k.name()));
    return out;
  }

  @Test
  void everyKindIsAccountedFor() {
    Set<String> missing = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    Set<String> rejected = new TreeSet<>();
    REJECTED.forEach(r -> rejected.add(r.kind()));
    for (String k : jdkKinds()) {
      int places = (SUPPORTED.containsKey(k) ? 1 : 0) + (rejected.contains(k) ? 1 : 0) + (ELSEWHERE.containsKey(k) ? 1 : 0);
      if (places == 0) {
        missing.add(k);
      } else if (places > 1) {
        twice.add(k);
      }
    }
    assertEquals(Set.of(), missing, "kinds of this JDK that no list accounts for: sort them");
    assertEquals(Set.of(), twice, "kinds in more than one list");
    // The fence agrees: it accepts exactly the supported kinds.
    for (String k : jdkKinds()) {
      assertEquals(SUPPORTED.containsKey(k), Fence.SUPPORTED.contains(k), k);
    }
  }

  /** No kind falls through to the generic message. */
  @Test
  void everyKindTheFenceRejectsHasItsOwnMessage() {
    for (String k : jdkKinds()) {
      if (!Fence.SUPPORTED.contains(k)) {
        assertNotNull(UnsupportedKinds.REJECTED.get(k), "no message of its own for " + k);
        assertEquals(UnsupportedKinds.REJECTED.get(k), UnsupportedKinds.messageFor(k));
      }
    }
  }

  /** Text the pointed-at test class must hold, so a pointer cannot drift from what it tests. */
  static final Map<String, String> TOKENS =
      Map.ofEntries(
          Map.entry("EMPTY_STATEMENT", "  ;\n            return x * q"),
          Map.entry("PARAMETERIZED_TYPE", "Map.Entry<String, Double> e"),
          Map.entry("UNBOUNDED_WILDCARD", "Map<String, ?>"),
          Map.entry("EXTENDS_WILDCARD", "List<? extends Number>"),
          Map.entry("SUPER_WILDCARD", "List<? super Double>"),
          Map.entry("IF", "if ("),
          Map.entry("RETURN", "return "),
          Map.entry("METHOD_INVOCATION", "square("),
          Map.entry("TYPE_CAST", "(double) "),
          Map.entry("CONDITIONAL_EXPRESSION", " ? "),
          Map.entry("LONG_LITERAL", "5L"),
          Map.entry("BOOLEAN_LITERAL", "true"),
          Map.entry("REMAINDER", "n % 3"),
          Map.entry("UNARY_PLUS", "+y"),
          Map.entry("UNARY_MINUS", "-x"),
          Map.entry("LESS_THAN", " < "),
          Map.entry("LESS_THAN_EQUAL", " <= "),
          Map.entry("GREATER_THAN", " > "),
          Map.entry("GREATER_THAN_EQUAL", " >= "),
          Map.entry("EQUAL_TO", " == "),
          Map.entry("NOT_EQUAL_TO", " != "),
          Map.entry("CONDITIONAL_AND", " && "),
          Map.entry("CONDITIONAL_OR", " || "),
          Map.entry("LOGICAL_COMPLEMENT", "!("),
          Map.entry("PLUS_ASSIGNMENT", " += "),
          Map.entry("MINUS_ASSIGNMENT", " -= "),
          Map.entry("MULTIPLY_ASSIGNMENT", " *= "),
          Map.entry("DIVIDE_ASSIGNMENT", " /= "),
          Map.entry("REMAINDER_ASSIGNMENT", " %= "),
          Map.entry("PREFIX_INCREMENT", "++r"),
          Map.entry("PREFIX_DECREMENT", "--r"),
          Map.entry("POSTFIX_INCREMENT", "i++"),
          Map.entry("POSTFIX_DECREMENT", "i--"),
          Map.entry("FOR_LOOP", "for (int"),
          Map.entry("ENHANCED_FOR_LOOP", "for (double v : "),
          Map.entry("WHILE_LOOP", "while ("),
          Map.entry("DO_WHILE_LOOP", "do {"),
          Map.entry("BREAK", "break;"),
          Map.entry("CONTINUE", "continue;"),
          Map.entry("LABELED_STATEMENT", "outer:"),
          Map.entry("ARRAY_ACCESS", "a[i]"),
          Map.entry("NEW_ARRAY", "new double["),
          Map.entry("ARRAY_TYPE", "double[] "),
          Map.entry("MEMBER_SELECT", "Math.PI"),
          Map.entry("DOUBLE_LITERAL", "0.25"),
          Map.entry("INT_LITERAL", "2 * x"),
          Map.entry("THROW", "throw new"),
          Map.entry("ASSERT", "assert x"),
          Map.entry("STRING_LITERAL", "\"w\""),
          Map.entry("NULL_LITERAL", "null"),
          Map.entry("NEW_CLASS", "new IllegalArgumentException("),
          Map.entry("CHAR_LITERAL", "'a'"),
          Map.entry("BITWISE_COMPLEMENT", "~n"),
          Map.entry("AND", " & "),
          Map.entry("OR", " | "),
          Map.entry("XOR", " ^ "),
          Map.entry("LEFT_SHIFT", " << "),
          Map.entry("RIGHT_SHIFT", " >> "),
          Map.entry("UNSIGNED_RIGHT_SHIFT", " >>> "),
          Map.entry("AND_ASSIGNMENT", " &= "),
          Map.entry("OR_ASSIGNMENT", " |= "),
          Map.entry("XOR_ASSIGNMENT", " ^= "),
          Map.entry("LEFT_SHIFT_ASSIGNMENT", " <<= "),
          Map.entry("RIGHT_SHIFT_ASSIGNMENT", " >>= "),
          Map.entry("UNSIGNED_RIGHT_SHIFT_ASSIGNMENT", " >>>= "));

  @Test
  void everySupportedKindPointsAtAGradientTest() throws Exception {
    for (Map.Entry<String, String> e : SUPPORTED.entrySet()) {
      String[] at = e.getValue().split("#");
      Class<?> c = Class.forName("io.github.backprop.processor.derive." + at[0]);
      boolean found = false;
      for (Method m : c.getDeclaredMethods()) {
        found |= m.getName().equals(at[1])
            && (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class));
      }
      assertTrue(found, e.getKey() + " points at " + e.getValue() + ", which is not a test");
      String token = TOKENS.get(e.getKey());
      if (token != null) {
        String text =
            java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/java/io/github/backprop/processor/derive/" + at[0] + ".java"));
        assertTrue(text.contains(token), e.getKey() + ": " + at[0] + " has no '" + token + "'");
      }
    }
  }

  static Stream<Arguments> rejectedKindsOfThisJdk() {
    List<Arguments> out = new ArrayList<>();
    for (Rejected r : REJECTED) {
      out.add(Arguments.of(r));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedKindsOfThisJdk")
  void everyRejectedKindIsOneErrorWithItsOwnMessageOnItsLine(Rejected r) {
    assumeTrue(jdkKinds().contains(r.kind()), r.kind() + " is not a kind of this JDK");
    String src = r.members() + "\n";
    Compiled c =
        Compiled.compileAll(
            Map.of(
                "p.C", "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass C {\n" + src + "}\n",
                "p.CatalogueLock", "package p;\n\nclass CatalogueLock {\n  static final Object LOCK = new Object();\n}\n",
                "p.CataloguePoint", "package p;\n\nrecord CataloguePoint(double a) {}\n"));
    Compilation comp = c.compilation();
    List<Diagnostic<? extends JavaFileObject>> ours =
        comp.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
    String said = c.diagnostics();
    if (ours.isEmpty() && !comp.errors().isEmpty()) {
      // A construct this JDK's javac rejects before processors run (a preview, or a form that
      // changed); nothing of ours can be wrong there.
      assumeTrue(false, r.kind() + ": javac refused the snippet itself:\n" + said);
    }
    assertEquals(1, ours.size(), r.kind() + ": expected one error of ours\n" + said);
    String expected = "[BackpropUnsupported] " + UnsupportedKinds.REJECTED.get(r.reportedAs());
    // A construct may say more of itself after its kind's message (a local record names itself).
    String message = ours.get(0).getMessage(Locale.ROOT);
    assertTrue(message.equals(expected) || message.startsWith(expected + "; "), r.kind() + ": " + message);
    int line = 6 + (int) src.substring(0, src.indexOf("//!")).chars().filter(ch -> ch == '\n').count();
    assertEquals(line, ours.get(0).getLineNumber(), r.kind() + "\n" + said);
    assertFalse(said.contains("[BackpropBug]"), said);
  }
}
