package io.github.backprop.processor.rules;

import static io.github.backprop.processor.rules.Loops.assign;
import static io.github.backprop.processor.rules.Loops.at;
import static io.github.backprop.processor.rules.Loops.bin;
import static io.github.backprop.processor.rules.Loops.block;
import static io.github.backprop.processor.rules.Loops.call;
import static io.github.backprop.processor.rules.Loops.declare;
import static io.github.backprop.processor.rules.Loops.forRange;
import static io.github.backprop.processor.rules.Loops.integer;
import static io.github.backprop.processor.rules.Loops.num;
import static io.github.backprop.processor.rules.Loops.ref;
import static io.github.backprop.processor.rules.Loops.when;

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
import java.util.TreeSet;

/**
 * The one table of Smile 1.x's functions over a {@code double[]}: {@code QuickSelect}'s {@code
 * select}, {@code median}, {@code q1} and {@code q3}, and {@code smile.math.Math}'s {@code
 * median}, {@code q1}, {@code q3}, {@code mad}, {@code sum}, {@code mean}, {@code var}, {@code
 * sd}, {@code cov} and {@code cor}, written out as Smile's own loops with its checks and
 * messages.
 *
 * <p>The selections run Smile's quickselect on the array they are given, swap for swap, so the
 * array is left rearranged exactly as Smile leaves it, and every mode follows the swaps: the
 * derivative reaches the element the selection picks (for an even length the upper of the two
 * middle ones, as Smile picks it), and later reads of the rearranged array see the derivatives
 * of the values now in each place.
 */
public final class SmileArrays {
  private SmileArrays() {}

  private static final String QUICK_SELECT = "smile.sort.QuickSelect";
  private static final String MATH = "smile.math.Math";
  private static final Owner JAVA_MATH = new Owner("java.lang", "Math");
  private static final Owner ILLEGAL_ARGUMENT = new Owner("java.lang", "IllegalArgumentException");

  /** The classes this table has rows for, by canonical name. */
  public static final Set<String> OWNERS = Set.of(QUICK_SELECT, MATH);

  /** The selections: they rearrange the array they are given. */
  private static final Set<String> SELECTIONS = Set.of("select", "median", "q1", "q3", "mad");

  /** Whether {@code owner.name} writes into its array argument. */
  public static boolean writes(String owner, String name) {
    return OWNERS.contains(owner) && SELECTIONS.contains(name);
  }

  /**
   * {@code owner.name(args)} written out, or null where the table has no row for it. {@code
   * signature} is the parameter types, {@code "double[],int"}. Array arguments must be variables
   * or rows, and the others read once.
   */
  public static Written find(String owner, String name, String signature, List<Expr> args) {
    if (!OWNERS.contains(owner)) {
      return null;
    }
    if (owner.equals(QUICK_SELECT) && signature.equals("double[],int") && name.equals("select")) {
      return select(args.get(0), args.get(1));
    }
    if (signature.equals("double[]")) {
      Expr x = args.get(0);
      Expr n = new Expr.Length(x);
      switch (name) {
        case "median":
          return select(x, bin(Op.DIV, n, integer(2)));
        case "q1":
          return select(x, bin(Op.DIV, n, integer(4)));
        case "q3":
          return select(x, bin(Op.DIV, bin(Op.MUL, integer(3), n), integer(4)));
        default:
          break;
      }
      if (!owner.equals(MATH)) {
        return null;
      }
      return switch (name) {
        case "mad" -> mad(x);
        case "sum" -> sum(x);
        case "mean" -> mean(x);
        case "var" -> var(x);
        case "sd" -> {
          Written v = var(x);
          yield new Written(v.statements(), call(JAVA_MATH, "sqrt", Type.DOUBLE, v.value()));
        }
        default -> null;
      };
    }
    if (owner.equals(MATH) && signature.equals("double[],double[]")) {
      return switch (name) {
        case "cov" -> cov(args.get(0), args.get(1));
        case "cor" -> cor(args.get(0), args.get(1));
        default -> null;
      };
    }
    return null;
  }

