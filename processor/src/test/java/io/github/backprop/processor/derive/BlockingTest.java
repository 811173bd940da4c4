package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A sum over samples runs four samples side by side ({@code Blocking}): the gradients must be the
 * same to the bit as with one sample at a time ({@code -Abackprop.blocking=false}), for every
 * batch size (remainders of 0 to 3), and right against finite differences. Loops where that
 * cannot be shown stay one sample at a time.
 */
class BlockingTest {
  /** The golden's mlp and ragged, which run four samples side by side. */
  private static final String GOLDEN = read(Paths.get("src/test/resources/golden/good/Blocking.java"));

  static final Compiled BLOCKED = Compiled.compileAll(Map.of("golden.Blocking", GOLDEN));
  static final Compiled ONE_AT_A_TIME =
      Compiled.compileAll(Map.of("golden.Blocking", GOLDEN), List.of("-Abackprop.blocking=false"));

  /** Loops that stay one sample at a time. */
  static final Compiled LEFT =
      Compiled.members(
          """
      /** Two additions into w's gradient per sample: side by side they would add in another order. */
      @Differentiable(wrt = "w")
      static double twoPerSample(double[] w, double[][] x) {
        double loss = 0;
        for (int s = 0; s < x.length; s++) {
          double z = 0;
          for (int j = 0; j < w.length; j++) {
            z += w[j] * x[s][j];
          }
          loss += z * z + w[0] * z;
        }
        return loss;
      }

      /** No inner loop to run side by side: nothing to gain, one sample at a time. */
      @Differentiable
      static double noInnerLoop(double a, double[] x) {
        double loss = 0;
        for (int s = 0; s < x.length; s++) {
          loss += Math.sin(a * x[s]);
        }
        return loss;
      }

      /** Two places of one gradient that meet at w[3]: side by side they would add in another order. */
      @Differentiable(wrt = "w")
      static double overlapping(double[] w, double[][] x) {
        double loss = 0;
        for (int s = 0; s < x.length; s++) {
          double z = 0;
          for (int j = 0; j < 4; j++) {
            z += w[j] * w[3 + j] * x[s][j];
          }
          loss += z * z;
        }
        return loss;
      }

      /** The sum is added to inside the inner loop: several additions per sample. */
      @Differentiable(wrt = "w")
      static double innerSum(double[] w, double[][] x) {
        double loss = 0;
        for (int s = 0; s < x.length; s++) {
          for (int j = 0; j < w.length; j++) {
            loss += Math.sin(w[j] * x[s][j]);
          }
        }
        return loss;
      }
      """);

  @Test
  void theMlpsGradientIsBitIdenticalToOneSampleAtATimeForEveryBatchSize() {
    assertTrue(BLOCKED.succeeded(), BLOCKED.diagnostics());
    assertTrue(blocked(BLOCKED.source("golden.BlockingGrad"), "mlp"), "mlp runs four samples side by side");
    assertFalse(blocked(ONE_AT_A_TIME.source("golden.BlockingGrad"), "mlp"), "-Abackprop.blocking=false keeps one at a time");
    SplittableRandom r = new SplittableRandom(2026135001L);
    for (int n = 1; n <= 11; n++) {
      Object[] point = mlpPoint(r, 7, 5, 3, n);
      assertBitIdentical("mlp", point, n);
    }
  }

