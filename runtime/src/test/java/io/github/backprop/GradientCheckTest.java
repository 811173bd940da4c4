package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The gradient checker: passes true derivatives, names the direction of a wrong one, fails NaN. */
class GradientCheckTest {
  /** f(x) = x₀² x₁ + sin(x₂) + exp(x₃ / 10) x₀, with inputs of very different sizes below. */
  private static final ToDoubleFunction<double[]> F =
      x -> x[0] * x[0] * x[1] + Math.sin(x[2]) + Math.exp(x[3] / 10) * x[0];

  private static final Function<double[], double[]> GRAD =
      x -> new double[] {
        2 * x[0] * x[1] + Math.exp(x[3] / 10),
        x[0] * x[0],
        Math.cos(x[2]),
        Math.exp(x[3] / 10) * x[0] / 10
      };

  private static final double[] POINT = {1.5, -0.25, 0.3, 12};

  /** GRAD with ∂f/∂x₂ 1% too large. */
  private static double[] wrongPartial(double[] x) {
    double[] g = GRAD.apply(x);
    g[2] *= 1.01;
    return g;
  }

  @Test
  void aCorrectGradientPasses() {
    GradientCheck.Result r = GradientCheck.of(F, GRAD).at(POINT).alongAxes().check();
    assertEquals(8 + 4, r.probes().size());
    assertTrue(r.worstError() < 1e-9, r.toString());
    r.assertWithin(1e-8);
    for (GradientCheck.Probe p : r.probes()) {
      assertEquals(dot(GRAD.apply(POINT), p.direction()), p.tested());
      assertNull(p.other());
    }
  }

