package io.github.backprop.processor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the corpus cuts out of a library file: the method, the members it reaches, and the edits. */
class MethodExtractorTest {
  private static final String SOURCE =
      """
      package lib;

      public final class Smile implements Provider {
        private static final double SMALL = 1e-7;
        private final double unused = 3;

        @Override
        public double volatility(double f, double k, double rho) {
          return ratio(f - k, rho) * f;
        }

        protected double ratio(double z, double rho) {
          if (Math.abs(z) < SMALL) {
            return 1.0 - rho * z / 2.0;
          }
          return z / Math.log((Math.sqrt(1 - 2 * rho * z + z * z) - rho + z) / (1 - rho));
        }

        public double other(double x) {
          return x;
        }
      }
      """;

  @Test
  void anInstanceMethodsInstanceHelpersComeAlongMadeStaticWithoutOverride() {
    MethodExtractor x = new MethodExtractor(Parsed.parse("Smile.java", SOURCE), "lib/Smile.java");
    String unit = x.extract("corpus.u0", "volatility", null);

    assertTrue(unit.contains("@io.github.backprop.Differentiable public static double volatility("), unit);
    assertTrue(unit.contains("protected static double ratio("), unit);
    assertTrue(unit.contains("private static final double SMALL"), unit);
    // only the comment listing the edits names it
    assertEquals(1, unit.split("@Override", -1).length - 1, unit);
    assertTrue(unit.contains("// added @Differentiable; made static (and the instance methods it calls); removed @Override"), unit);
    // members it does not reach, and instance fields, stay behind
    assertFalse(unit.contains("other("), unit);
    assertFalse(unit.contains("unused"), unit);
    assertEquals(List.of("added @Differentiable", "made static (and the instance methods it calls)", "removed @Override"), x.changes);
  }

  @Test
  void aStaticMethodIsCutWithItsStaticMembersOnly() {
    String source =
        """
        package lib;

        final class Poly {
          private static final double[] C = {1, 2};
          static double eval(double x) {
            return C[0] + C[1] * x;
          }
        }
        """;
    MethodExtractor x = new MethodExtractor(Parsed.parse("Poly.java", source), "lib/Poly.java");
    String unit = x.extract("corpus.u1", "eval", List.of("double"));

    assertTrue(unit.contains("@io.github.backprop.Differentiable static double eval(double x)"), unit);
    assertTrue(unit.contains("private static final double[] C"), unit);
    assertEquals(List.of("added @Differentiable"), x.changes);
  }

  @Test
  void packagePrivateClassesOfTheLibraryComeAlongAsClassesOfTheUnit() {
    String probability =
        """
        package lib;

        public class Probability extends Constants {
          public static double normal(double a) {
            return a > MAXLOG ? 1 : Polynomial.polevl(a, P, 1);
          }
          private static final double[] P = {1, 2};
          public static double unused(double a) {
            return a;
          }
        }
        """;
    Map<String, String> siblings = Map.of(
        "Constants",
        """
        package lib;

        class Constants {
          protected static final double MAXLOG = 7.09782712893383996843E2;
          protected static final double MACHEP = 1.11022302462515654042E-16;
        }
        """,
        "Polynomial",
        """
        package lib;

        class Polynomial extends Constants {
          static double polevl(double x, double[] coef, int n) {
            double ans = coef[0];
            for (int i = 1; i <= n; i++) {
              ans = ans * x + coef[i];
            }
            return ans;
          }
          static double p1evl(double x, double[] coef, int n) {
            return x;
          }
        }
        """);
    MethodExtractor x = new MethodExtractor(Parsed.parse("Probability.java", probability), "lib/Probability.java",
        name -> siblings.containsKey(name) ? Parsed.parse(name + ".java", siblings.get(name)) : null);
    String unit = x.extract("corpus.u1", "normal", List.of("double"));

    assertTrue(unit.contains("final class Probability extends Constants {"), unit);
    assertTrue(unit.contains("//--- file Constants\npackage corpus.u1;"), unit); // a file of its own
    assertTrue(unit.contains("class Constants {"), unit);
    assertTrue(unit.contains("protected static final double MAXLOG"), unit);
    assertTrue(unit.contains("class Polynomial extends Constants {"), unit);
    assertTrue(unit.contains("static double polevl("), unit);
    assertTrue(unit.contains("static double p1evl("), unit); // a class of the library comes whole
    assertTrue(unit.contains("MACHEP"), unit);
    assertFalse(unit.contains("unused"), unit);
  }
}
