package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One job of reading a method (statements, loops, expressions, calls, records...), as a part of
 * its {@link ReadSession}: the session's state and the other parts are at hand, so that the parts
 * call each other as the methods of one reader would.
 */
abstract class SessionPart {
  final ReadSession session;
  final ErrorReporter reporter;
  final CompilationUnitTree unit;
  /** The method whose body this session reads: the annotated one, or a helper read in place. */
  final ExecutableElement method;
  final TypeElement owner;
  final Resolver resolver;
  final Calls calls;
  /** The session of the annotated method. */
  final ReadSession root;
  /** Names in scope, innermost first: the session's. */
  final Deque<Map<String, Object>> scopes;

  // The other parts, taken from the session once it has made them all (join).
  DeclaredTypes types;
  StatementReader statements;
  LoopReader loops;
  AssignmentReader assignments;
  ExpressionReader expressions;
  OperatorReader operators;
  ArrayReader arrays;
  StreamReader streams;
  InvocationReader invocations;
  HelperInliner helpers;
  RecordReader records;
  RecordBindings bindings;
  RecordCalls recordCalls;
  FunctionValues functions;

  SessionPart(ReadSession session) {
    this.session = session;
    this.reporter = session.reporter;
    this.unit = session.unit;
    this.method = session.method;
    this.owner = session.owner;
    this.resolver = session.resolver;
    this.calls = session.calls;
    this.root = session.root;
    this.scopes = session.scopes;
  }

  /** Takes the other parts from the session, which makes them all before it reads anything. */
  final void join() {
    types = session.types;
    statements = session.statements;
    loops = session.loops;
    assignments = session.assignments;
    expressions = session.expressions;
    operators = session.operators;
    arrays = session.arrays;
    streams = session.streams;
    invocations = session.invocations;
    helpers = session.helpers;
    records = session.records;
    bindings = session.bindings;
    recordCalls = session.recordCalls;
    functions = session.functions;
  }

  static boolean isNull(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t instanceof LiteralTree l && l.getKind() == Tree.Kind.NULL_LITERAL;
  }

  static boolean isData(Expr e) {
    return e != null && e.type() != null && e.type().dims() == 0 && e.type().prim() == Type.Prim.OBJECT;
  }

  static boolean isList(Expr e) {
    return e != null && e.type() != null && e.type().dims() == 0 && e.type().prim() == Type.Prim.LIST;
  }

  static Stmt.Block join(List<Stmt> first, List<Stmt> then) {
    List<Stmt> all = new ArrayList<>(first);
    all.addAll(then);
    return new Stmt.Block(NullableBoxes.once(all)); // best == null ? 0 : best * best checks best once
  }

  /** A loop being read, for the {@code break} and {@code continue} inside it. */
  /** A loop, a switch, or a labeled block ({@code labelOnly}: only {@code break label;} leaves it). */
  record LoopScope(LoopId id, boolean isSwitch, boolean labelOnly) {
    LoopScope(LoopId id, boolean isSwitch) {
      this(id, isSwitch, false);
    }
  }

  static final Expr TRUE = new Expr.Literal(true, Type.BOOLEAN);

  static final Expr FALSE = new Expr.Literal(false, Type.BOOLEAN);

  /** A value read apart, and the statements that must run before it. */
  record Read<T>(T value, List<Stmt> before) {}

  /** A Hipparchus {@code SinCos} local, held as its two values. */
  record SinCos(Var sin, Var cos) {}

  /**
   * A second name for an array, e.g. {@code row} for {@code m[i]}: each use reads as the
   * expression.
   *
   * @param named whether a variable of the source carries it (not the hidden iterable of a loop)
   */
  record Alias(Expr expr, String source, boolean named) {
    String describe(String name) {
      return named ? "'" + name + "' (" + source + ")" : "the loop over " + source;
    }
  }
}
