package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import io.github.backprop.processor.GeneratedNames;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.rules.MathRules;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Differentiable} method from javac's trees into a {@link MethodModel}: names
 * resolved, every expression typed. Problems are reported through the {@link ErrorReporter} and
 * abandon the method.
 */
public final class MethodReader {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  private final Trees trees;
  private final Elements elements;
  private final ErrorReporter reporter;
  private final CalleeFacts calleeFacts;
  /** Reading a callee only to learn what it writes: a call that passes it on is no error here. */
  private final boolean survey;
  /** The copies of private fields of the class being generated, shared by its methods; or null. */
  private final FieldCopies copies;

  public MethodReader(Trees trees, Elements elements, ErrorReporter reporter) {
    this(trees, elements, reporter, (FieldCopies) null);
  }

  /** @param copies shared by every method of one class, so that each field is copied once */
  public MethodReader(Trees trees, Elements elements, ErrorReporter reporter, FieldCopies copies) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.calleeFacts = new CalleeFacts(trees, elements, reporter);
    this.survey = false;
    this.copies = copies;
  }

  MethodReader(Trees trees, Elements elements, ErrorReporter reporter, CalleeFacts calleeFacts) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.calleeFacts = calleeFacts;
    this.survey = true;
    this.copies = null;
  }

  public MethodModel read(ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
    return new Session(method, unit).read(tree);
  }

  /** The result record name of every {@code @Differentiable} method of a class. */
  public static Map<ExecutableElement, String> recordNames(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (isDifferentiable(m)) {
        methods.add(m);
      }
    }
    return GeneratedNames.records(
        methods,
        m -> new GeneratedNames.Signature(m.getSimpleName().toString(), Resolver.paramTypes(m)),
        GeneratedNames.gradClass(Resolver.owner(type)).simpleNames());
  }

  /** The model's name for a class. */
  public static Owner owner(TypeElement type) {
    return Resolver.owner(type);
  }

  /**
   * The parameter names of {@code @Differentiable(wrt = ...)}, or null where it names none: then
   * every floating-point parameter is differentiated.
   */
  public static java.util.Set<String> wrt(Element method) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (!a.getAnnotationType().toString().equals(ANNOTATION)) {
        continue;
      }
      for (var e : a.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
          java.util.Set<String> names = new java.util.LinkedHashSet<>();
          for (Object v : values) {
            names.add(String.valueOf(((javax.lang.model.element.AnnotationValue) v).getValue()));
          }
          return names.isEmpty() ? null : names;
        }
      }
    }
    return null;
  }

  /** Whether a method carries {@code @Differentiable}. */
  /** Whether another {@code @Differentiable} method of {@code owner} has m's name and arity. */
  private static boolean overloaded(TypeElement owner, ExecutableElement m) {
    for (Element e : owner.getEnclosedElements()) {
      if (e != m
          && e instanceof ExecutableElement other
          && other.getSimpleName().contentEquals(m.getSimpleName())
          && other.getParameters().size() == m.getParameters().size()
          && isDifferentiable(other)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isDifferentiable(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().toString().equals(ANNOTATION));
  }

  /** The state of reading one method. */
  private final class Session {
    private final ExecutableElement method;
    private final CompilationUnitTree unit;
    private final TypeElement owner;
    private final Resolver resolver;
    private final Calls calls;
    private final StaticData statics;
    /** The field copies this method reads, in the order it first reads them. */
    private final java.util.Set<io.github.backprop.processor.ir.FieldCopy> copied = new java.util.LinkedHashSet<>();
    private final SwitchLowering switches = new SwitchLowering(new SwitchReader());
    /** Statements to run before the statement being read (a switch expression's); null where none may. */
    private List<Stmt> prelude;
    /** Names in scope: a {@link Var}, or an {@link Alias} for a second name of an array. */
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    /** The loops around the statement being read, innermost first. */
    private final Deque<LoopScope> loops = new ArrayDeque<>();
    private String pendingLabel;
    private final Map<Object, String> sources = new IdentityHashMap<>();
    private final Map<Object, Tree> positions = new IdentityHashMap<>();
    /** The declared type of each byte, short or char variable, which is held as an int. */
    private final Map<Var, Type> narrow = new IdentityHashMap<>();
    private final SourcePositions sourcePositions = trees.getSourcePositions();
    private CharSequence text;

    Session(ExecutableElement method, CompilationUnitTree unit) {
      this.method = method;
      this.unit = unit;
      this.owner = (TypeElement) method.getEnclosingElement();
      this.resolver = new Resolver(elements, owner, unit);
      FieldCopies fields = copies != null ? copies : new FieldCopies(trees, elements, reporter, owner);
      this.calls = new Calls(elements, trees, reporter, unit, owner, fields, copied);
      this.statics = new StaticData(reporter, unit, Resolver.packageOf(owner), fields, copied);
    }

    MethodModel read(MethodTree tree) {
      scopes.push(new java.util.LinkedHashMap<>());
      List<Var> params = new ArrayList<>();
      for (VariableTree p : tree.getParameters()) {
        Type type = declaredType(p.getType());
        params.add(declare(p.getName().toString(), type, Var.Kind.PARAM));
      }
      Stmt.Block body = block(tree.getBody().getStatements());
      if (!statics.declarations().isEmpty()) {
        List<Stmt> all = new ArrayList<>(statics.declarations());
        all.addAll(body.statements());
        body = new Stmt.Block(all);
      }
      java.util.Set<String> wrt = wrt(method);
      List<Var> independents = new ArrayList<>();
      for (Var p : params) {
        if (p.type().isDifferentiable() && (wrt == null || wrt.contains(p.name()))) {
          independents.add(p);
        }
      }
      return new MethodModel(
          method, Resolver.owner(owner), params, independents, body, sources, positions, unit,
          List.copyOf(copied));
    }

    private Var declare(String name, Type type, Var.Kind kind) {
      Var v = new Var(name, type, kind);
      if (type.isNarrow()) {
        narrow.put(v, type);
      }
      scopes.peek().put(name, v);
      return v;
    }

    private Object lookupAny(String name) {
      for (Map<String, Object> scope : scopes) {
        Object v = scope.get(name);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /**
     * An assignment to {@code v} would change what an alias in scope names, e.g. {@code i} while
     * {@code row} stands for {@code m[i]}: backprop reads the alias as its expression throughout.
     */
    private void checkAliases(Var v, Tree at) {
      for (Map<String, Object> scope : scopes) {
        for (Map.Entry<String, Object> e : scope.entrySet()) {
          if (e.getValue() instanceof Alias a && Walk.vars(a.expr()).contains(v)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + v.name() + "' is assigned while " + a.describe(e.getKey()) + " is in use;"
                    + " backprop reads that name as " + a.source() + " throughout its scope: keep '"
                    + v.name() + "' unchanged there, or index the array directly",
                at,
                unit);
          }
        }
      }
    }

    private Type declaredType(Tree type) {
      if (type instanceof ArrayTypeTree a) {
        Type element = declaredType(a.getType());
        if (element.isNarrow()) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of " + element + " are not supported: use an int[]",
              type,
              unit);
        }
        if (element.dims() >= 2) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of more than two dimensions are not supported: use double[][], or index a"
                  + " double[] yourself",
              type,
              unit);
        }
        return element.arrayOf();
      }
      if (type instanceof PrimitiveTypeTree p) {
        Type known = Resolver.primitive(p.getPrimitiveTypeKind());
        if (known != null) {
          return known;
        }
        switch (p.getPrimitiveTypeKind()) {
          case BYTE:
            return Type.BYTE;
          case SHORT:
            return Type.SHORT;
          case CHAR:
            return Type.CHAR;
          default:
            break;
        }
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a variable of type '" + type + "' is not supported: use double, float, int, long or boolean",
          type,
          unit);
    }

    // ---- statements ----

    private Stmt.Block block(List<? extends StatementTree> statements) {
      scopes.push(new java.util.LinkedHashMap<>());
      List<Stmt> out = new ArrayList<>();
      List<Stmt> outer = prelude;
      for (StatementTree s : statements) {
        prelude = new ArrayList<>();
        Stmt stmt = statement(s);
        out.addAll(prelude);
        if (stmt != null) {
          out.add(stmt);
        }
      }
      prelude = outer;
      scopes.pop();
      return new Stmt.Block(out);
    }

    private Stmt.Block asBlock(StatementTree s) {
      if (s == null) {
        return new Stmt.Block(List.of());
      }
      if (s instanceof BlockTree b) {
        return block(b.getStatements());
      }
      return block(List.of(s));
    }

    private Stmt statement(StatementTree s) {
      Stmt stmt = switchStatement(s);
      if (stmt != null) {
        remember(stmt, s);
      }
      return stmt;
    }

    private Stmt switchStatement(StatementTree s) {
      switch (s.getKind()) {
        case BLOCK:
          return block(((BlockTree) s).getStatements());
        case EMPTY_STATEMENT:
          return null;
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
            return new Stmt.Return(expr(value));
          }
        case IF:
          {
            IfTree t = (IfTree) s;
            Expr condition = condition(t.getCondition());
            return new Stmt.If(condition, asBlock(t.getThenStatement()), asBlock(t.getElseStatement()));
          }
        case LABELED_STATEMENT:
          {
            LabeledStatementTree l = (LabeledStatementTree) s;
            Tree.Kind k = l.getStatement().getKind();
            if (k != Tree.Kind.FOR_LOOP && k != Tree.Kind.ENHANCED_FOR_LOOP
                && k != Tree.Kind.WHILE_LOOP && k != Tree.Kind.DO_WHILE_LOOP) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "a label on a statement that is not a loop is not supported: label a loop, or"
                      + " restructure with if/else",
                  s,
                  unit);
            }
            pendingLabel = l.getLabel().toString();
            return statement(l.getStatement());
          }
        case WHILE_LOOP:
          {
            WhileLoopTree w = (WhileLoopTree) s;
            LoopId id = enterLoop();
            try {
              Expr condition = withoutPrelude(() -> condition(w.getCondition()));
              return new Stmt.Loop(id, List.of(), condition, List.of(), asBlock(w.getStatement()), true);
            } finally {
              loops.pop();
            }
          }
        case DO_WHILE_LOOP:
          {
            DoWhileLoopTree d = (DoWhileLoopTree) s;
            LoopId id = enterLoop();
            try {
              Stmt.Block body = asBlock(d.getStatement());
              Expr condition = withoutPrelude(() -> condition(d.getCondition()));
              return new Stmt.Loop(id, List.of(), condition, List.of(), body, false);
            } finally {
              loops.pop();
            }
          }
        case FOR_LOOP:
          return forLoop((ForLoopTree) s);
        case ENHANCED_FOR_LOOP:
          return enhancedFor((EnhancedForLoopTree) s);
        case THROW:
          return throwStatement((com.sun.source.tree.ThrowTree) s);
        case ASSERT:
          return assertStatement((com.sun.source.tree.AssertTree) s);
        case BREAK:
          return new Stmt.Break(jumpTarget(((BreakTree) s).getLabel(), s));
        case CONTINUE:
          return new Stmt.Continue(continueTarget(((ContinueTree) s).getLabel()));
        case SWITCH:
          return switches.statement((com.sun.source.tree.SwitchTree) s);
        case YIELD:
          return switches.yield((com.sun.source.tree.YieldTree) s);
        default:
          throw unsupported(s);
      }
    }

    /** {@code throw e;}: the exception is kept as written, its message may show any value. */
    private Stmt throwStatement(com.sun.source.tree.ThrowTree t) {
      Expr e = value(t.getExpression());
      if (!Calls.isObject(e)) {
        throw reporter.abortQuietly(); // javac: a primitive cannot be thrown
      }
      return new Stmt.Throw((Expr.Foreign) e);
    }

    /** {@code assert c : m;} is kept as written: it checks what the source checks, when enabled. */
    private Stmt assertStatement(com.sun.source.tree.AssertTree t) {
      List<Object> parts = new ArrayList<>(List.of("assert ", condition(t.getCondition())));
      if (t.getDetail() != null) {
        Expr detail = value(t.getDetail());
        parts.add(" : ");
        parts.addAll(detail instanceof Expr.Foreign f && f.type() == null ? f.parts() : List.of(detail));
      }
      return new Stmt.Assert(new Expr.Foreign(parts, null));
    }

    private LoopId enterLoop() {
      LoopId id = new LoopId(pendingLabel);
      pendingLabel = null;
      loops.push(new LoopScope(id, false));
      return id;
    }

    /** A {@code continue} goes to a loop, never to a switch around it. */
    private LoopId continueTarget(javax.lang.model.element.Name label) {
      for (LoopScope l : loops) {
        if (!l.isSwitch() && (label == null || label.contentEquals(String.valueOf(l.id().label())))) {
          return l.id();
        }
      }
      throw reporter.abortQuietly();
    }

    private LoopId jumpTarget(javax.lang.model.element.Name label, Tree at) {
      for (LoopScope l : loops) {
        if (label == null || label.contentEquals(String.valueOf(l.id().label()))) {
          return l.id();
        }
      }
      // Outside any loop (or to an unknown label) javac reports the error itself.
      throw reporter.abortQuietly();
    }

    /** {@code for (init; condition; update) body}, with its own scope for the init variables. */
    private Stmt forLoop(ForLoopTree f) {
      LoopId id = enterLoop();
      scopes.push(new java.util.LinkedHashMap<>());
      try {
        List<Stmt> init = new ArrayList<>();
        for (StatementTree t : f.getInitializer()) {
          Stmt st = withoutPrelude(() -> statement(t));
          if (st != null) {
            init.add(st);
          }
        }
        Expr condition =
            f.getCondition() == null
                ? new Expr.Literal(true, Type.BOOLEAN)
                : withoutPrelude(() -> condition(f.getCondition()));
        Stmt.Block body = asBlock(f.getStatement());
        List<Stmt> update = new ArrayList<>();
        for (ExpressionStatementTree t : f.getUpdate()) {
          update.add(withoutPrelude(() -> statement(t)));
        }
        return new Stmt.Loop(id, init, condition, update, body, true);
      } finally {
        scopes.pop();
        loops.pop();
      }
    }

    /**
     * {@code for (double v : a) body} reads as {@code for (int _i = 0; _i < a.length; _i++)
     * { double v = a[_i]; body }}. Over a {@code double[][]}, the row variable names {@code
     * a[_i]}; it is not a copy.
     */
    private Stmt enhancedFor(EnhancedForLoopTree f) {
      LoopId id = enterLoop();
      scopes.push(new java.util.LinkedHashMap<>());
      try {
        Expr array = expr(f.getExpression());
        if (!array.type().isArray() || !(array instanceof Expr.Ref || array instanceof Expr.Index)) {
          if (!array.type().isArray()) {
            throw reporter.abortQuietly(); // javac: for-each not applicable
          }
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an enhanced 'for' over a new array is not supported: declare the array first",
              f.getExpression(),
              unit);
        }
        Var index = Var.temp("_i", Type.INT);
        Type element = array.type().element();
        VariableTree v = f.getVariable();
        Type declared = v.getType() == null || isVar(v.getType()) ? element : declaredType(v.getType());
        String name = v.getName().toString();
        if (lookupAny(name) != null) {
          throw reporter.abortQuietly();
        }
        Expr read = new Expr.Index(array, new Expr.Ref(index), element);
        List<Stmt> first = new ArrayList<>();
        scopes.push(new java.util.LinkedHashMap<>());
        if (element.isArray()) {
          if (!declared.equals(element)) {
            throw reporter.abortQuietly();
          }
          scopes.peek().put(name, new Alias(read, f.getExpression().toString() + "[...]", true));
        } else {
          if (!declared.acceptsByWidening(element)) {
            throw reporter.abortQuietly();
          }
          Stmt.Declare d = new Stmt.Declare(declare(name, declared, Var.Kind.LOCAL), read);
          remember(d, v);
          sources.put(d, sourceText(v) + " : " + sourceText(f.getExpression()));
          first.add(d);
        }
        // The array is read once per iteration as written: what it names must not change.
        scopes.peek().put(" iterable", new Alias(array, f.getExpression().toString(), false));
        Stmt.Block body = asBlock(f.getStatement());
        scopes.pop();
        first.addAll(body.statements());
        List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
        Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Length(array), Type.BOOLEAN);
        List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
        return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
      } finally {
        scopes.pop();
        loops.pop();
      }
    }

    private Stmt variable(VariableTree v) {
      boolean inferred = v.getType() == null || isVar(v.getType());
      ExpressionTree initTree = v.getInitializer();
      // The initialiser is read first, so its own problems are reported before the type's; a
      // bare {a, b} needs the declared type first.
      boolean bare = initTree instanceof NewArrayTree n && n.getType() == null;
      Expr init = initTree == null || bare ? null : expr(initTree);
      Type declared = inferred ? null : declaredType(v.getType());
      if (bare) {
        init = initializer(initTree, declared);
      }
      Type type;
      if (inferred) {
        if (init == null) {
          throw reporter.abortQuietly();
        }
        type = init.type();
      } else {
        type = declared;
        if (type.isNarrow() && init != null) {
          init = IntegerOps.narrow(type, init, declaredTypeOf(init));
        } else if (init != null && !type.acceptsByWidening(init.type())) {
          throw reporter.abortQuietly();
        }
      }
      String name = v.getName().toString();
      if (lookupAny(name) != null) {
        throw reporter.abortQuietly();
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
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array variable must be created where it is declared, e.g. 'double[] " + name
                + " = new double[n];'",
            v,
            unit);
      }
      return new Stmt.Declare(declare(name, type, Var.Kind.LOCAL), init);
    }

    /** An initialiser; a bare {@code {a, b}} takes its type from the declaration. */
    private Expr initializer(ExpressionTree t, Type declared) {
      if (t instanceof NewArrayTree n && n.getType() == null) {
        if (declared == null || !declared.isArray()) {
          throw reporter.abortQuietly();
        }
        Expr e = arrayInitializer(n, declared);
        positions.put(e, t);
        return e;
      }
      return expr(t);
    }

    private boolean isVar(Tree type) {
      return type instanceof IdentifierTree id && id.getName().contentEquals("var");
    }

    private Stmt expressionStatement(ExpressionStatementTree s) {
      ExpressionTree e = s.getExpression();
      switch (e.getKind()) {
        case ASSIGNMENT:
          {
            AssignmentTree a = (AssignmentTree) e;
            Expr.Index element = element(a.getVariable());
            if (element != null) {
              Expr value = expr(a.getExpression());
              if (!element.type().acceptsByWidening(value.type())) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, null, value);
            }
            Var target = target(a.getVariable());
            Expr value = expr(a.getExpression());
            if (narrow.containsKey(target)) {
              value = IntegerOps.narrow(narrow.get(target), value, declaredTypeOf(value));
            }
            if (!target.type().acceptsByWidening(value.type())) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, a.getVariable());
            return new Stmt.Assign(target, null, value);
          }
        case PLUS_ASSIGNMENT:
        case MINUS_ASSIGNMENT:
        case MULTIPLY_ASSIGNMENT:
        case DIVIDE_ASSIGNMENT:
        case REMAINDER_ASSIGNMENT:
        case LEFT_SHIFT_ASSIGNMENT:
        case RIGHT_SHIFT_ASSIGNMENT:
        case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        case AND_ASSIGNMENT:
        case OR_ASSIGNMENT:
        case XOR_ASSIGNMENT:
          {
            CompoundAssignmentTree a = (CompoundAssignmentTree) e;
            Expr.Index element = element(a.getVariable());
            Expr value = expr(a.getExpression());
            Op op = arithmetic(e.getKind());
            if (element != null) {
              if (!compoundApplies(op, element.type(), value.type())) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, op, value);
            }
            Var target = target(a.getVariable());
            if (!compoundApplies(op, target.type(), value.type())) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, a.getVariable());
            if (narrow.containsKey(target)) {
              // b += x on a byte is b = (byte) (b + x)
              return new Stmt.Assign(
                  target, null, IntegerOps.compound(narrow.get(target), new Expr.Ref(target), op, value));
            }
            return new Stmt.Assign(target, op, value);
          }
        case PREFIX_INCREMENT:
        case POSTFIX_INCREMENT:
        case PREFIX_DECREMENT:
        case POSTFIX_DECREMENT:
          {
            boolean up = e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_INCREMENT;
            ExpressionTree operand = ((UnaryTree) e).getExpression();
            Expr.Index element = element(operand);
            if (element != null) {
              if (!element.type().isNumeric()) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
            }
            Var target = target(operand);
            if (!target.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, operand);
            if (narrow.containsKey(target)) {
              return new Stmt.Assign(
                  target,
                  null,
                  IntegerOps.compound(narrow.get(target), new Expr.Ref(target), up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1)));
            }
            return new Stmt.Assign(target, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
          }
        case METHOD_INVOCATION:
          {
            // A check or a log: kept as written. The value of a derivative-carrying call is lost.
            Expr call = value(e);
            if (call instanceof Expr.Call || call instanceof Expr.Foreign) {
              return new Stmt.Invoke(call);
            }
          }
          // fall through
        default:
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an expression whose value is not used has no effect on the result: remove it, or"
                  + " assign its value to a variable",
              e,
              unit);
      }
    }

    /** The element an assignment writes, {@code a[i]}, or null if it writes a variable. */
    private Expr.Index element(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return element(p.getExpression());
      }
      if (!(t instanceof ArrayAccessTree)) {
        return null;
      }
      Expr e = expr(t);
      if (!(e instanceof Expr.Index i)) {
        throw reporter.abortQuietly();
      }
      if (StaticData.isField(i.base())) {
        throw reporter.abort(
            Tag.FIELD,
            "writing into the static array '" + i.base().name() + "' is not supported: a"
                + " differentiable method must not change state outside itself; copy the array"
                + " into a local one and change that",
            t,
            unit);
      }
      if (i.type().isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "assigning a whole row ('" + t + "') is not supported: write its elements one by one",
            t,
            unit);
      }
      return i;
    }

    /** The variable an assignment writes: a local or a parameter, never a field. */
    private Var target(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return target(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        Object named = lookupAny(id.getName().toString());
        if (named instanceof Alias || (named instanceof Var v && v.type().isArray())) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "assigning a whole array ('" + id.getName() + "') is not supported: write its"
                  + " elements, or declare a new array variable",
              t,
              unit);
        }
        if (named instanceof Var v) {
          return v;
        }
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "writing to a field is not supported: a differentiable method must not change state"
              + " outside itself; use a local variable and return the result",
          t,
          unit);
    }

    // ---- expressions ----

    private Expr condition(ExpressionTree t) {
      Expr c = expr(t);
      if (!c.type().equals(Type.BOOLEAN)) {
        throw reporter.abortQuietly();
      }
      return c;
    }

    private Expr expr(ExpressionTree t) {
      Expr e = value(t);
      if (Calls.isObject(e)) {
        throw calls.notHere(t);
      }
      return e;
    }

    /** An expression that may also be a String or an object: an argument, a message, a throw. */
    private Expr value(ExpressionTree t) {
      Expr e = switchExpr(t);
      positions.put(e, t);
      return e;
    }

    private Expr switchExpr(ExpressionTree t) {
      switch (t.getKind()) {
        case PARENTHESIZED:
          return value(((ParenthesizedTree) t).getExpression());
        case STRING_LITERAL:
        case NULL_LITERAL:
          return calls.literal((LiteralTree) t);
        case NEW_CLASS:
          {
            com.sun.source.tree.NewClassTree n = (com.sun.source.tree.NewClassTree) t;
            List<Expr> args = new ArrayList<>();
            n.getArguments().forEach(a -> args.add(value(a)));
            return calls.newObject(n, resolver.type(n.getIdentifier()), args);
          }
        case INT_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.INT);
        case LONG_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.LONG);
        case DOUBLE_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.DOUBLE);
        case FLOAT_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.FLOAT);
        case BOOLEAN_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.BOOLEAN);
        case IDENTIFIER:
          return identifier((IdentifierTree) t);
        case MEMBER_SELECT:
          return memberSelect((MemberSelectTree) t);
        case METHOD_INVOCATION:
          return invocation((MethodInvocationTree) t);
        case ARRAY_ACCESS:
          {
            ArrayAccessTree a = (ArrayAccessTree) t;
            Expr array = expr(a.getExpression());
            Expr index = expr(a.getIndex());
            if (!array.type().isArray() || !index.type().equals(Type.INT)) {
              if (array.type().isArray() && index.type().equals(Type.LONG)) {
                throw reporter.abortQuietly(); // javac: lossy conversion
              }
              throw reporter.abortQuietly();
            }
            if (!(array instanceof Expr.Ref || array instanceof Expr.Index)) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "indexing an array that has no name is not supported: declare it first",
                  a.getExpression(),
                  unit);
            }
            return new Expr.Index(array, index);
          }
        case NEW_ARRAY:
          return newArray((NewArrayTree) t);
        case UNARY_PLUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return operand;
          }
        case UNARY_MINUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return new Expr.Unary(Op.NEG, operand, Type.promote(operand.type(), Type.INT));
          }
        case LOGICAL_COMPLEMENT:
          return new Expr.Unary(Op.NOT, condition(((UnaryTree) t).getExpression()), Type.BOOLEAN);
        case BITWISE_COMPLEMENT:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            if (!operand.type().isIntegral()) {
              throw reporter.abortQuietly();
            }
            return new Expr.Unary(Op.COMPLEMENT, operand, Type.promote(operand.type(), Type.INT));
          }
        case CHAR_LITERAL:
          // Its value as a number, as arithmetic sees it; printed back as 'a'.
          return new Expr.Literal((int) (Character) ((LiteralTree) t).getValue(), Type.CHAR);
        case TYPE_CAST:
          {
            TypeCastTree c = (TypeCastTree) t;
            Type to = declaredType(c.getType());
            Expr operand = expr(c.getExpression());
            if (to.isNumeric() != operand.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            return new Expr.Cast(to, operand);
          }
        case SWITCH_EXPRESSION:
          return switches.expression((com.sun.source.tree.SwitchExpressionTree) t);
        case CONDITIONAL_EXPRESSION:
          {
            ConditionalExpressionTree c = (ConditionalExpressionTree) t;
            Expr cond = condition(c.getCondition());
            Expr a = withoutPrelude(() -> expr(c.getTrueExpression()));
            Expr b = withoutPrelude(() -> expr(c.getFalseExpression()));
            Type type;
            if (a.type().isNumeric() && b.type().isNumeric()) {
              type = Type.promote(a.type(), b.type());
            } else if (a.type().equals(b.type())) {
              type = a.type();
            } else {
              throw reporter.abortQuietly();
            }
            return new Expr.Conditional(cond, a, b, type);
          }
        default:
          if (t instanceof BinaryTree b) {
            return binary(b);
          }
          throw unsupported(t);
      }
    }

    private Expr binary(BinaryTree t) {
      Op op = binaryOp(t.getKind());
      if (op == null) {
        throw unsupported(t);
      }
      Expr l;
      Expr r;
      if (op == Op.ADD) {
        l = value(t.getLeftOperand());
        r = value(t.getRightOperand());
        if (Calls.isObject(l) || Calls.isObject(r)) {
          return calls.concat(l, r); // a message: "x = " + x
        }
      } else {
        l = expr(t.getLeftOperand());
        r = op == Op.AND || op == Op.OR ? withoutPrelude(() -> expr(t.getRightOperand())) : expr(t.getRightOperand());
      }
      if (op.isLogical()) {
        if (!l.type().equals(Type.BOOLEAN) || !r.type().equals(Type.BOOLEAN)) {
          throw reporter.abortQuietly();
        }
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      if ((op == Op.EQ || op == Op.NE) && l.type().equals(Type.BOOLEAN) && r.type().equals(Type.BOOLEAN)) {
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      if (op.isBitwise()) {
        Type type = IntegerOps.binaryType(op, l.type(), r.type());
        if (type == null) {
          throw reporter.abortQuietly(); // javac: bad operand types
        }
        return new Expr.Binary(op, l, r, type);
      }
      requireNumeric(l);
      requireNumeric(r);
      return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : Type.promote(l.type(), r.type()));
    }

    /** An expression's type as the source declares it: byte, short or char for such a variable. */
    private Type declaredTypeOf(Expr e) {
      return e instanceof Expr.Ref r && narrow.containsKey(r.var()) ? narrow.get(r.var()) : e.type();
    }

    /** Whether javac accepts {@code target op= value}: arithmetic on numbers, bitwise on integers or booleans. */
    private boolean compoundApplies(Op op, Type target, Type value) {
      if (op.isBitwise()) {
        return IntegerOps.binaryType(op, target, value) != null;
      }
      return target.isNumeric() && value.isNumeric();
    }

    private void requireNumeric(Expr e) {
      if (!e.type().isNumeric()) {
        throw reporter.abortQuietly();
      }
    }

    private Expr identifier(IdentifierTree t) {
      String name = t.getName().toString();
      Object named = lookupAny(name);
      if (named instanceof Alias a) {
        return a.expr();
      }
      if (named instanceof Var v) {
        return new Expr.Ref(v);
      }
      for (TypeElement scope : resolver.staticScopes(name)) {
        VariableElement field = field(scope, name);
        if (field != null) {
          return constant(field, t);
        }
      }
      throw reporter.abortQuietly();
    }

    private Expr memberSelect(MemberSelectTree t) {
      if (t.getIdentifier().contentEquals("class")) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "class literals are not supported in a differentiable method: it works on primitive"
                + " values",
            t,
            unit);
      }
      if (t.getIdentifier().contentEquals("length") && isArrayValue(t.getExpression())) {
        return new Expr.Length(expr(t.getExpression()));
      }
      TypeElement type = resolver.type(t.getExpression());
      if (type == null) {
        if (!namesAValue(t.getExpression())) {
          throw reporter.abortQuietly(); // javac reports the unknown name
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + t + "': only static final constants of a class, such as Math.PI, can be read here",
            t,
            unit);
      }
      VariableElement field = field(type, t.getIdentifier().toString());
      if (field == null) {
        throw reporter.abortQuietly();
      }
      return constant(field, t);
    }

    /** Whether {@code t} is an array of this method: a variable, an alias, or an element row. */
    private boolean isArrayValue(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return isArrayValue(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        Object named = lookupAny(id.getName().toString());
        if (named == null) {
          // A static array field: TABLE.length
          for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
            VariableElement f = field(scope, id.getName().toString());
            if (f != null) {
              return f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
            }
          }
        }
        return named instanceof Alias || (named instanceof Var v && v.type().isArray());
      }
      if (t instanceof MemberSelectTree ms) {
        // Other.TABLE.length
        TypeElement type = resolver.type(ms.getExpression());
        VariableElement f = type == null ? null : field(type, ms.getIdentifier().toString());
        return f != null && f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
      }
      return t instanceof ArrayAccessTree;
    }

    /** {@code new double[n][m]}, or {@code new double[] {a, b}}. */
    private Expr newArray(NewArrayTree n) {
      if (n.getType() == null) {
        throw reporter.abortQuietly(); // a bare {a, b} outside a declaration: javac reports it
      }
      Type element = declaredType(n.getType());
      if (element.isNarrow()) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of " + element + " are not supported: use an int[]", n, unit);
      }
      if (n.getInitializers() != null) {
        Type type = element;
        for (int i = 0; i < Math.max(1, n.getDimensions().size()); i++) {
          type = type.arrayOf();
        }
        if (type.dims() > 2) {
          throw reporter.abort(
              Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
        }
        return arrayInitializer(n, type);
      }
      List<Expr> dims = new ArrayList<>();
      for (ExpressionTree d : n.getDimensions()) {
        Expr e = expr(d);
        if (!e.type().equals(Type.INT)) {
          throw reporter.abortQuietly();
        }
        dims.add(e);
      }
      Type type = element;
      for (int i = 0; i < dims.size(); i++) {
        type = type.arrayOf();
      }
      if (type.dims() > 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
      }
      if (element.isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array whose rows are left unallocated ('" + n + "') is not supported: give every"
                + " dimension a size, e.g. new double[n][m]",
            n,
            unit);
      }
      return new Expr.NewArray(type, dims, List.of());
    }

    /** {@code {a, b}} of type {@code type}; rows of a two-dimensional one are initialisers too. */
    private Expr arrayInitializer(NewArrayTree n, Type type) {
      if (type.dims() > 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
      }
      Type element = type.element();
      List<Expr> elements = new ArrayList<>();
      for (ExpressionTree e : n.getInitializers()) {
        Expr x;
        if (element.isArray()) {
          if (!(e instanceof NewArrayTree row)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "a row that is not written out ('" + e + "') is not supported: write it as {a, b}",
                e,
                unit);
          }
          x = arrayInitializer(row, element);
          positions.put(x, e);
        } else {
          x = expr(e);
          if (!element.acceptsByWidening(x.type())) {
            throw reporter.abortQuietly();
          }
        }
        elements.add(x);
      }
      return new Expr.NewArray(type, List.of(), elements);
    }

    /** Whether a qualifier is a variable or field (an object), not an unknown name. */
    private boolean namesAValue(ExpressionTree qualifier) {
      if (qualifier instanceof IdentifierTree id) {
        String name = id.getName().toString();
        if (lookupAny(name) != null) {
          return true;
        }
        for (TypeElement scope : resolver.staticScopes(name)) {
          if (field(scope, name) != null) {
            return true;
          }
        }
        return false;
      }
      if (qualifier instanceof MemberSelectTree ms) {
        TypeElement owner = resolver.type(ms.getExpression());
        return owner != null ? field(owner, ms.getIdentifier().toString()) != null : namesAValue(ms.getExpression());
      }
      // A call, a literal, a parenthesised expression: a value either way.
      return true;
    }

    private VariableElement field(TypeElement type, String name) {
      return Resolver.field(type, name);
    }

    private Expr constant(VariableElement field, Tree t) {
      if (Resolver.isStatic(field)
          && Resolver.typeOf(field.asType()) == null
          && field.asType().getKind() != javax.lang.model.type.TypeKind.ARRAY) {
        return calls.field(field, t); // an object: a logger, a distribution, a message
      }
      return statics.read(field, t);
    }

    private Expr invocation(MethodInvocationTree t) {
      if (!t.getTypeArguments().isEmpty()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "explicit type arguments ('" + t.getMethodSelect() + "') are not supported: call a"
                + " static method that is not generic",
            t,
            unit);
      }
      List<Expr> args = new ArrayList<>();
      List<Type> argTypes = new ArrayList<>();
      for (ExpressionTree a : t.getArguments()) {
        Expr e = value(a);
        args.add(e);
        // A byte, short or char variable is held as an int, but chooses overloads as declared.
        argTypes.add(declaredTypeOf(e));
      }
      ExpressionTree select = t.getMethodSelect();
      String name;
      List<TypeElement> scopes;
      Expr receiver = null;
      if (select instanceof IdentifierTree id) {
        name = id.getName().toString();
        scopes = resolver.staticScopes(name);
      } else if (select instanceof MemberSelectTree ms) {
        name = ms.getIdentifier().toString();
        TypeElement type = resolver.type(ms.getExpression());
        if (type == null) {
          if (!namesAValue(ms.getExpression())) {
            throw reporter.abortQuietly(); // javac reports the unknown name
          }
          receiver = value(ms.getExpression());
          if (!Calls.isObject(receiver)) {
            if (receiver.type().isArray()) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "calling a method on an array ('" + t + "') is not supported: write the loop, or"
                      + " create a new array and copy the elements",
                  t,
                  unit);
            }
            throw reporter.abortQuietly(); // javac: a primitive has no methods
          }
          type = calls.classOf(receiver);
          if (type == null) {
            throw reporter.abortQuietly();
          }
          List<ExecutableElement> candidates = calls.methods(type, name);
          ExecutableElement m = calls.choose(candidates, args);
          if (m == null) {
            throw reporter.abortQuietly(); // javac reports no suitable method
          }
          return call(m, receiver, args, t, true);
        }
        scopes = List.of(type);
      } else {
        throw unsupported(t);
      }
      for (TypeElement scope : scopes) {
        List<ExecutableElement> candidates = resolver.methods(scope, name);
        if (candidates.isEmpty()) {
          continue;
        }
        ExecutableElement m = Resolver.choose(candidates, argTypes);
        boolean loose = false;
        if (m == null) {
          // Boxing, varargs, a String or an object: fine for a call that carries no derivative.
          m = Resolver.ambiguous(candidates, argTypes) ? null : calls.choose(candidates, args);
          if (m == null) {
            throw reporter.abortQuietly(); // javac reports no suitable method, or the ambiguity
          }
          loose = true;
        }
        return call(m, receiver, args, t, loose);
      }
      throw reporter.abortQuietly();
    }

    private Expr call(ExecutableElement m, Expr receiver, List<Expr> args, MethodInvocationTree t, boolean loose) {
      String name = m.getSimpleName().toString();
      args = new ArrayList<>(args);
      for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
        Type p = Resolver.typeOf(m.getParameters().get(i).asType());
        if (p != null && p.isNarrow() && !(args.get(i) instanceof Expr.Literal)) {
          args.set(i, IntegerOps.narrow(p, args.get(i), args.get(i).type())); // c of a char c is an int here
        }
      }
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      Owner owner = Resolver.owner(declaring);
      Type result = Resolver.typeOf(m.getReturnType());
      boolean rules = MathRules.OWNERS.contains(declaring.getQualifiedName().toString());
      if (!rules && !isDifferentiable(m)) {
        return calls.plain(m, receiver, args, t, loose);
      }
      if (loose) {
        List<Type> argTypes = new ArrayList<>();
        args.forEach(a -> argTypes.add(a.type()));
        throw reporter.abort(
            Tag.NO_DERIVATIVE,
            "no '" + name + "' takes (" + describe(argTypes) + ") without boxing, varargs or"
                + " a float conversion, which backprop cannot differentiate through: call, or"
                + " write as @Differentiable, a static method whose parameters are double,"
                + " int, long or boolean",
            t,
            unit);
      }
      if (!Resolver.isStatic(m)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' is an instance method; a differentiable method can only call static"
                + " methods",
            t,
            unit);
      }
      if (result == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' returns " + m.getReturnType() + "; only calls returning double, int,"
                + " long or boolean are supported",
            t,
            unit);
      }
      if (rules) {
        boolean takesDouble =
            m.getParameters().stream().anyMatch(p -> Resolver.typeOf(p.asType()) != null && Resolver.typeOf(p.asType()).isDifferentiable());
        if (takesDouble
            && MathRules.find(name, args.size()) == null
            && !MathRules.WITHOUT_DERIVATIVE.containsKey(name)) {
          throw reporter.abort(
              Tag.NO_DERIVATIVE,
              owner.simpleNames() + "." + name + " has no derivative rule in backprop; write the"
                  + " function as a @Differentiable method",
              t,
              unit);
        }
        Expr call = new Expr.Call(owner, name, args, result);
        positions.put(call, t);
        return call;
      }
      if (isDifferentiable(m)) {
        List<String> names = new ArrayList<>();
        m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
        List<Type> types = Resolver.paramTypes(m);
        boolean takesArrays = types.stream().anyMatch(ty -> ty != null && ty.isArray());
        java.util.Set<Integer> writes = takesArrays ? calleeFacts.writes(m) : java.util.Set.of();
        for (int i = 0; i < args.size(); i++) {
          if (!args.get(i).type().isArray() || survey) {
            continue;
          }
          if (writes == null) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "passing an array to '" + name + "', which was compiled before this class, is not"
                    + " supported: backprop cannot see whether it writes into the array; compile"
                    + " them together",
                t.getArguments().get(i),
                unit);
          }
          if (writes.contains(i)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + name + "' writes into its array parameter '" + names.get(i) + "', so a"
                    + " differentiable method cannot pass it an array: let " + name + " write into"
                    + " an array it creates itself",
                t.getArguments().get(i),
                unit);
          }
        }
        Callee callee =
            new Callee(
                owner,
                GeneratedNames.gradClass(owner),
                name,
                types,
                GeneratedNames.accessors(names, types, wrt(m)),
                recordNames(declaring).get(m),
                !m.getModifiers().contains(Modifier.PRIVATE),
                overloaded(declaring, m),
                writes,
                calleeFacts.unread(m),
                Resolver.typeOf(m.getReturnType()));
        return new Expr.DiffCall(callee, args);
      }
      throw new IllegalStateException("neither a rule nor @Differentiable: " + m);
    }

    private String describe(List<Type> types) {
      StringBuilder b = new StringBuilder();
      for (Type type : types) {
        b.append(b.length() == 0 ? "" : ", ").append(type == null ? "?" : type.toString());
      }
      return b.toString();
    }

    /** Reads what runs only sometimes, or again and again: nothing may run before the statement. */
    private <T> T withoutPrelude(java.util.function.Supplier<T> read) {
      List<Stmt> outer = prelude;
      prelude = null;
      try {
        return read.get();
      } finally {
        prelude = outer;
      }
    }

    /** What {@link SwitchLowering} needs of this session. */
    private final class SwitchReader implements SwitchLowering.Reader {
      @Override
      public Expr expr(ExpressionTree t) {
        return Session.this.expr(t);
      }

      @Override
      public Stmt.Block block(List<? extends StatementTree> statements) {
        return Session.this.block(statements);
      }

      @Override
      public void enterSwitch(LoopId id) {
        loops.push(new LoopScope(id, true));
      }

      @Override
      public void exitSwitch() {
        loops.pop();
      }

      @Override
      public List<Stmt> prelude() {
        return prelude;
      }

      @Override
      public AbortMethod error(String message, Tree at) {
        return reporter.abort(Tag.UNSUPPORTED, message, at, unit);
      }

      @Override
      public AbortMethod quiet() {
        return reporter.abortQuietly();
      }
    }

    private AbortMethod unsupported(Tree t) {
      return reporter.abort(
          Tag.UNSUPPORTED, io.github.backprop.processor.check.Fence.messageFor(t.getKind().name()), t, unit);
    }

    private void remember(Stmt stmt, Tree tree) {
      positions.put(stmt, tree);
      sources.put(stmt, sourceText(tree));
    }

    private Tree loopBody(Tree tree) {
      if (tree instanceof LabeledStatementTree l) {
        return loopBody(l.getStatement());
      }
      if (tree instanceof ForLoopTree f) {
        return f.getStatement();
      }
      if (tree instanceof EnhancedForLoopTree f) {
        return f.getStatement();
      }
      if (tree instanceof WhileLoopTree w) {
        return w.getStatement();
      }
      return null;
    }

    private String sourceText(Tree tree) {
      try {
        if (text == null) {
          text = unit.getSourceFile().getCharContent(true);
        }
        long start = sourcePositions.getStartPosition(unit, tree);
        long end = sourcePositions.getEndPosition(unit, tree);
        if (start < 0 || end <= start) {
          return tree.toString();
        }
        Tree head = tree instanceof IfTree i ? i.getCondition() : tree;
        if (head != tree) {
          end = sourcePositions.getEndPosition(unit, head);
        }
        if (tree instanceof DoWhileLoopTree d) {
          // A do loop's comment is its test: do ... while (y < 3)
          long c = sourcePositions.getStartPosition(unit, d.getCondition());
          long ce = sourcePositions.getEndPosition(unit, d.getCondition());
          return "do ... while " + text.subSequence((int) c, (int) ce).toString().replaceAll("\\s+", " ").trim();
        }
        Tree body = loopBody(tree);
        if (body != null) {
          // A loop's comment is its header: for (int i = 0; i < n; i++)
          end = sourcePositions.getStartPosition(unit, body);
        }
        return text.subSequence((int) start, (int) end).toString().replaceAll("\\s+", " ").trim();
      } catch (IOException | RuntimeException e) {
        return tree.toString();
      }
    }
  }

  /** A loop being read, for the {@code break} and {@code continue} inside it. */
  private record LoopScope(LoopId id, boolean isSwitch) {}

  /**
   * A second name for an array, e.g. {@code row} for {@code m[i]}: each use reads as the
   * expression.
   *
   * @param named whether a variable of the source carries it (not the hidden iterable of a loop)
   */
  private record Alias(Expr expr, String source, boolean named) {
    String describe(String name) {
      return named ? "'" + name + "' (" + source + ")" : "the loop over " + source;
    }
  }

  static Op binaryOp(Tree.Kind kind) {
    switch (kind) {
      case PLUS:
        return Op.ADD;
      case MINUS:
        return Op.SUB;
      case MULTIPLY:
        return Op.MUL;
      case DIVIDE:
        return Op.DIV;
      case REMAINDER:
        return Op.REM;
      case LESS_THAN:
        return Op.LT;
      case LESS_THAN_EQUAL:
        return Op.LE;
      case GREATER_THAN:
        return Op.GT;
      case GREATER_THAN_EQUAL:
        return Op.GE;
      case EQUAL_TO:
        return Op.EQ;
      case NOT_EQUAL_TO:
        return Op.NE;
      case CONDITIONAL_AND:
        return Op.AND;
      case CONDITIONAL_OR:
        return Op.OR;
      case LEFT_SHIFT:
        return Op.SHL;
      case RIGHT_SHIFT:
        return Op.SHR;
      case UNSIGNED_RIGHT_SHIFT:
        return Op.USHR;
      case AND:
        return Op.BITAND;
      case OR:
        return Op.BITOR;
      case XOR:
        return Op.XOR;
      default:
        return null;
    }
  }

  private static Op arithmetic(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT:
        return Op.ADD;
      case MINUS_ASSIGNMENT:
        return Op.SUB;
      case MULTIPLY_ASSIGNMENT:
        return Op.MUL;
      case DIVIDE_ASSIGNMENT:
        return Op.DIV;
      case LEFT_SHIFT_ASSIGNMENT:
        return Op.SHL;
      case RIGHT_SHIFT_ASSIGNMENT:
        return Op.SHR;
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return Op.USHR;
      case AND_ASSIGNMENT:
        return Op.BITAND;
      case OR_ASSIGNMENT:
        return Op.BITOR;
      case XOR_ASSIGNMENT:
        return Op.XOR;
      default:
        return Op.REM;
    }
  }
}
