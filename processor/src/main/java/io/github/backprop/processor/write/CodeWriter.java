package io.github.backprop.processor.write;

import com.palantir.javapoet.CodeBlock;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Narrowing;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * Prints statements and expressions as Java. Parentheses follow Java's precedence, and an equal
 * precedence on the right keeps its parentheses, so {@code a - (b - c)} and {@code a + (b + c)}
 * evaluate in the same floating-point order as the source.
 */
final class CodeWriter {
  private static final int PRIMARY = 16;
  private static final int UNARY = 14;
  private static final int CONDITIONAL = 2;

  private final Namer namer;

  CodeWriter(Namer namer) {
    this.namer = namer;
  }


  void statements(List<Stmt> stmts, CodeBlock.Builder out) {
    for (Stmt s : stmts) {
      statement(s, out);
      if (s instanceof Stmt.Throw) {
        return; // what follows a throw never runs, and javac rejects it as unreachable
      }
    }
  }

  /** Whether {@code stmts} always end in a throw: then no reverse sweep follows them. */
  static boolean throwsAlways(List<Stmt> stmts) {
    return stmts.stream().anyMatch(s -> s instanceof Stmt.Throw);
  }

  void statement(Stmt s, CodeBlock.Builder out) {
    if (s instanceof Stmt.Declare d) {
      out.addStatement("$L", declaration(d));
    } else if (s instanceof Stmt.Assign a) {
      out.addStatement("$L", assignment(a));
    } else if (s instanceof Stmt.Store st) {
      out.addStatement("$L", store(st));
    } else if (s instanceof Stmt.Loop l) {
      loop(l, out);
    } else if (s instanceof Stmt.Push p) {
      out.addStatement("$L.push($L)", namer.name(p.tape()), expr(p.value()));
    } else if (s instanceof Stmt.Invoke i) {
      out.addStatement("$L", expr(i.expr()));
    } else if (s instanceof Stmt.Throw t) {
      out.addStatement("throw $L", expr(t.exception()));
    } else if (s instanceof Stmt.Assert a) {
      out.addStatement("$L", expr(a.code()));
    } else if (s instanceof Stmt.If f) {
      ifStatement(f, out, false);
    } else if (s instanceof Stmt.Comment c) {
      out.add("// $L\n", c.text());
    } else if (s instanceof Stmt.Block b) {
      statements(b.statements(), out);
    } else if (s instanceof Stmt.ReturnRecord r) {
      CodeBlock.Builder args = CodeBlock.builder();
      for (int i = 0; i < r.args().size(); i++) {
        args.add(i == 0 ? "$L" : ", $L", expr(r.args().get(i)));
      }
      out.addStatement("return new $L($L)", r.record(), args.build());
    } else if (s instanceof Stmt.Return r) {
      out.addStatement("return $L", expr(r.value())); // the source's, shown by debug=stages
    } else if (s instanceof Stmt.Break b) {
      out.addStatement("break" + jumpLabel(b.target()));
    } else if (s instanceof Stmt.Continue c) {
      out.addStatement("continue" + jumpLabel(c.target()));
    } else {
      throw new IllegalStateException("not in generated code: " + s);
    }
  }

  /** The value written into {@code v}, narrowed to a float variable where Java needs that. */
  private static Expr narrow(Var v, Expr value) {
    return v.kind() == Var.Kind.RECORD || v.kind() == Var.Kind.TAPE ? value : Narrowing.to(v.type(), value);
  }

  /** A callee's record is initialised by a call to its Grad; everything else as written. */
  private CodeBlock init(Var v, Expr init) {
    if (v.kind() == Var.Kind.RECORD && init instanceof Expr.DiffCall c) {
      return CodeBlock.of("$T.$L($L)", JavaTypes.className(c.callee().grad()), c.callee().gradName(), args(c));
    }
    return expr(init);
  }

