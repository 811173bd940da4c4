package io.github.backprop.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Functional values: a lambda, a static method reference, an anonymous class of a type
 * backprop knows the algorithm of ({@link ContinuedFractions}). None is held as an object: a
 * call of its method reads its body in place, in the scope it was written in (its captured
 * variables are the caller's), with its parameters bound to the call's arguments. A helper
 * taking a {@code DoubleUnaryOperator} is so read specialised for the lambda it is given, as
 * Clad and JAX specialise a function for the closure it is called with.
 */
final class FunctionValues extends SessionPart {
  FunctionValues(ReadSession session) {
    super(session);
  }

  /** A lambda, a method reference or an anonymous object, where it was written. */
  static final class Fn {
    final ReadSession home;
    /** The names in scope where it was written, innermost binding of each. */
    final Map<String, Object> captured;
    final Tree tree;
    /** What stands for it among a call's arguments ({@link ReadSession#functionValues}). */
    final Expr.Foreign placeholder;
    boolean running;
    /** For {@code f.andThen(g)} and {@code g.compose(f)}: f, then g, with f's result as {@code carried}. */
    final Fn first;
    final Fn then;
    final Type carried;
    /** For {@code c ? f : g}: c, as it was where the choice was written; {@code first} is f, {@code then} g. */
    final Expr choice;

    Fn(ReadSession home, Map<String, Object> captured, Tree tree) {
      this(home, captured, tree, null, null, null, null);
    }

    private Fn(ReadSession home, Map<String, Object> captured, Tree tree, Fn first, Fn then, Type carried, Expr choice) {
      this.home = home;
      this.captured = captured;
      this.tree = tree;
      this.placeholder = new Expr.Foreign(List.of(tree.toString()), null);
      this.first = first;
      this.then = then;
      this.carried = carried;
      this.choice = choice;
    }

    /** {@code first} then {@code then}, written at {@code tree}. */
    static Fn composed(ReadSession home, Tree tree, Fn first, Fn then, Type carried) {
      return new Fn(home, new LinkedHashMap<>(), tree, first, then, carried, null);
    }
  }

  /**
   * {@code c ? (a, b) -> a * b : (a, b) -> a + b}: a functional value that is one or the other.
   * Java decides where the choice is written, so {@code c} is kept in a local there.
   */
  Expr chosen(Expr condition, Expr whenTrue, Expr whenFalse, Tree at) {
    if (session.prelude == null) {
      throw session.noPrelude(at);
    }
    Var c = Var.temp("_choice", Type.BOOLEAN);
    session.prelude.add(new Stmt.Declare(c, condition));
    Fn fn = new Fn(session, new LinkedHashMap<>(), at, of(whenTrue), of(whenFalse), null, new Expr.Ref(c));
    root.functionValues.put(fn.placeholder, fn);
    return fn.placeholder;
  }

  /**
   * The interfaces whose {@code andThen} (and {@code compose}, but for BiFunction) apply one
   * function to the other's result, and the type that result is converted to in between (null:
   * an object, as it is).
   */
  private static final Map<String, Optional<Type>> COMPOSABLE =
      Map.of(
          "java.util.function.DoubleUnaryOperator", Optional.of(Type.DOUBLE),
          "java.util.function.IntUnaryOperator", Optional.of(Type.INT),
          "java.util.function.LongUnaryOperator", Optional.of(Type.LONG),
          // A box carries the first's result unchanged: Function<Integer, Integer> keeps an int.
          "java.util.function.Function", Optional.empty(),
          "java.util.function.UnaryOperator", Optional.empty(),
          "java.util.function.BiFunction", Optional.empty());

  /** A name bound to a functional value, and the interface it is declared as (null for var). */
  record Bound(Fn fn, TypeElement type) {}

  // ---- making them ----

  /** A lambda or a method reference where it is written: its placeholder. */
  Expr written(ExpressionTree t) {
    Fn fn = new Fn(session, capture(), t);
    root.functionValues.put(fn.placeholder, fn);
    return fn.placeholder;
  }

  /** {@code new T() { ... }}: held as its methods where backprop knows what T does with them. */
  Expr anonymous(NewClassTree n, TypeElement base) {
    AnonymousFunctions.check(n, base, reporter, unit);
    return written(n);
  }

  /** The lambda a final field holds, as if written here ({@link FieldLambdas#fieldValue}); null for any other field. */
  Expr fieldValue(javax.lang.model.element.VariableElement field) {
    return fields().fieldValue(field);
  }

  /** Lambdas held in fields ({@link FieldLambdas}). */
  FieldLambdas fields() {
    if (heldInFields == null) {
      heldInFields = new FieldLambdas(session);
      heldInFields.join();
    }
    return heldInFields;
  }

  private FieldLambdas heldInFields;

  private Map<String, Object> capture() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (Map<String, Object> scope : scopes) { // innermost first
      scope.forEach(all::putIfAbsent);
    }
    return all;
  }

  /** The functional value {@code e} stands for, or null. */
  Fn of(Expr e) {
    return e == null ? null : root.functionValues.get(e);
  }

  boolean any(List<Expr> args) {
    return args.stream().anyMatch(a -> of(a) != null);
  }

  /** The functional value a receiver such as {@code f} in {@code f.applyAsDouble(x)} names, or null. */
  Bound named(ExpressionTree receiver) {
    while (receiver instanceof ParenthesizedTree p) {
      receiver = p.getExpression();
    }
    if (receiver instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
      Bound inner = named(ms.getExpression());
      if (inner != null) {
        // f.andThen(g).applyAsDouble(x): the composition, read as a functional value of f's type
        Fn composed = of(expressions.value(call));
        if (composed == null) {
          throw otherMethod(ms.getIdentifier().toString(), null, call);
        }
        return new Bound(composed, inner.type());
      }
    }
    if (receiver instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Bound b) {
      return b;
    }
    javax.lang.model.element.VariableElement field = fields().field(receiver);
    Expr held = field == null ? null : fields().fieldValue(field);
    return held == null ? null : new Bound(of(held), (TypeElement) ((DeclaredType) field.asType()).asElement());
  }

  /** {@code DoubleUnaryOperator f = t -> ...;}: the name stands for the lambda from here on. */
  void bind(String name, Expr value, TypeElement declared) {
    scopes.peek().put(name, new Bound(of(value), declared));
  }

  /** Where a functional value is read as a value: only calls take one. */
  AbortMethod notAValue(Tree t) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "a lambda, method reference or anonymous object is read only as an argument of a call or"
            + " the value of a local that calls pass on: call it, or pass it to a static method of"
            + " this compilation",
        t,
        unit);
  }

  // ---- choosing a method that takes one ----

  /**
   * The method of {@code candidates} a call with functional arguments means: its parameters at
   * their positions are interfaces, the others take their arguments (strictly where one does).
   */
  ExecutableElement choose(List<ExecutableElement> candidates, List<Expr> args, List<Type> argTypes) {
    ExecutableElement loose = null;
    for (ExecutableElement m : candidates) {
      if (m.isVarArgs() || m.getParameters().size() != args.size()) {
        continue;
      }
      boolean fits = true;
      boolean strict = true;
      for (int i = 0; i < args.size() && fits; i++) {
        TypeMirror p = m.getParameters().get(i).asType();
        if (of(args.get(i)) != null) {
          fits = takesFunction(p, of(args.get(i)));
        } else if (Resolver.typeOf(p) != null && argTypes.get(i) != null && Resolver.typeOf(p).acceptsByWidening(argTypes.get(i))) {
          continue;
        } else {
          strict = false;
          fits = calls.acceptsLoosely(p, args.get(i));
        }
      }
      if (fits && strict) {
        return m;
      }
      if (fits && loose == null) {
        loose = m;
      }
    }
    return loose;
  }

  private boolean takesFunction(TypeMirror p, Fn fn) {
    if (!(p instanceof DeclaredType d) || !(d.asElement() instanceof TypeElement type)) {
      return false;
    }
    if (fn.tree instanceof NewClassTree n) {
      TypeElement base = fn.home.resolver.type(n.getIdentifier());
      return base != null && base.equals(type);
    }
    ExecutableElement sam = FunctionalInterfaces.method(type);
    return sam != null
        && (!(fn.tree instanceof LambdaExpressionTree l) || l.getParameters().size() == sam.getParameters().size());
  }

  // ---- calling one ----

  /** {@code f.name(args)} where {@code f} is bound to a functional value: its body, read in place. */
  Expr call(Bound bound, String name, List<Expr> args, MethodInvocationTree t) {
    Fn fn = bound.fn();
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    if (fn.tree instanceof NewClassTree n && !AnonymousFunctions.isFunction(fn)) {
      return ContinuedFractions.evaluate(this, fn, n, name, args, t);
    }
    ExecutableElement sam = bound.type() == null ? null : FunctionalInterfaces.method(bound.type());
    Fn other = args.size() == 1 ? of(args.get(0)) : null;
    String family = bound.type() == null ? null : bound.type().getQualifiedName().toString();
    if (other != null && COMPOSABLE.containsKey(family)
        && (name.equals("andThen") || (name.equals("compose") && !family.endsWith("BiFunction")))) {
      Type carried = COMPOSABLE.get(family).orElse(null);
      Fn composed = name.equals("andThen") ? Fn.composed(session, t, fn, other, carried) : Fn.composed(session, t, other, fn, carried);
      root.functionValues.put(composed.placeholder, composed);
      return composed.placeholder;
    }
    if (COMPOSABLE.containsKey(family) && (name.equals("andThen") || name.equals("compose")) && args.size() == 1) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' composes functional values backprop sees written: pass it a lambda, a method"
              + " reference, or a local or static final field holding one",
          t.getArguments().get(0),
          unit);
    }
    if (sam != null && !sam.getSimpleName().contentEquals(name)) {
      throw otherMethod(name, sam, t);
    }
    return apply(fn, args, t, session.prelude);
  }

  /** {@code fn} applied to {@code args} in the session where it was written, its statements into {@code into}. */
  private Expr apply(Fn fn, List<Expr> args, MethodInvocationTree t, List<Stmt> into) {
    if (fn.running) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "the lambda '" + fn.tree + "' is called while its own body runs, which backprop cannot"
              + " read in place: write the recursion as a static method and annotate it with"
              + " @Differentiable",
          t,
          unit);
    }
    fn.running = true;
    try {
      return fn.home.functions.applyHere(fn, args, t, into);
    } finally {
      fn.running = false;
    }
  }

  /**
   * {@code Arrays.setAll(w, i -> ...)} on a {@code double[]}: the loop the library runs, {@code
   * w[_i] = } the lambda's body for {@code _i}, read in place like any call of it.
   */
  Expr setAll(Expr w, Fn fn, MethodInvocationTree t) {
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    if (fn.tree instanceof NewClassTree && !AnonymousFunctions.isFunction(fn)) {
      throw reporter.abortQuietly(); // javac: not an IntToDoubleFunction
    }
    Var i = Var.temp("_i", Type.INT);
    Expr index = new Expr.Ref(i);
    List<Stmt> body = new ArrayList<>();
    if (fn.running) {
      throw reporter.abortQuietly(); // a lambda setting all from within itself: javac's to reject
    }
    fn.running = true;
    Expr value;
    try {
      value = fn.home.functions.applyHere(fn, List.of(index), t, body);
    } finally {
      fn.running = false;
    }
    if (value.type() == null || !value.type().isNumeric()) {
      throw reporter.abortQuietly();
    }
    body.add(new Stmt.Store(new Expr.Index(w, index), null, value.type().equals(Type.DOUBLE) ? value : new Expr.Cast(Type.DOUBLE, value)));
    session.prelude.add(
        new Stmt.Loop(
            new io.github.backprop.processor.ir.LoopId(null),
            List.of(new Stmt.Declare(i, Expr.Literal.ofInt(0))),
            new Expr.Binary(Expr.Op.LT, index, new Expr.Length(w), Type.BOOLEAN),
            List.of(new Stmt.Assign(i, Expr.Op.ADD, Expr.Literal.ofInt(1))),
            new Stmt.Block(body),
            true));
    Expr done = new Expr.Foreign(List.of(), null);
    session.inlined.add(done);
    return done;
  }

  private AbortMethod otherMethod(String name, ExecutableElement sam, Tree at) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "'" + name + "' of a functional value is not supported: backprop reads the lambda in place"
            + " of its one method" + (sam == null ? "" : " '" + sam.getSimpleName() + "'")
            + "; call that, and compose in the lambda",
        at,
        unit);
  }

  /** In the session where {@code fn} was written: its value for {@code args}, statements into {@code into}. */
  private Expr applyHere(Fn fn, List<Expr> args, MethodInvocationTree t, List<Stmt> into) {
    if (fn.choice != null) {
      // double _q; if (_choice) { <f's body>; _q = r; } else { <g's body>; _q = s; }
      List<Stmt> ifTrue = new ArrayList<>();
      List<Stmt> ifFalse = new ArrayList<>();
      Expr a = apply(fn.first, args, t, ifTrue);
      Expr b = apply(fn.then, args, t, ifFalse);
      if (a.type() == null || b.type() == null || !(a.type().equals(b.type()) || a.type().isNumeric() && b.type().isNumeric())) {
        throw reporter.abortQuietly(); // javac: the lambdas' results do not fit the interface
      }
      Type type = a.type().equals(b.type()) ? a.type() : Type.promote(a.type(), b.type());
      Var q = Var.temp("_q", type);
      into.add(new Stmt.Declare(q, null));
      ifTrue.add(new Stmt.Assign(q, null, a));
      ifFalse.add(new Stmt.Assign(q, null, b));
      into.add(new Stmt.If(fn.choice, new Stmt.Block(ifTrue), new Stmt.Block(ifFalse)));
      return new Expr.Ref(q);
    }
    if (fn.first != null) {
      Expr between = apply(fn.first, args, t, into);
      if (fn.carried != null && between.type() != null && between.type().isNumeric() && !between.type().equals(fn.carried)
          && fn.carried.acceptsByWidening(between.type())) {
        between = new Expr.Cast(fn.carried, between);
      }
      return apply(fn.then, List.of(between), t, into);
    }
    if (fn.tree instanceof MemberReferenceTree r) {
      return inScope(fn.captured, into, () -> reference(r, args, t));
    }
    if (fn.tree instanceof NewClassTree n) {
      MethodTree m = AnonymousFunctions.implementation(n);
      if (m.getParameters().size() != args.size()) {
        throw reporter.abortQuietly(); // javac: wrong number of arguments
      }
      return body(fn.captured, m.getParameters(), m.getBody(), args, into, types.declaredType(m.getReturnType()));
    }
    LambdaExpressionTree l = (LambdaExpressionTree) fn.tree;
    if (l.getParameters().size() != args.size()) {
      throw reporter.abortQuietly(); // javac: wrong number of arguments
    }
    return body(fn.captured, l.getParameters(), l.getBody(), args, into, null);
  }

  /**
   * {@code Foo::bar} applied: the call {@code Foo.bar(args)}, read as any call is; {@code
   * this::f} and {@code p::f} on a record or an object backprop holds as its fields, its method
   * read in place; {@code Point::norm}, the first argument the object.
   */
  /** {@code Math::exp} applied where a stream calls it, as {@link #reference} reads it. */
  Expr applyReference(MemberReferenceTree r, List<Expr> args, MethodInvocationTree t) {
    return reference(r, args, t);
  }

  private Expr reference(MemberReferenceTree r, List<Expr> args, MethodInvocationTree t) {
    String name = r.getName().toString();
    boolean invoke = r.getMode() == MemberReferenceTree.ReferenceMode.INVOKE;
    RecordValue object = invoke ? boundObject(r) : null;
    if (object != null) {
      return recordCalls.recordMethod(object, name, args, t);
    }
    TypeElement type = invoke && !(r.getQualifierExpression() instanceof IdentifierTree q && session.lookupAny(q.getName().toString()) != null)
        ? resolver.type(r.getQualifierExpression())
        : null;
    List<ExecutableElement> candidates = type == null ? List.of() : resolver.methods(type, name);
    List<Type> argTypes = new ArrayList<>();
    args.forEach(a -> argTypes.add(a.type()));
    ExecutableElement m = candidates.isEmpty() ? null : Resolver.choose(candidates, argTypes);
    if (m == null && type != null && !args.isEmpty() && records.aggregateOf(args.get(0)) != null
        && !HeldObjects.instanceMethods(type, name).isEmpty()) {
      return recordCalls.recordMethod(records.aggregateOf(args.get(0)), name, args.subList(1, args.size()), t);
    }
    if (m == null || !Resolver.isStatic(m)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "the method reference '" + r + "' is supported as a static method taking the functional"
              + " method's arguments, or a method of a record or of an object backprop holds as its"
              + " fields (this::f, p::f, Point::norm): write a lambda, such as 'v -> f(v)'",
          r,
          unit);
    }
    return invocations.resolved(m, args, t);
  }

  /**
   * The object of {@code this::f} or {@code p::f} where {@code p} is a record or held object;
   * null for another qualifier. Java reads {@code p} where the reference is written, so a {@code
   * p} the method assigns is an error: the reference is read where it is called.
   */
  private RecordValue boundObject(MemberReferenceTree r) {
    if (!(r.getQualifierExpression() instanceof IdentifierTree q) || !(session.lookupAny(q.getName().toString()) instanceof RecordValue v)) {
      return null;
    }
    String name = q.getName().toString();
    com.sun.source.util.TreePath path = session.trees.getPath(unit, r);
    while (path != null && !(path.getLeaf() instanceof MethodTree)) {
      path = path.getParentPath();
    }
    if (!name.equals("this") && path != null && ((MethodTree) path.getLeaf()).getBody() != null
        && Writes.assigns(((MethodTree) path.getLeaf()).getBody(), name)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "the method reference '" + r + "' reads '" + name + "', which this method assigns: Java"
              + " calls the object '" + name + "' held where the reference was written; hold it in a"
              + " final local and refer to that",
          r,
          unit);
    }
    return v;
  }

  /**
   * A body (a lambda's, or a method's of an anonymous class) with its parameters bound to {@code
   * args}, read in this session with the names it captured in scope; its statements go to {@code
   * into}, and its value (null for none) is returned.
   */
  Expr body(
      Map<String, Object> captured, List<? extends VariableTree> params, Tree body, List<Expr> args, List<Stmt> into, Type declared) {
    return inScope(captured, into, () -> {
      scopes.push(new LinkedHashMap<>());
      for (int i = 0; i < params.size(); i++) {
        bindParameter(params.get(i), args.get(i), body);
      }
      if (body instanceof ExpressionTree e) {
        return expressions.expr(e);
      }
      Stmt.Block block = statements.block(((BlockTree) body).getStatements());
      Type type = declared != null ? declared : returned(block);
      Var result = type == null ? null : Var.temp("_fn", type);
      session.prelude.addAll(helpers.returnsAssigned(block, result));
      return result == null ? new Expr.Foreign(List.of(), null) : new Expr.Ref(result);
    });
  }

  private void bindParameter(VariableTree p, Expr arg, Tree body) {
    String name = p.getName().toString();
    if (of(arg) != null) {
      scopes.peek().put(name, new Bound(of(arg), null));
      return;
    }
    Type type = p.getType() == null || types.isVar(p.getType()) ? arg.type() : types.declaredType(p.getType());
    if (type == null || arg.type() == null || !(type.equals(arg.type()) || !type.isArray() && type.acceptsByWidening(arg.type()))) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    boolean assigned = Writes.assigns(body, name);
    if (type.isArray() && !(arg instanceof Expr.NewArray)) {
      if (assigned || !(arg instanceof Expr.Ref || arg instanceof Expr.Index)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "the array passed as '" + name + "' must be an array variable or a row such as m[i],"
                + " and the body must not assign '" + name + "'",
            p,
            unit);
      }
      scopes.peek().put(name, new Alias(arg, name, true));
      return;
    }
    if ((arg instanceof Expr.Ref || arg instanceof Expr.Literal) && type.equals(arg.type()) && !assigned) {
      scopes.peek().put(name, new Alias(arg, name, true)); // read in place, as a helper's parameter
      return;
    }
    Stmt.Declare d = new Stmt.Declare(session.declare(name, type, Var.Kind.LOCAL), arg);
    session.remember(d, p);
    session.prelude.add(d);
  }

  /** The type a block body's returns give, promoted as javac types a lambda's result; null for none. */
  private static Type returned(Stmt.Block block) {
    Type[] type = {null};
    Walk.each(block, s -> {
      if (s instanceof Stmt.Return r && r.value() != null && r.value().type() != null) {
        type[0] = type[0] == null ? r.value().type() : Type.promote(type[0], r.value().type());
      }
    });
    return type[0];
  }

  /** Runs {@code read} with {@code captured} in scope and statements going to {@code into}. */
  Expr inScope(Map<String, Object> captured, List<Stmt> into, java.util.function.Supplier<Expr> read) {
    List<Stmt> outer = session.prelude;
    RecordValue result = session.recordResult;
    Map<String, Object> enclosing = session.enclosing;
    // The scopes where it was written are put aside: what it captured stands for them.
    java.util.Deque<Map<String, Object>> aside = new java.util.ArrayDeque<>();
    while (!scopes.isEmpty()) {
      aside.push(scopes.pop());
    }
    session.prelude = new ArrayList<>();
    session.recordResult = null;
    session.enclosing = new LinkedHashMap<>(captured);
    scopes.push(session.enclosing);
    try {
      Expr value = read.get();
      into.addAll(session.prelude);
      return value;
    } finally {
      scopes.clear();
      while (!aside.isEmpty()) {
        scopes.push(aside.pop());
      }
      session.prelude = outer;
      session.recordResult = result;
      session.enclosing = enclosing;
    }
  }

  // ---- passing one to a library ----

  /** The functional values of this session written out as Java ({@link PrintedLambdas}). */
  PrintedLambdas printedLambdas() {
    if (printed == null) {
      printed = new PrintedLambdas(session);
      printed.join();
    }
    return printed;
  }

  private PrintedLambdas printed;
}
