package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import io.github.backprop.benchmarks.tape.Tape;
import io.github.backprop.benchmarks.tape.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * F5: the mean squared loss of a 2-16-1 tanh network over fixed data, and every implementation of
 * its gradient with respect to all 65 weights.
 *
 * <p>The weights are one array of {@value #WEIGHTS}: hidden unit j has input weights {@code
 * w[2j]}, {@code w[2j+1]} and bias {@code w[32+j]}; the output has weight {@code w[48+j]} for unit
 * j and bias {@code w[64]}. So ŷ = w[64] + Σ_j w[48+j]·tanh(w[2j]·x0 + w[2j+1]·x1 + w[32+j]) and
 * the loss is (1/m) Σ_i (ŷ_i − y_i)².
 */
public final class Mlp {
  /** Inputs per sample. */
  public static final int INPUTS = 2;

  /** Hidden units. */
  public static final int HIDDEN = 16;

  /** Samples. */
  public static final int SAMPLES = 64;

  /** Where the hidden biases start in the weight array. */
  public static final int B1 = INPUTS * HIDDEN;

  /** Where the output weights start. */
  public static final int W2 = B1 + HIDDEN;

  /** The output bias. */
  public static final int B2 = W2 + HIDDEN;

  /** All weights: 2·16 + 16 + 16 + 1. */
  public static final int WEIGHTS = B2 + 1;

  private Mlp() {}

  /** The benchmark's fixed inputs. */
  public record Problem(double[] w, double[][] x, double[] y) {}

  /**
   * The function, as a user writes it, with the weights in one array; backprop writes {@code
   * MlpGrad.mlpLoss(w, X, y)}.
   */
  @Differentiable(wrt = "w")
  public static double mlpLoss(double[] w, double[][] X, double[] y) {
    double total = 0;
    for (int i = 0; i < X.length; i++) {
      double out = w[64];
      for (int j = 0; j < 16; j++) {
        double pre = w[2 * j] * X[i][0] + w[2 * j + 1] * X[i][1] + w[32 + j];
        out += w[48 + j] * Math.tanh(pre);
      }
      double r = out - y[i];
      total += r * r;
    }
    return total / X.length;
  }

  /**
   * By hand. Per sample: the forward sweep keeps the 16 hidden activations, the reverse sweep
   * goes back through the output and the hidden layer. Besides the gradient, one array of 16
   * activations is allocated per call (not per sample).
   */
  public static ValueAndGradient handWritten(double[] w, double[][] X, double[] y) {
    int m = X.length;
    double[] g = new double[WEIGHTS];
    double[] h = new double[HIDDEN];
    double total = 0;
    double scale = 2.0 / m;
    for (int i = 0; i < m; i++) {
      double x0 = X[i][0];
      double x1 = X[i][1];
      double out = w[B2];
      for (int j = 0; j < HIDDEN; j++) {
        double hj = Math.tanh(w[2 * j] * x0 + w[2 * j + 1] * x1 + w[B1 + j]);
        h[j] = hj;
        out += w[W2 + j] * hj;
      }
      double r = out - y[i];
      total += r * r;
      double dOut = scale * r;
      g[B2] += dOut;
      for (int j = 0; j < HIDDEN; j++) {
        double hj = h[j];
        g[W2 + j] += dOut * hj;
        double dPre = dOut * w[W2 + j] * (1 - hj * hj);
        g[2 * j] += dPre * x0;
        g[2 * j + 1] += dPre * x1;
        g[B1 + j] += dPre;
      }
    }
    return new ValueAndGradient(total / m, g);
  }

  /** Hipparchus forward mode: one Gradient of 65 partials per weight. */
  public static Gradient hipparchus(double[] w0, double[][] X, double[] y) {
    int n = w0.length;
    Gradient[] w = new Gradient[n];
    for (int k = 0; k < n; k++) {
      w[k] = Gradient.variable(n, k, w0[k]);
    }
    Gradient total = Gradient.constant(n, 0);
    for (int i = 0; i < X.length; i++) {
      Gradient out = w[B2];
      for (int j = 0; j < HIDDEN; j++) {
        Gradient pre = w[2 * j].multiply(X[i][0]).add(w[2 * j + 1].multiply(X[i][1])).add(w[B1 + j]);
        out = out.add(w[W2 + j].multiply(pre.tanh()));
      }
      Gradient r = out.subtract(y[i]);
      total = total.add(r.multiply(r));
    }
    return total.divide(X.length);
  }

  /** Central differences: 130 evaluations. */
  public static ValueAndGradient finiteDifferences(double[] w, double[][] X, double[] y) {
    return FiniteDifferences.central(v -> mlpLoss(v, X, y), w);
  }

  /** The runtime tape: about 8 nodes per hidden unit per sample. */
  public static ValueAndGradient tape(double[] w0, double[][] X, double[] y) {
    Tape tape = new Tape();
    Var[] w = tape.variables(w0);
    Var total = tape.variable(0);
    for (int i = 0; i < X.length; i++) {
      Var out = w[B2];
      for (int j = 0; j < HIDDEN; j++) {
        Var pre = w[2 * j].mul(X[i][0]).add(w[2 * j + 1].mul(X[i][1])).add(w[B1 + j]);
        out = out.add(w[W2 + j].mul(pre.tanh()));
      }
      Var r = out.sub(y[i]);
      total = total.add(r.mul(r));
    }
    Var loss = total.div(X.length);
    tape.backward(loss);
    return new ValueAndGradient(loss.value(), tape.gradient(w));
  }

  /** Every implementation's {@code {value, gradient...}}, for {@link Agreement}. */
  public static Map<String, double[]> all(Problem p) {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", handWritten(p.w(), p.x(), p.y()).flat());
    var g = MlpGrad.mlpLoss(p.w(), p.x(), p.y());
    r.put("generated", Agreement.flat(g.value(), g.w()));
    Gradient hip = hipparchus(p.w(), p.x(), p.y());
    r.put("hipparchus", Agreement.flat(hip.getValue(), hip.getGradient()));
    r.put("tape", tape(p.w(), p.x(), p.y()).flat());
    r.put("finiteDifferences", finiteDifferences(p.w(), p.x(), p.y()).flat());
    return r;
  }

  /**
   * The benchmark's data: inputs uniform in [−1, 1)², targets sin(π·x0)·x1, weights uniform in
   * ±1/√fan-in.
   */
  public static Problem problem() {
    SplittableRandom r = Data.random(5);
    double[][] x = Data.uniform(r, SAMPLES, INPUTS, -1, 1);
    double[] y = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      y[i] = Math.sin(Math.PI * x[i][0]) * x[i][1];
    }
    double[] w = new double[WEIGHTS];
    double s1 = 1 / Math.sqrt(INPUTS);
    double s2 = 1 / Math.sqrt(HIDDEN);
    for (int k = 0; k < W2; k++) {
      w[k] = Data.uniform(r, -s1, s1);
    }
    for (int k = W2; k < WEIGHTS; k++) {
      w[k] = Data.uniform(r, -s2, s2);
    }
    return new Problem(w, x, y);
  }
}
