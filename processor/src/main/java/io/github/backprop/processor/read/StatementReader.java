package io.github.backprop.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Reads statements: blocks, declarations, returns, {@code if}, {@code throw}, {@code try} and
 * {@code assert}. Loops are {@link LoopReader}'s, assignments and calls as statements {@link
 * AssignmentReader}'s. A statement that cannot be read is reported and skipped, so that one
 * compilation reports every problem of the method.
 */
final class StatementReader extends SessionPart {
  StatementReader(ReadSession session) {
    super(session);
  }

  Stmt.Block block(List<? extends StatementTree> statements) {
    scopes.push(new java.util.LinkedHashMap<>());
    int depth = scopes.size();
    List<Stmt> out = new ArrayList<>();
    List<Stmt> outer = session.prelude;
    try {
      for (StatementTree s : statements) {
        session.prelude = new ArrayList<>();
        Stmt stmt;
        try {
          stmt = statement(s);
        } catch (AbortMethod e) {
          if (root != session || session.reader.survey) {
            throw e;
          }
          // Reported; read on, so every problem of the method is reported in one compilation.
          session.failed = true;
          while (scopes.size() > depth) {
            scopes.pop();
          }
          continue;
        }
        out.addAll(session.root.nullFlags.isEmpty() ? session.prelude : NullableBoxes.once(session.prelude));
        if (stmt != null) {
          out.add(stmt);
        }
      }
    } finally {
      session.prelude = outer;
      scopes.pop();
    }
    return new Stmt.Block(out);
  }

  Stmt.Block asBlock(StatementTree s) {
    if (s == null) {
      return new Stmt.Block(List.of());
    }
    if (s instanceof BlockTree b) {
      return block(b.getStatements());
    }
    return block(List.of(s));
  }

  Stmt statement(StatementTree s) {
    Stmt stmt = switchStatement(s);
    if (stmt != null) {
      session.remember(stmt, s);
    }
    return stmt;
  }

