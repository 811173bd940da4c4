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
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The public second-order methods of {@code hessian = true}, around the private gradient of the
 * method's tangent ({@code _mTangent}): {@code mHvp} flattens its partials with respect to the
 * directions (the gradient) and to the parameters (the Hessian times the direction); {@code
 * mHessian} calls {@code mHvp} once per unit direction, so the code grows with the parameters, not
 * with their square.
 */
final class HessianMethods {
  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);
  private static final Type MATRIX = new Type(Type.Prim.DOUBLE, 2);

  private final Entry e;
  private final MethodModel m;
  private final Owner grad;
  private final TypeElement source;
  private final Var n = Var.named("_n", Type.INT);
  private final Var k = Var.named("_k", Type.INT);
  private final Var i = Var.loop("_i", Type.INT);
  private final Var j = Var.loop("_j", Type.INT);
  private final Var l = Var.loop("_l", Type.INT);
  private final Var gradient = Var.named("_gradient", VECTOR);

  HessianMethods(Entry e, Owner grad, TypeElement source) {
    this.e = e;
    this.m = e.model();
    this.grad = grad;
    this.source = source;
  }

  // Example: public static LossHvp lossHvp(double[] w, double[] _v_w) { ... }
  IrMethod hvp() {
    List<Object> doc = begin("its gradient and its Hessian times a direction, by reverse mode over forward mode; both"
        + " vectors flattened in parameter order");
    List<Var> params = new ArrayList<>(m.params());
    List<Expr> args = Drivers.refs(m.params());
    for (Var p : m.independents()) {
      Var v = new Var("_v_" + p.name(), p.type(), Var.Kind.PARAM);
      params.add(v);
      doc.addAll(List.of("@param ", v, " the direction's part for {@code " + p.name() + "}\n"));
      args.add(Exprs.ref(v));
    }
    doc.add("@return the value, the gradient and the Hessian-vector product\n");
    Var g = Var.named("_g", nested(e.hvp().record()));
    Var hvp = Var.named("_hvp", VECTOR);
    List<Stmt> body = new ArrayList<>();
    List<Var[]> kept = keep(body);
    body.add(new Stmt.Declare(g, new Expr.SelfCall(e.hvp().name(), args, g.type())));
    restore(kept, body); // the primal's value() then leaves the arrays as the primal does
    size(body);
    body.add(new Stmt.Declare(gradient, zeros(VECTOR, Exprs.ref(n))));
    body.add(new Stmt.Declare(hvp, zeros(VECTOR, Exprs.ref(n))));
    Slots slots = Slots.positions(k);
    List<String> accessors = e.hvp().accessors();
    for (int q = 0; q < m.independents().size(); q++) {
      Var p = m.independents().get(q);
      Expr hv = new Expr.Component(g, accessors.get(m.params().indexOf(p)), p.type());
      Expr d = new Expr.Component(g, accessors.get(m.params().size() + q), p.type());
      if (p.type().dims() == 3) {
        // An array of records' double[][] component (layers_w): three loops, element by element.
        slots.counter(body);
        Expr matrix = new Expr.Index(Exprs.ref(p), Exprs.ref(i));
        Expr row = new Expr.Index(matrix, Exprs.ref(j));
        body.add(Drivers.loop(i, new Expr.Length(Exprs.ref(p)), List.of(
            Drivers.loop(j, new Expr.Length(matrix), List.of(
                Drivers.loop(l, new Expr.Length(row), List.of(
                    store(gradient, Exprs.ref(k), element3(d)),
                    store(hvp, Exprs.ref(k), element3(hv))), k))))));
      } else if (p.type().dims() == 2) {
        // Example: for (int _i = 0; _i < m.length; _i++) { for (int _j = 0; _j < m[_i].length; _j++, _k++) { ... } }
        slots.counter(body);
        Expr row = new Expr.Index(Exprs.ref(p), Exprs.ref(i));
        body.add(Drivers.loop(i, new Expr.Length(Exprs.ref(p)), List.of(
            Drivers.loop(j, new Expr.Length(row), List.of(
                store(gradient, Exprs.ref(k), new Expr.Index(new Expr.Index(d, Exprs.ref(i)), Exprs.ref(j))),
                store(hvp, Exprs.ref(k), new Expr.Index(new Expr.Index(hv, Exprs.ref(i)), Exprs.ref(j)))), k))));
      } else if (p.type().isArray()) {
        slots.counter(body);
        body.add(Drivers.loop(i, new Expr.Length(Exprs.ref(p)), List.of(
            store(gradient, Exprs.ref(k), new Expr.Index(d, Exprs.ref(i))),
            store(hvp, Exprs.ref(k), new Expr.Index(hv, Exprs.ref(i)))), k));
      } else {
        // Example: _gradient[1] = _g._t_y(); _hvp[1] = _g.y();
        body.add(store(gradient, slots.here(), d));
        body.add(store(hvp, slots.here(), hv));
        slots.skip();
      }
    }
    body.add(new Stmt.ReturnRecord(Api.hvpRecord(e), List.of(value(), Exprs.ref(gradient), Exprs.ref(hvp))));
    return method("Hvp", Api.hvpRecord(e), params, false, body, doc);
  }

  // Example: public static LossHessian lossHessian(double[] w) { ... one lossHvp per column ... }
  IrMethod hessian() {
    List<Object> doc = begin("its gradient and its Hessian, flattened in parameter order: one Hessian-vector product"
        + " per unit direction");
    doc.add("@return the value, the gradient and the Hessian\n");
    Var hessian = Var.named("_hessian", MATRIX);
    List<Stmt> body = new ArrayList<>();
    List<Var[]> kept = keep(body);
    size(body);
    body.add(new Stmt.Declare(gradient, zeros(VECTOR, Exprs.ref(n))));
    body.add(new Stmt.Declare(hessian, zeros(MATRIX, Exprs.ref(n))));
    List<Stmt> column = new ArrayList<>();
    Slots slots = Slots.comparedWith(k, j);
    restore(kept, column); // each column starts from the arrays the caller passed
    List<Expr> args = Drivers.refs(m.params());
    for (Var p : m.independents()) {
      Var v = Var.named("_v_" + p.name(), p.type());
      Type element = new Type(p.type().prim(), 0);
      if (p.type().dims() == 3) {
        // Example: double[][][] _v_layers_w = Adjoint.zerosLike(layers_w); one 1 in the k-th element, row by row
        // (_j is the column here, so the rows are _l)
        Expr row = new Expr.Index(new Expr.Index(Exprs.ref(p), Exprs.ref(i)), Exprs.ref(l));
        slots.counter(column);
        column.add(new Stmt.Declare(v, new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(p)), p.type())));
        column.add(Drivers.loop(i, new Expr.Length(Exprs.ref(p)), List.of(
            Drivers.loop(l, new Expr.Length(new Expr.Index(Exprs.ref(p), Exprs.ref(i))), List.of(
                Drivers.unit(new Expr.Index(new Expr.Index(Exprs.ref(v), Exprs.ref(i)), Exprs.ref(l)), row, k),
                new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(row)))))));
      } else if (p.type().dims() == 2) {
        // Example: double[][] _v_m = new double[m.length][]; rows of m's lengths, one 1 in the k-th element
        Expr row = new Expr.Index(Exprs.ref(p), Exprs.ref(i));
        slots.counter(column);
        column.add(new Stmt.Declare(v, zeros(p.type(), new Expr.Length(Exprs.ref(p)))));
        column.add(Drivers.loop(i, new Expr.Length(Exprs.ref(p)), List.of(
            new Stmt.Store(new Expr.Index(Exprs.ref(v), Exprs.ref(i)), null, zeros(element.arrayOf(), new Expr.Length(row))),
            Drivers.unit(new Expr.Index(Exprs.ref(v), Exprs.ref(i)), row, k),
            new Stmt.Assign(k, Expr.Op.SUB, new Expr.Length(row)))));
      } else {
        Drivers.unitDirection(v, p, slots, column);
      }
      args.add(Exprs.ref(v));
    }
    Var r = Var.named("_r", nested(Api.hvpRecord(e)));
    column.add(new Stmt.Declare(r, new Expr.SelfCall(Api.secondOrderName(e, "Hvp"), args, r.type())));
    column.add(new Stmt.Store(new Expr.Index(Exprs.ref(hessian), Exprs.ref(j)), null, new Expr.Component(r, "hvp", VECTOR)));
    column.add(new Stmt.Assign(gradient, null, new Expr.Component(r, "gradient", VECTOR)));
    body.add(Drivers.loop(j, Exprs.ref(n), column));
    restore(kept, body);
    body.add(new Stmt.ReturnRecord(Api.hessianRecord(e), List.of(value(), Exprs.ref(gradient), Exprs.ref(hessian))));
    // mHessian takes exactly m's parameters, so double... xs stays varargs there.
    boolean varargs = !e.hidden() && m.element().isVarArgs();
    return method("Hessian", Api.hessianRecord(e), m.params(), varargs, body, doc);
  }

  /**
   * Copies of the array parameters the method writes into ({@code double[] _kept0 =
   * Adjoint.copyOf(a);}), since a Hessian runs the method more than once on the caller's arrays.
   */
  private List<Var[]> keep(List<Stmt> body) {
    List<Var[]> out = new ArrayList<>();
    for (int q : Drivers.writtenParams(e.hvp().model())) {
      if (q >= m.params().size()) {
        break; // the tangent method's own tangent parameters follow the method's
      }
      Var p = m.params().get(q);
      Var copy = Var.temp("_kept", p.type());
      body.add(new Stmt.Declare(copy, new Expr.Call(Owner.ADJOINT, "copyOf", List.of(Exprs.ref(p)), p.type())));
      out.add(new Var[] {p, copy});
    }
    return out;
  }

  /** {@code Adjoint.copyInto(_kept0, a);}: the caller's arrays as they were passed. */
  private static void restore(List<Var[]> kept, List<Stmt> body) {
    for (Var[] c : kept) {
      body.add(new Stmt.Invoke(
          new Expr.Call(Owner.ADJOINT, "copyInto", List.of(Exprs.ref(c[1]), Exprs.ref(c[0])), Type.VOID)));
    }
  }

  /** The summary and the source parameters' javadoc. */
  private List<Object> begin(String what) {
    List<Object> doc = new ArrayList<>();
    doc.add("The value of {@code " + source.getSimpleName() + "." + m.name() + "}, " + what + ".\n\n");
    for (Var p : m.params()) {
      doc.addAll(List.of("@param ", p, " the argument {@code " + p.name() + "}\n"));
    }
    return doc;
  }

  private IrMethod method(String suffix, String record, List<Var> params, boolean varargs, List<Stmt> body, List<Object> doc) {
    // Its variables keep their names, as before: the source's parameters, named as written.
    return new IrMethod(
        Api.secondOrderName(e, suffix), !e.hidden(), TypeRef.record(record), params, varargs, false, body, doc,
        null);
  }

  /**
   * Declares {@code _n}, the number of flattened parameters: 1 per scalar, the length of each
   * array, the lengths of a matrix's rows.
   */
  private void size(List<Stmt> body) {
    List<Expr> parts = new ArrayList<>();
    int scalars = 0;
    for (Var p : m.independents()) {
      if (p.type().dims() == 1) {
        parts.add(new Expr.Length(Exprs.ref(p)));
      } else if (p.type().dims() == 0) {
        scalars++;
      }
    }
    if (scalars > 0 || parts.isEmpty()) {
      parts.add(0, Expr.Literal.ofInt(scalars));
    }
    body.add(new Stmt.Declare(n, Drivers.sum(parts)));
    for (Var p : m.independents()) {
      if (p.type().dims() == 2) {
        // Example: for (double[] _row : m) { _n += _row.length; }
        Var row = Var.loop("_row", p.type().element());
        body.add(new Stmt.ForEach(row, Exprs.ref(p), new Stmt.Block(List.of(
            new Stmt.Assign(n, Expr.Op.ADD, new Expr.Length(Exprs.ref(row)))))));
      } else if (p.type().dims() == 3) {
        // Example: for (double[][] _matrix : layers_w) { for (double[] _row : _matrix) { _n += _row.length; } }
        Var matrix = Var.loop("_matrix", p.type().element());
        Var row = Var.loop("_row", p.type().element().element());
        body.add(new Stmt.ForEach(matrix, Exprs.ref(p), new Stmt.Block(List.of(
            new Stmt.ForEach(row, Exprs.ref(matrix), new Stmt.Block(List.of(
                new Stmt.Assign(n, Expr.Op.ADD, new Expr.Length(Exprs.ref(row))))))))));
      }
    }
  }

  /** The primal's value: the source method called, or where it is private its gradient's value. */
  private Expr value() {
    List<Expr> args = Drivers.refs(m.params());
    boolean visible = !e.hidden() && !m.element().getModifiers().contains(Modifier.PRIVATE);
    return visible
        ? new Expr.Call(SourceTypes.owner(source), m.name(), args, m.resultType())
        : new Expr.Access(new Expr.SelfCall(e.name(), args, nested(e.record())), "value", true, m.resultType());
  }

  /** {@code a[_i][_j][_l]}. */
  private Expr element3(Expr a) {
    return new Expr.Index(new Expr.Index(new Expr.Index(a, Exprs.ref(i)), Exprs.ref(j)), Exprs.ref(l));
  }

  private static Stmt store(Var array, Expr index, Expr value) {
    return new Stmt.Store(new Expr.Index(Exprs.ref(array), index), null, value);
  }

  /** {@code new double[size]}, or {@code new double[size][]} for a matrix. */
  private static Expr zeros(Type type, Expr size) {
    return new Expr.NewArray(type, List.of(size), List.of());
  }

  private Type nested(String name) {
    return Drivers.nested(grad, name);
  }
}
