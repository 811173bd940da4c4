package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * Static counts and flags a differentiable method writes: what stays an error, at the write or
 * the read that makes it one, saying what to write instead.
 */
class CounterWritesDiagnosticsTest {
  private static final String COUNTERS = """
      static int evaluations;
      """;

  @Test
  void aPrivateCounterIsAnError() {
    String src = """
        private static int hidden;

        @Differentiable static double f(double x) {
          hidden++;
          return x;
        }
        """;
    onlyError(src, "[BackpropField]", at(src, "hidden++", "hidden"), "'hidden'", "private", "package-private");
  }

  @Test
  void aCounterReadAfterItIsWrittenIsAnError() {
    String src = COUNTERS + """
        @Differentiable static double f(double x) {
          evaluations += 2;
          double k = evaluations % 3;
          return x * x * (k + 1);
        }
        """;
    onlyError(src, "[BackpropField]", at(src, "k = evaluations", "evaluations"), "'evaluations' is both read and written", "evaluations++");
  }

  @Test
  void aCounterReadBeforeItIsWrittenIsAnError() {
    String src = COUNTERS + """
        @Differentiable static double f(double x) {
          double k = evaluations;
          evaluations = 0;
          return x * k;
        }
        """;
    onlyError(src, "[BackpropField]", at(src, "evaluations = 0", "evaluations"), "'evaluations' is both read and written");
  }

  @Test
  void aDoubleFieldWriteStaysAnError() {
    String src = """
        static double total;

        @Differentiable static double f(double x) {
          total += x;
          return x;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "total += x", "total"), "writing to a field is not supported");
  }
}
