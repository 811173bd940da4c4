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
 * The gradient of a Black-Scholes price over a record parameter (its tangent record) against the
 * same price over five scalars. Run by name, e.g. {@code org.openjdk.jmh.Main
 * RecordPricingBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordPricingBenchmark {
  private final RecordPricing.Option option = new RecordPricing.Option(100, 95, 0.2, 0.01, 0.5);
  private double spot = 100;

  @Benchmark
  public double recordGradient() {
    return RecordPricingGrad.price(option).o().vol();
  }

  @Benchmark
  public double scalarGradient() {
    return RecordPricingGrad.priceScalars(spot, 95, 0.2, 0.01, 0.5).vol();
  }
}
