package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generated Jacobians against central differences, side by side: Broyden's square system at n =
 * 10 and 100 (reverse sweeps, one per row) and the decay model R³ → R^n at n times (forward runs,
 * one per column), with the primal for scale, and Broyden's by Hipparchus forward mode. Run by name, e.g. {@code org.openjdk.jmh.Main
 * JacobianBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JacobianBenchmark {
  @Param({"10", "100"})
  public int n;

  private double[] x;
  private double[] p;
  private double[] t;

  @Setup
  public void setUp() {
    x = new double[n];
    t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -1 + 0.01 * i;
      t[i] = 4.0 * i / n;
    }
    p = new double[] {2.5, 1.3, 0.5};
  }

  @Benchmark
  public double[] broydenPrimal() {
    return Jacobian.broyden(x);
  }

  @Benchmark
  public double[][] broydenGenerated() {
    return JacobianGrad.broydenJacobian(x).jacobian();
  }

  @Benchmark
  public double[][] broydenFiniteDifferences() {
    return Jacobian.broydenDifferences(x);
  }

  @Benchmark
  public double[][] broydenHipparchus() {
    return Jacobian.broydenHipparchus(x);
  }

  @Benchmark
  public double[] decayPrimal() {
    return Jacobian.decay(p, t);
  }

  @Benchmark
  public double[][] decayGenerated() {
    return JacobianGrad.decayJacobian(p, t).jacobian();
  }

  @Benchmark
  public double[][] decayFiniteDifferences() {
    return Jacobian.decayDifferences(p, t);
  }
}
