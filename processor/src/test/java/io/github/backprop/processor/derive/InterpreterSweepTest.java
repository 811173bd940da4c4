package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.Derivations;
import io.github.backprop.processor.interp.Agreement;
import io.github.backprop.processor.interp.Interpreter;
import io.github.backprop.processor.interp.InterpreterException;
import io.github.backprop.processor.interp.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of the gradient tests' sources (with forward mode where {@code ForwardModeTest}
 * asks for it), its derived IR interpreted at random points and compared bit for bit with the
 * generated code compiled and run: where the two disagree, the IR and its printing do not mean
 * the same thing.
 */
class InterpreterSweepTest {
  static Stream<Arguments> sources() {
    return Stream.of(
        Arguments.of("StraightLine", ForwardModeTest.forward(StraightLineTest.SOURCE)),
        Arguments.of("Branches", ForwardModeTest.forward(BranchesTest.SOURCE)),
        Arguments.of("Loops", ForwardModeTest.forward(LoopsTest.SOURCE)),
        Arguments.of("Jumps", ForwardModeTest.forward(JumpsTest.SOURCE)),
        Arguments.of("Arrays", ForwardModeTest.forward(ArraysTest.SOURCE)),
        Arguments.of("AssignmentsInExpressions", ForwardModeTest.forward(AssignmentsInExpressionsTest.SOURCE)),
        Arguments.of("Edges", ForwardModeTest.forward(EdgesTest.SOURCE)),
        Arguments.of("IntegerOps", ForwardModeTest.forward(IntegerOpsTest.SOURCE)),
        Arguments.of("Remainder", ForwardModeTest.forward(RemainderTest.SOURCE)),
        Arguments.of("Realistic", ForwardModeTest.forward(RealisticTest.SOURCE)),
        Arguments.of("Tries", TriesTest.SOURCE + "\0" + TriesTest.LOG),
        Arguments.of("Checkpointed", CheckpointedTest.SOURCE));
  }

  @org.junit.jupiter.api.BeforeAll
  static void clearCoverage() {
    Interpreter.COVERED.clear();
  }

  /** What the sweep ran, so a node kind no source reaches is seen. */
  @org.junit.jupiter.api.AfterAll
  static void coverage() {
    System.out.println("InterpreterSweepTest ran " + new java.util.TreeSet<>(Interpreter.COVERED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void interpretedGradientsEqualTheGeneratedCode(String name, String source) {
    Derivations d =
        source.contains("\0") // a second file, after a NUL
            ? Derivations.compileAll(Map.of("p.C", source.split("\0")[0], "p.Log", source.split("\0")[1]))
            : source.strip().startsWith("package") ? Derivations.compile("p.C", source) : Derivations.members(source);
    assertTrue(d.succeeded(), d::diagnostics);
    Agreement agree = new Agreement(d).exactOnly();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int skipped = 0;
    for (Derivations.Derived m : d.all()) {
      if (!Agreement.plain(m) || !Points.drawable(m.model().params())) {
        continue;
      }
      Random r = new Random(m.model().name().hashCode());
      for (int k = 0; k < 3; k++) {
        Object[] point = Points.of(m.model().params(), r);
        try {
          agree.check(m, point);
          checked++;
        } catch (Interpreter.OutOfSteps e) {
          skipped++;
          continue; // a loop the random point never ends, or ends only after too long
        } catch (AssertionError | InterpreterException e) {
          failures.add(m.model().name() + ": " + e.getMessage());
          break;
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " method(s) disagree:\n" + String.join("\n", failures));
    System.out.println("InterpreterSweepTest " + name + ": " + checked + " points checked, " + skipped + " skipped (loops over budget)");
    assertTrue(checked > 0, "no method checked");
  }
}
