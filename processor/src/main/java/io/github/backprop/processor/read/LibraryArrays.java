package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.ArrayFunctions;
import io.github.backprop.processor.rules.SmileArrays;
import io.github.backprop.processor.rules.Statistics;
import io.github.backprop.processor.rules.Written;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Library functions over arrays that backprop writes out: {@code MathArrays.sortInPlace(x,
 * ys...)} of Hipparchus and Commons Math 3, which Hipparchus's own interpolators call ({@link
 * ArrayMethods#sortTogether}), and the rows of {@link ArrayFunctions}, {@link Statistics} and
 * {@link SmileArrays} ({@code MathArrays.distance}, {@code StatUtils.mean}, {@code new
 * Variance().evaluate(x)}, Smile's {@code Math.median}, ...).
 */
final class LibraryArrays {
  private LibraryArrays() {}

  private static final String HIPPARCHUS = "org.hipparchus.util.MathArrays";
  private static final String COMMONS = "org.apache.commons.math3.util.MathArrays";

  /** Whether a call of {@code declaring.sortInPlace} with {@code args} is the one written out. */
  static boolean sortsTogether(TypeElement declaring, List<Expr> args) {
    String name = declaring.getQualifiedName().toString();
    return (name.equals(HIPPARCHUS) || name.equals(COMMONS))
        && args.stream().allMatch(a -> a.type() != null && a.type().isArray() && a.type().element().equals(Type.DOUBLE));
  }

  /** The library's exception for {@code y}, whose length is not {@code x}'s. */
  static Expr.Foreign mismatch(TypeElement declaring, Expr y, Expr x) {
    String name = declaring.getQualifiedName().toString();
    return ArrayFunctions.mismatch(name.substring(0, name.lastIndexOf('.')), y, x);
  }

  /** {@code m}'s parameter types as the tables key them, {@code "double[],double"}. */
  static String signature(ExecutableElement m) {
    StringJoiner j = new StringJoiner(",");
    m.getParameters().forEach(p -> j.add(p.asType().toString()));
    return j.toString();
  }

  /**
   * Whether a table writes out {@code m}: a static method of {@code owner}, or one called on an
   * object of exactly that class ({@code onObject}).
   */
  static boolean writesOut(String owner, ExecutableElement m, boolean onObject) {
    if (onObject) {
      return Statistics.onObject(owner) && table(owner, m, placeholders(m), new Expr.Foreign(List.of("o"), null)) != null;
    }
    return (ArrayFunctions.OWNERS.contains(owner) || SmileArrays.OWNERS.contains(owner)
            || (Statistics.hasRows(owner) && !Statistics.onObject(owner)))
        && table(owner, m, placeholders(m), null) != null;
  }

  /** Whether the written-out {@code m} of {@code owner} writes into its array arguments (a selection rearranges them). */
  static boolean writesArrays(String owner, ExecutableElement m) {
    return SmileArrays.writes(owner, m.getSimpleName().toString());
  }

  /**
   * What backprop writes out of {@code declaring}'s family, to end the message for a method of it
   * that it does not ({@code onObject}: called on an object), or an empty string.
   */
  static String coverage(TypeElement declaring, boolean onObject) {
    String owner = declaring.getQualifiedName().toString();
    if (ArrayFunctions.OWNERS.contains(owner)) {
      return "; backprop writes out MathArrays' distance, distance1, distanceInf, linearCombination, ebeAdd,"
          + " ebeSubtract, ebeMultiply, ebeDivide and scale";
    }
    if (owner.startsWith("org.apache.commons.math3.stat.")) {
      return onObject
          ? "; backprop writes out evaluate of a Sum, SumOfSquares, Product, SumOfLogs, GeometricMean, Mean, Variance,"
              + " StandardDeviation, Max, Min, Median or Percentile, and TTest.t(mu, x), called on an object made with new"
              + " in place, in a final field (static final Mean MEAN = new Mean()) or in a local never assigned again"
          : "; backprop writes out StatUtils' sum, sumSq, product, sumLog, geometricMean, mean, variance,"
              + " populationVariance, max, min and percentile, and TestUtils.t(mu, x)";
    }
    if (SmileArrays.OWNERS.contains(owner)) {
      return "; backprop writes out QuickSelect's select, median, q1 and q3 of a double[], and Math's median,"
          + " q1, q3, mad, sum, mean, var, sd, cov and cor of double[]";
    }
    return "";
  }

  /** {@code m(args)} of {@code owner} (on {@code object}, or null) as the table writes it. */
  static Written written(String owner, ExecutableElement m, List<Expr> args, Expr object) {
    return table(owner, m, args, object);
  }

  private static Written table(String owner, ExecutableElement m, List<Expr> args, Expr object) {
    String name = m.getSimpleName().toString();
    Written w = ArrayFunctions.find(owner, name, signature(m), args);
    if (w == null) {
      w = SmileArrays.find(owner, name, signature(m), args);
    }
    return w != null ? w : Statistics.find(owner, name, signature(m), args, object);
  }

  /** Stand-ins of {@code m}'s parameters, to ask a table whether it has a row. */
  private static List<Expr> placeholders(ExecutableElement m) {
    List<Expr> out = new ArrayList<>();
    for (Type t : Resolver.paramTypes(m)) {
      out.add(new Expr.Ref(Var.temp("_p", t == null ? Type.INT : t)));
    }
    return out;
  }
}
