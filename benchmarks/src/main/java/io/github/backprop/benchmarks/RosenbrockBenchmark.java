package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** F3: Rosenbrock in n = 10, 100, 1000 dimensions. Run by benchmarks/run.sh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBenchmark {
  @Param({"10", "100", "1000"})
  public int n;

  public double[] x;

  private double[] into;

  @Setup(Level.Trial)
  public void setUp() {
    x = Rosenbrock.point(n);
    into = new double[n];
    Agreement.check("rosenbrock n=" + n, Rosenbrock.rosenbrock(x), Rosenbrock.all(x));
  }

  @Benchmark
  public double primal() {
    return Rosenbrock.rosenbrock(x);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = RosenbrockGrad.rosenbrock(x);
    bh.consume(g.value());
    bh.consume(g.x());
  }

  /** The accumulate overload into an array allocated once: no allocation per call. */
  @Benchmark
  public double generatedInto() {
    return RosenbrockGrad.rosenbrock(x, into);
  }

  @Benchmark
  public void handFused(Blackhole bh) {
    Sink.consume(bh, Rosenbrock.handFused(x));
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    Sink.consume(bh, Rosenbrock.handWritten(x));
  }

  @Benchmark
  public Gradient hipparchus() {
    return Rosenbrock.hipparchus(x);
  }

  @Benchmark
  public void finiteDifferences(Blackhole bh) {
    Sink.consume(bh, Rosenbrock.finiteDifferences(x));
  }

  @Benchmark
  public void tape(Blackhole bh) {
    Sink.consume(bh, Rosenbrock.tape(x));
  }
}
