package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Objects of value classes made in the method ({@code new Vec(x, y, z)}, {@link
 * Records#isValueClass}): held as one local per field, as a record is held as its components,
 * and set by the constructor's body read in place, {@code this.x = x} assigning the local.
 */
final class ValueObjects extends SessionPart {
  ValueObjects(ReadSession session) {
    super(session);
  }

  // Example: Vec p = new Vec(a, b, 1); with Vec(double x, double y, double z) { this.x = x; ... }
  //   double p_x = a; double p_y = b; double p_z = 1.0;
  /** {@code new C(args)} of a value class: fresh locals {@code hint_f} (or temporaries) the constructor sets. */
  RecordValue newValue(NewClassTree n, TypeElement type, String hint) {
    Map<String, Object> parts = new LinkedHashMap<>();
    List<Stmt.Declare> fields = new ArrayList<>();
    for (Records.Component c : Records.valueFields(type)) {
      if (c.record() != null || c.array() || c.type().isArray()) {
        throw reporter.abort(Tag.UNSUPPORTED, notNumbers(type, c.name()), n, unit);
      }
      Var v = hint != null ? new Var(hint + "_" + c.name(), c.type(), Var.Kind.LOCAL) : Var.temp("_" + c.name(), c.type());
      fields.add(new Stmt.Declare(v, null));
      parts.put(c.name(), new Expr.Ref(v));
    }
    RecordValue made = new RecordValue(type, parts);
    List<Stmt> code = new ArrayList<>(fields);
    code.addAll(fill(n, type, made));
    declareWhereSet(code, session);
    session.prelude.addAll(code);
    return made;
  }

  /**
   * Each local of {@code code} declared with no value, then set once at the top level and
   * nowhere else in between, declared where it is set instead: {@code double p_x = a;}.
   */
  static void declareWhereSet(List<Stmt> code, ReadSession session) {
    for (int i = 0; i < code.size(); i++) {
      if (!(code.get(i) instanceof Stmt.Declare d) || d.init() != null) {
        continue;
      }
      for (int j = i + 1; j < code.size(); j++) {
        Stmt s = code.get(j);
        if (s instanceof Stmt.Assign a && a.var() == d.var() && a.op() == null
            && !io.github.backprop.processor.ir.Walk.vars(a.value()).contains(d.var())) {
          Stmt declared = new Stmt.Declare(d.var(), a.value());
          if (session.positions.containsKey(s)) {
            session.positions.put(declared, session.positions.get(s));
          }
          if (session.sources.containsKey(s)) {
            session.sources.put(declared, session.sources.get(s));
          }
          code.set(j, declared);
          code.remove(i--);
          break;
        }
        if (io.github.backprop.processor.ir.Walk.assigned(List.of(s)).contains(d.var())) {
          break;
        }
      }
    }
  }

  /** {@code return new C(args);} in a method that returns a C: the constructor sets the result's locals. */
  void newInto(NewClassTree n, RecordValue result) {
    session.prelude.addAll(fill(n, result.type, result));
  }

  /** The code by which {@code new C(args)} sets the locals of {@code made}: its arguments read, then its constructor. */
  private List<Stmt> fill(NewClassTree n, TypeElement type, RecordValue made) {
    if (n.getClassBody() != null || n.getEnclosingExpression() != null || !n.getTypeArguments().isEmpty()) {
      throw reporter.abortQuietly(); // an anonymous subclass, or an inner class: not a value class
    }
    List<Expr> args = new ArrayList<>();
    for (ExpressionTree a : n.getArguments()) {
      Read<Expr> read = session.apart(() -> calls.typed(expressions.value(a)));
      session.settleAll(args, read.before());
      args.add(read.value());
    }
    ExecutableElement ctor = recordCalls.chooseWithRecords(ElementFilter.constructorsIn(type.getEnclosedElements()), args);
    if (ctor == null) {
      throw reporter.abortQuietly(); // javac: no such constructor
    }
    List<Stmt> code = new ArrayList<>();
    List<Stmt> outer = session.prelude;
    session.prelude = code;
    try {
      construct(ctor, args, made, n);
    } finally {
      session.prelude = outer;
    }
    // The fields are set by the statement the new expression is in, not by 'this.x = x;'.
    TreePath at = session.trees.getPath(unit, n);
    while (at != null && !(at.getLeaf() instanceof StatementTree)) {
      at = at.getParentPath();
    }
    code.forEach(s -> session.sources.remove(s));
    if (at != null && !code.isEmpty()) {
      session.remember(code.get(code.size() - 1), at.getLeaf()); // one comment, over its reverse sweep
    }
    return code;
  }

  /** {@code ctor}'s body run with its parameters bound to {@code args}, setting {@code made}'s fields. */
  private void construct(ExecutableElement ctor, List<Expr> args, RecordValue made, Tree site) {
    MethodTree tree = session.trees.getTree(ctor);
    TypeElement type = (TypeElement) ctor.getEnclosingElement();
    if (tree == null || tree.getBody() == null) {
      throw reporter.abort(Tag.UNSUPPORTED, "backprop cannot read the constructor of class " + type.getSimpleName() + " it calls here", site, unit);
    }
    if (root.inlining.contains(ctor)) {
      throw reporter.abort(Tag.UNSUPPORTED, "a constructor of class " + type.getSimpleName() + " makes another object of it", site, unit);
    }
    ErrorReporter quiet = reporter.quiet();
    TreePath path = session.trees.getPath(ctor);
    ReadSession inner = session.nested(ctor, path.getCompilationUnit(), site, quiet);
    List<Stmt> code = new ArrayList<>();
    root.inlining.addLast(ctor);
    try {
      inner.records.values().body(tree, args, made, site, code);
      session.prelude.addAll(code);
      session.statics.declarations().addAll(inner.statics.declarations());
      calls.ruleHints().putAll(inner.calls.ruleHints());
    } catch (AbortMethod e) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "backprop runs the constructor of class " + type.getSimpleName() + " here, but cannot read it: "
              + (quiet.firstQuietError() != null ? quiet.firstQuietError() : "its body could not be read"),
          site,
          unit);
    } finally {
      root.inlining.removeLast();
    }
  }

  /** In the constructor's own session: the fields, then the parameters, in scope; the body read into {@code out}. */
  private void body(MethodTree tree, List<Expr> args, RecordValue made, Tree site, List<Stmt> out) {
    Map<String, Object> fields = new LinkedHashMap<>();
    made.parts.forEach((name, part) -> fields.put(name, ((Expr.Ref) part).var()));
    fields.put("this", made);
    scopes.push(fields);
    session.constructing = made;
    session.self = made; // this.y = twice(); runs twice() in place on the object being made
    scopes.push(new LinkedHashMap<>());
    helpers.bindConstructorParameters(tree, args, site, out);
    List<? extends StatementTree> own = HelperInliner.ownStatements(tree);
    List<Stmt> outer = session.prelude;
    session.prelude = out;
    try {
      if (!own.isEmpty() && delegation(own.get(0)) != null) {
        // this(x, y, 0): the other constructor first, setting the same fields.
        MethodInvocationTree call = delegation(own.get(0));
        List<Expr> passed = new ArrayList<>();
        for (ExpressionTree a : call.getArguments()) {
          passed.add(calls.typed(expressions.value(a)));
        }
        TypeElement type = (TypeElement) method.getEnclosingElement();
        ExecutableElement other = recordCalls.chooseWithRecords(ElementFilter.constructorsIn(type.getEnclosedElements()), passed);
        if (other == null) {
          throw reporter.abortQuietly();
        }
        construct(other, passed, made, call);
        own = own.subList(1, own.size());
      } else {
        initializers((TypeElement) method.getEnclosingElement(), made, out);
      }
      out.addAll(statements.block(own).statements());
    } finally {
      session.prelude = outer;
    }
  }

  /** Fields given their value where declared ({@code final double w = 1;}), as Java sets them before the body. */
  private void initializers(TypeElement type, RecordValue made, List<Stmt> out) {
    for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Tree declared = session.trees.getTree(f);
      if (f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC) || !(declared instanceof VariableTree v)) {
        continue;
      }
      Var field = ((Expr.Ref) made.parts.get(f.getSimpleName().toString())).var();
      if (v.getInitializer() != null) {
        out.add(new Stmt.Assign(field, null, calls.typed(expressions.value(v.getInitializer()))));
      } else if (!f.getModifiers().contains(javax.lang.model.element.Modifier.FINAL)) {
        out.add(new Stmt.Assign(field, null, MutableObjects.zero(field.type()))); // double sum; starts as 0
      }
    }
  }

  /** The {@code this(...)} call a constructor starts with, or null. */
  private static MethodInvocationTree delegation(StatementTree s) {
    if (s instanceof ExpressionStatementTree es && es.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return call;
    }
    return null;
  }

  /**
   * The local holding the field {@code t} names of a holder object made in the method ({@code
   * acc.sum}, or {@code sum} in a method of it run in place), for an assignment; null for any
   * other target.
   */
  static Var holderField(ReadSession session, ExpressionReader expressions, ExpressionTree t) {
    if (t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Alias field
        && field.expr() instanceof Expr.Ref r && session.root.holders.contains(session.root.fieldsOf.get(field))) {
      return r.var();
    }
    RecordValue of = t instanceof com.sun.source.tree.MemberSelectTree ms ? expressions.heldValue(ms.getExpression()) : null;
    return of != null && session.root.holders.contains(of)
        && of.parts.get(((com.sun.source.tree.MemberSelectTree) t).getIdentifier().toString()) instanceof Expr.Ref field
        ? field.var() : null;
  }

  private static String notNumbers(TypeElement type, String field) {
    return "class " + type.getSimpleName() + " is made here, and backprop holds an object made in the method"
        + " as one local per field when its fields are numbers, booleans, Strings or enums; field '" + field
        + "' is not: " + (Records.isHolderClass(type) ? "keep '" + field + "' in a local of the method (an array"
        + " of its own) and the numbers in the object" : "pass the object in, or make the field such a value");
  }
}
