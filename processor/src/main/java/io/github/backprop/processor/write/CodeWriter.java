package io.github.backprop.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.Arrays;
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

  static ClassName className(Owner owner) {
    String[] names = owner.simpleNames().split("\\.");
    return ClassName.get(owner.packageName(), names[0], Arrays.copyOfRange(names, 1, names.length));
  }

  static TypeName typeName(Type type) {
    TypeName t;
    switch (type.prim()) {
      case DOUBLE:
        t = TypeName.DOUBLE;
        break;
      case INT:
        t = TypeName.INT;
        break;
      case LONG:
        t = TypeName.LONG;
        break;
      default:
        t = TypeName.BOOLEAN;
        break;
    }
    for (int i = 0; i < type.dims(); i++) {
      t = com.palantir.javapoet.ArrayTypeName.of(t);
    }
    return t;
  }

  static TypeName typeOf(Var v) {
    if (v.kind() == Var.Kind.RECORD) {
      Var.RecordType r = v.recordType();
      return className(r.grad()).nestedClass(r.record());
    }
    return typeName(v.type());
  }

  void statements(List<Stmt> stmts, CodeBlock.Builder out) {
    for (Stmt s : stmts) {
      statement(s, out);
    }
  }

  void statement(Stmt s, CodeBlock.Builder out) {
    if (s instanceof Stmt.Declare d) {
      if (d.init() == null) {
        out.addStatement("$T $L", typeOf(d.var()), namer.name(d.var()));
      } else {
        out.addStatement("$T $L = $L", typeOf(d.var()), namer.name(d.var()), init(d.var(), d.init()));
      }
    } else if (s instanceof Stmt.Assign a) {
      assign(a, out);
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
    } else {
      throw new IllegalStateException("not in generated code: " + s);
    }
  }

  /** A callee's record is initialised by a call to its Grad; everything else as written. */
  private CodeBlock init(Var v, Expr init) {
    if (v.kind() == Var.Kind.RECORD && init instanceof Expr.DiffCall c) {
      return CodeBlock.of("$T.$L($L)", className(c.callee().grad()), c.callee().name(), args(c.args()));
    }
    return expr(init);
  }

  private void assign(Stmt.Assign a, CodeBlock.Builder out) {
    String name = namer.name(a.var());
    Op op = a.op();
    Expr value = a.value();
    // x = x + e is written x += e: the same value, as x += e means x = x + (e).
    if (op == null
        && a.var().type().isDouble()
        && value instanceof Expr.Binary b
        && isCompound(b.op())
        && b.left() instanceof Expr.Ref r
        && r.var() == a.var()) {
      op = b.op();
      value = b.right();
    }
    if (op == Op.ADD && value instanceof Expr.Unary u && u.op() == Op.NEG) {
      op = Op.SUB;
      value = u.operand();
    }
    if (op == null) {
      out.addStatement("$L = $L", name, init(a.var(), value));
    } else {
      out.addStatement("$L $L= $L", name, op.symbol(), expr(value));
    }
  }

  private static boolean isCompound(Op op) {
    return op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV;
  }

  private void ifStatement(Stmt.If f, CodeBlock.Builder out, boolean elseIf) {
    if (elseIf) {
      out.nextControlFlow("else if ($L)", expr(f.condition()));
    } else {
      out.beginControlFlow("if ($L)", expr(f.condition()));
    }
    statements(f.then().statements(), out);
    List<Stmt> otherwise = f.otherwise().statements();
    if (otherwise.size() == 1 && otherwise.get(0) instanceof Stmt.If inner) {
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
      return CodeBlock.of("$L", literal(l));
    }
    if (e instanceof Expr.Ref r) {
      return CodeBlock.of("$L", namer.name(r.var()));
    }
    if (e instanceof Expr.Constant c) {
      return CodeBlock.of("$T.$L", className(c.owner()), c.field());
    }
    if (e instanceof Expr.Component c) {
      return CodeBlock.of("$L.$L()", namer.name(c.record()), c.accessor());
    }
    if (e instanceof Expr.Call c) {
      return CodeBlock.of("$T.$L($L)", className(c.owner()), c.name(), args(c.args()));
    }
    if (e instanceof Expr.DiffCall c) {
      if (c.callee().primalVisible()) {
        return CodeBlock.of("$T.$L($L)", className(c.callee().owner()), c.callee().name(), args(c.args()));
      }
      return CodeBlock.of("$T.$L($L).value()", className(c.callee().grad()), c.callee().name(), args(c.args()));
    }
    if (e instanceof Expr.Unary u) {
      Expr o = u.operand();
      boolean wrap = o instanceof Expr.Unary || (o instanceof Expr.Literal l && isNegative(l));
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
      return CodeBlock.of("($T) $L", typeName(c.type()), expr(c.operand(), UNARY));
    }
    throw new IllegalStateException("cannot print " + e);
  }

  private CodeBlock args(List<Expr> args) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < args.size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", expr(args.get(i)));
    }
    return b.build();
  }

  private static int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return b.op().precedence();
    }
    if (e instanceof Expr.Unary || e instanceof Expr.Cast) {
      return UNARY;
    }
    if (e instanceof Expr.Literal l && isNegative(l)) {
      return UNARY;
    }
    if (e instanceof Expr.Conditional) {
      return CONDITIONAL;
    }
    return PRIMARY;
  }

  private static boolean isNegative(Expr.Literal l) {
    return l.value() instanceof Number n
        && (n.doubleValue() < 0 || (n instanceof Double d && d == 0.0 && 1 / d < 0));
  }

  static String literal(Expr.Literal l) {
    Object v = l.value();
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (l.type().prim() == Type.Prim.DOUBLE) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(d);
    }
    if (l.type().prim() == Type.Prim.LONG) {
      return ((Number) v).longValue() + "L";
    }
    return Integer.toString(((Number) v).intValue());
  }
}
