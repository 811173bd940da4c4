package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gradient of {@link LongLoop}'s Euler integration, checkpointed (64 snapshots) against
 * store-all, side by side: time per gradient, and with {@code -prof gc} the bytes allocated per
 * gradient, which for store-all is its tape growing to the loop's length (a tape beyond the
 * retained bound is given back after each call) and for the checkpointed one the schedule and its
 * 64 copies; and the loop under {@code @CheckpointLoops(above = 2_000_000)} ({@code above}), which
 * at a million steps takes its store-all path, and at four million its checkpointed one. Run by
 * name: {@code org.openjdk.jmh.Main LongLoopBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LongLoopBenchmark {
  @Param({"1000000"})
  public int steps;

  /** Not final, so the JIT cannot fold them. */
  public double k = 3.0;
  public double c = 0.4;
  public double x0 = 1.0;
  public double v0 = -0.5;

  @Benchmark
  public void checkpointed(Blackhole bh) {
    var g = LongLoopGrad.checkpointed(k, c, x0, v0, 10.0 / steps, steps);
    bh.consume(g.value());
    bh.consume(g.x0());
    bh.consume(g.k());
  }

  @Benchmark
  public void storeAll(Blackhole bh) {
    var g = LongLoopGrad.storeAll(k, c, x0, v0, 10.0 / steps, steps);
    bh.consume(g.value());
    bh.consume(g.x0());
    bh.consume(g.k());
  }

  @Benchmark
  public void above(Blackhole bh) {
    var g = LongLoopGrad.above(k, c, x0, v0, 10.0 / steps, steps);
    bh.consume(g.value());
    bh.consume(g.x0());
    bh.consume(g.k());
  }

  /** The primal alone, the floor both gradients stand on. */
  @Benchmark
  public double primal() {
    return LongLoop.storeAll(k, c, x0, v0, 10.0 / steps, steps);
  }
}