  private Stmt switchStatement(StatementTree s) {
    switch (s.getKind()) {
      case BLOCK:
        return block(((BlockTree) s).getStatements());
      case EMPTY_STATEMENT:
        return null;
      case RECORD:
      case CLASS:
        if (!resolver.isLocalRecord(((com.sun.source.tree.ClassTree) s).getSimpleName().toString())) {
          throw session.unsupported(s);
        }
        return null; // read from its copy where it is used (LocalRecordCopies)
      case VARIABLE:
        return variable((VariableTree) s);
      case EXPRESSION_STATEMENT:
        return expressionStatement((ExpressionStatementTree) s);
      case RETURN:
        {
          ExpressionTree value = ((ReturnTree) s).getExpression();
          if (value == null) {
            throw reporter.abortQuietly();
          }
          if (session.recordResult != null) {
            return bindings.recordReturn(value);
          }
          if (value.getKind() == Tree.Kind.NULL_LITERAL && io.github.backprop.processor.ir.BoxedResult.is(method)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'return null' in '" + method.getSimpleName() + "', which returns " + method.getReturnType()
                    + ": its derivative needs a number, so backprop differentiates it as a method returning"
                    + " the primitive; return a number (Double.NaN where there is none), or throw",
                value,
                unit);
          }
          return new Stmt.Return(expressions.expr(value));
        }
      case IF:
        {
          IfTree t = (IfTree) s;
          Boolean known = AbsentArrays.known(session, t.getCondition());
          if (known != null) { // if (hiPrec != null) of a null array: the live branch alone
            return asBlock(known ? t.getThenStatement() : t.getElseStatement());
          }
          Expr condition = expressions.condition(t.getCondition());
          return new Stmt.If(condition, asBlock(t.getThenStatement()), asBlock(t.getElseStatement()));
        }
      case LABELED_STATEMENT:
        {
          LabeledStatementTree l = (LabeledStatementTree) s;
          Tree.Kind k = l.getStatement().getKind();
          if (k != Tree.Kind.FOR_LOOP && k != Tree.Kind.ENHANCED_FOR_LOOP
              && k != Tree.Kind.WHILE_LOOP && k != Tree.Kind.DO_WHILE_LOOP) {
            return loops.labeledBlock(l);
          }
          session.pendingLabel = l.getLabel().toString();
          return statement(l.getStatement());
        }
      case WHILE_LOOP:
        return loops.whileLoop((WhileLoopTree) s);
      case DO_WHILE_LOOP:
        return loops.doWhileLoop((DoWhileLoopTree) s);
      case FOR_LOOP:
        return loops.forLoop((ForLoopTree) s);
      case ENHANCED_FOR_LOOP:
        return loops.enhancedFor((EnhancedForLoopTree) s);
      case THROW:
        return throwStatement((com.sun.source.tree.ThrowTree) s);
      case TRY:
        return tryStatement((com.sun.source.tree.TryTree) s);
      case ASSERT:
        return assertStatement((com.sun.source.tree.AssertTree) s);
      case BREAK:
        return new Stmt.Break(loops.jumpTarget(((BreakTree) s).getLabel(), s));
      case CONTINUE:
        return new Stmt.Continue(loops.continueTarget(((ContinueTree) s).getLabel()));
      case SWITCH:
        return session.switches.statement((com.sun.source.tree.SwitchTree) s);
      case YIELD:
        return session.switches.yield((com.sun.source.tree.YieldTree) s);
      default:
        throw session.unsupported(s);
    }
  }

  /** {@code throw e;}: the exception is kept as written, its message may show any value. */
  private Stmt throwStatement(com.sun.source.tree.ThrowTree t) {
    Expr e = expressions.value(t.getExpression());
    if (!Calls.isObject(e)) {
      throw reporter.abortQuietly(); // javac: a primitive cannot be thrown
    }
    return new Stmt.Throw((Expr.Foreign) e);
  }

  /**
   * {@code try}: read into an {@code if} that every pass follows as a branch ({@link Tries}).
   * Each catch parameter is a name for the caught exception, printed as {@code _caught0}.
   */
  private Stmt tryStatement(com.sun.source.tree.TryTree t) {
    Tries.checkShape(t, reporter, unit);
    // try (Timer t = new Timer()) {...}: each resource a local declared just before the statement
    // and closed by it as Java closes it (printed as try (t) {...}); in scope in the try block only.
    // Each further resource is opened inside the ones before: try (a) { B b = ...; try (b) {...} }.
    List<List<Stmt>> declared = new ArrayList<>();
    List<Expr> resources = new ArrayList<>();
    scopes.push(new java.util.LinkedHashMap<>());
    Stmt.Block body;
    Type result = session.recordResult != null ? null
        : Resolver.typeOf(method.getReturnType()) != null
            ? Resolver.typeOf(method.getReturnType()) : io.github.backprop.processor.ir.BoxedResult.type(method);
    try {
      for (Tree r : t.getResources()) {
        List<Stmt> declaration = new ArrayList<>();
        resources.add(resource(r, declaration));
        declared.add(declaration);
      }
      body = block(t.getBlock().getStatements());
      for (int k = resources.size() - 1; k > 0; k--) {
        List<Stmt> inner = new ArrayList<>(declared.get(k));
        inner.addAll(new Tries(reporter, unit, session.positions, session.sources)
            .lower(t, List.of(resources.get(k)), body, List.of(), null, result));
        body = new Stmt.Block(inner);
      }
    } finally {
      scopes.pop();
    }
    List<Tries.Handler> handlers = new ArrayList<>();
    for (com.sun.source.tree.CatchTree c : t.getCatches()) {
      String name = "_caught" + root.caught++;
      Map<String, Object> scope = new java.util.LinkedHashMap<>();
      List<TypeElement> caughtTypes = new ArrayList<>();
      List<Object> type = catchType(c.getParameter().getType(), caughtTypes);
      Expr caughtValue = calls.object(name, Tries.commonType(caughtTypes).asType());
      scope.put(c.getParameter().getName().toString(), new Alias(caughtValue, name, true));
      scopes.push(scope);
      try {
        handlers.add(new Tries.Handler(type, name, block(c.getBlock().getStatements()), c));
      } finally {
        scopes.pop();
      }
    }
    Stmt.Block fin = t.getFinallyBlock() == null ? null : block(t.getFinallyBlock().getStatements());
    List<Stmt> out = new ArrayList<>(declared.isEmpty() ? List.of() : declared.get(0));
    out.addAll(new Tries(reporter, unit, session.positions, session.sources)
        .lower(t, resources.isEmpty() ? List.of() : List.of(resources.get(0)), body, handlers, fin, result));
    // A block, so that the try's source text labels no single statement of it.
    return new Stmt.Block(out);
  }

  /** A resource of a try-with-resources, as the local that holds it; its declaration goes into {@code declared}. */
  private Expr resource(Tree r, List<Stmt> declared) {
    Expr out = null;
    if (r instanceof VariableTree v) {
      Read<Stmt> read = session.apart(() -> variable(v));
      if (read.value() instanceof Stmt.Declare decl && isObject(decl.var().type())) {
        declared.addAll(read.before());
        declared.add(decl);
        out = new Expr.Ref(decl.var());
      }
    } else if (r instanceof ExpressionTree e && expressions.value(e) instanceof Expr.Ref ref && isObject(ref.type())) {
      out = ref;
    }
    if (out == null) {
      throw reporter.abort(Tag.UNSUPPORTED, Tries.RESOURCES, r, unit);
    }
    return out;
  }

  private static boolean isObject(Type t) {
    return t != null && t.isReference() && !t.isArray();
  }

  /** A catch parameter's type, {@code A | B} for a multi-catch, named so that it resolves anywhere. */
  private List<Object> catchType(Tree type, List<TypeElement> found) {
    List<Object> parts = new ArrayList<>();
    List<? extends Tree> alternatives =
        type instanceof com.sun.source.tree.UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
    for (Tree alternative : alternatives) {
      TypeElement e = alternative instanceof ExpressionTree x ? resolver.type(x) : null;
      if (e == null) {
        throw reporter.abortQuietly(); // javac reports the unknown type
      }
      if (!parts.isEmpty()) {
        parts.add(" | ");
      }
      parts.add(Resolver.owner(e));
      found.add(e);
    }
    return parts;
  }

  /** {@code assert c : m;} is kept as written: it checks what the source checks, when enabled. */
  private Stmt assertStatement(com.sun.source.tree.AssertTree t) {
    List<Object> parts = new ArrayList<>(List.of("assert ", expressions.condition(t.getCondition())));
    if (t.getDetail() != null) {
      Expr detail = expressions.value(t.getDetail());
      parts.add(" : ");
      parts.addAll(detail instanceof Expr.Foreign f && f.type() == null ? f.parts() : List.of(detail));
    }
    return new Stmt.Assert(new Expr.Foreign(parts, null));
  }

  private Stmt variable(VariableTree v) {
    Stmt list = BuiltLists.of(session).declare(v);
    if (list != null) {
      return list; // List<Double> xs = new ArrayList<>(): a growing double[] and its count
    }
    boolean inferred = v.getType() == null || types.isVar(v.getType());
    ExpressionTree initTree = v.getInitializer();
    Expr angle = expressions.sinCosAngle(initTree);
    Expr[] sum = angle == null ? expressions.sinCosSum(initTree) : null;
    if (angle != null || sum != null) {
      // SinCos sc = FastMath.sinCos(x) (or SinCos.sum(a, b)): its sin() and cos() are two locals, each with its rule.
      String name = v.getName().toString();
      if (session.declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      Var sin = new Var(name + "Sin", Type.DOUBLE, Var.Kind.LOCAL);
      Var cos = new Var(name + "Cos", Type.DOUBLE, Var.Kind.LOCAL);
      Expr sinCall = sum != null ? sum[0] : null;
      Expr cosCall = sum != null ? sum[1] : null;
      if (angle != null) {
        Owner math = Resolver.owner(resolver.type(((MemberSelectTree) ((MethodInvocationTree) initTree).getMethodSelect()).getExpression()));
        sinCall = new Expr.Call(math, "sin", List.of(angle), Type.DOUBLE);
        cosCall = new Expr.Call(math, "cos", List.of(angle), Type.DOUBLE);
        session.position(sinCall, initTree);
        session.position(cosCall, initTree);
      }
      scopes.peek().put(name, new SinCos(sin, cos));
      Stmt first = new Stmt.Declare(sin, sinCall);
      session.remember(first, v);
      session.prelude.add(first);
      return new Stmt.Declare(cos, cosCall);
    }
    Stmt statistic = statisticObject(v);
    if (statistic != null) {
      return statistic; // Mean m = new Mean(); whose evaluate(x) is written out
    }
    Expr constants = loops.enumConstants(initTree);
    if (constants != null && (inferred || v.getType() instanceof com.sun.source.tree.ArrayTypeTree a && a.getType() instanceof ExpressionTree e
        && resolver.type(e) != null && Type.enumOf(Resolver.owner(resolver.type(e))).arrayOf().equals(constants.type()))) {
      // Planet[] all = Planet.values(): the constants, data, walked as any array is
      if (session.declaredLocally(v.getName().toString())) {
        throw reporter.abortQuietly();
      }
      return new Stmt.Declare(session.declare(v.getName().toString(), constants.type(), Var.Kind.LOCAL), constants);
    }
    Stmt arrayOfRecords = records.arrays().variable(v);
    if (arrayOfRecords != null) {
      return arrayOfRecords; // R[] vs = {...}; held as one array per component
    }
    TypeElement declaredRecord = inferred ? null : types.recordType(v.getType());
    if (declaredRecord != null || inferred) {
      Stmt made = bindings.newRecordVariable(v, declaredRecord);
      if (made != null) {
        return made;
      }
    }
    Type box = inferred ? null : types.boxOf(v.getType());
    if (box != null && isNull(initTree)) {
      return NullableBoxes.of(session).declare(v, box); // Double best = null: a double and a flag
    }
    Stmt matrix = assignments.matrixOfArrays(v);
    if (matrix != null) {
      return matrix; // double[][] rows = {prev, curr} (or var rows = new double[][] {...}): rows given arrays
    }
    // The initialiser is read first, so its own problems are reported before the type's; a
    // bare {a, b} needs the declared type first.
    boolean bare = initTree instanceof NewArrayTree n && n.getType() == null;
    Expr init = initTree == null || bare ? null : calls.typed(expressions.value(initTree));
    if (functions.of(init) != null) {
      // DoubleUnaryOperator f = t -> ...: the name stands for the lambda, read where it is called.
      if (session.declaredLocally(v.getName().toString())) {
        throw reporter.abortQuietly();
      }
      Tree declaredType = v.getType() instanceof com.sun.source.tree.ParameterizedTypeTree pt ? pt.getType() : v.getType();
      TypeElement declaredAs = inferred || !(declaredType instanceof ExpressionTree e) ? null : resolver.type(e);
      functions.bind(v.getName().toString(), init, declaredAs);
      return new Stmt.Block(List.of());
    }
    if (declaredRecord != null || records.aggregateOf(init) != null) {
      return bindings.recordVariable(v, declaredRecord, init);
    }
    if (init != null && Calls.isObject(init) && !inferred && types.referenceType(v.getType()) == null) {
      throw calls.notHere(initTree); // Object o = new Object();
    }
    Type declared = inferred ? null : types.declaredType(v.getType());
    if (bare) {
      init = initializer(initTree, declared);
    }
    Type type;
    if (inferred) {
      if (init == null) {
        throw reporter.abortQuietly();
      }
      type = init.type();
      if (type == null) {
        throw calls.notHere(initTree);
      }
    } else if (types.holds(declared, init, initTree)) {
      type = declared;
    } else {
      type = declared;
      if (type.isNarrow() && init != null) {
        init = IntegerOps.narrow(type, init, types.declaredTypeOf(init));
      } else if (init != null && !type.acceptsByWidening(init.type())) {
        throw reporter.abortQuietly();
      }
    }
    if (type.isGeneric() && init instanceof Expr.Foreign f && f.type() == null && !isNull(initTree)) {
      init = new Expr.Foreign(f.parts(), type); // Map<String, Double> m = new HashMap<>(): of the type declared
    }
    if (type.isReference() && init instanceof Expr.Foreign f && f.type() == null) {
      init = new Expr.Literal(null, type); // String s = null;
    }
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    if (type.isArray() && init instanceof Expr.Foreign f && f.type() != null && f.values().stream().allMatch(StatementReader::isDataValue)) {
      // double[] x = s.x(); of a record of data: its array, read and never written here.
      String local = v.getName().toString();
      if (session.declaredLocally(local)) {
        throw reporter.abortQuietly();
      }
      Var array = session.declare(local, type, Var.Kind.LOCAL);
      root.recordArrays.add(array);
      return new Stmt.Declare(array, init);
    }
    if (type.isArray() && init instanceof Expr.Conditional && arrays.isTable(init)) {
      // double[] c = x < 0.5 ? P : Q: a choice among static tables, made once, here.
      Var table = session.declare(name, type, Var.Kind.LOCAL);
      root.tables.add(table);
      return new Stmt.Declare(table, init);
    }
    if (type.isArray() && init != null && !(init instanceof Expr.NewArray) && rebindsArray(name, init)) {
      // double[] tmp = cur; where cur or tmp is assigned again: a variable of its own, which
      // refers to the array cur refers to now.
      Var local = session.declare(name, type, Var.Kind.LOCAL);
      return new Stmt.Declare(local, init);
    }
    if (type.isArray() && init != null && !(init instanceof Expr.NewArray)) {
      if (!(init instanceof Expr.Ref || init instanceof Expr.Index)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array variable must be a new array, another array variable or a row such as"
                + " m[i]; '" + v.getInitializer() + "' is none of these",
            v.getInitializer(),
            unit);
      }
      // double[] row = m[i]: a second name for an array, read as m[i] wherever it is used.
      scopes.peek().put(name, new Alias(init, v.getInitializer().toString(), true));
      return null;
    }
    if (type.isArray() && init == null) {
      // double[] c; then c = P; or c = new double[] {1, 2}; in each branch: a table chosen later.
      Var table = session.declare(name, type, Var.Kind.LOCAL);
      root.tables.add(table);
      return new Stmt.Declare(table, null);
    }
    Var local = session.declare(name, type, Var.Kind.LOCAL);
    if (box != null) {
      root.boxed.put(local, box);
    }
    return new Stmt.Declare(local, init);
  }

  /**
   * Whether {@code double[] name = init;} starts a variable of its own: {@code init} is an array
   * variable or a choice of them, and one of them or {@code name} is assigned a whole array; or
   * {@code init} is a row of a matrix whose rows are given other arrays.
   */
  private boolean rebindsArray(String name, Expr init) {
    if (!Rebinding.isArrayValue(init) && assignments.arrayOrRow(init)) {
      // double[] swap = m[0]; where rows of m are given other arrays: m[0] changes, swap does not.
      boolean[] changes = {session.rebound(name) || init instanceof Expr.Conditional};
      Walk.each(init, e -> {
        Var m = assignments.rowOf(e);
        changes[0] |= m != null && session.rowsRebound(m.name());
      });
      return changes[0] && assignments.foreignArray(init) == null && !Rebinding.choosesNewElements(init);
    }
    if (!Rebinding.isArrayValue(init) || arrays.isTable(init) || assignments.foreignArray(init) != null
        || Rebinding.choosesNewElements(init)) {
      return false;
    }
    if (init instanceof Expr.Conditional) {
      return true; // double[] c = first ? a : b;  refers to one of two arrays, known as it runs
    }
    boolean[] rebound = {session.rebound(name)};
    Walk.each(init, e -> rebound[0] |= e instanceof Expr.Ref r && session.rebound(r.var().name()));
    return rebound[0];
  }

  /**
   * {@code Mean m = new Mean();}: a statistic object whose methods a table writes out, held as the
   * object itself, its class known exactly while the name is never assigned again.
   */
  private Stmt statisticObject(VariableTree v) {
    ExpressionTree init = v.getInitializer();
    while (init instanceof ParenthesizedTree p) {
      init = p.getExpression();
    }
    String name = v.getName().toString();
    if (!(init instanceof NewClassTree n) || n.getClassBody() != null) {
      return null;
    }
    TypeElement type = resolver.type(n.getIdentifier());
    if (type == null || !io.github.backprop.processor.rules.Statistics.onObject(type.getQualifiedName().toString())) {
      return null;
    }
    if (Writes.assigns(enclosingMethod(v), name)) {
      String simple = type.getSimpleName().toString();
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' is assigned again, and backprop writes out " + simple + "'s methods only for a local"
              + " that keeps the object it is declared with: declare a new local for another one ("
              + simple + " " + name + "2 = new " + simple + "(...))",
          v,
          unit);
    }
    if (!(expressions.value(n) instanceof Expr.Foreign made) || session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    // Typed as the object it is, though its class has fields (Mean's moment) a held class would keep.
    Expr value = new Expr.Foreign(made.parts(), Type.objectOf(Resolver.owner(type)));
    Var local = session.declare(name, value.type(), Var.Kind.LOCAL);
    calls.madeHere(local, type);
    return new Stmt.Declare(local, value);
  }

  /** The body of the method {@code t} is in, or the whole file where it has no path. */
  private Tree enclosingMethod(Tree t) {
    com.sun.source.util.TreePath path = session.trees.getPath(unit, t);
    while (path != null && !(path.getLeaf() instanceof com.sun.source.tree.MethodTree)) {
      path = path.getParentPath();
    }
    return path == null ? unit : path.getLeaf();
  }

  /** An initialiser; a bare {@code {a, b}} takes its type from the declaration. */
  private Expr initializer(ExpressionTree t, Type declared) {
    if (t instanceof NewArrayTree n && n.getType() == null) {
      if (declared == null || !declared.isArray()) {
        throw reporter.abortQuietly();
      }
      Expr e = arrays.arrayInitializer(n, declared);
      session.position(e, t);
      return e;
    }
    return expressions.expr(t);
  }

  private Stmt expressionStatement(ExpressionStatementTree s) {
    return assignments.effect(s.getExpression());
  }

  /** Whether {@code e} reads only records of data and integers: what a data array may come from. */
  private static boolean isDataValue(Expr e) {
    return e.type() != null && (e.type().prim() == Type.Prim.OBJECT || e.type().prim() == Type.Prim.LIST
        || e.type().equals(Type.INT));
  }
}
