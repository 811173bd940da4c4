package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.read.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The public methods of a method with record parameters, each a call of the private one over the
 * components: the source's parameters (the object first for an instance method), each record's
 * components passed in ({@code o.strike()}, {@code self.w}), and each record's gradient, tangent
 * or direction as a tangent record of the same shape.
 */
final class WrapperMethods {
  private final Wrapper w;
  private final Map<TypeElement, String> tangents;
  private final Owner grad;
  private final TypeElement source;
  private final String simple;
  private final MethodModel m;
  private final ExecutableElement element;
  /** The wrapper's parameters, one per shape: {@code self} first for an instance method. */
  private final List<Var> params = new ArrayList<>();

  WrapperMethods(Wrapper w, Map<TypeElement, String> tangents, Owner grad, TypeElement source) {
    this.w = w;
    this.tangents = tangents;
    this.grad = grad;
    this.source = source;
    this.simple = source.getSimpleName().toString();
    this.m = w.flat().model();
    this.element = m.element();
    if (instance()) {
      params.add(new Var("self", SourceTypes.of(source.asType()), Var.Kind.PARAM));
    }
    for (VariableElement p : element.getParameters()) {
      params.add(new Var(p.getSimpleName().toString(), SourceTypes.of(p.asType()), Var.Kind.PARAM));
    }
  }

  private boolean instance() {
    return !element.getModifiers().contains(Modifier.STATIC);
  }

