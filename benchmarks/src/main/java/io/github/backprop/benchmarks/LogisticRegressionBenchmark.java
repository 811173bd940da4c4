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

/** F4: mean log-loss, 256 samples × 16 features, gradient w.r.t. the 16 weights. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogisticRegressionBenchmark {
  public double[] w;

  private double[] into;
  public double[][] x;
  public double[] y;

  @Setup(Level.Trial)
  public void setUp() {
    LogisticRegression.Problem p = LogisticRegression.problem();
    w = p.w();
    into = new double[w.length];
    x = p.x();
    y = p.y();
    Agreement.check("logLoss", LogisticRegression.logLoss(w, x, y), LogisticRegression.all(p));
  }

  @Benchmark
  public double primal() {
    return LogisticRegression.logLoss(w, x, y);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = LogisticRegressionGrad.logLoss(w, x, y);
    bh.consume(g.value());
    bh.consume(g.w());
  }

  /** The accumulate overload into an array allocated once: no allocation per call. */
  @Benchmark
  public double generatedInto() {
    return LogisticRegressionGrad.logLoss(w, x, y, into);
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    Sink.consume(bh, LogisticRegression.handWritten(w, x, y));
  }

  @Benchmark
  public Gradient hipparchus() {
    return LogisticRegression.hipparchus(w, x, y);
  }

  @Benchmark
  public void finiteDifferences(Blackhole bh) {
    Sink.consume(bh, LogisticRegression.finiteDifferences(w, x, y));
  }

  @Benchmark
  public void tape(Blackhole bh) {
    Sink.consume(bh, LogisticRegression.tape(w, x, y));
  }
}
