package io.github.backprop.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.Derivations;
import io.github.backprop.processor.interp.Agreement;
import io.github.backprop.processor.interp.Interpreter;
import io.github.backprop.processor.interp.InterpreterException;
import io.github.backprop.processor.interp.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzzer's random valid programs, their derived IR interpreted and compared bit for bit with
 * the generated code (value, gradient, arrays after, exceptions): a differential test of the IR's
 * meaning against its printing, over code no person wrote.
 */
class InterpreterFuzzTest {
  /** Batches 222 (overloads of one arity with forward mode) and 344 (a Hessian's tangent model named as a callee) once tripped the harness. */
  @ParameterizedTest(name = "batch {0}")
  @ValueSource(longs = {1, 2, 222, 344})
  void interpretedGradientsEqualTheGeneratedCode(long seed) {
    check(seed);
  }

  /** More batches, by hand: {@code -Dinterp.fuzz.batches=50 -Dinterp.fuzz.seed=100}. */
  @org.junit.jupiter.api.Test
  void campaign() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("interp.fuzz.batches") != null, "set -Dinterp.fuzz.batches");
    long first = Long.getLong("interp.fuzz.seed", 100);
    List<String> failed = new ArrayList<>();
    for (long seed = first; seed < first + Integer.getInteger("interp.fuzz.batches"); seed++) {
      try {
        check(seed);
      } catch (AssertionError e) {
        failed.add("batch " + seed + ": " + e.getMessage());
      }
    }
    assertTrue(failed.isEmpty(), () -> String.join("\n", failed));
  }

  private static void check(long seed) {
    Batch b = Batch.generate(seed, FuzzTest.PER_BATCH, Feature.today());
    Derivations d = Derivations.compileAll(b.sources().files());
    assertTrue(d.succeeded(), d::diagnostics);
    Agreement agree = new Agreement(d).exactOnly();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Derivations.Derived m : d.all()) {
      if (!Agreement.plain(m) || !Points.drawable(m.model().params())) {
        continue;
      }
      Random r = new Random(m.model().name().hashCode() + seed);
      for (int k = 0; k < 2; k++) {
        try {
          agree.check(m, Points.of(m.model().params(), r));
          checked++;
        } catch (Interpreter.OutOfSteps e) {
          continue;
        } catch (AssertionError | InterpreterException e) {
          failures.add(m.model().owner().simpleNames() + "." + m.model().name() + ": " + e.getMessage());
          break;
        }
      }
    }
    System.out.println("InterpreterFuzzTest batch " + seed + ": " + checked + " points checked");
    assertTrue(failures.isEmpty(), () -> failures.size() + " method(s) disagree:\n" + String.join("\n", failures));
    assertTrue(checked > 0, "no method checked");
  }
}
