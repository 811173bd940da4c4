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
  private final Var x = Var.loop("_x", Type.DOUBLE);
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
        new Expr.Call(SourceTypes.owner(source), e.model().name(), Drivers.refs(e.model().params()), VECTOR));
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
    body.add(new Stmt.Declare(value, primal));
    Expr size = size(body);
    body.add(new Stmt.Declare(n, size));
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
    body.add(rows(outputs));
    body.add(done);
    // Its variables keep their names, as before: the source's parameters, named as written.
    return new IrMethod(name, true, TypeRef.record(record), params, false, false, body, doc, null);
  }

  // Example: for (int _i = 0; _i < _value.length; _i++) { _cotangent[_i] = 1; RVjp _row = rVjp(p, t, _cotangent); ... }
  private Stmt rows(Expr outputs) {
    Var cotangent = Var.named("_cotangent", VECTOR);
    Var result = Var.named("_row", nested(vjp.record()));
    Var flat = Var.named("_flat", VECTOR);
    List<Stmt> each = new ArrayList<>(restores());
    Expr unit = new Expr.Index(Exprs.ref(cotangent), Exprs.ref(i));
    List<Expr> args = Drivers.refs(m.params());
    args.add(Exprs.ref(cotangent));
    each.add(new Stmt.Store((Expr.Index) unit, null, Expr.Literal.ofInt(1)));
    each.add(new Stmt.Declare(result, new Expr.SelfCall(vjp.name(), args, result.type())));
    each.add(new Stmt.Store((Expr.Index) unit, null, Expr.Literal.ofInt(0)));
    each.add(new Stmt.Declare(flat, new Expr.NewArray(VECTOR, List.of(Exprs.ref(n)), List.of())));
    each.add(new Stmt.Declare(k, Expr.Literal.ofInt(0)));
    // Example: _flat[_k++] = _x;
    Expr.Index next = new Expr.Index(Exprs.ref(flat), Drivers.postIncrement(k));
    for (int q = 0; q < m.params().size(); q++) {
      String accessor = e.accessors().get(q);
      if (accessor == null) {
        continue;
      }
      Type t = m.params().get(q).type();
      Expr part = new Expr.Component(result, accessor, t);
      Stmt put = new Stmt.Store(next, null, Exprs.ref(x));
      if (t.dims() == 3) {
        // An array of records' double[][] component (layers_w): matrix by matrix, row by row.
        Var matrix = Var.loop("_m", t.element());
        Var row = Var.loop("_r", t.element().element());
        each.add(new Stmt.ForEach(matrix, part, block(
            new Stmt.ForEach(row, Exprs.ref(matrix), block(new Stmt.ForEach(x, Exprs.ref(row), block(put)))))));
      } else if (t.dims() == 2) {
        Var row = Var.loop("_r", t.element());
        each.add(new Stmt.ForEach(row, part, block(new Stmt.ForEach(x, Exprs.ref(row), block(put)))));
      } else if (t.dims() == 1) {
        each.add(new Stmt.ForEach(x, part, block(put)));
      } else {
        each.add(new Stmt.Store(next, null, part));
      }
    }
    each.add(new Stmt.Store(new Expr.Index(Exprs.ref(jacobian), Exprs.ref(i)), null, Exprs.ref(flat)));
    List<Stmt> out = new ArrayList<>();
    out.add(new Stmt.Declare(cotangent, new Expr.NewArray(VECTOR, List.of(outputs), List.of())));
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
    each.add(new Stmt.Declare(k, Exprs.ref(j)));
    List<Expr> args = Drivers.refs(m.params());
    for (Var p : m.independents()) {
      Var t = Var.named("_t_" + p.name(), p.type());
      if (p.type().dims() == 3) {
        Var c = Var.loop("_c", Type.INT);
        Expr matrix = new Expr.Index(Exprs.ref(p), Exprs.ref(r));
        Expr line = new Expr.Index(matrix, Exprs.ref(c));
        each.add(new Stmt.Declare(t, new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(p)), p.type())));
        each.add(Drivers.loop(r, new Expr.Length(Exprs.ref(p)), List.of(Drivers.loop(c, new Expr.Length(matrix), List.of(
            Drivers.unit(new Expr.Index(new Expr.Index(Exprs.ref(t), Exprs.ref(r)), Exprs.ref(c)), line, k),
            new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(line)))))));
      } else if (p.type().dims() == 2) {
        Expr line = new Expr.Index(Exprs.ref(p), Exprs.ref(r));
        each.add(new Stmt.Declare(t, new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(p)), p.type())));
        each.add(Drivers.loop(r, new Expr.Length(Exprs.ref(p)), List.of(
            Drivers.unit(new Expr.Index(Exprs.ref(t), Exprs.ref(r)), line, k),
            new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(line)))));
      } else {
        Drivers.unitDirection(t, p, k, each);
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