  @Test
  void theMlpsGradientAgreesWithFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(2026135002L);
    for (int n : new int[] {4, 6}) {
      GradCheck.check(BLOCKED, "golden.Blocking", "golden.BlockingGrad", "mlp", mlpPoint(r, 4, 3, 3, n));
    }
  }

  @Test
  void aSamplesOwnInnerBoundRunsInsideTheBlockBitIdentically() {
    assertTrue(blocked(BLOCKED.source("golden.BlockingGrad"), "ragged"), "ragged runs four samples side by side");
    SplittableRandom r = new SplittableRandom(2026135003L);
    for (int n = 0; n <= 9; n++) {
      double[][] x = new double[n][];
      for (int s = 0; s < n; s++) {
        x[s] = uniform(r, 4 + r.nextInt(4));
      }
      Object[] point = {uniform(r, 4), uniform(r, 3), x, uniform(r, n), n};
      assertBitIdentical("ragged", point, n);
      if (n == 5) {
        GradCheck.check(BLOCKED, "golden.Blocking", "golden.BlockingGrad", "ragged", point);
      }
    }
  }

  @Test
  void twoAdditionsIntoOneGradientPerSampleStayOneSampleAtATime() {
    assertFalse(blocked(LEFT.source("p.CGrad"), "twoPerSample"));
    GradCheck.check(LEFT, "twoPerSample", uniform(new SplittableRandom(2026135004L), 3),
        new double[][] {{1, 2, 3}, {0.5, -1, 2}, {3, 1, -1}, {1, 1, 1}, {0, 2, 1}});
  }

  @Test
  void weightsPackedInOneArrayRunFourSamplesSideBySideBitIdentically() {
    assertTrue(blocked(BLOCKED.source("golden.BlockingGrad"), "packed"), "packed runs four samples side by side");
    SplittableRandom r = new SplittableRandom(2026135005L);
    for (int n = 0; n <= 9; n++) {
      double[][] x = new double[n][];
      for (int s = 0; s < n; s++) {
        x[s] = uniform(r, 2);
      }
      Object[] point = {uniform(r, 17), x, uniform(r, n)};
      assertBitIdentical("packed", point, n);
      if (n == 6) {
        GradCheck.check(BLOCKED, "golden.Blocking", "golden.BlockingGrad", "packed", point);
      }
    }
  }

  @Test
  void twoPlacesOfOneGradientThatMeetStayOneSampleAtATime() {
    assertFalse(blocked(LEFT.source("p.CGrad"), "overlapping"));
    GradCheck.check(LEFT, "overlapping", uniform(new SplittableRandom(2026135006L), 7),
        new double[][] {{1, 2, 3, 4}, {0.5, -1, 2, 1}, {3, 1, -1, 0}, {1, 1, 1, 1}, {0, 2, 1, -2}});
  }

  @Test
  void aSumAddedToInsideAnInnerLoopStaysOneSampleAtATime() {
    assertFalse(blocked(LEFT.source("p.CGrad"), "innerSum"));
  }

  @Test
  void aLoopWithNoInnerLoopStaysOneSampleAtATime() {
    assertTrue(LEFT.source("p.CGrad").contains("noInnerLoop("));
    assertFalse(blocked(LEFT.source("p.CGrad"), "noInnerLoop"));
  }

  private static void assertBitIdentical(String name, Object[] point, int n) {
    Map<String, Object> a = Compiled.components(BLOCKED.call("golden.BlockingGrad", name, GradCheck.copy(point)));
    Map<String, Object> b = Compiled.components(ONE_AT_A_TIME.call("golden.BlockingGrad", name, GradCheck.copy(point)));
    assertEquals(bits(b), bits(a), name + " at a batch of " + n);
  }

  /** Every double of a gradient record, as its bits. */
  private static List<Long> bits(Map<String, Object> record) {
    List<Long> out = new ArrayList<>();
    for (Object v : record.values()) {
      if (v instanceof Double d) {
        out.add(Double.doubleToRawLongBits(d));
      } else if (v instanceof double[] row) {
        for (double d : row) {
          out.add(Double.doubleToRawLongBits(d));
        }
      } else if (v instanceof double[][] m) {
        for (double[] row : m) {
          for (double d : row) {
            out.add(Double.doubleToRawLongBits(d));
          }
        }
      }
    }
    return out;
  }

  /** Whether a generated method {@code name} (either overload) runs blocks of iterations. */
  private static boolean blocked(String source, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("public static \\w+ " + name + "\\(").matcher(source);
    boolean any = false;
    while (m.find()) {
      any |= source.substring(m.start(), source.indexOf("\n    }\n", m.start())).contains("iterations side by side");
    }
    return any;
  }

  private static Object[] mlpPoint(SplittableRandom r, int inputs, int hidden, int classes, int n) {
    double[][] x = new double[n][];
    int[] labels = new int[n];
    for (int s = 0; s < n; s++) {
      x[s] = uniform(r, inputs);
      labels[s] = r.nextInt(classes);
    }
    return new Object[] {matrix(r, hidden, inputs), uniform(r, hidden), matrix(r, classes, hidden), uniform(r, classes), x, labels};
  }

  private static double[][] matrix(SplittableRandom r, int rows, int cols) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = uniform(r, cols);
    }
    return m;
  }

  private static double[] uniform(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
