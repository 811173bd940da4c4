package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One directional derivative (forward mode, {@code mJvp}) against one run of the primal, on a
 * Black-Scholes price (five scalars, vega's direction) and Rosenbrock in 100 variables. Run by
 * name, e.g. {@code org.openjdk.jmh.Main ForwardModeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ForwardModeBenchmark {
  private double spot = 100;
  private double[] x;
  private double[] v;

  @Setup
  public void setUp() {
    x = new double[100];
    v = new double[100];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1.0;
      v[i] = 1.0 / (i + 1);
    }
  }

  @Benchmark
  public double callPrimal() {
    return ForwardMode.call(spot, 95, 0.2, 0.01, 0.5);
  }

  @Benchmark
  public double callJvp() {
    return ForwardModeGrad.callJvp(spot, 95, 0.2, 0.01, 0.5, 0, 0, 1, 0, 0).tangent();
  }

  @Benchmark
  public double rosenPrimal() {
    return SecondOrder.rosen(x);
  }

  @Benchmark
  public double rosenJvp() {
    return SecondOrderGrad.rosenJvp(x, v).tangent();
  }
}
