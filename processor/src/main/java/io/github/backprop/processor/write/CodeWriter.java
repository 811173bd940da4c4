package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Narrowing;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * Prints statements as Java, one visitor method per kind: compound assignments where they keep
 * the value ({@code x += e}), loops as {@code for} where the parts fit its header, labels only
 * where a jump needs one. Expressions go to {@link ExprWriter}.
 */
final class CodeWriter {
  private final Namer namer;
  private final ExprWriter exprs;

  CodeWriter(Namer namer) {
    this.namer = namer;
    this.exprs = new ExprWriter(namer);
  }

  void statements(List<Stmt> stmts, Lines out) {
    for (Stmt s : stmts) {
      statement(s, out);
      if (s instanceof Stmt.Throw) {
        return; // what follows a throw never runs, and javac rejects it as unreachable
      }
    }
  }

  void statement(Stmt s, Lines out) {
    s.accept(new Statement(out));
  }

  /** Prints one statement of any kind into {@code out}. */
  private final class Statement implements Stmt.Visitor<Void> {
    private final Lines out;

    Statement(Lines out) {
      this.out = out;
    }

    @Override
    public Void visit(Stmt.Declare d) {
      out.addStatement("$L", declaration(d));
      return null;
    }

    @Override
    public Void visit(Stmt.Assign a) {
      out.addStatement("$L", assignment(a));
      return null;
    }

    @Override
    public Void visit(Stmt.Store st) {
      out.addStatement("$L", store(st));
      return null;
    }

    @Override
    public Void visit(Stmt.Loop l) {
      loop(l, out);
      return null;
    }

    @Override
    public Void visit(Stmt.Push p) {
      out.addStatement("$L.push($L)", namer.name(p.tape()), expr(p.value()));
      return null;
    }

    @Override
    public Void visit(Stmt.Invoke i) {
      out.addStatement("$L", expr(i.expr()));
      return null;
    }

    @Override
    public Void visit(Stmt.Throw t) {
      out.addStatement("throw $L", expr(t.exception()));
      return null;
    }

    @Override
    public Void visit(Stmt.Assert a) {
      out.addStatement("$L", expr(a.code()));
      return null;
    }

    @Override
    public Void visit(Stmt.If f) {
      ifStatement(f, out, false);
      return null;
    }

    @Override
    public Void visit(Stmt.Comment c) {
      out.add("// $L\n", c.text());
      return null;
    }

    @Override
    public Void visit(Stmt.Block b) {
      statements(b.statements(), out);
      return null;
    }

    // Example: return new Loss(_value, _d_a, _d_b)
    @Override
    public Void visit(Stmt.ReturnRecord r) {
      Code.Builder args = Code.builder();
      for (int i = 0; i < r.args().size(); i++) {
        args.add(i == 0 ? "$L" : ", $L", expr(r.args().get(i)));
      }
      out.addStatement("return new $L($L)", r.record(), args.build());
      return null;
    }

    // Example: for (double _x : _row.a()) { ... }
    @Override
    public Void visit(Stmt.ForEach f) {
      out.beginControlFlow("for ($T $L : $L)", JavaTypes.typeOf(f.item()), namer.name(f.item()), expr(f.array()));
      statements(f.body().statements(), out);
      out.endControlFlow();
      return null;
    }

    @Override
    public Void visit(Stmt.Return r) {
      out.addStatement("return $L", expr(r.value()));
      return null;
    }

    @Override
    public Void visit(Stmt.Break b) {
      out.addStatement("break" + jumpLabel(b.target()));
      return null;
    }

    @Override
    public Void visit(Stmt.Continue c) {
      out.addStatement("continue" + jumpLabel(c.target()));
      return null;
    }
  }

  /** The value written into {@code v}, narrowed to a float variable where Java needs that. */
  private static Expr narrow(Var v, Expr value) {
    return v.kind() == Var.Kind.RECORD || v.kind() == Var.Kind.TAPE ? value : Narrowing.to(v.type(), value);
  }

