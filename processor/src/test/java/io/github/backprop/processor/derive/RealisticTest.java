package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Functions people differentiate, each against finite differences and, where there is one,
 * against its closed-form gradient: Rosenbrock in n dimensions, Horner's rule, softmax
 * cross-entropy, a least-squares loss over a matrix, an explicit-Euler ODE, a tanh MLP, and a
 * Monte Carlo option price whose pathwise delta and vega must agree with Black-Scholes.
 */
class RealisticTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double rosenbrock(double[] x) {
            double f = 0;
            for (int i = 0; i < x.length - 1; i++) {
              double a = x[i + 1] - x[i] * x[i];
              double b = 1 - x[i];
              f += 100 * a * a + b * b;
            }
            return f;
          }

          @Differentiable static double horner(double x, double[] c) {
            double y = 0;
            for (int i = c.length - 1; i >= 0; i--) {
              y = y * x + c[i];
            }
            return y;
          }

          @Differentiable static double softmaxCrossEntropy(double[] z, int label) {
            double m = z[0];
            for (int i = 1; i < z.length; i++) {
              m = Math.max(m, z[i]);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
              sum += Math.exp(z[i] - m);
            }
            return Math.log(sum) + m - z[label];
          }

          @Differentiable static double leastSquares(double[][] a, double[] x, double[] b) {
            double loss = 0;
            for (int i = 0; i < a.length; i++) {
              double r = -b[i];
              for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
              }
              loss += r * r;
            }
            return 0.5 * loss;
          }

          @Differentiable static double decay(double y0, double k, double h, int steps) {
            double y = y0;
            for (int s = 0; s < steps; s++) {
              y = y + h * (-k * y);
            }
            return y;
          }

          /** A damped pendulum from state (theta, omega), integrated with explicit Euler. */
          @Differentiable static double pendulum(double[] state, double damping, int steps) {
            double theta = state[0];
            double omega = state[1];
            double h = 0.01;
            for (int s = 0; s < steps; s++) {
              double accel = -9.81 * Math.sin(theta) - damping * omega;
              theta = theta + h * omega;
              omega = omega + h * accel;
            }
            return theta * theta + 0.1 * omega * omega;
          }

          /** 2 inputs, `hidden` tanh units, 1 linear output; squared error over the rows of x. */
          @Differentiable static double mlp(double[] w, double[][] x, double[] y, int hidden) {
            double loss = 0;
            for (int s = 0; s < x.length; s++) {
              double out = w[4 * hidden];
              for (int j = 0; j < hidden; j++) {
                double z = w[2 * j] * x[s][0] + w[2 * j + 1] * x[s][1] + w[2 * hidden + j];
                out += w[3 * hidden + j] * Math.tanh(z);
              }
              double e = out - y[s];
              loss += e * e;
            }
            return loss / x.length;
          }

          /** European call by Monte Carlo over fixed standard normal draws z. */
          @Differentiable static double mcCall(double spot, double vol, double strike, double rate, double time, double[] z) {
            double drift = (rate - 0.5 * vol * vol) * time;
            double diffusion = vol * Math.sqrt(time);
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
              double st = spot * Math.exp(drift + diffusion * z[i]);
              sum += Math.max(st - strike, 0);
            }
            return Math.exp(-rate * time) * sum / z.length;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static double[] uniform(int n, long seed, double lo, double hi) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * r.nextDouble();
    }
    return x;
  }

  private static double[] grad(String name, Object... args) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", name, args));
    return (double[]) g.values().toArray()[1];
  }

  @Test
  void rosenbrockMatchesItsClosedForm() {
    for (int n : new int[] {2, 10, 1000}) {
      double[] x = uniform(n, n, -1.5, 1.5);
      double[] g = grad("rosenbrock", (Object) x.clone());
      for (int i = 0; i < n; i++) {
        double expected = 0;
        if (i < n - 1) {
          expected += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
        }
        if (i > 0) {
          expected += 200 * (x[i] - x[i - 1] * x[i - 1]);
        }
        assertEquals(expected, g[i], 1e-12 * Math.max(1, Math.abs(expected)), "n = " + n + ", i = " + i);
      }
      if (n <= 10) {
        GradCheck.check(C, "rosenbrock", (Object) x);
      }
    }
    // The minimum: value 0, gradient 0.
    double[] ones = {1, 1, 1, 1};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "rosenbrock", (Object) ones));
    assertEquals(0.0, g.get("value"));
    for (double d : (double[]) g.get("x")) {
      assertEquals(0.0, d);
    }
  }

  @Test
  void hornerMatchesTheDerivativePolynomial() {
    double[] c = {1, -2, 3, 0.5, -0.25};
    for (double x : new double[] {-1.7, -0.3, 0.6, 2.2}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "horner", x, c.clone()));
      double dp = 0;
      for (int i = 1; i < c.length; i++) {
        dp += i * c[i] * Math.pow(x, i - 1);
      }
      assertEquals(dp, (Double) g.get("x"), 1e-12 * Math.max(1, Math.abs(dp)));
      double[] dc = (double[]) g.get("c");
      for (int i = 0; i < c.length; i++) {
        assertEquals(Math.pow(x, i), dc[i], 1e-12 * Math.max(1, Math.pow(Math.abs(x), i)));
      }
      GradCheck.check(C, "horner", x, c);
    }
  }

  @Test
  void softmaxCrossEntropyIsSoftmaxMinusOneHot() {
    double[] z = {0.3, -1.2, 2.5, 0.0, 1.1};
    for (int label = 0; label < z.length; label++) {
      double[] g = grad("softmaxCrossEntropy", z.clone(), label);
      double max = 2.5;
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      for (int i = 0; i < z.length; i++) {
        double p = Math.exp(z[i] - max) / sum;
        assertEquals(p - (i == label ? 1 : 0), g[i], 1e-14);
      }
      GradCheck.check(C, "softmaxCrossEntropy", z, label);
    }
  }

  @Test
  void leastSquaresGradientIsTheNormalEquations() {
    double[][] a = {{1, 2}, {3, 4}, {0.5, -1}, {2, 0.25}};
    double[] x = {0.3, -0.7};
    double[] b = {1, 2, 3, -1};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "leastSquares", a, x, b));
    double[] residual = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      residual[i] = a[i][0] * x[0] + a[i][1] * x[1] - b[i];
    }
    double[] gx = (double[]) g.get("x");
    double[] gb = (double[]) g.get("b");
    double[][] ga = (double[][]) g.get("a");
    for (int j = 0; j < x.length; j++) {
      double atr = 0;
      for (int i = 0; i < a.length; i++) {
        atr += a[i][j] * residual[i];
      }
      assertEquals(atr, gx[j], 1e-13);
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(-residual[i], gb[i], 1e-14);
      for (int j = 0; j < x.length; j++) {
        assertEquals(residual[i] * x[j], ga[i][j], 1e-14);
      }
    }
    GradCheck.check(C, "leastSquares", a, x, b);
  }

  @Test
  void eulerDecayMatchesTheDiscreteClosedForm() {
    // y_N = (1 - h k)^N y0, so d/dy0 = (1 - h k)^N and d/dk = -N h (1 - h k)^(N - 1) y0.
    double y0 = 1.7;
    double k = 0.8;
    double h = 0.05;
    for (int n : new int[] {0, 1, 25, 200}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "decay", y0, k, h, n));
      double q = 1 - h * k;
      assertEquals(Math.pow(q, n) * y0, (Double) g.get("value"), 1e-13);
      assertEquals(Math.pow(q, n), (Double) g.get("y0"), 1e-13);
      assertEquals(n == 0 ? 0 : -n * h * Math.pow(q, n - 1) * y0, (Double) g.get("k"), 1e-12);
      GradCheck.check(C, "decay", y0, k, h, n);
    }
    for (double damping : new double[] {0.0, 0.3}) {
      GradCheck.check(C, "pendulum", new double[] {0.9, -0.2}, damping, 150);
    }
  }

  @Test
  void mlpLossMatchesFiniteDifferences() {
    int hidden = 4;
    double[] w = uniform(4 * hidden + 1, 11, -0.8, 0.8);
    double[][] x = new double[12][];
    double[] y = new double[12];
    Random r = new Random(5);
    for (int s = 0; s < x.length; s++) {
      x[s] = new double[] {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1};
      y[s] = Math.sin(2 * x[s][0]) * x[s][1];
    }
    GradCheck.check(C, "mlp", w, x, y, hidden);
  }

  @Test
  void monteCarloDeltaAndVegaAgreeWithBlackScholes() {
    double spot = 100;
    double vol = 0.25;
    double strike = 105;
    double rate = 0.03;
    double time = 0.75;
    int paths = 200_000;
    double[] z = new double[paths];
    Random r = new Random(2026);
    for (int i = 0; i < paths; i++) {
      z[i] = r.nextGaussian();
    }
    Map<String, Object> g =
        Compiled.components(C.call("p.CGrad", "mcCall", spot, vol, strike, rate, time, z));
    double delta = (Double) g.get("spot");
    double vega = (Double) g.get("vol");

    // The pathwise estimators per path, and their standard errors.
    double discount = Math.exp(-rate * time);
    double sd = Math.sqrt(time);
    double[] dPath = new double[paths];
    double[] vPath = new double[paths];
    for (int i = 0; i < paths; i++) {
      double st = spot * Math.exp((rate - 0.5 * vol * vol) * time + vol * sd * z[i]);
      boolean in = st > strike;
      dPath[i] = in ? discount * st / spot : 0;
      vPath[i] = in ? discount * st * (-vol * time + sd * z[i]) : 0;
    }
    // The generated sweep computes exactly the pathwise estimator.
    assertEquals(mean(dPath), delta, 1e-12);
    assertEquals(mean(vPath), vega, 1e-9);

    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * time) / (vol * sd);
    double bsDelta = normalCdf(d1);
    double bsVega = spot * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * sd;
    double deltaError = stdError(dPath);
    double vegaError = stdError(vPath);
    assertTrue(Math.abs(delta - bsDelta) < 4 * deltaError,
        "delta " + delta + " vs Black-Scholes " + bsDelta + " (standard error " + deltaError + ")");
    assertTrue(Math.abs(vega - bsVega) < 4 * vegaError,
        "vega " + vega + " vs Black-Scholes " + bsVega + " (standard error " + vegaError + ")");
    // Finite differences step across the kink of max(st - strike, 0) for paths near the strike,
    // so they check a strike that every one of these paths clears.
    GradCheck.check(C, "mcCall", spot, vol, 40.0, rate, time, java.util.Arrays.copyOf(z, 64));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double stdError(double[] v) {
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1) / v.length);
  }

  /** The standard normal CDF by Simpson's rule on the density: accurate to about 1e-14 here. */
  private static double normalCdf(double x) {
    int n = 20_000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double f = Math.exp(-0.5 * t * t);
      s += (i == 0 || i == n) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
    }
    return 0.5 + s * h / 3 / Math.sqrt(2 * Math.PI);
  }
}
