package io.github.backprop.processor.plan;

import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.IrRecord;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.ir.Narrowing;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;

/**
 * The public API of one Grad class, decided in one place: which methods and records it has, in
 * which order, and for the methods built from derived code their complete IR (signature, javadoc,
 * body, return, and which one delegates to which). The writer prints what this gives and decides
 * nothing.
 */
public final class Api {
  /** What the Grad class declares, in order. */
  public sealed interface Member {
    /** A method complete in the IR. */
    record Method(IrMethod method) implements Member {}

    /** A record complete in the IR. */
    record Record(IrRecord record) implements Member {}
  }

  private Api() {}

  /**
   * @param grad the Grad class
   * @param source the class of the methods
   * @param wrappers the public faces of the entries over record components, which call those
   *     entries: private, yet with their accumulate overload
   */
  public static List<Member> members(List<Entry> entries, Owner grad, TypeElement source, List<Wrapper> wrappers) {
    String simple = source.getSimpleName().toString();
    Set<List<Type>> signatures = new HashSet<>();
    for (Entry e : entries) {
      signatures.add(parameterTypes(e, false));
    }
    Set<Entry> calledByWrapper = Collections.newSetFromMap(new IdentityHashMap<>());
    wrappers.forEach(w -> calledByWrapper.add(w.flat()));
    // The shape checks of a gradient over record components name what the user wrote: self.layers[i].w.
    Map<Entry, Map<Integer, String>> names = new IdentityHashMap<>();
    wrappers.forEach(w -> names.put(w.flat(), ShapeNames.of(w.shapes())));
    List<Member> out = new ArrayList<>();
    for (Entry e : entries) {
      if (isVector(e)) {
        out.add(new Member.Method(vjp(e, simple)));
        if (accumulates(e)) {
          out.add(new Member.Method(vjpAccumulate(e, simple, names.getOrDefault(e, Map.of()))));
        }
        out.add(new Member.Record(ResultRecords.vjp(e, grad)));
        if (!e.hidden()) {
          // Behind a record wrapper the public rJacobian calls the private rVjp itself.
          out.add(new Member.Method(new JacobianMethod(e, grad, source).method()));
          out.add(new Member.Record(ResultRecords.jacobian(e, grad)));
        }
        if (PrimalCopy.needed(e)) {
          out.add(new Member.Method(PrimalCopy.method(e))); // for the Jacobian, here or the wrapper's
        }
        if (e.jvp() != null) {
          out.add(new Member.Method(jvp(e, simple)));
          out.add(new Member.Record(ResultRecords.vectorJvp(e, grad)));
        }
        continue;
      }
      // Another method of the same name and these parameter types would clash with it.
      boolean accumulates =
          (!e.hidden() || calledByWrapper.contains(e))
              && !e.grad().accumulators().isEmpty()
              && !signatures.contains(parameterTypes(e, true));
      if (accumulates) {
        out.add(new Member.Method(delegating(e, simple)));
        out.add(new Member.Method(accumulate(e, simple, names.getOrDefault(e, Map.of()))));
      } else {
        out.add(new Member.Method(gradient(e, simple)));
      }
      out.add(new Member.Record(ResultRecords.gradient(e, grad)));
      if (e.hvp() != null) {
        out.add(new Member.Method(gradient(e.hvp(), simple)));
        out.add(new Member.Record(ResultRecords.gradient(e.hvp(), grad)));
        if (!e.hidden() || calledByWrapper.contains(e)) {
          // a recursive helper's tangent gradient is only for its callers' second order
          HessianMethods second = new HessianMethods(e, grad, source);
          out.add(new Member.Method(second.hvp()));
          out.add(new Member.Method(second.hessian()));
          out.add(new Member.Record(ResultRecords.hvp(e, grad)));
          out.add(new Member.Record(ResultRecords.hessian(e, grad)));
        }
      }
      if (e.jvp() != null) {
        out.add(new Member.Method(jvp(e, simple)));
        out.add(new Member.Record(ResultRecords.jvp(e, grad)));
      }
    }
    Map<TypeElement, String> tangents = WrapperRecords.tangentNames(wrappers);
    for (Wrapper w : wrappers) {
      WrapperMethods methods = new WrapperMethods(w, tangents, grad, source);
      if (isVector(w.flat())) {
        out.add(new Member.Method(methods.vjp()));
        out.add(new Member.Record(WrapperRecords.vjp(w, grad, tangents)));
        out.add(new Member.Method(methods.jacobian()));
        out.add(new Member.Record(ResultRecords.jacobian(w.record() + "Jacobian", grad, w.flat().model().name() + "Jacobian")));
        if (w.flat().jvp() != null) {
          out.add(new Member.Method(methods.jvp()));
        }
        continue;
      }
      out.add(new Member.Method(methods.gradient()));
      out.add(new Member.Record(WrapperRecords.result(w, grad, tangents)));
      if (w.flat().jvp() != null) {
        out.add(new Member.Method(methods.jvp()));
      }
      // An array of records' gradient is an array of tangent records, which nothing adds into
      // unless they hold the elements' own arrays (LayerTangent[]).
      if (!w.flat().grad().accumulators().isEmpty() && w.shapes().stream().allMatch(s -> WrapperRecords.addsInPlace(s, w.flat()))) {
        out.add(new Member.Method(methods.accumulate()));
      }
      if (w.flat().hvp() != null) {
        out.add(new Member.Method(methods.hvp()));
        out.add(new Member.Method(methods.hessian()));
      }
    }
    for (Map.Entry<TypeElement, String> t : tangents.entrySet()) {
      out.add(new Member.Record(WrapperRecords.tangent(t.getKey(), t.getValue(), tangents, grad)));
    }
    return out;
  }

