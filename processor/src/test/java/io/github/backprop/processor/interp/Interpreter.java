package io.github.backprop.processor.interp;

import io.github.backprop.Tape;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs IR statements and expressions directly, with Java's semantics, so a pass of the derive
 * stage can be checked without javac: one method per node kind, and a node kind without one
 * fails by name. Variables are bound by identity, as {@link Var}s are compared; arrays are real
 * Java arrays, tapes the runtime's stacks, and calls out of the IR go through a {@link Linker}.
 */
public final class Interpreter {
  /** The value of a variable declared without a value and not yet assigned. */
  private static final Object UNASSIGNED =
      new Object() {
        @Override
        public String toString() {
          return "unassigned";
        }
      };

  private final Linker linker;
  private final Callees callees;
  private final Map<Var, Object> env = new IdentityHashMap<>();
  /** The height of each tape stack when it was declared, to check that pops match pushes. */
  private final Map<Var, Integer> heights = new IdentityHashMap<>();
  /** The method's tape, which stack declarations take their stacks from. */
  private Tape tape;
  /** Loop iterations left before the run gives up: a loop that never ends is no result. */
  private long budget = 200_000;

  public Interpreter(Linker linker, Callees callees) {
    this.linker = linker;
    this.callees = callees;
  }

  public Interpreter(Linker linker) {
    this(linker, Callees.compiled(linker));
  }

  Linker linker() {
    return linker;
  }

  /** Binds {@code v} (a parameter, an accumulator) to {@code value}, converted to its type. */
  public void bind(Var v, Object value) {
    env.put(v, v.type().isArray() || v.type().isReference() ? value : Arith.assign(v.type(), Arith.normal(value)));
  }

  /** The value of {@code v}: an error where it has none. */
  public Object get(Var v) {
    Object value = env.get(v);
    if (value == null && !env.containsKey(v)) {
      throw new InterpreterException("read of " + v + " (" + v.kind() + "), which is not in scope");
    }
    if (value == UNASSIGNED) {
      throw new InterpreterException("read of " + v + " before any value was written into it");
    }
    return value;
  }

  /** Runs {@code body} inside a tape scope, as {@code write/TapeScope} brackets it. */
  public void enterTape() {
    tape = Tape.enter();
  }

  /** Leaves the tape scope, after checking every stack is back at its height at declaration. */
  public void exitTape(boolean check) {
    try {
      if (check) {
        for (Map.Entry<Var, Integer> e : heights.entrySet()) {
          int now = Stacks.size(env.get(e.getKey()));
          if (now != e.getValue()) {
            throw new InterpreterException(
                "tape " + e.getKey() + " holds " + (now - e.getValue()) + " value(s) more at the end than at its declaration");
          }
        }
      }
    } finally {
      tape.exit();
      tape = null;
    }
  }

  // ---------------------------------------------------------------- statements

