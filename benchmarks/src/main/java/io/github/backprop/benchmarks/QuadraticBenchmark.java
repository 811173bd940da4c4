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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** F1: f(x) = 2x² − 3x + 4. Run by benchmarks/run.sh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuadraticBenchmark {
  /** Not final, so the JIT cannot fold it. */
  public double x;

  @Setup(Level.Trial)
  public void setUp() {
    x = Quadratic.point();
    Agreement.check("quadratic", Quadratic.quadratic(x), Quadratic.all(x));
  }

  @Benchmark
  public double primal() {
    return Quadratic.quadratic(x);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = QuadraticGrad.quadratic(x);
    bh.consume(g.value());
    bh.consume(g.x());
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    Quadratic.Grad g = Quadratic.handWritten(x);
    bh.consume(g.value());
    bh.consume(g.x());
  }

  @Benchmark
  public Gradient hipparchus() {
    return Quadratic.hipparchus(x);
  }

  @Benchmark
  public void finiteDifferences(Blackhole bh) {
    Quadratic.Grad g = Quadratic.finiteDifferences(x);
    bh.consume(g.value());
    bh.consume(g.x());
  }

  @Benchmark
  public void tape(Blackhole bh) {
    Quadratic.Grad g = Quadratic.tape(x);
    bh.consume(g.value());
    bh.consume(g.x());
  }
}
