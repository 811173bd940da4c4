package io.github.backprop.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * Reads the binary operators: arithmetic, comparisons, bitwise operators, {@code &&} and {@code
 * ||} (whose right operand's statements run only when Java evaluates it), string concatenation
 * and references compared.
 */
final class OperatorReader extends SessionPart {
  OperatorReader(ReadSession session) {
    super(session);
  }

  Expr binary(BinaryTree t) {
    Op op = binaryOp(t.getKind());
    if (op == null) {
      throw session.unsupported(t);
    }
    Expr l;
    Expr r;
    if (op == Op.ADD) {
      l = expressions.value(t.getLeftOperand());
      Read<Expr> right = session.apart(() -> expressions.value(t.getRightOperand()));
      l = session.settle(l, right.before());
      r = right.value();
      Expr lText = RecordObjectMethods.text(session, l);
      Expr rText = RecordObjectMethods.text(session, r);
      if ((lText != l || rText != r) && lText != null && rText != null) {
        return calls.concat(lText, rText); // "p = " + p: the record's text
      }
      if (records.aggregateOf(l) != null || records.aggregateOf(r) != null) {
        throw records.notARecordPlace(records.aggregateOf(l) != null ? t.getLeftOperand() : t.getRightOperand(),
            records.aggregateOf(l) != null ? records.aggregateOf(l) : records.aggregateOf(r));
      }
      if (Calls.isObject(l) || Calls.isObject(r)) {
        return calls.concat(l, r); // a message: "x = " + x
      }
    } else if (op == Op.EQ || op == Op.NE) {
      Boolean absent = AbsentArrays.known(session, t);
      if (absent != null) {
        return new Expr.Literal(absent, Type.BOOLEAN); // hiPrec == null of a null array
      }
      Expr nullTest = root.nullFlags.isEmpty() ? null : NullableBoxes.of(session).comparison(t, op);
      if (nullTest != null) {
        return nullTest; // best == null of a Double that starts as null
      }
      l = calls.typed(expressions.value(t.getLeftOperand()));
      Read<Expr> right = session.apart(() -> calls.typed(expressions.value(t.getRightOperand())));
      l = session.settle(l, right.before());
      r = right.value();
      if ((types.isBoxed(l) && isNull(t.getRightOperand())) || (types.isBoxed(r) && isNull(t.getLeftOperand()))) {
        return new Expr.Literal(op == Op.NE, Type.BOOLEAN); // a boxed local is never null here
      }
      if (types.isBoxed(l) && types.isBoxed(r)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + t + "' compares two boxes by reference, which backprop cannot follow: compare"
                + " their values, e.g. a.doubleValue() " + (op == Op.EQ ? "==" : "!=") + " b.doubleValue()",
            t,
            unit);
      }
      if (Calls.isObject(l) || Calls.isObject(r)) {
        return references(op, l, r, t);
      }
    } else {
      l = expressions.expr(t.getLeftOperand());
      if (op == Op.AND || op == Op.OR) {
        Read<Expr> right = session.apart(() -> NullableBoxes.of(session).assuming(t, op, () -> expressions.expr(t.getRightOperand())));
        r = right.value();
        if (!right.before().isEmpty()) {
          if (session.prelude == null) {
            throw session.noPrelude(t);
          }
          // a && f(x) > 0  →  boolean _c = a; if (_c) { <f's body>; _c = r > 0; }
          Var c = Var.temp("_c", Type.BOOLEAN);
          session.prelude.add(new Stmt.Declare(c, l));
          Stmt.Block rest = join(right.before(), List.of(new Stmt.Assign(c, null, r)));
          Stmt.Block none = new Stmt.Block(List.of());
          session.prelude.add(
              op == Op.AND
                  ? new Stmt.If(new Expr.Ref(c), rest, none)
                  : new Stmt.If(new Expr.Ref(c), none, rest));
          return new Expr.Ref(c);
        }
      } else {
        Read<Expr> right = session.apart(() -> expressions.expr(t.getRightOperand()));
        l = session.settle(l, right.before());
        r = right.value();
      }
    }
    if (op.isLogical()) {
      if (!l.type().equals(Type.BOOLEAN) || !r.type().equals(Type.BOOLEAN)) {
        throw reporter.abortQuietly();
      }
      // d != null && ... of a boxed local reads true && ...: the identity of && (|| for false).
      Boolean unit = op == Op.AND ? Boolean.TRUE : op == Op.OR ? Boolean.FALSE : null;
      if (unit != null && l instanceof Expr.Literal k && unit.equals(k.value())) {
        return r;
      }
      if (unit != null && r instanceof Expr.Literal k && unit.equals(k.value())) {
        return l;
      }
      return new Expr.Binary(op, l, r, Type.BOOLEAN);
    }
    if ((op == Op.EQ || op == Op.NE) && l.type().equals(Type.BOOLEAN) && r.type().equals(Type.BOOLEAN)) {
      return new Expr.Binary(op, l, r, Type.BOOLEAN);
    }
    if (op.isBitwise()) {
      Type type = IntegerOps.binaryType(op, l.type(), r.type());
      if (type == null) {
        throw reporter.abortQuietly(); // javac: bad operand types
      }
      return new Expr.Binary(op, l, r, type);
    }
    types.requireNumeric(l);
    types.requireNumeric(r);
    return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : Type.promote(l.type(), r.type()));
  }

  /**
   * {@code mode == Mode.FAST}, {@code s != null}: a String or enum compared by reference, as
   * Java compares it. Values of other types keep their own errors.
   */
  private Expr references(Op op, Expr l, Expr r, BinaryTree t) {
    if (records.aggregateOf(l) != null || records.aggregateOf(r) != null) {
      throw records.notARecordPlace(records.aggregateOf(l) != null ? t.getLeftOperand() : t.getRightOperand(),
          records.aggregateOf(l) != null ? records.aggregateOf(l) : records.aggregateOf(r));
    }
    boolean lNull = isNull(t.getLeftOperand());
    boolean rNull = isNull(t.getRightOperand());
    Type array = rNull && l.type() != null && l.type().isArray() ? l.type() : lNull && r.type() != null && r.type().isArray() ? r.type() : null;
    if (array != null) { // hiPrec != null: an array compared with null, as written
      return new Expr.Binary(op, lNull ? new Expr.Literal(null, array) : l, rNull ? new Expr.Literal(null, array) : r, Type.BOOLEAN);
    }
    Type type = l.type() != null && l.type().isReference() ? l.type() : r.type();
    if (type == null || !type.isReference()) {
      if (!Calls.isObject(l) && !Calls.isObject(r)) {
        throw reporter.abortQuietly(); // javac: incomparable types
      }
      throw calls.notHere(Calls.isObject(l) && !lNull ? t.getLeftOperand() : t.getRightOperand());
    }
    l = lNull ? new Expr.Literal(null, type) : l;
    r = rNull ? new Expr.Literal(null, type) : r;
    if (!type.equals(l.type()) || !type.equals(r.type())) {
      Expr other = type.equals(l.type()) ? r : l;
      if (other.type() != null && !other.type().isReference()) {
        throw reporter.abortQuietly(); // javac: incomparable types
      }
      throw calls.notHere(type.equals(l.type()) ? t.getRightOperand() : t.getLeftOperand());
    }
    return new Expr.Binary(op, l, r, Type.BOOLEAN);
  }

  private static Op binaryOp(Tree.Kind kind) {
    switch (kind) {
      case PLUS:
        return Op.ADD;
      case MINUS:
        return Op.SUB;
      case MULTIPLY:
        return Op.MUL;
      case DIVIDE:
        return Op.DIV;
      case REMAINDER:
        return Op.REM;
      case LESS_THAN:
        return Op.LT;
      case LESS_THAN_EQUAL:
        return Op.LE;
      case GREATER_THAN:
        return Op.GT;
      case GREATER_THAN_EQUAL:
        return Op.GE;
      case EQUAL_TO:
        return Op.EQ;
      case NOT_EQUAL_TO:
        return Op.NE;
      case CONDITIONAL_AND:
        return Op.AND;
      case CONDITIONAL_OR:
        return Op.OR;
      case LEFT_SHIFT:
        return Op.SHL;
      case RIGHT_SHIFT:
        return Op.SHR;
      case UNSIGNED_RIGHT_SHIFT:
        return Op.USHR;
      case AND:
        return Op.BITAND;
      case OR:
        return Op.BITOR;
      case XOR:
        return Op.XOR;
      default:
        return null;
    }
  }
}