  // Example: public static Price price(Option o, double spot) {
  //              _Price _grad = _price(o.strike(), o.vol(), o.w(), spot);
  //              return new Price(_grad.value(), new OptionTangent(_grad.o_strike(), _grad.o_vol(), _grad.o_w()), _grad.spot()); }
  IrMethod gradient() {
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "} and its gradient; the gradient with respect to "
            + (instance() ? "the object or a record" : "a record parameter") + " is a tangent record of the same"
            + " shape.\n\n"));
    paramDocs(doc);
    doc.add("@return the value and the gradient\n");
    Var result = Var.named("_grad", nested(w.flat().record()));
    List<Expr> record = new ArrayList<>();
    record.add(new Expr.Component(result, "value", m.resultType()));
    List<String> accessors = WrapperRecords.accessors(w);
    for (int i = 0; i < w.shapes().size(); i++) {
      if (accessors.get(i) != null) {
        record.add(gathered(w.shapes().get(i), result, new Expr.Ref(params.get(i))));
      }
    }
    List<Stmt> body = List.of(
        new Stmt.Declare(result, new Expr.SelfCall(w.flat().name(), leaves(), result.type())),
        new Stmt.ReturnRecord(w.record(), record));
    return method(m.name(), TypeRef.record(w.record()), params, body, doc);
  }

  // Example: public static PredictVjp predictVjp(Model self, double[] x, double[] cotangent) {
  //              _PredictVjp _grad = _predictVjp(self.w, self.b, x, cotangent);
  //              return new PredictVjp(_grad.value(), new ModelTangent(_grad.self_w(), _grad.self_b()), _grad.x()); }
  /** {@code rVjp} of a method returning {@code double[]}: the flat one's product, gathered into tangent records. */
  IrMethod vjp() {
    Entry flat = w.flat().hvp();
    List<Var> flatParams = flat.model().params();
    Var u = flatParams.get(flatParams.size() - 1);
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "} and a vector-Jacobian product: the gradient of the"
            + " value's dot product with {@code ", u, "}, by one reverse sweep; the part for "
            + (instance() ? "the object or a record" : "a record parameter") + " is a tangent record of the same"
            + " shape.\n\n"));
    paramDocs(doc);
    doc.addAll(List.of("@param ", u, " a weight for each element of the value, as many as it has\n"));
    doc.add("@return the value and the vector-Jacobian product\n");
    doc.addAll(List.of("@throws IllegalArgumentException if {@code ", u, "} and the value differ in length\n"));
    Var result = Var.named("_grad", nested(flat.record()));
    List<Expr> record = new ArrayList<>();
    record.add(new Expr.Component(result, "value", new Type(Type.Prim.DOUBLE, 1)));
    List<String> accessors = WrapperRecords.accessors(w);
    for (int i = 0; i < w.shapes().size(); i++) {
      if (accessors.get(i) != null) {
        record.add(gathered(w.shapes().get(i), result, new Expr.Ref(params.get(i))));
      }
    }
    List<Expr> args = leaves();
    args.add(new Expr.Ref(u));
    List<Var> all = new ArrayList<>(params);
    all.add(u);
    List<Stmt> body = List.of(
        new Stmt.Declare(result, new Expr.SelfCall(flat.name(), args, result.type())),
        new Stmt.ReturnRecord(w.record() + "Vjp", record));
    return method(m.name() + "Vjp", TypeRef.record(w.record() + "Vjp"), all, body, doc);
  }

  // Example: public static PredictJacobian predictJacobian(Model self, double[] x) {
  //              double[] self_w = self.w; double self_b = self.b;
  //              double[] _value = self.predict(x); ... one _predictVjp per row ... }
  /**
   * {@code rJacobian} of a method returning {@code double[]}: the records' components held in
   * locals named as the flat method's parameters, then the rows (or columns) as for any method.
   */
  IrMethod jacobian() {
    List<Var> own = new ArrayList<>();
    List<Stmt> prologue = new ArrayList<>();
    List<Expr> sourceArgs = new ArrayList<>();
    for (int i = 0; i < w.shapes().size(); i++) {
      ParamShape s = w.shapes().get(i);
      if (!s.isRecord()) {
        Var p = m.params().get(s.index()); // the flat method's own parameter, passed on as it is
        own.add(p);
        sourceArgs.add(new Expr.Ref(p));
        continue;
      }
      Var p = params.get(i);
      own.add(p);
      if (!(instance() && i == 0)) {
        sourceArgs.add(new Expr.Ref(p));
      }
      List<Expr> parts = new ArrayList<>();
      leaves(s, new Expr.Ref(p), parts);
      List<Var> flatParts = new ArrayList<>();
      flatLeaves(s, flatParts);
      for (int k = 0; k < parts.size(); k++) {
        prologue.add(new Stmt.Declare(flatParts.get(k), parts.get(k)));
      }
    }
    Type vector = new Type(Type.Prim.DOUBLE, 1);
    Expr primal;
    if (PrimalCopy.needed(w.flat())) {
      primal = PrimalCopy.call(w.flat()); // over the locals of the prologue
    } else if (instance()) {
      List<Object> call = new ArrayList<>(List.of(new Expr.Ref(own.get(0)), "." + m.name() + "("));
      for (int k = 0; k < sourceArgs.size(); k++) {
        if (k > 0) {
          call.add(", ");
        }
        call.add(sourceArgs.get(k));
      }
      call.add(")");
      primal = new Expr.Foreign(call, vector);
    } else {
      primal = new Expr.Call(SourceTypes.owner(source), m.name(), sourceArgs, vector);
    }
    return new JacobianMethod(
        w.flat(), grad, source, m.name() + "Jacobian", w.record() + "Jacobian", own, prologue, primal).method();
  }

  /** The flat method's parameters that hold the leaves of {@code s}, in order. */
  private void flatLeaves(ParamShape s, List<Var> out) {
    if (!s.isRecord()) {
      out.add(m.params().get(s.index()));
      return;
    }
    for (ParamShape p : s.parts()) {
      flatLeaves(p, out);
    }
  }

  // Example: public static PriceJvp priceJvp(Option o, double spot, OptionTangent _t_o, double _t_spot) {
  //              return _priceJvp(o.strike(), o.vol(), spot, _t_o.strike(), _t_o.vol(), _t_spot); }
  IrMethod jvp() {
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "} and its directional derivative along the tangents,"
            + " by forward-mode differentiation; the tangent of "
            + (instance() ? "the object or a record" : "a record parameter") + " is a tangent record of the same"
            + " shape.\n\n"));
    paramDocs(doc);
    List<Var> all = new ArrayList<>(params);
    List<Expr> args = leaves();
    perActive("_t_", " the tangent of {@code %s}, shaped like it\n", all, args, doc);
    doc.add("@return the value and the directional derivative\n@see #" + m.name() + "\n");
    return delegating(m.name() + "Jvp", TypeRef.record(w.flat().jvpRecord()), "_" + m.name() + "Jvp", all, args, doc);
  }

  // Example: public static double loss(Mlp m, Sample s, MlpTangent _d_m) {
  //              return _loss(m.w1(), m.w2(), s.x(), s.y(), _d_m.w1(), _d_m.w2()); }
  /** The accumulate overload: the gradient added into arrays the caller owns, held in a tangent record for a record. */
  IrMethod accumulate() {
    boolean records = w.shapes().stream().anyMatch(WrapperRecords::holdsArray);
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "}, after adding its gradient into arrays the caller"
            + " owns, shaped like the parameters (for a record, a tangent record holding such arrays): for summing"
            + " gradients over a batch " + (records
                ? "(an array of records is passed as one array of its elements' arrays per component, made for the call)"
                : "with no allocation") + ". Nothing is zeroed.\n\n"));
    paramDocs(doc);
    List<Var> all = new ArrayList<>(params);
    List<Expr> args = leaves();
    perActive("_d_", " where the gradient with respect to {@code %s} is added\n", all, args, doc);
    doc.add("@return the value of {@code " + m.name() + "}\n@see #" + m.name() + "\n");
    return delegating(m.name(), TypeRef.of(m.resultType()), w.flat().name(), all, args, doc);
  }

  // Example: public static PriceHvp priceHvp(Option o, double spot, OptionTangent _v_o, double _v_spot) {
  //              return _priceHvp(o.strike(), o.vol(), spot, _v_o.strike(), _v_o.vol(), _v_spot); }
  IrMethod hvp() {
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "}, its gradient and its Hessian times a direction, by"
            + " reverse mode over forward mode; both vectors flattened in parameter order, a record's components in"
            + " declaration order; the direction of a record parameter" + (instance() ? " or the object" : "")
            + " is a tangent record of the same shape.\n\n"));
    paramDocs(doc);
    List<Var> all = new ArrayList<>(params);
    List<Expr> args = leaves();
    perActive("_v_", " the direction's part for {@code %s}, shaped like it\n", all, args, doc);
    doc.add("@return the value, the gradient and the Hessian-vector product\n");
    return delegating(
        m.name() + "Hvp", TypeRef.record(w.record() + "Hvp"), Api.secondOrderName(w.flat(), "Hvp"), all, args, doc);
  }

  // Example: public static PriceHessian priceHessian(Option o, double spot) {
  //              return _priceHessian(o.strike(), o.vol(), spot); }
  IrMethod hessian() {
    List<Object> doc = new ArrayList<>(List.of(
        "The value of {@code " + simple + "." + m.name() + "}, its gradient and its Hessian, flattened in parameter"
            + " order (a record's components in declaration order): one Hessian-vector product per unit"
            + " direction.\n\n"));
    paramDocs(doc);
    doc.add("@return the value, the gradient and the Hessian\n");
    return delegating(m.name() + "Hessian", TypeRef.record(w.record() + "Hessian"),
        Api.secondOrderName(w.flat(), "Hessian"), params, leaves(), doc);
  }

  /**
   * For each shape that carries a derivative, a parameter {@code prefix + name} of its shape, its
   * javadoc, and its leaves as further arguments.
   */
  private void perActive(String prefix, String what, List<Var> all, List<Expr> args, List<Object> doc) {
    for (ParamShape s : w.shapes()) {
      if (WrapperRecords.active(s, w.flat())) {
        TypeRef t = WrapperRecords.componentType(s, w, tangents, grad);
        Var p = new Var(prefix + s.name(), t.record() != null ? nested(t.record()) : t.type(), Var.Kind.PARAM);
        all.add(p);
        doc.addAll(List.of("@param ", p, String.format(what, s.name())));
        tangentLeaves(s, new Expr.Ref(p), args);
      }
    }
  }

  /** {@code return callee(args);} */
  private IrMethod delegating(String name, TypeRef result, String callee, List<Var> all, List<Expr> args, List<Object> doc) {
    Type type = result.record() != null ? nested(result.record()) : result.type();
    return method(name, result, all, List.of(new Stmt.Return(new Expr.SelfCall(callee, args, type))), doc);
  }

  private IrMethod method(String name, TypeRef result, List<Var> all, List<Stmt> body, List<Object> doc) {
    // Its variables keep their names, as before: the source's parameters, named as written.
    return new IrMethod(name, true, result, all, false, false, body, doc, null);
  }

  private void paramDocs(List<Object> doc) {
    int first = 0;
    if (instance()) {
      doc.addAll(List.of("@param ", params.get(0), " the object whose {@code " + m.name() + "} is called (its fields"
          + " are read, never written)\n"));
      first = 1;
    }
    for (int i = first; i < params.size(); i++) {
      Var p = params.get(i);
      doc.addAll(List.of("@param ", p, " the argument {@code " + p.name() + "} of {@code " + simple + "." + m.name()
          + "}\n"));
    }
  }

  /** {@code o.strike(), o.in().a(), spot}: every leaf of the parameters, in the flat method's order. */
  private List<Expr> leaves() {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < w.shapes().size(); i++) {
      leaves(w.shapes().get(i), new Expr.Ref(params.get(i)), out);
    }
    return out;
  }

  private void leaves(ParamShape s, Expr path, List<Expr> out) {
    if (s.array()) {
      arrayLeaves(s, path, "_e", out, p -> true, false);
      return;
    }
    if (!s.isRecord()) {
      out.add(path);
      return;
    }
    for (ParamShape p : s.parts()) {
      Type t = p.isRecord() ? SourceTypes.of(p.record().asType()) : m.params().get(p.index()).type();
      Expr inner = read(path, s, p, t);
      if (p.array() && listField(s, p)) {
        arrayLeaves(p, inner, "_e", out, q -> true, true);
      } else {
        leaves(p, inner, out);
      }
    }
  }

  /** {@code path.strike()} of a record, {@code path.w} of an object, or {@code path.getX()} for a value class's private field. */
  private static Expr read(Expr path, ParamShape s, ParamShape p, Type t) {
    if (Records.isRecord(s.record())) {
      return new Expr.Access(path, p.name(), true, t);
    }
    javax.lang.model.element.ExecutableElement getter = Records.getter(s.record(), p.name());
    return getter == null ? new Expr.Access(path, p.name(), false, t) : new Expr.Access(path, getter.getSimpleName().toString(), true, t);
  }

  /** Whether part {@code p} of an object's shape {@code s} is a {@code List} field of records. */
  private static boolean listField(ParamShape s, ParamShape p) {
    javax.lang.model.element.VariableElement f = Records.isRecord(s.record()) ? null : Records.field(s.record(), p.name());
    return f != null && Records.listElement(f.asType()) != null;
  }

  /**
   * For an array of records {@code ps}, one primitive array per leaf that {@code keep} keeps:
   * {@code java.util.Arrays.stream(ps).mapToDouble(_e -> _e.pos().x()).toArray()}.
   */
  private void arrayLeaves(
      ParamShape s, Expr array, String element, List<Expr> out, java.util.function.Predicate<ParamShape> keep, boolean list) {
    for (ParamShape p : s.parts()) {
      String e = element + "." + p.name() + "()";
      if (p.isRecord()) {
        arrayLeaves(p, array, e, out, keep, list);
      } else if (keep.test(p)) {
        Type t = m.params().get(p.index()).type();
        String map = t.element().equals(Type.INT) ? "mapToInt" : t.element().equals(Type.LONG) ? "mapToLong" : "mapToDouble";
        // A list of records: its stream(), as an array's.
        List<Object> stream = list ? List.of(array, ".stream()") : List.of("java.util.Arrays.stream(", array, ")");
        List<Object> parts = new ArrayList<>(stream);
        // An array component (double[][] w of Layer): the elements' own arrays, in an array of one more dimension.
        parts.add(t.element().isArray() ? ".map(_e -> " + e + ").toArray(" + t + "::new)" : "." + map + "(_e -> " + e + ").toArray()");
        out.add(new Expr.Foreign(parts, t));
      }
    }
  }

  /** {@code _t_o.strike(), _t_o.in().a(), _t_spot}: the leaves of a tangent record that carry a derivative. */
  private void tangentLeaves(ParamShape s, Expr path, List<Expr> out) {
    if (s.array()) {
      arrayLeaves(s, path, "_e", out, p -> w.flat().accessors().get(p.index()) != null, false);
      return;
    }
    if (!s.isRecord()) {
      if (w.flat().accessors().get(s.index()) != null) {
        out.add(path);
      }
      return;
    }
    for (ParamShape p : s.parts()) {
      if (p.isRecord() ? tangents.containsKey(p.record()) : w.flat().accessors().get(p.index()) != null) {
        Type t = p.isRecord() ? nested(tangents.get(p.record())) : m.params().get(p.index()).type();
        tangentLeaves(p, new Expr.Access(path, p.name(), true, t), out);
      }
    }
  }

  /**
   * {@code new OptionTangent(_grad.o_strike(), ...)}, or {@code _grad.spot()} for a leaf; {@code
   * path} reads the value the shape stands for ({@code self.parts}), for an array's length.
   */
  private Expr gathered(ParamShape s, Var result, Expr path) {
    return gathered(s, result, path, false);
  }

  /** As above; {@code list}: {@code path} is a {@code List} of records, its tangent an array all the same. */
  private Expr gathered(ParamShape s, Var result, Expr path, boolean list) {
    if (s.array()) {
      // ParticleTangent[] of the component arrays' elements _i
      String tangent = tangents.get(s.record());
      return new Expr.Foreign(
          List.of("java.util.stream.IntStream.range(0, ", path, list ? ".size()" : ".length", ").mapToObj(_i -> ",
              gathered(s, result, true, path), ").toArray(" + tangent + "[]::new)"),
          null);
    }
    return gathered(s, result, false, path);
  }

  /** As above; {@code element}: each leaf indexed by {@code _i}, inside an array of records. */
  private Expr gathered(ParamShape s, Var result, boolean element, Expr path) {
    if (!s.isRecord()) {
      Type t = m.params().get(s.index()).type();
      Expr leaf = new Expr.Component(result, w.flat().accessors().get(s.index()), t);
      return element ? new Expr.Foreign(List.of(leaf, "[_i]"), t.element()) : leaf;
    }
    List<Expr> parts = new ArrayList<>();
    for (ParamShape p : s.parts()) {
      if (p.isRecord() ? tangents.containsKey(p.record()) : m.params().get(p.index()).type().isDifferentiable()) {
        Type t = p.isRecord() ? SourceTypes.of(p.record().asType()) : m.params().get(p.index()).type();
        Expr inner = read(path, s, p, p.array() ? t.arrayOf() : t);
        parts.add(p.array() && !element ? gathered(p, result, inner, listField(s, p)) : gathered(p, result, element, inner));
      }
    }
    return new Expr.NewRecord(grad, tangents.get(s.record()), parts);
  }

  private Type nested(String name) {
    return Drivers.nested(grad, name);
  }
}
