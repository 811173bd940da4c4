package io.github.backprop.processor.read;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads loops ({@code while}, {@code do}, {@code for}, an enhanced {@code for} over an array or a
 * list) and finds the loop a {@code break} or {@code continue} leaves. A condition that needs
 * statements first (a helper's body) is tested at the top of the body.
 */
final class LoopReader extends SessionPart {
  LoopReader(ReadSession session) {
    super(session);
  }

  LoopId enterLoop() {
    LoopId id = new LoopId(session.pendingLabel);
    session.pendingLabel = null;
    session.loopScopes.push(new LoopScope(id, false));
    return id;
  }

  /** A {@code continue} goes to a loop, never to a switch around it. */
  LoopId continueTarget(javax.lang.model.element.Name label) {
    for (LoopScope l : session.loopScopes) {
      if (!l.isSwitch() && (label == null || label.contentEquals(String.valueOf(l.id().label())))) {
        return l.id();
      }
    }
    throw reporter.abortQuietly();
  }

  LoopId jumpTarget(javax.lang.model.element.Name label, Tree at) {
    for (LoopScope l : session.loopScopes) {
      if (label == null ? !l.labelOnly() : label.contentEquals(String.valueOf(l.id().label()))) {
        return l.id();
      }
    }
    // Outside any loop (or to an unknown label) javac reports the error itself.
    throw reporter.abortQuietly();
  }

  /**
   * {@code found: { ... break found; ... }}: a loop that runs its body once, which only {@code
   * break found;} leaves early (an unlabeled break or continue inside goes where Java sends it).
   */
  Stmt labeledBlock(com.sun.source.tree.LabeledStatementTree l) {
    LoopId id = new LoopId(l.getLabel().toString());
    session.loopScopes.push(new LoopScope(id, true, true));
    try {
      Stmt.Block body = statements.asBlock(l.getStatement());
      return new Stmt.Loop(id, List.of(), TRUE, List.of(), join(body.statements(), List.of(new Stmt.Break(id))), true);
    } finally {
      session.loopScopes.pop();
    }
  }

  /** {@code while (condition) body}; a condition that needs statements is tested in the body. */
  Stmt whileLoop(WhileLoopTree w) {
    LoopId id = enterLoop();
    try {
      Read<Expr> condition = session.apart(() -> expressions.condition(w.getCondition()));
      Stmt.Block body = statements.asBlock(w.getStatement());
      if (!condition.before().isEmpty()) {
        // while (f(x) > 1) body  →  while (true) { <f's body>; if (!(r > 1)) break; body }
        List<Stmt> test = new ArrayList<>(condition.before());
        test.add(exitUnless(condition.value(), id));
        return new Stmt.Loop(id, List.of(), TRUE, List.of(), join(test, body.statements()), true);
      }
      return new Stmt.Loop(id, List.of(), condition.value(), List.of(), body, true);
    } finally {
      session.loopScopes.pop();
    }
  }

  /** {@code do body while (condition);}, its condition tested after the body. */
  Stmt doWhileLoop(DoWhileLoopTree d) {
    LoopId id = enterLoop();
    try {
      Stmt.Block body = statements.asBlock(d.getStatement());
      Read<Expr> condition = session.apart(() -> expressions.condition(d.getCondition()));
      if (!condition.before().isEmpty()) {
        boolean[] continues = {false};
        Walk.each(body, x -> continues[0] |= x instanceof Stmt.Continue c && c.target() == id);
        if (continues[0]) {
          throw session.noPrelude(d.getCondition());
        }
        List<Stmt> test = new ArrayList<>(condition.before());
        test.add(exitUnless(condition.value(), id));
        return new Stmt.Loop(id, List.of(), TRUE, List.of(), join(body.statements(), test), true);
      }
      return new Stmt.Loop(id, List.of(), condition.value(), List.of(), body, false);
    } finally {
      session.loopScopes.pop();
    }
  }

  /** {@code for (init; condition; update) body}, with its own scope for the init variables. */
  Stmt forLoop(ForLoopTree f) {
    LoopId id = enterLoop();
    scopes.push(new java.util.LinkedHashMap<>());
    try {
      List<Stmt> init = new ArrayList<>();
      for (StatementTree t : f.getInitializer()) {
        Read<Stmt> st = session.apart(() -> statements.statement(t));
        init.addAll(st.before());
        if (st.value() != null) {
          init.add(st.value());
        }
      }
      Read<Expr> condition =
          f.getCondition() == null
              ? new Read<>(TRUE, List.of())
              : session.apart(() -> expressions.condition(f.getCondition()));
      Stmt.Block body = statements.asBlock(f.getStatement());
      List<Stmt> update = new ArrayList<>();
      for (ExpressionStatementTree t : f.getUpdate()) {
        Read<Stmt> st = session.apart(() -> statements.statement(t));
        update.addAll(st.before());
        if (st.value() != null) {
          update.add(st.value());
        }
      }
      if (!condition.before().isEmpty()) {
        List<Stmt> test = new ArrayList<>(condition.before());
        test.add(exitUnless(condition.value(), id));
        return new Stmt.Loop(id, init, TRUE, update, join(test, body.statements()), true);
      }
      return new Stmt.Loop(id, init, condition.value(), update, body, true);
    } finally {
      scopes.pop();
      session.loopScopes.pop();
    }
  }

  /**
   * {@code for (double v : a) body} reads as {@code for (int _i = 0; _i < a.length; _i++)
   * { double v = a[_i]; body }}. Over a {@code double[][]}, the row variable names {@code
   * a[_i]}; it is not a copy.
   */
  Stmt enhancedFor(EnhancedForLoopTree f) {
    if (records.arrays().named(f.getExpression()) != null) {
      return records.arrays().loop(f, records.arrays().named(f.getExpression()));
    }
    LoopId id = enterLoop();
    scopes.push(new java.util.LinkedHashMap<>());
    try {
      if (BuiltLists.named(session, f.getExpression()) != null) {
        return BuiltLists.of(session).loop(f, id, BuiltLists.named(session, f.getExpression()));
      }
      Expr array = enumValues(f.getExpression());
      if (array == null) {
        array = expressions.value(f.getExpression());
      }
      if (isList(array)) {
        return listLoop(f, id, array);
      }
      if (array.type() != null && array.type().isGeneric()) {
        return GenericLoops.of(session).loop(f, id, array);
      }
      if (records.aggregateOf(array) != null) {
        throw records.notARecordPlace(f.getExpression(), records.aggregateOf(array));
      }
      if (Calls.isObject(array)) {
        throw calls.notHere(f.getExpression());
      }
      if (!array.type().isArray()) {
        throw reporter.abortQuietly(); // javac: for-each not applicable
      }
      if (!(array instanceof Expr.Ref || array instanceof Expr.Index)) {
        // for (double v : new double[] {a, b, c}): the array Java makes once, before the loop
        if (session.prelude == null) {
          throw session.noPrelude(f.getExpression());
        }
        Var made = Var.temp("_each", array.type());
        session.prelude.add(new Stmt.Declare(made, array));
        array = new Expr.Ref(made);
      }
      Var index = Var.temp("_i", Type.INT);
      Type element = array.type().element();
      VariableTree v = f.getVariable();
      Type declared = v.getType() == null || types.isVar(v.getType()) ? element : types.declaredType(v.getType());
      String name = v.getName().toString();
      if (session.declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      Expr read = new Expr.Index(array, new Expr.Ref(index), element);
      List<Stmt> first = new ArrayList<>();
      scopes.push(new java.util.LinkedHashMap<>());
      boolean rowsChange = element.isArray() && array instanceof Expr.Ref r && session.rowsRebound(r.var().name())
          && assignments.localMatrix(r.var());
      if (element.isArray() && !rowsChange) {
        if (!declared.equals(element)) {
          throw reporter.abortQuietly();
        }
        scopes.peek().put(name, new Alias(read, f.getExpression().toString() + "[...]", true));
      } else {
        // A number; or a row of a matrix whose rows are given other arrays in the loop, which
        // holds the array the row had when the iteration began.
        if (!declared.acceptsByWidening(element)) {
          throw reporter.abortQuietly();
        }
        Stmt.Declare d = new Stmt.Declare(session.declare(name, declared, Var.Kind.LOCAL), read);
        session.remember(d, v);
        session.sources.put(d, session.sourceText(v) + " : " + session.sourceText(f.getExpression()));
        first.add(d);
      }
      // The array is read once per iteration as written: what it names must not change.
      scopes.peek().put(" iterable", new Alias(array, f.getExpression().toString(), false));
      Stmt.Block body = statements.asBlock(f.getStatement());
      scopes.pop();
      first.addAll(body.statements());
      List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
      Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Length(array), Type.BOOLEAN);
      List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
      return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
    } finally {
      scopes.pop();
      session.loopScopes.pop();
    }
  }

  /**
   * {@code Planet.values()} of an enum, the array an enhanced {@code for} walks, held in a local
   * the loop reads ({@code Planet[] _values = Planet.values();}): its constants carry no derivative,
   * and what the body reads of them ({@code p.mass()}) is read as any call of an enum is. Null for
   * any other expression.
   */
  private Expr enumValues(com.sun.source.tree.ExpressionTree e) {
    Expr values = enumConstants(e);
    if (values == null) {
      return null;
    }
    Var held = Var.temp("_values", values.type());
    session.prelude.add(new Stmt.Declare(held, values));
    return new Expr.Ref(held);
  }

  /** {@code Planet.values()} of an enum, as an expression of its array type (data); null for any other expression. */
  Expr enumConstants(com.sun.source.tree.ExpressionTree e) {
    if (!(e instanceof com.sun.source.tree.MethodInvocationTree call) || !call.getArguments().isEmpty()
        || !(call.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree select)
        || !select.getIdentifier().contentEquals("values")) {
      return null;
    }
    javax.lang.model.element.TypeElement type = resolver.type(select.getExpression());
    if (type == null || type.getKind() != javax.lang.model.element.ElementKind.ENUM) {
      return null;
    }
    Type values = Type.enumOf(Resolver.owner(type)).arrayOf();
    return new Expr.Foreign(List.of(Resolver.owner(type), ".values()"), values);
  }

  /** {@code for (Sample s : data)} over a list: by index, {@code Sample s = data.get(_i)}. */
  private Stmt listLoop(EnhancedForLoopTree f, LoopId id, Expr list) {
    if (!(list instanceof Expr.Ref)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an enhanced 'for' over a list that is not a variable is not supported: declare it first",
          f.getExpression(),
          unit);
    }
    Var index = Var.temp("_i", Type.INT);
    Type element = RecordCalls.listElement(list);
    VariableTree v = f.getVariable();
    Type declared = v.getType() == null || types.isVar(v.getType()) ? element : types.declaredType(v.getType());
    if (!element.isReference() && declared.acceptsByWidening(element)) {
      element = declared; // for (double v : counts) over a List<Integer>: widened as it is read
    }
    String name = v.getName().toString();
    if (!declared.equals(element) || session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    Stmt.Block first = elementThenBody(f, element, new Expr.Foreign(List.of(list, ".get(", new Expr.Ref(index), ")"), element));
    List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
    Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Foreign(List.of(list, ".size()"), Type.INT), Type.BOOLEAN);
    List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
    return new Stmt.Loop(id, init, condition, update, first, true);
  }

  /** The body of the for-each {@code f}: its variable, of type {@code type}, given {@code element}, then its statements. */
  Stmt.Block elementThenBody(EnhancedForLoopTree f, Type type, Expr element) {
    VariableTree v = f.getVariable();
    scopes.push(new java.util.LinkedHashMap<>());
    List<Stmt> first = new ArrayList<>();
    Stmt.Declare d = new Stmt.Declare(session.declare(v.getName().toString(), type, Var.Kind.LOCAL), element);
    session.remember(d, v);
    session.sources.put(d, session.sourceText(v) + " : " + session.sourceText(f.getExpression()));
    first.add(d);
    Stmt.Block body = statements.asBlock(f.getStatement());
    scopes.pop();
    first.addAll(body.statements());
    return new Stmt.Block(first);
  }

  /** {@code if (!condition) break;}: a loop condition that needs statements, tested in the body. */
  private Stmt exitUnless(Expr condition, LoopId loop) {
    return new Stmt.If(
        new Expr.Unary(Op.NOT, condition, Type.BOOLEAN),
        new Stmt.Block(List.of(new Stmt.Break(loop))),
        new Stmt.Block(List.of()));
  }
}
