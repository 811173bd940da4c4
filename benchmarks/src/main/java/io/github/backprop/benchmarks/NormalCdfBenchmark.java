package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * N(x) and its derivative at 64 points per operation ({@link NormalCdf#points}): the primal, the
 * generated gradient and the closed-form density. Run by name:
 * {@code java -cp ... org.openjdk.jmh.Main NormalCdfBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormalCdfBenchmark {
  /** Not final, so the JIT cannot fold them. */
  public double[] x;

  @Setup(Level.Trial)
  public void setUp() {
    x = NormalCdf.points();
    for (double p : x) {
      var g = NormalCdfGrad.cdf(p);
      if (g.value() != NormalCdf.cdf(p) || Math.abs(g.x() - NormalCdf.density(p)) > 1e-12 * NormalCdf.density(p)) {
        throw new IllegalStateException("NormalCdfGrad.cdf(" + p + ") = " + g + ", density " + NormalCdf.density(p));
      }
    }
  }

  @Benchmark
  public double primal() {
    double s = 0;
    for (double p : x) {
      s += NormalCdf.cdf(p);
    }
    return s;
  }

  @Benchmark
  public double generated() {
    double s = 0;
    for (double p : x) {
      var g = NormalCdfGrad.cdf(p);
      s += g.value() + g.x();
    }
    return s;
  }

  /** The value and the density by hand, for scale. */
  @Benchmark
  public double closedForm() {
    double s = 0;
    for (double p : x) {
      s += NormalCdf.cdf(p) + NormalCdf.density(p);
    }
    return s;
  }
}
