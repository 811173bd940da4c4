package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A loop {@code for (int i = from; i < to; i++)} (or {@code <=}, or counting down with {@code >}
 * and {@code >=}) whose index and bounds its body leaves alone. Its reverse sweep needs no
 * iteration counter and no tape for {@code i}: it runs the indices back, as a person would write
 * {@code for (int i = n - 1; i >= 0; i--)}.
 *
 * @param index the loop variable
 * @param from its first value
 * @param to the bound the condition compares it with
 * @param op the comparison, with {@code index} on the left
 */
record Counted(Var index, Expr from, Expr to, Op op) {
  /** The loop as a counted loop, or null if it is not one. */
  static Counted of(Stmt.Loop l) {
    if (!l.testFirst() || l.init().size() != 1 || l.update().size() != 1) {
      return null;
    }
    if (!(l.init().get(0) instanceof Stmt.Declare d) || !d.var().type().equals(Type.INT) || d.init() == null) {
      return null;
    }
    Var i = d.var();
    Op step = step(l.update().get(0), i);
    if (step == null || !(l.condition() instanceof Expr.Binary c)) {
      return null;
    }
    Op op;
    Expr to;
    if (c.left() instanceof Expr.Ref r && r.var() == i) {
      op = c.op();
      to = c.right();
    } else if (c.right() instanceof Expr.Ref r && r.var() == i) {
      op = flip(c.op());
      to = c.left();
    } else {
      return null;
    }
    boolean up = step == Op.ADD && (op == Op.LT || op == Op.LE);
    boolean down = step == Op.SUB && (op == Op.GT || op == Op.GE);
    if ((!up && !down) || !to.type().equals(Type.INT) || Hoist.needsNaming(to)) {
      return null;
    }
    Set<Var> changed = Walk.assigned(l.body());
    changed.addAll(Walk.assigned(l.update()));
    for (Expr bound : List.of(d.init(), to)) {
      Set<Var> reads = valueReads(bound);
      if (reads.contains(i) || reads.stream().anyMatch(changed::contains)) {
        return null;
      }
    }
    if (Walk.assigned(l.body()).contains(i)) {
      return null;
    }
    return new Counted(i, d.init(), to, op);
  }

  /**
   * The variables whose values {@code e} depends on; {@code a.length} does not depend on the
   * elements of {@code a}, which the loop may write, as an array's length never changes.
   */
  private static Set<Var> valueReads(Expr e) {
    Set<Var> out = new java.util.LinkedHashSet<>();
    if (e instanceof Expr.Length len && len.array() instanceof Expr.Ref) {
      return out;
    }
    if (e instanceof Expr.Ref r) {
      out.add(r.var());
      return out;
    }
    for (Expr child : Walk.children(e)) {
      out.addAll(valueReads(child));
    }
    return out;
  }

  /** ADD for {@code i++}, {@code i += 1} or {@code i = i + 1}; SUB for the decrements. */
  private static Op step(Stmt s, Var i) {
    if (!(s instanceof Stmt.Assign a) || a.var() != i) {
      return null;
    }
    if (a.op() != null) {
      return (a.op() == Op.ADD || a.op() == Op.SUB) && isOne(a.value()) ? a.op() : null;
    }
    if (a.value() instanceof Expr.Binary b
        && (b.op() == Op.ADD || b.op() == Op.SUB)
        && b.left() instanceof Expr.Ref r
        && r.var() == i
        && isOne(b.right())) {
      return b.op();
    }
    return null;
  }

  private static boolean isOne(Expr e) {
    return e instanceof Expr.Literal l && l.type().equals(Type.INT) && l.is(1);
  }

  private static Op flip(Op op) {
    switch (op) {
      case LT:
        return Op.GT;
      case LE:
        return Op.GE;
      case GT:
        return Op.LT;
      case GE:
        return Op.LE;
      default:
        return op;
    }
  }

  /** The variables the reverse loop's header reads. */
  Set<Var> reads() {
    Set<Var> vars = Walk.vars(from);
    vars.addAll(Walk.vars(to));
    return vars;
  }

