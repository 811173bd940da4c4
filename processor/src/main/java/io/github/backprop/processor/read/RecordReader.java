package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Record values ({@link RecordValue}) as the reader passes them: placeholders standing for them,
 * new records with their components held so that they cannot change, copies, and the parts of
 * one record assigned from another.
 */
final class RecordReader extends SessionPart {
  private RecordArrayReader arrayReader;
  private ValueObjects valueObjects;

  RecordReader(ReadSession session) {
    super(session);
  }

  /** The part that reads arrays of records; made on first use, once the session's parts exist. */
  RecordArrayReader arrays() {
    if (arrayReader == null) {
      arrayReader = new RecordArrayReader(session);
      arrayReader.join();
    }
    return arrayReader;
  }

  /** The part that makes objects of value classes; made on first use, as {@link #arrays()}. */
  ValueObjects values() {
    if (valueObjects == null) {
      valueObjects = new ValueObjects(session);
      valueObjects.join();
    }
    return valueObjects;
  }

  /**
   * A placeholder standing for a record value where the reader passes expressions: an untyped
   * {@link Expr.Foreign}, so that any place that cannot take a record reports an object there.
   */
  Expr aggregate(RecordValue r) {
    Expr e = new Expr.Foreign(List.of(), null);
    root.aggregates.put(e, r);
    return e;
  }

  RecordValue aggregateOf(Expr e) {
    return e == null ? null : root.aggregates.get(e);
  }

  AbortMethod notARecordPlace(Tree t, RecordValue r) {
    if (!Records.isRecord(r.type)) {
      return reporter.abort(Tag.UNSUPPORTED, HeldObjects.notHere(r.name(), t, r.parts.keySet()), t, unit);
    }
    return reporter.abort(
        Tag.UNSUPPORTED,
        "a " + r.name() + " record ('" + t + "') cannot be used here: backprop holds a record as its"
            + " components; read them (" + String.join(", ", accessorsOf(r)) + "), pass the record to a"
            + " static helper, or hold it in a local variable",
        t,
        unit);
  }

  List<String> accessorsOf(RecordValue r) {
    List<String> out = new ArrayList<>();
    r.parts.keySet().forEach(c -> out.add(c + "()"));
    return out;
  }

  List<Records.Component> componentsOf(TypeElement record, Tree at) {
    String[] why = new String[1];
    List<Records.Component> cs = Records.components(record, why);
    if (cs == null) {
      throw reporter.abort(Tag.UNSUPPORTED, why[0], at, unit);
    }
    return cs;
  }

  /**
   * {@code new R(a, b)} of a record: its arguments, checked by a compact constructor if R has
   * one, become its components. Each scalar is held in a local named {@code hint_c} where
   * {@code hint} names the variable it initialises; else kept as written if a variable or a
   * literal, or held in a temporary.
   */
  RecordValue newRecord(com.sun.source.tree.NewClassTree n, TypeElement type, String hint) {
    return newRecord(n, type, hint, true);
  }

