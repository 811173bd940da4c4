package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every implementation of every benchmarked function against every other, at the benchmarks'
 * own inputs and at other seeded points: what the JMH states also check before timing.
 */
class AgreementTest {
  private static void assertAgree(String what, double primal, Map<String, double[]> results) {
    List<String> problems = Agreement.problems(primal, results);
    assertTrue(problems.isEmpty(), what + ":\n  " + String.join("\n  ", problems));
  }

  @Test
  void quadraticAtTheBenchmarkPointAndElsewhere() {
    assertAgree("quadratic", Quadratic.quadratic(Quadratic.point()), Quadratic.all(Quadratic.point()));
    SplittableRandom r = Data.random(101);
    for (int k = 0; k < 50; k++) {
      double x = Data.uniform(r, -100, 100);
      Map<String, double[]> all = Quadratic.all(x);
      assertEquals(5, all.size());
      assertAgree("quadratic at " + x, Quadratic.quadratic(x), all);
      assertEquals(4 * x - 3, all.get("generated")[1], 1e-12 * Math.abs(4 * x - 3));
    }
  }

  @Test
  void affineLossAtTheBenchmarkPointAndElsewhere() {
    double[] p = AffineLoss.point();
    assertAgree("affineLoss", AffineLoss.loss(p[0], p[1], p[2], p[3]),
        AffineLoss.all(p[0], p[1], p[2], p[3]));
    SplittableRandom r = Data.random(102);
    for (int k = 0; k < 50; k++) {
      double[] q = Data.uniform(r, 4, -10, 10);
      Map<String, double[]> all = AffineLoss.all(q[0], q[1], q[2], q[3]);
      assertEquals(5, all.size());
      assertAgree("affineLoss", AffineLoss.loss(q[0], q[1], q[2], q[3]), all);
    }
    // The README's numbers.
    var g = AffineLoss.handWritten(3, -2, 8, -2);
    assertEquals(List.of(-4.0, 4.0, -6.0, -2.0, 2.0), List.of(g.value(), g.a(), g.b(), g.c(), g.f()));
  }

  @Test
  void normalCdfGradientIsTheDensity() {
    SplittableRandom r = Data.random(117);
    double[] x = NormalCdf.points();
    for (int k = 0; k < 200; k++) {
      double p = k < x.length ? x[k] : Data.uniform(r, -12, 12);
      var g = NormalCdfGrad.cdf(p);
      assertEquals(NormalCdf.cdf(p), g.value(), 0.0, "N(" + p + ")");
      double pdf = NormalCdf.density(p);
      assertEquals(pdf, g.x(), 1e-12 * pdf, "N'(" + p + ")");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 10, 100, 1000})
  void rosenbrock(int n) {
    double[] x = Rosenbrock.point(n);
    assertAgree("rosenbrock n=" + n, Rosenbrock.rosenbrock(x), Rosenbrock.all(x));
    double[] x2 = Data.uniform(Data.random(103 + n), n, -1.5, 1.5);
    assertAgree("rosenbrock n=" + n, Rosenbrock.rosenbrock(x2), Rosenbrock.all(x2));
  }

  @Test
  void rosenbrockMinimumHasZeroGradient() {
    double[] ones = new double[7];
    java.util.Arrays.fill(ones, 1);
    for (var e : Rosenbrock.all(ones).entrySet()) {
      double[] g = e.getValue();
      boolean exact = !e.getKey().equals(Agreement.FINITE_DIFFERENCES);
      assertEquals(0, g[0]);
      for (int i = 1; i < g.length; i++) {
        assertEquals(0, g[i], exact ? 0 : 1e-6, e.getKey());
      }
    }
  }

