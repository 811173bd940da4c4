package io.github.backprop.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The static-data losses of {@link StaticDataLoss} against their hand-written adjoints and the
 * same losses over parameters, for {@link Agreement}.
 */
public final class StaticDataAgreement {
  private StaticDataAgreement() {}

  /** The logistic loss: hand-written (static fields), generated over static fields and over parameters. */
  public static Map<String, double[]> logLoss() {
    LogisticRegression.Problem p = StaticDataLoss.PROBLEM;
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put(Agreement.REFERENCE, StaticDataLoss.handLogLoss(p.w()).flat());
    var s = StaticDataLossGrad.logLoss(p.w());
    r.put("static", Agreement.flat(s.value(), s.w()));
    var q = LogisticRegressionGrad.logLoss(p.w(), p.x(), p.y());
    r.put("parameters", Agreement.flat(q.value(), q.w()));
    return r;
  }

  /** The 2-16-1 network, likewise. */
  public static Map<String, double[]> mlpLoss() {
    Mlp.Problem p = StaticDataLoss.MLP;
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put(Agreement.REFERENCE, StaticDataLoss.handMlpLoss(p.w()).flat());
    var s = StaticDataLossGrad.mlpLoss(p.w());
    r.put("static", Agreement.flat(s.value(), s.w()));
    var q = MlpGrad.mlpLoss(p.w(), p.x(), p.y());
    r.put("parameters", Agreement.flat(q.value(), q.w()));
    return r;
  }

  /** The 784-128-10 network on the static batch, likewise. */
  public static Map<String, double[]> mlp784Loss() {
    Mlp784.Problem p = StaticDataLoss.MLP784;
    Mlp784.Weights w = p.weights();
    Map<String, double[]> r = new LinkedHashMap<>();
    Mlp784.Weights d = Mlp784.Weights.zeros();
    double v = StaticDataLoss.handMlp784Loss(w, d);
    r.put(Agreement.REFERENCE, Agreement.flat(v, d.flat()));
    var s = StaticDataLossGrad.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2());
    r.put("static", Agreement.flat(s.value(), new Mlp784.Weights(s.w1(), s.b1(), s.w2(), s.b2()).flat()));
    r.put("parameters", Mlp784Agreement.generated(p));
    return r;
  }

  /** Throws unless every static-data loss agrees with its hand-written adjoint and its parameter twin. */
  public static void check() {
    Agreement.check("logLoss (static data)", StaticDataLoss.logLoss(StaticDataLoss.PROBLEM.w()),
        logLoss());
    Agreement.check("mlpLoss (static data)", StaticDataLoss.mlpLoss(StaticDataLoss.MLP.w()),
        mlpLoss());
    Mlp784.Weights w = StaticDataLoss.MLP784.weights();
    Agreement.check("mlp784Loss (static data)",
        StaticDataLoss.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2()), mlp784Loss());
  }
}
