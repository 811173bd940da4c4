package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
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

/**
 * The losses of {@link StaticDataLoss}, whose data are {@code static final} arrays: {@code
 * generatedInto} is the generated accumulate overload over the static fields, {@code
 * handWritten} the adjoint written by hand over the same fields, {@code primal} the loss over
 * them, and {@code parameters} the generated accumulate overload of the same loss with its data
 * passed as parameters. The hand-written logistic and 2-16-1 adjoints return a fresh gradient of
 * 16 and 65 doubles; the 784-128-10 one adds into arrays allocated once, as the generated code
 * does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StaticDataBenchmark {
  /** Which loss: the logistic loss 256×16, the MLP 2-16-1 or the MLP 784-128-10. */
  @Param({"logLoss", "mlp", "mlp784"})
  public String function;

  private int f;
  private final LogisticRegression.Problem log = StaticDataLoss.PROBLEM;
  private final double[] dLog = new double[LogisticRegression.FEATURES];
  private final Mlp.Problem mlp = StaticDataLoss.MLP;
  private final double[] dMlp = new double[Mlp.WEIGHTS];
  private final Mlp784.Problem big = StaticDataLoss.MLP784;
  private final Mlp784.Weights w = big.weights();
  private final Mlp784.Weights dBig = Mlp784.Weights.zeros();

  @Setup(Level.Trial)
  public void setUp() {
    f = switch (function) {
      case "logLoss" -> 0;
      case "mlp" -> 1;
      case "mlp784" -> 2;
      default -> throw new IllegalArgumentException(function);
    };
    StaticDataAgreement.check();
  }

  @Benchmark
  public double primal() {
    return switch (f) {
      case 0 -> StaticDataLoss.logLoss(log.w());
      case 1 -> StaticDataLoss.mlpLoss(mlp.w());
      default -> StaticDataLoss.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2());
    };
  }

  @Benchmark
  public double generatedInto() {
    return switch (f) {
      case 0 -> StaticDataLossGrad.logLoss(log.w(), dLog);
      case 1 -> StaticDataLossGrad.mlpLoss(mlp.w(), dMlp);
      default -> StaticDataLossGrad.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2(), dBig.w1(),
          dBig.b1(), dBig.w2(), dBig.b2());
    };
  }

  @Benchmark
  public double parameters() {
    return switch (f) {
      case 0 -> LogisticRegressionGrad.logLoss(log.w(), log.x(), log.y(), dLog);
      case 1 -> MlpGrad.mlpLoss(mlp.w(), mlp.x(), mlp.y(), dMlp);
      default -> Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), big.x(), big.labels(),
          dBig.w1(), dBig.b1(), dBig.w2(), dBig.b2());
    };
  }

  @Benchmark
  public void handWritten(Blackhole bh) {
    switch (f) {
      case 0 -> Sink.consume(bh, StaticDataLoss.handLogLoss(log.w()));
      case 1 -> Sink.consume(bh, StaticDataLoss.handMlpLoss(mlp.w()));
      default -> bh.consume(StaticDataLoss.handMlp784Loss(w, dBig));
    }
  }
}
