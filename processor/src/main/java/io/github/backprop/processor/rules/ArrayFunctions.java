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
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.Rule.Partial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of {@code MathArrays} of Hipparchus and Commons Math 3, the functions numerical
 * code calls on vectors: {@code distance}, {@code distance1}, {@code distanceInf}, {@code
 * ebeAdd}, {@code ebeSubtract}, {@code ebeMultiply}, {@code ebeDivide}, {@code scale} and the
 * accurate dot product {@code linearCombination(a, b)} written out as the library's loops (after its length check, which throws the library's exception), and
 * the scalar {@code linearCombination(a1, b1, a2, b2, ...)} of four, six and eight arguments as
 * a rule: the library's call for the value, {@code b_k} and {@code a_k} as the partials of
 * {@code a_k} and {@code b_k}.
 */
public final class ArrayFunctions {
  private ArrayFunctions() {}

  private static final String HIPPARCHUS = "org.hipparchus.util";
  private static final String COMMONS = "org.apache.commons.math3.util";

  /** The two {@code MathArrays} classes, by canonical name. */
  public static final Set<String> OWNERS = Set.of(HIPPARCHUS + ".MathArrays", COMMONS + ".MathArrays");

  /** The rule of a scalar {@code linearCombination}, or null. */
  public static Rule rule(Owner owner, String name, int arity) {
    if (!OWNERS.contains(owner.canonicalName()) || !name.equals("linearCombination") || (arity != 4 && arity != 6 && arity != 8)) {
      return null;
    }
    List<Partial> partials = new ArrayList<>();
    for (int k = 0; k < arity; k++) {
      int other = k ^ 1; // a1 <-> b1, a2 <-> b2, ...
      partials.add((args, result) -> args.get(other));
    }
    return new Rule(name, arity, Collections.unmodifiableList(partials));
  }

  /**
   * {@code owner.name(args)} written out, or null where the table has no row for it. {@code
   * signature} is the parameter types, {@code "double[],double[]"}. Array arguments must be
   * variables or rows, and a scalar one read once: the statements read them more than once.
   */
  public static Written find(String owner, String name, String signature, List<Expr> args) {
    if (!OWNERS.contains(owner)) {
      return null;
    }
    String pkg = owner.substring(0, owner.lastIndexOf('.'));
    Owner fastMath = new Owner(pkg, "FastMath");
    if (signature.equals("double,double[]") && name.equals("scale")) {
      Expr val = args.get(0);
      return elementwise(args.get(1), i -> bin(Op.MUL, at(args.get(1), i), val), List.of());
    }
    if (!signature.equals("double[],double[]")) {
      return null;
    }
    Expr a = args.get(0);
    Expr b = args.get(1);
    Stmt check = when(bin(Op.NE, new Expr.Length(a), new Expr.Length(b)), block(new Stmt.Throw(mismatch(pkg, a, b))));
    return switch (name) {
      case "distance" -> sum(a, check, i -> {
        Var dp = Var.temp("_dp", Type.DOUBLE);
        return new Term(List.of(declare(dp, bin(Op.SUB, at(a, i), at(b, i)))), bin(Op.MUL, ref(dp), ref(dp)));
      }, s -> call(fastMath, "sqrt", Type.DOUBLE, s));
      case "distance1" -> sum(a, check, i -> new Term(List.of(), call(fastMath, "abs", Type.DOUBLE, bin(Op.SUB, at(a, i), at(b, i)))), s -> s);
      case "distanceInf" -> {
        Var max = Var.temp("_max", Type.DOUBLE);
        Stmt loop = forRange(integer(0), new Expr.Length(a), i -> List.of(assign(max, null,
            call(fastMath, "max", Type.DOUBLE, ref(max), call(fastMath, "abs", Type.DOUBLE, bin(Op.SUB, at(a, i), at(b, i)))))));
        yield new Written(List.of(check, declare(max, num(0)), loop), ref(max));
      }
      case "linearCombination" -> linearCombination(a, b, check, pkg.equals(HIPPARCHUS));
      case "ebeAdd" -> elementwise(a, i -> bin(Op.ADD, at(a, i), at(b, i)), List.of(check));
      case "ebeSubtract" -> elementwise(a, i -> bin(Op.SUB, at(a, i), at(b, i)), List.of(check));
      case "ebeMultiply" -> elementwise(a, i -> bin(Op.MUL, at(a, i), at(b, i)), List.of(check));
      case "ebeDivide" -> elementwise(a, i -> bin(Op.DIV, at(a, i), at(b, i)), List.of(check));
      default -> null;
    };
  }

