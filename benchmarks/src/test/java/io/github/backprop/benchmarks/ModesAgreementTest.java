package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ModesBenchmark's generated modes and its central differences compute the same derivatives. */
class ModesAgreementTest {
  @Test
  void everyModeAgreesWithItsCentralDifferences() {
    ModesBenchmark b = new ModesBenchmark();
    for (String function : new String[] {"rosen", "softSine"}) {
      b.function = function;
      b.n = 10;
      b.setUp();
      double scale = function.equals("rosen") ? 1e3 : 1;
      assertArrayEquals(b.centralGradient(), b.gradient(), 1e-6 * scale, function + " gradient");
      assertEquals(b.centralJvp(), b.jvp(), 1e-6 * scale, function + " jvp");
      assertArrayEquals(b.centralHvp(), b.hvp(), 1e-5 * scale, function + " hvp");
      double[][] h = b.hessian();
      double[][] fd = b.centralHessian();
      for (int i = 0; i < h.length; i++) {
        assertArrayEquals(fd[i], h[i], 1e-5 * scale, function + " hessian row " + i);
      }
    }
  }
}
