package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The benchmarked checkpointed gradients equal the store-all one, at the benchmark's sizes too
 * (below and above the bound of {@code LongLoop.above}).
 */
class LongLoopTest {
  @Test
  void checkpointedEqualsStoreAll() {
    for (int steps : new int[] {0, 1, 100, 1_000_000, 4_000_000}) {
      double dt = 10.0 / Math.max(1, steps);
      var a = LongLoopGrad.checkpointed(3.0, 0.4, 1.0, -0.5, dt, steps);
      var b = LongLoopGrad.storeAll(3.0, 0.4, 1.0, -0.5, dt, steps);
      assertEquals(b, new LongLoopGrad.StoreAll(a.value(), a.k(), a.c(), a.x0(), a.v0(), a.dt()), "steps " + steps);
      var c = LongLoopGrad.above(3.0, 0.4, 1.0, -0.5, dt, steps);
      assertEquals(b, new LongLoopGrad.StoreAll(c.value(), c.k(), c.c(), c.x0(), c.v0(), c.dt()), "steps " + steps);
      assertEquals(LongLoop.storeAll(3.0, 0.4, 1.0, -0.5, dt, steps), a.value(), 0.0);
    }
  }
}
