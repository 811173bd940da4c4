package io.github.backprop.processor.diag;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is said about each tree kind a differentiable body may not contain. Kept below the stages,
 * as both the fence that checks a body first and the reader that meets a kind later say it.
 */
public final class UnsupportedKinds {
  private UnsupportedKinds() {}

  private static final String NOT_IN_A_BODY =
      "this declaration cannot appear in a differentiable method's body";

  /** What to say about each rejected kind. */
  public static final Map<String, String> REJECTED =
      Map.ofEntries(
          Map.entry("SYNCHRONIZED", "'synchronized' is not supported: a differentiable method must be a pure function of its parameters"),
          Map.entry("CLASS", "a class declared inside a differentiable method is not supported here"),
          Map.entry("INTERFACE", "local interfaces are not supported: declare them outside the method"),
          Map.entry("ENUM", "local enums are not supported: declare them outside the method"),
          Map.entry("RECORD", "this record declared in the method cannot be read: backprop reads one from a copy it writes of the declaration, which cannot stand for this one"),
          Map.entry("LAMBDA_EXPRESSION", "a lambda is supported as an argument of a static method of this compilation (read in place), held in a local passed to one, as an operation of a stream pipeline, or passed to a call that carries no derivative (a log message): write a static method and call it"),
          Map.entry("MEMBER_REFERENCE", "a method reference is supported where a lambda is, to a static method ('Math::exp'): write a lambda, such as 'v -> Math.abs(v)', or call the method directly"),
          Map.entry("INSTANCE_OF", "'instanceof' is not supported in a differentiable method: test the object before the call, and pass it as its own class or pass the numbers it holds"),
          Map.entry("ANNOTATED_TYPE", "type annotations are not supported inside a differentiable method"),
          Map.entry("INTERSECTION_TYPE", "intersection casts are not supported"),
          Map.entry("BINDING_PATTERN", "patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("RECORD_PATTERN", "record patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("ANY_PATTERN", "patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("PARENTHESIZED_PATTERN", "patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("GUARDED_PATTERN", "patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("DECONSTRUCTION_PATTERN", "patterns are not supported in a differentiable method: test and cast the object before the call, and pass the numbers it holds"),
          Map.entry("PATTERN_CASE_LABEL", "patterns in 'switch' are not supported: switch on an int, char, String or enum value"),
          Map.entry("STRING_TEMPLATE", "string templates are not supported in a differentiable method"),
          Map.entry("TEMPLATE_EXPRESSION", "string templates are not supported in a differentiable method"),
          Map.entry("ERRONEOUS", "this expression does not parse"),
          Map.entry("ANNOTATION", "annotations inside a differentiable method are not supported: remove it"),
          Map.entry("TYPE_ANNOTATION", "type annotations are not supported inside a differentiable method"),
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

  /** The message for a kind the fence rejects; for a kind this table does not know, a generic one. */
  public static String messageFor(String kind) {
    String known = REJECTED.get(kind);
    if (known != null) {
      return known;
    }
    return kind.toLowerCase(Locale.ROOT).replace('_', ' ')
        + " is not supported in a differentiable method";
  }
}
