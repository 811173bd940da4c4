package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import io.github.backprop.benchmarks.tape.Tape;
import io.github.backprop.benchmarks.tape.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;

/** F2: L = (a·b + c)·f, every implementation of its gradient. */
public final class AffineLoss {
  private AffineLoss() {}

  /** A value and its four partials, as the scalar implementations return them. */
  public record Grad(double value, double a, double b, double c, double f) {}

  /** The function; backprop writes {@code AffineLossGrad.loss}. */
  @Differentiable
  public static double loss(double a, double b, double c, double f) {
    double e = a * b + c;
    return e * f;
  }

  /** By hand: ∂L/∂a = f·b, ∂L/∂b = f·a, ∂L/∂c = f, ∂L/∂f = a·b + c. */
  public static Grad handWritten(double a, double b, double c, double f) {
    double e = a * b + c;
    return new Grad(e * f, f * b, f * a, f, e);
  }

  /** Hipparchus forward mode, four free parameters. */
  public static Gradient hipparchus(double a0, double b0, double c0, double f0) {
    Gradient a = Gradient.variable(4, 0, a0);
    Gradient b = Gradient.variable(4, 1, b0);
    Gradient c = Gradient.variable(4, 2, c0);
    Gradient f = Gradient.variable(4, 3, f0);
    Gradient e = a.multiply(b).add(c);
    return e.multiply(f);
  }

  /** Central differences, eight evaluations. */
  public static Grad finiteDifferences(double a, double b, double c, double f) {
    double ha = FiniteDifferences.step(a);
    double hb = FiniteDifferences.step(b);
    double hc = FiniteDifferences.step(c);
    double hf = FiniteDifferences.step(f);
    double au = a + ha, ad = a - ha;
    double bu = b + hb, bd = b - hb;
    double cu = c + hc, cd = c - hc;
    double fu = f + hf, fd = f - hf;
    return new Grad(
        loss(a, b, c, f),
        (loss(au, b, c, f) - loss(ad, b, c, f)) / (au - ad),
        (loss(a, bu, c, f) - loss(a, bd, c, f)) / (bu - bd),
        (loss(a, b, cu, f) - loss(a, b, cd, f)) / (cu - cd),
        (loss(a, b, c, fu) - loss(a, b, c, fd)) / (fu - fd));
  }

  /** The runtime tape. */
  public static Grad tape(double a0, double b0, double c0, double f0) {
    Tape t = new Tape(16);
    Var a = t.variable(a0);
    Var b = t.variable(b0);
    Var c = t.variable(c0);
    Var f = t.variable(f0);
    Var e = a.mul(b).add(c);
    Var l = e.mul(f);
    t.backward(l);
    return new Grad(l.value(), t.gradient(a), t.gradient(b), t.gradient(c), t.gradient(f));
  }

  private static double[] flat(Grad g) {
    return Agreement.flat(g.value(), g.a(), g.b(), g.c(), g.f());
  }

  /** Every implementation's {@code {value, ∂a, ∂b, ∂c, ∂f}}, for {@link Agreement}. */
  public static Map<String, double[]> all(double a, double b, double c, double f) {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", flat(handWritten(a, b, c, f)));
    var g = AffineLossGrad.loss(a, b, c, f);
    r.put("generated", Agreement.flat(g.value(), g.a(), g.b(), g.c(), g.f()));
    Gradient hip = hipparchus(a, b, c, f);
    r.put("hipparchus", Agreement.flat(hip.getValue(), hip.getGradient()));
    r.put("tape", flat(tape(a, b, c, f)));
    r.put("finiteDifferences", flat(finiteDifferences(a, b, c, f)));
    return r;
  }

  /** The benchmark's input {@code {a, b, c, f}}. */
  public static double[] point() {
    SplittableRandom r = Data.random(2);
    return Data.uniform(r, 4, -3, 3);
  }
}
