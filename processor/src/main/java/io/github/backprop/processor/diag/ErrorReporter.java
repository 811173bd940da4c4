package io.github.backprop.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place diagnostics are reported. Every message starts with a stable tag, e.g. {@code
 * [BackpropUnsupported]}, so users and tests can match on it.
 */
public final class ErrorReporter {
  private final Trees trees;
  private final javax.annotation.processing.Messager messager;
  private final boolean quiet;
  private int errors;
  private final java.util.Map<Tree, java.util.Set<String>> said = new java.util.IdentityHashMap<>();
  private final java.util.Set<String> saidOnLine = new java.util.HashSet<>();
  /** A quiet reporter's first message with its place, e.g. {@code "try is not supported (Util.java:12)"}. */
  private String first;

  /** What was said on elements in earlier rounds, which read a class again that waited for a type. */
  private final java.util.Set<String> saidOnElements;

  public ErrorReporter(Trees trees, javax.annotation.processing.Messager messager) {
    this(trees, messager, false, new java.util.HashSet<>());
  }

  /** A reporter of one round that says nothing said on an element in {@code saidOnElements} before. */
  public ErrorReporter(Trees trees, javax.annotation.processing.Messager messager, java.util.Set<String> saidOnElements) {
    this(trees, messager, false, saidOnElements);
  }

  private ErrorReporter(
      Trees trees, javax.annotation.processing.Messager messager, boolean quiet, java.util.Set<String> saidOnElements) {
    this.trees = trees;
    this.messager = messager;
    this.quiet = quiet;
    this.saidOnElements = saidOnElements;
  }

  /**
   * A reporter that counts errors but prints none: for reading a method only to learn something
   * about it, whose own errors are reported when it is processed itself.
   */
  public ErrorReporter quiet() {
    return new ErrorReporter(trees, messager, true, new java.util.HashSet<>());
  }

  /** Reports an error at the exact position of {@code tree}. */
  public void error(Tag tag, String message, Tree tree, CompilationUnitTree unit) {
    errors++;
    if (tree != null && !said.computeIfAbsent(tree, t -> new java.util.HashSet<>()).add(message)) {
      return; // counted, but a helper run in two places would say the same thing twice
    }
    if (tree != null && unit != null && !saidOnLine.add(place(tree, unit) + " " + message)) {
      return; // List<Double> l = new ArrayList<>(): one line, one construct to change, one message
    }
    if (!quiet) {
      trees.printMessage(Diagnostic.Kind.ERROR, tag.format(message), tree, unit);
    } else if (first == null) {
      first = message + " (" + place(tree, unit) + ")";
    }
  }

  private String place(Tree tree, CompilationUnitTree unit) {
    long pos = trees.getSourcePositions().getStartPosition(unit, tree);
    String file = unit.getSourceFile().getName();
    file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return pos < 0 ? file : file + ":" + unit.getLineMap().getLineNumber(pos);
  }

  /** The first error a quiet reporter was given, with its file and line; null if none. */
  public String firstQuietError() {
    return first;
  }

  /**
   * Warns that {@code method} got no gradient although nothing of ours was reported: the reader
   * stopped quietly at code it expects javac to reject. Where javac accepts it after all, this
   * is the only sign, instead of a gradient method missing without a word.
   */
  public void skipped(Element method) {
    if (!quiet) {
      messager.printMessage(
          Diagnostic.Kind.WARNING,
          Tag.SKIPPED.format(
              "backprop wrote no gradient for '" + method.getSimpleName() + "': it stopped at code"
                  + " that javac rejects, so javac's error in this method is the one to fix. If"
                  + " javac reports none, this is a bug in backprop: please report it with the"
                  + " method's source"),
          method);
    }
  }

  /** Warns at an element: code that compiles but most likely does not do what its author meant. */
  public void warning(Tag tag, String message, Element element) {
    if (!quiet) {
      messager.printMessage(Diagnostic.Kind.WARNING, tag.format(message), element);
    }
  }

  /** Reports an error on an element, for problems with no better position. */
  public void error(Tag tag, String message, Element element) {
    errors++;
    // A method another round reads again (its class waited for a type javac reports) says it once.
    if (!quiet && saidOnElements.add(element.getEnclosingElement() + "." + element + " " + message)) {
      messager.printMessage(Diagnostic.Kind.ERROR, tag.format(message), element);
    }
  }

  private java.util.function.Consumer<String> tracer;
  private java.util.function.Function<java.util.List<io.github.backprop.processor.ir.Stmt>, String> printer;

  /**
   * Where {@link #trace} prints; null (the default) prints nothing. {@code printer} writes a
   * stage's statements as Java, so the stages need not know the writer.
   */
  public void traceTo(
      java.util.function.Consumer<String> tracer,
      java.util.function.Function<java.util.List<io.github.backprop.processor.ir.Stmt>, String> printer) {
    this.tracer = tracer;
    this.printer = printer;
  }

  /** Statements as the writer prints them, for a trace. */
  public String show(java.util.List<io.github.backprop.processor.ir.Stmt> stmts) {
    return printer == null ? String.valueOf(stmts) : printer.apply(stmts);
  }

  /** Whether stages are traced: {@code -Abackprop.debug=stages}. */
  public boolean tracing() {
    return tracer != null;
  }

  /** A stage's output, for {@code -Abackprop.debug=stages}. */
  public void trace(String stage, String text) {
    if (tracer != null) {
      tracer.accept("backprop " + stage + ":\n" + text);
    }
  }

  /** Reports and returns an exception that abandons the current method, not the whole run. */
  public AbortMethod abort(Tag tag, String message, Tree tree, CompilationUnitTree unit) {
    error(tag, message, tree, unit);
    return new AbortMethod();
  }

  /**
   * Abandons the current method without a message of ours, where javac is certain to report the
   * problem itself (an unknown name, a type error), so the user sees one error, not two.
   */
  public AbortMethod abortQuietly() {
    if (Boolean.getBoolean("backprop.stacktrace")) {
      new Throwable("backprop stopped quietly").printStackTrace(); // for a report of a method left out
    }
    return new AbortMethod();
  }

  public int errorCount() {
    return errors;
  }

  /** Stable message tags. */
  public enum Tag {
    /** A Java construct backprop does not differentiate. */
    UNSUPPORTED("BackpropUnsupported"),
    /** The annotated method's signature. */
    SIGNATURE("BackpropSignature"),
    /** A call with no derivative: neither a rule nor {@code @Differentiable}. */
    NO_DERIVATIVE("BackpropNoDerivative"),
    /** A field that generated code cannot read. */
    FIELD("BackpropField"),
    /** A failure inside backprop itself. */
    BUG("BackpropBug"),
    /** A method left without a gradient where javac is expected to report why. */
    SKIPPED("BackpropSkipped");

    private final String tag;

    Tag(String tag) {
      this.tag = tag;
    }

    String format(String message) {
      return "[" + tag + "] " + message;
    }
  }

  /** Abandons one method; the processor goes on with the others. */
  public static final class AbortMethod extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortMethod() {
      super(null, null, false, false);
    }
  }
}
