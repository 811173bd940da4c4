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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one table of Commons Math 3's descriptive statistics over a {@code double[]}: {@code
 * StatUtils}' {@code sum}, {@code sumSq}, {@code product}, {@code sumLog}, {@code mean}, {@code
 * variance}, {@code populationVariance}, {@code max} and {@code min} (each with its {@code begin,
 * length} overload, and the variances with a given mean), {@code evaluate} of the statistic
 * objects they delegate to ({@code new Mean()}, {@code new Variance(...)}, ...) and of {@code
 * StandardDeviation} (the square root of its variance's), and the one-sample
 * {@code t} statistic of {@code TestUtils} and {@code TTest}.
 *
 * <p>Each is written out as the library's own loops in the library's order (the two-pass mean
 * with its correction, the variance with its correction term), so the value is the library's to
 * the last bit and every mode differentiates the loops. The argument checks are the library's
 * own {@code MathArrays.verifyValues}, which throws what the library throws; the whole-array
 * forms read {@code values.length} first, so a null array is a {@code NullPointerException}.
 * {@code max} and {@code min} pass the derivative to the element they select, a percentile to the
 * order statistics it interpolates between.
 */
public final class Statistics {
  private Statistics() {}

  private static final String PKG = "org.apache.commons.math3";
  private static final String STAT_UTILS = PKG + ".stat.StatUtils";
  private static final String TEST_UTILS = PKG + ".stat.inference.TestUtils";
  private static final String T_TEST = PKG + ".stat.inference.TTest";
  private static final String MOMENT = PKG + ".stat.descriptive.moment.";
  private static final String SUMMARY = PKG + ".stat.descriptive.summary.";
  private static final String RANK = PKG + ".stat.descriptive.rank.";
  private static final Owner MATH_ARRAYS = new Owner(PKG + ".util", "MathArrays");
  private static final Owner FAST_MATH = new Owner(PKG + ".util", "FastMath");
  private static final Owner SORTING = new Owner("io.github.backprop", "Sorting");

  /** What each statistic computes. */
  private enum Kind { SUM, SUM_SQ, PRODUCT, SUM_LOG, GEOMETRIC_MEAN, MEAN, VARIANCE, POPULATION_VARIANCE, STANDARD_DEVIATION, MAX, MIN, PERCENTILE }

  /** The statistic objects, by class, whose {@code evaluate} is written out. */
  private static final java.util.Map<String, Kind> OBJECTS =
      java.util.Map.ofEntries(
          java.util.Map.entry(SUMMARY + "Sum", Kind.SUM),
          java.util.Map.entry(SUMMARY + "SumOfSquares", Kind.SUM_SQ),
          java.util.Map.entry(SUMMARY + "Product", Kind.PRODUCT),
          java.util.Map.entry(SUMMARY + "SumOfLogs", Kind.SUM_LOG),
          java.util.Map.entry(MOMENT + "Mean", Kind.MEAN),
          java.util.Map.entry(MOMENT + "GeometricMean", Kind.GEOMETRIC_MEAN),
          java.util.Map.entry(MOMENT + "Variance", Kind.VARIANCE),
          java.util.Map.entry(MOMENT + "StandardDeviation", Kind.STANDARD_DEVIATION),
          java.util.Map.entry(RANK + "Max", Kind.MAX),
          java.util.Map.entry(RANK + "Min", Kind.MIN),
          java.util.Map.entry(RANK + "Percentile", Kind.PERCENTILE),
          java.util.Map.entry(RANK + "Median", Kind.PERCENTILE));

  /** Whether {@code owner} (a canonical class name) is one this table has rows for. */
  public static boolean hasRows(String owner) {
    return owner.equals(STAT_UTILS) || owner.equals(TEST_UTILS) || owner.equals(T_TEST) || OBJECTS.containsKey(owner);
  }

  /** Whether the rows of {@code owner} are methods called on an object of exactly that class. */
  public static boolean onObject(String owner) {
    return owner.equals(T_TEST) || OBJECTS.containsKey(owner);
  }

  /**
   * {@code owner.name(args)} written out, or null where the table has no row for it. {@code
   * signature} is the parameter types, {@code "double[],double"}; {@code object} the statistic
   * object for the methods called on one (the rows of {@link #onObject} classes), else null.
   * Array arguments must be variables or rows, and the others read once: the statements read them
   * more than once.
   */
  public static Written find(String owner, String name, String signature, List<Expr> args, Expr object) {
    if (owner.equals(TEST_UTILS) || owner.equals(T_TEST)) {
      return name.equals("t") && signature.equals("double,double[]") ? t(args.get(0), args.get(1)) : null;
    }
    Kind kind;
    Expr biasCorrected = null;
    if (owner.equals(STAT_UTILS)) {
      kind = switch (name) {
        case "sum" -> Kind.SUM;
        case "sumSq" -> Kind.SUM_SQ;
        case "product" -> Kind.PRODUCT;
        case "sumLog" -> Kind.SUM_LOG;
        case "geometricMean" -> Kind.GEOMETRIC_MEAN;
        case "mean" -> Kind.MEAN;
        case "variance" -> Kind.VARIANCE;
        case "populationVariance" -> Kind.POPULATION_VARIANCE;
        case "max" -> Kind.MAX;
        case "min" -> Kind.MIN;
        case "percentile" -> Kind.PERCENTILE;
        default -> null;
      };
      if (kind == Kind.VARIANCE || kind == Kind.POPULATION_VARIANCE) {
        biasCorrected = new Expr.Literal(kind == Kind.VARIANCE, Type.BOOLEAN);
      }
    } else {
      kind = name.equals("evaluate") ? OBJECTS.get(owner) : null;
      if (kind == Kind.VARIANCE || kind == Kind.STANDARD_DEVIATION) {
        biasCorrected = new Expr.Foreign(List.of(object, ".isBiasCorrected()"), Type.BOOLEAN);
      }
    }
    if (kind == null) {
      return null;
    }
    if (kind == Kind.PERCENTILE) {
      return percentile(signature, args, object, owner.equals(RANK + "Median"));
    }
    if (kind == Kind.STANDARD_DEVIATION) {
      // StandardDeviation.evaluate: FastMath.sqrt(variance.evaluate(...)) of the same arguments
      Written v = find(MOMENT + "Variance", name, signature, args, object);
      return v == null ? null : new Written(v.statements(), call(FAST_MATH, "sqrt", Type.DOUBLE, v.value()));
    }
    boolean variance = kind == Kind.VARIANCE || kind == Kind.POPULATION_VARIANCE;
    Expr x = args.get(0);
    switch (signature) {
      case "double[]":
        return variance ? variance(x, null, integer(0), new Expr.Length(x), biasCorrected) : simple(kind, x, integer(0), new Expr.Length(x));
      case "double[],int,int":
        return variance ? variance(x, null, args.get(1), args.get(2), biasCorrected) : simple(kind, x, args.get(1), args.get(2));
      case "double[],double":
        return variance ? variance(x, args.get(1), integer(0), new Expr.Length(x), biasCorrected) : null;
      case "double[],double,int,int":
        return variance ? variance(x, args.get(1), args.get(2), args.get(3), biasCorrected) : null;
      default:
        return null;
    }
  }

  /** {@code MathArrays.verifyValues(x, begin, length, allowEmpty)}: throws, or says whether to compute. */
  private static Expr verified(Expr x, Expr begin, Expr length, boolean allowEmpty) {
    return call(MATH_ARRAYS, "verifyValues", Type.BOOLEAN, x, begin, length, new Expr.Literal(allowEmpty, Type.BOOLEAN));
  }

  /** The statistics other than the variances: NaN where the checks say so, else the loop. */
  private static Written simple(Kind kind, Expr x, Expr begin, Expr length) {
    if (kind == Kind.GEOMETRIC_MEAN) {
      // GeometricMean.evaluate: FastMath.exp(sumOfLogs.evaluate(values, begin, length) / length)
      Written logs = simple(Kind.SUM_LOG, x, begin, length);
      return new Written(logs.statements(), call(FAST_MATH, "exp", Type.DOUBLE, bin(Op.DIV, logs.value(), length)));
    }
    String named = switch (kind) {
      case SUM -> "_sum";
      case SUM_SQ -> "_sumSq";
      case PRODUCT -> "_product";
      case SUM_LOG -> "_sumLog";
      case MEAN -> "_mean";
      case MAX -> "_max";
      default -> "_min";
    };
    Var r = Var.temp(named, Type.DOUBLE);
    Expr end = Loops.end(begin, length);
    List<Stmt> body = new ArrayList<>();
    boolean allowEmpty = kind == Kind.SUM || kind == Kind.SUM_SQ || kind == Kind.PRODUCT || kind == Kind.SUM_LOG;
    switch (kind) {
      case SUM -> {
        body.add(assign(r, null, num(0)));
        body.add(forRange(begin, end, i -> List.of(assign(r, Op.ADD, at(x, i)))));
      }
      case SUM_SQ -> {
        body.add(assign(r, null, num(0)));
        body.add(forRange(begin, end, i -> List.of(assign(r, Op.ADD, bin(Op.MUL, at(x, i), at(x, i))))));
      }
      case PRODUCT -> {
        body.add(assign(r, null, num(1)));
        body.add(forRange(begin, end, i -> List.of(assign(r, Op.MUL, at(x, i)))));
      }
      case SUM_LOG -> {
        body.add(assign(r, null, num(0)));
        body.add(forRange(begin, end, i -> List.of(assign(r, Op.ADD, call(FAST_MATH, "log", Type.DOUBLE, at(x, i))))));
      }
      case MEAN -> {
        Written mean = mean(x, begin, length);
        body.addAll(mean.statements());
        body.add(assign(r, null, mean.value()));
      }
      case MAX, MIN -> {
        // The library keeps the larger (smaller) of the two, skipping NaN elements.
        Op keeps = kind == Kind.MAX ? Op.GT : Op.LT;
        body.add(assign(r, null, at(x, begin)));
        body.add(forRange(begin, end, i -> List.of(when(
            new Expr.Unary(Op.NOT, call(Loops.DOUBLE_CLASS, "isNaN", Type.BOOLEAN, at(x, i)), Type.BOOLEAN),
            block(assign(r, null, new Expr.Conditional(bin(keeps, ref(r), at(x, i)), ref(r), at(x, i), Type.DOUBLE)))))));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    List<Stmt> out = new ArrayList<>();
    out.add(declare(r, num(Double.NaN)));
    out.add(when(verified(x, begin, length, allowEmpty), block(body)));
    return new Written(out, ref(r));
  }

  /**
   * {@code Mean.evaluate(x, begin, length)} once its checks have passed: the sum over the length,
   * then the mean of the residuals added as a correction.
   */
  private static Written mean(Expr x, Expr begin, Expr length) {
    Expr end = Loops.end(begin, length);
    Var sum = Var.temp("_sum", Type.DOUBLE);
    Var xbar = Var.temp("_xbar", Type.DOUBLE);
    Var correction = Var.temp("_correction", Type.DOUBLE);
    List<Stmt> out = new ArrayList<>();
    out.add(declare(sum, num(0)));
    out.add(forRange(begin, end, i -> List.of(assign(sum, Op.ADD, at(x, i)))));
    out.add(declare(xbar, bin(Op.DIV, ref(sum), length)));
    out.add(declare(correction, num(0)));
    out.add(forRange(begin, end, i -> List.of(assign(correction, Op.ADD, bin(Op.SUB, at(x, i), ref(xbar))))));
    return new Written(out, bin(Op.ADD, ref(xbar), bin(Op.DIV, ref(correction), length)));
  }

  /**
   * {@code Variance.evaluate}: with {@code mean} null, the mean is computed first, as {@code
   * evaluate(x, begin, length)} does; then the sum of squared deviations less its correction
   * term, over {@code length - 1} where {@code biasCorrected} holds, else over {@code length}.
   */
  private static Written variance(Expr x, Expr mean, Expr begin, Expr length, Expr biasCorrected) {
    Var r = Var.temp("_variance", Type.DOUBLE);
    Expr end = Loops.end(begin, length);
    List<Stmt> many = new ArrayList<>();
    Expr m = mean;
    if (m == null) {
      Written computed = mean(x, begin, length);
      many.addAll(computed.statements());
      Var held = Var.temp("_mean", Type.DOUBLE);
      many.add(declare(held, computed.value()));
      m = ref(held);
    }
    Expr about = m;
    Var accum = Var.temp("_accum", Type.DOUBLE);
    Var accum2 = Var.temp("_accum2", Type.DOUBLE);
    many.add(declare(accum, num(0)));
    many.add(declare(accum2, num(0)));
    many.add(forRange(begin, end, i -> {
      Var dev = Var.temp("_dev", Type.DOUBLE);
      return List.of(declare(dev, bin(Op.SUB, at(x, i), about)), assign(accum, Op.ADD, bin(Op.MUL, ref(dev), ref(dev))), assign(accum2, Op.ADD, ref(dev)));
    }));
    Expr sumSq = bin(Op.SUB, ref(accum), bin(Op.DIV, bin(Op.MUL, ref(accum2), ref(accum2)), length));
    Expr corrected = bin(Op.DIV, sumSq, bin(Op.SUB, length, num(1)));
    Expr population = bin(Op.DIV, sumSq, length);
    Expr value = biasCorrected instanceof Expr.Literal l
        ? ((Boolean) l.value() ? corrected : population)
        : new Expr.Conditional(biasCorrected, corrected, population, Type.DOUBLE);
    many.add(assign(r, null, value));
    Stmt sizes =
        when(
            bin(Op.EQ, length, integer(1)),
            block(assign(r, null, num(0))),
            block(when(bin(Op.GT, length, integer(1)), block(many))));
    return new Written(List.of(declare(r, num(Double.NaN)), when(verified(x, begin, length, false), block(sizes))), ref(r));
  }

  /**
   * {@code Percentile.evaluate} (and {@code StatUtils.percentile}, {@code Median}) with the
   * estimation the plain constructors give: NaN elements dropped, then the legacy estimate
   * between the order statistics around {@code p (n + 1) / 100}. The order statistics are found
   * by the runtime's {@code Sorting.order} rather than the library's quickselect: the same
   * values (up to the sign of a zero), and the derivative reaches the elements they are. {@code
   * p} is the object's quantile where the signature has none.
   */
  private static Written percentile(String signature, List<Expr> args, Expr object, boolean median) {
    Expr x = args.get(0);
    boolean own = signature.equals("double[]") || signature.equals("double[],int,int");
    if (own && object == null) {
      return null;
    }
    // The object's quantile, read once (the object may be made in place) and typed for every stage.
    List<Stmt> first = new ArrayList<>();
    Expr p = signature.endsWith("double") ? args.get(args.size() - 1) : null;
    if (p instanceof Expr.Literal l && l.value() instanceof Number n) {
      p = num(n.doubleValue());
    } else if (p != null && !Type.DOUBLE.equals(p.type())) {
      p = new Expr.Cast(Type.DOUBLE, p); // an int argument: the library's message shows the double
    }
    if (own && median) {
      p = num(50); // every Median made with new is the 50th percentile
    } else if (own) {
      Expr typed = object instanceof Expr.Foreign f && f.type() == null
          ? new Expr.Foreign(f.parts(), Type.objectOf(new Owner(PKG + ".stat.descriptive.rank", "Percentile")))
          : object;
      Var quantile = Var.temp("_quantile", Type.DOUBLE);
      first.add(declare(quantile, new Expr.Foreign(List.of(typed, ".getQuantile()"), Type.DOUBLE)));
      p = ref(quantile);
    }
    Written w = switch (signature) {
      case "double[]", "double[],double" -> percentile(x, integer(0), new Expr.Length(x), p);
      case "double[],int,int", "double[],int,int,double" -> percentile(x, args.get(1), args.get(2), p);
      default -> null;
    };
    if (w == null) {
      return null;
    }
    first.addAll(w.statements());
    return new Written(first, w.value());
  }

  private static Written percentile(Expr x, Expr begin, Expr length, Expr p) {
    Owner outOfRange = new Owner(PKG + ".exception", "OutOfRangeException");
    Owner formats = new Owner(PKG + ".exception.util", "LocalizedFormats");
    Var r = Var.temp("_percentile", Type.DOUBLE);
    Var order = Var.temp("_order", Type.INT.arrayOf());
    Var m = Var.temp("_m", Type.INT);
    Var pos = Var.temp("_pos", Type.DOUBLE);
    Var fpos = Var.temp("_fpos", Type.DOUBLE);
    Var intPos = Var.temp("_intPos", Type.INT);
    Var lower = Var.temp("_lower", Type.DOUBLE);
    Var upper = Var.temp("_upper", Type.DOUBLE);
    Expr end = Loops.end(begin, length);
    List<Stmt> out = new ArrayList<>();
    out.add(new Stmt.Invoke(verified(x, begin, length, false)));
    Double constant = p instanceof Expr.Literal l ? ((Number) l.value()).doubleValue() : null;
    if (constant == null || !(constant > 0 && constant <= 100)) {
      out.add(when(
          bin(Op.OR, bin(Op.GT, p, num(100)), bin(Op.LE, p, num(0))),
          block(new Stmt.Throw(new Expr.Foreign(
              List.of("new ", outOfRange, "(", formats, ".OUT_OF_BOUNDS_QUANTILE_VALUE, ", p, ", 0, 100)"), null)))));
    }
    out.add(declare(r, num(Double.NaN)));
    // NaN sorts last: the first m of the order are the values left once NaN is dropped.
    List<Stmt> many = new ArrayList<>();
    many.add(declare(order, call(SORTING, "order", Type.INT.arrayOf(), x, begin, end)));
    many.add(declare(m, integer(0)));
    many.add(forRange(begin, end, i -> List.of(assign(m, Op.ADD, new Expr.Conditional(
        call(Loops.DOUBLE_CLASS, "isNaN", Type.BOOLEAN, at(x, i)), integer(0), integer(1), Type.INT)))));
    Expr q = constant != null ? num(constant / 100) : bin(Op.DIV, p, num(100));
    Expr index = constant != null
        ? (constant / 100 == 1 ? new Expr.Cast(Type.DOUBLE, ref(m)) : bin(Op.MUL, q, bin(Op.ADD, ref(m), integer(1))))
        : new Expr.Conditional(
        bin(Op.EQ, call(Loops.DOUBLE_CLASS, "compare", Type.INT, q, num(0)), integer(0)),
        num(0),
        new Expr.Conditional(
            bin(Op.EQ, call(Loops.DOUBLE_CLASS, "compare", Type.INT, q, num(1)), integer(0)),
            new Expr.Cast(Type.DOUBLE, ref(m)),
            bin(Op.MUL, q, bin(Op.ADD, ref(m), integer(1))),
            Type.DOUBLE),
        Type.DOUBLE);
    List<Stmt> estimate = new ArrayList<>();
    estimate.add(declare(pos, index));
    estimate.add(declare(fpos, call(FAST_MATH, "floor", Type.DOUBLE, ref(pos))));
    estimate.add(declare(intPos, new Expr.Cast(Type.INT, ref(fpos))));
    Expr dif = bin(Op.SUB, ref(pos), ref(fpos));
    Stmt between = when(
        bin(Op.GE, ref(pos), ref(m)),
        block(assign(r, null, at(x, at(ref(order), bin(Op.SUB, ref(m), integer(1)))))),
        block(
            declare(lower, at(x, at(ref(order), bin(Op.SUB, ref(intPos), integer(1))))),
            declare(upper, at(x, at(ref(order), ref(intPos)))),
            assign(r, null, bin(Op.ADD, ref(lower), bin(Op.MUL, dif, bin(Op.SUB, ref(upper), ref(lower)))))));
    estimate.add(when(bin(Op.LT, ref(pos), num(1)), block(assign(r, null, at(x, at(ref(order), integer(0))))), block(between)));
    many.add(when(bin(Op.GT, ref(m), integer(0)), block(estimate)));
    out.add(when(
        bin(Op.EQ, length, integer(1)),
        block(assign(r, null, at(x, begin))),
        block(when(bin(Op.GT, length, integer(1)), block(many)))));
    return new Written(out, ref(r));
  }

  /**
   * The one-sample t statistic, {@code TTest.t(mu, observed)}: the library's checks, then {@code
   * (mean - mu) / sqrt(variance / n)} with {@code StatUtils}' mean and variance.
   */
  private static Written t(Expr mu, Expr x) {
    List<Stmt> out = new ArrayList<>();
    Owner tooSmall = new Owner(PKG + ".exception", "NumberIsTooSmallException");
    Owner formats = new Owner(PKG + ".exception.util", "LocalizedFormats");
    out.add(when(
        bin(Op.LT, new Expr.Length(x), integer(2)),
        block(new Stmt.Throw(new Expr.Foreign(
            List.of("new ", tooSmall, "(", formats, ".INSUFFICIENT_DATA_FOR_T_STATISTIC, ", new Expr.Length(x), ", 2, true)"), null)))));
    Written mean = simple(Kind.MEAN, x, integer(0), new Expr.Length(x));
    Written variance = variance(x, null, integer(0), new Expr.Length(x), new Expr.Literal(true, Type.BOOLEAN));
    out.addAll(mean.statements());
    out.addAll(variance.statements());
    Expr n = new Expr.Cast(Type.DOUBLE, new Expr.Length(x));
    Expr value = bin(Op.DIV, bin(Op.SUB, mean.value(), mu), call(FAST_MATH, "sqrt", Type.DOUBLE, bin(Op.DIV, variance.value(), n)));
    return new Written(out, value);
  }

  /** The classes this table has rows for, by canonical name. */
  public static Set<String> owners() {
    Set<String> out = new java.util.TreeSet<>(OBJECTS.keySet());
    out.add(STAT_UTILS);
    out.add(TEST_UTILS);
    out.add(T_TEST);
    return out;
  }
}
