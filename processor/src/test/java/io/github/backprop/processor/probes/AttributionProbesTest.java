package io.github.backprop.processor.probes;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Classes javac must attribute once, after the processors: backprop reads their trees before
 * that and never makes javac attribute them early, which would break what javac adds to trees
 * when it attributes (the implicit {@code super();} of a record's compact constructor).
 */
class AttributionProbesTest {
  private static final String RECORD_WITH_CHECKS = """
      enum Mode { LO, MID, HI }
      record P(double x, double y) {
        P {
          if (Double.isNaN(x) || Double.isNaN(y)) {
            throw new IllegalArgumentException("a component is not a number");
          }
        }
        double norm2() { return x * x + y * y; }
      }
      """;

  @Test
  void anEnumConstantReadBesideARecordWithACompactConstructor() {
    Compiled c = Compiled.members(RECORD_WITH_CHECKS + """
        @Differentiable static double f(double x, int k) {
          Mode s = k > 0 ? Mode.MID : Mode.HI;
          return s == Mode.MID ? x * x : 3 * x;
        }
        """);
    GradCheck.check(c, "f", 0.7, 1);
    GradCheck.check(c, "f", -1.3, 0);
  }

  @Test
  void aCompactConstructorReadAfterAnEnumConstant() {
    Compiled c = Compiled.members(RECORD_WITH_CHECKS + """
        @Differentiable static double f(double x, double y) {
          Mode s = Mode.MID;
          C.P p = new C.P(Math.sin(x), y);
          return s == Mode.MID ? p.norm2() * x : p.x();
        }
        """);
    GradCheck.check(c, "f", 0.7, 1.5);
    GradCheck.check(c, "f", -2.1, 0.25);
  }
}
