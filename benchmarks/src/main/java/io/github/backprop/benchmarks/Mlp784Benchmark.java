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
 * MLP 784-128-10, tanh, softmax cross-entropy, batch 64: the gradient of all 101,770 weights.
 * {@code generatedInto}, {@code handWritten} (the naive adjoint) and {@code handBlocked} all add
 * into gradient arrays allocated once, so they compare like with like; {@code generated} also
 * allocates the 800 KB of gradient arrays it returns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Mlp784Benchmark {
  private Mlp784.Weights w;
  private double[][] x;
  private int[] labels;
  private Mlp784.Weights into;

  @Setup(Level.Trial)
  public void setUp() {
    Mlp784.Problem p = Mlp784.problem();
    w = p.weights();
    x = p.x();
    labels = p.labels();
    into = Mlp784.Weights.zeros();
    Agreement.check("mlp784", Mlp784.loss(p), Mlp784Agreement.all(p));
  }

  @Benchmark
  public double primal() {
    return Mlp784.loss(w.w1(), w.b1(), w.w2(), w.b2(), x, labels);
  }

  @Benchmark
  public void generated(Blackhole bh) {
    var g = Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), x, labels);
    bh.consume(g.value());
    bh.consume(g.w1());
    bh.consume(g.b1());
    bh.consume(g.w2());
    bh.consume(g.b2());
  }

  /** The accumulate overload. */
  @Benchmark
  public double generatedInto() {
    return Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), x, labels, into.w1(), into.b1(),
        into.w2(), into.b2());
  }

  /** The naive adjoint: per sample, a reverse sweep over every gradient row. */
  @Benchmark
  public double handWritten() {
    return Mlp784.naive(w, x, labels, into);
  }

  /** Four samples per pass over the gradient of w1, bit-identical to the naive adjoint. */
  @Benchmark
  public double handBlocked() {
    return Mlp784.blocked(w, x, labels, into);
  }

  /** Also four samples per pass over w1 in the forward sweep, bit-identical too. */
  @Benchmark
  public double handBlockedBoth() {
    return Mlp784.blockedBoth(w, x, labels, into);
  }
}