  /** {@code rJacobian}'s record: {@code RJacobian}. */
  public static String jacobianRecord(Entry e) {
    return e.record() + "Jacobian";
  }

  /** {@code mHvp}'s record: {@code LossHvp}, also for a record wrapper's private gradient ({@code _Loss}). */
  public static String hvpRecord(Entry e) {
    return secondOrderBase(e) + "Hvp";
  }

  /** {@code mHessian}'s record: {@code LossHessian}. */
  public static String hessianRecord(Entry e) {
    return secondOrderBase(e) + "Hessian";
  }

  private static String secondOrderBase(Entry e) {
    // A record wrapper's private gradient over the components ({@code _price}): its second-order
    // methods are private too, over the components, and the wrapper's public ones call them.
    return e.hidden() ? e.record().substring(1) : e.record();
  }

  /** {@code lossHvp}, or {@code _lossHvp} behind a record wrapper. */
  public static String secondOrderName(Entry e, String suffix) {
    return (e.hidden() ? "_" : "") + e.model().name() + suffix;
  }

  /** Whether {@code e} is a method returning {@code double[]}. */
  public static boolean isVector(Entry e) {
    return e.model().element().getReturnType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
  }

  private static List<Type> parameterTypes(Entry e, boolean accumulate) {
    List<Type> types = new ArrayList<>();
    e.model().params().forEach(p -> types.add(p.type()));
    if (accumulate) {
      e.grad().accumulators().forEach(v -> types.add(v.type()));
    }
    return List.copyOf(types);
  }

  // Example: public static Loss loss(double a, double b) { ...; return new Loss(_value, _d_a, _d_b); }
  /** The record method that runs both sweeps itself. */
  public static IrMethod gradient(Entry e, String simple) {
    return recordMethod(e, simple, taped(e.grad()), sweeps(e));
  }

  /**
   * Both sweeps, then {@code return new R(value, gradients...)}: the declarations, the gradient
   * arrays (a loop whose reverse runs inside it adds into them at once), the forward sweep and
   * the reverse sweep; no reverse sweep where the forward sweep always throws.
   */
  private static List<Stmt> sweeps(Entry e) {
    MethodModel m = e.model();
    GradMethod g = e.grad();
    List<Stmt> body = new ArrayList<>(g.declarations());
    body.addAll(g.allocations());
    body.addAll(g.forward());
    if (!throwsAlways(g.forward())) {
      body.addAll(g.reverse());
      List<Expr> args = new ArrayList<>();
      args.add(Narrowing.to(m.resultType(), g.value()));
      for (int i = 0; i < g.gradients().size(); i++) {
        // A float parameter's gradient known to be zero is 0.0f.
        args.add(Narrowing.to(m.independents().get(i).type(), g.gradients().get(i)));
      }
      body.add(new Stmt.ReturnRecord(e.record(), args));
    }
    return body;
  }

