package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Main runs every example and prints each one's headline numbers. */
class MainTest {
  private static String out;

  @BeforeAll
  static void runMain() {
    PrintStream original = System.out;
    var buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      Main.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    out = buffer.toString(StandardCharsets.UTF_8);
  }

  private static void assertPrints(String text) {
    assertTrue(out.contains(text), () -> "Main does not print \"" + text + "\":\n" + out);
  }

  @Test
  void everyExampleHasItsSection() {
    String[] sections = {"== f(x) = 2x^2", "== d = a*b + c", "== L = (a*b + c)*f", "== f = (a + b)*c",
        "== Black-Scholes call", "== Rosenbrock", "== Iris", "== The same call by Monte Carlo",
        "== Curve fit", "== Logistic growth"};
    int from = 0;
    for (String s : sections) {
      int at = out.indexOf(s, from);
      assertTrue(at >= 0, () -> "missing or out of order: " + s + "\n" + out);
      from = at;
    }
  }

  @Test
  void thePlotFolderIsPrintedOnceAndHoldsEveryPlot() {
    String line = "== plots written to " + Plots.dir();
    assertEquals(out.indexOf(line), out.lastIndexOf(line));
    assertTrue(out.endsWith(line + System.lineSeparator()), out);
    for (String png : new String[] {"quadratic.png", "rosenbrock.png", "iris-training-loss.png", "curve-fit.png"}) {
      assertPrints(png);
      assertTrue(Files.isRegularFile(Plots.dir().resolve(png)), png);
    }
  }

  @Test
  void irisHeadline() {
    assertPrints("epoch   1   loss 0.7018");
    assertPrints("epoch 100   loss 0.0482   train accuracy  98.3%   held-out 100.0%");
    assertPrints("training loss 1.1512 -> 0.0482, training accuracy 98.3%, held-out accuracy 100.0% (30 of 30)");
    // Eleven progress lines: epoch 1 and every tenth.
    assertEquals(11, out.split("\n   epoch ", -1).length - 1);
  }

  @Test
  void monteCarloHeadline() {
    assertPrints("price     10.448585   0.025061    10.450584");
    assertPrints("delta      0.636176   0.000483     0.636831");
    assertPrints("vega      37.538207   0.160460    37.524035");
    assertPrints("dV/dK     -0.531690   0.000540    -0.532325");
    assertPrints("all five Greeks cost ");
  }

  @Test
  void curveFitHeadline() {
    assertPrints("a = 2.5470 +- 0.0314 (true 2.50)   k = 1.3138 +- 0.0351 (true 1.30)   c = 0.4973 +- 0.0137 (true 0.50)");
    assertPrints("residual norm 0.3621");
  }

  @Test
  void earlierExamplesStillPrintTheirNumbers() {
    assertPrints("dL/da = 4.0   dL/db = -6.0");
    assertPrints("delta      0.636830651176   closed form 0.636830651176");
    assertPrints("final point (1.000000000000, 1.000000000000)");
  }

  @Test
  void odeHeadline() {
    assertPrints("sensitivity dx(t)/dr in forward mode");
    assertPrints("dx/dr: forward mode (Jvp) ");
  }
}
