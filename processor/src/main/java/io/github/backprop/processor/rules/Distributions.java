package io.github.backprop.processor.rules;

import static io.github.backprop.processor.ir.Exprs.add;
import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.lit;
import static io.github.backprop.processor.ir.Exprs.math;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;
import static io.github.backprop.processor.ir.Exprs.sub;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.rules.Rule.Partial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of derivative rules for methods of probability distribution objects: Hipparchus
 * and Commons Math 3 ({@code RealDistribution}), Smile ({@code Distribution}) and OpenGamma Strata
 * ({@code ProbabilityDistribution}). Such a call is written on an object, {@code
 * NORMAL.getCDF(d1)}; its first argument here is that object, which carries no derivative.
 *
 * <p>Any distribution's cumulative probability has its density as derivative, and its inverse
 * the reciprocal density at the result, so the interfaces have those rows, with the density
 * called on the same object. The density's own derivative depends on the distribution: the
 * normal, log-normal and exponential ones have rows, so their second order works too. A row of a
 * class is found for an object of that class or of any subclass.
 */
public final class Distributions {
  private Distributions() {}

  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private static final Map<String, Rule> ROWS = new HashMap<>();

  static {
    for (String pkg : List.of("org.hipparchus.distribution", "org.apache.commons.math3.distribution")) {
      boolean hipparchus = pkg.startsWith("org.hipparchus");
      String concrete = hipparchus ? pkg + ".continuous" : pkg;
      Owner real = new Owner(pkg, "RealDistribution");
      realRows(real);
      realRows(new Owner(concrete, "AbstractRealDistribution"));
      Owner normal = new Owner(concrete, "NormalDistribution");
      realRows(normal);
      // density' = -(x - mean) / sd^2 density; the variance getter is sd * sd in both libraries.
      row(normal, "density", (a, r) -> mul(neg(div(sub(a.get(1), get(a, "getMean")), get(a, "getNumericalVariance"))), r));
      row(normal, "logDensity", (a, r) -> neg(div(sub(a.get(1), get(a, "getMean")), get(a, "getNumericalVariance"))));
      Owner logNormal = new Owner(concrete, "LogNormalDistribution");
      realRows(logNormal);
      String location = hipparchus ? "getLocation" : "getScale";
      // log density = -(ln x - m)^2 / (2 s^2) - ln x - ln(s sqrt(2 pi)), for x > 0
      Partial dLog = (a, r) -> positive(a.get(1), neg(div(add1(div(sub(math("log", a.get(1)), get(a, location)), square(get(a, "getShape")))), a.get(1))));
      row(logNormal, "logDensity", dLog);
      row(logNormal, "density", (a, r) -> mul(dLog.of(a, r), r));
      Owner exponential = new Owner(concrete, "ExponentialDistribution");
      realRows(exponential);
      // density = exp(-x / mean) / mean for x >= 0, and 0 below: its derivative is -density / mean;
      // below 0 the log density is -infinity, and nothing differentiates it there.
      row(exponential, "density", (a, r) -> neg(div(r, get(a, "getMean"))));
      row(exponential, "logDensity", (a, r) -> neg(div(lit(1), get(a, "getMean"))));
    }
    smileRows();
    strataRows();
  }

  /** Cumulative probability, the probability of an interval, and the inverse, of any distribution. */
  private static void realRows(Owner o) {
    row(o, "cumulativeProbability", (a, r) -> on(o, "density", a.get(0), a.get(1)));
    Partial lower = (a, r) -> neg(on(o, "density", a.get(0), a.get(1)));
    Partial upper = (a, r) -> on(o, "density", a.get(0), a.get(2));
    boolean math3 = o.packageName().startsWith("org.apache.commons.math3");
    // Commons Math 3 has probability(x0, x1) on its classes only, and the older name everywhere.
    if (!math3 || !o.simpleNames().equals("RealDistribution")) {
      row(o, "probability", lower, upper);
    }
    if (math3) {
      row(o, "cumulativeProbability", lower, upper);
    }
    row(o, "inverseCumulativeProbability", (a, r) -> div(lit(1), on(o, "density", a.get(0), r)));
  }

