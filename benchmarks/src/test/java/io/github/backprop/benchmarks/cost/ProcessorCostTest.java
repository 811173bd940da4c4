package io.github.backprop.benchmarks.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor-cost benchmark's source must compile cleanly, with the processor and without it:
 * every shape uses only what backprop supports today.
 */
class ProcessorCostTest {
  @Test
  void everyShapeCompilesWithAndWithoutTheProcessor(@TempDir Path root) throws IOException {
    int methods = 4 * Shapes.SHAPES;
    int perClass = 15;
    Path source = ProcessorCost.writeSource(root, methods, perClass);
    int classes = Shapes.classNames(methods, perClass).size();
    assertEquals(3, classes);

    ProcessorCost.Compile with = ProcessorCost.compile(root, source, true);
    assertEquals(List.of(), with.messages());
    assertEquals(0, with.errors());
    assertEquals(classes, with.generatedFiles());
    assertTrue(with.processorNanos() > 0);
    assertTrue(with.processorCpuNanos() > 0 && with.processorCpuNanos() <= with.cpuNanos());

    ProcessorCost.Compile without = ProcessorCost.compile(root, source, false);
    assertEquals(List.of(), without.messages());
    assertEquals(0, without.generatedFiles());
  }

  @Test
  void aColdCompilationRunsInAFreshJvmEachWay(@TempDir Path root) throws Exception {
    Path source = ProcessorCost.writeSource(root, Shapes.SHAPES, Shapes.SHAPES);
    ColdCost.Pair cold = ColdCost.measure(root, List.of(source), List.of(source), List.of(), 1);
    assertTrue(cold.with().cpu()[0] > 0 && cold.with().wall()[0] > 0);
    assertTrue(cold.without().cpu()[0] > 0 && cold.without().wall()[0] > 0);
  }

  @Test
  void theSourceIsDeterministicAndHasTheRequestedMethods() {
    String a = Shapes.source(1000, 50, 5);
    assertEquals(a, Shapes.source(1000, 50, 5));
    assertEquals(1000, a.split("@Differentiable\n", -1).length - 1);
    assertTrue(a.contains("Math.pow(") && a.contains("? ") && a.contains("+= ")
        && a.contains("} else if (") && a.contains("k++;"), "mixed shapes");
  }

  @Test
  void median() {
    assertEquals(2.0, ProcessorCost.median(new long[] {3, 1, 2}));
    assertEquals(2.5, ProcessorCost.median(new long[] {4, 1, 2, 3}));
  }
}
