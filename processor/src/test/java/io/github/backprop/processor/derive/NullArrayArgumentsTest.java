package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A helper with an optional array output, FastMath's {@code log(x, double[] hiPrec)} shape: called
 * with {@code null} ("no parts wanted") or with an array, its body tests {@code hiPrec != null}.
 * Was an error either way ("a String or object value ('null') cannot be used here"), which kept
 * Hipparchus's and Commons Math's log, log10, log1p, pow and the inverse hyperbolic functions from
 * differentiating. Null passed as an array makes its tests constants and its guarded writes go;
 * an array compared with null is compared as written.
 */
class NullArrayArgumentsTest {
  static final Compiled C =
      Compiled.members(
          """
          private static double lg(final double x, final double[] hiPrec) {
            if (x < 0) {
              if (hiPrec != null) {
                hiPrec[0] = Double.NaN;
              }
              return Double.NaN;
            }
            double a = Math.log(x);
            if (x < 1.01 && x > 0.99 && hiPrec == null) {
              double e = x - 1;
              return e - e * e / 2 + e * e * e / 3;
            }
            if (hiPrec != null) {
              hiPrec[0] = a * 0.75;
              hiPrec[1] = a * 0.25;
            }
            return a;
          }

          @Differentiable(forward = true, hessian = true)
          static double log(double x) {
            return lg(x, null);
          }

          @Differentiable(forward = true, hessian = true)
          static double log1p(double x) {
            final double[] hiPrec = new double[2];
            final double lores = lg(1 + x, hiPrec);
            if (Double.isInfinite(lores)) {
              return lores;
            }
            return hiPrec[0] + hiPrec[1] + 0 * lores;
          }
          """);

  @Test
  void nullForAnArrayOutput() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {0.4, 1.005, 3.5}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "log", x));
      double e = x - 1;
      double exact = x < 1.01 && x > 0.99 ? 1 - e + e * e : 1 / x; // the branch the body takes
      assertEquals(exact, (double) g.get("x"), 1e-12, "at " + x);
      double jvp = (double) Compiled.components(C.call("p.CGrad", "logJvp", x, 1.0)).get("tangent");
      assertEquals(exact, jvp, 1e-12);
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "logHessian", x)).get("hessian");
      assertEquals(x < 1.01 && x > 0.99 ? -1 + 2 * e : -1 / (x * x), h[0][0], 1e-12);
    }
  }

  @Test
  void anArrayComparedWithNull() {
    for (double x : new double[] {0.5, 2.5}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "log1p", x));
      assertEquals(1 / (1 + x), (double) g.get("x"), 1e-12);
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "log1pHessian", x)).get("hessian");
      assertEquals(-1 / ((1 + x) * (1 + x)), h[0][0], 1e-12);
    }
  }

  /** A null array the helper writes without a test: an error at the write, naming the array. */
  @Test
  void nullForAnArrayTheHelperUses() {
    String members =
        """
        private static double h(double x, double[] out) {
          out[0] = x;
          return x * x;
        }

        @Differentiable
        static double f(double x) {
          return h(x, null);
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = Compiled.members(members).compilation().diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.contains("the call passes null as the array 'out', which backprop reads only in tests"
        + " out != null and out == null: pass an array"), message);
    assertEquals(13, errors.get(0).getLineNumber(), message); // return h(x, null);
  }
}