  /** Smile 1.x: {@code Distribution} and {@code GaussianDistribution}. */
  private static void smileRows() {
    for (String name : List.of("Distribution", "AbstractDistribution", "GaussianDistribution")) {
      Owner o = new Owner("smile.stat.distribution", name);
      row(o, "cdf", (a, r) -> on(o, "p", a.get(0), a.get(1)));
      row(o, "quantile", (a, r) -> div(lit(1), on(o, "p", a.get(0), r)));
    }
    Owner gaussian = new Owner("smile.stat.distribution", "GaussianDistribution");
    Partial dLog = (a, r) -> neg(div(sub(a.get(1), get(a, "mean")), get(a, "var")));
    row(gaussian, "logp", dLog);
    row(gaussian, "p", (a, r) -> mul(dLog.of(a, r), r));
  }

  /**
   * OpenGamma Strata: {@code ProbabilityDistribution<Double>}. Strata's {@code NormalDistribution}
   * computes its cumulative probability and its inverse for the standard normal whatever its mean
   * and deviation, and its density with them; the rows differentiate what it computes.
   */
  private static void strataRows() {
    String pkg = "com.opengamma.strata.math.impl.statistics.distribution";
    Owner any = new Owner(pkg, "ProbabilityDistribution");
    row(any, "getCDF", (a, r) -> on(any, "getPDF", a.get(0), a.get(1)));
    row(any, "getInverseCDF", (a, r) -> div(lit(1), on(any, "getPDF", a.get(0), r)));
    Owner normal = new Owner(pkg, "NormalDistribution");
    row(normal, "getCDF", (a, r) -> standardDensity(a.get(1)));
    row(normal, "getInverseCDF", (a, r) -> div(lit(1), standardDensity(r)));
    row(normal, "getPDF", (a, r) -> mul(neg(div(sub(a.get(1), get(a, "getMean")), square(get(a, "getStandardDeviation")))), r));
  }

  /** The rule for {@code owner.name} called on an object with {@code arity - 1} arguments, or null. */
  public static Rule find(Owner owner, String name, int arity) {
    return ROWS.get(key(owner, name, arity));
  }

  /** The classes and interfaces this table has rows for, by canonical name. */
  public static Set<String> owners() {
    Set<String> out = new TreeSet<>();
    ROWS.keySet().forEach(k -> out.add(k.substring(0, k.indexOf('#'))));
    return Collections.unmodifiableSet(out);
  }

  /** Every row, as {@code owner#name/arity}, for tests. */
  public static Set<String> rows() {
    return Collections.unmodifiableSet(new TreeSet<>(ROWS.keySet()));
  }

  private static String key(Owner owner, String name, int arity) {
    return owner.canonicalName() + "#" + name + "/" + arity;
  }

  /** A row: the object carries no derivative, then one partial per argument. */
  private static void row(Owner owner, String name, Partial... partials) {
    List<Partial> all = new ArrayList<>();
    all.add(null);
    all.addAll(Arrays.asList(partials));
    ROWS.put(key(owner, name, all.size()), new Rule(name, all.size(), Collections.unmodifiableList(all)));
  }

  /** {@code object.name(args)}, differentiated by the rows of {@code owner}. */
  private static Expr on(Owner owner, String name, Expr object, Expr... args) {
    List<Expr> all = new ArrayList<>();
    all.add(object);
    all.addAll(Arrays.asList(args));
    return new Expr.Call(owner, name, all, Type.DOUBLE, true);
  }

  /** A parameter of the distribution, {@code object.getMean()}: a constant of the method. */
  private static Expr get(List<Expr> args, String getter) {
    return new Expr.Foreign(List.of(args.get(0), "." + getter + "()"), Type.DOUBLE);
  }

  private static Expr square(Expr x) {
    return mul(x, x);
  }

  private static Expr add1(Expr x) {
    return add(lit(1), x);
  }

  /** {@code value} where {@code x > 0}, and 0 elsewhere, where a density is flat at zero. */
  private static Expr positive(Expr x, Expr value) {
    return new Expr.Conditional(
        new Expr.Binary(Expr.Op.GT, x, lit(0), Type.BOOLEAN), value, lit(0), Type.DOUBLE);
  }

  /** The standard normal density, exp(-x^2 / 2) / sqrt(2 pi). */
  private static Expr standardDensity(Expr x) {
    return div(math("exp", neg(div(mul(x, x), lit(2)))), lit(SQRT_TWO_PI));
  }
}
