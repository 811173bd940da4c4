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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The losses of {@link StaticDataLoss}, whose data are {@code static final} arrays, against the
 * same losses with the data passed as parameters, the adjoint written by hand over the static
 * fields, and the primal over them. Per function: {@code <f>Static} (the generated accumulate
 * overload), {@code <f>Parameters}, {@code <f>Hand}, {@code <f>Primal}. The hand-written
 * logistic and 2-16-1 adjoints return a fresh gradient of 16 and 65 doubles; the 784-128-10 one
 * adds into arrays allocated once, as the generated code does. Run by name, e.g. {@code
 * org.openjdk.jmh.Main StaticDataBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StaticDataBenchmark {
  private final LogisticRegression.Problem log = StaticDataLoss.PROBLEM;
  private final double[] dLog = new double[LogisticRegression.FEATURES];
  private final Mlp.Problem mlp = StaticDataLoss.MLP;
  private final double[] dMlp = new double[Mlp.WEIGHTS];
  private final Mlp784.Problem big = StaticDataLoss.MLP784;
  private final Mlp784.Weights w = big.weights();
  private final Mlp784.Weights dBig = Mlp784.Weights.zeros();

  @Setup(Level.Trial)
  public void setUp() {
    StaticDataAgreement.check();
  }

  /** The accumulate overload: no record, no gradient array per call. */
  @Benchmark
  public double logStatic() {
    return StaticDataLossGrad.logLoss(log.w(), dLog);
  }

  @Benchmark
  public double logParameters() {
    return LogisticRegressionGrad.logLoss(log.w(), log.x(), log.y(), dLog);
  }

  @Benchmark
  public void logHand(Blackhole bh) {
    Sink.consume(bh, StaticDataLoss.handLogLoss(log.w()));
  }

  @Benchmark
  public double logPrimal() {
    return StaticDataLoss.logLoss(log.w());
  }

  @Benchmark
  public double mlpStatic() {
    return StaticDataLossGrad.mlpLoss(mlp.w(), dMlp);
  }

  @Benchmark
  public double mlpParameters() {
    return MlpGrad.mlpLoss(mlp.w(), mlp.x(), mlp.y(), dMlp);
  }

  @Benchmark
  public void mlpHand(Blackhole bh) {
    Sink.consume(bh, StaticDataLoss.handMlpLoss(mlp.w()));
  }

  @Benchmark
  public double mlpPrimal() {
    return StaticDataLoss.mlpLoss(mlp.w());
  }

  @Benchmark
  public double mlp784Static() {
    return StaticDataLossGrad.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2(), dBig.w1(), dBig.b1(),
        dBig.w2(), dBig.b2());
  }

  @Benchmark
  public double mlp784Parameters() {
    return Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), big.x(), big.labels(), dBig.w1(),
        dBig.b1(), dBig.w2(), dBig.b2());
  }

  @Benchmark
  public double mlp784Hand() {
    return StaticDataLoss.handMlp784Loss(w, dBig);
  }

  @Benchmark
  public double mlp784Primal() {
    return StaticDataLoss.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2());
  }
}
