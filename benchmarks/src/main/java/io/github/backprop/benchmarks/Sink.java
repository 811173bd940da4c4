package io.github.backprop.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/** Hands results to JMH's Blackhole, so the JIT cannot drop the work that made them. */
final class Sink {
  private Sink() {}

  /** The value and the gradient array: the array is the result's one necessary allocation. */
  static void consume(Blackhole bh, ValueAndGradient g) {
    bh.consume(g.value());
    bh.consume(g.gradient());
  }
}