  /**
   * {@code QuickSelect.select(arr, k)}: Numerical Recipes' selection with a median-of-three
   * partition, as Smile writes it, the {@code return arr[k]} inside its loop a {@code break}.
   */
  private static Written select(Expr arr, Expr k) {
    Var l = Var.temp("_l", Type.INT);
    Var ir = Var.temp("_ir", Type.INT);
    Var i = Var.temp("_i", Type.INT);
    Var j = Var.temp("_j", Type.INT);
    Var a = Var.temp("_a", Type.DOUBLE);
    Var mid = Var.temp("_mid", Type.INT);
    Var picked = Var.temp("_selected", Type.DOUBLE);
    LoopId outer = new LoopId(null);
    LoopId partition = new LoopId(null);
    Expr l1 = bin(Op.ADD, ref(l), integer(1));
    List<Stmt> small = new ArrayList<>();
    small.add(when(
        bin(Op.AND, bin(Op.EQ, ref(ir), l1), bin(Op.LT, at(arr, ref(ir)), at(arr, ref(l)))),
        block(swap(arr, ref(l), ref(ir)))));
    small.add(new Stmt.Break(outer));
    List<Stmt> partitionBody = new ArrayList<>();
    partitionBody.add(doWhile(assign(i, Op.ADD, integer(1)), bin(Op.LT, at(arr, ref(i)), ref(a))));
    partitionBody.add(doWhile(assign(j, Op.SUB, integer(1)), bin(Op.GT, at(arr, ref(j)), ref(a))));
    partitionBody.add(when(bin(Op.LT, ref(j), ref(i)), block(new Stmt.Break(partition))));
    partitionBody.addAll(swap(arr, ref(i), ref(j)));
    List<Stmt> large = new ArrayList<>();
    large.add(declare(mid, bin(Op.SHR, bin(Op.ADD, ref(l), ref(ir)), integer(1))));
    large.addAll(swap(arr, ref(mid), l1));
    large.add(when(bin(Op.GT, at(arr, ref(l)), at(arr, ref(ir))), block(swap(arr, ref(l), ref(ir)))));
    large.add(when(bin(Op.GT, at(arr, l1), at(arr, ref(ir))), block(swap(arr, l1, ref(ir)))));
    large.add(when(bin(Op.GT, at(arr, ref(l)), at(arr, l1)), block(swap(arr, ref(l), l1))));
    large.add(assign(i, null, l1));
    large.add(assign(j, null, ref(ir)));
    large.add(assign(a, null, at(arr, l1)));
    large.add(new Stmt.Loop(partition, List.of(), TRUE, List.of(), block(partitionBody), true));
    large.add(store(arr, l1, at(arr, ref(j))));
    large.add(store(arr, ref(j), ref(a)));
    large.add(when(bin(Op.GE, ref(j), k), block(assign(ir, null, bin(Op.SUB, ref(j), integer(1))))));
    large.add(when(bin(Op.LE, ref(j), k), block(assign(l, null, ref(i)))));
    List<Stmt> out = new ArrayList<>();
    out.add(declare(l, integer(0)));
    out.add(declare(ir, bin(Op.SUB, new Expr.Length(arr), integer(1))));
    out.add(declare(i, integer(0)));
    out.add(declare(j, integer(0)));
    out.add(declare(a, num(0)));
    out.add(new Stmt.Loop(outer, List.of(), TRUE, List.of(),
        block(when(bin(Op.LE, ref(ir), l1), block(small), block(large))), true));
    out.add(declare(picked, at(arr, k)));
    return new Written(out, ref(picked));
  }

  private static final Expr TRUE = new Expr.Literal(true, Type.BOOLEAN);

  /** {@code do { step; } while (condition);} */
  private static Stmt doWhile(Stmt step, Expr condition) {
    return new Stmt.Loop(new LoopId(null), List.of(), condition, List.of(), block(step), false);
  }

  /** {@code SortUtils.swap(arr, i, j)}: {@code a = arr[i]; arr[i] = arr[j]; arr[j] = a;} */
  private static List<Stmt> swap(Expr arr, Expr i, Expr j) {
    Var t = Var.temp("_swapped", Type.DOUBLE);
    return List.of(declare(t, at(arr, i)), store(arr, i, at(arr, j)), store(arr, j, ref(t)));
  }

  private static Stmt store(Expr arr, Expr i, Expr value) {
    return new Stmt.Store((Expr.Index) at(arr, i), null, value);
  }

  /** {@code Math.mad(x)}: the median, each element replaced by its distance to it, their median. */
  private static Written mad(Expr x) {
    Expr half = bin(Op.DIV, new Expr.Length(x), integer(2));
    Written m = select(x, half);
    List<Stmt> out = new ArrayList<>(m.statements());
    Var median = Var.temp("_median", Type.DOUBLE);
    out.add(declare(median, m.value()));
    out.add(forRange(integer(0), new Expr.Length(x), i ->
        List.of(store(x, i, call(JAVA_MATH, "abs", Type.DOUBLE, bin(Op.SUB, at(x, i), ref(median)))))));
    Written deviations = select(x, half);
    out.addAll(deviations.statements());
    return new Written(out, deviations.value());
  }

  /** {@code Math.sum(x)}: the elements added in order. */
  private static Written sum(Expr x) {
    Var s = Var.temp("_sum", Type.DOUBLE);
    return new Written(
        List.of(declare(s, num(0)), forRange(integer(0), new Expr.Length(x), i -> List.of(assign(s, Op.ADD, at(x, i))))),
        ref(s));
  }

  /** {@code Math.mean(x)}: {@code sum(x) / x.length}. */
  private static Written mean(Expr x) {
    Written s = sum(x);
    return new Written(s.statements(), bin(Op.DIV, s.value(), new Expr.Length(x)));
  }

