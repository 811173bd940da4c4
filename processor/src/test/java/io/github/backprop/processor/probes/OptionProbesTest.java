package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertNoBug;
import static io.github.backprop.processor.probes.Probes.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code -Abackprop.*} options with values backprop does not know: an error naming them, never ignored. */
class OptionProbesTest {
  private static final String LOSS = """
      @Differentiable static double loss(double[] w, double[][] x) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
          double t = 0;
          for (int i = 0; i < w.length; i++) {
            t += w[i] * x[k][i];
          }
          s += t * t;
        }
        return s;
      }
      """;

  private static Compiled with(String... options) {
    return Compiled.members(LOSS, List.of(options));
  }

  private static List<String> optionErrors(Compilation c) {
    return c.errors().stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith("[BackpropOption]"))
        .toList();
  }

  /**
   * Regression badOptionValuesWereIgnored: -Abackprop.blocking=no (or FALSE) kept the blocked code
   * and -Abackprop.debug=yes printed nothing, without a word.
   */
  @Test
  void badOptionValuesWereIgnored() {
    Compilation blocking = with("-Abackprop.blocking=no").compilation();
    assertEquals(
        List.of("[BackpropOption] -Abackprop.blocking=no is not a value backprop knows: write -Abackprop.blocking="
            + " followed by true or false"),
        optionErrors(blocking), () -> describe(blocking));
    Compilation debug = with("-Abackprop.debug=yes").compilation();
    List<String> errors = optionErrors(debug);
    assertEquals(1, errors.size(), () -> describe(debug));
    assertTrue(errors.get(0).contains("-Abackprop.debug=yes") && errors.get(0).contains("true, false or stages"), errors::toString);
    assertNoBug(blocking);
  }

  @Test
  void valuesAreReadInAnyCase() {
    Compiled off = with("-Abackprop.blocking=FALSE");
    assertTrue(off.succeeded(), off.diagnostics());
    Compiled on = with("-Abackprop.blocking=True");
    assertTrue(on.succeeded(), on.diagnostics());
    // Blocking runs samples four at a time: the loop over k steps by 4 only where it is on.
    assertTrue(on.source("p.CGrad").contains("k += 4"), on.source("p.CGrad"));
    assertTrue(!off.source("p.CGrad").contains("k += 4"), off.source("p.CGrad"));
  }

  @Test
  void debugGivenWithoutAValuePrintsTheClass() {
    Compilation c = with("-Abackprop.debug").compilation();
    assertTrue(optionErrors(c).isEmpty(), () -> describe(c));
    assertTrue(
        c.notes().stream().map(d -> d.getMessage(Locale.ROOT)).anyMatch(m -> m.contains("public final class CGrad")),
        () -> describe(c));
    Compilation stages = with("-Abackprop.debug=STAGES").compilation();
    assertTrue(stages.notes().stream().map((Diagnostic<? extends JavaFileObject> d) -> d.getMessage(Locale.ROOT))
        .anyMatch(m -> m.startsWith("backprop ")), () -> describe(stages));
  }
}
