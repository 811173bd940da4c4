package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java.util.Arrays.sort}, {@code fill}, {@code copyOf} and {@code copyOfRange} written as
 * the loops they perform, so the values they move keep their derivatives: a sort becomes a
 * gather by the order {@code Sorting.order} finds, the others element copies and stores. The
 * runtime's {@code Ranges} checks the arguments and throws what {@code Arrays} would.
 */
final class ArrayMethods {
  private ArrayMethods() {}

  static final Owner SORTING = new Owner("io.github.backprop", "Sorting");
  static final Owner RANGES = new Owner("io.github.backprop", "Ranges");
  private static final Type INTS = Type.INT.arrayOf();

  /** Whether {@code Arrays.name} with these arguments is one this class writes out. */
  static boolean handles(String name, List<Expr> args) {
    if (args.isEmpty() || args.get(0).type() == null || !args.get(0).type().isArray()
        || args.get(0).type().element().isArray() || !numeric(args.get(0).type().element())) {
      return false;
    }
    return switch (name) {
      case "sort" -> args.size() == 1 || args.size() == 3;
      case "fill" -> args.size() == 2 || args.size() == 4;
      case "copyOf" -> args.size() == 2;
      case "copyOfRange" -> args.size() == 3;
      default -> false;
    };
  }

  private static boolean numeric(Type element) {
    return element.equals(Type.DOUBLE) || element.equals(Type.FLOAT) || element.equals(Type.INT) || element.equals(Type.LONG);
  }

  /**
   * {@code Arrays.sort(a, from, to)}: the order of the range, the values gathered in that order,
   * then copied back.
   */
  static List<Stmt> sort(Expr a, Expr from, Expr to) {
    List<Stmt> out = new ArrayList<>();
    Var order = Var.temp("_order", INTS);
    out.add(new Stmt.Declare(order, new Expr.Call(SORTING, "order", List.of(a, from, to), INTS)));
    out.addAll(gather(a, order, from));
    return out;
  }

  /**
   * Hipparchus's or Commons Math 3's {@code MathArrays.sortInPlace(x, ys...)}: every array is
   * put in the order that sorts {@code x}, found once, ascending and stable, as the library's
   * sort of pairs by {@code Double.compare} gives it. {@code mismatch} throws what the library
   * throws for an array of another length.
   */
  static List<Stmt> sortTogether(Expr x, List<Expr> ys, java.util.function.Function<Expr, Expr.Foreign> mismatch) {
    List<Stmt> out = new ArrayList<>();
    for (Expr y : ys) {
      Expr differs = new Expr.Binary(Op.NE, new Expr.Length(y), new Expr.Length(x), Type.BOOLEAN);
      out.add(new Stmt.If(differs, new Stmt.Block(List.of(new Stmt.Throw(mismatch.apply(y)))), new Stmt.Block(List.of())));
    }
    Var order = Var.temp("_order", INTS);
    Expr zero = Expr.Literal.ofInt(0);
    out.add(new Stmt.Declare(order, new Expr.Call(SORTING, "order", List.of(x, zero, new Expr.Length(x)), INTS)));
    out.addAll(gather(x, order, zero));
    for (Expr y : ys) {
      out.addAll(gather(y, order, zero));
    }
    return out;
  }

  /** {@code a[from..]} gathered in {@code order}, then copied back. */
  private static List<Stmt> gather(Expr a, Var order, Expr from) {
    List<Stmt> out = new ArrayList<>();
    Expr n = new Expr.Length(new Expr.Ref(order));
    Var sorted = Var.temp("_sorted", a.type());
    out.add(new Stmt.Declare(sorted, new Expr.NewArray(a.type(), List.of(n), List.of())));
    Var k = Var.temp("_k", Type.INT);
    Expr kr = new Expr.Ref(k);
    Expr gathered = new Expr.Index(a, new Expr.Index(new Expr.Ref(order), kr));
    out.add(loop(k, n, new Stmt.Store(new Expr.Index(new Expr.Ref(sorted), kr), null, gathered)));
    out.add(CopyLoops.copy(new Expr.Ref(sorted), Expr.Literal.ofInt(0), a, from, n, false));
    return out;
  }

  /** {@code Arrays.fill(a, from, to, v)}, after the checks of {@code Arrays}. */
  static List<Stmt> fill(Expr a, Expr from, Expr to, Expr v) {
    Var n = Var.temp("_n", Type.INT);
    Stmt check = new Stmt.Declare(n, new Expr.Call(RANGES, "check", List.of(new Expr.Length(a), from, to), Type.INT));
    Var k = Var.temp("_k", Type.INT);
    Expr at = CopyLoops.offset(from, new Expr.Ref(k));
    return List.of(check, loop(k, new Expr.Ref(n), new Stmt.Store(new Expr.Index(a, at), null, v)));
  }

  /**
   * {@code Arrays.copyOf(a, length)} ({@code from} null) or {@code copyOfRange(a, from, to)}:
   * declares {@code copy}, a new array of the result's length, and fills what it copies.
   */
  static List<Stmt> copy(Var copy, Expr a, Expr from, Expr toOrLength) {
    List<Stmt> out = new ArrayList<>();
    Var count = Var.temp("_n", Type.INT);
    Expr length = from == null ? toOrLength : new Expr.Binary(Op.SUB, toOrLength, from, Type.INT);
    List<Expr> checked = from == null ? List.of(new Expr.Length(a), toOrLength) : List.of(new Expr.Length(a), from, toOrLength);
    out.add(new Stmt.Declare(count, new Expr.Call(RANGES, "copied", checked, Type.INT)));
    out.add(new Stmt.Declare(copy, new Expr.NewArray(a.type(), List.of(length), List.of())));
    Expr start = from == null ? Expr.Literal.ofInt(0) : from;
    out.add(CopyLoops.copy(a, start, new Expr.Ref(copy), Expr.Literal.ofInt(0), new Expr.Ref(count), false));
    return out;
  }

  private static Stmt loop(Var k, Expr n, Stmt body) {
    Expr kr = new Expr.Ref(k);
    return new Stmt.Loop(
        new LoopId(null),
        List.of(new Stmt.Declare(k, Expr.Literal.ofInt(0))),
        new Expr.Binary(Op.LT, kr, n, Type.BOOLEAN),
        List.of(new Stmt.Assign(k, Op.ADD, Expr.Literal.ofInt(1))),
        new Stmt.Block(List.of(body)),
        true);
  }
}
