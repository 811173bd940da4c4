package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.read.SessionPart.Alias;
import io.github.backprop.processor.read.SessionPart.LoopScope;
import io.github.backprop.processor.read.SessionPart.Read;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The state of reading one method: the names in scope, the loops around the statement being read,
 * the statements to run before it (the prelude), where each statement and expression came from,
 * and the parts that read each kind of construct. A helper read in place gets a session of its
 * own, which shares the annotated method's records of positions, sources and what is inlined.
 */
final class ReadSession {
  /** What reading needs from outside: trees, elements, the rules, whether this is a survey. */
  final MethodReader reader;
  final Trees trees;
  final Elements elements;
  final ErrorReporter reporter;

  /** The method whose body this session reads: the annotated one, or a helper read in place. */
  final ExecutableElement method;
  final CompilationUnitTree unit;
  final TypeElement owner;
  final Resolver resolver;
  final Calls calls;
  final StaticData statics;

  /** The static fields this method, and the helpers read in it, read and write: the root's. */
  final FieldWrites fieldWrites;

  /** The field copies this method reads, in the order it first reads them. */
  final java.util.Set<io.github.backprop.processor.ir.FieldCopy> copied;

  /** The class's field copies: the root's, shared by the helpers read inside it. */
  final FieldCopies fields;

  final SwitchLowering switches;

  /** Statements to run before the statement being read (a switch expression's); null where none may. */
  List<Stmt> prelude;

  /** Names in scope: a {@link Var}, or an {@link Alias} for a second name of an array. */
  final Deque<Map<String, Object>> scopes = new ArrayDeque<>();

  /** The loops around the statement being read, innermost first. */
  final Deque<LoopScope> loopScopes = new ArrayDeque<>();

  /** The label of the statement being read, which the loop it labels takes. */
  String pendingLabel;

  /** Whether a statement could not be read: the method is abandoned once all are read. */
  boolean failed;
  final Map<Object, String> sources;
  final Map<Object, Tree> positions;

  /** The session of the annotated method; this one, unless this one reads a helper to inline. */
  final ReadSession root;

  /** Where a position in another file is reported: the call in the root's file that led here. */
  final Tree rootSite;

  /** Root only: the helpers being inlined, innermost last, which a call must not inline again. */
  final Deque<ExecutableElement> inlining = new ArrayDeque<>();

  /** Root only: why a call to a helper stays a call. */
  final Map<Expr, String> notInlined = new IdentityHashMap<>();

