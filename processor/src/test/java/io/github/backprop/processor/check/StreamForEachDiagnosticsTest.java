package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * A stream ended by {@code forEach} runs its lambda for what it writes: an error at the call
 * that shows the loop to write, with the range and the lambda's own body where it can.
 */
class StreamForEachDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aRangeForEachShowsItsLoop() {
    String src =
        """
        @Differentiable static double f(double[] x, int n) {
          double[] acc = {0};
          java.util.stream.IntStream.range(0, n).forEach(i -> acc[0] += x[i] * x[i]);
          return acc[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, ".forEach(i", "("), "a stream ended by forEach runs its lambda for what it writes",
        "write the loop it stands for, for (int i = 0; i < n; i++) { acc[0] += x[i] * x[i]; }");
  }

  @Test
  void aRangeClosedForEachWithABlock() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          double[] acc = {0};
          java.util.stream.IntStream.rangeClosed(1, x.length - 1).forEach(k -> {
            acc[0] += x[k] - x[k - 1];
          });
          return acc[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, ".forEach(k", "("), "for (int k = 1; k <= x.length - 1; k++) {");
  }

  @Test
  void anArrayStreamForEach() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          double[] acc = {0};
          java.util.Arrays.stream(x).forEach(v -> acc[0] += v * v);
          return acc[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, ".forEach(v", "("), "a stream ended by forEach",
        "a for loop over the same values whose body is the lambda's");
  }
}
