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

/** F2: L = (a·b + c)·f. Run by benchmarks/run.sh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AffineLossBenchmark {
  /** Not final, so the JIT cannot fold them. */
  public double a;
  public double b;
  public double c;
  public double f;

  @Setup(Level.Trial)
  public void setUp() {
    double[] p = AffineLoss.point();
    a = p[0];
    b = p[1];
    c = p[2];
    f = p[3];
    Agreement.check("affineLoss", AffineLoss.loss(a, b, c, f), AffineLoss.all(a, b, c, f));
  }

  @Benchmark
  public double primal() {
    return AffineLoss.loss(a, b, c, f);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = AffineLossGrad.loss(a, b, c, f);
    bh.consume(g.value());
    bh.consume(g.a());
    bh.consume(g.b());
    bh.consume(g.c());
    bh.consume(g.f());
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    consume(bh, AffineLoss.handWritten(a, b, c, f));
  }

  @Benchmark
  public Gradient hipparchus() {
    return AffineLoss.hipparchus(a, b, c, f);
  }

  @Benchmark
  public void finiteDifferences(Blackhole bh) {
    consume(bh, AffineLoss.finiteDifferences(a, b, c, f));
  }

  @Benchmark
  public void tape(Blackhole bh) {
    consume(bh, AffineLoss.tape(a, b, c, f));
  }

  private static void consume(Blackhole bh, AffineLoss.Grad g) {
    bh.consume(g.value());
    bh.consume(g.a());
    bh.consume(g.b());
    bh.consume(g.c());
    bh.consume(g.f());
  }
}
