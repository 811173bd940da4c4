package io.github.backprop.processor.read;

import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A list of doubles built in the method ({@code List<Double> xs = new ArrayList<>(); xs.add(x *
 * x); ... xs.get(i)}), held as an {@code ArrayList} holds it: an array that grows by half again
 * when full, and a count. {@code add}, {@code get}, {@code set}, {@code size}, {@code isEmpty},
 * {@code clear} and an enhanced {@code for} read as the array operations they are, so every mode
 * differentiates them; {@code get} and {@code set} check the index against the count as the list
 * does. Any other use of the list is an error naming what works.
 */
final class BuiltLists extends SessionPart {
  /** A list local: the array of its elements and their count. */
  record Built(Var array, Var size, String name) {}

  private static final Owner OBJECTS = new Owner("java.util", "Objects");

  private static final String USES = "add(v), get(i), set(i, v), size(), isEmpty(), clear(), Collections.max and min, and an enhanced for";

  private BuiltLists(ReadSession session) {
    super(session);
  }

  static BuiltLists of(ReadSession session) {
    BuiltLists lists = new BuiltLists(session);
    lists.join();
    return lists;
  }

  /** The list {@code t} names, or null. */
  static Built named(ReadSession session, ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Built b ? b : null;
  }

  /** Whether {@code t} is {@code List<Double>} or {@code ArrayList<Double>}, or an {@code ArrayList<>} to infer. */
  static boolean isListOfDoubles(Tree t) {
    if (!(t instanceof ParameterizedTypeTree p) || !Set.of("List", "ArrayList").contains(simpleName(p.getType()))) {
      return false;
    }
    return p.getTypeArguments().isEmpty() && simpleName(p.getType()).equals("ArrayList")
        || p.getTypeArguments().size() == 1 && simpleName(p.getTypeArguments().get(0)).equals("Double");
  }

  private static String simpleName(Tree t) {
    return t instanceof IdentifierTree id ? id.getName().toString()
        : t instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
  }

