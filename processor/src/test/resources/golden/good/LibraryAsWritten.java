package golden;

import com.opengamma.strata.math.MathUtils;
import io.github.backprop.Differentiable;

/** Strata's MathUtils powers, which have rules, and a @SuppressWarnings local, as library code writes them. */
class LibraryAsWritten {
  @Differentiable
  static double zOverChi(double z, double rho) {
    @SuppressWarnings("unused")
    int unusedCounter;
    double rhoStar = 1 - rho;
    return MathUtils.pow2(z) * rhoStar + MathUtils.pow3(rho) - MathUtils.pow4(z) / 12;
  }
}