  @Test
  void logisticRegression() {
    LogisticRegression.Problem p = LogisticRegression.problem();
    assertEquals(LogisticRegression.SAMPLES, p.x().length);
    assertEquals(LogisticRegression.FEATURES, p.w().length);
    Map<String, double[]> all = LogisticRegression.all(p);
    assertEquals(LogisticRegression.FEATURES + 1, all.get("handWritten").length);
    assertAgree("logLoss", LogisticRegression.logLoss(p.w(), p.x(), p.y()), all);
    double[] w2 = Data.uniform(Data.random(104), LogisticRegression.FEATURES, -2, 2);
    LogisticRegression.Problem q = new LogisticRegression.Problem(w2, p.x(), p.y());
    assertAgree("logLoss", LogisticRegression.logLoss(w2, p.x(), p.y()), LogisticRegression.all(q));
  }

  @Test
  void mlp() {
    Mlp.Problem p = Mlp.problem();
    assertEquals(65, Mlp.WEIGHTS);
    assertEquals(Mlp.WEIGHTS, p.w().length);
    Map<String, double[]> all = Mlp.all(p);
    assertEquals(Mlp.WEIGHTS + 1, all.get("handWritten").length);
    assertAgree("mlpLoss", Mlp.mlpLoss(p.w(), p.x(), p.y()), all);
    double[] w2 = Data.uniform(Data.random(105), Mlp.WEIGHTS, -1, 1);
    Mlp.Problem q = new Mlp.Problem(w2, p.x(), p.y());
    assertAgree("mlpLoss", Mlp.mlpLoss(w2, p.x(), p.y()), Mlp.all(q));
  }

  @Test
  void theInputsAreFixed() {
    assertEquals(Quadratic.point(), Quadratic.point());
    assertEquals(List.of(Mlp.problem().w()[7]), List.of(Mlp.problem().w()[7]));
    assertEquals(LogisticRegression.problem().y()[200], LogisticRegression.problem().y()[200]);
    double[] y = LogisticRegression.problem().y();
    double positives = java.util.Arrays.stream(y).sum();
    assertTrue(positives > 50 && positives < 206, "labels are mixed: " + positives);
  }

  // The check itself must catch what it is there for.

