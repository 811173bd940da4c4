package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * {@code rJacobian} of a method returning {@code double[]}: one {@code rVjp} per output row with a
 * unit cotangent, so the code grows with the method, not with its outputs; with forward mode,
 * where the inputs are fewer than the outputs, one {@code rJvp} per column with a unit tangent.
 * The arrays the method writes into go back to the caller's values before each.
 */
final class JacobianMethod {
  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);
  private static final Type MATRIX = new Type(Type.Prim.DOUBLE, 2);
  private static final Owner SYSTEM = new Owner("java.lang", "System");

  private final Entry e;
  private final Entry vjp;
  private final MethodModel m;
  private final Owner grad;
  private final TypeElement source;
  private final Var value = Var.named("_value", VECTOR);
  private final Var n = Var.named("_n", Type.INT);
  private final Var jacobian = Var.named("_jacobian", MATRIX);
  private final Var i = Var.loop("_i", Type.INT);
  private final Var j = Var.loop("_j", Type.INT);
  private final Var k = Var.named("_k", Type.INT);
  /** The copy of each array parameter the method writes into, in parameter order. */
  private final List<Var[]> copies = new ArrayList<>();
  /** The generated method's name, record and parameters, and what it runs first and calls for the value. */
  private final String name;
  private final String record;
  private final List<Var> params;
  private final List<Stmt> prologue;
  private final Expr primal;

  JacobianMethod(Entry e, Owner grad, TypeElement source) {
    this(e, grad, source, e.name() + "Jacobian", Api.jacobianRecord(e), e.model().params(), List.of(),
        PrimalCopy.needed(e)
            ? PrimalCopy.call(e)
            : new Expr.Call(SourceTypes.owner(source), e.model().name(), Drivers.refs(e.model().params()), VECTOR));
  }

  /**
   * The Jacobian of a method over record components, taking the records: {@code prologue}
   * declares each component parameter of {@code e} as a local, {@code primal} gives the value.
   */
  JacobianMethod(
      Entry e, Owner grad, TypeElement source, String name, String record, List<Var> params, List<Stmt> prologue,
      Expr primal) {
    this.name = name;
    this.record = record;
    this.params = params;
    this.prologue = prologue;
    this.primal = primal;
    this.e = e;
    this.vjp = e.hvp();
    this.m = e.model();
    this.grad = grad;
    this.source = source;
    for (Var p : written()) {
      copies.add(new Var[] {p, Var.named("_" + p.name(), p.type())});
    }
  }

  // Example: public static RJacobian rJacobian(double[] p, double t) { ... one rVjp per row ... }
  IrMethod method() {
    String simple = source.getSimpleName().toString();
    String base = name.substring(0, name.length() - "Jacobian".length()); // the public rVjp's and rJvp's
    List<Object> doc = new ArrayList<>();
    doc.add("The value of {@code " + simple + "." + Docs.signature(m) + "} and its Jacobian with respect to "
        + Docs.withRespectTo(e) + ": row i holds the partial derivatives of the value's element i, flattened in"
        + " parameter order (arrays row by row). One {@link #" + base + "Vjp} per row, with a unit cotangent"
        + (e.jvp() == null ? "" : "; or, where the value has more elements than the parameters, one {@link #"
            + base + "Jvp} per column, with a unit tangent") + ".\n\n");
    for (Var p : params) {
      doc.addAll(List.of("@param ", p, " the argument {@code " + p.name() + "} of {@code " + simple + "." + m.name()
          + "}\n"));
    }
    doc.add("@return the value and the Jacobian\n");
    List<Stmt> body = new ArrayList<>(prologue);
    for (Var[] c : copies) {
      // Example: double[] _w = Adjoint.copyOf(w);
      body.add(new Stmt.Declare(c[1], new Expr.Call(Owner.ADJOINT, "copyOf", List.of(Exprs.ref(c[0])), c[0].type())));
    }
    // Where the reverse sweep can run again alone, the forward sweep runs once for all rows.
    ForwardOnce once = copies.isEmpty() ? ForwardOnce.of(vjp) : null;
    if (once != null) {
      body.addAll(once.forward());
    }
    body.add(new Stmt.Declare(value, once != null ? once.value() : primal));
    Expr size = size(body);
    if (e.jvp() != null || once == null || wholeRow(once) == null) {
      body.add(new Stmt.Declare(n, size)); // not where each row is its gradient array as it is
    }
    Expr outputs = new Expr.Length(Exprs.ref(value));
    body.add(new Stmt.Declare(jacobian, new Expr.NewArray(MATRIX, List.of(outputs), List.of())));
    Stmt done = new Stmt.ReturnRecord(record, List.of(Exprs.ref(value), Exprs.ref(jacobian)));
    if (e.jvp() != null) {
      // Fewer inputs than outputs: one forward run per column is cheaper than a sweep per row.
      List<Stmt> byColumns = columns();
      byColumns.add(done);
      body.add(new Stmt.If(
          new Expr.Binary(Expr.Op.LT, Exprs.ref(n), outputs, Type.BOOLEAN),
          new Stmt.Block(byColumns), new Stmt.Block(List.of())));
    }
    body.add(rows(outputs, once));
    body.add(done);
    // Its variables keep their names, as before: the source's parameters, named as written.
    return new IrMethod(name, true, TypeRef.record(record), params, false, false, body, doc, null);
  }

  // Example: for (int _i = 0; _i < _value.length; _i++) { _cotangent[_i] = 1; RVjp _row = rVjp(p, t, _cotangent); ... }
  // or, the forward sweep run once: for (...) { cotangent[_i] = 1; double[] _d_x = ...; <reverse sweep> cotangent[_i] = 0; ... }
  private Stmt rows(Expr outputs, ForwardOnce once) {
    Var cotangent = once != null ? once.cotangent() : Var.named("_cotangent", VECTOR);
    Var result = Var.named("_row", nested(vjp.record()));
    Var flat = Var.named("_flat", VECTOR);
    List<Stmt> each = new ArrayList<>(restores());
    Expr unit = cotangent == null ? null : new Expr.Index(Exprs.ref(cotangent), Exprs.ref(i));
    if (unit != null) {
      each.add(new Stmt.Store((Expr.Index) unit, null, Expr.Literal.ofInt(1)));
    }
    if (once != null && once.seeded() != null) {
      // Example: Adjoint.unit(_d_f, _i);  (the value's adjoint, one array for all rows)
      each.add(new Stmt.Invoke(new Expr.Call(
          Owner.ADJOINT, "unit", List.of(Exprs.ref(once.seeded()), Exprs.ref(i)), Type.VOID)));
    }
    if (once != null) {
      each.addAll(once.row());
    } else {
      List<Expr> args = Drivers.refs(m.params());
      args.add(Exprs.ref(cotangent));
      each.add(new Stmt.Declare(result, new Expr.SelfCall(vjp.name(), args, result.type())));
    }
    if (unit != null) {
      each.add(new Stmt.Store((Expr.Index) unit, null, Expr.Literal.ofInt(0)));
    }
    Expr whole = once == null ? null : wholeRow(once);
    if (whole != null) {
      // Example: _jacobian[_i] = _d_x;  (the row's own gradient array is the whole row)
      each.add(new Stmt.Store(new Expr.Index(Exprs.ref(jacobian), Exprs.ref(i)), null, whole));
      return Drivers.loop(i, outputs, each);
    }
    each.add(new Stmt.Declare(flat, new Expr.NewArray(VECTOR, List.of(Exprs.ref(n)), List.of())));
    Slots slots = Slots.positions(k);
    // Parameters keep their names as written, so one named System would hide the class.
    boolean systemNamed = java.util.stream.Stream.concat(params.stream(), m.params().stream())
        .anyMatch(v -> v.name().equals("System"));
    int last = -1;
    for (int q = 0; q < m.params().size(); q++) {
      last = e.accessors().get(q) == null ? last : q;
    }
    int g = 0;
    for (int q = 0; q < m.params().size(); q++) {
      String accessor = e.accessors().get(q);
      if (accessor == null) {
        continue;
      }
      Var p = m.params().get(q);
      Type t = p.type();
      Expr part = once != null ? once.gradients().get(g++) : new Expr.Component(result, accessor, t);
      if (t.dims() == 3) {
        // An array of records' double[][] component (layers_w): matrix by matrix, row by row.
        // Example: for (double[][] _m : _row.layers_w()) { for (double[] _r : _m) { for (double _x : _r) { _flat[_k] = _x; _k++; } } }
        slots.counter(each);
        Var matrix = Var.loop("_m", t.element());
        Var row = Var.loop("_r", t.element().element());
        Var x = Var.loop("_x", Type.DOUBLE);
        Stmt put = new Stmt.ForEach(x, Exprs.ref(row), block(
            new Stmt.Store(new Expr.Index(Exprs.ref(flat), Exprs.ref(k)), null, Exprs.ref(x)),
            new Stmt.Assign(k, Expr.Op.ADD, Expr.Literal.ofInt(1))));
        each.add(new Stmt.ForEach(matrix, part, block(new Stmt.ForEach(row, Exprs.ref(matrix), block(put)))));
      } else if (t.dims() > 0 && (systemNamed || t.prim() != Type.Prim.DOUBLE)) {
        // Example: for (double _x : _row.f()) { _flat[_k] = _x; _k++; }  (a float[], which arraycopy does not
        // widen, or a variable named System in scope)
        slots.counter(each);
        Var x = Var.loop("_x", Type.DOUBLE);
        Var row = Var.loop("_r", t.element());
        Stmt put = new Stmt.ForEach(x, t.dims() == 2 ? Exprs.ref(row) : part, block(
            new Stmt.Store(new Expr.Index(Exprs.ref(flat), Exprs.ref(k)), null, Exprs.ref(x)),
            new Stmt.Assign(k, Expr.Op.ADD, Expr.Literal.ofInt(1))));
        each.add(t.dims() == 2 ? new Stmt.ForEach(row, part, block(put)) : put);
      } else if (t.dims() == 2) {
        // Example: for (double[] _r : _row.m()) { System.arraycopy(_r, 0, _flat, _k, _r.length); _k += _r.length; }
        slots.counter(each);
        Var row = Var.loop("_r", t.element());
        Expr length = new Expr.Length(Exprs.ref(row));
        each.add(new Stmt.ForEach(row, part, new Stmt.Block(List.of(
            copy(Exprs.ref(row), flat, Exprs.ref(k), length), new Stmt.Assign(k, Expr.Op.ADD, length)))));
      } else if (t.dims() == 1) {
        // Example: System.arraycopy(_row.w(), 0, _flat, 1, w.length); (then _k = 1 + w.length; where more follow)
        Expr length = new Expr.Length(Exprs.ref(p));
        each.add(copy(part, flat, slots.here(), length));
        if (q != last) {
          slots.skip(length, each);
        }
      } else {
        // Example: _flat[1] = _row.t();
        each.add(new Stmt.Store(new Expr.Index(Exprs.ref(flat), slots.here()), null, part));
        slots.skip();
      }
    }
    each.add(new Stmt.Store(new Expr.Index(Exprs.ref(jacobian), Exprs.ref(i)), null, Exprs.ref(flat)));
    List<Stmt> out = new ArrayList<>();
    if (once == null) {
      out.add(new Stmt.Declare(cotangent, new Expr.NewArray(VECTOR, List.of(outputs), List.of())));
    }
    out.add(Drivers.loop(i, outputs, each));
    return new Stmt.Block(out);
  }

  // Example: for (int _j = 0; _j < _n; _j++) { ... double[] _column = rJvp(p, t, _t_p).tangent(); ... }
  /** The Jacobian column by column, each from {@code rJvp} with a unit tangent. */
  private List<Stmt> columns() {
    Expr outputs = new Expr.Length(Exprs.ref(value));
    Var column = Var.named("_column", VECTOR);
    Var r = Var.loop("_r", Type.INT);
    List<Stmt> out = new ArrayList<>();
    out.add(Drivers.loop(i, outputs, List.of(new Stmt.Store(
        new Expr.Index(Exprs.ref(jacobian), Exprs.ref(i)), null,
        new Expr.NewArray(VECTOR, List.of(Exprs.ref(n)), List.of())))));
    List<Stmt> each = new ArrayList<>(restores());
    Slots slots = Slots.comparedWith(k, j);
    List<Expr> args = Drivers.refs(m.params());
    for (Var p : m.independents()) {
      Var t = Var.named("_t_" + p.name(), p.type());
      if (p.type().dims() == 3) {
        Var c = Var.loop("_c", Type.INT);
        Expr matrix = new Expr.Index(Exprs.ref(p), Exprs.ref(r));
        Expr line = new Expr.Index(matrix, Exprs.ref(c));
        slots.counter(each);
        each.add(new Stmt.Declare(t, new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(p)), p.type())));
        each.add(Drivers.loop(r, new Expr.Length(Exprs.ref(p)), List.of(Drivers.loop(c, new Expr.Length(matrix), List.of(
            Drivers.unit(new Expr.Index(new Expr.Index(Exprs.ref(t), Exprs.ref(r)), Exprs.ref(c)), line, k),
            new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(line)))))));
      } else if (p.type().dims() == 2) {
        Expr line = new Expr.Index(Exprs.ref(p), Exprs.ref(r));
        slots.counter(each);
        each.add(new Stmt.Declare(t, new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(p)), p.type())));
        each.add(Drivers.loop(r, new Expr.Length(Exprs.ref(p)), List.of(
            Drivers.unit(new Expr.Index(Exprs.ref(t), Exprs.ref(r)), line, k),
            new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(line)))));
      } else {
        Drivers.unitDirection(t, p, slots, each);
      }
      args.add(Exprs.ref(t));
    }
    Expr jvp = new Expr.SelfCall(e.name() + "Jvp", args, nested(e.jvpRecord()));
    each.add(new Stmt.Declare(column, new Expr.Access(jvp, "tangent", true, VECTOR)));
    each.add(Drivers.loop(i, outputs, List.of(new Stmt.Store(
        new Expr.Index(new Expr.Index(Exprs.ref(jacobian), Exprs.ref(i)), Exprs.ref(j)), null,
        new Expr.Index(Exprs.ref(column), Exprs.ref(i))))));
    out.add(Drivers.loop(j, Exprs.ref(n), each));
    return out;
  }

  /**
   * The number of flattened parameters as an expression; a matrix's elements are counted into
   * {@code _rows} first, by statements added to {@code body}.
   */
  private Expr size(List<Stmt> body) {
    List<Expr> parts = new ArrayList<>();
    int scalars = 0;
    Var rows = null;
    for (Var p : m.independents()) {
      if (p.type().dims() >= 2) {
        if (rows == null) {
          rows = Var.named("_rows", Type.INT);
          body.add(new Stmt.Declare(rows, Expr.Literal.ofInt(0)));
        }
        Var row = Var.loop("_r", p.type().dims() == 3 ? p.type().element().element() : p.type().element());
        Stmt count = new Stmt.ForEach(row, Exprs.ref(p), block(new Stmt.Assign(rows, Expr.Op.ADD, new Expr.Length(Exprs.ref(row)))));
        if (p.type().dims() == 3) {
          // Example: for (double[][] _m : layers_w) { for (double[] _r : _m) { _rows += _r.length; } }
          Var matrix = Var.loop("_m", p.type().element());
          count = new Stmt.ForEach(matrix, Exprs.ref(p), block(
              new Stmt.ForEach(row, Exprs.ref(matrix), block(new Stmt.Assign(rows, Expr.Op.ADD, new Expr.Length(Exprs.ref(row)))))));
        }
        body.add(count);
      } else if (p.type().isArray()) {
        parts.add(new Expr.Length(Exprs.ref(p)));
      } else {
        scalars++;
      }
    }
    if (rows != null) {
      parts.add(Exprs.ref(rows));
    }
    if (scalars > 0 || parts.isEmpty()) {
      parts.add(0, Expr.Literal.ofInt(scalars));
    }
    return Drivers.sum(parts);
  }

  /**
   * The row's gradient array where it is the whole row: the one parameter differentiated is a
   * {@code double[]} whose gradient the row allocates; else null.
   */
  private Expr wholeRow(ForwardOnce once) {
    List<Var> with = new ArrayList<>();
    for (int q = 0; q < m.params().size(); q++) {
      if (e.accessors().get(q) != null) {
        with.add(m.params().get(q));
      }
    }
    if (with.size() != 1 || !with.get(0).type().equals(VECTOR) || !(once.gradients().get(0) instanceof Expr.Ref r)) {
      return null;
    }
    boolean allocated = once.row().stream().anyMatch(s -> s instanceof Stmt.Declare d && d.var() == r.var()
        && d.init() instanceof Expr.NewArray a && a.elements().isEmpty());
    return allocated ? r : null;
  }

  /** {@code System.arraycopy(from, 0, _flat, at, length);} */
  private static Stmt copy(Expr from, Var flat, Expr at, Expr length) {
    return new Stmt.Invoke(new Expr.Call(
        SYSTEM, "arraycopy", List.of(from, Expr.Literal.ofInt(0), Exprs.ref(flat), at, length), Type.VOID));
  }

  /** {@code Adjoint.copyInto(_w, w);} for each array the method writes into. */
  private List<Stmt> restores() {
    List<Stmt> out = new ArrayList<>();
    for (Var[] c : copies) {
      out.add(new Stmt.Invoke(
          new Expr.Call(Owner.ADJOINT, "copyInto", List.of(Exprs.ref(c[1]), Exprs.ref(c[0])), Type.VOID)));
    }
    return out;
  }

  /** The array parameters the method writes into, in order. */
  private List<Var> written() {
    List<Var> out = new ArrayList<>();
    for (int q : Drivers.writtenParams(vjp.model())) {
      out.add(vjp.model().params().get(q));
    }
    return out;
  }

  private static Stmt.Block block(Stmt... stmts) {
    return new Stmt.Block(List.of(stmts));
  }

  private Type nested(String name) {
    return Drivers.nested(grad, name);
  }
}
