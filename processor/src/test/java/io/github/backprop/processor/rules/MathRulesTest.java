package io.github.backprop.processor.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link MathRules} table, row by row, through the processor: every function of {@code Math}
 * and {@code StrictMath} it differentiates is written into small methods, compiled with the
 * processor, and each generated gradient is compared with Richardson-extrapolated finite
 * differences of the method itself. On top of that: exact derivatives at known points, the
 * conventions at kinks (which finite differences cannot see), and a reflection walk over
 * {@code Math} and {@code StrictMath} that fails on any function the table does not account for,
 * so a new JDK's additions are noticed.
 *
 * <p>Each function is written in five shapes, because the processor treats them differently:
 *
 * <ul>
 *   <li>{@code root}: {@code return M.f(args);} (a rule that reads the result reuses the
 *       method's value);
 *   <li>{@code nested}: {@code return 2 * M.f(args) * y + x;} (a non-root operand: the result
 *       is named in the forward sweep when the rule reads it);
 *   <li>{@code local}: {@code double t = M.f(args); return t * y - x;} (the result reused
 *       through the local it is assigned to);
 *   <li>{@code self}: {@code double t = a0; t = M.f(t, a1...); return t * y + x;} (the target is
 *       also the argument, so the result must not be reused and the old value is restored);
 *   <li>{@code chain}: {@code return Math.sin(M.f(args)) * y;} (the call nested in another
 *       call's argument).
 * </ul>
 */
class MathRulesTest {

  // ---------------------------------------------------------------- the cases

  /**
   * One function under test.
   *
   * @param id a name for the generated methods
   * @param fn the {@code Math} function
   * @param args its argument expressions, in {@code double x} and {@code double y}
   * @param cast whether the call is written {@code (double) M.fn(...)} (for a non-double result)
   * @param minJdk the first JDK that has the function
   */
  record Case(String id, String fn, List<String> args, boolean cast, int minJdk) {
    String call(String owner, String... override) {
      List<String> a = new ArrayList<>(args);
      for (int i = 0; i < override.length; i++) {
        a.set(i, override[i]);
      }
      String call = owner + "." + fn + "(" + String.join(", ", a) + ")";
      return cast ? "(double) " + call : call;
    }

    boolean available() {
      return Runtime.version().feature() >= minJdk;
    }
  }

  private static Case c(String id, String fn, String... args) {
    return new Case(id, fn, List.of(args), false, 17);
  }

  private static Case cast(String id, String fn, String... args) {
    return new Case(id, fn, List.of(args), true, 17);
  }

  /**
   * Every row of the table, with arguments chosen so that the default {@link #POINTS} lie inside
   * the domain and away from kinks and jumps (x * y is 0.3397, -0.9017, -0.6254, 1.5232).
   */
  static final List<Case> CASES =
      List.of(
          c("sin", "sin", "x * y"),
          c("cos", "cos", "x * y"),
          c("tan", "tan", "x * y * 0.5"),
          c("asin", "asin", "x * y * 0.5"),
          c("acos", "acos", "x * y * 0.5"),
          c("atan", "atan", "x * y"),
          c("atan2", "atan2", "x", "y"),
          c("atan2Mixed", "atan2", "x * y", "y - x"),
          c("sinh", "sinh", "x * y"),
          c("cosh", "cosh", "x * y"),
          c("tanh", "tanh", "x * y"),
          c("exp", "exp", "x * y"),
          c("expm1", "expm1", "x * y"),
          c("log", "log", "x * x + y * y"),
          c("log10", "log10", "x * x + y * y"),
          c("log1p", "log1p", "x * y * 0.5"),
          c("sqrt", "sqrt", "x * x + y * y"),
          c("cbrt", "cbrt", "x * y"),
          c("pow2", "pow", "x * y", "2"),
          c("pow2d", "pow", "x * y", "2.0"),
          c("pow3", "pow", "x * y", "3"),
          c("powHalf", "pow", "x * x + y * y", "0.5"),
          c("pow1", "pow", "x * y", "1"),
          c("pow0", "pow", "x * y", "0"),
          c("powMinus2", "pow", "x * x + 1", "-2"),
          c("powVar", "pow", "x * x + 1", "y"),
          c("powVarBoth", "pow", "x * x + 1", "x * y"),
          c("hypot", "hypot", "x", "y"),
          c("hypotMixed", "hypot", "x * y", "y - 1"),
          c("abs", "abs", "x * y"),
          c("max", "max", "x", "y"),
          c("maxConst", "max", "x * y", "-0.7"),
          c("min", "min", "x", "y"),
          c("minConst", "min", "x * y", "0.5"),
          c("fma", "fma", "x", "y", "x * y"),
          c("fmaMixed", "fma", "x * y", "y + 1", "x"),
          c("toRadians", "toRadians", "x * y * 30"),
          c("toDegrees", "toDegrees", "x * y"),
          c("ieeeRemainder", "IEEEremainder", "x * 5", "y + 2"),
          c("copySign", "copySign", "x * y", "y + 0.2"),
          c("scalb", "scalb", "x * y", "3"),
          c("scalbNegative", "scalb", "x * y", "-2"),
          c("nextUp", "nextUp", "x * y"),
          c("nextDown", "nextDown", "x * y"),
          c("nextAfter", "nextAfter", "x * y", "y"),
          c("floor", "floor", "x * y"),
          c("ceil", "ceil", "x * y"),
          c("rint", "rint", "x * y"),
          cast("round", "round", "x * y"),
          c("signum", "signum", "x * y"),
          c("ulp", "ulp", "x * y"),
          cast("getExponent", "getExponent", "x * y"),
          // Java 21+. x * y falls below, inside, inside and above [-0.7, 1.2]; with variable
          // bounds x is inside, below, above and inside [y - 1, y + 1].
          new Case("clamp", "clamp", List.of("x * y", "-0.7", "1.2"), false, 21),
          new Case("clampVar", "clamp", List.of("x", "y - 1", "y + 1"), false, 21));

  static final List<String> FORMS = List.of("root", "nested", "local", "self", "chain");

  static final Map<String, String> OWNERS =
      Map.of("M", "Math", "S", "StrictMath");

  /** (x, y) points, none near a kink or jump of any case above. */
  static final double[][] POINTS = {{0.43, 0.79}, {-0.71, 1.27}, {1.18, -0.53}, {-1.36, -1.12}};

  private static String body(Case k, String form, String owner) {
    switch (form) {
      case "root":
        return "return " + k.call(owner) + ";";
      case "nested":
        return "return 2 * " + k.call(owner) + " * y + x;";
      case "local":
        return "double t = " + k.call(owner) + "; return t * y - x;";
      case "self":
        return "double t = " + k.args().get(0) + "; t = " + k.call(owner, "t") + "; return t * y + x;";
      case "chain":
        return "return Math.sin(" + k.call(owner) + ") * y;";
      default:
        throw new IllegalArgumentException(form);
    }
  }

  private static String methodName(Case k, String form, String ownerKey) {
    return k.id() + "_" + form + "_" + ownerKey;
  }

  private static String sources(Predicate<Case> which) {
    StringBuilder b = new StringBuilder();
    for (Case k : CASES) {
      if (!which.test(k)) {
        continue;
      }
      for (String form : FORMS) {
        for (Map.Entry<String, String> o : OWNERS.entrySet()) {
          b.append("  @Differentiable static double ")
              .append(methodName(k, form, o.getKey()))
              .append("(double x, double y) { ")
              .append(body(k, form, o.getValue()))
              .append(" }\n");
        }
      }
    }
    return b.toString();
  }

  /**
   * One-argument methods for exact derivatives and kinks, and a few shapes beyond the
   * five above (integer-typed locals, {@code random}, a function of a tie with itself).
   */
  private static final String EXTRA =
      """
        @Differentiable static double sin1(double x) { return Math.sin(x); }
        @Differentiable static double cos1(double x) { return Math.cos(x); }
        @Differentiable static double tan1(double x) { return Math.tan(x); }
        @Differentiable static double asin1(double x) { return Math.asin(x); }
        @Differentiable static double acos1(double x) { return Math.acos(x); }
        @Differentiable static double atan1(double x) { return Math.atan(x); }
        @Differentiable static double sinh1(double x) { return Math.sinh(x); }
        @Differentiable static double cosh1(double x) { return Math.cosh(x); }
        @Differentiable static double tanh1(double x) { return Math.tanh(x); }
        @Differentiable static double exp1(double x) { return Math.exp(x); }
        @Differentiable static double expNested1(double x) { return 2 * Math.exp(x) + 0; }
        @Differentiable static double strictExp1(double x) { return StrictMath.exp(x); }
        @Differentiable static double expm11(double x) { return Math.expm1(x); }
        @Differentiable static double log1(double x) { return Math.log(x); }
        @Differentiable static double log101(double x) { return Math.log10(x); }
        @Differentiable static double log1p1(double x) { return Math.log1p(x); }
        @Differentiable static double sqrt1(double x) { return Math.sqrt(x); }
        @Differentiable static double sqrtNested1(double x) { return 1 + Math.sqrt(x); }
        @Differentiable static double strictSqrt1(double x) { return StrictMath.sqrt(x); }
        @Differentiable static double cbrt1(double x) { return Math.cbrt(x); }
        @Differentiable static double pow21(double x) { return Math.pow(x, 2); }
        @Differentiable static double pow31(double x) { return Math.pow(x, 3); }
        @Differentiable static double powHalf1(double x) { return Math.pow(x, 0.5); }
        @Differentiable static double pow01(double x) { return Math.pow(x, 0); }
        @Differentiable static double abs1(double x) { return Math.abs(x); }
        @Differentiable static double strictAbs1(double x) { return StrictMath.abs(x); }
        @Differentiable static double toRadians1(double x) { return Math.toRadians(x); }
        @Differentiable static double toDegrees1(double x) { return Math.toDegrees(x); }
        @Differentiable static double scalb31(double x) { return Math.scalb(x, 3); }
        @Differentiable static double scalbN(double x, int n) { return Math.scalb(x, n); }
        @Differentiable static double nextUp1(double x) { return Math.nextUp(x); }
        @Differentiable static double nextDown1(double x) { return Math.nextDown(x); }
        @Differentiable static double floor1(double x) { return Math.floor(x); }
        @Differentiable static double ceil1(double x) { return Math.ceil(x); }
        @Differentiable static double rint1(double x) { return Math.rint(x); }
        @Differentiable static double round1(double x) { return (double) Math.round(x); }
        @Differentiable static double signum1(double x) { return Math.signum(x); }
        @Differentiable static double ulp1(double x) { return Math.ulp(x); }
        @Differentiable static double getExponent1(double x) { return (double) Math.getExponent(x); }
        @Differentiable static double strictFloor1(double x) { return StrictMath.floor(x); }
        @Differentiable static double maxSelf(double x) { return Math.max(x, x); }
        @Differentiable static double minSelf(double x) { return Math.min(x, x); }

        @Differentiable static double atan2_2(double y, double x) { return Math.atan2(y, x); }
        @Differentiable static double pow_2(double x, double y) { return Math.pow(x, y); }
        @Differentiable static double powNested_2(double x, double y) { return 3 * Math.pow(x, y) * 1; }
        @Differentiable static double strictPow_2(double x, double y) { return StrictMath.pow(x, y); }
        @Differentiable static double hypot_2(double x, double y) { return Math.hypot(x, y); }
        @Differentiable static double max_2(double x, double y) { return Math.max(x, y); }
        @Differentiable static double min_2(double x, double y) { return Math.min(x, y); }
        @Differentiable static double strictMax_2(double x, double y) { return StrictMath.max(x, y); }
        @Differentiable static double strictMin_2(double x, double y) { return StrictMath.min(x, y); }
        @Differentiable static double ieeeRemainder_2(double x, double y) { return Math.IEEEremainder(x, y); }
        @Differentiable static double copySign_2(double x, double y) { return Math.copySign(x, y); }
        @Differentiable static double nextAfter_2(double x, double y) { return Math.nextAfter(x, y); }
        @Differentiable static double fma_3(double x, double y, double z) { return Math.fma(x, y, z); }

        @Differentiable static double roundLong(double x, double y) { long k = Math.round(x * y); return k * y + x; }
        @Differentiable static double exponentInt(double x, double y) { int e = Math.getExponent(x * y); return e * y + x; }
        @Differentiable static double floorInt(double x, double y) { int n = (int) Math.floor(x * y); return n * y + x; }
        @Differentiable static double random(double x, double y) { return x + Math.random() * y; }
        @Differentiable static double zerosTogether(double x, double y) {
          return Math.floor(x) + Math.ceil(x) * y + Math.rint(y) + Math.round(x) + Math.signum(x)
              + Math.ulp(x) + Math.getExponent(x) + StrictMath.floor(y) + y;
        }
        @Differentiable static double strictMix(double x, double y) {
          return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.sqrt(x * x + 1) + StrictMath.pow(x, 2)
              + StrictMath.atan2(y, x) + StrictMath.max(x, y) + Math.log(StrictMath.cosh(x * y));
        }
      """;

  /** Java 21+: exact and kink checks of clamp. */
  private static final String EXTRA_21 =
      """
        @Differentiable static double clamp_3(double v, double lo, double hi) { return Math.clamp(v, lo, hi); }
        @Differentiable static double strictClamp_3(double v, double lo, double hi) { return StrictMath.clamp(v, lo, hi); }
      """;

  /** Everything every JDK has, in one compilation unit for speed. */
  private static final Compiled C = Compiled.members(sources(k -> k.minJdk() <= 17) + EXTRA);

  /** The functions a newer JDK added, compiled only where they exist. */
  private static Compiled newer;

  private static synchronized Compiled newer() {
    if (newer == null) {
      newer = Compiled.members(sources(k -> k.minJdk() > 17 && k.available()) + EXTRA_21);
    }
    return newer;
  }

  static Stream<Arguments> generated() {
    List<Arguments> out = new ArrayList<>();
    for (Case k : CASES) {
      for (String form : FORMS) {
        for (Map.Entry<String, String> o : OWNERS.entrySet()) {
          out.add(
              Arguments.of(
                  k, form, o.getKey(), o.getValue() + "." + k.fn() + " " + form + " [" + k.id() + "]"));
        }
      }
    }
    return out.stream();
  }

  // ---------------------------------------------------------------- finite differences

  @ParameterizedTest(name = "{3}")
  @MethodSource("generated")
  void everyRowMatchesFiniteDifferences(Case k, String form, String ownerKey, String label) {
    assumeTrue(k.available(), k.fn() + " needs JDK " + k.minJdk());
    Compiled unit = k.minJdk() > 17 ? newer() : C;
    assertTrue(unit.succeeded(), unit.diagnostics());
    String name = methodName(k, form, ownerKey);
    for (double[] p : POINTS) {
      Map<String, Object> grad = GradCheck.check(unit, name, p[0], p[1]);
      assertEquals(List.of("value", "x", "y"), List.copyOf(grad.keySet()), name);
    }
  }

  /** Every row of the table has a case above, so a new row cannot go untested. */
  @Test
  void everyRowHasACase() {
    Set<String> tested = new TreeSet<>();
    CASES.forEach(k -> tested.add(k.fn()));
    assertEquals(new TreeSet<>(MathRules.names()), tested);
  }

  @Test
  void shapesCombineWithStrictMathAndIntegerLocals() {
    for (double[] p : POINTS) {
      GradCheck.check(C, "strictMix", p[0], p[1]);
      GradCheck.check(C, "roundLong", p[0], p[1]);
      GradCheck.check(C, "exponentInt", p[0], p[1]);
      GradCheck.check(C, "floorInt", p[0], p[1]);
      GradCheck.check(C, "zerosTogether", p[0] + 0.2, p[1] + 0.1);
    }
    for (double x : new double[] {0.3, 1.7, -2.4}) {
      for (int n : new int[] {-3, 0, 5}) {
        GradCheck.check(C, "scalbN", x, n);
      }
    }
  }

  // ---------------------------------------------------------------- exact values

  @Test
  void exactDerivatives() {
    exact(1.0, "sin1", 0.0);
    exact(-1.0, "cos1", Math.PI / 2);
    exact(0.0, "cos1", 0.0);
    exact(1.0, "tan1", 0.0);
    exact(2.0, "tan1", Math.PI / 4, 1e-15);
    exact(1.0, "asin1", 0.0);
    exact(-1.0, "acos1", 0.0);
    exact(1.0, "atan1", 0.0);
    exact(0.5, "atan1", 1.0);
    exact(1.0, "sinh1", 0.0);
    exact(0.0, "cosh1", 0.0);
    exact(1.0, "tanh1", 0.0);
    exact(Math.exp(1.0), "exp1", 1.0);
    exact(Math.E, "exp1", 1.0, Math.ulp(Math.E));
    exact(1.0, "exp1", 0.0);
    exact(2 * Math.exp(1.0), "expNested1", 1.0);
    exact(StrictMath.exp(1.0), "strictExp1", 1.0);
    exact(1.0, "expm11", 0.0);
    exact(0.5, "log1", 2.0);
    exact(1.0, "log1", 1.0);
    exact(1 / Math.log(10), "log101", 1.0, 1e-15);
    exact(0.1 / Math.log(10), "log101", 10.0, 1e-16);
    exact(1.0, "log1p1", 0.0);
    exact(0.25, "sqrt1", 4.0);
    exact(0.25, "sqrtNested1", 4.0);
    exact(0.25, "strictSqrt1", 4.0);
    exact(1.0 / 6, "sqrt1", 9.0);
    exact(1.0 / 12, "cbrt1", 8.0);
    exact(1.0 / 12, "cbrt1", -8.0);
    exact(6.0, "pow21", 3.0);
    exact(-6.0, "pow21", -3.0);
    exact(12.0, "pow31", 2.0);
    exact(0.25, "powHalf1", 4.0);
    exact(1.0, "abs1", 3.0);
    exact(-1.0, "abs1", -2.0);
    exact(-1.0, "strictAbs1", -2.0);
    exact(Math.PI / 180, "toRadians1", 12.0);
    exact(180 / Math.PI, "toDegrees1", 0.5);
    exact(8.0, "scalb31", 1.7);
    exactN(0.125, "scalbN", 1.7, -3);
    exactN(1.0, "scalbN", 1.7, 0);
    exact(1.0, "nextUp1", 0.3);
    exact(1.0, "nextDown1", 0.3);

    grad2("atan2_2", 1.0, 1.0, 0.5, -0.5);
    grad2("atan2_2", 0.0, 1.0, 1.0, 0.0);
    grad2("pow_2", 2.0, 3.0, 12.0, 8 * Math.log(2));
    grad2("powNested_2", 2.0, 3.0, 36.0, 24 * Math.log(2));
    grad2("strictPow_2", 2.0, 3.0, 12.0, 8 * StrictMath.log(2));
    grad2("hypot_2", 3.0, 4.0, 0.6, 0.8);
    grad2("max_2", 3.0, 2.0, 1.0, 0.0);
    grad2("max_2", -1.0, 2.0, 0.0, 1.0);
    grad2("min_2", 3.0, 2.0, 0.0, 1.0);
    grad2("min_2", -1.0, 2.0, 1.0, 0.0);
    grad2("ieeeRemainder_2", 5.0, 3.0, 1.0, -2.0);
    grad2("ieeeRemainder_2", 4.0, 3.0, 1.0, -1.0);
    grad2("copySign_2", 2.0, -1.0, -1.0, 0.0);
    grad2("copySign_2", -2.0, -1.0, 1.0, 0.0);
    grad2("copySign_2", -2.0, 5.0, -1.0, 0.0);
    grad2("nextAfter_2", 0.3, 1.0, 1.0, 0.0);

    Map<String, Object> fma = Compiled.components(C.call("p.CGrad", "fma_3", 2.0, 3.0, 4.0));
    assertEquals(10.0, (Double) fma.get("value"), 0.0);
    assertEquals(3.0, (Double) fma.get("x"), 0.0);
    assertEquals(2.0, (Double) fma.get("y"), 0.0);
    assertEquals(1.0, (Double) fma.get("z"), 0.0);
  }

  // ---------------------------------------------------------------- kinks

  @Test
  void absHasDerivativeZeroAtZero() {
    exact(0.0, "abs1", 0.0);
    exact(0.0, "abs1", -0.0);
    exact(0.0, "strictAbs1", 0.0);
  }

  @Test
  void maxAndMinSplitATieEqually() {
    for (double t : new double[] {0.0, 1.5, -2.25}) {
      grad2("max_2", t, t, 0.5, 0.5);
      grad2("min_2", t, t, 0.5, 0.5);
      grad2("strictMax_2", t, t, 0.5, 0.5);
      grad2("strictMin_2", t, t, 0.5, 0.5);
      // Both halves reach the same variable: max(x, x) = x.
      exact(1.0, "maxSelf", t);
      exact(1.0, "minSelf", t);
    }
  }

  @Test
  void piecewiseConstantFunctionsHaveDerivativeZero() {
    for (String f :
        List.of("floor1", "ceil1", "rint1", "round1", "signum1", "ulp1", "getExponent1", "strictFloor1")) {
      // Including the jumps themselves: integers, half-integers, 0 and powers of 2.
      for (double x : new double[] {0.3, -1.7, 2.0, -3.0, 2.5, 0.0, 4.0, 1e300}) {
        exact(0.0, f, x);
      }
    }
  }

  @Test
  void powExponentDerivativeIsZeroAtZeroBase() {
    for (double y : new double[] {2.0, 3.0, 0.5, 1.0}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "pow_2", 0.0, y));
      double dy = (Double) g.get("y");
      assertTrue(Double.isFinite(dy), "d/dy pow(0, " + y + ") = " + dy);
      assertEquals(0.0, dy, 0.0, "d/dy pow(0, " + y + ")");
    }
    // d/dx pow(x, 2) at 0 is 2 * 0.
    grad2("pow_2", 0.0, 2.0, 0.0, 0.0);
    grad2("strictPow_2", 0.0, 2.0, 0.0, 0.0);
    grad2("powNested_2", 0.0, 2.0, 0.0, 0.0);
    grad2("pow_2", 0.0, 3.0, 0.0, 0.0);
  }

  /**
   * x^0 is 1 for every x, so d/dx pow(x, y) at y == 0 is 0, at x == 0 too (PyTorch's convention;
   * the formula y * x^(y - 1) gives 0 * Infinity there).
   */
  @Test
  void powBaseDerivativeIsZeroAtZeroExponent() {
    assertTrue(C.succeeded(), C.diagnostics());
    // A literal exponent 0 (or 0.0) is folded to the constant 0 derivative.
    exact(0.0, "pow01", 0.0);
    exact(0.0, "pow01", 0.7);
    List<Executable> checks = new ArrayList<>();
    for (String f : List.of("pow_2", "strictPow_2", "powNested_2")) {
      for (double x : new double[] {0.0, -0.0, 0.7}) {
        checks.add(
            () -> {
              double dx = (Double) Compiled.components(C.call("p.CGrad", f, x, 0.0)).get("x");
              assertEquals(0.0, dx, 0.0, "d/dx " + f + "(x, y) at x = " + x + ", y = 0");
            });
      }
    }
    assertAll(checks);
  }

  @Test
  void copySignHasDerivativeZeroAtZero() {
    grad2("copySign_2", 0.0, 1.0, 0.0, 0.0);
    grad2("copySign_2", 0.0, -1.0, 0.0, 0.0);
  }

  /** random() is evaluated once: the gradient sees the same draw as value(). */
  @Test
  void randomIsDrawnOnce() {
    for (int i = 0; i < 20; i++) {
      double x = 0.25 * i - 2;
      double y = 1.5 + i;
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "random", x, y));
      assertEquals(1.0, (Double) g.get("x"), 0.0);
      double draw = (Double) g.get("y");
      assertTrue(draw >= 0 && draw < 1, "d/dy is the draw: " + draw);
      assertEquals((Double) g.get("value"), x + draw * y, 1e-12 * (Math.abs(x) + y));
    }
  }

  // ---------------------------------------------------------------- clamp, Java 21+

  @Test
  void clampPassesTheAdjointToTheArgumentItReturns() {
    assumeTrue(Runtime.version().feature() >= 21, "Math.clamp is Java 21+");
    Compiled unit = newer();
    assertTrue(unit.succeeded(), unit.diagnostics());
    for (String f : List.of("clamp_3", "strictClamp_3")) {
      clamp(unit, f, 0.5, 0.0, 1.0, 1, 0, 0);
      clamp(unit, f, -0.5, 0.0, 1.0, 0, 1, 0);
      clamp(unit, f, 1.5, 0.0, 1.0, 0, 0, 1);
      // On a bound the value itself is returned.
      clamp(unit, f, 0.0, 0.0, 1.0, 1, 0, 0);
      clamp(unit, f, 1.0, 0.0, 1.0, 1, 0, 0);
      for (double[] p : new double[][] {{0.3, -0.4, 0.9}, {-1.2, -0.4, 0.9}, {2.1, -0.4, 0.9}}) {
        GradCheck.check(unit, f, p[0], p[1], p[2]);
      }
    }
  }

  private static void clamp(Compiled unit, String f, double v, double lo, double hi, double... d) {
    Map<String, Object> g = Compiled.components(unit.call("p.CGrad", f, v, lo, hi));
    String at = f + "(" + v + ", " + lo + ", " + hi + ")";
    assertEquals(unit.call("p.C", f, v, lo, hi), g.get("value"), at);
    assertEquals(Math.min(hi, Math.max(v, lo)), (Double) g.get("value"), 0.0, at);
    assertEquals(d[0], (Double) g.get("v"), 0.0, at + " d/dv");
    assertEquals(d[1], (Double) g.get("lo"), 0.0, at + " d/dlo");
    assertEquals(d[2], (Double) g.get("hi"), 0.0, at + " d/dhi");
  }

  // ---------------------------------------------------------------- coverage of Math

  /**
   * Functions of {@code Math} and {@code StrictMath} with a floating-point argument or result
   * that backprop rejects on purpose (with a compile error naming the function), and why. None
   * at present: every such function on JDK 17 through 25 has a row or a zero-derivative row.
   */
  static final Map<String, String> REJECTED = Map.of();

  /** Rows for functions a newer JDK than the running one adds, and that JDK. */
  static final Map<String, Integer> NEWER_ROWS = Map.of("clamp", 21);

  /**
   * Every public static function of Math and StrictMath that takes or returns a double (or float)
   * has a row, a zero-derivative row, or a stated reason; a new JDK's additions fail here until
   * they are sorted.
   */
  @Test
  void everyMathFunctionIsAccountedFor() {
    Set<String> missing = new TreeSet<>();
    int seen = 0;
    for (Class<?> owner : new Class<?>[] {Math.class, StrictMath.class}) {
      for (Method m : owner.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers()) || !touchesFloatingPoint(m)) {
          continue;
        }
        seen++;
        String name = m.getName();
        boolean known =
            MathRules.find(name, m.getParameterCount()) != null
                || MathRules.WITHOUT_DERIVATIVE.containsKey(name)
                || REJECTED.containsKey(name);
        if (!known) {
          missing.add(owner.getSimpleName() + "." + name + m.getParameterCount() + " " + m);
        }
      }
    }
    assertTrue(seen >= 2 * 52, "found only " + seen + " functions");
    assertEquals(Set.of(), missing, "functions with no row, no zero row and no stated reason");
  }

  /**
   * The table's side: every row names a real function of Math and StrictMath with its arity,
   * and has a partial for every floating-point parameter (a null partial, meaning "not a
   * double", must sit on an int parameter such as scalb's exponent).
   */
  @Test
  void everyRowNamesARealFunctionWithAPartialPerDoubleParameter() {
    for (String name : MathRules.names()) {
      Rule rule = rowOf(name);
      assertEquals(name, rule.name());
      Integer since = NEWER_ROWS.get(name);
      for (Class<?> owner : new Class<?>[] {Math.class, StrictMath.class}) {
        List<Method> overloads = new ArrayList<>();
        for (Method m : owner.getMethods()) {
          if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && touchesFloatingPoint(m)) {
            overloads.add(m);
          }
        }
        if (since != null && Runtime.version().feature() < since) {
          assertEquals(List.of(), overloads, name + " is listed as newer than this JDK");
          continue;
        }
        assertFalse(overloads.isEmpty(), owner.getSimpleName() + " has no function " + name);
        for (Method m : overloads) {
          if (rule.isZeroDerivative()) {
            continue;
          }
          assertEquals(rule.arity(), m.getParameterCount(), m.toString());
          assertEquals(rule.arity(), rule.partials().size(), name);
          Class<?>[] types = m.getParameterTypes();
          for (int i = 0; i < types.length; i++) {
            boolean floating = types[i] == double.class || types[i] == float.class;
            assertEquals(
                floating, rule.partials().get(i) != null, m + ": partial " + i + " vs its type");
          }
        }
      }
    }
    for (String name : MathRules.WITHOUT_DERIVATIVE.keySet()) {
      assertFalse(MathRules.names().contains(name), name + " has a row and a reason for none");
      for (Class<?> owner : new Class<?>[] {Math.class, StrictMath.class}) {
        for (Method m : owner.getMethods()) {
          if (m.getName().equals(name)) {
            for (Class<?> t : m.getParameterTypes()) {
              assertFalse(t == double.class || t == float.class, m + " takes a double yet has no rule");
            }
          }
        }
      }
    }
    for (String name : REJECTED.keySet()) {
      assertEquals(null, MathRules.find(name, 1), name + " is listed as rejected but has a row");
    }
  }

  /** A zero-derivative row must really be piecewise constant: flat between adjacent doubles. */
  @Test
  void zeroDerivativeRowsAreFlatFunctions() throws Exception {
    int checked = 0;
    for (String name : MathRules.names()) {
      if (!rowOf(name).isZeroDerivative()) {
        continue;
      }
      Method m = Math.class.getMethod(name, double.class);
      for (int i = 0; i < 40; i++) {
        double x = -7.3 + 0.377 * i;
        double a = ((Number) m.invoke(null, x)).doubleValue();
        double b = ((Number) m.invoke(null, Math.nextUp(x))).doubleValue();
        assertEquals(a, b, 0.0, name + " changes between " + x + " and the next double");
      }
      checked++;
    }
    assertEquals(7, checked);
  }

  /** Functions the processor rejects are rejected: a compile error that names the function. */
  @Test
  void rejectedFunctionsAreCompileErrors() {
    for (String name : REJECTED.keySet()) {
      Compiled c =
          Compiled.members(
              "@Differentiable static double f(double x) { return Math." + name + "(x); }");
      assertFalse(c.succeeded(), name);
      assertTrue(c.diagnostics().contains("Math." + name), c.diagnostics());
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The row named {@code name}, whatever its arity. */
  private static Rule rowOf(String name) {
    for (int arity = 0; arity <= 4; arity++) {
      Rule rule = MathRules.find(name, arity);
      if (rule != null) {
        return rule;
      }
    }
    throw new AssertionError("no row " + name + " at arity 0 to 4");
  }

  private static boolean touchesFloatingPoint(Method m) {
    Class<?> r = m.getReturnType();
    if (r == double.class || r == float.class) {
      return true;
    }
    for (Class<?> p : m.getParameterTypes()) {
      if (p == double.class || p == float.class) {
        return true;
      }
    }
    return false;
  }

  /** d f / dx of a one-argument method equals {@code expected}, to {@code delta} (0: exactly). */
  private static void exact(double expected, String f, double x) {
    exact(expected, f, x, 0.0);
  }

  private static void exact(double expected, String f, double x, double delta) {
    assertTrue(C.succeeded(), C.diagnostics());
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", f, x));
    assertEquals(C.call("p.C", f, x), g.get("value"), f + "(" + x + ")");
    assertEquals(expected, (Double) g.get("x"), delta, "d/dx " + f + " at " + x);
  }

  private static void exactN(double expected, String f, double x, int n) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", f, x, n));
    assertEquals(expected, (Double) g.get("x"), 0.0, "d/dx " + f + " at " + x + ", " + n);
  }

  private static void grad2(String f, double x, double y, double dx, double dy) {
    assertTrue(C.succeeded(), C.diagnostics());
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", f, x, y));
    List<Object> values = new ArrayList<>(g.values());
    String at = f + "(" + x + ", " + y + ")";
    assertEquals(C.call("p.C", f, x, y), values.get(0), at + " value");
    assertEquals(dx, (Double) values.get(1), 0.0, "first partial of " + at);
    assertEquals(dy, (Double) values.get(2), 0.0, "second partial of " + at);
  }

}