  /** {@code Math.var(x)}: one pass of sums, {@code sumsq / n - (sum / length) * (sum / n)}, n the length less one. */
  private static Written var(Expr x) {
    Var s = Var.temp("_sum", Type.DOUBLE);
    Var sq = Var.temp("_sumsq", Type.DOUBLE);
    Var n = Var.temp("_n", Type.INT);
    List<Stmt> out = new ArrayList<>();
    out.add(check(bin(Op.LT, new Expr.Length(x), integer(2)), "Array length is less than 2."));
    out.add(declare(s, num(0)));
    out.add(declare(sq, num(0)));
    out.add(forRange(integer(0), new Expr.Length(x), i -> {
      Var xi = Var.temp("_xi", Type.DOUBLE);
      return List.of(declare(xi, at(x, i)), assign(s, Op.ADD, ref(xi)), assign(sq, Op.ADD, bin(Op.MUL, ref(xi), ref(xi))));
    }));
    out.add(declare(n, bin(Op.SUB, new Expr.Length(x), integer(1))));
    Expr value = bin(Op.SUB, bin(Op.DIV, ref(sq), ref(n)), bin(Op.MUL, bin(Op.DIV, ref(s), new Expr.Length(x)), bin(Op.DIV, ref(s), ref(n))));
    return new Written(out, value);
  }

  /** Smile's two checks of a pair of arrays, with its messages. */
  private static List<Stmt> pairChecks(Expr x, Expr y) {
    return List.of(
        check(bin(Op.NE, new Expr.Length(x), new Expr.Length(y)), "Arrays have different length."),
        check(bin(Op.LT, new Expr.Length(x), integer(3)), "array length has to be at least 3."));
  }

  /** {@code Math.cov(x, y)}: the checks, both means, then the sum of products of deviations over {@code length - 1}. */
  private static Written cov(Expr x, Expr y) {
    List<Stmt> out = new ArrayList<>(pairChecks(x, y));
    Var mx = Var.temp("_mx", Type.DOUBLE);
    Var my = Var.temp("_my", Type.DOUBLE);
    Var sxy = Var.temp("_Sxy", Type.DOUBLE);
    Written meanX = mean(x);
    out.addAll(meanX.statements());
    out.add(declare(mx, meanX.value()));
    Written meanY = mean(y);
    out.addAll(meanY.statements());
    out.add(declare(my, meanY.value()));
    out.add(declare(sxy, num(0)));
    out.add(forRange(integer(0), new Expr.Length(x), i -> {
      Var dx = Var.temp("_dx", Type.DOUBLE);
      Var dy = Var.temp("_dy", Type.DOUBLE);
      return List.of(
          declare(dx, bin(Op.SUB, at(x, i), ref(mx))),
          declare(dy, bin(Op.SUB, at(y, i), ref(my))),
          assign(sxy, Op.ADD, bin(Op.MUL, ref(dx), ref(dy))));
    }));
    return new Written(out, bin(Op.DIV, ref(sxy), bin(Op.SUB, new Expr.Length(x), integer(1))));
  }

  /** {@code Math.cor(x, y)}: the checks, {@code cov}, both {@code var}s, NaN where either is 0, else the quotient. */
  private static Written cor(Expr x, Expr y) {
    // Smile checks the pair here and again in cov: once is the same.
    List<Stmt> out = new ArrayList<>();
    Var sxy = Var.temp("_Sxy", Type.DOUBLE);
    Var sxx = Var.temp("_Sxx", Type.DOUBLE);
    Var syy = Var.temp("_Syy", Type.DOUBLE);
    Var r = Var.temp("_cor", Type.DOUBLE);
    Written c = cov(x, y);
    out.addAll(c.statements());
    out.add(declare(sxy, c.value()));
    Written vx = var(x);
    out.addAll(vx.statements());
    out.add(declare(sxx, vx.value()));
    Written vy = var(y);
    out.addAll(vy.statements());
    out.add(declare(syy, vy.value()));
    out.add(declare(r, num(Double.NaN)));
    out.add(when(
        bin(Op.AND, bin(Op.NE, ref(sxx), num(0)), bin(Op.NE, ref(syy), num(0))),
        block(assign(r, null, bin(Op.DIV, ref(sxy), call(JAVA_MATH, "sqrt", Type.DOUBLE, bin(Op.MUL, ref(sxx), ref(syy))))))));
    return new Written(out, ref(r));
  }

  /** {@code if (failed) throw new IllegalArgumentException(message);} */
  private static Stmt check(Expr failed, String message) {
    return when(failed, block(new Stmt.Throw(new Expr.Foreign(
        List.of("new ", ILLEGAL_ARGUMENT, "(\"" + message + "\")"), null))));
  }

  /** The written-out functions, as {@code owner.name(signature)}, for tests. */
  public static Set<String> written() {
    Set<String> out = new TreeSet<>();
    out.add(QUICK_SELECT + ".select(double[],int)");
    for (String n : List.of("median", "q1", "q3")) {
      out.add(QUICK_SELECT + "." + n + "(double[])");
      out.add(MATH + "." + n + "(double[])");
    }
    for (String n : List.of("mad", "sum", "mean", "var", "sd")) {
      out.add(MATH + "." + n + "(double[])");
    }
    out.add(MATH + ".cov(double[],double[])");
    out.add(MATH + ".cor(double[],double[])");
    return out;
  }
}
