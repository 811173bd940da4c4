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

/** F5: 2-16-1 tanh MLP, mean squared loss over 64 samples, gradient w.r.t. all 65 weights. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpBenchmark {
  public double[] w;

  private double[] into;
  public double[][] x;
  public double[] y;

  @Setup(Level.Trial)
  public void setUp() {
    Mlp.Problem p = Mlp.problem();
    w = p.w();
    into = new double[w.length];
    x = p.x();
    y = p.y();
    Agreement.check("mlpLoss", Mlp.mlpLoss(w, x, y), Mlp.all(p));
  }

  @Benchmark
  public double primal() {
    return Mlp.mlpLoss(w, x, y);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = MlpGrad.mlpLoss(w, x, y);
    bh.consume(g.value());
    bh.consume(g.w());
  }

  /** The accumulate overload into an array allocated once: no allocation per call. */
  @Benchmark
  public double generatedInto() {
    return MlpGrad.mlpLoss(w, x, y, into);
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    Sink.consume(bh, Mlp.handWritten(w, x, y));
  }

  @Benchmark
  public Gradient hipparchus() {
    return Mlp.hipparchus(w, x, y);
  }

  @Benchmark
  public void finiteDifferences(Blackhole bh) {
    Sink.consume(bh, Mlp.finiteDifferences(w, x, y));
  }

  @Benchmark
  public void tape(Blackhole bh) {
    Sink.consume(bh, Mlp.tape(w, x, y));
  }
}
