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
 * ebeAdd}, {@code ebeSubtract}, {@code ebeMultiply}, {@code ebeDivide} and {@code scale} written
 * out as the library's loops (after its length check, which throws the library's exception), and
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
      case "ebeAdd" -> elementwise(a, i -> bin(Op.ADD, at(a, i), at(b, i)), List.of(check));
      case "ebeSubtract" -> elementwise(a, i -> bin(Op.SUB, at(a, i), at(b, i)), List.of(check));
      case "ebeMultiply" -> elementwise(a, i -> bin(Op.MUL, at(a, i), at(b, i)), List.of(check));
      case "ebeDivide" -> elementwise(a, i -> bin(Op.DIV, at(a, i), at(b, i)), List.of(check));
      default -> null;
    };
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
    for (String n : List.of("distance", "distance1", "distanceInf", "ebeAdd", "ebeSubtract", "ebeMultiply", "ebeDivide")) {
      out.add(n + "(double[],double[])");
    }
    out.add("scale(double,double[])");
    return out;
  }
}
