package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of a generated call that uses the tape: {@code horner} is one short gradient, {@code
 * nested} one outer gradient making eight nested ones. Run by name, e.g. {@code
 * org.openjdk.jmh.Main TapeCallsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TapeCallsBenchmark {
  /** Not final, so the JIT cannot fold them. */
  public double x = 0.7;

  public double[] c = {1, -2, 0.5, 3, -1, 0.25, 2, -0.5};
  public double[] xs = {0.1, -0.3, 0.5, 0.7, -0.9, 1.1, 0.2, -0.4};
  private final double[] dxs = new double[8];
  private final double[] dc = new double[8];

  @Benchmark
  public void horner(Blackhole bh) {
    var g = TapeCallsGrad.horner(x, c);
    bh.consume(g.value());
    bh.consume(g.c());
  }

  @Benchmark
  public double nested() {
    return TapeCallsGrad.sumOfHorners(xs, c, dxs, dc);
  }
}
