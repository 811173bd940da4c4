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
 * The full Hessian of Rosenbrock in n = 10 and 100 variables: generated against Hipparchus
 * DerivativeStructure of order 2, and one Hessian-vector product against one gradient. Run by
 * name, e.g. {@code org.openjdk.jmh.Main SecondOrderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SecondOrderBenchmark {
  @Param({"10", "100"})
  public int n;

  private double[] x;
  private double[] v;

  @Setup
  public void setUp() {
    x = new double[n];
    v = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1.0;
      v[i] = 1.0 / (i + 1);
    }
  }

  @Benchmark
  public double[][] generatedHessian() {
    return SecondOrderGrad.rosenHessian(x).hessian();
  }

  @Benchmark
  public double[][] hipparchusHessian() {
    return SecondOrder.hipparchus(x);
  }

  @Benchmark
  public double[] generatedHvp() {
    return SecondOrderGrad.rosenHvp(x, v).hvp();
  }

  @Benchmark
  public double[] generatedGradient() {
    return SecondOrderGrad.rosen(x).x();
  }
}
