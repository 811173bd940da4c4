package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The two experimental adjoints of {@link Mlp784Chains} against the naive one. */
class Mlp784ChainsTest {
  private static final Mlp784.Problem P = Mlp784.problem();

  private static double[] run(boolean twoRows) {
    Mlp784.Weights d = Mlp784.Weights.zeros();
    double v = twoRows
        ? Mlp784Chains.twoRows(P.weights(), P.x(), P.labels(), d)
        : Mlp784Chains.reassociated(P.weights(), P.x(), P.labels(), d);
    return Agreement.flat(v, d.flat());
  }

  @Test
  void twoRowsPerPassIsBitIdenticalToNaive() {
    assertArrayEquals(Mlp784Agreement.naive(P), run(true));
  }

  @Test
  void splitSumsRoundDifferentlyButAgreeToRounding() {
    double[] naive = Mlp784Agreement.naive(P);
    double[] split = run(false);
    assertFalse(Arrays.equals(naive, split), "two partial sums round differently");
    assertNull(Agreement.agree(naive, split, 1e-13));
  }
}
