package io.github.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
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
 * Every mode side by side ({@link Modes}): the primal, the gradient, one JVP, one HVP and the full
 * Hessian, generated, against central differences of the primal (gradient, JVP) and of the
 * generated gradient (HVP, Hessian); Rosenbrock and {@code softSine}, n = 10 and 100. Run by name,
 * e.g. {@code org.openjdk.jmh.Main ModesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModesBenchmark {
  @Param({"rosen", "softSine"})
  public String function;

  @Param({"10", "100"})
  public int n;

  private boolean rosen;
  private double[] x;
  private double[] v;
  private ToDoubleFunction<double[]> f;
  private Function<double[], double[]> gradient;

  @Setup
  public void setUp() {
    rosen = function.equals("rosen");
    x = new double[n];
    v = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1.0;
      v[i] = 1.0 / (i + 1);
    }
    f = rosen ? SecondOrder::rosen : Modes::softSine;
    gradient = rosen ? p -> SecondOrderGrad.rosen(p).x() : p -> ModesGrad.softSine(p).x();
  }

  @Benchmark
  public double primal() {
    return rosen ? SecondOrder.rosen(x) : Modes.softSine(x);
  }

  @Benchmark
  public double[] gradient() {
    return rosen ? SecondOrderGrad.rosen(x).x() : ModesGrad.softSine(x).x();
  }

  @Benchmark
  public double jvp() {
    return rosen ? SecondOrderGrad.rosenJvp(x, v).tangent() : ModesGrad.softSineJvp(x, v).tangent();
  }

  @Benchmark
  public double[] hvp() {
    return rosen ? SecondOrderGrad.rosenHvp(x, v).hvp() : ModesGrad.softSineHvp(x, v).hvp();
  }

  @Benchmark
  public double[][] hessian() {
    return rosen ? SecondOrderGrad.rosenHessian(x).hessian() : ModesGrad.softSineHessian(x).hessian();
  }

  @Benchmark
  public double[] centralGradient() {
    return FiniteDifferences.central(f, x).gradient();
  }

  @Benchmark
  public double centralJvp() {
    return Modes.centralJvp(f, x, v);
  }

  @Benchmark
  public double[] centralHvp() {
    return Modes.centralHvp(gradient, x, v);
  }

  @Benchmark
  public double[][] centralHessian() {
    return Modes.centralHessian(gradient, x);
  }
}