  /**
   * {@code List<Double> xs = new ArrayList<>();} (or {@code var xs = new ArrayList<Double>()}, a
   * capacity given): {@code double[] xs = new double[10]; int _xs_size = 0;}. Null for any other
   * declaration.
   */
  Stmt declare(VariableTree v) {
    boolean inferred = v.getType() == null || types.isVar(v.getType());
    ExpressionTree init = v.getInitializer();
    boolean newList = init instanceof NewClassTree n && isListOfDoubles(n.getIdentifier()) && n.getClassBody() == null
        && (n.getArguments().isEmpty() || n.getArguments().size() == 1 && !(n.getArguments().get(0) instanceof NewClassTree));
    if (inferred ? !(newList && init instanceof NewClassTree n && n.getIdentifier() instanceof ParameterizedTypeTree p
        && !p.getTypeArguments().isEmpty()) : !isListOfDoubles(v.getType())) {
      return null;
    }
    boolean fromData = init instanceof IdentifierTree
        || init instanceof com.sun.source.tree.MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
            && !(ms.getExpression() instanceof IdentifierTree id && resolver.type(id) != null);
    if (!newList && fromData && !inferred) {
      return null; // List<Double> g = groups.get(k): a list of data, read as it is given
    }
    if (!newList) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a list of doubles built in the method must start as a new, empty ArrayList ('new ArrayList<>()'),"
              + " which backprop holds as a growing double[]; " + (init == null ? "this one is declared without it"
              : "'" + init + "' is not one") + ": add its values one by one",
          init == null ? v : init,
          unit);
    }
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    NewClassTree n = (NewClassTree) init;
    List<? extends ExpressionTree> listed = n.getArguments().isEmpty() ? null : listed(n.getArguments().get(0));
    if (listed != null && !listed.isEmpty()) {
      return copied(name, listed); // new ArrayList<>(List.of(a, b, c))
    }
    Expr capacity = n.getArguments().isEmpty() || listed != null ? Expr.Literal.ofInt(10) : expressions.value(n.getArguments().get(0));
    if (capacity.type() == null || !Type.INT.acceptsByWidening(capacity.type())) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an ArrayList of doubles is made here from '" + n.getArguments().get(0) + "', which backprop cannot"
              + " read element by element: start it empty, or from List.of(a, b, c) or Arrays.asList(a, b, c)",
          n.getArguments().get(0),
          unit);
    }
    if (!n.getArguments().isEmpty()) {
      // new ArrayList<>(-1) throws this; new double[-1] would throw a NegativeArraySizeException
      capacity = arrays.settled(capacity, "_capacity");
      Expr.Foreign thrown = new Expr.Foreign(
          List.of("new ", new Owner("java.lang", "IllegalArgumentException"), "(\"Illegal Capacity: \" + ", capacity, ")"), null);
      session.prelude.add(new Stmt.If(new Expr.Binary(Op.LT, capacity, Expr.Literal.ofInt(0), Type.BOOLEAN),
          new Stmt.Block(List.of(new Stmt.Throw(thrown))), new Stmt.Block(List.of())));
    }
    Var array = new Var(name, Type.DOUBLE.arrayOf(), Var.Kind.LOCAL);
    Var size = Var.temp("_" + name + "_size", Type.INT);
    session.prelude.add(new Stmt.Declare(array, new Expr.NewArray(array.type(), List.of(capacity), List.of())));
    scopes.peek().put(name, new Built(array, size, name));
    return new Stmt.Declare(size, Expr.Literal.ofInt(0));
  }

  /** The values of {@code List.of(a, b, c)} or {@code Arrays.asList(a, b, c)}, else null. */
  private List<? extends ExpressionTree> listed(ExpressionTree e) {
    if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree s) {
      javax.lang.model.element.TypeElement owner = resolver.type(s.getExpression());
      String method = owner == null ? "" : owner.getQualifiedName() + "." + s.getIdentifier();
      if (method.equals("java.util.List.of") || method.equals("java.util.Arrays.asList")) {
        return call.getArguments();
      }
    }
    return null;
  }

  /** {@code new ArrayList<>(List.of(a, b, c))}: {@code double[] xs = {a, b, c};}, full, its size 3. */
  private Stmt copied(String name, List<? extends ExpressionTree> values) {
    List<Expr> elements = new ArrayList<>();
    for (ExpressionTree t : values) {
      Expr e = expressions.value(t);
      if (e.type() == null || !Type.DOUBLE.acceptsByWidening(e.type())) {
        throw reporter.abort(Tag.UNSUPPORTED,
            "an ArrayList of doubles is given '" + t + "', which is no number: pass the numbers themselves", t, unit);
      }
      elements.add(element(e, t));
    }
    Var array = new Var(name, Type.DOUBLE.arrayOf(), Var.Kind.LOCAL);
    Var size = Var.temp("_" + name + "_size", Type.INT);
    session.prelude.add(new Stmt.Declare(array, new Expr.NewArray(array.type(), List.of(), elements)));
    scopes.peek().put(name, new Built(array, size, name));
    return new Stmt.Declare(size, Expr.Literal.ofInt(elements.size()));
  }

  /** {@code xs.add(v)}, {@code xs.get(i)} and the other operations of a list built in the method; {@code args} read. */
  Expr call(Built b, String name, List<Expr> args, MethodInvocationTree t) {
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    Expr array = new Expr.Ref(b.array());
    Expr size = new Expr.Ref(b.size());
    switch (name + "/" + args.size()) {
      case "add/1" -> {
        Expr v = element(args.get(0), t);
        // full: grow by half again, as ArrayList does, the elements copied
        Var copy = Var.temp("_grown", b.array().type());
        Expr length = new Expr.Binary(Op.ADD, new Expr.Length(array),
            new Expr.Binary(Op.ADD, new Expr.Binary(Op.SHR, new Expr.Length(array), Expr.Literal.ofInt(1), Type.INT), Expr.Literal.ofInt(1), Type.INT), Type.INT);
        List<Stmt> grow = new ArrayList<>(ArrayMethods.copy(copy, array, null, length));
        grow.add(new Stmt.Assign(b.array(), null, new Expr.Ref(copy)));
        session.prelude.add(new Stmt.If(new Expr.Binary(Op.EQ, size, new Expr.Length(array), Type.BOOLEAN), new Stmt.Block(grow), new Stmt.Block(List.of())));
        session.prelude.add(new Stmt.Store(new Expr.Index(array, size, Type.DOUBLE), null, v));
        session.prelude.add(new Stmt.Assign(b.size(), Op.ADD, Expr.Literal.ofInt(1)));
        return done();
      }
      case "get/1" -> {
        return new Expr.Index(array, checked(args.get(0), size), Type.DOUBLE);
      }
      case "set/2" -> {
        Expr at = checked(args.get(0), size);
        session.prelude.add(new Stmt.Store(new Expr.Index(array, at, Type.DOUBLE), null, element(args.get(1), t)));
        return done();
      }
      case "size/0" -> {
        return size;
      }
      case "isEmpty/0" -> {
        return new Expr.Binary(Op.EQ, size, Expr.Literal.ofInt(0), Type.BOOLEAN);
      }
      case "clear/0" -> {
        session.prelude.add(new Stmt.Assign(b.size(), null, Expr.Literal.ofInt(0)));
        return done();
      }
      default -> throw unsupported(b, t);
    }
  }

  /**
   * {@code Collections.max(xs)} or {@code min} of a list built in the method: the first largest (or
   * smallest) element in {@code Double.compare}'s order, as the list's iterator finds it; an empty
   * list throws what Collections throws. Any other method given the list is the list's error.
   */
  // Example: if (_xs_size == 0) throw new NoSuchElementException(); double _max = xs[0];
  //          for (int _k = 1; _k < _xs_size; _k++) if (Double.compare(xs[_k], _max) > 0) _max = xs[_k];
  static Expr given(ReadSession session, MethodInvocationTree t) {
    Built b = t.getArguments().size() == 1 ? named(session, t.getArguments().get(0)) : null;
    return b == null ? null : of(session).given(b, t);
  }

  private Expr given(Built b, MethodInvocationTree t) {
    String method = "";
    if (t.getMethodSelect() instanceof MemberSelectTree s) {
      javax.lang.model.element.TypeElement owner = resolver.type(s.getExpression());
      method = owner == null ? "" : owner.getQualifiedName() + "." + s.getIdentifier();
    }
    boolean max = method.equals("java.util.Collections.max");
    if (!max && !method.equals("java.util.Collections.min")) {
      throw unsupported(b, t.getArguments().get(0));
    }
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    Expr array = new Expr.Ref(b.array());
    Expr size = new Expr.Ref(b.size());
    Expr.Foreign thrown = new Expr.Foreign(List.of("new ", new Owner("java.util", "NoSuchElementException"), "()"), null);
    session.prelude.add(new Stmt.If(new Expr.Binary(Op.EQ, size, Expr.Literal.ofInt(0), Type.BOOLEAN),
        new Stmt.Block(List.of(new Stmt.Throw(thrown))), new Stmt.Block(List.of())));
    Var best = Var.temp(max ? "_max" : "_min", Type.DOUBLE);
    session.prelude.add(new Stmt.Declare(best, new Expr.Index(array, Expr.Literal.ofInt(0), Type.DOUBLE)));
    Var k = Var.temp("_k", Type.INT);
    Expr element = new Expr.Index(array, new Expr.Ref(k), Type.DOUBLE);
    Expr order = new Expr.Foreign(List.of(new Owner("java.lang", "Double"), ".compare(", element, ", ", new Expr.Ref(best), ")"), Type.INT);
    Stmt take = new Stmt.If(new Expr.Binary(max ? Op.GT : Op.LT, order, Expr.Literal.ofInt(0), Type.BOOLEAN),
        new Stmt.Block(List.of(new Stmt.Assign(best, null, element))), new Stmt.Block(List.of()));
    session.prelude.add(new Stmt.Loop(new LoopId(null), List.of(new Stmt.Declare(k, Expr.Literal.ofInt(1))),
        new Expr.Binary(Op.LT, new Expr.Ref(k), size, Type.BOOLEAN), List.of(new Stmt.Assign(k, Op.ADD, Expr.Literal.ofInt(1))),
        new Stmt.Block(List.of(take)), true));
    return new Expr.Ref(best);
  }

  /** The list's own error: {@code t} uses it other than through its supported operations. */
  AbortMethod unsupported(Built b, Tree t) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "backprop holds the list '" + b.name() + "' built in this method as a growing double[], read through "
            + USES + "; '" + t + "' is none of these: copy its values into a double[] (one by one) and use that",
        t,
        unit);
  }

  private Expr element(Expr v, Tree t) {
    if (v.type() == null || !v.type().isNumeric()) {
      throw reporter.abortQuietly(); // javac: not a Double
    }
    return v.type().equals(Type.DOUBLE) ? v : new Expr.Cast(Type.DOUBLE, v);
  }

  /** {@code Objects.checkIndex(i, size)} held in a local: the list's own check, whose exception Java's list throws. */
  private Expr checked(Expr i, Expr size) {
    Var k = Var.temp("_k", Type.INT);
    session.prelude.add(new Stmt.Declare(k, new Expr.Call(OBJECTS, "checkIndex", List.of(i, size), Type.INT)));
    return new Expr.Ref(k);
  }

  private Expr done() {
    Expr done = new Expr.Foreign(List.of(), null);
    session.inlined.add(done);
    return done;
  }

  /**
   * {@code for (double v : xs)}: {@code for (int _i = 0; _i < _xs_size; _i++) { double v = xs[_i];
   * ... }}. A body that adds to or clears the list is an error, as Java's iterator then throws.
   */
  Stmt loop(EnhancedForLoopTree f, LoopId id, Built b) {
    boolean[] changes = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree c, Void unused) {
        if (c.getMethodSelect() instanceof MemberSelectTree ms && named(session, ms.getExpression()) == b
            && Set.of("add", "clear", "remove").contains(ms.getIdentifier().toString())) {
          changes[0] = true;
        }
        return super.visitMethodInvocation(c, unused);
      }
    }.scan(f.getStatement(), null);
    if (changes[0]) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "the list '" + b.name() + "' is changed inside the enhanced for over it, where Java's iterator throws"
              + " ConcurrentModificationException: loop over an index (for (int i = 0; i < " + b.name() + ".size(); i++))",
          f.getExpression(),
          unit);
    }
    VariableTree v = f.getVariable();
    boolean number = v.getType() == null || types.isVar(v.getType()) || simpleName(v.getType()).equals("Double")
        || v.getType() instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == javax.lang.model.type.TypeKind.DOUBLE;
    String name = v.getName().toString();
    if (!number || session.declaredLocally(name)) {
      throw reporter.abortQuietly(); // javac: incompatible types, or a name declared twice
    }
    Var index = Var.temp("_i", Type.INT);
    scopes.push(new java.util.LinkedHashMap<>());
    List<Stmt> first = new ArrayList<>();
    Stmt.Declare d = new Stmt.Declare(session.declare(name, Type.DOUBLE, Var.Kind.LOCAL), new Expr.Index(new Expr.Ref(b.array()), new Expr.Ref(index), Type.DOUBLE));
    session.remember(d, v);
    first.add(d);
    Stmt.Block body = statements.asBlock(f.getStatement());
    scopes.pop();
    first.addAll(body.statements());
    List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
    Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Ref(b.size()), Type.BOOLEAN);
    List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
    return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
  }
}
