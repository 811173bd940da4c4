package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.describe;
import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Differentiable} method that calls a gradient of its own class (differentiating through
 * an optimiser's step, say): one error of ours there, and the class's other gradients still written.
 */
class OwnGradProbesTest {
  /**
   * Regression aDifferentiableMethodUsingItsOwnGradClassLeftOnlyJavacsCannotFindSymbol: CGrad did
   * not exist while the method was read, so backprop held the whole class back and javac said it
   * could not find CGrad, at this use and at every other use of the class's gradients.
   */
  @Test
  void aDifferentiableMethodUsingItsOwnGradClassLeftOnlyJavacsCannotFindSymbol() {
    String src = """
        @Differentiable static double inner(double x) { return Math.sin(x) * x; }
        @Differentiable static double outer(double x) {
          double step = x - 0.1 * CGrad.inner(x).x();
          return inner(step);
        }
        static double use(double x) { return CGrad.inner(x).value(); }
        """;
    Compilation c = Compiled.members(src).compilation();
    oneError(c, "BackpropUnsupported", lineOf(src, "CGrad.inner(x).x()"), "'outer' uses CGrad",
        "cannot use its own class's gradients", "in a method that is not @Differentiable");
    assertTrue(c.errors().stream().noneMatch(d -> d.getMessage(Locale.ROOT).contains("cannot find symbol")), () -> describe(c));
  }

  @Test
  void byItsQualifiedName() {
    String src = """
        @Differentiable static double inner(double x) { return x * x; }
        @Differentiable static double outer(double x) { return p.CGrad.inner(x).value() * x; }
        """;
    oneError(Compiled.members(src).compilation(), "BackpropUnsupported", lineOf(src, "p.CGrad"), "'outer' uses CGrad");
  }
}
