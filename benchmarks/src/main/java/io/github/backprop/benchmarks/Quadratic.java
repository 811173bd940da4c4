package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import io.github.backprop.benchmarks.tape.Tape;
import io.github.backprop.benchmarks.tape.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.analysis.differentiation.Gradient;

/** F1: f(x) = 2x² − 3x + 4, every implementation of its derivative. */
public final class Quadratic {
  private Quadratic() {}

  /** A value and its derivative, as the scalar implementations return them. */
  public record Grad(double value, double x) {}

  /** The function; backprop writes {@code QuadraticGrad.quadratic}. */
  @Differentiable
  public static double quadratic(double x) {
    return 2 * x * x - 3 * x + 4;
  }

  /** By hand: f'(x) = 4x − 3. */
  public static Grad handWritten(double x) {
    return new Grad(2 * x * x - 3 * x + 4, 4 * x - 3);
  }

  /** Hipparchus forward mode, one free parameter. */
  public static Gradient hipparchus(double x0) {
    Gradient x = Gradient.variable(1, 0, x0);
    return x.multiply(2).multiply(x).subtract(x.multiply(3)).add(4);
  }

  /** Central difference, two evaluations. */
  public static Grad finiteDifferences(double x) {
    double h = FiniteDifferences.step(x);
    double up = x + h;
    double down = x - h;
    return new Grad(quadratic(x), (quadratic(up) - quadratic(down)) / (up - down));
  }

  /** The runtime tape. */
  public static Grad tape(double x0) {
    Tape t = new Tape(16);
    Var x = t.variable(x0);
    Var f = x.mul(2).mul(x).sub(x.mul(3)).add(4);
    t.backward(f);
    return new Grad(f.value(), t.gradient(x));
  }

  /** Every implementation's {@code {value, f'}}, for {@link Agreement}. */
  public static Map<String, double[]> all(double x) {
    Map<String, double[]> r = new LinkedHashMap<>();
    Grad h = handWritten(x);
    r.put("handWritten", Agreement.flat(h.value(), h.x()));
    var g = QuadraticGrad.quadratic(x);
    r.put("generated", Agreement.flat(g.value(), g.x()));
    Gradient hip = hipparchus(x);
    r.put("hipparchus", Agreement.flat(hip.getValue(), hip.getGradient()));
    Grad t = tape(x);
    r.put("tape", Agreement.flat(t.value(), t.x()));
    Grad fd = finiteDifferences(x);
    r.put("finiteDifferences", Agreement.flat(fd.value(), fd.x()));
    return r;
  }

  /** The benchmark's input. */
  public static double point() {
    return Data.uniform(Data.random(1), -2, 2);
  }
}
