package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The MLP 784-128-10's hand-written adjoints against the generated gradient: the blocked adjoint
 * bit-identical to the naive one, the generated gradient equal to the naive one to rounding, and
 * the naive one against central differences.
 */
class Mlp784Test {
  /** Generated against naive: they add the same terms, but form ∂/∂logits differently. */
  private static final double ROUNDING = 1e-14;

  private static final Mlp784.Problem P = Mlp784.problem();

  @Test
  void shapes() {
    assertEquals(101_770, Mlp784.WEIGHTS);
    assertEquals(Mlp784.WEIGHTS, P.weights().flat().length);
    assertEquals(Mlp784.SAMPLES, P.x().length);
    long classes = Arrays.stream(P.labels()).distinct().count();
    assertEquals(Mlp784.CLASSES, classes, "every class occurs in the batch");
  }

  @Test
  void blockedIsBitIdenticalToNaive() {
    double[] naive = Mlp784Agreement.naive(P);
    assertArrayEquals(naive, Mlp784Agreement.blocked(P));
    assertArrayEquals(naive, Mlp784Agreement.blockedBoth(P));
  }

  @Test
  void blockedIsBitIdenticalOnBatchesThatLeaveARemainder() {
    for (int m : new int[] {1, 3, 5, 7, 63}) {
      Mlp784.Problem q = new Mlp784.Problem(P.weights(), Arrays.copyOf(P.x(), m),
          Arrays.copyOf(P.labels(), m));
      assertArrayEquals(Mlp784Agreement.naive(q), Mlp784Agreement.blocked(q), "batch " + m);
    }
  }

  @Test
  void generatedEqualsNaiveToRounding() {
    double[] naive = Mlp784Agreement.naive(P);
    double[] generated = Mlp784Agreement.generated(P);
    assertEquals(Mlp784.loss(P), generated[0], 0.0, "the generated value is the primal's");
    assertEquals(Mlp784.loss(P), naive[0], 1e-15 * Math.abs(naive[0]));
    assertNull(Agreement.agree(naive, generated, ROUNDING));
  }

  @Test
  void generatedEqualsNaiveToRoundingAtOtherWeights() {
    Mlp784.Problem q = new Mlp784.Problem(weights(Data.random(7841), 0.5), P.x(), P.labels());
    assertNull(Agreement.agree(Mlp784Agreement.naive(q), Mlp784Agreement.generated(q), ROUNDING));
    assertArrayEquals(Mlp784Agreement.naive(q), Mlp784Agreement.blocked(q));
    assertArrayEquals(Mlp784Agreement.naive(q), Mlp784Agreement.blockedBoth(q));
  }

  @Test
  void theAccumulateOverloadsAddToWhatIsThere() {
    Mlp784.Weights w = P.weights();
    Mlp784.Weights a = Mlp784.Weights.zeros();
    Mlp784.Weights b = Mlp784.Weights.zeros();
    Mlp784.Weights c = Mlp784.Weights.zeros();
    for (int round = 0; round < 2; round++) {
      Mlp784.naive(w, P.x(), P.labels(), a);
      Mlp784.blocked(w, P.x(), P.labels(), b);
      Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), P.x(), P.labels(), c.w1(), c.b1(), c.w2(),
          c.b2());
    }
    double[] doubled = Mlp784Agreement.naive(P);
    for (int i = 0; i < doubled.length; i++) {
      doubled[i] *= 2;
    }
    assertNull(Agreement.agree(doubled, Agreement.flat(0, a.flat()), ROUNDING));
    assertArrayEquals(a.flat(), b.flat());
    assertNull(Agreement.agree(Agreement.flat(0, a.flat()), Agreement.flat(0, c.flat()),
        ROUNDING));
  }

  @Test
  void naiveAgreesWithCentralDifferences() {
    double[] naive = Mlp784Agreement.naive(P);
    double scale = 0;
    for (int i = 1; i < naive.length; i++) {
      scale = Math.max(scale, Math.abs(naive[i]));
    }
    // Some weights of each layer, and the largest partial.
    int largest = 0;
    for (int i = 1; i < naive.length; i++) {
      if (Math.abs(naive[i]) > Math.abs(naive[largest + 1])) {
        largest = i - 1;
      }
    }
    int b1 = Mlp784.INPUTS * Mlp784.HIDDEN;
    int w2 = b1 + Mlp784.HIDDEN;
    int b2 = w2 + Mlp784.HIDDEN * Mlp784.CLASSES;
    for (int k : List.of(0, 400, 784 * 77 + 300, b1 + 5, w2 + 17, b2 + 3, largest)) {
      double fd = centralDifference(k);
      assertEquals(fd, naive[k + 1], 1e-6 * scale, "partial " + k);
    }
  }

  // The checks above must be able to fail.

  @Test
  void summingTheSamplesInAnotherOrderIsNotBitIdentical() {
    // The same batch backwards: the same mean mathematically, rounded differently.
    int m = P.x().length;
    double[][] x = new double[m][];
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      x[i] = P.x()[m - 1 - i];
      labels[i] = P.labels()[m - 1 - i];
    }
    double[] reversed = Mlp784Agreement.naive(new Mlp784.Problem(P.weights(), x, labels));
    double[] naive = Mlp784Agreement.naive(P);
    assertFalse(Arrays.equals(naive, reversed), "the bit-identity check sees summation order");
    assertNull(Agreement.agree(naive, reversed, ROUNDING), "and the rounding check does not");
  }

  @Test
  void aMissingTermIsNotRounding() {
    // The gradient at another label for one sample: one term of 64 differs.
    int[] labels = P.labels().clone();
    labels[10] = (labels[10] + 1) % Mlp784.CLASSES;
    double[] other = Mlp784Agreement.naive(new Mlp784.Problem(P.weights(), P.x(), labels));
    String problem = Agreement.agree(Mlp784Agreement.naive(P), other, ROUNDING);
    assertNotNull(problem);
    assertTrue(problem.startsWith("partial "), problem);
  }

  private static double centralDifference(int k) {
    double[] flat = P.weights().flat();
    double h = 1e-5;
    double up = loss(flat, k, h);
    double down = loss(flat, k, -h);
    return (up - down) / (2 * h);
  }

  private static double loss(double[] flat, int k, double step) {
    double[] f = flat.clone();
    f[k] += step;
    Mlp784.Weights w = unflat(f);
    return Mlp784.loss(w.w1(), w.b1(), w.w2(), w.b2(), P.x(), P.labels());
  }

  private static Mlp784.Weights unflat(double[] f) {
    Mlp784.Weights w = Mlp784.Weights.zeros();
    int at = 0;
    for (double[] row : w.w1()) {
      System.arraycopy(f, at, row, 0, row.length);
      at += row.length;
    }
    System.arraycopy(f, at, w.b1(), 0, Mlp784.HIDDEN);
    at += Mlp784.HIDDEN;
    for (double[] row : w.w2()) {
      System.arraycopy(f, at, row, 0, row.length);
      at += row.length;
    }
    System.arraycopy(f, at, w.b2(), 0, Mlp784.CLASSES);
    return w;
  }

  private static Mlp784.Weights weights(SplittableRandom r, double s) {
    return new Mlp784.Weights(Data.uniform(r, Mlp784.HIDDEN, Mlp784.INPUTS, -s, s),
        Data.uniform(r, Mlp784.HIDDEN, -s, s),
        Data.uniform(r, Mlp784.CLASSES, Mlp784.HIDDEN, -s, s),
        Data.uniform(r, Mlp784.CLASSES, -s, s));
  }
}