  // Example: double y = x * x   |   DoubleStack _doubles = _tape.doubles()
  private CodeBlock declaration(Stmt.Declare d) {
    Var v = d.var();
    if (v.kind() == Var.Kind.TAPE) {
      // A stack of the tape that TapeScope declares: DoubleStack _doubles = _tape.doubles()
      return CodeBlock.of(
          "$T $L = $L.$L()", JavaTypes.typeOf(v), namer.name(v), namer.name(TapeScope.HOLDER), v.recordType().record());
    }
    if (d.init() == null && v.kind() == Var.Kind.LOCAL && !v.type().isArray()) {
      // The source assigns it before any read (javac checked), but the generated code may read
      // it on a path javac cannot follow, e.g. after an early return moved into an else.
      return CodeBlock.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), Literals.defaultValue(v.type()));
    }
    if (d.init() == null) {
      return CodeBlock.of("$T $L", JavaTypes.typeOf(v), namer.name(v));
    }
    if (d.init() instanceof Expr.NewArray n && !n.elements().isEmpty()) {
      // double[] b = {x, y};
      return CodeBlock.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), newArray(n, false));
    }
    return CodeBlock.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), init(v, narrow(v, d.init())));
  }


  /** {@code i++} for a step of one; otherwise as {@link #assignment}. */
  private CodeBlock assignment(Stmt.Assign a) {
    if ((a.op() == Op.ADD || a.op() == Op.SUB)
        && !a.var().type().isFloating()
        && a.value() instanceof Expr.Literal l
        && l.is(1)) {
      return CodeBlock.of("$L$L", namer.name(a.var()), a.op() == Op.ADD ? "++" : "--");
    }
    return compound(CodeBlock.of("$L", namer.name(a.var())), new Expr.Ref(a.var()), a.var(), a.op(), a.value());
  }

  // Example: _d_w[i] += _d_s * x[i]
  private CodeBlock store(Stmt.Store st) {
    CodeBlock target = expr(st.target());
    if ((st.op() == Op.ADD || st.op() == Op.SUB)
        && !st.target().type().isFloating()
        && st.value() instanceof Expr.Literal l
        && l.is(1)) {
      return CodeBlock.of("$L$L", target, st.op() == Op.ADD ? "++" : "--");
    }
    return compound(target, st.target(), null, st.op(), st.value());
  }

  /**
   * {@code target op= value}; {@code x = x + e} of a double written {@code x += e}, the same
   * value, as {@code x += e} means {@code x = x + (e)}; {@code self} is the target as an
   * expression, {@code var} its variable if it is one.
   */
  private CodeBlock compound(CodeBlock target, Expr self, Var var, Op op, Expr value) {
    if (op == null
        && self.type().isFloating()
        && value instanceof Expr.Binary b
        && isCompound(b.op())
        && b.left().equals(self)) {
      op = b.op();
      value = b.right();
    }
    if (op == Op.ADD && value instanceof Expr.Unary u && u.op() == Op.NEG) {
      op = Op.SUB;
      value = u.operand();
    }
    if (op == null) {
      Expr narrowed = Narrowing.to(self.type(), value);
      return CodeBlock.of("$L = $L", target, var == null ? expr(narrowed) : init(var, narrow(var, value)));
    }
    // A shift has its left operand's type: k <<= 2L stays an int.
    Type wide =
        op == Op.SHL || op == Op.SHR || op == Op.USHR
            ? Type.promote(self.type(), Type.INT)
            : Type.promote(self.type(), StaticType.of(value));
    if (self.type().isNumeric() && !self.type().equals(wide)) {
      // k += 0.5 narrows implicitly, which javac 20+ flags (lossy-conversions): cast in the open
      return CodeBlock.of("$L = $L", target, expr(new Expr.Cast(self.type(), new Expr.Binary(op, self, value, wide))));
    }
    return CodeBlock.of("$L $L= $L", target, op.symbol(), expr(value));
  }

  /**
   * {@code for (init; condition; update)} where the parts fit a for header; otherwise the init
   * first and {@code while}, or {@code do}/{@code while}.
   */
  private void loop(Stmt.Loop l, CodeBlock.Builder out) {
    CodeBlock init = header(l.init(), true);
    CodeBlock update = header(l.update(), false);
    String label = label(l);
    enclosing.push(l.id() == null ? new io.github.backprop.processor.ir.LoopId(null) : l.id());
    try {
      loopBody(l, init, update, label, out);
    } finally {
      enclosing.pop();
    }
  }

  private void loopBody(Stmt.Loop l, CodeBlock init, CodeBlock update, String label, CodeBlock.Builder out) {
    if (l.testFirst() && l.init().isEmpty() && l.update().isEmpty()) {
      out.beginControlFlow(label + "while ($L)", expr(l.condition()));
      statements(l.body().statements(), out);
      out.endControlFlow();
      return;
    }
    if (l.testFirst() && init != null && update != null) {
      out.beginControlFlow(label + "for ($L; $L; $L)", init, expr(l.condition()), update);
      statements(l.body().statements(), out);
      out.endControlFlow();
      return;
    }
    statements(l.init(), out);
    if (l.testFirst()) {
      out.beginControlFlow(label + "while ($L)", expr(l.condition()));
    } else {
      out.beginControlFlow(label + "do");
    }
    statements(l.body().statements(), out);
    statements(l.update(), out);
    if (l.testFirst()) {
      out.endControlFlow();
    } else {
      out.endControlFlow("while ($L)", expr(l.condition()));
    }
  }

  /** The loops around the statement being written, innermost first. */
  private final java.util.Deque<io.github.backprop.processor.ir.LoopId> enclosing = new java.util.ArrayDeque<>();
  /** The label each labelled loop is written with: unique in the method. */
  private final java.util.Map<io.github.backprop.processor.ir.LoopId, String> labels = new java.util.IdentityHashMap<>();
  private final java.util.Set<String> labelsTaken = new java.util.HashSet<>();

  /**
   * {@code outer: } where a {@code break} or {@code continue} inside names the loop: the source's
   * labelled jumps (forward mode keeps them), and any jump out of a loop nested inside this one,
   * which would leave only the inner loop without a label; nothing otherwise. Two loops never
   * share a label, so an inlined helper's {@code outer} cannot clash with its caller's.
   */
  private String label(Stmt.Loop l) {
    if (l.id() == null) {
      return "";
    }
    boolean[] named = {false};
    boolean[] deep = {false};
    jumpsTo(l.id(), l.body().statements(), false, named, deep);
    if (!deep[0] && !(named[0] && l.id().label() != null)) {
      return "";
    }
    String base = l.id().label() != null ? l.id().label() : "loop";
    String name = base;
    for (int n = 2; !labelsTaken.add(name); n++) {
      name = base + n;
    }
    labels.put(l.id(), name);
    return name + ": ";
  }

  private static void jumpsTo(
      io.github.backprop.processor.ir.LoopId id, List<Stmt> stmts, boolean nested, boolean[] named, boolean[] deep) {
    for (Stmt s : stmts) {
      io.github.backprop.processor.ir.LoopId target =
          s instanceof Stmt.Break b ? b.target() : s instanceof Stmt.Continue c ? c.target() : null;
      if (target == id) {
        named[0] = true;
        deep[0] |= nested;
      } else if (s instanceof Stmt.Loop inner) {
        jumpsTo(id, inner.body().statements(), true, named, deep);
      } else if (s instanceof Stmt.If f) {
        jumpsTo(id, f.then().statements(), nested, named, deep);
        jumpsTo(id, f.otherwise().statements(), nested, named, deep);
      } else if (s instanceof Stmt.Block b) {
        jumpsTo(id, b.statements(), nested, named, deep);
      }
    }
  }

  /** {@code ""} for a jump to the innermost loop, else {@code " outer"}, its label. */
  private String jumpLabel(io.github.backprop.processor.ir.LoopId target) {
    String name = labels.get(target);
    return name == null || (target == enclosing.peek() && target.label() == null) ? "" : " " + name;
  }

  /** The statements as one part of a for header, or null if they do not fit one. */
  private CodeBlock header(List<Stmt> stmts, boolean init) {
    if (stmts.isEmpty()) {
      return CodeBlock.of("");
    }
    if (init && stmts.size() == 1 && stmts.get(0) instanceof Stmt.Declare d && d.var().kind() != Var.Kind.TAPE) {
      return declaration(d);
    }
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < stmts.size(); i++) {
      if (!(stmts.get(i) instanceof Stmt.Assign a)) {
        return null;
      }
      b.add(i == 0 ? "$L" : ", $L", assignment(a));
    }
    return b.build();
  }

  private static boolean isCompound(Op op) {
    return op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV;
  }

  private void ifStatement(Stmt.If f, CodeBlock.Builder out, boolean elseIf) {
    io.github.backprop.processor.ir.TryShape shape = io.github.backprop.processor.ir.TryShape.of(f);
    if (shape != null) {
      new TryPrinter(this).print(f, shape, out); // never an else-if: see below
      return;
    }
    if (f.then().statements().isEmpty() && !f.otherwise().statements().isEmpty()) {
      // if (c) {} else { b } reads better as if (!(c)) { b }
      f = new Stmt.If(io.github.backprop.processor.ir.Exprs.not(f.condition()), f.otherwise(), f.then());
    }
    if (elseIf) {
      out.nextControlFlow("else if ($L)", expr(f.condition()));
    } else {
      out.beginControlFlow("if ($L)", expr(f.condition()));
    }
    statements(f.then().statements(), out);
    List<Stmt> otherwise = f.otherwise().statements();
    if (otherwise.size() == 1 && otherwise.get(0) instanceof Stmt.If inner && io.github.backprop.processor.ir.TryShape.of(inner) == null) {
      ifStatement(inner, out, true);
      return;
    }
    if (!otherwise.isEmpty()) {
      out.nextControlFlow("else");
      statements(otherwise, out);
    }
    out.endControlFlow();
  }

  CodeBlock expr(Expr e) {
    return expr(e, 0);
  }

  private CodeBlock expr(Expr e, int min) {
    CodeBlock code = bare(e);
    return precedence(e) < min ? CodeBlock.of("($L)", code) : code;
  }

  private CodeBlock bare(Expr e) {
    if (e instanceof Expr.Literal l) {
      return CodeBlock.of("$L", Literals.literal(l));
    }
    if (e instanceof Expr.Ref r && r.var().kind() == Var.Kind.FIELD) {
      return CodeBlock.of("$T.$L", JavaTypes.className(r.var().recordType().grad()), r.var().name());
    }
    if (e instanceof Expr.Ref r) {
      return CodeBlock.of("$L", namer.name(r.var()));
    }
    if (e instanceof Expr.Constant c) {
      return CodeBlock.of("$T.$L", JavaTypes.className(c.owner()), c.field());
    }
    if (e instanceof Expr.Component c) {
      return CodeBlock.of("$L.$L()", namer.name(c.record()), c.accessor());
    }
    if (e instanceof Expr.Call c && c.onObject()) {
      return CodeBlock.of("$L.$L($L)", expr(c.args().get(0), PRIMARY), c.name(), args(c.args().subList(1, c.args().size())));
    }
    if (e instanceof Expr.Call c) {
      return CodeBlock.of("$T.$L($L)", JavaTypes.className(c.owner()), c.name(), args(c.args()));
    }
    if (e instanceof Expr.SelfCall c) {
      return CodeBlock.of("$L($L)", c.method(), args(c.args()));
    }
    if (e instanceof Expr.DiffCall c) {
      if (c.callee().primalVisible()) {
        return CodeBlock.of("$T.$L($L)", JavaTypes.className(c.callee().owner()), c.callee().name(), args(c));
      }
      return CodeBlock.of("$T.$L($L).value()", JavaTypes.className(c.callee().grad()), c.callee().gradName(), args(c));
    }
    if (e instanceof Expr.Unary u) {
      Expr o = u.operand();
      boolean wrap = o instanceof Expr.Unary || (o instanceof Expr.Literal l && Literals.isNegative(l));
      CodeBlock operand = wrap ? CodeBlock.of("($L)", expr(o)) : expr(o, UNARY);
      return CodeBlock.of("$L$L", u.op().symbol(), operand);
    }
    if (e instanceof Expr.Binary b) {
      int p = b.op().precedence();
      return CodeBlock.of("$L $L $L", expr(b.left(), p), b.op().symbol(), expr(b.right(), p + 1));
    }
    if (e instanceof Expr.Conditional c) {
      return CodeBlock.of(
          "$L ? $L : $L", expr(c.condition(), CONDITIONAL + 1), expr(c.whenTrue()), expr(c.whenFalse(), CONDITIONAL));
    }
    if (e instanceof Expr.Cast c) {
      return CodeBlock.of("($T) $L", JavaTypes.typeName(c.type()), expr(c.operand(), UNARY));
    }
    if (e instanceof Expr.Index i) {
      return CodeBlock.of("$L[$L]", expr(i.array(), PRIMARY), expr(i.index()));
    }
    if (e instanceof Expr.Length l) {
      return CodeBlock.of("$L.length", expr(l.array(), PRIMARY));
    }
    if (e instanceof Expr.NewArray n) {
      return newArray(n, true);
    }
    if (e instanceof Expr.Foreign f) {
      // Example: Double.isNaN(x)   |   new IllegalArgumentException("x = " + x)
      CodeBlock.Builder b = CodeBlock.builder();
      for (Object part : f.parts()) {
        if (part instanceof Owner o) {
          b.add("$T", JavaTypes.className(o));
        } else if (part instanceof Expr x) {
          b.add("$L", expr(x));
        } else {
          b.add("$L", part);
        }
      }
      return b.build();
    }
    if (e instanceof Expr.Pop p) {
      CodeBlock pop = CodeBlock.of("$L.pop()", namer.name(p.tape()));
      if (p.record() != null) {
        return CodeBlock.of("($T) $L", JavaTypes.recordName(p.record()), pop);
      }
      return p.type().isArray() || p.type().isReference() || narrowsPop(p) ? CodeBlock.of("($T) $L", JavaTypes.typeName(p.type()), pop) : pop;
    }
    throw new IllegalStateException("cannot print " + e);
  }

  // Example: new double[n]   |   new double[] {x, 2.0}   |   new double[][] {{a, b}, {c, d}}
  private CodeBlock newArray(Expr.NewArray n, boolean top) {
    if (n.elements().isEmpty() && !n.dims().isEmpty()) {
      CodeBlock.Builder b = CodeBlock.builder().add("new $T", JavaTypes.typeName(elementOf(n.type())));
      n.dims().forEach(d -> b.add("[$L]", expr(d)));
      for (int i = n.dims().size(); i < n.type().dims(); i++) {
        b.add("[]"); // new double[n][]: rows allocated later
      }
      return b.build();
    }
    CodeBlock.Builder b = CodeBlock.builder();
    if (top) {
      b.add("new $T ", JavaTypes.typeName(n.type()));
    }
    b.add("{");
    for (int i = 0; i < n.elements().size(); i++) {
      Expr x = n.elements().get(i);
      CodeBlock code = x instanceof Expr.NewArray row ? newArray(row, false) : expr(x);
      b.add(i == 0 ? "$L" : ", $L", code);
    }
    return b.add("}").build();
  }

  private static Type elementOf(Type t) {
    return new Type(t.prim(), 0, t.ref());
  }

  private CodeBlock args(List<Expr> args) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < args.size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", expr(args.get(i)));
    }
    return b.build();
  }

  /** A call's arguments; to an overloaded callee, each as its parameter's type: 1L, (double) k. */
  private CodeBlock args(Expr.DiffCall c) {
    if (!c.callee().overloaded()) {
      return args(c.args());
    }
    List<Expr> exact = new java.util.ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      Expr a = c.args().get(i);
      Type t = c.callee().paramTypes().get(i);
      if (t == null || a.type().equals(t) || !t.isNumeric()) {
        exact.add(a);
      } else if (a instanceof Expr.Literal l && l.value() instanceof Number) {
        exact.add(new Expr.Literal(l.value(), t));
      } else {
        exact.add(new Expr.Cast(t, a));
      }
    }
    return args(exact);
  }

  private static int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return b.op().precedence();
    }
    if (e instanceof Expr.Unary || e instanceof Expr.Cast) {
      return UNARY;
    }
    if (e instanceof Expr.Pop p && (p.record() != null || p.type().isArray() || p.type().isReference() || narrowsPop(p))) {
      return UNARY;
    }
    if (e instanceof Expr.NewArray) {
      return UNARY;
    }
    if (e instanceof Expr.Literal l && Literals.isNegative(l)) {
      return UNARY;
    }
    if (e instanceof Expr.Conditional) {
      return CONDITIONAL;
    }
    return PRIMARY;
  }



  /** A float saved on the tape of doubles: it comes back exactly, as {@code (float) pop()}. */
  private static boolean narrowsPop(Expr.Pop p) {
    return p.type().equals(Type.FLOAT);
  }

}