  @Test
  void aWrongPartialIsCaught() {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", new double[] {1, 2, 3});
    r.put("tape", new double[] {1, 2, 3 + 1e-6});
    assertFalse(Agreement.problems(1, r).isEmpty());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Agreement.check("f", 1, r));
    assertTrue(e.getMessage().contains("handWritten vs tape"), e.getMessage());
  }

  @Test
  void finiteDifferencesGetTheLooserTolerance() {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", new double[] {1, 2, 3});
    r.put("finiteDifferences", new double[] {1, 2, 3 + 1e-6});
    assertTrue(Agreement.problems(1, r).isEmpty());
    r.put("finiteDifferences", new double[] {1, 2, 3 + 1e-3});
    assertFalse(Agreement.problems(1, r).isEmpty());
  }

  @Test
  void aWrongValueNaNOrMissingPartialIsCaught() {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", new double[] {1, 2, 3});
    r.put("hipparchus", new double[] {1.001, 2, 3});
    assertFalse(Agreement.problems(1, r).isEmpty());
    r.put("hipparchus", new double[] {1, Double.NaN, 3});
    assertFalse(Agreement.problems(1, r).isEmpty());
    r.put("hipparchus", new double[] {1, 2});
    assertFalse(Agreement.problems(1, r).isEmpty());
    r.remove("handWritten");
    assertFalse(Agreement.problems(1, r).isEmpty());
  }

  @Test
  void aHelperRunInsideTheLossAgreesWithItsBodyWrittenInline() {
    SplittableRandom r = Data.random(103);
    for (int k = 0; k < 10; k++) {
      double[] w = Data.uniform(r, 5, -1, 1);
      double[][] x = Data.uniform(r, 20, 5, -1, 1);
      double[] y = Data.uniform(r, 20, -1, 1);
      var a = HelperCallsGrad.withHelper(w, 0.3, x, y);
      var b = HelperCallsGrad.inline(w, 0.3, x, y);
      assertEquals(HelperCalls.inline(w, 0.3, x, y), a.value(), 0.0);
      assertEquals(b.value(), a.value(), 0.0);
      org.junit.jupiter.api.Assertions.assertArrayEquals(b.w(), a.w(), 0.0);
    }
  }

  @Test
  void theLossesOverStaticDataAgreeWithTheirHandAdjointsAndTheLossesOverParameters() {
    StaticDataAgreement.check();
    // Over static fields or over parameters, the generated code does the same arithmetic.
    for (Map<String, double[]> r : List.of(StaticDataAgreement.logLoss(),
        StaticDataAgreement.mlpLoss(), StaticDataAgreement.mlp784Loss())) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(r.get("parameters"), r.get("static"));
    }
  }

  @Test
  void theGeneratedHessianAgreesWithHipparchus() {
    double[] x = {-1.2, 1.0, 0.5, 0.8, -0.3};
    double[][] h = SecondOrderGrad.rosenHessian(x).hessian();
    double[][] hip = SecondOrder.hipparchus(x);
    for (int i = 0; i < x.length; i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(hip[i], h[i], 1e-9, "row " + i);
    }
  }

  @Test
  void forwardModeAgreesWithTheGradient() {
    var g = ForwardModeGrad.call(100, 95, 0.2, 0.01, 0.5);
    var vega = ForwardModeGrad.callJvp(100, 95, 0.2, 0.01, 0.5, 0, 0, 1, 0, 0);
    assertEquals(ForwardMode.call(100, 95, 0.2, 0.01, 0.5), vega.value(), 0.0);
    assertEquals(g.vol(), vega.tangent(), 1e-12 * Math.abs(g.vol()));
    double[] x = {-1.2, 1.0, 0.5, 0.8};
    double[] v = {1, 0.5, 0.25, 0.125};
    double[] grad = SecondOrderGrad.rosen(x).x();
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += grad[i] * v[i];
    }
    assertEquals(dot, SecondOrderGrad.rosenJvp(x, v).tangent(), 1e-12 * Math.abs(dot));
  }

  @Test
  void aRecordsTangentIsTheScalarGradient() {
    var r = RecordPricingGrad.price(new RecordPricing.Option(100, 95, 0.2, 0.01, 0.5));
    var s = RecordPricingGrad.priceScalars(100, 95, 0.2, 0.01, 0.5);
    assertEquals(s.value(), r.value(), 0.0);
    assertEquals(s.spot(), r.o().spot(), 0.0);
    assertEquals(s.strike(), r.o().strike(), 0.0);
    assertEquals(s.vol(), r.o().vol(), 0.0);
    assertEquals(s.rate(), r.o().rate(), 0.0);
    assertEquals(s.expiry(), r.o().expiry(), 0.0);
  }

  @Test
  void instanceModelAgreesWithTheStaticLossAndTheHandWrittenAdjoint() {
    double[] w = InstanceModel.weights();
    double[][] xs = InstanceModel.inputs();
    double[] ys = InstanceModel.targets();
    var instance = InstanceModel_ModelGrad.loss(new InstanceModel.Model(w), xs, ys);
    var stat = InstanceModelGrad.staticLoss(w, xs, ys);
    double[] hand = new double[w.length];
    double value = InstanceModel.handLoss(w, xs, ys, hand);
    double[] into = new double[w.length];
    InstanceModel_ModelGrad.loss(new InstanceModel.Model(w), xs, ys, new InstanceModel_ModelGrad.ModelTangent(into));
    assertEquals(value, instance.value(), 1e-12 * Math.abs(value));
    assertEquals(value, stat.value(), 1e-12 * Math.abs(value));
    for (int j = 0; j < w.length; j++) {
      assertEquals(hand[j], instance.self().w()[j], 1e-12 * Math.max(1, Math.abs(hand[j])), "w[" + j + "]");
      assertEquals(hand[j], stat.w()[j], 1e-12 * Math.max(1, Math.abs(hand[j])), "w[" + j + "]");
      assertEquals(hand[j], into[j], 1e-12 * Math.max(1, Math.abs(hand[j])), "w[" + j + "] added into");
    }
  }
}
