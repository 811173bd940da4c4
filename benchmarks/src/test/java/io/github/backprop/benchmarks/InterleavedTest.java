package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.benchmarks.report.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterleavedTest {
  @Test
  void ratiosAreTakenWithinEachRoundNotBetweenMedians() {
    // Round by round the generated code takes half the hand adjoint's time, while the load makes
    // the rounds' times differ tenfold: the median of the ratios is 0.5 whatever the medians are.
    double[][] t = {{10, 100, 20, 200, 30}, {20, 200, 40, 400, 60}};
    var r = new Interleaved.Result("f", 0, 5, List.of("generated", "handWritten"), t);
    assertEquals(0.5, r.ratio(0, 1, 0.5), 1e-15);
    assertEquals(2.0, r.ratio(1, 0, 0.9), 1e-15);
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] xs = {4, 1, 3, 2};
    assertEquals(2.5, Interleaved.quantile(xs, 0.5), 1e-15);
    assertEquals(1.3, Interleaved.quantile(xs, 0.1), 1e-15);
    assertEquals(4.0, Interleaved.quantile(xs, 1.0), 1e-15);
  }

  @Test
  void theResultsTableShowsEachGroupSideBySide(@TempDir Path dir) throws IOException {
    double[][] t = {{100, 110, 90}, {50, 60, 40}, {200, 200, 200}};
    var r = new Interleaved.Result("rosenbrock n=1000", 300, 3,
        List.of("primal", "generatedInto", "handWritten"), t);
    Files.writeString(dir.resolve("interleaved.json"), "[" + r.toJson() + "]");
    String md = ResultsTable.markdown(dir);
    assertTrue(md.contains("**rosenbrock n=1000** (3 rounds after 300 of warm-up)"), md);
    assertTrue(md.contains("| implementation | median CPU ns / call | / handWritten | / primal |"), md);
    // generatedInto / handWritten per round: 0.25, 0.3, 0.2; / primal: 0.5, 0.545..., 0.444...
    assertTrue(md.contains("| generatedInto | 50.0 | 0.25× [0.21, 0.29] | 0.50× [0.46, 0.54] |"), md);
    assertTrue(md.contains("| handWritten | 200.0 |  | 2.00× [1.85, 2.18] |"), md);
  }

  @Test
  void jaxAnchorsSitBesideTheGeneratedTimeOfTheSameRun(@TempDir Path dir) throws IOException {
    var r = new Interleaved.Result("mlp784", 700, 1, List.of("generatedInto"), new double[][] {{2e6}});
    Files.writeString(dir.resolve("interleaved.json"), "[" + r.toJson() + "]");
    Files.writeString(dir.resolve("jax.json"), """
        {"jax": "0.10.2", "xlaFlags": "f", "rounds": 30, "functions": [
          {"group": "mlp784", "perCallNs": 8e5, "inLoopNs": 5e5},
          {"group": "logistic 256x16", "perCallNs": 4e4, "inLoopNs": 1e3}]}
        """);
    String md = ResultsTable.markdown(dir);
    assertTrue(md.contains("| mlp784 | 2,000,000 | 800,000 | 500,000 | 2.50× | 4.00× |"), md);
    assertTrue(md.contains("| logistic 256x16 | — | 40,000 | 1,000 | n/a | n/a |"), md);
  }

  @Test
  void withoutJaxTheSectionSaysSo(@TempDir Path dir) throws IOException {
    assertTrue(ResultsTable.markdown(dir).contains("Not measured (no jax.json"));
  }
}
