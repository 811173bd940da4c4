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
 * The gradient of a model's loss written as an instance method (weights in a field, the gradient
 * a tangent record) against the same loss as a static method over the weights and a hand-written
 * adjoint; each with a fresh gradient and added into arrays the caller owns. One run gives the
 * ratios: {@code org.openjdk.jmh.Main InstanceModelBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InstanceModelBenchmark {
  private final double[] w = InstanceModel.weights();
  private final InstanceModel.Model model = new InstanceModel.Model(w);
  private final double[][] xs = InstanceModel.inputs();
  private final double[] ys = InstanceModel.targets();
  private final double[] gw = new double[w.length];
  private final InstanceModel_ModelGrad.ModelTangent into = new InstanceModel_ModelGrad.ModelTangent(gw);

  @Benchmark
  public double instanceGradient() {
    return InstanceModel_ModelGrad.loss(model, xs, ys).self().w()[0];
  }

  @Benchmark
  public double staticGradient() {
    return InstanceModelGrad.staticLoss(w, xs, ys).w()[0];
  }

  @Benchmark
  public double instanceInto() {
    return InstanceModel_ModelGrad.loss(model, xs, ys, into);
  }

  @Benchmark
  public double staticInto() {
    return InstanceModelGrad.staticLoss(w, xs, ys, gw);
  }

  @Benchmark
  public double handInto() {
    return InstanceModel.handLoss(w, xs, ys, gw);
  }
}
