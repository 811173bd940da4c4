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

/**
 * The logistic loss with its data in {@code static final} arrays against the same loss with the
 * data passed as parameters, and the hand-written adjoint: the ratios {@code staticData /
 * handWritten} and {@code staticData / parameters}. Run by name, e.g. {@code
 * org.openjdk.jmh.Main StaticDataBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StaticDataBenchmark {
  private final LogisticRegression.Problem p = StaticDataLoss.PROBLEM;
  private final double[] dw = new double[LogisticRegression.FEATURES];

  /** The accumulate overload: no record, no gradient array per call. */
  @Benchmark
  public double staticData() {
    return StaticDataLossGrad.logLoss(p.w(), dw);
  }

  @Benchmark
  public double parameters() {
    return LogisticRegressionGrad.logLoss(p.w(), p.x(), p.y(), dw);
  }

  @Benchmark
  public ValueAndGradient handWritten() {
    return LogisticRegression.handWritten(p.w(), p.x(), p.y());
  }
}
