package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * A number rebuilt from the bits of a differentiable value, as Commons Math's FastMath.log splits
 * x into exponent and mantissa with Double.doubleToRawLongBits and rebuilds the mantissa with
 * Double.longBitsToDouble. The bits are integers and carry no derivative, so the gradient was
 * silently 0 once FastMath's private tables could be copied: an error at the rebuild. Bits used
 * only to test or compare, and numbers rebuilt from constant bits, stay accepted.
 */
class BitsOfActiveTest {
  private static final String NO_DERIVATIVE = "[BackpropNoDerivative]";

  @Test
  void fastMathLogsMantissaRebuiltFromTheBitsOfXGaveAZeroGradient() {
    String src =
        """
        @Differentiable static double f(double x) {
          long bits = Double.doubleToRawLongBits(x);
          int exp = (int) (bits >> 52) - 1023;
          double mantissa = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
          return Math.log(mantissa) + exp * Math.log(2);
        }
        """;
    onlyError(src, NO_DERIVATIVE,
        at(src, "Double.longBitsToDouble((bits", "((bits"),
        "'Double.longBitsToDouble' rebuilds a number from the bits of a differentiable value",
        "Math.getExponent, Math.scalb", "@DerivativeOf");
  }

  @Test
  void floatBitsRebuiltInOneExpression() {
    String src =
        """
        @Differentiable static double f(double x) {
          return Float.intBitsToFloat(Float.floatToIntBits((float) x) & 0xfffff000) * x;
        }
        """;
    onlyError(src, NO_DERIVATIVE,
        at(src, "Float.intBitsToFloat(", "("),
        "'Float.intBitsToFloat' rebuilds a number from the bits of a differentiable value");
  }

  @Test
  void bitsOnlyTestedAndNumbersFromConstantBitsStayAccepted() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              long bits = Double.doubleToLongBits(x);
              double tiny = Double.longBitsToDouble(1L);
              if ((bits & 0x7ff0000000000000L) == 0x7ff0000000000000L) {
                return 0;
              }
              return x * x + tiny;
            }
            """);
    for (double x : new double[] {-1.5, 0.25, 3}) {
      GradCheck.check(c, "f", x);
    }
  }
}
