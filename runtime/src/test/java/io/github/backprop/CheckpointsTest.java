package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The schedule, driven by a simulated loop whose state is its iteration number (a long and an
 * array holding it): every turn starts from its own iteration's state, turns come last first and
 * once each, the forward sweep ends at the final state, at most {@code snapshots} copies are held,
 * and no iteration runs more often than the binomial bound allows.
 */
class CheckpointsTest {
  private static final long LOST = -12345;

  @Test
  void everyPairOfStepsAndSnapshots() {
    int[] snapshots = {2, 3, 4, 5, 8, 64};
    long[] steps = {0, 1, 2, 3, 4, 5, 7, 10, 63, 64, 65, 100, 1000, 4097};
    for (int segment : new int[] {1, 3, 16}) {
      for (int s : snapshots) {
        for (long n : steps) {
          if (s == 2 && n > 1000) {
            continue; // quadratic: n^2 / 2 runs
          }
          drive(n, s, segment);
        }
      }
    }
  }

  @Test
  void aMillionStepsWithSixtyFourSnapshots() {
    Checkpoints c = drive(1_000_000, 64, 1);
    // Each iteration runs at most 6 times in the reverse sweep: 5 times without a tape at most.
    assertTrue(c.advancedSteps() <= 1_000_000L + 5 * 1_000_000L, "advanced " + c.advancedSteps());
    assertEquals(1_000_000L, c.turnedSteps());
  }

  @Test
  void fewerSnapshotsThanTwoIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> new Checkpoints(10, 1));
  }

  @Test
  void negativeTripCountsRunNothing() {
    Checkpoints c = new Checkpoints(-5, 4);
    assertEquals(Checkpoints.DONE, c.forward());
    assertEquals(Checkpoints.DONE, c.reverse());
    assertEquals(0, c.steps());
  }

  @Test
  void reverseBeforeForwardIsAnError() {
    Checkpoints c = new Checkpoints(3, 4);
    assertThrows(IllegalStateException.class, c::reverse);
  }

  /** The least t with C(s - 2 + t, s - 1) >= n: runs per iteration in the reverse sweep. */
  private static long bound(long n, int s) {
    if (n <= 1) {
      return n;
    }
    if (s == 2) {
      return n;
    }
    long t = 1;
    while (binomial(s - 2 + t, s - 1).compareTo(BigInteger.valueOf(n)) < 0) {
      t++;
    }
    return t;
  }

  private static BigInteger binomial(long n, long k) {
    BigInteger r = BigInteger.ONE;
    for (long i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  @Test
  void segmentsOfAThousand() {
    Checkpoints c = drive(10_000_000, 64, 1000);
    // 10^4 segments: at most 4 runs each (C(66, 63) >= 10^4), turns included.
    assertTrue(c.advancedSteps() <= 10_000_000L + 3 * 10_000_000L, "advanced " + c.advancedSteps());
    assertEquals(10_000_000L, c.turnedSteps());
  }

  @Test
  void fewerThanOneIterationPerSegmentIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> new Checkpoints(10, 4, 0));
  }

  /**
   * Up to its bound, the schedule of a gradient holding the checkpointed path only runs the loop
   * once without the tape, keeping one copy, and once with it; beyond, it checkpoints as marked.
   */
  @Test
  void beyondOrRerunRunsShortLoopsTwiceWithOneCopy() {
    for (long n : new long[] {0, 1, 2, 63, 64, 65, 1000}) {
      Checkpoints c = drive(Checkpoints.beyondOrRerun(n, 1000, 8, 16), n, 2, (int) Math.max(1, n));
      assertEquals(n, c.advancedSteps(), "n=" + n + ": one run without the tape");
      assertEquals(n, c.turnedSteps(), "n=" + n + ": one run with it");
      assertTrue(c.peakSnapshots() <= 1, "n=" + n + ": peak " + c.peakSnapshots());
    }
    Checkpoints c = drive(Checkpoints.beyondOrRerun(4097, 1000, 8, 16), 4097, 8, 16);
    assertTrue(c.advancedSteps() > 2 * 4097, "checkpointed past the bound: " + c.advancedSteps());
  }

  private static Checkpoints drive(long n, int s, int segment) {
    return drive(new Checkpoints(n, s, segment), n, s, segment);
  }

  private static Checkpoints drive(Checkpoints c, long n, int s, int segment) {
    String what = "n=" + n + ", s=" + s + ", segment=" + segment;
    int[] runs = n <= 100_000 ? new int[(int) n] : null;
    long pos = 0;
    long[] array = {0, 7};
    for (int a = c.forward(); a != Checkpoints.DONE; a = c.forward()) {
      if (a == Checkpoints.SAVE) {
        c.save(pos);
        c.save(array);
      } else {
        assertEquals(Checkpoints.ADVANCE, a, what);
        assertEquals(pos, c.from(), what);
        pos = c.to();
        array[0] = pos;
      }
    }
    assertEquals(n, pos, what + ": the forward sweep ends at the final state");
    pos = LOST;
    array[0] = LOST;
    long nextTurn = n;
    for (int a = c.reverse(); a != Checkpoints.DONE; a = c.reverse()) {
      if (a == Checkpoints.SAVE) {
        assertTrue(pos >= 0, what);
        c.save(pos);
        c.save(array);
      } else if (a == Checkpoints.RESTORE) {
        pos = c.restoreLong();
        c.restore(array);
        assertEquals(pos, array[0], what);
      } else if (a == Checkpoints.ADVANCE) {
        assertEquals(pos, c.from(), what);
        for (long i = c.from(); i < c.to() && runs != null; i++) {
          runs[(int) i]++;
        }
        pos = c.to();
        array[0] = pos;
      } else {
        assertEquals(Checkpoints.TURN, a, what);
        assertEquals(nextTurn, c.to(), what + ": turns come last first");
        assertTrue(c.to() - c.from() >= 1 && c.to() - c.from() <= segment, what);
        assertTrue(c.from() % segment == 0, what);
        assertEquals(pos, c.from(), what + ": a turn starts from its iteration's state");
        for (long i = c.from(); i < c.to() && runs != null; i++) {
          runs[(int) i]++;
        }
        nextTurn = c.from();
        pos = LOST; // the turn's reverse leaves the state as it likes
        array[0] = LOST;
      }
    }
    assertEquals(0, nextTurn, what + ": every iteration turned");
    assertEquals(n, c.turnedSteps(), what);
    assertEquals(7, array[1], what);
    assertTrue(c.peakSnapshots() <= s, what + ": peak " + c.peakSnapshots());
    if (runs != null) {
      long t = bound((n + segment - 1) / segment, s);
      for (int i = 0; i < n; i++) {
        assertTrue(runs[i] <= t, what + ": iteration " + i + " ran " + runs[i] + " times, bound " + t);
      }
    }
    return c;
  }
}
