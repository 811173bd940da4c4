package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Records bound to names: record locals, their assignment, a helper's record result, {@code ?:}
 * between records, and the record parameters of the annotated method and of helpers.
 */
final class RecordBindings extends SessionPart {
  RecordBindings(ReadSession session) {
    super(session);
  }

  /** {@code R p = new R(...)}: the components go straight into p's own locals. Null if not such a declaration. */
  Stmt newRecordVariable(VariableTree v, TypeElement declared) {
    ExpressionTree init = v.getInitializer();
    while (init instanceof ParenthesizedTree p) {
      init = p.getExpression();
    }
    if (!(init instanceof com.sun.source.tree.NewClassTree n)) {
      return null;
    }
    TypeElement type = resolver.type(n.getIdentifier());
    if (Records.madeOf(type.asType()) == null || (declared != null && !declared.equals(type))) {
      return null;
    }
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    RecordValue r = records.newRecord(n, type, name);
    MutableObjects.made(session, r); // Acc acc = new Acc(); whose fields the method changes
    scopes.peek().put(name, r);
    return session.lastOfPrelude();
  }

  /** {@code R p = q;}, {@code var p = f(a);}, {@code R p = q.inner();}. */
  Stmt recordVariable(VariableTree v, TypeElement declared, Expr init) {
    String name = v.getName().toString();
    RecordValue r = records.aggregateOf(init);
    if (r != null && root.holders.contains(r)) {
      throw reporter.abort(Tag.UNSUPPORTED, secondName(r, name, String.valueOf(v.getInitializer())), v, unit);
    }
    if (r == null && isData(init) && declared != null && init.type().ref().equals(Resolver.owner(declared))) {
      if (session.declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      return new Stmt.Declare(session.declare(name, init.type(), Var.Kind.LOCAL), init); // Sample s = data[i];
    }
    if (r == null && declared != null && !Records.isRecord(declared) && !isNull(v.getInitializer())) {
      throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.newObject(declared.getSimpleName().toString()), v, unit);
    }
    if (r == null) {
      if (init == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a record variable must be given its value where it is declared, e.g. '"
                + declared.getSimpleName() + " " + name + " = new " + declared.getSimpleName() + "(...);'",
            v,
            unit);
      }
      if (isNull(v.getInitializer()) && declared != null && !declared.getKind().isInterface()) {
        return NullableRecords.of(session).declare(v, declared); // Point last = null: none yet
      }
      if (isNull(v.getInitializer())) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a record variable cannot be null in a differentiable method: give it a value",
            v.getInitializer(),
            unit);
      }
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    if (declared != null && !declared.equals(r.type)) {
      throw reporter.abortQuietly();
    }
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    if (MutableObjects.isMutable(session, r) && !root.fresh.contains(r)) {
      throw reporter.abort(Tag.UNSUPPORTED, MutableObjects.escape(r, "'" + name + "'"), v.getInitializer(), unit);
    }
    // A helper's result is held in locals no one else reads: they become the variable's.
    if (root.fresh.remove(r)) {
      MutableObjects.made(session, r); // Acc a = Acc.start(): a holder a factory made
      scopes.peek().put(name, r);
    } else {
      scopes.peek().put(name, records.own(r, name));
    }
    return session.lastOfPrelude();
  }

  /** {@code p = new R(...)}: each component assigned, after reading every new value. */
  Stmt assignRecord(RecordValue target, AssignmentTree a) {
    if (target.hasArrays()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a " + target.name() + " variable cannot be assigned again, as its record has an array"
              + " component: declare a new variable",
          a,
          unit);
    }
    if (MutableObjects.isMutable(session, target)) {
      throw reporter.abort(Tag.UNSUPPORTED, MutableObjects.escape(target, "assigning the variable again"), a, unit);
    }
    Stmt none = NullableRecords.of(session).assignNull(target, a);
    if (none != null) {
      return none; // last = null
    }
    Expr value = expressions.value(a.getExpression());
    RecordValue r = records.aggregateOf(value);
    if (r == null || !r.type.equals(target.type)) {
      if (r == null && isNull(a.getExpression())) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a record variable cannot be null in a differentiable method: give it a value",
            a.getExpression(),
            unit);
      }
      throw reporter.abortQuietly();
    }
    if (root.holders.contains(r)) {
      throw reporter.abort(Tag.UNSUPPORTED, secondName(r, String.valueOf(a.getVariable()), String.valueOf(a.getExpression())), a, unit);
    }
    java.util.Set<Var> written = new java.util.HashSet<>(target.scalars());
    List<Stmt> assigns = new ArrayList<>();
    records.assignParts(target, r, written, assigns);
    for (Var w : written) {
      session.checkAliases(w, a.getVariable());
    }
    session.prelude.addAll(assigns);
    NullableRecords.assigned(session, target);
    return session.lastOfPrelude();
  }

  /** {@code c ? p : q} of records: locals of its own, assigned in an if/else. */
  Expr recordConditional(Expr cond, Read<Expr> ra, Read<Expr> rb, ConditionalExpressionTree t) {
    RecordValue a = records.aggregateOf(ra.value());
    RecordValue b = records.aggregateOf(rb.value());
    if ((a == null && isNull(t.getTrueExpression())) || (b == null && isNull(t.getFalseExpression()))) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a record value cannot be null in a differentiable method: give both branches a record",
          a == null ? t.getTrueExpression() : t.getFalseExpression(),
          unit);
    }
    if (a == null || b == null || !a.type.equals(b.type)) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    if (MutableObjects.isMutable(session, a) || MutableObjects.isMutable(session, b)) {
      throw reporter.abort(Tag.UNSUPPORTED, MutableObjects.escape(MutableObjects.isMutable(session, a) ? a : b, "the value of '?:'"), t, unit);
    }
    if (a.hasArrays()) {
      throw records.notARecordPlace(t, a); // an array component cannot be chosen at run time
    }
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    RecordValue q = records.freshRecord(a.type, "_q", t, session.prelude);
    List<Stmt> whenTrue = new ArrayList<>(ra.before());
    records.assignParts(q, a, java.util.Set.of(), whenTrue);
    List<Stmt> whenFalse = new ArrayList<>(rb.before());
    records.assignParts(q, b, java.util.Set.of(), whenFalse);
    session.prelude.add(new Stmt.If(cond, new Stmt.Block(whenTrue), new Stmt.Block(whenFalse)));
    root.fresh.add(q);
    return records.aggregate(q);
  }

  /** {@code return new R(...)} in a helper that returns a record: its result's locals assigned. */
  Stmt recordReturn(ExpressionTree value) {
    com.sun.source.tree.NewClassTree held =
        HeldConstants.initializer(value, resolver, session.trees, unit, name -> session.lookupAny(name) != null);
    if (held != null && Records.isValueClass(session.recordResult.type)
        && session.recordResult.type.equals(resolver.type(held.getIdentifier()))) {
      return recordReturn(held); // return DEFAULT: the object its initializer makes
    }
    if (value instanceof com.sun.source.tree.NewClassTree n && !Records.isRecord(session.recordResult.type)
        && session.recordResult.type.equals(resolver.type(n.getIdentifier()))) {
      records.values().newInto(n, session.recordResult); // the constructor sets the result's locals
      return new Stmt.Return(null);
    }
    Expr e = expressions.value(value);
    RecordValue r = records.aggregateOf(e);
    if (r == null || !r.type.equals(session.recordResult.type)) {
      if (r == null && isNull(value)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a helper that returns a record cannot return null in a differentiable method",
            value,
            unit);
      }
      throw reporter.abortQuietly();
    }
    List<Stmt> assigns = new ArrayList<>();
    records.assignParts(session.recordResult, r, java.util.Set.of(), assigns);
    session.prelude.addAll(assigns);
    return new Stmt.Return(null);
  }

  /** A helper's record parameter: the caller's record, or a copy where the helper assigns the parameter. */
  void bindRecordParameter(String name, Expr arg, Tree body, Tree at, List<Stmt> out) {
    if (isData(arg)) {
      // A record of data stays the object it is; its accessors read it without derivative.
      if (Writes.assigns(body, name) || !(arg instanceof Expr.Ref || arg instanceof Expr.Index)) {
        out.add(new Stmt.Declare(session.declare(name, arg.type(), Var.Kind.LOCAL), arg));
      } else {
        scopes.peek().put(name, new Alias(arg, String.valueOf(at), true));
      }
      return;
    }
    RecordValue r = records.aggregateOf(arg);
    if (r == null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + at + "' passes no record value backprop can follow: pass a record variable or a new record",
          at,
          unit);
    }
    if (Writes.assigns(body, name) || readsElements(r)) {
      // An element of an array of records is copied, as the helper may store into that array.
      List<Stmt> outer = session.prelude;
      session.prelude = out;
      try {
        r = records.own(r, name);
      } finally {
        session.prelude = outer;
      }
    }
    scopes.peek().put(name, r);
  }

  private static boolean readsElements(RecordValue r) {
    for (Object p : r.parts.values()) {
      if (p instanceof RecordValue nested ? readsElements(nested) : p instanceof Expr.Index) {
        return true;
      }
    }
    return false;
  }

  /** A helper's parameter {@code R[] name} given an array of records: the caller's arrays, by a second name. */
  void bindRecordArrayParameter(String name, RecordArray arg, Tree body, Tree at) {
    if (Writes.assigns(body, name)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "the helper assigns its parameter '" + name + "', an array of " + arg.name() + " records,"
              + " which backprop holds as one array per component: declare a new variable in it",
          at,
          unit);
    }
    scopes.peek().put(name, arg);
  }

  /**
   * A record parameter of the annotated method: one model parameter per component, named
   * {@code o_strike} for {@code o.strike()}; the record is read as those parameters.
   */
  io.github.backprop.processor.ir.ParamShape recordParameter(
      String source, String name, TypeElement record, List<Var> params, Tree at) {
    List<io.github.backprop.processor.ir.ParamShape> parts = new ArrayList<>();
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (Records.Component c : records.componentsOf(record, at)) {
      requireGetterReturnsField(record, c, at);
      requireImplicitAccessor(record, c, at);
      requireVisibleField(record, c, at);
      String n = name + "_" + c.name();
      while (takenParameterName(n, params)) {
        n = n + "_"; // another parameter of the method has the name: o_x and a parameter o_x
      }
      if (c.array()) {
        // A field holding an array of records: one array per component, read as a record array.
        Map<String, Object> held = new java.util.LinkedHashMap<>();
        io.github.backprop.processor.ir.ParamShape a = arrayParameter(source, n, c.record(), params, held, at);
        values.put(c.name(), new RecordArray(c.record(), held, Records.listElement(c.declared()) != null));
        parts.add(new io.github.backprop.processor.ir.ParamShape(c.name(), c.record(), -1, a.parts(), true));
        continue;
      }
      if (c.record() != null) {
        parts.add(recordParameter(source, n, c.record(), params, at));
        Object nested = scopes.peek().remove(n);
        values.put(c.name(), nested);
        parts.set(parts.size() - 1, rename(parts.get(parts.size() - 1), c.name()));
        continue;
      }
      Var v = new Var(n, c.type(), Var.Kind.PARAM);
      params.add(v);
      session.sourceParameter.put(v, source);
      if (c.type().isArray()) {
        session.recordArrays.add(v);
        if (!Records.isRecord(record)) {
          session.objectArrays.put(v, new String[] {c.name(), record.getSimpleName().toString()});
        }
      }
      values.put(c.name(), new Expr.Ref(v));
      parts.add(io.github.backprop.processor.ir.ParamShape.leaf(c.name(), params.size() - 1));
    }
    scopes.peek().put(name, new RecordValue(record, values));
    return new io.github.backprop.processor.ir.ParamShape(name, record, -1, parts);
  }

  /**
   * A parameter {@code R[] ps} that wrt names: one model parameter per component, the array of
   * that component over the elements ({@code double[] ps_mass}), read as a {@link RecordArray}.
   */
  io.github.backprop.processor.ir.ParamShape recordArrayParameter(String name, TypeElement record, List<Var> params, Tree at) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    io.github.backprop.processor.ir.ParamShape s = arrayParameter(name, name, record, params, values, at);
    scopes.peek().put(name, new RecordArray(record, values));
    return new io.github.backprop.processor.ir.ParamShape(name, record, -1, s.parts(), true);
  }

  private io.github.backprop.processor.ir.ParamShape arrayParameter(
      String source, String name, TypeElement record, List<Var> params, Map<String, Object> values, Tree at) {
    List<io.github.backprop.processor.ir.ParamShape> parts = new ArrayList<>();
    for (Records.Component c : records.arrays().components(record, at, true)) {
      requireImplicitAccessor(record, c, at);
      String n = name + "_" + c.name();
      while (takenParameterName(n, params)) {
        n = n + "_";
      }
      if (c.record() != null) {
        Map<String, Object> nested = new java.util.LinkedHashMap<>();
        parts.add(rename(arrayParameter(source, n, c.record(), params, nested, at), c.name()));
        values.put(c.name(), new RecordArray(c.record(), nested));
        continue;
      }
      if (c.type().equals(io.github.backprop.processor.ir.Type.FLOAT) || c.type().equals(io.github.backprop.processor.ir.Type.BOOLEAN)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array of " + record.getSimpleName() + " records named in wrt is passed in as one array per"
                + " component, and component '" + c.name() + "' has type " + c.type() + ", which it passes"
                + " for double, int and long components (and records of them): make it a double, or an int",
            at,
            unit);
      }
      Var v = new Var(n, c.type().arrayOf(), Var.Kind.PARAM);
      params.add(v);
      session.sourceParameter.put(v, source);
      session.recordArrays.add(v);
      values.put(c.name(), v);
      parts.add(io.github.backprop.processor.ir.ParamShape.leaf(c.name(), params.size() - 1));
    }
    return new io.github.backprop.processor.ir.ParamShape(name, record, -1, parts);
  }

  /**
   * A record that comes in whole is read through its accessors, so its components hold what
   * they return: an accessor the record declares itself would then apply twice in its methods.
   */
  void requireImplicitAccessor(TypeElement record, Records.Component c, Tree at) {
    if (Records.isRecord(record) && Records.explicitAccessor(session.trees, record, c.name())) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "record " + record.getSimpleName() + " declares its accessor " + c.name() + "() itself;"
              + " backprop reads a record it is given through its accessors and cannot then tell the"
              + " field from what " + c.name() + "() returns: let the accessor be implicit and put"
              + " the computation in a method of another name, or in a compact constructor",
          at,
          unit);
    }
  }

  /** A private field passed in through its getter: the getter must return it as it is. */
  private void requireGetterReturnsField(TypeElement type, Records.Component c, Tree at) {
    javax.lang.model.element.ExecutableElement getter = Records.getter(type, c.name());
    if (getter != null && !returnsField(getter, c.name())) {
      throw reporter.abort(
          Tag.FIELD,
          "field '" + c.name() + "' of " + type.getSimpleName() + " is private, and backprop passes it in through "
              + getter.getSimpleName() + "(), whose body must then be 'return " + c.name() + ";': write it so, or"
              + " make the field package-private",
          at,
          unit);
    }
  }

  /** Whether {@code getter}'s body is {@code return field;} or {@code return this.field;}. */
  private boolean returnsField(javax.lang.model.element.ExecutableElement getter, String field) {
    com.sun.source.tree.MethodTree tree = getter == null ? null : session.trees.getTree(getter);
    if (tree == null || tree.getBody() == null || tree.getBody().getStatements().size() != 1
        || !(tree.getBody().getStatements().get(0) instanceof com.sun.source.tree.ReturnTree r)) {
      return false;
    }
    ExpressionTree e = r.getExpression();
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return (e instanceof com.sun.source.tree.IdentifierTree id && id.getName().contentEquals(field))
        || (e instanceof com.sun.source.tree.MemberSelectTree ms && ms.getIdentifier().contentEquals(field)
            && ms.getExpression() instanceof com.sun.source.tree.IdentifierTree self && self.getName().contentEquals("this"));
  }

  /** The generated class passes every field of an object in, so it must be able to read each. */
  private void requireVisibleField(TypeElement type, Records.Component c, Tree at) {
    javax.lang.model.element.ExecutableElement getter = Records.getter(type, c.name());
    if (getter != null && !getter.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
        && !Resolver.packageOf(getter).equals(Resolver.packageOf(owner))) {
      throw reporter.abort(
          Tag.FIELD,
          "the generated class, in another package, reads field '" + c.name() + "' of " + type.getSimpleName()
              + " through " + getter.getSimpleName() + "(), which is not public: make it public",
          at,
          unit);
    }
    String why = getter != null ? null : HeldObjects.invisibleField(type, c.name(), Resolver.packageOf(owner));
    if (why != null) {
      throw reporter.abort(Tag.FIELD, why, at, unit);
    }
  }

  private boolean takenParameterName(String n, List<Var> params) {
    for (VariableElement p : method.getParameters()) {
      if (p.getSimpleName().contentEquals(n)) {
        return true;
      }
    }
    return params.stream().anyMatch(v -> v.name().equals(n));
  }

  private io.github.backprop.processor.ir.ParamShape rename(io.github.backprop.processor.ir.ParamShape s, String name) {
    return new io.github.backprop.processor.ir.ParamShape(name, s.record(), s.index(), s.parts());
  }

  /** Why {@code Acc b = a;} of a holder object cannot be followed: b would be a second name for a's fields. */
  static String secondName(RecordValue r, String name, String of) {
    return "'" + name + "' would be a second name for the " + r.name() + " object '" + of + "', whose fields"
        + " may change: backprop holds an object of a class with fields that are not final, made in the method, as"
        + " one local per field, reached through one name only; use '" + of + "' itself, or copy the numbers you"
        + " need into locals";
  }
}