  /**
   * {@code linearCombination(a, b)}: the library's accurate dot product, each product split into
   * high and low halves and the sum compensated, then the naive sum where that gives NaN (and, in
   * Hipparchus, zero, to keep its sign). The split's high halves are bit masks, constants to the
   * derivative, and the low halves' terms cancel in it, so the gradient is exactly {@code b} and
   * {@code a} as computed.
   */
  private static Written linearCombination(Expr a, Expr b, Stmt check, boolean hipparchus) {
    Expr len = new Expr.Length(a);
    Var result = Var.temp("_result", Type.DOUBLE);
    Var prodHigh = Var.temp("_prodHigh", Type.DOUBLE.arrayOf());
    Var prodLowSum = Var.temp("_prodLowSum", Type.DOUBLE);
    List<Stmt> many = new ArrayList<>();
    many.add(declare(prodHigh, new Expr.NewArray(Type.DOUBLE.arrayOf(), List.of(len), List.of())));
    many.add(declare(prodLowSum, num(0)));
    many.add(forRange(integer(0), len, i -> {
      Var ai = Var.temp("_ai", Type.DOUBLE);
      Var aHigh = Var.temp("_aHigh", Type.DOUBLE);
      Var aLow = Var.temp("_aLow", Type.DOUBLE);
      Var bi = Var.temp("_bi", Type.DOUBLE);
      Var bHigh = Var.temp("_bHigh", Type.DOUBLE);
      Var bLow = Var.temp("_bLow", Type.DOUBLE);
      Var prodLow = Var.temp("_prodLow", Type.DOUBLE);
      Expr high = at(ref(prodHigh), i);
      Expr low = bin(Op.SUB, bin(Op.MUL, ref(aLow), ref(bLow)),
          bin(Op.SUB, bin(Op.SUB, bin(Op.SUB, high, bin(Op.MUL, ref(aHigh), ref(bHigh))), bin(Op.MUL, ref(aLow), ref(bHigh))),
              bin(Op.MUL, ref(aHigh), ref(bLow))));
      return List.of(
          declare(ai, at(a, i)),
          declare(aHigh, highHalf(ref(ai))),
          declare(aLow, bin(Op.SUB, ref(ai), ref(aHigh))),
          declare(bi, at(b, i)),
          declare(bHigh, highHalf(ref(bi))),
          declare(bLow, bin(Op.SUB, ref(bi), ref(bHigh))),
          new Stmt.Store((Expr.Index) high, null, bin(Op.MUL, ref(ai), ref(bi))),
          declare(prodLow, low),
          assign(prodLowSum, Op.ADD, ref(prodLow)));
    }));
    Var cur = Var.temp("_prodHighCur", Type.DOUBLE);
    Var next = Var.temp("_prodHighNext", Type.DOUBLE);
    Var sHighPrev = Var.temp("_sHighPrev", Type.DOUBLE);
    Var sPrime = Var.temp("_sPrime", Type.DOUBLE);
    Var sLowSum = Var.temp("_sLowSum", Type.DOUBLE);
    many.add(declare(cur, at(ref(prodHigh), integer(0))));
    many.add(declare(next, at(ref(prodHigh), integer(1))));
    many.add(declare(sHighPrev, bin(Op.ADD, ref(cur), ref(next))));
    many.add(declare(sPrime, bin(Op.SUB, ref(sHighPrev), ref(next))));
    many.add(declare(sLowSum, bin(Op.ADD, bin(Op.SUB, ref(next), bin(Op.SUB, ref(sHighPrev), ref(sPrime))), bin(Op.SUB, ref(cur), ref(sPrime)))));
    many.add(forRange(integer(1), bin(Op.SUB, len, integer(1)), i -> {
      Var sHighCur = Var.temp("_sHighCur", Type.DOUBLE);
      return List.of(
          assign(next, null, at(ref(prodHigh), bin(Op.ADD, i, integer(1)))),
          declare(sHighCur, bin(Op.ADD, ref(sHighPrev), ref(next))),
          assign(sPrime, null, bin(Op.SUB, ref(sHighCur), ref(next))),
          assign(sLowSum, Op.ADD, bin(Op.ADD, bin(Op.SUB, ref(next), bin(Op.SUB, ref(sHighCur), ref(sPrime))), bin(Op.SUB, ref(sHighPrev), ref(sPrime)))),
          assign(sHighPrev, null, ref(sHighCur)));
    }));
    many.add(assign(result, null, bin(Op.ADD, ref(sHighPrev), bin(Op.ADD, ref(prodLowSum), ref(sLowSum)))));
    Expr nan = call(Loops.DOUBLE_CLASS, "isNaN", Type.BOOLEAN, ref(result));
    List<Stmt> naive = new ArrayList<>();
    if (hipparchus) {
      naive.add(assign(result, null, bin(Op.MUL, at(a, integer(0)), at(b, integer(0)))));
      naive.add(forRange(integer(1), len, i -> List.of(assign(result, Op.ADD, bin(Op.MUL, at(a, i), at(b, i))))));
      many.add(when(bin(Op.OR, nan, bin(Op.EQ, ref(result), num(0))), block(naive)));
    } else {
      naive.add(assign(result, null, num(0)));
      naive.add(forRange(integer(0), len, i -> List.of(assign(result, Op.ADD, bin(Op.MUL, at(a, i), at(b, i))))));
      many.add(when(nan, block(naive)));
    }
    Stmt scalar = when(
        bin(Op.EQ, len, integer(1)),
        block(assign(result, null, bin(Op.MUL, at(a, integer(0)), at(b, integer(0))))),
        block(many));
    return new Written(List.of(check, declare(result, null), scalar), ref(result));
  }

