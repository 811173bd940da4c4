package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import org.junit.jupiter.api.Test;

/**
 * Library objects that keep what they are given (an accumulating statistic), SinCos sums of
 * what is not a SinCos variable, and the second derivative of Carlson's rF: each an error at the
 * construct, saying what to write.
 */
class LibraryObjectsDiagnosticsTest {
  private static final String D = "org.apache.commons.math3.stat.descriptive.";

  /** Before, this compiled and gave a gradient of zero: the values went into s without their derivatives. */
  @Test
  void aDescriptiveStatisticsGivenDifferentiableValuesAndReadBack() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          var s = new D.DescriptiveStatistics();
          for (double v : x) {
            s.addValue(v);
          }
          return s.getMean();
        }
        """.replace("D.", D);
    onlyError(src, "[BackpropNoDerivative]", at(src, "s.addValue(v)", "("), "'s.addValue' is given a differentiable value, which 's' keeps",
        "'s.getMean' reads a number back out of it without its derivative", "StatUtils.mean(values, 0, n)");
  }

  @Test
  void aSummaryStatisticsFieldGivenADifferentiableValue() {
    String src =
        """
        static final D.SummaryStatistics STATS = new D.SummaryStatistics();

        @Differentiable static double f(double x) {
          STATS.addValue(x * x);
          return STATS.getStandardDeviation() + x;
        }
        """.replace("D.", D);
    onlyError(src, "[BackpropNoDerivative]", at(src, "STATS.addValue(", "("), "'STATS.addValue' is given a differentiable value",
        "'STATS.getStandardDeviation' reads a number back");
  }

  @Test
  void aCallGivenADifferentiableValueWithNothingReadBackStaysInactive() {
    Compiled c = Compiled.members(
        """
        @Differentiable static double f(double[] x) {
          StringBuilder seen = new StringBuilder();
          seen.append(x[0]);
          return x[1] * seen.length();
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
  }

  @Test
  void aSinCosSumOfACallRatherThanAVariable() {
    String src =
        """
        @Differentiable static double f(double x) {
          org.hipparchus.util.SinCos a = org.hipparchus.util.FastMath.sinCos(x);
          var b = org.hipparchus.util.SinCos.sum(a, org.hipparchus.util.FastMath.sinCos(2 * x));
          return b.sin();
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "FastMath.sinCos(2", "("), "SinCos.sum is read here of two SinCos variables",
        "SinCos sc = FastMath.sinCos(x), and pass sc");
  }

  @Test
  void theSecondDerivativeOfCarlsonsRf() {
    String src =
        """
        @Differentiable(hessian = true) static double f(double x) {
          return org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral.rF(x, 1.0, 2.0);
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "f(double x)", "f"), "hessian = true does not support the second derivative",
        "'CarlsonEllipticIntegral.rD'", "the gradient and forward mode do");
  }

  @Test
  void aStatisticLocalAssignedAgain() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          D.moment.Mean m = new D.moment.Mean();
          m = new D.moment.Mean();
          return m.evaluate(x);
        }
        """.replace("D.", D);
    onlyError(src, "[BackpropUnsupported]", at(src, "moment.Mean m =", "m ="), "'m' is assigned again", "declare a new local for another one (Mean m2 = new Mean(...))");
  }
}