  /** Runs the statements in order until one does not complete normally. */
  public Completion run(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      Completion c = exec(s);
      if (!c.normal()) {
        return c;
      }
    }
    return Completion.NORMAL;
  }

  /** The node kinds some interpreter has run, {@code Stmt.Push} or {@code Expr.Pop}: what the tests reach. */
  public static final java.util.Set<String> COVERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Completion exec(Stmt s) {
    COVERED.add("Stmt." + s.getClass().getSimpleName());
    if (s instanceof Stmt.Declare d) {
      return declare(d);
    }
    if (s instanceof Stmt.Assign a) {
      return assign(a);
    }
    if (s instanceof Stmt.If f) {
      return ifStatement(f);
    }
    if (s instanceof Stmt.Store st) {
      return store(st);
    }
    if (s instanceof Stmt.Loop l) {
      return loop(l);
    }
    if (s instanceof Stmt.Break b) {
      return Completion.jump(Completion.Kind.BREAK, b.target());
    }
    if (s instanceof Stmt.Continue c) {
      return Completion.jump(Completion.Kind.CONTINUE, c.target());
    }
    if (s instanceof Stmt.Push p) {
      return push(p);
    }
    if (s instanceof Stmt.Invoke i) {
      eval(i.expr());
      return Completion.NORMAL;
    }
    if (s instanceof Stmt.Return r) {
      return Completion.returned(eval(r.value()));
    }
    if (s instanceof Stmt.Throw t) {
      return throwStatement(t);
    }
    if (s instanceof Stmt.Assert a) {
      return assertStatement(a);
    }
    if (s instanceof Stmt.Block b) {
      return run(b.statements());
    }
    if (s instanceof Stmt.Comment) {
      return Completion.NORMAL;
    }
    if (s instanceof Stmt.ReturnRecord r) {
      return returnRecord(r);
    }
    throw new InterpreterException("no interpretation for the statement kind " + s.getClass().getSimpleName() + ": " + s);
  }

  private Completion declare(Stmt.Declare d) {
    Var v = d.var();
    if (v.kind() == Var.Kind.TAPE) {
      if (tape == null) {
        throw new InterpreterException("tape stack " + v + " declared outside a tape scope");
      }
      Object stack = stackOf(v.recordType().record());
      env.put(v, stack);
      heights.put(v, Stacks.size(stack));
      return Completion.NORMAL;
    }
    if (d.init() == null) {
      // The writer gives a scalar source local a default (write/CodeWriter); javac checks the rest.
      env.put(v, v.kind() == Var.Kind.LOCAL && !v.type().isArray() ? defaultValue(v.type()) : UNASSIGNED);
      return Completion.NORMAL;
    }
    env.put(v, valueFor(v, d.init()));
    return Completion.NORMAL;
  }

  private Object stackOf(String of) {
    switch (of) {
      case "doubles":
        return tape.doubles();
      case "ints":
        return tape.ints();
      case "longs":
        return tape.longs();
      case "booleans":
        return tape.booleans();
      case "objects":
        return tape.objects();
      default:
        throw new InterpreterException("no tape stack " + of);
    }
  }

  private static Object defaultValue(Type t) {
    if (t.isReference()) {
      return null;
    }
    return t.prim() == Type.Prim.BOOLEAN ? Boolean.FALSE : Arith.cast(t, 0);
  }

  /** What a declaration or plain assignment writes: a callee's record is its Grad's call. */
  private Object valueFor(Var v, Expr init) {
    if (v.kind() == Var.Kind.RECORD && init instanceof Expr.DiffCall c) {
      return callees.record(c.callee(), evalAll(c.args()));
    }
    Object value = eval(init);
    if (v.kind() == Var.Kind.RECORD || v.kind() == Var.Kind.TAPE) {
      return value;
    }
    return Arith.assign(v.type(), value);
  }

  private Completion assign(Stmt.Assign a) {
    Var v = a.var();
    if (a.op() == null) {
      Object value = valueFor(v, a.value());
      inScope(v);
      env.put(v, value);
      return Completion.NORMAL;
    }
    Object current = get(v);
    Object value = eval(a.value());
    env.put(v, Arith.cast(v.type(), Arith.binary(a.op(), current, value))); // E1 = (T) (E1 op E2)
    return Completion.NORMAL;
  }

  /** Checks {@code v} is declared before a write into it. */
  private void inScope(Var v) {
    if (!env.containsKey(v)) {
      throw new InterpreterException("write of " + v + " (" + v.kind() + "), which is not in scope");
    }
  }

  private Completion store(Stmt.Store st) {
    Object array = eval(st.target().array());
    int index = Arith.index(eval(st.target().index()));
    if (array == null) {
      throw new NullPointerException("interpreted store into null array " + st.target());
    }
    Type element = st.target().type();
    Object value;
    if (st.op() == null) {
      value = Arith.assign(element, eval(st.value()));
    } else {
      Object current = Arith.normal(Array.get(array, index));
      value = Arith.cast(element, Arith.binary(st.op(), current, eval(st.value())));
    }
    Array.set(array, index, forArray(array.getClass().getComponentType(), value));
    return Completion.NORMAL;
  }

  /** A value held as an Integer into a char, byte or short array. */
  private static Object forArray(Class<?> component, Object value) {
    if (component == char.class) {
      return (char) ((Integer) value).intValue();
    }
    if (component == byte.class) {
      return (byte) ((Integer) value).intValue();
    }
    if (component == short.class) {
      return (short) ((Integer) value).intValue();
    }
    return value;
  }

  private Completion ifStatement(Stmt.If f) {
    if (TryShape.of(f) != null) {
      COVERED.add("Stmt.If as a try");
      return new Tries(this).run(f, TryShape.of(f));
    }
    return Arith.truth(eval(f.condition())) ? run(f.then().statements()) : run(f.otherwise().statements());
  }

  /** {@code init}; then body and update while the condition holds, the first test skipped in a do loop. */
  private Completion loop(Stmt.Loop l) {
    Completion c = run(l.init());
    if (!c.normal()) {
      throw new InterpreterException("a loop's init that does not complete: " + c);
    }
    boolean first = true;
    while (true) {
      if ((l.testFirst() || !first) && !Arith.truth(eval(l.condition()))) {
        return Completion.NORMAL;
      }
      first = false;
      if (--budget < 0) {
        throw new OutOfSteps();
      }
      c = run(l.body().statements());
      if (c.kind == Completion.Kind.BREAK && c.target == l.id()) {
        return Completion.NORMAL;
      }
      if (c.kind == Completion.Kind.RETURN || (!c.normal() && c.target != l.id())) {
        return c; // to an enclosing loop, or out of the method
      }
      Completion u = run(l.update());
      if (!u.normal()) {
        throw new InterpreterException("a loop's update that does not complete: " + u);
      }
    }
  }

  private Completion push(Stmt.Push p) {
    Object stack = get(p.tape());
    Stacks.push(stack, eval(p.value()));
    return Completion.NORMAL;
  }

  private Completion throwStatement(Stmt.Throw t) {
    Object e = eval(t.exception());
    if (!(e instanceof Throwable x)) {
      throw new InterpreterException("throw of " + Arith.describe(e));
    }
    throw sneaky(x);
  }

  private Completion assertStatement(Stmt.Assert a) {
    new ForeignCode(this).assertion(a.code());
    return Completion.NORMAL;
  }

  private Completion returnRecord(Stmt.ReturnRecord r) {
    return Completion.returned(new RecordValue(r.record(), null, evalAll(r.args())));
  }

  // ---------------------------------------------------------------- expressions

  public Object eval(Expr e) {
    COVERED.add("Expr." + e.getClass().getSimpleName());
    if (e instanceof Expr.Literal l) {
      return Arith.literal(l.value(), l.type());
    }
    if (e instanceof Expr.Ref r) {
      return ref(r);
    }
    if (e instanceof Expr.Constant c) {
      return c.value() != null ? Arith.literal(c.value(), c.type()) : linker.staticField(c.owner(), c.field());
    }
    if (e instanceof Expr.Unary u) {
      return Arith.unary(u.op(), eval(u.operand()));
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Conditional c) {
      return conditional(c);
    }
    if (e instanceof Expr.Cast c) {
      return Arith.cast(c.type(), eval(c.operand()));
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    if (e instanceof Expr.DiffCall c) {
      return callees.primal(c.callee(), evalAll(c.args()));
    }
    if (e instanceof Expr.GradCall g) {
      return callees.record(g.call().callee(), evalAll(g.call().args()));
    }
    if (e instanceof Expr.Foreign f) {
      return new ForeignCode(this).eval(f);
    }
    if (e instanceof Expr.Component c) {
      return component(get(c.record()), c.accessor());
    }
    if (e instanceof Expr.Index i) {
      return index(i);
    }
    if (e instanceof Expr.Length l) {
      Object array = eval(l.array());
      if (array == null) {
        throw new NullPointerException("interpreted length of null " + l.array());
      }
      return Array.getLength(array);
    }
    if (e instanceof Expr.NewArray n) {
      return newArray(n);
    }
    if (e instanceof Expr.Pop p) {
      return pop(p);
    }
    throw new InterpreterException("no interpretation for the expression kind " + e.getClass().getSimpleName() + ": " + e);
  }

  List<Object> evalAll(List<Expr> es) {
    List<Object> out = new ArrayList<>();
    for (Expr x : es) {
      out.add(eval(x));
    }
    return out;
  }

  private Object ref(Expr.Ref r) {
    Var v = r.var();
    if (v.kind() == Var.Kind.FIELD) {
      return linker.staticField(v.recordType().grad(), v.name());
    }
    return get(v);
  }

  private Object binary(Expr.Binary b) {
    if (b.op() == Expr.Op.AND) {
      return Arith.truth(eval(b.left())) && Arith.truth(eval(b.right()));
    }
    if (b.op() == Expr.Op.OR) {
      return Arith.truth(eval(b.left())) || Arith.truth(eval(b.right()));
    }
    Object left = eval(b.left());
    return Arith.binary(b.op(), left, eval(b.right()));
  }

  /**
   * {@code c ? a : b}: with numeric branches, the value has the promoted type of both (JLS
   * 15.25), which the branch not taken contributes by its static type.
   */
  private Object conditional(Expr.Conditional c) {
    boolean which = Arith.truth(eval(c.condition()));
    Object value = eval(which ? c.whenTrue() : c.whenFalse());
    Type other = StaticType.of(which ? c.whenFalse() : c.whenTrue());
    Type mine = Arith.typeOf(value);
    if (mine != null && mine.isNumeric() && other.isNumeric()) {
      return Arith.cast(Type.promote(mine, other), value);
    }
    return value;
  }

  private Object call(Expr.Call c) {
    List<Object> args = evalAll(c.args());
    if (c.onObject()) {
      return linker.callVirtual(args.get(0), c.name(), args.subList(1, args.size()));
    }
    return linker.callStatic(c.owner(), c.name(), args);
  }

  /** The component {@code accessor} of a record, interpreted or compiled. */
  static Object component(Object record, String accessor) {
    if (record instanceof RecordValue r) {
      return r.get(accessor);
    }
    if (record == null) {
      throw new NullPointerException("interpreted component " + accessor + " of null");
    }
    try {
      java.lang.reflect.Method m = record.getClass().getMethod(accessor);
      m.setAccessible(true);
      return Arith.normal(m.invoke(record));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw sneaky(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InterpreterException("no component " + accessor + " in " + record.getClass().getName(), e);
    }
  }

  private Object index(Expr.Index i) {
    Object array = eval(i.array());
    int index = Arith.index(eval(i.index()));
    if (array == null) {
      throw new NullPointerException("interpreted read of null array " + i.array());
    }
    return Arith.normal(Array.get(array, index));
  }

  /** {@code new double[n][m]}, {@code new double[n][]}, or {@code {a, b}} with nested rows. */
  private Object newArray(Expr.NewArray n) {
    Type element = n.type().element();
    if (n.elements().isEmpty() && !n.dims().isEmpty()) {
      int[] dims = new int[n.dims().size()];
      for (int k = 0; k < dims.length; k++) {
        dims[k] = Arith.index(eval(n.dims().get(k)));
      }
      Type leaf = n.type();
      for (int k = 0; k < dims.length; k++) {
        leaf = leaf.element();
      }
      return Array.newInstance(linker.classOf(leaf), dims);
    }
    Object array = Array.newInstance(linker.classOf(element), n.elements().size());
    for (int k = 0; k < n.elements().size(); k++) {
      Object v = eval(n.elements().get(k));
      Array.set(array, k, forArray(array.getClass().getComponentType(), element.isArray() ? v : Arith.assign(element, v)));
    }
    return array;
  }

  private Object pop(Expr.Pop p) {
    return Stacks.pop(get(p.tape()), p.type().equals(Type.FLOAT));
  }

  /** The run took more loop iterations than its budget: it may never end. */
  public static final class OutOfSteps extends InterpreterException {
    private static final long serialVersionUID = 1L;

    OutOfSteps() {
      super("more loop iterations than the interpreter's budget");
    }
  }

  // ---------------------------------------------------------------- for Tries and ForeignCode

  Map<Var, Object> variables() {
    return env;
  }

  /** Throws {@code t} unchecked, so interpreted code throws what compiled code would. */
  static RuntimeException sneaky(Throwable t) {
    Interpreter.<RuntimeException>throwAs(t);
    return new IllegalStateException("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void throwAs(Throwable t) throws T {
    throw (T) t;
  }
}