  // Example: public static RVjp rVjp(double[] p, double t, double[] cotangent) { ...; return new RVjp(_result, _d_p, _d_t); }
  /** {@code rVjp}: the gradient of the value's dot product with the cotangent, its last parameter. */
  private static IrMethod vjp(Entry vector, String simple) {
    Entry e = vector.hvp();
    MethodModel m = e.model();
    Var u = m.params().get(m.params().size() - 1);
    List<Object> doc = new ArrayList<>();
    doc.addAll(List.of("The value of {@code " + simple + "." + Docs.signature(vector.model()) + "} and a"
        + " vector-Jacobian product: the gradient of the value's dot product with {@code ", u, "}, with respect to "
        + Docs.withRespectTo(e) + ", by one reverse sweep.\n\n"));
    for (Var p : m.params()) {
      if (p == u) {
        doc.addAll(List.of("@param ", p, " a weight for each element of the value, as many as it has\n"));
      } else {
        paramDoc(p, m, simple, doc);
      }
    }
    doc.add("@return the value and the vector-Jacobian product\n");
    doc.addAll(List.of("@throws IllegalArgumentException if {@code ", u, "} and the value differ in length\n"));
    // With an accumulate overload it runs that one on fresh arrays, as the gradient's record method does.
    boolean delegates = accumulates(vector);
    return new IrMethod(
        e.name(), !e.hidden(), TypeRef.record(e.record()), m.params(), false, !delegates && taped(e.grad()),
        delegates ? delegatingBody(e) : sweeps(e), doc, m.owner());
  }

  /** Whether {@code vector}'s rVjp has an accumulate overload. */
  private static boolean accumulates(Entry vector) {
    return !vector.hidden() && !vector.hvp().grad().accumulators().isEmpty();
  }

  // Example: public static Loss loss(double[] w) { double[] _d_w = new double[w.length];
  //              double _value = loss(w, _d_w); return new Loss(_value, _d_w); }
  /** The record method of one that has an accumulate overload: fresh arrays, then that one. */
  private static IrMethod delegating(Entry e, String simple) {
    return recordMethod(e, simple, false, delegatingBody(e));
  }

  private static List<Stmt> delegatingBody(Entry e) {
    MethodModel m = e.model();
    GradMethod g = e.grad();
    List<Stmt> body = new ArrayList<>(g.allocations());
    List<Expr> args = new ArrayList<>();
    m.params().forEach(p -> args.add(Exprs.ref(p)));
    g.accumulators().forEach(v -> args.add(Exprs.ref(v)));
    Var value = g.value() instanceof Expr.Ref r ? r.var() : Var.temp("_value", m.resultType());
    body.add(new Stmt.Declare(value, new Expr.SelfCall(e.name(), args, value.type())));
    List<Expr> record = new ArrayList<>();
    record.add(Exprs.ref(value));
    record.addAll(g.gradients());
    body.add(new Stmt.ReturnRecord(e.record(), record));
    return body;
  }

  /** {@code public static Loss loss(double a, double b)}, with its javadoc. */
  private static IrMethod recordMethod(Entry e, String simple, boolean taped, List<Stmt> body) {
    MethodModel m = e.model();
    List<Object> doc = new ArrayList<>();
    if (Docs.isTangent(m)) {
      // Example: the tangent of C.cube(double, double) along _t_x, _t_y, and its gradient
      doc.add("The tangent of {@code " + simple + "." + Docs.signature(m) + "} along " + Docs.tangentList(m)
          + ", its directional derivative, and the gradient of that tangent: with respect to the method's"
          + " parameters the Hessian times the tangents, with respect to the tangents the method's gradient."
          + " For the second order of {@code " + m.name() + "} and of its callers.\n\n");
    } else {
      doc.add("The value of {@code " + simple + "." + Docs.signature(m) + "} and its gradient with respect to "
          + Docs.withRespectTo(e) + ".\n\n");
    }
    paramDocs(m, simple, doc);
    doc.add(Docs.isTangent(m) ? "@return the tangent and its gradient\n" : "@return the value and the gradient\n");
    // double... xs stays varargs, so that callers call the gradient as they call the method.
    boolean varargs = m.element().isVarArgs() && m.params().size() == m.element().getParameters().size();
    return new IrMethod(
        e.name(), !e.hidden(), TypeRef.record(e.record()), m.params(), varargs, taped, body, doc, m.owner());
  }