  @Test
  void oneWrongPartialFailsAndTheMessageNamesTheDirectionAndBothNumbers() {
    GradientCheck.Result r =
        GradientCheck.of(F, GradientCheckTest::wrongPartial).at(POINT).seed(42).check();
    assertTrue(r.worstError() > 1e-4, r.toString());
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1e-6));
    GradientCheck.Probe w = r.worst();
    String m = e.getMessage();
    assertTrue(m.startsWith("Gradient check failed at x = [1.5, -0.25, 0.3, 12.0]"), m);
    assertTrue(m.contains("along " + w.label() + " (seed 42"), m);
    assertTrue(m.contains("d = [" + w.direction()[0] + ", "), m);
    assertTrue(m.contains("<gradient, d> = " + w.tested()), m);
    assertTrue(m.contains("central differences of f along d = " + w.reference()), m);
    assertTrue(m.contains("alongAxes()"), m);
    // The reference is the true slope: the error is exactly the wrong part of the partial.
    double truth = dot(GRAD.apply(POINT), w.direction());
    assertEquals(truth, w.reference(), 1e-9 * Math.abs(truth));
    assertEquals(w.tested() - truth, 0.01 * Math.cos(0.3) * w.direction()[2], 1e-12);
  }

  @Test
  void alongTheAxesTheWrongPartialIsTheWorstAndTheOnlyOneThatFails() {
    GradientCheck.Result r =
        GradientCheck.of(F, GradientCheckTest::wrongPartial).at(POINT).directions(0).alongAxes()
            .check();
    assertEquals(4, r.probes().size());
    assertEquals("axis 2", r.worst().label());
    assertEquals(0.01 / 1.01, r.worstError(), 1e-9);
    for (GradientCheck.Probe p : r.probes()) {
      assertEquals(p.label().equals("axis 2"), p.error() > 1e-6, p.label() + ": " + p.error());
    }
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1e-6));
    assertTrue(e.getMessage().contains("1 of 4 fail: axis 2 (0.00990)"), e.getMessage());
    // With random directions too, the failing axis is listed first, however bad the others are.
    GradientCheck.Result both =
        GradientCheck.of(F, GradientCheckTest::wrongPartial).at(POINT).alongAxes().check();
    AssertionError e2 = assertThrows(AssertionError.class, () -> both.assertWithin(1e-6));
    assertTrue(e2.getMessage().contains(" fail: axis 2 (0.00990); random direction "),
        e2.getMessage());
  }

  @Test
  void aNaNInTheGradientFailsWithAMessage() {
    Function<double[], double[]> nan = x -> {
      double[] g = GRAD.apply(x);
      g[1] = Double.NaN;
      return g;
    };
    GradientCheck.Result r = GradientCheck.of(F, nan).at(POINT).check();
    assertEquals(Double.POSITIVE_INFINITY, r.worstError());
    assertFalse(r.within(1e300));
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1));
    assertTrue(e.getMessage().contains("a value is NaN or infinite along random direction 1"),
        e.getMessage());
    assertTrue(e.getMessage().contains("the derivative under test is NaN"), e.getMessage());
    assertTrue(e.getMessage().contains("note: gradient(x)[1] = NaN"), e.getMessage());
  }

  @Test
  void aFunctionThatIsNaNBesideThePointFailsEvenWithTheRightGradient() {
    // sqrt at 0: its derivative is infinite, and f(x − h d) is NaN for half the directions.
    GradientCheck.Result r =
        GradientCheck.of(x -> Math.sqrt(x[0]) + x[1], x -> new double[] {0.5 / Math.sqrt(x[0]), 1})
            .at(0, 1)
            .check();
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertWithin(1e-3));
    assertTrue(e.getMessage().contains("is NaN or infinite"), e.getMessage());
  }

  @Test
  void aZeroGradientAtAMinimumPassesOnTheFloor() {
    ToDoubleFunction<double[]> bowl = x -> 1e3 + (x[0] - 1) * (x[0] - 1) + (x[1] + 2) * (x[1] + 2);
    Function<double[], double[]> g = x -> new double[] {2 * (x[0] - 1), 2 * (x[1] + 2)};
    GradientCheck.Result r = GradientCheck.of(bowl, g).at(1, -2).alongAxes().check();
    r.assertWithin(1e-6);
    assertEquals(1e-6 * (1e3 + 0), r.worst().floor());
    // A tiny absolute error is caught once the floor is tiny too.
    Function<double[], double[]> off = x -> new double[] {2 * (x[0] - 1) + 1e-7, 2 * (x[1] + 2)};
    assertTrue(GradientCheck.of(bowl, off).at(1, -2).floor(1e-9).check().worstError() > 0.9);
  }

  @Test
  void forwardModeCheck() {
    // The tangent is ⟨∇f, v⟩ computed on its own, as a generated mJvp does.
    GradientCheck.Result ok =
        GradientCheck.forward(F, (x, v) -> dot(GRAD.apply(x), v)).at(POINT).alongAxes().check();
    ok.assertWithin(1e-8);
    // A JVP that drops the tangent of x₃ fails, and along the axes only there.
    GradientCheck.Result bad =
        GradientCheck.forward(F, (x, v) -> {
              double[] g = GRAD.apply(x);
              g[3] = 0;
              return dot(g, v);
            })
            .at(POINT)
            .directions(0)
            .alongAxes()
            .check();
    assertEquals("axis 3", bad.worst().label());
    assertEquals(1.0, bad.worstError(), 1e-12);
    AssertionError e = assertThrows(AssertionError.class, () -> bad.assertWithin(1e-6));
    assertTrue(e.getMessage().startsWith("Forward-mode check failed"), e.getMessage());
    assertTrue(e.getMessage().contains("jvp(x, d) = 0.0"), e.getMessage());
  }

  @Test
  void hessianSymmetryOfAKnownHessian() {
    // f = ½ xᵀAx + Σ xᵢ³ with A symmetric: H = A + diag(6 xᵢ).
    double[][] a = {{2, 1, 0}, {1, 3, -1}, {0, -1, 4}};
    GradientCheck.Result ok =
        GradientCheck.hessianSymmetry(x -> add(times(a, x), cubesDerivative(x)))
            .at(0.5, -1, 2)
            .alongAxes()
            .check();
    assertEquals((8 + 3) * (8 + 2) / 2, ok.probes().size());
    ok.assertWithin(1e-8);
    for (GradientCheck.Probe p : ok.probes()) {
      double[][] h = {{2 + 3, 1, 0}, {1, 3 - 6, -1}, {0, -1, 4 + 12}};
      double want = dot(p.direction(), times(h, p.other()));
      assertEquals(want, p.tested(), 1e-8 * Math.max(1, Math.abs(want)), p.label());
    }
    // g = Bx with B not symmetric is no gradient: ⟨e₀, B e₁⟩ = 1 but ⟨e₁, B e₀⟩ = 0.
    double[][] b = {{2, 1, 0}, {0, 3, -1}, {0, -1, 4}};
    GradientCheck.Result bad =
        GradientCheck.hessianSymmetry(x -> times(b, x)).at(0.5, -1, 2).directions(0).alongAxes()
            .check();
    assertEquals("u = axis 0, v = axis 1", bad.worst().label());
    assertEquals(1, bad.worst().tested(), 1e-9);
    assertEquals(0, bad.worst().reference(), 1e-9);
    assertEquals(3, bad.probes().size());
    AssertionError e = assertThrows(AssertionError.class, () -> bad.assertWithin(1e-6));
    assertTrue(e.getMessage().contains("<u, H v> = "), e.getMessage());
    assertTrue(e.getMessage().contains("1 of 3 fail"), e.getMessage());
  }

  @Test
  void theSeedFixesTheDirections() {
    GradientCheck c = GradientCheck.of(F, GRAD).at(POINT).directions(5);
    GradientCheck.Result r1 = c.seed(7).check();
    GradientCheck.Result r2 = c.seed(7).check();
    GradientCheck.Result other = c.seed(8).check();
    for (int k = 0; k < 5; k++) {
      assertArrayEquals(r1.probes().get(k).direction(), r2.probes().get(k).direction());
      assertEquals(r1.probes().get(k).error(), r2.probes().get(k).error());
      assertFalse(java.util.Arrays.equals(
          r1.probes().get(k).direction(), other.probes().get(k).direction()));
    }
    assertEquals(r1.toString(), r2.toString());
    assertNotEquals(r1.toString(), other.toString());
  }

  @Test
  void directionsAreUnitVectorsScaledByEachCoordinatesSize() {
    double[] x = {0.2, -50, 0};
    for (GradientCheck.Probe p : GradientCheck.of(F, GRAD).at(1, 1, 1, 1).check().probes()) {
      assertEquals(1, Math.sqrt(dot(p.direction(), p.direction())), 1e-15);
    }
    GradientCheck.Result r =
        GradientCheck.of(
                v -> v[0] * v[1] * v[2],
                v -> new double[] {v[1] * v[2], v[0] * v[2], v[0] * v[1]})
            .at(x)
            .directions(1)
            .alongAxes()
            .check();
    assertArrayEquals(new double[] {1, 0, 0}, r.probes().get(1).direction());
    assertArrayEquals(new double[] {0, 50, 0}, r.probes().get(2).direction());
    r.assertWithin(1e-9);
  }

  @Test
  void richardsonMakesTheDifferencesAccurate() {
    GradientCheck.Result r =
        GradientCheck.of(v -> Math.exp(v[0]), v -> new double[] {Math.exp(v[0])})
            .at(1)
            .directions(0)
            .alongAxes()
            .check();
    // Plain central differences with h = 1e-3 are off by h²/6 ≈ 1.7e-7 here.
    assertEquals(Math.E, r.worst().reference(), 1e-11);
  }

  @Test
  void misuseIsReportedAtOnce() {
    GradientCheck c = GradientCheck.of(F, GRAD);
    assertThrows(IllegalStateException.class, c::check);
    assertThrows(IllegalStateException.class, () -> c.at(POINT).directions(0).check());
    assertThrows(IllegalStateException.class,
        () -> GradientCheck.hessianSymmetry(GRAD).at(POINT).directions(1).check());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.of(F, x -> new double[3]).at(POINT).check());
    assertTrue(e.getMessage().contains("returned 3 values for a point of 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> c.step(0));
    assertThrows(IllegalArgumentException.class, () -> c.floor(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> c.directions(-1));
    assertThrows(IllegalArgumentException.class,
        () -> c.at(POINT).check().assertWithin(Double.NaN));
  }

  @Test
  void theFunctionsMayWriteIntoTheirArgument() {
    ToDoubleFunction<double[]> clobbers = x -> {
      double v = F.applyAsDouble(x);
      java.util.Arrays.fill(x, 1e9);
      return v;
    };
    Function<double[], double[]> gradClobbers = x -> {
      double[] g = GRAD.apply(x);
      java.util.Arrays.fill(x, -1e9);
      return g;
    };
    GradientCheck.of(clobbers, gradClobbers).at(POINT).alongAxes().check().assertWithin(1e-8);
  }

  /** m(a, w, q) = a · Σ wᵢ² + Σ qᵢⱼ wⱼ, as a user writes it, with its hand-written gradient. */
  private static double m(double a, double[] w, double[][] q) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += a * w[i] * w[i];
      for (int j = 0; j < w.length; j++) {
        s += q[i][j] * w[j];
      }
    }
    return s;
  }

  @Test
  void flatInputsOfAScalarAnArrayAndAMatrix() {
    double a = 0.7;
    double[] w = {1, -2};
    double[][] q = {{0.5, 3}, {-1, 2}};
    GradientCheck.Result r =
        GradientCheck.of(
                x -> {
                  Flat.Reader in = Flat.read(x);
                  return m(in.scalar(), in.like(w), in.like(q));
                },
                x -> {
                  Flat.Reader in = Flat.read(x);
                  double a1 = in.scalar();
                  double[] w1 = in.like(w);
                  double[][] q1 = in.like(q);
                  double[] gw = new double[w1.length];
                  double[][] gq = new double[w1.length][w1.length];
                  for (int i = 0; i < w1.length; i++) {
                    gw[i] += 2 * a1 * w1[i];
                    for (int j = 0; j < w1.length; j++) {
                      gw[j] += q1[i][j];
                      gq[i][j] = w1[j];
                    }
                  }
                  return Flat.of(w1[0] * w1[0] + w1[1] * w1[1]).and(gw).and(gq).toArray();
                })
            .at(Flat.of(a).and(w).and(q).toArray())
            .alongAxes()
            .check();
    assertEquals(8 + 7, r.probes().size());
    r.assertWithin(1e-9);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] times(double[][] m, double[] v) {
    double[] r = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      r[i] = dot(m[i], v);
    }
    return r;
  }

  private static double[] add(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + b[i];
    }
    return r;
  }

  private static double[] cubesDerivative(double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = 3 * x[i] * x[i];
    }
    return r;
  }
}
