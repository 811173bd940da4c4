package io.github.backprop.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.backprop.processor.testing.Compiled;
import org.junit.jupiter.api.Test;

/** Same input, same bytes; and the order of methods in the source does not change the output. */
class DeterminismTest {
  private static final String A =
      "@Differentiable static double f(double x) { double y = Math.exp(x); return y * x; }\n";
  private static final String B =
      "@Differentiable static double f(double x, double z) { return f(x) * z > 0 ? x : z; }\n";
  private static final String D =
      "@Differentiable static double g(double value) { return f(value, 2) + Math.sin(value); }\n";
  private static final String E =
      "@Differentiable(forward = true) static double[] h(double x, double[] w) {"
          + " double[] o = new double[w.length]; for (int i = 0; i < w.length; i++) { o[i] = f(x) * w[i]; }"
          + " return x > 0 ? o : w; }\n";

  @Test
  void sameInputSameOutput() {
    String first = Compiled.members(A + B + D + E).source("p.CGrad");
    String second = Compiled.members(A + B + D + E).source("p.CGrad");
    assertEquals(first, second);
  }

  @Test
  void methodOrderDoesNotMatter() {
    String forward = Compiled.members(A + B + D + E).source("p.CGrad");
    String backward = Compiled.members(E + D + B + A).source("p.CGrad");
    assertEquals(forward, backward);
    assertNotEquals(-1, forward.indexOf("record FDouble("));
    assertNotEquals(-1, forward.indexOf("record HJacobian("));
  }
}
