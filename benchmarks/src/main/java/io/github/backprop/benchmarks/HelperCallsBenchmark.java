package io.github.backprop.benchmarks;

import java.util.SplittableRandom;
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
 * A call to a helper without the annotation inside a loop, against the same loss with the
 * helper's body inline: the ratio {@code withHelper / inline} and the B/op of both (run with
 * {@code -prof gc}). Run by name, e.g. {@code org.openjdk.jmh.Main HelperCallsBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HelperCallsBenchmark {
  public double[] w;
  public double b = 0.1;
  public double[][] x;
  public double[] y;
  private double[] dw;

  public HelperCallsBenchmark() {
    SplittableRandom r = Data.random(7);
    w = Data.uniform(r, 16, -1, 1);
    x = new double[1000][];
    for (int i = 0; i < x.length; i++) {
      x[i] = Data.uniform(r, 16, -1, 1);
    }
    y = Data.uniform(r, 1000, -1, 1);
    dw = new double[16];
  }

  /** The accumulate overloads: no record, no gradient arrays per call. */
  @Benchmark
  public double withHelper() {
    return HelperCallsGrad.withHelper(w, b, x, y, dw);
  }

  @Benchmark
  public double inline() {
    return HelperCallsGrad.inline(w, b, x, y, dw);
  }
}