  // Example: public static double loss(double[] w, double[][] x, double[] _d_w) { ...; return _value; }
  /** The accumulate overload: the gradient added into the caller's arrays. */
  private static IrMethod accumulate(Entry e, String simple, Map<Integer, String> names) {
    MethodModel m = e.model();
    GradMethod g = e.grad();
    List<Var> accumulators = g.accumulators();
    List<Object> doc = new ArrayList<>();
    doc.add("The value of {@code " + simple + "." + Docs.signature(m) + "}, after adding its gradient with respect to "
        + Docs.withRespectTo(e) + " into ");
    for (int i = 0; i < accumulators.size(); i++) {
      doc.addAll(List.of(i == 0 ? "{@code " : ", {@code ", accumulators.get(i), "}"));
    }
    doc.add(", arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no"
        + " allocation. Nothing is zeroed.\n\n");
    paramDocs(m, simple, doc);
    for (int i = 0; i < accumulators.size(); i++) {
      doc.addAll(List.of("@param ", accumulators.get(i), " where the gradient with respect to {@code "
          + m.independents().get(i).name() + "} is added\n"));
    }
    doc.add("@return the value of {@code " + m.name() + "}\n");
    doc.add(SHAPE_THROWS);
    doc.add("@see #" + m.name() + "\n");
    List<Var> params = new ArrayList<>(m.params());
    params.addAll(accumulators);
    return new IrMethod(
        e.name(), !e.hidden(), TypeRef.of(m.resultType()), params, false, taped(g), accumulating(e, names), doc, m.owner());
  }

  private static final String SHAPE_THROWS =
      "@throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the"
          + " method reads\n";

  // Example: public static double[] rVjp(double[] p, double[] t, double[] cotangent, double[] _d_p) { ...; return _result; }
  /** {@code rVjp}'s accumulate overload: the vector-Jacobian product added into the caller's arrays. */
  private static IrMethod vjpAccumulate(Entry vector, String simple, Map<Integer, String> names) {
    Entry e = vector.hvp();
    MethodModel m = e.model();
    List<Var> accumulators = e.grad().accumulators();
    Var u = m.params().get(m.params().size() - 1);
    List<Object> doc = new ArrayList<>();
    doc.addAll(List.of("The value of {@code " + simple + "." + Docs.signature(vector.model()) + "}, after adding the"
        + " vector-Jacobian product with {@code ", u, "} into "));
    for (int i = 0; i < accumulators.size(); i++) {
      doc.addAll(List.of(i == 0 ? "{@code " : ", {@code ", accumulators.get(i), "}"));
    }
    doc.add(", arrays the caller owns, shaped like those parameters: for summing products over a batch with no"
        + " allocation. Nothing is zeroed.\n\n");
    for (Var p : m.params()) {
      if (p == u) {
        doc.addAll(List.of("@param ", p, " a weight for each element of the value, as many as it has\n"));
      } else {
        paramDoc(p, m, simple, doc);
      }
    }
    for (int i = 0; i < accumulators.size(); i++) {
      doc.addAll(List.of("@param ", accumulators.get(i), " where the product's part for {@code "
          + m.independents().get(i).name() + "} is added\n"));
    }
    doc.add("@return the value\n");
    doc.addAll(List.of("@throws IllegalArgumentException if {@code ", u, "} and the value differ in length, or a"
        + " gradient array is not shaped like its parameter, or is an array the method reads\n@see #" + vector.name() + "Vjp\n"));
    List<Var> params = new ArrayList<>(m.params());
    params.addAll(accumulators);
    return new IrMethod(
        e.name(), true, TypeRef.of(new Type(Type.Prim.DOUBLE, 1)), params, false, taped(e.grad()), accumulating(e, names), doc,
        m.owner());
  }

  /**
   * The accumulate overload's body: each gradient array checked against its parameter's shape and
   * against the arrays of its type the method reads, then both sweeps adding into them, then the value.
   */
  private static List<Stmt> accumulating(Entry e, Map<Integer, String> names) {
    GradMethod g = e.grad();
    List<Stmt> body = new ArrayList<>();
    for (int i = 0; i < g.accumulators().size(); i++) {
      Var p = e.model().independents().get(i);
      if (Shapes.checked(p.type())) {
        String name = names.getOrDefault(e.model().params().indexOf(p), p.name());
        body.add(Shapes.require(name, p, g.accumulators().get(i)));
        for (Var other : e.model().params()) {
          String otherName = names.getOrDefault(e.model().params().indexOf(other), other.name());
          // Arrays gathered from an array of records are the wrapper's own: no caller's array is one.
          // A double[] gradient may be a row of a double[][] the method reads, and the other way round.
          if (other != p && Shapes.mayShare(other.type(), p.type()) && !name.contains("[]") && !otherName.contains("[]")) {
            body.add(Shapes.apart(name, g.accumulators().get(i), otherName, other));
          }
        }
      }
    }
    body.addAll(g.declarations());
    body.addAll(g.forward());
    if (!throwsAlways(g.forward())) {
      body.addAll(g.reverse());
      body.add(new Stmt.Return(g.value()));
    }
    return body;
  }

