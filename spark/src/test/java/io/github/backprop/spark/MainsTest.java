package io.github.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two command-line programs, on small data: what the README runs and spark-submit starts. */
class MainsTest {
  @Test
  void trainPrintsEveryStepsLossAndTheThroughput() {
    String out = run(() -> Train.main(new String[] {"--rows", "20000", "--partitions", "3", "--steps", "4"}));
    assertTrue(out.contains("master local[2], 20000 rows of 8 features in 3 partitions"), out);
    for (int s = 0; s <= 4; s++) {
      assertTrue(out.contains(String.format("step %3d  mean loss ", s)), out);
    }
    assertTrue(out.contains("rows/s through the gradient (5 passes"), out);
  }

  @Test
  void throughputPrintsOneLineForEachWayOfRunning() {
    String out = run(() -> Throughput.main(new String[] {"20000", "4", "2"}));
    for (String line : new String[] {"one thread, no Spark", "Spark local[1]", "Spark local[2]"}) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith(line) && l.endsWith(" rows/s")), out);
    }
  }

  @Test
  void optionsHaveDefaultsAndUnknownOnesAreRefused() {
    var o = Train.Options.parse("--steps", "3", "--depth", "1");
    assertEquals(new Synthetic(42, 1_000_000, 8, 8), o.data());
    assertEquals(3, o.steps());
    assertEquals(1, o.depth());
    var e = assertThrows(IllegalArgumentException.class, () -> Train.Options.parse("--row", "5"));
    assertTrue(e.getMessage().startsWith("unknown option --row"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Train.Options.parse("--rows"));
  }

  private static String run(Runnable main) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(saved);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    saved.print(out);
    return out;
  }
}
