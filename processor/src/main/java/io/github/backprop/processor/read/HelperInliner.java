package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads a helper's body in place of its call, through a session of its own whose parameters are
 * bound to the arguments, and a record's compact constructor before the record is made.
 */
final class HelperInliner extends SessionPart {
  HelperInliner(ReadSession session) {
    super(session);
  }

  /**
   * A compact constructor's checks, run before the record is made: its parameters bound to the
   * arguments; returns the values they end with, which become the components.
   */
  List<Expr> compact(ExecutableElement ctor, List<Expr> args, com.sun.source.tree.NewClassTree site) {
    MethodTree tree = session.trees.getTree(ctor);
    if (tree == null || tree.getBody() == null || ownStatements(tree).isEmpty()) {
      return args;
    }
    if (root.inlining.contains(ctor)) {
      throw reporter.abort(Tag.UNSUPPORTED, "a record's constructor creates another of its records", site, unit);
    }
    ErrorReporter quiet = reporter.quiet();
    TreePath path = session.trees.getPath(ctor);
    ReadSession checks = session.nested(ctor, path.getCompilationUnit(), site, quiet);
    List<Stmt> code = new ArrayList<>();
    root.inlining.addLast(ctor);
    try {
      List<Expr> finals = checks.helpers.compactBody(tree, args, site, code);
      session.prelude.addAll(code);
      session.statics.declarations().addAll(checks.statics.declarations());
      calls.ruleHints().putAll(checks.calls.ruleHints());
      return finals;
    } catch (AbortMethod e) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "backprop runs the compact constructor of record " + ((TypeElement) ctor.getEnclosingElement()).getSimpleName()
              + " here, but cannot read it: "
              + (quiet.firstQuietError() != null ? quiet.firstQuietError() : "its body could not be read"),
          site,
          unit);
    } finally {
      root.inlining.removeLast();
    }
  }

  /**
   * Whether a record's canonical constructor is compact, {@code R { ... }}: its implicit
   * parameters do not stand between its start and its body.
   */
  boolean isCompact(ExecutableElement ctor) {
    TreePath path = session.trees.getPath(ctor);
    MethodTree tree = session.trees.getTree(ctor);
    if (path == null || tree == null || tree.getBody() == null || ctor.getParameters().isEmpty()) {
      return false;
    }
    if (tree.getParameters().isEmpty()) {
      return true; // javac adds a compact constructor's parameters to its tree later
    }
    CompilationUnitTree file = path.getCompilationUnit();
    long from = session.sourcePositions.getStartPosition(file, tree.getParameters().get(0));
    long to = session.sourcePositions.getStartPosition(file, tree.getBody());
    // javac writes a compact constructor's parameters at the record's header, or nowhere.
    return from < session.sourcePositions.getStartPosition(file, tree) || from >= to;
  }

  private List<Expr> compactBody(MethodTree tree, List<Expr> args, Tree site, List<Stmt> out) {
    scopes.push(new java.util.LinkedHashMap<>());
    List<? extends VariableElement> params = method.getParameters();
    bindConstructorParameters(tree, args, site, out);
    List<Stmt> outer = session.prelude;
    session.prelude = out;
    Stmt.Block body;
    try {
      body = statements.block(ownStatements(tree));
    } finally {
      session.prelude = outer;
    }
    out.addAll(body.statements());
    List<Expr> finals = new ArrayList<>();
    for (VariableElement p : params) {
      Object v = scopes.peek().get(p.getSimpleName().toString());
      finals.add(v instanceof Var var ? new Expr.Ref(var) : v instanceof Alias al ? al.expr() : records.aggregate((RecordValue) v));
    }
    scopes.pop();
    return finals;
  }

  /**
   * A constructor's parameters bound, in the innermost scope, to {@code args}: a variable or a
   * literal of the parameter's type that the body does not assign is read in place, anything
   * else is held in a local of the parameter's name.
   */
  void bindConstructorParameters(MethodTree tree, List<Expr> args, Tree site, List<Stmt> out) {
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      String name = params.get(i).getSimpleName().toString();
      Expr arg = args.get(i);
      if (records.aggregateOf(arg) != null) {
        bindings.bindRecordParameter(name, arg, tree.getBody(), site, out);
        continue;
      }
      if (functions.of(arg) != null && !Writes.assigns(tree.getBody(), name)
          && FunctionalInterfaces.isFunctional(params.get(i).asType())) {
        // new Reduction(phi, m, Legendre::bigK): integral.apply(m) in the body reads bigK there
        TypeElement fn = (TypeElement) ((javax.lang.model.type.DeclaredType) params.get(i).asType()).asElement();
        scopes.peek().put(name, new FunctionValues.Bound(functions.of(arg), fn));
        continue;
      }
      Type type = Resolver.typeOf(params.get(i).asType()) != null
          ? Resolver.typeOf(params.get(i).asType()) : Resolver.referenceType(params.get(i).asType());
      boolean assigned = Writes.assigns(tree.getBody(), name);
      if (arg instanceof Expr.Literal l && l.value() instanceof Number n && type.equals(Type.DOUBLE) && !l.type().isFloating()) {
        arg = new Expr.Literal(n.doubleValue(), Type.DOUBLE); // new Vec(x, y, 1): the widened value
      }
      if (!assigned && (arg instanceof Expr.Ref || arg instanceof Expr.Literal) && type.equals(arg.type())) {
        scopes.peek().put(name, new Alias(arg, String.valueOf(arg), true));
      } else if (type.isArray()) {
        boolean rebound = assigned && Rebinding.isArrayValue(arg) && assignments.foreignArray(arg) == null;
        if (!rebound && (assigned || !(arg instanceof Expr.NewArray))) {
          throw reporter.abort(Tag.UNSUPPORTED, "its array parameter '" + name + "' is assigned", tree, unit);
        }
        Var v = session.declare(name, type, Var.Kind.LOCAL);
        out.add(new Stmt.Declare(v, arg));
      } else {
        out.add(new Stmt.Declare(session.declare(name, type, Var.Kind.LOCAL), arg));
      }
    }
  }

  /** The type {@code m} returns; {@code Double} or {@code Float} of a method whose body is read counts as the primitive. */
  Type resultType(ExecutableElement m) {
    Type t = Resolver.typeOf(m.getReturnType());
    return t != null || !hasReadableBody(m) ? t : io.github.backprop.processor.ir.BoxedResult.type(m);
  }

  /**
   * A constructor's statements as its author wrote them. Once javac has attributed the class
   * (another method's types may make it do so before this round ends), the body starts with the
   * implicit {@code super();}, which runs nothing of a record's.
   */
  static List<? extends StatementTree> ownStatements(MethodTree ctor) {
    List<? extends StatementTree> stats = ctor.getBody().getStatements();
    if (!stats.isEmpty()
        && stats.get(0) instanceof ExpressionStatementTree es
        && es.getExpression() instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof IdentifierTree id
        && id.getName().contentEquals("super")) {
      return stats.subList(1, stats.size());
    }
    return stats;
  }

  /** A static method of the compilation with a body backprop may read in place of a call. */
  boolean hasReadableBody(ExecutableElement m) {
    MethodTree tree = session.trees.getTree(m);
    if (tree == null || tree.getBody() == null || !m.getTypeParameters().isEmpty() || m.isVarArgs() && !Varargs.packable(session.trees, m)) {
      return false;
    }
    for (VariableElement p : m.getParameters()) {
      // A String or enum parameter, as a check's message or a mode: data with no derivative.
      if (Resolver.typeOf(p.asType()) == null && Resolver.referenceType(p.asType()) == null
          && Records.heldOf(p.asType()) == null && Records.dataType(p.asType()) == null
          && !FunctionalInterfaces.isFunctional(p.asType())) {
        return false;
      }
    }
    return m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID
        || Resolver.typeOf(m.getReturnType()) != null || Records.madeOf(m.getReturnType()) != null
        || io.github.backprop.processor.ir.BoxedResult.is(m);
  }

  /**
   * Why {@link #hasReadableBody} refuses {@code m}, a method of the compilation, for a message
   * that names what the user wrote; null where it has no source here or is readable.
   */
  String unreadable(ExecutableElement m, boolean loose) {
    MethodTree tree = session.trees.getTree(m);
    if (tree == null || tree.getBody() == null || (hasReadableBody(m) && !loose)) {
      return null;
    }
    String name = m.getSimpleName().toString();
    if (hasReadableBody(m)) {
      return "backprop reads a helper's body in place where each argument is of its parameter's type, with no boxing,"
          + " varargs or list made in the call, and '" + name + "' takes (" + tree.getParameters().stream()
          .map(p -> p.getType().toString()).collect(java.util.stream.Collectors.joining(", ")) + "): declare its"
          + " parameters double or double[] and pass the numbers or an array (new double[] {...})";
    }
    if (!m.getTypeParameters().isEmpty()) {
      return "'" + name + "' is generic (" + tree.getTypeParameters() + "), and backprop reads a helper's body"
          + " with the types it declares: declare its parameters as the numbers it is given (double x, or double[] xs for a list)";
    }
    for (VariableElement p : m.getParameters()) {
      if (Resolver.typeOf(p.asType()) == null && Resolver.referenceType(p.asType()) == null
          && Records.heldOf(p.asType()) == null && Records.dataType(p.asType()) == null
          && !FunctionalInterfaces.isFunctional(p.asType())) {
        return "its parameter '" + p.getSimpleName() + "' is a " + p.asType() + ", which backprop does not follow"
            + " derivatives through: declare it double, double[] or a record, and pass the values as that";
      }
    }
    if (m.isVarArgs()) {
      return "its varargs parameter cannot be read as an array here: declare it double[]";
    }
    return "it returns a " + m.getReturnType() + ", not a number, an array or a record";
  }

  /**
   * {@code m(args)} with m's body run in its place, as Clad and Tangent differentiate called
   * functions: the body goes into the prelude with its parameters bound to the arguments, and
   * the result is a local. The sweeps then see one method, so a call costs what its body costs,
   * and writes into an array argument are followed like the method's own. Null, with {@code
   * why[0]} set, where the body cannot be read; the call then stays a call.
   */
  Expr inline(ExecutableElement m, List<Expr> args, MethodInvocationTree t, String[] why) {
    return inline(m, args, t, why, null);
  }

  /**
   * A method of a record of data given a value that carries a derivative ({@code d.residual(w)}):
   * its body read in place, its components the record's, as {@code d.x()} reads them.
   */
  Expr inlineOnData(ExecutableElement m, Map<String, Expr> components, List<Expr> args, MethodInvocationTree t, String[] why) {
    return inline(m, args, t, why, null, components);
  }

  /** @param self for a method of a record, the record it is called on; else null */
  Expr inline(ExecutableElement m, List<Expr> args, MethodInvocationTree t, String[] why, RecordValue self) {
    return inline(m, args, t, why, self, null);
  }

  private Expr inline(
      ExecutableElement m, List<Expr> args, MethodInvocationTree t, String[] why, RecordValue self, Map<String, Expr> data) {
    String name = m.getSimpleName().toString();
    if (root.inlining.contains(m)) {
      why[0] = "'" + name + "' calls itself, directly or through other methods; annotate it with"
          + " @Differentiable, which differentiates recursion";
      return null;
    }
    if (session.prelude == null) {
      why[0] = "it is called where no statement can run before the call";
      return null;
    }
    ErrorReporter quiet = reporter.quiet();
    TreePath path = session.trees.getPath(m);
    ReadSession helper = session.nested(m, path.getCompilationUnit(), t, quiet);
    helper.self = self;
    helper.dataSelf = data;
    List<Stmt> code = new ArrayList<>();
    root.inlining.addLast(m);
    try {
      Expr value = helper.helpers.body(session.trees.getTree(m), args, t, code);
      session.prelude.addAll(code);
      session.statics.declarations().addAll(helper.statics.declarations());
      calls.ruleHints().putAll(helper.calls.ruleHints());
      session.inlined.add(value);
      return value;
    } catch (AbortMethod e) {
      why[0] = quiet.firstQuietError() != null ? quiet.firstQuietError() : "its body could not be read";
      return null;
    } finally {
      root.inlining.removeLast();
    }
  }

  /**
   * A method of a record or a class: the components (fields) by their names, and the object as
   * 'this'. A name for a field is remembered, so that writing to it is an error that says so.
   */
  void pushSelf(RecordValue me) {
    Map<String, Object> fieldsOfSelf = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> p : me.parts.entrySet()) {
      Object f = p.getValue() instanceof RecordValue || p.getValue() instanceof RecordArray ? p.getValue()
          : root.mutable.contains(me) ? ((Expr.Ref) p.getValue()).var() // written in place: the field's own local
          : new Alias((Expr) p.getValue(), p.getKey(), true);
      fieldsOfSelf.put(p.getKey(), f);
      root.fieldsOf.put(f, me);
    }
    fieldsOfSelf.put("this", me);
    scopes.push(fieldsOfSelf);
  }

  /** This helper's body bound to {@code args}, appended to {@code out}; its result's value. */
  private Expr body(MethodTree tree, List<Expr> args, MethodInvocationTree site, List<Stmt> out) {
    if (session.self != null) {
      pushSelf(session.self);
    }
    if (session.dataSelf != null) {
      Map<String, Object> components = new java.util.LinkedHashMap<>();
      session.dataSelf.forEach((name, value) -> components.put(name, new Alias(value, name, true)));
      scopes.push(components);
    }
    scopes.push(new java.util.LinkedHashMap<>());
    for (int i = 0; i < tree.getParameters().size(); i++) {
      VariableTree p = tree.getParameters().get(i);
      if (records.arrays().arrayOf(args.get(i)) != null) {
        bindings.bindRecordArrayParameter(p.getName().toString(), records.arrays().arrayOf(args.get(i)), tree.getBody(), p);
        continue;
      }
      if (Records.heldOf(method.getParameters().get(i).asType()) != null) {
        bindings.bindRecordParameter(p.getName().toString(), args.get(i), tree.getBody(), site.getArguments().get(i), out);
        continue;
      }
      javax.lang.model.type.TypeMirror declared = method.getParameters().get(i).asType();
      if (functions.of(args.get(i)) != null || FunctionalInterfaces.isFunctional(declared)) {
        // A lambda: each call of its method in the body reads the lambda's body there.
        String name = p.getName().toString();
        if (functions.of(args.get(i)) == null || Writes.assigns(tree.getBody(), name)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "backprop reads '" + tree.getName() + "' in place with the lambda passed as '" + name
                  + "', which must be a lambda, a method reference or a local holding one, and which '"
                  + tree.getName() + "' must not assign",
              p,
              unit);
        }
        TypeElement type = (TypeElement) ((javax.lang.model.type.DeclaredType) declared).asElement();
        scopes.peek().put(name, new FunctionValues.Bound(functions.of(args.get(i)), type));
        continue;
      }
      Type type = types.declaredType(p.getType());
      Expr arg = args.get(i);
      String name = p.getName().toString();
      if (type.isArray() && !method.isVarArgs() && isNull(site.getArguments().get(i))) { // sum() has no argument for v
        Tree use = AbsentArrays.otherUse(tree.getBody(), name, owner, session.trees);
        if (use != null || Writes.assigns(tree.getBody(), name)) {
          throw reporter.abort(Tag.UNSUPPORTED, "the call passes null as the array '" + name + "', which backprop"
              + " reads only in tests " + name + " != null and " + name + " == null: pass an array", use != null ? use : p, unit);
        }
        scopes.peek().put(name, new AbsentArrays.Absent(name));
        continue;
      }
      if (type.isArray()) {
        if (!(arg instanceof Expr.Ref || arg instanceof Expr.Index || arg instanceof Expr.NewArray)
            || !type.equals(arg.type())) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "the array passed as '" + name + "' must be an array variable, a row such as m[i],"
                  + " or a new array",
              p,
              unit);
        }
        boolean rebound = Writes.assigns(tree.getBody(), name) && Rebinding.isArrayValue(arg)
            && assignments.foreignArray(arg) == null;
        if (!(arg instanceof Expr.NewArray) && !rebound) {
          // The parameter is a second name for the caller's array: writes reach the caller.
          scopes.peek().put(name, new Alias(arg, site.getArguments().get(i).toString(), true));
          continue;
        }
      } else {
        if (!type.isNarrow() && !type.acceptsByWidening(arg.type())) {
          throw reporter.abortQuietly();
        }
        if (arg instanceof Expr.Literal l && l.value() instanceof Number n && type.equals(Type.DOUBLE)
            && (l.type().equals(Type.INT) || l.type().equals(Type.LONG))) {
          arg = new Expr.Literal(n.doubleValue(), Type.DOUBLE); // clip(v, 0, 1): the widened value
        }
        if ((arg instanceof Expr.Ref || arg instanceof Expr.Literal)
            && type.equals(arg.type())
            && !Writes.assigns(tree.getBody(), name)) {
          // A variable or a literal the body never changes is read in place: the caller's own
          // variables are out of the body's reach.
          scopes.peek().put(name, new Alias(arg, String.valueOf(site.getArguments().get(i)), true));
          continue;
        }
      }
      out.add(new Stmt.Declare(session.declare(name, type, Var.Kind.LOCAL), arg));
    }
    TypeElement returned = Records.madeOf(method.getReturnType());
    if (returned != null) {
      session.recordResult = records.freshRecord(returned, method.getSimpleName().toString(), site, out);
    }
    Stmt.Block body = statements.block(tree.getBody().getStatements());
    scopes.pop();
    Type type = Resolver.typeOf(method.getReturnType()) != null
        ? Resolver.typeOf(method.getReturnType()) : io.github.backprop.processor.ir.BoxedResult.type(method);
    Var result = type == null ? null : new Var(method.getSimpleName().toString(), type, Var.Kind.LOCAL);
    out.addAll(returnsAssigned(body, result));
    if (returned != null && !Records.isRecord(returned)) {
      ValueObjects.declareWhereSet(out, session); // double add_x = x;, not double add_x; ... add_x = x;
    }
    if (session.recordResult != null) {
      root.fresh.add(session.recordResult);
      return records.aggregate(session.recordResult);
    }
    if (result != null && type.isArray()) {
      return arrayResult(out, result, tree);
    }
    return result == null ? new Expr.Foreign(List.of(), null) : new Expr.Ref(result);
  }

  /**
   * A body read in place, each {@code return e;} an assignment to {@code result} that leaves it
   * ({@link InlinedReturns}); what the rewrite copies keeps its position, source and rule hint.
   */
  List<Stmt> returnsAssigned(Stmt.Block body, Var result) {
    Map<Stmt, String> moved = new IdentityHashMap<>();
    List<Stmt> out =
        InlinedReturns.rewrite(
            body,
            result,
            moved,
            (original, copy) -> {
              if (session.positions.containsKey(original)) {
                session.positions.put(copy, session.positions.get(original));
              }
              if (original instanceof Expr o && copy instanceof Expr c && calls.ruleHints().containsKey(o)) {
                calls.ruleHints().put(c, calls.ruleHints().get(o));
              }
            });
    session.sources.putAll(moved);
    return out;
  }

  /**
   * The array a helper returns, as a second name for it (as {@code double[] b = a;} is), so
   * that what the caller does with the result reaches that array and its adjoint: a separate
   * local holding the same array would split its adjoint in two.
   */
  private Expr arrayResult(List<Stmt> out, Var result, MethodTree tree) {
    int last = out.size() - 1;
    if (last >= 0 && out.get(last) instanceof Stmt.Declare d && d.var() == result) {
      if (d.init() instanceof Expr.NewArray) {
        return new Expr.Ref(result); // a new array, its own
      }
      if (d.init() instanceof Expr.Ref || d.init() instanceof Expr.Index) {
        out.remove(last);
        return d.init();
      }
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "'" + tree.getName() + "' returns an array other than by one return at its end of an array"
            + " variable, a row m[i] or a new array: end it with one such return",
        tree,
        unit);
  }
}
