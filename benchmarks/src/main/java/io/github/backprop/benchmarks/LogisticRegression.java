package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import io.github.backprop.benchmarks.tape.Tape;
import io.github.backprop.benchmarks.tape.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * F4: the mean logistic-regression log-loss of weights w over fixed data, (1/m) Σ_i log(1 +
 * e^{z_i}) − y_i·z_i with z_i = w·X[i], and every implementation of its gradient with respect to
 * the weights only (the data get none).
 */
public final class LogisticRegression {
  /** Samples. */
  public static final int SAMPLES = 256;

  /** Features, and so weights. */
  public static final int FEATURES = 16;

  private LogisticRegression() {}

  /** The benchmark's fixed inputs. */
  public record Problem(double[] w, double[][] x, double[] y) {}

  /**
   * The function, as a user writes it: the data X and y are constants, so only w is
   * differentiated; backprop writes {@code LogisticRegressionGrad.logLoss(w, X, y)}.
   */
  @Differentiable(wrt = "w")
  public static double logLoss(double[] w, double[][] X, double[] y) {
    double total = 0;
    for (int i = 0; i < X.length; i++) {
      double z = 0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * X[i][j];
      }
      total += Math.log1p(Math.exp(z)) - y[i] * z;
    }
    return total / X.length;
  }

  /**
   * By hand. Per sample: the forward sweep computes z, the reverse sweep adds ∂loss_i/∂z ·
   * X[i][j] = (σ(z) − y_i)/m · X[i][j] to each partial. Nothing is stored between samples.
   */
  public static ValueAndGradient handWritten(double[] w, double[][] X, double[] y) {
    int m = X.length;
    int d = w.length;
    double[] g = new double[d];
    double total = 0;
    double scale = 1.0 / m;
    for (int i = 0; i < m; i++) {
      double[] xi = X[i];
      double z = 0;
      for (int j = 0; j < d; j++) {
        z += w[j] * xi[j];
      }
      double e = Math.exp(z);
      total += Math.log1p(e) - y[i] * z;
      double dz = (e / (1 + e) - y[i]) * scale;
      for (int j = 0; j < d; j++) {
        g[j] += dz * xi[j];
      }
    }
    return new ValueAndGradient(total / m, g);
  }

  /** Hipparchus forward mode: one Gradient of d partials per weight, data as constants. */
  public static Gradient hipparchus(double[] w0, double[][] X, double[] y) {
    int d = w0.length;
    Gradient[] w = new Gradient[d];
    for (int j = 0; j < d; j++) {
      w[j] = Gradient.variable(d, j, w0[j]);
    }
    Gradient total = Gradient.constant(d, 0);
    for (int i = 0; i < X.length; i++) {
      Gradient z = Gradient.constant(d, 0);
      for (int j = 0; j < d; j++) {
        z = z.add(w[j].multiply(X[i][j]));
      }
      total = total.add(z.exp().log1p().subtract(z.multiply(y[i])));
    }
    return total.divide(X.length);
  }

  /** Central differences: 2d evaluations. */
  public static ValueAndGradient finiteDifferences(double[] w, double[][] X, double[] y) {
    return FiniteDifferences.central(v -> logLoss(v, X, y), w);
  }

  /** The runtime tape, data as constants: about 2·d + 5 nodes per sample. */
  public static ValueAndGradient tape(double[] w0, double[][] X, double[] y) {
    Tape tape = new Tape();
    Var[] w = tape.variables(w0);
    Var total = tape.variable(0);
    for (int i = 0; i < X.length; i++) {
      Var z = tape.variable(0);
      for (int j = 0; j < w.length; j++) {
        z = z.add(w[j].mul(X[i][j]));
      }
      total = total.add(z.exp().log1p().sub(z.mul(y[i])));
    }
    Var loss = total.div(X.length);
    tape.backward(loss);
    return new ValueAndGradient(loss.value(), tape.gradient(w));
  }

  /** Every implementation's {@code {value, gradient...}}, for {@link Agreement}. */
  public static Map<String, double[]> all(Problem p) {
    Map<String, double[]> r = new LinkedHashMap<>();
    r.put("handWritten", handWritten(p.w(), p.x(), p.y()).flat());
    var g = LogisticRegressionGrad.logLoss(p.w(), p.x(), p.y());
    r.put("generated", Agreement.flat(g.value(), g.w()));
    Gradient hip = hipparchus(p.w(), p.x(), p.y());
    r.put("hipparchus", Agreement.flat(hip.getValue(), hip.getGradient()));
    r.put("tape", tape(p.w(), p.x(), p.y()).flat());
    r.put("finiteDifferences", finiteDifferences(p.w(), p.x(), p.y()).flat());
    return r;
  }

  /**
   * The benchmark's data: features uniform in [−1, 1), labels from a seeded "true" weight vector
   * with 10% of them flipped, and weights to differentiate at uniform in [−0.5, 0.5).
   */
  public static Problem problem() {
    SplittableRandom r = Data.random(4);
    double[][] x = Data.uniform(r, SAMPLES, FEATURES, -1, 1);
    double[] truth = Data.uniform(r, FEATURES, -1, 1);
    double[] y = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double z = 0;
      for (int j = 0; j < FEATURES; j++) {
        z += truth[j] * x[i][j];
      }
      boolean positive = z > 0;
      if (r.nextDouble() < 0.1) {
        positive = !positive;
      }
      y[i] = positive ? 1 : 0;
    }
    double[] w = Data.uniform(r, FEATURES, -0.5, 0.5);
    return new Problem(w, x, y);
  }
}
