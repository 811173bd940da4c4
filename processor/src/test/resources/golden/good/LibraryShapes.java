package golden;

import io.github.backprop.Differentiable;
import java.util.function.DoubleFunction;

/** Library code as written: Hipparchus's argument reduction for Legendre's incomplete integrals. */
class LibraryShapes {
  static double complete(double m) {
    return Math.PI / 2 * (1 + m / 4);
  }

  // LegendreEllipticIntegral.bigF's shape: an object of a private class built from numbers and a
  // method reference, which its constructor calls
  @Differentiable
  static double incomplete(double phi, double m) {
    final Reduction ar = new Reduction(phi, m, LibraryShapes::complete);
    final double part = Math.sqrt(ar.csc2 - m);
    return ar.negate ? ar.complete - part : ar.complete + part;
  }

  private static class Reduction {
    private final double complete;
    private final double csc2;
    private boolean negate;

    Reduction(final double phi, final double m, final DoubleFunction<Double> integral) {
      final double sin = Math.sin(phi);
      final int p = (int) Math.rint(phi / Math.PI);
      complete = p == 0 ? 0 : integral.apply(m) * 2 * p;
      negate = sin < 0 ^ (p & 0x1) == 1;
      csc2 = 1.0 / (sin * sin);
    }
  }

  private static boolean nonZeroLength(int[] array) {
    return array != null && array.length != 0;
  }

  private static double logAbs(double z, int[] sign) {
    if (nonZeroLength(sign)) {
      sign[0] = z < 0 ? -1 : 1;
    }
    return Math.log(Math.abs(z));
  }

  // Commons Numbers' BoostGamma.lgamma(z) calls lgamma(z, null): the sign is not wanted
  @Differentiable
  static double logAbsOf(double z) {
    return logAbs(z, null);
  }
}
