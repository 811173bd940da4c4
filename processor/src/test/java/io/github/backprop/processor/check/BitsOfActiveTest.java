package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * The mantissa bits of a differentiable value used as a number, as Commons Math's and Hipparchus'
 * FastMath.log do: {@code (bits & 0x3ffffffffffL) / (TWO_POWER_52 + ...)} with {@code bits =
 * Double.doubleToRawLongBits(x)}. The bits carry no derivative, so the gradient was silently 0
 * once FastMath's private tables could be copied: an error at the use. The exponent
 * ({@code bits >> 52}), bits only tested, and Dekker's split into high and low parts stay accepted.
 */
class BitsOfActiveTest {
  private static final String NO_DERIVATIVE = "[BackpropNoDerivative]";

  @Test
  void fastMathLogsMantissaBitsUsedAsANumberGaveAZeroGradient() {
    String src =
        """
        @Differentiable static double f(double x) {
          long bits = Double.doubleToRawLongBits(x);
          int exp = (int) (bits >> 52) - 1023;
          double epsilon = (bits & 0x3ffffffffffL) / (4503599627370496.0 + (bits & 0x000ffc0000000000L));
          return epsilon + exp * Math.log(2);
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "(bits & 0x3ffffffffffL) / (", "/"),
        "the bits of a differentiable value are used here as a number", "Math.getExponent", "@DerivativeOf");
  }

  @Test
  void floatMantissaBitsInOneExpression() {
    String src =
        """
        @Differentiable static double f(double x) {
          return (Float.floatToIntBits((float) x) & 0x7fffff) * 0x1p-23 * x;
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "(Float.floatToIntBits((float) x) & 0x7fffff) * 0x1p-23", "*"),
        "the bits of a differentiable value are used here as a number");
  }

  @Test
  void theExponentBitsOnlyTestedAndDekkersSplitStayAccepted() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              long bits = Double.doubleToLongBits(x);
              int exp = (int) ((bits >> 52) & 0x7ff) - 1023;
              if ((bits & 0x7ff0000000000000L) == 0x7ff0000000000000L) {
                return 0;
              }
              double high = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ((-1L) << 27));
              double low = x - high;
              return high * high + 2 * high * low + low * low + exp;
            }
            """);
    for (double x : new double[] {-1.5, 0.3, 3}) {
      GradCheck.check(c, "f", x);
    }
  }
}