  /** Values of calls whose body was inlined: as a statement, nothing is left to run. */
  final java.util.Set<Expr> inlined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Root only: array locals that name a static table, a choice of them ({@code x < 1 ? P : Q})
   * or an array of constants, assigned once per path: read-only, with no derivative.
   */
  final java.util.Set<Var> tables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Root only: the array locals of {@link #tables} given a table so far, which stay tables. */
  final java.util.Set<Var> namedTables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** The declared type of each byte, short or char variable, which is held as an int. */
  final Map<Var, Type> narrow = new IdentityHashMap<>();
  final SourcePositions sourcePositions;
  CharSequence text;

  /** The classes compiled before whose rules the method names: {@code @Differentiable(rules = ...)}. */
  final List<String> imports = new ArrayList<>();

  /** Root only: the record value each placeholder expression stands for ({@link RecordReader#aggregate}). */
  final Map<Expr, RecordValue> aggregates = new IdentityHashMap<>();

  /** Root only: record values held in variables no one else reads (a helper's result). */
  /** Objects of holder classes made in the method ({@link Records#isHolderClass}): their fields may be written. */
  final java.util.Set<RecordValue> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  final java.util.Set<RecordValue> fresh = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** For a helper that returns a record: the variables its returns assign. */
  RecordValue recordResult;

  /** For a constructor of a value class read in place: the object it sets the fields of. */
  RecordValue constructing;

  /** Root only: catch parameters named so far, which number the next one. */
  int caught;

  /** Root only: per file, the array variables its methods assign as a whole ({@link Rebinding}). */
  private final Map<CompilationUnitTree, java.util.Set<String>> rebound = new IdentityHashMap<>();

  /** Whether {@code name} is an array variable that some method of this file assigns as a whole. */
  boolean rebound(String name) {
    return root.rebound.computeIfAbsent(unit, Rebinding::names).contains(name);
  }

  /** Root only: per file, the matrices whose rows its methods give other arrays ({@link Rebinding#rowNames}). */
  private final Map<CompilationUnitTree, java.util.Set<String>> rowsRebound = new IdentityHashMap<>();

  /** Whether {@code name} is a matrix some method of this file gives a row other than a new array. */
  boolean rowsRebound(String name) {
    return root.rowsRebound.computeIfAbsent(unit, Rebinding::rowNames).contains(name);
  }

  /** Root only: locals declared as a box of java.lang ({@code Double d}), held as its primitive. */
  final Map<Var, Type> boxed = new IdentityHashMap<>();

  /** Root only: the boxed locals that may be null ({@code Double best = null}), each with its flag (read/NullableBoxes). */
  final Map<Var, Var> nullFlags = new IdentityHashMap<>();

  /** Root only: those known not to be null where the reader is ({@code best == null || v < best}). */
  final java.util.Set<Var> presentBoxes = new java.util.HashSet<>();

  /** Root only: the values of {@code Double.valueOf(x)} calls, and the primitive each holds. */
  final Map<Expr, Type> boxedValues = new IdentityHashMap<>();

  /** Root only: the lambdas, method references and anonymous objects each placeholder stands for. */
  final Map<Expr, FunctionValues.Fn> functionValues = new IdentityHashMap<>();

  /** For a method of a record read in place: the record it is called on. */
  RecordValue self;

  /**
   * For a method of a record of data (an element of a dataset) read in place: its components'
   * values by name, as {@code d.x()} reads them. Null otherwise.
   */
  Map<String, Expr> dataSelf;

  /** Root only: how each source parameter maps to the model's. */
  final List<io.github.backprop.processor.ir.ParamShape> shapes = new ArrayList<>();

  /** Root only: the parameter a record parameter's component came from, for wrt. */
  final Map<Var, String> sourceParameter = new IdentityHashMap<>();

  /** Root only: objects made in the method whose fields it changes, held as locals (read/MutableObjects). */
  final java.util.Set<RecordValue> mutable = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Root only: the names that stand for a field of an object inside its methods, and that object. */
  final Map<Object, RecordValue> fieldsOf = new IdentityHashMap<>();

  /** Root only: the arrays that are fields of an object: {@code {"w", "LinearModel"}}. */
  final Map<Var, String[]> objectArrays = new IdentityHashMap<>();

  /** Root only: the arrays that are components of a record, which the method must not write. */
  final java.util.Set<Var> recordArrays = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  // The parts, each reading one kind of construct.
  final DeclaredTypes types;
  final StatementReader statements;
  final LoopReader loops;
  final AssignmentReader assignments;
  final ExpressionReader expressions;
  final OperatorReader operators;
  final ArrayReader arrays;
  final StreamReader streams;
  final InvocationReader invocations;
  final HelperInliner helpers;
  final RecordReader records;
  final RecordBindings bindings;
  final RecordCalls recordCalls;
  final FunctionValues functions;

  /**
   * @param reader what reading needs from outside: trees, elements, the reporter, the rules
   * @param caller the session whose call this one inlines, or null for the annotated method
   * @param site that call
   */
  ReadSession(MethodReader reader, ExecutableElement method, CompilationUnitTree unit, ReadSession caller, Tree site) {
    this.reader = reader;
    this.trees = reader.trees;
    this.elements = reader.elements;
    this.reporter = reader.reporter;
    this.sourcePositions = trees.getSourcePositions();
    this.method = method;
    this.unit = unit;
    this.root = caller == null ? this : caller.root;
    this.rootSite = caller == null ? null : caller.unit == root.unit ? site : caller.rootSite;
    this.sources = caller == null ? new IdentityHashMap<>() : root.sources;
    this.positions = caller == null ? new IdentityHashMap<>() : root.positions;
    this.owner = (TypeElement) method.getEnclosingElement();
    this.resolver = new Resolver(
        elements, owner, unit, LocalRecordCopies.of(elements, trees, method, reader.calleeFacts.tree(method)),
        reader.calleeFacts::methodsByName);
    this.fields = reader.copies != null ? reader.copies : new FieldCopies(trees, elements, owner);
    this.copied = caller == null ? new java.util.LinkedHashSet<>() : root.copied;
    this.calls = new Calls(elements, trees, reporter, unit, owner, fields, copied);
    this.fieldWrites = caller == null ? new FieldWrites() : root.fieldWrites;
    this.statics = new StaticData(reporter, unit, Resolver.packageOf(owner), fields, copied, fieldWrites);
    types = new DeclaredTypes(this);
    statements = new StatementReader(this);
    loops = new LoopReader(this);
    assignments = new AssignmentReader(this);
    expressions = new ExpressionReader(this);
    operators = new OperatorReader(this);
    arrays = new ArrayReader(this);
    streams = new StreamReader(this);
    invocations = new InvocationReader(this);
    helpers = new HelperInliner(this);
    records = new RecordReader(this);
    bindings = new RecordBindings(this);
    recordCalls = new RecordCalls(this);
    functions = new FunctionValues(this);
    SwitchReader switchReader = new SwitchReader(this);
    List.of(types, statements, loops, assignments, expressions, operators, arrays, streams, invocations, helpers,
            records, bindings, recordCalls, functions, switchReader)
        .forEach(SessionPart::join);
    switches = new SwitchLowering(switchReader);
  }

  /** A session reading {@code callee}'s body for this one, which reports its errors to {@code quiet}. */
  ReadSession nested(ExecutableElement callee, CompilationUnitTree file, Tree site, ErrorReporter quiet) {
    return new ReadSession(reader.nested(quiet, fields), callee, file, this, site);
  }

  MethodModel read(MethodTree tree) {
    importRules();
    inlining.addLast(method); // a call back to the method itself is never read in place
    scopes.push(new java.util.LinkedHashMap<>());
    List<Var> params = new ArrayList<>();
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      // An instance method: the object comes in as a first parameter 'self', held as its fields.
      shapes.add(bindings.recordParameter("this", "self", owner, params, tree));
      RecordValue me = (RecordValue) scopes.peek().remove("self");
      self = me;
      helpers.pushSelf(me);
      scopes.push(new java.util.LinkedHashMap<>());
    }
    for (int i = 0; i < tree.getParameters().size(); i++) {
      VariableTree p = tree.getParameters().get(i);
      TypeElement record = Records.heldOf(method.getParameters().get(i).asType());
      String name = p.getName().toString();
      java.util.Set<String> differentiated = Annotations.wrt(method);
      if (Records.arrayElement(method.getParameters().get(i).asType()) != null && differentiated != null && differentiated.contains(name)) {
        // Vec3[] vs named in wrt: one array parameter per component, vs_x, vs_y, ...
        shapes.add(bindings.recordArrayParameter(name, Records.arrayElement(method.getParameters().get(i).asType()), params, p));
        continue;
      }
      if (record != null) {
        shapes.add(bindings.recordParameter(name, name, record, params, p));
        continue;
      }
      Type type = types.declaredType(p.getType());
      Type held = Boxes.isParameterBox(method.getParameters().get(i).asType())
          ? Boxes.primitiveOf(Boxes.boxClass(method.getParameters().get(i).asType())) : null;
      if (held != null) {
        // Double x: held as a double (its unboxing throws where the method's first use does);
        // the generated methods take a Double, and the result's component is a double.
        TypeElement box = Boxes.boxClass(method.getParameters().get(i).asType());
        Var v = Var.boxedParam(name, held, Type.objectOf(new io.github.backprop.processor.ir.Owner("java.lang", box.getSimpleName().toString())));
        scopes.peek().put(name, v);
        root.boxed.put(v, held);
        if (held.isNarrow()) {
          narrow.put(v, held); // Short s: s++ wraps as a short does
        }
        params.add(v);
        shapes.add(io.github.backprop.processor.ir.ParamShape.leaf(name, params.size() - 1));
        continue;
      }
      params.add(declare(name, type, Var.Kind.PARAM));
      shapes.add(io.github.backprop.processor.ir.ParamShape.leaf(name, params.size() - 1));
    }
    List<Stmt> copies = new ArrayList<>();
    for (Var p : params) {
      if (p.type().isArray() && rebound(p.name()) && scopes.peek().get(p.name()) == p) {
        // a = f(a); on a parameter: a local of that name refers to the caller's array at first.
        Var local = new Var(p.name(), p.type(), Var.Kind.LOCAL);
        scopes.peek().put(p.name(), local);
        copies.add(new Stmt.Declare(local, new Expr.Ref(p)));
      }
    }
    Stmt.Block body = statements.block(tree.getBody().getStatements());
    if (!copies.isEmpty()) {
      copies.addAll(body.statements());
      body = new Stmt.Block(copies);
    }
    if (!statics.declarations().isEmpty()) {
      List<Stmt> all = new ArrayList<>(statics.declarations());
      all.addAll(body.statements());
      body = new Stmt.Block(all);
    }
    java.util.Set<String> wrt = Annotations.wrt(method);
    List<Var> independents = new ArrayList<>();
    for (Var p : params) {
      if (p.type().isDifferentiable() && (wrt == null || wrt.contains(sourceParameter.getOrDefault(p, p.name())))) {
        independents.add(p);
      }
    }
    return new MethodModel(
        method, Resolver.owner(owner), params, independents, body, sources, positions, unit, calls.ruleHints(), notInlined,
        List.copyOf(copied));
  }

