package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * A loop that ends only by an exception ({@code for (;;)} with no break and no return): javac
 * accepts the method, and backprop must not write code after the loop that javac rejects as
 * unreachable. Where that code would have to follow it, the loop is one error of ours.
 */
class EndlessLoopsProbesTest {
  private static final String UNSUPPORTED = "BackpropUnsupported";

  /**
   * Regression aLoopThatEndsOnlyByAnExceptionLeftUnreachableCode: the gradient's return after
   * {@code for (;;)} was unreachable, and the generated class did not compile.
   */
  @Test
  void aLoopThatEndsOnlyByAnExceptionLeftUnreachableCode() {
    String src = """
        @Differentiable static double f(double x) {
          for (;;) {
            x = x * 2;
            if (x > 1) {
              throw new IllegalStateException("big");
            }
          }
        }
        """;
    oneError(Compiled.members(src).compilation(), UNSUPPORTED, lineOf(src, "for (;;)"), "ends only by an exception",
        "give the loop a way out");
  }

  @Test
  void doWhileTrueUnderEveryMode() {
    String src = """
        @Differentiable(forward = true, hessian = true) static double f(double x) {
          do {
            x = Math.sin(x);
          } while ((true));
        }
        """;
    oneError(Compiled.members(src).compilation(), UNSUPPORTED, lineOf(src, "do {"), "ends only by an exception");
  }

  @Test
  void insideAnotherLoopATryOrASwitch() {
    String inLoop = """
        @Differentiable static double f(double[] x) {
          double s = 0;
          for (int k = 0; k < x.length; k++) {
            if (x[k] > 100) {
              while (true) {
                s = s * 2;
              }
            }
            s += x[k] * x[k];
          }
          return s;
        }
        """;
    oneError(Compiled.members(inLoop).compilation(), UNSUPPORTED, lineOf(inLoop, "while (true)"), "ends only by an exception");
    String inTry = """
        @Differentiable static double f(double x) {
          try {
            for (;;) {
              x = x * 2;
              if (x > 1) {
                throw new IllegalStateException("big");
              }
            }
          } finally {
            System.out.println("done");
          }
        }
        """;
    oneError(Compiled.members(inTry).compilation(), UNSUPPORTED, lineOf(inTry, "for (;;)"), "ends only by an exception");
    String inSwitch = """
        @Differentiable static double f(double x, int n) {
          switch (n) {
            case 1:
              while (true) {
                x = x * 2;
                if (x > 1) {
                  throw new IllegalStateException();
                }
              }
            default:
              return x;
          }
        }
        """;
    oneError(Compiled.members(inSwitch).compilation(), UNSUPPORTED, lineOf(inSwitch, "while (true)"), "ends only by an exception");
  }

  /** Loops with a way out, and an endless one in a branch of an if, differentiate as they are. */
  @Test
  void loopsWithAWayOutAndOneInABranchDifferentiate() {
    Compiled c = Compiled.members("""
        @Differentiable static double byReturn(double x) {
          while (true) {
            x = x * 1.5;
            if (x > 10) {
              return Math.sin(x);
            }
          }
        }
        @Differentiable static double byLabelledBreak(double x) {
          outer:
          for (;;) {
            for (;;) {
              x = x * x + 0.5;
              if (x > 3) {
                break outer;
              }
            }
          }
          return x;
        }
        @Differentiable static double byContinue(double[] x) {
          double s = 0;
          outer:
          for (int k = 0; k < x.length; k++) {
            while (true) {
              s = s * 1.5 + x[k];
              if (s > 1) {
                continue outer;
              }
            }
          }
          return s;
        }
        @Differentiable static double inABranch(double x) {
          if (x > 100) {
            while (true) {
              x = x * 2;
            }
          }
          return x * Math.exp(x);
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "byReturn", 0.7);
    GradCheck.check(c, "byLabelledBreak", 0.3);
    GradCheck.check(c, "byContinue", (Object) new double[] {0.45, 0.9, 0.3});
    GradCheck.check(c, "inABranch", 0.6);
  }
}
