package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.rules.CustomRules;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Differentiable} method from javac's trees into a {@link MethodModel}: names
 * resolved, every expression typed. Problems are reported through the {@link ErrorReporter} and
 * abandon the method. A {@link ReadSession} holds the state of one method's reading and the parts
 * that read each kind of construct; {@link Annotations} answers what other stages ask of a
 * declaration.
 */
public final class MethodReader {
  final Trees trees;
  final Elements elements;
  final ErrorReporter reporter;
  final CalleeFacts calleeFacts;
  final CustomRules rules;
  /** Reading a callee only to learn what it writes: a call that passes it on is no error here. */
  final boolean survey;
  /** The copies of private fields of the class being generated, shared by its methods; or null. */
  final FieldCopies copies;
  /** Null while surveying a callee: then a recursive helper stays a call. */
  final RecursiveHelpers recursive;
  /** The classes of the compilation, where an override of a method run in place is found; null while surveying. */
  final Overrides overrides;
  /**
   * Whether a helper returning a number is called through a gradient method of its own, as a
   * recursive one is, rather than read in place: for a method whose derivatives, with every
   * helper in one generated method, would pass the JVM's 64 KB limit.
   */
  final boolean outline;

  private boolean incomplete;
  private List<ParamShape> shapes = List.of();
  /** The rules called and, for second order's read, their bodies: shared with the nested readers. */
  private RuleBodies bodies = RuleBodies.noting();

  /**
   * @param copies shared by every method of one class, so that each field is copied once
   * @param recursive the class's recursive helpers, which get gradient methods of their own
   * @param overrides the classes of the compilation, which may override an object's methods
   * @param callees what the round's other methods learned of their callees
   */
  public MethodReader(
      Trees trees, Elements elements, ErrorReporter reporter, CustomRules rules, FieldCopies copies,
      RecursiveHelpers recursive, Overrides overrides, CalleeCache callees) {
    this(trees, elements, reporter, new CalleeFacts(trees, elements, reporter, rules, callees), rules, false, copies, recursive, overrides, false);
  }

  /** A reader that surveys a callee for {@link CalleeFacts}. */
  MethodReader(Trees trees, Elements elements, ErrorReporter reporter, CalleeFacts calleeFacts, CustomRules rules) {
    this(trees, elements, reporter, calleeFacts, rules, true, null, null, null, false);
  }

  private MethodReader(
      Trees trees,
      Elements elements,
      ErrorReporter reporter,
      CalleeFacts calleeFacts,
      CustomRules rules,
      boolean survey,
      FieldCopies copies,
      RecursiveHelpers recursive,
      Overrides overrides,
      boolean outline) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.calleeFacts = calleeFacts;
    this.rules = rules;
    this.survey = survey;
    this.copies = copies;
    this.recursive = recursive;
    this.overrides = overrides;
    this.outline = outline;
  }

  /** This reader, calling each helper that returns a number through a gradient method of its own. */
  public MethodReader outlining() {
    return new MethodReader(trees, elements, reporter, calleeFacts, rules, survey, copies, recursive, overrides, true);
  }

  /**
   * This reader, reading the body of each {@code @DerivativeOf} rule called in place before its
   * call, for second order ({@link RuleBodies}).
   */
  public MethodReader readingRuleBodies() {
    MethodReader r = new MethodReader(trees, elements, reporter, calleeFacts, rules, survey, copies, recursive, overrides, outline);
    r.bodies = RuleBodies.reading();
    return r;
  }

  /** The rules the last method read calls, and on second order's read their partials. */
  public RuleBodies ruleBodies() {
    return bodies;
  }

  /** The reader of a body read in place by one of this reader's methods, reporting to {@code quiet}. */
  MethodReader nested(ErrorReporter quiet, FieldCopies fields) {
    MethodReader r = new MethodReader(trees, elements, quiet, calleeFacts, rules, survey, fields, recursive, overrides, outline);
    r.bodies = bodies;
    return r;
  }

  public MethodModel read(ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
    ReadSession session = new ReadSession(this, method, unit, null, null);
    MethodModel model = session.read(tree);
    incomplete = session.failed;
    shapes = session.shapes;
    return model;
  }

  /**
   * How each parameter of the last method read maps to its model's parameters: a record
   * parameter is one model parameter per component.
   */
  public List<ParamShape> shapes() {
    return shapes;
  }

  /**
   * Whether the last method read had statements that could not be read (each reported, or left
   * to javac): its model lacks them, good only for reporting more problems, never for deriving.
   */
  public boolean incomplete() {
    return incomplete;
  }
}