  // Example: double y = x * x   |   DoubleStack _doubles = _tape.doubles()
  private Code declaration(Stmt.Declare d) {
    Var v = d.var();
    if (v.kind() == Var.Kind.TAPE) {
      // A stack of the tape that TapeScope declares: DoubleStack _doubles = _tape.doubles()
      return Code.of(
          "$T $L = $L.$L()", JavaTypes.typeOf(v), namer.name(v), namer.name(TapeScope.HOLDER), v.recordType().record());
    }
    if (d.init() == null && v.kind() == Var.Kind.LOCAL && !v.type().isArray()) {
      // The source assigns it before any read (javac checked), but the generated code may read
      // it on a path javac cannot follow, e.g. after an early return moved into an else.
      return Code.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), Literals.defaultValue(v.type()));
    }
    if (d.init() == null) {
      return Code.of("$T $L", JavaTypes.typeOf(v), namer.name(v));
    }
    if (d.init() instanceof Expr.NewArray n && !n.elements().isEmpty()) {
      // double[] b = {x, y};
      return Code.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), exprs.newArray(n, false));
    }
    return Code.of("$T $L = $L", JavaTypes.typeOf(v), namer.name(v), expr(narrow(v, d.init())));
  }


  /** {@code i++} for a step of one; otherwise as {@link #assignment}. */
  private Code assignment(Stmt.Assign a) {
    if ((a.op() == Op.ADD || a.op() == Op.SUB)
        && !a.var().type().isFloating()
        && a.value() instanceof Expr.Literal l
        && l.is(1)) {
      return Code.of("$L$L", namer.name(a.var()), a.op() == Op.ADD ? "++" : "--");
    }
    return compound(Code.of("$L", namer.name(a.var())), new Expr.Ref(a.var()), a.var(), a.op(), a.value());
  }

  // Example: _d_w[i] += _d_s * x[i]
  private Code store(Stmt.Store st) {
    Code target = expr(st.target());
    if ((st.op() == Op.ADD || st.op() == Op.SUB)
        && !st.target().type().isFloating()
        && st.value() instanceof Expr.Literal l
        && l.is(1)) {
      return Code.of("$L$L", target, st.op() == Op.ADD ? "++" : "--");
    }
    return compound(target, st.target(), null, st.op(), st.value());
  }

  /**
   * {@code target op= value}; {@code x = x + e} of a double written {@code x += e}, the same
   * value, as {@code x += e} means {@code x = x + (e)}; {@code self} is the target as an
   * expression, {@code var} its variable if it is one.
   */
  private Code compound(Code target, Expr self, Var var, Op op, Expr value) {
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
      return Code.of("$L = $L", target, var == null ? expr(narrowed) : expr(narrow(var, value)));
    }
    // A shift has its left operand's type: k <<= 2L stays an int.
    Type wide =
        op == Op.SHL || op == Op.SHR || op == Op.USHR
            ? Type.promote(self.type(), Type.INT)
            : Type.promote(self.type(), StaticType.of(value));
    if (self.type().isNumeric() && !self.type().equals(wide)) {
      // k += 0.5 narrows implicitly, which javac 20+ flags (lossy-conversions): cast in the open
      return Code.of("$L = $L", target, expr(new Expr.Cast(self.type(), new Expr.Binary(op, self, value, wide))));
    }
    return Code.of("$L $L= $L", target, op.symbol(), expr(value));
  }

  /**
   * {@code for (init; condition; update)} where the parts fit a for header; otherwise the init
   * first and {@code while}, or {@code do}/{@code while}.
   */
  private void loop(Stmt.Loop l, Lines out) {
    Code init = header(l.init(), true);
    Code update = header(l.update(), false);
    String label = label(l);
    enclosing.push(l.id() == null ? new io.github.backprop.processor.ir.LoopId(null) : l.id());
    try {
      loopBody(l, init, update, label, out);
    } finally {
      enclosing.pop();
    }
  }

  private void loopBody(Stmt.Loop l, Code init, Code update, String label, Lines out) {
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
  private Code header(List<Stmt> stmts, boolean init) {
    if (stmts.isEmpty()) {
      return Code.of("");
    }
    if (init && stmts.size() == 1 && stmts.get(0) instanceof Stmt.Declare d && d.var().kind() != Var.Kind.TAPE) {
      return declaration(d);
    }
    Code.Builder b = Code.builder();
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i) instanceof Stmt.Assign a) {
        b.add(i == 0 ? "$L" : ", $L", assignment(a));
      } else if (!init && stmts.get(i) instanceof Stmt.Store st) {
        // a[0] += x in an update is an expression statement too, and stays where continue reaches it
        b.add(i == 0 ? "$L" : ", $L", store(st));
      } else {
        return null;
      }
    }
    return b.build();
  }

  private static boolean isCompound(Op op) {
    return op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV;
  }

  private void ifStatement(Stmt.If f, Lines out, boolean elseIf) {
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

  Code expr(Expr e) {
    return exprs.expr(e);
  }
}
