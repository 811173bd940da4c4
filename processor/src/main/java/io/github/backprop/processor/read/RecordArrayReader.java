package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Arrays of records made and used in the method ({@link RecordArray}): {@code Vec3[] vs = {new
 * Vec3(...), ...}} and {@code new Vec3[n]} as one array per component, {@code vs[i] = new
 * Vec3(...)} as a store into each, {@code vs[i]} as the record of the arrays' elements, the
 * enhanced {@code for}, {@code .length}, and such an array passed to a helper.
 */
final class RecordArrayReader extends SessionPart {
  /** Root's: the record array each placeholder expression stands for. */
  private final Map<Expr, RecordArray> holders = new IdentityHashMap<>();

  RecordArrayReader(ReadSession session) {
    super(session);
  }

  /** A placeholder standing for a record array where the reader passes expressions (an argument). */
  Expr holder(RecordArray a) {
    Expr e = new Expr.Foreign(List.of(), null);
    root.records.arrays().holders.put(e, a);
    return e;
  }

  RecordArray arrayOf(Expr e) {
    return e == null ? null : root.records.arrays().holders.get(e);
  }

  /** The record array {@code t} names without running anything; or null. */
  RecordArray named(ExpressionTree t) {
    if (t instanceof ParenthesizedTree p) {
      return named(p.getExpression());
    }
    if (t instanceof com.sun.source.tree.MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree o
        && session.lookupAny(o.getName().toString()) instanceof RecordValue r
        && r.parts.get(ms.getIdentifier().toString()) instanceof RecordArray a) {
      return a; // this.parts, other.parts: an object's field holding an array of records
    }
    return t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof RecordArray a ? a : null;
  }

  /** The record an array type {@code R[]} of one dimension holds; null for any other type. */
  TypeElement elementRecord(Tree type) {
    if (type instanceof ArrayTypeTree a && !(a.getType() instanceof ArrayTypeTree)) {
      TypeElement r = types.recordType(a.getType());
      return Records.isRecord(r) ? r : null;
    }
    return null;
  }

  /**
   * {@code R[] vs = {...};}, {@code R[] vs = new R[n];}, {@code var vs = new R[] {...};} or
   * {@code R[] ws = vs;}: one array per component ({@code vs_x}). Null where the declaration is
   * no such thing (an array of records of data, {@code Sample[] d = data;}).
   */
  Stmt variable(VariableTree v) {
    boolean inferred = v.getType() == null || types.isVar(v.getType());
    ExpressionTree init = v.getInitializer();
    while (init instanceof ParenthesizedTree p) {
      init = p.getExpression();
    }
    TypeElement type = inferred ? null : elementRecord(v.getType());
    if (!inferred && type == null && v.getType() instanceof ArrayTypeTree a && a.getType() instanceof ArrayTypeTree) {
      Tree inner = a.getType();
      while (inner instanceof ArrayTypeTree x) {
        inner = x.getType();
      }
      if (Records.isRecord(types.recordType(inner))) {
        throw twoDimensions(v.getType());
      }
    }
    if (init instanceof NewArrayTree n && n.getType() != null) {
      TypeElement made = types.recordType(n.getType());
      if (!Records.isRecord(made) || (type != null && !type.equals(made)) || (!inferred && type == null)) {
        return null; // javac: incompatible types, or no record
      }
      type = made;
    }
    if (type == null) {
      return null;
    }
    String name = v.getName().toString();
    if (init == null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an array of records must be given its value where it is declared ('" + type.getSimpleName() + "[] "
              + name + " = new " + type.getSimpleName() + "[n];' or '= {new " + type.getSimpleName() + "(...), ...};')",
          v,
          unit);
    }
    if (named(init) != null) {
      if (session.declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      scopes.peek().put(name, named(init)); // a second name for the same arrays, as in Java
      return new Stmt.Block(List.of());
    }
    if (init instanceof com.sun.source.tree.MethodInvocationTree || init instanceof com.sun.source.tree.ConditionalExpressionTree) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an array of " + type.getSimpleName() + " records must be made where it is declared ('new "
              + type.getSimpleName() + "[n]' or '{...}') or name another such array: backprop holds it as one"
              + " array per component, and cannot follow one a call returns or a '?:' chooses; make it"
              + " here and fill it (in a helper that takes it, if you like), or choose its elements",
          init,
          unit);
    }
    if (!(init instanceof NewArrayTree n)) {
      return null;
    }
    List<Records.Component> cs = components(type, n);
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    RecordArray made;
    if (n.getInitializers() != null) {
      if (n.getDimensions().size() > 1 || n.getInitializers().stream().anyMatch(e -> e instanceof NewArrayTree)) {
        throw twoDimensions(n);
      }
      List<RecordValue> elements = new ArrayList<>();
      for (ExpressionTree e : n.getInitializers()) {
        elements.add(elementValue(type, expressions.value(e), e));
      }
      made = initialised(type, cs, name, elements, n);
    } else {
      if (n.getDimensions().size() != 1) {
        throw twoDimensions(n);
      }
      Expr length = expressions.expr(n.getDimensions().get(0));
      if (!Type.INT.acceptsByWidening(length.type()) || length.type().equals(Type.LONG)) {
        throw reporter.abortQuietly();
      }
      made = sized(type, cs, name, arrays.settled(length, "_n"), n);
    }
    scopes.peek().put(name, made);
    return session.lastOfPrelude();
  }

