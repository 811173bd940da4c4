package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertTapeEmpty;
import static io.github.backprop.processor.probes.Probes.invoke;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accumulate overloads given arrays that alias: a gradient array that is an array the method
 * reads is refused before anything runs, naming both; one array for two gradients takes their sum.
 */
class AliasingProbesTest {
  private static Compiled c;
  private static final Class<?>[] MAT_INTO = {double[][].class, double[].class, double[][].class, double[].class};
  private static final Class<?>[] DOT_INTO = {double[].class, double[].class, double[].class, double[].class};

  @BeforeAll
  static void compile() {
    c = Compiled.members("""
        @Differentiable static double mat(double[][] m, double[] v) {
          double s = 0;
          for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
              s += m[i][j] * v[j] * m[i][j];
            }
          }
          return s;
        }
        @Differentiable static double dot(double[] w, double[] x) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i] * w[i];
          }
          return s;
        }
        @Differentiable(wrt = "x") static double[] scale(double[] x, double[] k) {
          double[] r = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            r[i] = x[i] * x[i] * k[i];
          }
          return r;
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
  }

  private static Object grad(String name, Class<?>[] types, Object... args) throws Throwable {
    return invoke(c, "p.CGrad", name, types, args);
  }

  /**
   * Regression aGradientArrayThatIsAnInputGaveAWrongGradient: mat(m, v, dm, v) added ∂/∂v into v
   * while the sweep still read v, and dm came out wrong without a word.
   */
  @Test
  void aGradientArrayThatIsAnInputGaveAWrongGradient() {
    double[][] m = {{1, 2}, {3, 4}};
    double[] v = {0.5, -1};
    double[][] dm = {new double[2], new double[2]};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grad("mat", MAT_INTO, m, v, dm, v));
    assertEquals("the gradient array for v is v itself: pass an array of its own, which the gradient adds into while"
        + " it reads v", e.getMessage());
    assertArrayEquals(new double[] {0.5, -1}, v, 0.0); // refused before anything was added
    assertArrayEquals(new double[2], dm[0], 0.0);
    assertTapeEmpty();
  }

  @Test
  void aGradientArrayThatIsAnotherParameter() {
    double[] w = {1, 2, 3};
    double[] x = {4, 5, 6};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> grad("dot", DOT_INTO, w, x, x, new double[3]));
    assertTrue(e.getMessage().startsWith("the gradient array for w is the array passed as x"), e.getMessage());
    assertArrayEquals(new double[] {4, 5, 6}, x, 0.0);
    Class<?>[] vjpInto = {double[].class, double[].class, double[].class, double[].class};
    double[] u = {1, 1, 1};
    IllegalArgumentException cotangent =
        assertThrows(IllegalArgumentException.class, () -> grad("scaleVjp", vjpInto, w, x, u, u));
    assertTrue(cotangent.getMessage().contains("the array passed as cotangent"), cotangent.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> grad("scaleVjp", vjpInto, w, x, u, x))
        .getMessage().contains("the array passed as k"));
    assertTapeEmpty();
  }

  @Test
  void aGradientRowThatIsARowOfItsParameter() {
    double[][] m = {{1, 2}, {3, 4}};
    double[][] dm = {new double[2], m[1]};
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> grad("mat", MAT_INTO, m, new double[] {1, 1}, dm, new double[2]));
    assertTrue(e.getMessage().startsWith("the gradient array for m[1] is m[1] itself"), e.getMessage());
  }

  /**
   * Regression aGradientVectorThatIsARowOfAMatrixWasMissed: mat(m, v, dm, m[0]) added ∂/∂v into
   * the row m[0] while the sweep read it (only arrays of the same type were compared).
   */
  @Test
  void aGradientVectorThatIsARowOfAMatrixWasMissed() {
    double[][] m = {{1, 2}, {3, 4}};
    double[][] dm = {new double[2], new double[2]};
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> grad("mat", MAT_INTO, m, new double[] {1, 1}, dm, m[0]));
    assertEquals("the gradient array for v is m[0], an array the method reads: pass an array of its own, which the"
        + " gradient adds into while it reads m[0]", e.getMessage());
    assertArrayEquals(new double[] {1, 2}, m[0], 0.0);
    assertTapeEmpty();
  }

  /** Regression aGradientRowThatIsAVectorArgumentWasMissed: mat(m, v, {v, ...}, dv). */
  @Test
  void aGradientRowThatIsAVectorArgumentWasMissed() {
    double[][] m = {{1, 2}, {3, 4}};
    double[] v = {0.5, -1};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> grad("mat", MAT_INTO, m, v, new double[][] {new double[2], v}, new double[2]));
    assertTrue(e.getMessage().startsWith("the gradient array for m[1] is the array passed as v"), e.getMessage());
    assertArrayEquals(new double[] {0.5, -1}, v, 0.0);
  }

  /** Regression aGradientRowThatIsAnotherRowOfItsParameterWasMissed: dm[0] was m[1], of the same length. */
  @Test
  void aGradientRowThatIsAnotherRowOfItsParameterWasMissed() {
    double[][] m = {{1, 2}, {3, 4}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> grad("mat", MAT_INTO, m, new double[] {1, 1}, new double[][] {m[1], new double[2]}, new double[2]));
    assertTrue(e.getMessage().startsWith("the gradient array for m[0] is m[1], an array the method reads"), e.getMessage());
    assertArrayEquals(new double[] {3, 4}, m[1], 0.0);
  }

  /** Rows shared among the gradient arrays alone are no input: each takes its sum, as before. */
  @Test
  void sharedRowsAmongGradientsOnlyAreSummed() throws Throwable {
    double[][] m = {{1, 2}, {3, 4}};
    double[] v = {0.5, -1};
    Map<String, Object> g = Compiled.components(grad("mat", new Class<?>[] {double[][].class, double[].class}, m, v));
    double[] row = new double[2];
    grad("mat", MAT_INTO, m, v, new double[][] {row, row}, row);
    double[][] dm = (double[][]) g.get("m");
    double[] dv = (double[]) g.get("v");
    for (int j = 0; j < 2; j++) {
      assertEquals(dm[0][j] + dm[1][j] + dv[j], row[j], 1e-12);
    }
  }

  /** One array for both gradients is no input: it receives their sum, as two calls into it would give. */
  @Test
  void oneArrayForTwoGradientsTakesTheirSum() throws Throwable {
    double[] w = {1, 2, 3};
    double[] x = {4, 5, 6};
    Map<String, Object> g = Compiled.components(grad("dot", new Class<?>[] {double[].class, double[].class}, w, x));
    double[] both = new double[3];
    grad("dot", DOT_INTO, w, x, both, both);
    double[] dw = (double[]) g.get("w");
    double[] dx = (double[]) g.get("x");
    assertArrayEquals(new double[] {dw[0] + dx[0], dw[1] + dx[1], dw[2] + dx[2]}, both, 0.0);
  }
}
