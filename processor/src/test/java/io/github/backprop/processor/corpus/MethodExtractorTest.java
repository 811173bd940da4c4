package io.github.backprop.processor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