  /** {@code Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ((-1L) << 27))}: x's high 26 bits. */
  private static Expr highHalf(Expr x) {
    Expr bits = call(Loops.DOUBLE_CLASS, "doubleToRawLongBits", Type.LONG, x);
    return call(Loops.DOUBLE_CLASS, "longBitsToDouble", Type.DOUBLE, bin(Op.BITAND, bits, new Expr.Literal(-1L << 27, Type.LONG)));
  }

  /** What one element adds to a sum: statements, then the term. */
  private record Term(List<Stmt> statements, Expr value) {}

  /** {@code double sum = 0; for (...) sum += term(i);}, then {@code result(sum)}. */
  private static Written sum(Expr a, Stmt check, java.util.function.Function<Expr, Term> term, java.util.function.UnaryOperator<Expr> result) {
    Var sum = Var.temp("_sum", Type.DOUBLE);
    Stmt loop = forRange(integer(0), new Expr.Length(a), i -> {
      Term t = term.apply(i);
      List<Stmt> body = new ArrayList<>(t.statements());
      body.add(assign(sum, Op.ADD, t.value()));
      return body;
    });
    return new Written(List.of(check, declare(sum, num(0)), loop), result.apply(ref(sum)));
  }

  /**
   * A new array of {@code a}'s length whose element {@code i} is {@code element(i)}: the value
   * {@code a.clone()} then {@code result[i] op= b[i]} leaves, as the library writes it.
   */
  private static Written elementwise(Expr a, java.util.function.Function<Expr, Expr> element, List<Stmt> checks) {
    Type type = Type.DOUBLE.arrayOf();
    Var result = Var.temp("_result", type);
    List<Stmt> out = new ArrayList<>(checks);
    out.add(declare(result, new Expr.NewArray(type, List.of(new Expr.Length(a)), List.of())));
    out.add(forRange(integer(0), new Expr.Length(a), i -> List.of(new Stmt.Store((Expr.Index) at(ref(result), i), null, element.apply(i)))));
    return new Written(out, ref(result));
  }

  /**
   * What {@code MathArrays} of package {@code pkg} throws for arrays {@code a} and {@code b} of
   * different lengths: {@code checkEqualLength(a, b)}'s exception.
   */
  public static Expr.Foreign mismatch(String pkg, Expr a, Expr b) {
    if (pkg.equals(HIPPARCHUS)) {
      return new Expr.Foreign(
          List.of("new ", new Owner("org.hipparchus.exception", "MathIllegalArgumentException"), "(",
              new Owner("org.hipparchus.exception", "LocalizedCoreFormats"), ".DIMENSIONS_MISMATCH, ",
              new Expr.Length(a), ", ", new Expr.Length(b), ")"),
          null);
    }
    return new Expr.Foreign(
        List.of("new ", new Owner("org.apache.commons.math3.exception", "DimensionMismatchException"), "(",
            new Expr.Length(a), ", ", new Expr.Length(b), ")"),
        null);
  }

  /** The written-out functions, as {@code name(signature)}, for tests. */
  public static Set<String> written() {
    Set<String> out = new TreeSet<>();
    for (String n : List.of("distance", "distance1", "distanceInf", "linearCombination", "ebeAdd", "ebeSubtract", "ebeMultiply", "ebeDivide")) {
      out.add(n + "(double[],double[])");
    }
    out.add("scale(double,double[])");
    return out;
  }
}