  /**
   * The reverse loop around {@code body}: the same indices, last first. Where a bound could sit
   * at the edge of the int range, the header is written so that it cannot overflow.
   */
  Stmt.Loop reverse(List<Stmt> body) {
    switch (op) {
      case LT:
        if (Range.of(to).above(Integer.MIN_VALUE) && Range.of(from).above(Integer.MIN_VALUE)) {
          // Example: for (int i = n - 1; i >= 0; i--)
          return down(Exprs.intSub(to, 1), Op.GE, body);
        }
        if (Range.of(from).above(Integer.MIN_VALUE)) {
          return down(Exprs.intSub(new Expr.Call(Owner.MATH, "max", List.of(from, to), Type.INT), 1), Op.GE, body);
        }
        // Example: for (int i = n; i > from;) { i--; ... }
        return stepFirst(to, Op.GT, Op.SUB, body);
      case LE:
        if (Range.of(from).above(Integer.MIN_VALUE)) {
          return down(to, Op.GE, body);
        }
        return stepFirst(Exprs.intAdd(to, 1), Op.GT, Op.SUB, body);
      case GT:
        if (Range.of(to).below(Integer.MAX_VALUE) && Range.of(from).below(Integer.MAX_VALUE)) {
          return up(Exprs.intAdd(to, 1), Op.LE, body);
        }
        return stepFirst(to, Op.LT, Op.ADD, body);
      default: // GE
        if (Range.of(from).below(Integer.MAX_VALUE)) {
          return up(to, Op.LE, body);
        }
        return stepFirst(Exprs.intSub(to, 1), Op.LT, Op.ADD, body);
    }
  }

  private Stmt.Loop down(Expr start, Op test, List<Stmt> body) {
    return header(start, test, Op.SUB, body);
  }

  private Stmt.Loop up(Expr start, Op test, List<Stmt> body) {
    return header(start, test, Op.ADD, body);
  }

  private Stmt.Loop header(Expr start, Op test, Op step, List<Stmt> body) {
    return new Stmt.Loop(
        null,
        List.of(new Stmt.Declare(index, start)),
        new Expr.Binary(test, new Expr.Ref(index), from, Type.BOOLEAN),
        List.of(new Stmt.Assign(index, step, Expr.Literal.ofInt(1))),
        new Stmt.Block(body),
        true);
  }

  /** {@code for (int i = start; i test from;) { i step 1; body }}: correct at every int value. */
  private Stmt.Loop stepFirst(Expr start, Op test, Op step, List<Stmt> body) {
    List<Stmt> b = new ArrayList<>();
    b.add(new Stmt.Assign(index, step, Expr.Literal.ofInt(1)));
    b.addAll(body);
    return new Stmt.Loop(
        null,
        List.of(new Stmt.Declare(index, start)),
        new Expr.Binary(test, new Expr.Ref(index), from, Type.BOOLEAN),
        List.of(),
        new Stmt.Block(b),
        true);
  }

  /** What an int expression can be, as far as its shape tells. */
  private record Range(long lo, long hi) {
    static final Range ALL = new Range(Integer.MIN_VALUE, Integer.MAX_VALUE);

    static Range of(Expr e) {
      if (e instanceof Expr.Literal l && l.value() instanceof Integer v) {
        return new Range(v, v);
      }
      if (e instanceof Expr.Constant c && c.value() instanceof Integer v) {
        return new Range(v, v); // a compile-time constant such as C.SIZE, written by its name
      }
      if (e instanceof Expr.Length) {
        return new Range(0, Integer.MAX_VALUE);
      }
      if (e instanceof Expr.Binary b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
        Range l = of(b.left());
        Range r = of(b.right());
        long lo = b.op() == Op.ADD ? l.lo + r.lo : l.lo - r.hi;
        long hi = b.op() == Op.ADD ? l.hi + r.hi : l.hi - r.lo;
        // Beyond the int range the expression wraps, and nothing is known.
        return lo < Integer.MIN_VALUE || hi > Integer.MAX_VALUE ? ALL : new Range(lo, hi);
      }
      return ALL;
    }

    boolean above(long v) {
      return lo > v;
    }

    boolean below(long v) {
      return hi < v;
    }
  }
}