  private AbortMethod twoDimensions(Tree at) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "arrays of records of more than one dimension are not supported: index a one-dimensional"
            + " array yourself (vs[i * n + j])",
        at,
        unit);
  }

  /** The components of a record held in arrays made in the method: numbers and booleans, and records of them. */
  List<Records.Component> components(TypeElement type, Tree at) {
    return components(type, at, false);
  }

  /**
   * As above; {@code given}: an array the method is given (a parameter, an object's field), which
   * it only reads, so its records may also hold arrays ({@code Layer(double[][] w, double[] b)}):
   * the elements' own arrays, one array of them per component ({@code double[][][] layers_w}).
   * An array made in the method may not, since storing an element would share its arrays.
   */
  List<Records.Component> components(TypeElement type, Tree at, boolean given) {
    List<Records.Component> cs = records.componentsOf(type, at);
    for (Records.Component c : cs) {
      if (c.record() != null) {
        components(c.record(), at, given);
      } else if ((c.type().isArray() && !(given && heldArray(c.type()))) || c.type().isReference() || c.type().isNarrow()) {
        String held = given
            ? "double, float, int, long, boolean, arrays of double, int or long of one or two dimensions, and records of them"
            : "double, float, int, long, boolean and records of them; an array it is given may also hold arrays";
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array of " + type.getSimpleName() + " records is held as one array per component, and"
                + " component '" + c.name() + "' has type " + c.declared() + ", which backprop cannot"
                + " hold in such an array (it holds " + held + "): keep the " + c.name() + " values in an"
                + " array of their own" + (given || !c.type().isArray() ? "" : ", or take the array of "
                + type.getSimpleName() + " records as a parameter"),
            at,
            unit);
      }
    }
    return cs;
  }

  /**
   * Whether an array component ({@code double[][] w} of {@code record Layer}) can be held in an
   * array of records, as an array of one more dimension ({@code double[][][] layers_w}): arrays
   * of double, int or long of one or two dimensions.
   */
  static boolean heldArray(Type t) {
    return t.isArray() && t.dims() <= 2
        && (t.prim() == Type.Prim.DOUBLE || t.prim() == Type.Prim.INT || t.prim() == Type.Prim.LONG);
  }

  /** {@code {e0, e1}}: per component, {@code double[] vs_x = {e0.x, e1.x};}. */
  private RecordArray initialised(TypeElement type, List<Records.Component> cs, String name, List<RecordValue> elements, Tree at) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (Records.Component c : cs) {
      String n = name + "_" + c.name();
      List<RecordValue> nested = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      for (RecordValue e : elements) {
        Object p = e.parts.get(c.name());
        if (p instanceof RecordValue r) {
          nested.add(r);
        } else {
          values.add(widened((Expr) p, c.type()));
        }
      }
      if (c.record() != null) {
        parts.put(c.name(), initialised(c.record(), components(c.record(), at), n, nested, at));
      } else {
        Var v = new Var(n, c.type().arrayOf(), Var.Kind.LOCAL);
        Expr array = new Expr.NewArray(v.type(), List.of(), values);
        session.position(array, at);
        session.prelude.add(new Stmt.Declare(v, array));
        parts.put(c.name(), v);
      }
    }
    return new RecordArray(type, parts);
  }

  private static Expr widened(Expr e, Type to) {
    if (e instanceof Expr.Literal l && l.value() instanceof Number num && to.isFloating() && !l.type().isFloating()) {
      return new Expr.Literal(to.equals(Type.DOUBLE) ? (Object) num.doubleValue() : (Object) num.floatValue(), to);
    }
    return e;
  }

  /** {@code new R[n]}: per component, {@code double[] vs_x = new double[n];}. */
  private RecordArray sized(TypeElement type, List<Records.Component> cs, String name, Expr length, Tree at) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (Records.Component c : cs) {
      String n = name + "_" + c.name();
      if (c.record() != null) {
        parts.put(c.name(), sized(c.record(), components(c.record(), at), n, length, at));
      } else {
        Var v = new Var(n, c.type().arrayOf(), Var.Kind.LOCAL);
        session.prelude.add(new Stmt.Declare(v, new Expr.NewArray(v.type(), List.of(length), List.of())));
        parts.put(c.name(), v);
      }
    }
    return new RecordArray(type, parts);
  }

  /** A value put into an array of {@code type} records: a record of that type. */
  private RecordValue elementValue(TypeElement type, Expr value, ExpressionTree at) {
    if (isData(value) && value.type().ref().equals(Resolver.owner(type))) {
      value = records.aggregate(records.fromData(value, type, at));
    }
    RecordValue r = records.aggregateOf(value);
    if (r == null && isNull(at)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an element of an array of records cannot be null in a differentiable method: backprop"
              + " holds the array as one array per component; give it a " + type.getSimpleName(),
          at,
          unit);
    }
    if (r == null || !r.type.equals(type)) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    return r;
  }

  /** {@code vs[i]}: the record of the arrays' elements {@code i}, read where it is used. */
  RecordValue element(RecordArray a, ArrayAccessTree t) {
    Expr index = expressions.expr(t.getIndex());
    if (!index.type().equals(Type.INT) && !Type.INT.acceptsByWidening(index.type())) {
      throw reporter.abortQuietly();
    }
    if (session.prelude == null && !(index instanceof Expr.Ref || index instanceof Expr.Literal)) {
      throw session.noPrelude(t);
    }
    return element(a, arrays.settled(index, "_k"));
  }

  RecordValue element(RecordArray a, Expr index) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (Map.Entry<String, Object> p : a.parts.entrySet()) {
      parts.put(p.getKey(), p.getValue() instanceof RecordArray nested
          ? element(nested, index)
          : new Expr.Index(new Expr.Ref((Var) p.getValue()), index));
    }
    return new RecordValue(a.type, parts);
  }

  /** {@code vs[i] = r;}: each component stored into its array, the index evaluated first. */
  Stmt store(AssignmentTree a, ArrayAccessTree target) {
    RecordArray array = named(target.getExpression());
    if (array.arrays().stream().anyMatch(root.recordArrays::contains)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "writing into the array of " + array.name() + " records the method is given ('" + target + "') is"
              + " not supported: a differentiable method leaves the records it is given as they are; make an"
              + " array of its own (" + array.name() + "[] copy = new " + array.name() + "[" + target.getExpression()
              + ".length];), copy the elements and write the copy",
          a,
          unit);
    }
    Expr index = expressions.expr(target.getIndex());
    if (!Type.INT.acceptsByWidening(index.type()) || index.type().equals(Type.LONG)) {
      throw reporter.abortQuietly();
    }
    index = arrays.settled(index, "_k");
    ExpressionTree unwrapped = a.getExpression();
    while (unwrapped instanceof ParenthesizedTree p) {
      unwrapped = p.getExpression();
    }
    // vs[i] = new R(...): the arguments go straight into the arrays, held only where one reads them
    com.sun.source.tree.NewClassTree made =
        unwrapped instanceof com.sun.source.tree.NewClassTree n && array.type.equals(resolver.type(n.getIdentifier())) ? n : null;
    Read<Expr> read = session.apart(() -> made != null
        ? records.aggregate(records.newRecord(made, array.type, null, false))
        : expressions.value(a.getExpression()));
    if (index instanceof Expr.Ref r && Walk.assigned(read.before()).contains(r.var())) {
      Var k = Var.temp("_k", Type.INT);
      session.prelude.add(new Stmt.Declare(k, index));
      index = new Expr.Ref(k);
    }
    session.prelude.addAll(read.before());
    RecordValue value = elementValue(array.type, read.value(), a.getExpression());
    storeParts(array, value, index, new java.util.HashSet<>(array.arrays()));
    return session.lastOfPrelude();
  }

  /** Each component's store; a value that reads the arrays ({@code vs[i] = new R(vs[i].y(), ...)}) is held first. */
  private void storeParts(RecordArray array, RecordValue value, Expr index, java.util.Set<Var> arrays) {
    List<Stmt> stores = new ArrayList<>();
    collectStores(array, value, index, arrays, stores);
    session.prelude.addAll(stores);
  }

  private void collectStores(RecordArray array, RecordValue value, Expr index, java.util.Set<Var> arrays, List<Stmt> stores) {
    for (Map.Entry<String, Object> p : array.parts.entrySet()) {
      Object from = value.parts.get(p.getKey());
      if (p.getValue() instanceof RecordArray nested) {
        collectStores(nested, (RecordValue) from, index, arrays, stores);
        continue;
      }
      Var v = (Var) p.getValue();
      Expr e = (Expr) from;
      if (!(e instanceof Expr.Literal) && !(e instanceof Expr.Ref) && !java.util.Collections.disjoint(Walk.vars(e), arrays)) {
        Var held = Var.temp("_" + e.type().prim().keyword().toLowerCase(java.util.Locale.ROOT), e.type());
        session.prelude.add(new Stmt.Declare(held, e));
        e = new Expr.Ref(held);
      }
      stores.add(new Stmt.Store(new Expr.Index(new Expr.Ref(v), index), null, widened(e, v.type().element())));
    }
  }

  /** {@code vs = ws;}: the variable names its arrays for good. */
  AbortMethod reassigned(AssignmentTree a, RecordArray array) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "an array of " + array.name() + " records cannot be given another array in a differentiable"
            + " method: backprop holds it as one array per component; declare a new variable, or"
            + " store the elements (" + a.getVariable() + "[i] = ...)",
        a,
        unit);
  }

  /**
   * {@code for (R v : vs) body} reads as {@code for (int _i = 0; _i < vs_x.length; _i++) {
   * double v_x = vs_x[_i]; ...; body }}.
   */
  Stmt loop(EnhancedForLoopTree f, RecordArray array) {
    LoopId id = loops.enterLoop();
    scopes.push(new LinkedHashMap<>());
    try {
      VariableTree v = f.getVariable();
      TypeElement declared = v.getType() == null || types.isVar(v.getType()) ? array.type : types.recordType(v.getType());
      String name = v.getName().toString();
      if (!array.type.equals(declared) || session.declaredLocally(name)) {
        throw reporter.abortQuietly(); // javac: incompatible types, or a name taken
      }
      Var index = Var.temp("_i", Type.INT);
      List<Stmt> first = new ArrayList<>();
      List<Stmt> outer = session.prelude;
      session.prelude = first;
      RecordValue element;
      try {
        element = records.own(element(array, new Expr.Ref(index)), name, index);
      } finally {
        session.prelude = outer;
      }
      if (!first.isEmpty()) {
        session.remember(first.get(0), v);
        session.sources.put(first.get(0), session.sourceText(v) + " : " + session.sourceText(f.getExpression()));
      }
      scopes.push(new LinkedHashMap<>());
      scopes.peek().put(name, element);
      Stmt.Block body = statements.asBlock(f.getStatement());
      scopes.pop();
      first.addAll(body.statements());
      List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
      Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), array.length(), Type.BOOLEAN);
      List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
      return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
    } finally {
      scopes.pop();
      session.loopScopes.pop();
    }
  }

  /** {@code Arrays.stream(vs)} of an array of records. */
  AbortMethod streamed(Tree t, RecordArray a) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "a stream over an array of " + a.name() + " records ('" + t + "') is not supported: backprop"
            + " holds it as one array per component; write the loop (for (" + a.name() + " v : " + t + ") ...)",
        t,
        unit);
  }

  /** A record array where a number or an object is needed. */
  AbortMethod notHere(Tree t, RecordArray a) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "an array of " + a.name() + " records ('" + t + "') cannot be used here: backprop holds it as"
            + " one array per component; read its elements (" + t + "[i]), its length, loop over it,"
            + " or pass it to a static helper of the compilation that takes a " + a.name() + "[]",
        t,
        unit);
  }
}
