package io.github.backprop.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The MLP 784-128-10's implementations as flat {@code {value, gradient...}}, for {@link Agreement}. */
public final class Mlp784Agreement {
  private Mlp784Agreement() {}

  /** The naive adjoint (as {@link Agreement#REFERENCE}), the blocked one and the generated one. */
  public static Map<String, double[]> all(Mlp784.Problem p) {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put(Agreement.REFERENCE, naive(p));
    r.put("handBlocked", blocked(p));
    r.put("handBlockedBoth", blockedBoth(p));
    r.put("generated", generated(p));
    return r;
  }

  /** {@link Mlp784#naive} into fresh arrays. */
  public static double[] naive(Mlp784.Problem p) {
    Mlp784.Weights d = Mlp784.Weights.zeros();
    double v = Mlp784.naive(p.weights(), p.x(), p.labels(), d);
    return Agreement.flat(v, d.flat());
  }

  /** {@link Mlp784#blocked} into fresh arrays. */
  public static double[] blocked(Mlp784.Problem p) {
    Mlp784.Weights d = Mlp784.Weights.zeros();
    double v = Mlp784.blocked(p.weights(), p.x(), p.labels(), d);
    return Agreement.flat(v, d.flat());
  }

  /** {@link Mlp784#blockedBoth} into fresh arrays. */
  public static double[] blockedBoth(Mlp784.Problem p) {
    Mlp784.Weights d = Mlp784.Weights.zeros();
    double v = Mlp784.blockedBoth(p.weights(), p.x(), p.labels(), d);
    return Agreement.flat(v, d.flat());
  }

  /** The generated gradient. */
  public static double[] generated(Mlp784.Problem p) {
    Mlp784.Weights w = p.weights();
    var g = Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), p.x(), p.labels());
    return Agreement.flat(g.value(), new Mlp784.Weights(g.w1(), g.b1(), g.w2(), g.b2()).flat());
  }
}
