package io.github.backprop.processor.scratch;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() {
    Compiled c = Compiled.members(System.getProperty("scratch.src", """
        @Differentiable static double f(double x, double y, int n) {
          double z = x * y;
          x = x * x + Math.sin(z);
          if (x > 1) {
            double w = Math.exp(x);
            y = y * w;
            if (n > 2) return y * z;
          } else {
            y = x > 0 ? Math.log(x) * y : y;
          }
          z = Math.max(z, y) + Math.pow(x * x + 1, y);
          return z * n;
        }
        """));
    System.out.println(c.diagnostics());
    System.out.println(c.source("p.CGrad"));
    for (double x : new double[] {0.3, 1.2, -0.7}) {
      for (double y : new double[] {0.5, 1.7}) {
        for (int n : new int[] {1, 3}) {
          GradCheck.check(c, "f", x, y, n);
        }
      }
    }
  }
}
