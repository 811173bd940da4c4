package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes of real library code that backprop reads as written (the corpus's Hipparchus,
 * Commons Numbers and Commons Math methods), checked in every mode against finite differences,
 * and what stays refused.
 */
class LibraryShapesTest {
  /** Hipparchus's DoubleArgumentReduction of LegendreEllipticIntegral, as written but for names. */
  private static final String REDUCTION =
      """
      static double complete(double m) {
        return Math.PI / 2 * (1 + m / 4) + m * m;
      }

      private static class Reduction {
        private final double complete;
        private final double csc2;
        private boolean negate;

        Reduction(final double phi, final double m, final java.util.function.DoubleFunction<Double> integral) {
          final double sin = Math.sin(phi);
          final int p = (int) Math.rint(phi / Math.PI);
          complete = p == 0 ? 0 : integral.apply(m) * 2 * p;
          negate = sin < 0 ^ (p & 0x1) == 1;
          csc2 = 1.0 / (sin * sin);
        }
      }
      """;

  private static String bigF(String annotation) {
    return REDUCTION
        + """
        %s
        static double bigF(final double phi, final double m) {
          final Reduction ar = new Reduction(phi, m, C::complete);
          final double incomplete = Math.sqrt(ar.csc2 - m) * m + ar.csc2;
          return ar.negate ? ar.complete - incomplete : ar.complete + incomplete;
        }
        """.formatted(annotation);
  }

  private static final List<Object[]> BIG_F_POINTS =
      List.of(new Object[] {0.7, 0.3}, new Object[] {-0.7, 0.5}, new Object[] {4.0, 0.3}, new Object[] {-2.5, 0.2});

  @Test
  void legendreBigFsReductionObjectGivenAMethodReferenceGotNoGradientAndNoError() {
    ModeChecks.gradients(Compiled.members(bigF("@Differentiable")), List.of("bigF"), n -> BIG_F_POINTS);
    ModeChecks.forwardAndSecondOrder(
        Compiled.members(bigF("@Differentiable(forward = true, hessian = true)")), List.of("bigF"), n -> BIG_F_POINTS,
        2026400001L, List.of());
  }

  @Test
  void aConstructorThatAssignsItsFunctionParameterStaysAnError() {
    String src =
        """
        private static class Scaled {
          private final double v;

          Scaled(double x, java.util.function.DoubleUnaryOperator f) {
            if (x < 0) {
              f = Math::abs;
            }
            v = f.applyAsDouble(x);
          }
        }

        @Differentiable
        static double f(double x) {
          Scaled s = new Scaled(x, Math::sin);
          return s.v;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Scaled(x, Math::sin)", "new"), "constructor of class Scaled");
  }

  /** Commons Numbers' BoostGamma.lgamma(z, sign) as lgamma(z) calls it, with null: the sign wanted not. */
  private static final String SIGN =
      """
      private static boolean nonZeroLength(int[] array) {
        return array != null && array.length != 0;
      }

      private static double logAbs(double z, int[] sign) {
        int s = 1;
        if (z < 0) {
          s = -1;
        }
        if (nonZeroLength(sign)) {
          sign[0] = s;
        }
        return Math.log(Math.abs(z)) * z;
      }
      """;

  @Test
  void boostGammasLgammaGivenANullSignArrayTestedByAHelperWasRefused() {
    String src = SIGN + """
        @Differentiable
        static double f(double z) {
          return logAbs(z, null) + z;
        }

        @Differentiable(forward = true, hessian = true)
        static double g(double z) {
          return logAbs(z * z + 1, null);
        }
        """;
    Compiled c = Compiled.members(src);
    List<Object[]> points = List.of(new Object[] {0.7}, new Object[] {-1.3}, new Object[] {2.5});
    ModeChecks.gradients(c, List.of("f", "g"), n -> points);
    ModeChecks.forwardAndSecondOrder(c, List.of("g"), n -> points, 2026400002L, List.of());
  }

  @Test
  void aHelperWhoseNullTestDoesNotDecideStaysAnError() {
    String src = """
        private static boolean usable(int[] array, double z) {
          return array == null && z > 0;
        }

        private static double h(double z, int[] sign) {
          if (usable(sign, z)) {
            return z;
          }
          sign[0] = 1;
          return 2 * z;
        }

        @Differentiable
        static double f(double z) {
          return h(z, null);
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "h(z, null)", "("), "the call passes null as the array 'sign'");
  }
}
