package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints expressions as Java, one visitor method per kind. Parentheses follow Java's precedence,
 * and an equal precedence on the right keeps its parentheses, so {@code a - (b - c)} and {@code a
 * + (b + c)} evaluate in the same floating-point order as the source.
 */
final class ExprWriter implements Expr.Visitor<Code> {
  static final int PRIMARY = 16;
  static final int UNARY = 14;
  static final int CONDITIONAL = 2;

  private final Namer namer;

  ExprWriter(Namer namer) {
    this.namer = namer;
  }

  Code expr(Expr e) {
    return expr(e, 0);
  }

  /** {@code e}, in parentheses where its precedence is below {@code min}. */
  Code expr(Expr e, int min) {
    Code code = e.accept(this);
    return precedence(e) < min ? Code.of("($L)", code) : code;
  }

  @Override
  public Code visit(Expr.Literal l) {
    return Code.of("$L", Literals.literal(l));
  }

  @Override
  public Code visit(Expr.Ref r) {
    if (r.var().kind() == Var.Kind.FIELD) {
      return Code.of("$T.$L", JavaTypes.className(r.var().recordType().grad()), r.var().name());
    }
    return Code.of("$L", namer.name(r.var()));
  }

  @Override
  public Code visit(Expr.Constant c) {
    return Code.of("$T.$L", JavaTypes.className(c.owner()), c.field());
  }

  @Override
  public Code visit(Expr.Component c) {
    return Code.of("$L.$L()", namer.name(c.record()), c.accessor());
  }

  @Override
  public Code visit(Expr.Call c) {
    if (c.onObject()) {
      return Code.of("$L.$L($L)", expr(c.args().get(0), PRIMARY), c.name(), args(c.args().subList(1, c.args().size())));
    }
    return Code.of("$T.$L($L)", JavaTypes.className(c.owner()), c.name(), args(c.args()));
  }

  @Override
  public Code visit(Expr.SelfCall c) {
    return Code.of("$L($L)", c.method(), args(c.args()));
  }

  @Override
  public Code visit(Expr.DiffCall c) {
    if (c.callee().primalVisible()) {
      return Code.of("$T.$L($L)", JavaTypes.className(c.callee().owner()), c.callee().name(), args(c));
    }
    return Code.of("$L.value()", gradCall(c));
  }

  // Example: CGrad.dot(v, w)
  @Override
  public Code visit(Expr.GradCall g) {
    return gradCall(g.call());
  }

  /** {@code CGrad.f(args)}: the callee's gradient method, which returns its record. */
  private Code gradCall(Expr.DiffCall c) {
    return Code.of("$T.$L($L)", JavaTypes.className(c.callee().grad()), c.callee().gradName(), args(c));
  }

  @Override
  public Code visit(Expr.Unary u) {
    Expr o = u.operand();
    boolean wrap = o instanceof Expr.Unary || (o instanceof Expr.Literal l && Literals.isNegative(l));
    Code operand = wrap ? Code.of("($L)", expr(o)) : expr(o, UNARY);
    return Code.of("$L$L", u.op().symbol(), operand);
  }

  @Override
  public Code visit(Expr.Binary b) {
    int p = b.op().precedence();
    return Code.of("$L $L $L", expr(b.left(), p), b.op().symbol(), expr(b.right(), p + 1));
  }

  @Override
  public Code visit(Expr.Conditional c) {
    return Code.of(
        "$L ? $L : $L", expr(c.condition(), CONDITIONAL + 1), expr(c.whenTrue()), expr(c.whenFalse(), CONDITIONAL));
  }

  @Override
  public Code visit(Expr.Cast c) {
    return Code.of("($T) $L", JavaTypes.typeName(c.type()), expr(c.operand(), UNARY));
  }

  @Override
  public Code visit(Expr.Index i) {
    return Code.of("$L[$L]", expr(i.array(), PRIMARY), expr(i.index()));
  }

  @Override
  public Code visit(Expr.Length l) {
    return Code.of("$L.length", expr(l.array(), PRIMARY));
  }

  @Override
  public Code visit(Expr.NewArray n) {
    return newArray(n, true);
  }

  // Example: Double.isNaN(x)   |   new IllegalArgumentException("x = " + x)
  @Override
  public Code visit(Expr.Foreign f) {
    Code.Builder b = Code.builder();
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

  // Example: _doubles.pop()   |   (double[]) _objects.pop()   |   (float) _doubles.pop()
  @Override
  public Code visit(Expr.Pop p) {
    Code pop = Code.of("$L.pop()", namer.name(p.tape()));
    if (p.record() != null) {
      return Code.of("($T) $L", JavaTypes.recordName(p.record()), pop);
    }
    return castsPop(p) ? Code.of("($T) $L", JavaTypes.typeName(p.type()), pop) : pop;
  }

  // Example: o.strike()   |   self.w
  @Override
  public Code visit(Expr.Access a) {
    return Code.of(a.call() ? "$L.$L()" : "$L.$L", expr(a.object(), PRIMARY), a.name());
  }

  // Example: new OptionTangent(_grad.o_strike(), _grad.o_vol())
  @Override
  public Code visit(Expr.NewRecord r) {
    return Code.of("new $L($L)", r.record(), args(r.args()));
  }

  // Example: new double[n]   |   new double[] {x, 2.0}   |   new double[][] {{a, b}, {c, d}}
  /** {@code top}: with {@code new double[]} before the braces, as an expression needs. */
  Code newArray(Expr.NewArray n, boolean top) {
    if (n.elements().isEmpty() && !n.dims().isEmpty()) {
      Code.Builder b = Code.builder().add("new $T", JavaTypes.typeName(elementOf(n.type())));
      n.dims().forEach(d -> b.add("[$L]", expr(d)));
      for (int i = n.dims().size(); i < n.type().dims(); i++) {
        b.add("[]"); // new double[n][]: rows allocated later
      }
      return b.build();
    }
    Code.Builder b = Code.builder();
    if (top) {
      b.add("new $T ", JavaTypes.typeName(n.type()));
    }
    b.add("{");
    for (int i = 0; i < n.elements().size(); i++) {
      Expr x = n.elements().get(i);
      Code code = x instanceof Expr.NewArray row ? newArray(row, false) : expr(x);
      b.add(i == 0 ? "$L" : ", $L", code);
    }
    return b.add("}").build();
  }

  private static Type elementOf(Type t) {
    return new Type(t.prim(), 0, t.ref());
  }

  private Code args(List<Expr> args) {
    Code.Builder b = Code.builder();
    for (int i = 0; i < args.size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", expr(args.get(i)));
    }
    return b.build();
  }

  /** A call's arguments; to an overloaded callee, each as its parameter's type: 1L, (double) k. */
  private Code args(Expr.DiffCall c) {
    if (!c.callee().overloaded()) {
      return args(c.args());
    }
    List<Expr> exact = new ArrayList<>();
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
    if (e instanceof Expr.Unary || e instanceof Expr.Cast || e instanceof Expr.NewArray) {
      return UNARY;
    }
    if (e instanceof Expr.Pop p && (p.record() != null || castsPop(p))) {
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

  /**
   * Whether a pop is cast back: an array or an object from the tape of references, or a float
   * saved on the tape of doubles, which comes back exactly as {@code (float) pop()}.
   */
  private static boolean castsPop(Expr.Pop p) {
    return p.type().isArray() || p.type().isReference() || p.type().equals(Type.FLOAT);
  }
}
