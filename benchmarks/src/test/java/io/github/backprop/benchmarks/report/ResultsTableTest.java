package io.github.backprop.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RESULTS.md from synthetic JMH results in JMH 1.37's JSON layout. */
class ResultsTableTest {
  private static String entry(String cls, String method, String params, double ns, double bytes,
      String warmup, String measurement) {
    return entry(cls, method, params, ns, "\"NaN\"", bytes, warmup, measurement);
  }

  private static String entry(String cls, String method, String params, double ns, String error,
      double bytes, String warmup, String measurement) {
    return String.format(Locale.ROOT, """
        {
          "jmhVersion" : "1.37",
          "benchmark" : "io.github.backprop.benchmarks.%s.%s",
          "mode" : "avgt", "threads" : 1, "forks" : 1,
          "jvm" : "/usr/bin/java", "jvmArgs" : [ ],
          "jdkVersion" : "17.0.15", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "17.0.15+6",
          "warmupIterations" : %s, "warmupTime" : "1 s", "warmupBatchSize" : 1,
          "measurementIterations" : %s, "measurementTime" : "1 s", "measurementBatchSize" : 1,
          %s
          "primaryMetric" : {
            "score" : %s, "scoreError" : %s, "scoreConfidence" : [ "NaN", "NaN" ],
            "scoreUnit" : "ns/op", "rawData" : [ [ %s ] ]
          },
          "secondaryMetrics" : {
            "gc.alloc.rate.norm" : { "score" : %s, "scoreError" : 0.5, "scoreUnit" : "B/op" }
          }
        }""", cls, method, warmup, measurement,
        params.isEmpty() ? "" : "\"params\" : { " + params + " },", ns, error, ns, bytes);
  }

  @Test
  void ratiosTimesBytesAndNotApplicable(@TempDir Path dir) throws IOException {
    String quadratic = "[" + String.join(",",
        entry("QuadraticBenchmark", "primal", "", 2, 0, "3", "5"),
        entry("QuadraticBenchmark", "generated", "", 3, 0, "3", "5"),
        entry("QuadraticBenchmark", "handWritten", "", 2.5, 0, "3", "5"),
        entry("QuadraticBenchmark", "hipparchus", "", 30, 96, "3", "5"),
        entry("QuadraticBenchmark", "tape", "", 50, 512, "3", "5"),
        entry("QuadraticBenchmark", "finiteDifferences", "", 5, 0, "3", "5")) + "]";
    String rosenbrock = "[" + String.join(",",
        entry("RosenbrockBenchmark", "primal", "\"n\" : \"1000\"", 1000, 0, "3", "5"),
        entry("RosenbrockBenchmark", "handWritten", "\"n\" : \"1000\"", 2000, 8016, "3", "5"),
        entry("RosenbrockBenchmark", "primal", "\"n\" : \"10\"", 10, 0, "3", "5"),
        entry("RosenbrockBenchmark", "handWritten", "\"n\" : \"10\"", 40, 96, "3", "5")) + "]";
    Files.writeString(dir.resolve("jmh-QuadraticBenchmark.json"), quadratic);
    Files.writeString(dir.resolve("jmh-RosenbrockBenchmark.json"), rosenbrock);
    Files.writeString(dir.resolve("processor-cost.json"), """
        {"methods": 1000, "perClass": 50, "warmup": 3, "runs": 7, "sourceLines": 8583,
         "generatedLines": 34940, "javaVersion": "17.0.15", "medianWithMs": 1200.0,
         "medianProcessorOwnMs": 100.0, "medianWithoutMs": 1000.0, "ratio": 1.2, "target": 1.3}
        """);
    String md = ResultsTable.markdown(dir);
    // Columns: generated/handWritten, generatedInto/handWritten, generated/handFused,
    // generated/primal, hipparchus/generated, tape/handWritten, finiteDifferences/handWritten,
    // handWritten/primal, generatedInto/handBlocked, handBlocked/handWritten, generatedInto/primal,
    // generatedInto/handBlockedBoth, handBlockedBoth/handWritten, generatedInto/parameters.
    assertTrue(md.contains("| F1 2x²−3x+4 | 1.20× | n/a | n/a | 1.50× | 10.00× | 20.00× | 2.00× | 1.25× | n/a | n/a | n/a | n/a | n/a | n/a |"), md);
    // generated is missing in this Rosenbrock data: n/a, and n=10 sorts before n=1000.
    assertTrue(md.contains("| F3 Rosenbrock (n=10) | n/a | n/a | n/a | n/a | n/a | n/a | n/a | 4.00× | n/a | n/a | n/a | n/a | n/a | n/a |"), md);
    assertTrue(md.indexOf("(n=10) |") < md.indexOf("(n=1000) |"), md);
    assertTrue(md.contains("| F3 Rosenbrock (n=1000) | 0.0 | — | — | 8,016 | — | — | — | — | — | — | — |"), md);
    assertTrue(md.contains("| F1 2x²−3x+4 | 2.00 | 3.00 | — | 2.50 | — | 30.0 | 50.0 | 5.00 | — | — | — |"), md);
    assertTrue(md.contains("**with / without: 1.20×** (target ≤ 1.3×: met)"), md);
    assertTrue(md.contains("| nproc | "), md);
    assertTrue(md.contains("| CPU | "), md);
    assertTrue(md.contains("17.0.15"), md);
    assertFalse(md.contains("Short run"), md);
  }

  @Test
  void theBlockedAdjointHasItsRatios(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-Mlp784Benchmark.json"), "[" + String.join(",",
        entry("Mlp784Benchmark", "primal", "", 4e6, 0, "3", "5"),
        entry("Mlp784Benchmark", "generatedInto", "", 7e6, 0, "3", "5"),
        entry("Mlp784Benchmark", "handWritten", "", 8e6, 0, "3", "5"),
        entry("Mlp784Benchmark", "handBlocked", "", 3.5e6, 0, "3", "5")) + "]");
    String md = ResultsTable.markdown(dir);
    assertTrue(md.contains("| F6 MLP 784-128-10, batch 64 | n/a | 0.88× | n/a | n/a | n/a | n/a"
        + " | n/a | 2.00× | 2.00× | 0.44× | n/a | n/a | 1.75× | n/a |"), md);
  }

  @Test
  void ratiosCarryTheErrorsOfBothSides(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-NormalCdfBenchmark.json"), "[" + String.join(",",
        entry("NormalCdfBenchmark", "primal", "", 100, "3", 0, "3", "5"),
        entry("NormalCdfBenchmark", "generated", "", 200, "8", 0, "3", "5")) + "]");
    String md = ResultsTable.markdown(dir);
    // 2 · √(0.03² + 0.04²) = 0.10
    assertTrue(md.contains("| Normal.cdf, 64 points | n/a | n/a | n/a | 2.00× ± 0.10 |"), md);
  }

  @Test
  void aShortRunIsFlagged(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-MlpBenchmark.json"),
        "[" + entry("MlpBenchmark", "primal", "", 2000, 0, "1", "2") + "]");
    String md = ResultsTable.markdown(dir);
    assertTrue(md.contains("**Short run**"), md);
    assertTrue(md.contains("| F5 MLP 2-16-1, 64 samples | 2,000 |"), md);
    assertTrue(md.contains("Not measured (no processor-cost.json)"), md);
  }
}