  /**
   * Reads the rules of the classes the method's {@code rules} names, once per class; a class
   * being compiled needs no naming, its rules are read with the round.
   */
  private void importRules() {
    for (String notAClass : RuleReader.notClasses(method)) {
      reporter.error(
          Tag.SIGNATURE,
          notAClass + ", named in rules, is not a class: name the class that holds the @DerivativeOf methods",
          method);
    }
    for (TypeElement type : RuleReader.imports(method)) {
      String name = elements.getBinaryName(type).toString();
      if (trees.getTree(type) != null) {
        // its rules are read with the round; a class of the compilation without any is a slip too
        if (ElementFilter.methodsIn(type.getEnclosedElements()).stream().noneMatch(RuleReader::isRule)) {
          reporter.error(Tag.SIGNATURE, type.getSimpleName() + ", named in rules, has no @DerivativeOf method", method);
        }
        continue;
      }
      imports.add(name);
      if (reader.rules.imported(name) != null) {
        continue;
      }
      Map<String, io.github.backprop.processor.rules.CustomRule> read = new java.util.HashMap<>();
      boolean any = false;
      for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (RuleReader.isRule(m)) {
          any = true;
          RuleReader.Read r = new RuleReader(elements, reporter).read(m, method);
          if (r != null && read.putIfAbsent(r.primal(), r.rule()) != null) {
            reporter.error(
                Tag.SIGNATURE,
                type.getSimpleName() + " has two rules for " + r.rule().primal() + ": "
                    + read.get(r.primal()).display() + " and " + r.rule().display() + "; keep one",
                method);
          }
        }
      }
      if (!any) {
        reporter.error(
            Tag.SIGNATURE,
            type.getSimpleName() + ", named in rules, has no @DerivativeOf method",
            method);
      }
      reader.rules.putImported(name, read);
    }
  }

  /** Where a diagnostic about {@code k} points: its tree, or in a helper of another file the call to it. */
  void position(Object k, Tree t) {
    positions.put(k, unit == root.unit ? t : rootSite);
  }

  Var declare(String name, Type type, Var.Kind kind) {
    Var v = new Var(name, type, kind);
    if (type.isNarrow()) {
      narrow.put(v, type);
    }
    scopes.peek().put(name, v);
    return v;
  }

  /**
   * Whether {@code name} is a variable of the method (a parameter or a local) in scope, which a
   * new declaration must not repeat; a field of the object may be shadowed, as in Java.
   */
  boolean declaredLocally(String name) {
    for (Map<String, Object> scope : scopes) {
      if (scope == enclosing) {
        return false; // a name an anonymous class's method captured, which its locals may shadow
      }
      Object v = scope.get(name);
      if (v != null) {
        return !root.fieldsOf.containsKey(v);
      }
    }
    return false;
  }

  /** While a functional value's body is read: the names it captured, outermost of its scopes. */
  Map<String, Object> enclosing;

  Object lookupAny(String name) {
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
  void checkAliases(Var v, Tree at) {
    for (Map<String, Object> scope : scopes) {
      for (Map.Entry<String, Object> e : scope.entrySet()) {
        if (e.getValue() instanceof Alias a && Walk.vars(a.expr()).contains(v)
            && !(a.expr() instanceof Expr.Ref && root.holders.contains(root.fieldsOf.get(a)))) { // a holder's field: read as it is now
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

  /** The last statement of the prelude, taken out (the statement a declaration reads as); or an empty block. */
  Stmt lastOfPrelude() {
    return prelude.isEmpty() ? new Stmt.Block(List.of()) : prelude.remove(prelude.size() - 1);
  }

  /**
   * Reads what runs only sometimes, or again and again (a branch of {@code ?:}, a loop
   * condition): the statements it needs first are collected apart, for the caller to place.
   */
  <T> Read<T> apart(java.util.function.Supplier<T> read) {
    List<Stmt> outer = prelude;
    prelude = new ArrayList<>();
    try {
      T value = read.get();
      return new Read<>(value, prelude);
    } finally {
      prelude = outer;
    }
  }

  /** Where statements must run before an expression but nothing may: a caller's last resort. */
  AbortMethod noPrelude(Tree t) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "'" + t + "' runs statements (a helper's body, an assignment, a switch) where backprop"
            + " cannot place them: compute it into a local variable first",
        t,
        unit);
  }

  /**
   * {@code earlier}, an operand Java evaluates before the statements {@code later} (an
   * assignment or a helper's body inside a later operand): held in a local first where {@code
   * later} changes what it reads, as in {@code x + (x = 3)}. {@code later} then joins the prelude.
   */
  Expr settle(Expr earlier, List<Stmt> later) {
    if (later.isEmpty()) {
      return earlier;
    }
    Expr out = snapshot(earlier, Walk.assigned(later));
    prelude.addAll(later);
    return out;
  }

  /** As {@link #settle} for operands evaluated in order: each before all that follow it. */
  void settleAll(List<Expr> earlier, List<Stmt> later) {
    if (later.isEmpty()) {
      return;
    }
    java.util.Set<Var> written = Walk.assigned(later);
    earlier.replaceAll(e -> snapshot(e, written));
    prelude.addAll(later);
  }

  /** The element an assignment writes, its indices evaluated before {@code later}. */
  Expr.Index settlePlace(Expr.Index place, List<Stmt> later) {
    if (later.isEmpty()) {
      return place;
    }
    Expr.Index out = place(place, Walk.assigned(later));
    prelude.addAll(later);
    return out;
  }

  private Expr.Index place(Expr.Index i, java.util.Set<Var> written) {
    Expr array = i.array() instanceof Expr.Index inner ? place(inner, written) : i.array();
    return new Expr.Index(array, snapshot(i.index(), written), i.type());
  }

  private Expr snapshot(Expr e, java.util.Set<Var> written) {
    if (Calls.isObject(e) || java.util.Collections.disjoint(Walk.vars(e), written)) {
      return e;
    }
    Var v = Var.temp("_e", e.type());
    prelude.add(new Stmt.Declare(v, e));
    return new Expr.Ref(v);
  }

  AbortMethod unsupported(Tree t) {
    return reporter.abort(
        Tag.UNSUPPORTED, io.github.backprop.processor.diag.UnsupportedKinds.messageFor(t.getKind().name()), t, unit);
  }

  void remember(Stmt stmt, Tree tree) {
    position(stmt, tree);
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

  /** Compiled once: {@code String.replaceAll} compiles its pattern at every call. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  String sourceText(Tree tree) {
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
        return "do ... while " + SPACES.matcher(text.subSequence((int) c, (int) ce)).replaceAll(" ").trim();
      }
      Tree body = loopBody(tree);
      if (body != null) {
        // A loop's comment is its header: for (int i = 0; i < n; i++)
        end = sourcePositions.getStartPosition(unit, body);
      }
      return SPACES.matcher(text.subSequence((int) start, (int) end)).replaceAll(" ").trim();
    } catch (IOException | RuntimeException e) {
      return tree.toString();
    }
  }
}