  /**
   * As above; where {@code held} is false the scalars stay the expressions they are, for a
   * caller that uses them at once (a store into an array of records).
   */
  RecordValue newRecord(com.sun.source.tree.NewClassTree n, TypeElement type, String hint, boolean held) {
    if (n.getClassBody() != null && !Records.isRecord(type)) {
      // An anonymous subclass may override what the class computes: never read as the class.
      AnonymousFunctions.check(n, type, reporter, unit);
      throw reporter.abort(Tag.UNSUPPORTED, "an anonymous subclass of " + type.getSimpleName()
          + " is not supported: declare the class outside the method", n, unit);
    }
    if (!Records.isRecord(type)) {
      return values().newValue(n, type, hint);
    }
    if (n.getClassBody() != null || n.getEnclosingExpression() != null || !n.getTypeArguments().isEmpty()) {
      throw reporter.abortQuietly(); // javac: a record is final and not generic here
    }
    List<Records.Component> cs = componentsOf(type, n);
    ExecutableElement ctor = Records.canonical(type);
    if (ctor == null || n.getArguments().size() != cs.size()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "only the canonical constructor of record " + type.getSimpleName() + " (one argument per"
              + " component) can be called in a differentiable method: write new " + type.getSimpleName()
              + "(" + String.join(", ", cs.stream().map(Records.Component::name).toList()) + ")",
          n,
          unit);
    }
    List<Expr> args = new ArrayList<>();
    for (ExpressionTree a : n.getArguments()) {
      Read<Expr> read = session.apart(() -> calls.typed(expressions.value(a)));
      session.settleAll(args, read.before());
      args.add(read.value());
    }
    for (int i = 0; i < cs.size(); i++) {
      args.set(i, componentArgument(cs.get(i), args.get(i), n.getArguments().get(i)));
    }
    if (!Records.implicit(session.elements, ctor)) {
      if (session.trees.getTree(ctor) == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "record " + type.getSimpleName() + " was compiled before this class, so backprop cannot"
                + " read the checks of its constructor: compile it together with this class, or pass"
                + " the components as double values",
            n,
            unit);
      }
      if (!helpers.isCompact(ctor)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "record " + type.getSimpleName() + " declares its canonical constructor in full; backprop"
                + " follows a compact constructor only: write it as '" + type.getSimpleName()
                + " { <checks> }'",
            n,
            unit);
      }
      args = helpers.compact(ctor, args, n);
    }
    Map<String, Object> parts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < cs.size(); i++) {
      Records.Component c = cs.get(i);
      String name = hint == null ? null : hint + "_" + c.name();
      if (c.record() != null) {
        RecordValue nested = aggregateOf(args.get(i));
        parts.put(c.name(), name == null ? nested : own(nested, name));
      } else if (!held && !c.type().isArray()) {
        parts.put(c.name(), args.get(i));
      } else {
        parts.put(c.name(), hold(args.get(i), c.type(), name, n.getArguments().get(i)));
      }
    }
    return new RecordValue(type, parts);
  }

  /** An argument for component {@code c}, converted as the constructor call converts it. */
  private Expr componentArgument(Records.Component c, Expr a, ExpressionTree at) {
    if (c.record() != null && isData(a) && a.type().ref().equals(Resolver.owner(c.record()))) {
      a = aggregate(fromData(a, c.record(), at));
    }
    RecordValue r = aggregateOf(a);
    if (c.record() != null) {
      if (r == null && isNull(at)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a record component cannot be null in a differentiable method: pass a "
                + c.record().getSimpleName() + " value",
            at,
            unit);
      }
      if (r == null || !r.type.equals(c.record())) {
        throw reporter.abortQuietly(); // javac: incompatible types
      }
      return a;
    }
    if (r != null) {
      throw reporter.abortQuietly();
    }
    Type type = c.type();
    if (type.isReference()) {
      if (isNull(at)) {
        return new Expr.Literal(null, type);
      }
      if (!type.equals(a.type())) {
        throw reporter.abortQuietly();
      }
      return a;
    }
    if (a.type() == null) {
      throw calls.notHere(at);
    }
    if (type.isNarrow()) {
      return IntegerOps.narrow(type, a, types.declaredTypeOf(a));
    }
    if (!type.acceptsByWidening(a.type())) {
      throw reporter.abortQuietly();
    }
    if (a instanceof Expr.Literal l && l.value() instanceof Number num && type.isFloating() && !l.type().isFloating()) {
      return new Expr.Literal(type.equals(Type.DOUBLE) ? (Object) num.doubleValue() : (Object) num.floatValue(), type);
    }
    return a;
  }

  /**
   * A component's value held so that it cannot change under the record: in a local {@code name}
   * (null: a variable or literal as it is, else a temporary); an array as the variable naming it.
   */
  private Expr hold(Expr a, Type type, String name, Tree at) {
    return hold(a, type, name, at, null);
  }

  /** As above; {@code stable}: an index that keeps its value while the record lives (an enhanced for's), or null. */
  private Expr hold(Expr a, Type type, String name, Tree at, Var stable) {
    if (type.isArray()) {
      if (a instanceof Expr.Ref) {
        return a;
      }
      if (a instanceof Expr.Index row && row.array() instanceof Expr.Ref given && root.recordArrays.contains(given.var())) {
        // an element's array in an array of records the method is given (layers[k].w()): layers_w[k],
        // which nothing writes, read in place as a row alias is, so its adjoint is the row of the
        // array's; the index held where it may change
        Expr index = row.index();
        if (!(index instanceof Expr.Literal || (index instanceof Expr.Ref r && r.var() == stable))) {
          Var k = Var.temp("_k", index.type());
          session.prelude.add(new Stmt.Declare(k, index));
          index = new Expr.Ref(k);
        }
        return new Expr.Index(row.array(), index, row.type());
      }
      if (a instanceof Expr.NewArray) {
        Var v = name != null ? new Var(name, type, Var.Kind.LOCAL) : Var.temp("_array", type);
        session.prelude.add(new Stmt.Declare(v, a));
        return new Expr.Ref(v);
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an array component must be given an array variable or a new array; '" + at + "' is"
              + " neither: declare the array in a variable first",
          at,
          unit);
    }
    if (name == null && (a instanceof Expr.Literal || a instanceof Expr.Ref)) {
      return a;
    }
    Var v = name != null ? new Var(name, type, Var.Kind.LOCAL) : Var.temp("_" + type.prim().keyword().toLowerCase(java.util.Locale.ROOT), type);
    session.prelude.add(new Stmt.Declare(v, a));
    return new Expr.Ref(v);
  }

  /** A copy of {@code r} in locals of its own, {@code name_c}; arrays stay the arrays they name. */
  RecordValue own(RecordValue r, String name) {
    return own(r, name, null);
  }

  /** As above; {@code stable}: the index of an enhanced for over an array of records, which its body cannot change. */
  RecordValue own(RecordValue r, String name, Var stable) {
    Map<String, Object> parts = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> p : r.parts.entrySet()) {
      String n = name + "_" + p.getKey();
      if (p.getValue() instanceof RecordValue nested) {
        parts.put(p.getKey(), own(nested, n, stable));
      } else if (p.getValue() instanceof RecordArray a) {
        parts.put(p.getKey(), a); // a field's array of records: the same arrays, by a second name
      } else {
        Expr e = (Expr) p.getValue();
        parts.put(p.getKey(), hold(e instanceof Expr.Ref ref ? new Expr.Ref(ref.var()) : e, e.type(), n, null, stable));
      }
    }
    return new RecordValue(r.type, parts);
  }

  /** Fresh locals for a record a helper returns, {@code name_c}, declared with no value into {@code out}. */
  RecordValue freshRecord(TypeElement type, String name, Tree at, List<Stmt> out) {
    Map<String, Object> parts = new java.util.LinkedHashMap<>();
    for (Records.Component c : Records.isRecord(type) ? componentsOf(type, at) : Records.valueFields(type)) {
      String n = name + "_" + c.name();
      if (c.record() != null) {
        parts.put(c.name(), freshRecord(c.record(), n, at, out));
      } else if (c.type().isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + method.getSimpleName() + "' returns a " + type.getSimpleName() + ", whose component '"
                + c.name() + "' is an array; backprop follows records returned by helpers when their"
                + " components are scalars: pass the array in and return the scalars",
            at,
            unit);
      } else {
        Var v = new Var(n, c.type(), Var.Kind.LOCAL);
        out.add(new Stmt.Declare(v, null));
        parts.put(c.name(), new Expr.Ref(v));
      }
    }
    return new RecordValue(type, parts);
  }

  void assignParts(RecordValue target, RecordValue from, java.util.Set<Var> written, List<Stmt> out) {
    for (Map.Entry<String, Object> p : target.parts.entrySet()) {
      Object src = from.parts.get(p.getKey());
      if (src == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an object of class " + from.name() + " the method is given is held without its private field '"
                + p.getKey() + "', so it cannot stand for one made here: make the field package-private",
            session.trees.getTree(method),
            unit);
      }
      if (p.getValue() instanceof RecordValue nested) {
        assignParts(nested, (RecordValue) src, written, out);
        continue;
      }
      Var to = ((Expr.Ref) p.getValue()).var();
      Expr e = (Expr) src;
      if (!java.util.Collections.disjoint(Walk.vars(e), written)) {
        // p = new R(p.y(), p.x()): the old value, read before any component changes.
        Var old = Var.temp("_old", e.type());
        session.prelude.add(new Stmt.Declare(old, e));
        e = new Expr.Ref(old);
      }
      out.add(new Stmt.Assign(to, null, e));
    }
  }

  /** A record of data as a record value: each component read through its accessor, once. */
  RecordValue fromData(Expr object, TypeElement record, Tree at) {
    Map<String, Object> parts = new java.util.LinkedHashMap<>();
    for (Records.Component c : componentsOf(record, at)) {
      bindings.requireImplicitAccessor(record, c, at);
      if (c.record() != null) {
        parts.put(c.name(), fromData(new Expr.Foreign(List.of(object, "." + c.name() + "()"), Type.objectOf(Resolver.owner(c.record()))), c.record(), at));
      } else {
        parts.put(c.name(), hold(new Expr.Foreign(List.of(object, "." + c.name() + "()"), c.type()), c.type(), null, at));
      }
    }
    return new RecordValue(record, parts);
  }

  /** {@code p.x()}: a component, as held; or a nested record. */
  Expr component(RecordValue r, String name) {
    Object p = r.parts.get(name);
    if (p instanceof RecordValue nested) {
      return aggregate(nested);
    }
    if (p instanceof RecordArray a) {
      return arrays().holder(a); // this.parts, other.parts: a field's array of records
    }
    return p instanceof Expr.Ref ref ? new Expr.Ref(ref.var()) : (Expr) p;
  }
}