  // Example: public static FJvp fJvp(double x, double y, double _t_x, double _t_y) {
  //              ...; return new FJvp(x * y, _t_x * y + x * _t_y); }
  /** {@code mJvp}: forward mode, the source's parameters and then one tangent per differentiated one. */
  public static IrMethod jvp(Entry e, String simple) {
    MethodModel m = e.model();
    List<Object> doc = new ArrayList<>();
    doc.add("The value of {@code " + simple + "." + Docs.signature(m) + "} and its directional derivative along"
        + " the tangents: the sum over " + Docs.withRespectTo(e) + " of the partial derivative with respect to"
        + " each, times its tangent. By forward-mode differentiation, with no tape.\n\n");
    paramDocs(m, simple, doc);
    List<Var> tangents = e.jvp().tangents();
    for (int i = 0; i < tangents.size(); i++) {
      Var t = tangents.get(i);
      String p = m.independents().get(i).name();
      doc.addAll(List.of("@param ", t, m.independents().get(i).type().isArray()
          ? " the tangent of {@code " + p + "}, shaped like it; where the method writes into {@code " + p
              + "}, the same elements of this array get the tangents of the values written\n"
          : " the tangent of {@code " + p + "}: the direction's component along it\n"));
    }
    doc.add("@return the value and the directional derivative\n@see #" + (isVector(e) ? e.name() + "Vjp" : m.name())
        + "\n");
    List<Var> params = new ArrayList<>(m.params());
    params.addAll(tangents);
    String name = (e.hidden() ? "_" : "") + m.name() + "Jvp"; // hidden: behind a record wrapper
    // Its variables keep their names, as before: the source's parameters and locals, as written.
    return new IrMethod(
        name, !e.hidden(), TypeRef.record(e.jvpRecord()), params, false, false, e.jvp().body(), doc, null);
  }

  private static void paramDocs(MethodModel m, String simple, List<Object> doc) {
    for (Var p : m.params()) {
      paramDoc(p, m, simple, doc);
    }
  }

  private static void paramDoc(Var p, MethodModel m, String simple, List<Object> doc) {
    if (p.kind() == Var.Kind.TANGENT && p.primal() != null) {
      doc.addAll(List.of("@param ", p, " the tangent of {@code " + p.primal().name() + "}, the direction's component"
          + " along it\n"));
      return;
    }
    doc.addAll(List.of("@param ", p, " the argument {@code " + p.name() + "} of {@code " + simple + "." + m.name()
        + "}\n"));
  }

  /** Whether the method saves anything on the tape: then its body runs in the tape's bracket. */
  private static boolean taped(GradMethod g) {
    return g.declarations().stream().anyMatch(s -> s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.TAPE);
  }

  /** Whether {@code stmts} always end in a throw: then no reverse sweep follows them. */
  public static boolean throwsAlways(List<Stmt> stmts) {
    return stmts.stream().anyMatch(s -> s instanceof Stmt.Throw);
  }

  /**
   * For each generated method, the entry whose source method it runs: the one that shares a
   * parameter with it (every generated method takes its source method's parameters as they
   * are), the first such in {@code entries}, or for the public face of a method over records, its
   * entry by name; null if none. Each parameter is looked up in one map, built once per class,
   * not searched for in every entry for every method.
   */
  public static Function<IrMethod, Entry> sources(List<Entry> entries, List<Wrapper> wrappers) {
    Map<Var, Integer> first = new IdentityHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      for (Entry part = entries.get(i); part != null; part = part.hvp()) {
        for (Var p : part.model().params()) {
          first.putIfAbsent(p, i);
        }
      }
    }
    List<Entry> all = List.copyOf(entries);
    return m -> {
      for (Wrapper w : wrappers) {
        String base = w.flat().name().substring(1); // _price behind price
        if (List.of(base, base + "Jvp", base + "Hvp", base + "Hessian").contains(m.name())
            && w.flat().model().params().size() > 0
            && !m.params().contains(w.flat().model().params().get(0))) {
          return w.flat();
        }
      }
      int found = all.size();
      for (Var q : m.params()) {
        found = Math.min(found, first.getOrDefault(q, all.size()));
      }
      return found == all.size() ? null : all.get(found);
    };
  }
}
