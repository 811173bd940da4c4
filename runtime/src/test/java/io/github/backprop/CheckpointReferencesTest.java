package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Checkpoints#saveReference} and {@link Checkpoints#restoreReference}: a loop that swaps two
 * buffers, one of them null at first, comes back to the very arrays its names referred to, with
 * their elements as they were, beside a plain array copy.
 */
class CheckpointReferencesTest {
  @Test
  void swappedBuffersComeBackAsTheyWere() {
    for (int n : new int[] {0, 1, 2, 3, 7, 40}) {
      for (int s : new int[] {2, 3, 5}) {
        run(n, s);
      }
    }
  }

  private static void run(int n, int s) {
    String what = "n=" + n + ", s=" + s;
    long[] first = {0};
    long[][] made = {first, null};
    long[] cur = first;
    long[] spare = null;
    long[] counts = {0, 5};
    Checkpoints c = new Checkpoints(n, s, 1);
    for (int a = c.forward(); a != Checkpoints.DONE; a = c.forward()) {
      if (a == Checkpoints.SAVE) {
        c.saveReference(cur);
        c.saveReference(spare);
        c.save(counts);
      } else {
        for (long i = c.fromLong(); i < c.toLong(); i++) {
          long[] t = cur;
          cur = spare == null ? (made[1] = new long[1]) : spare;
          spare = t;
          cur[0] = i + 1;
          counts[0] = i + 1;
        }
      }
    }
    assertEquals(n, cur[0], what);
    long turned = n;
    for (int a = c.reverse(); a != Checkpoints.DONE; a = c.reverse()) {
      if (a == Checkpoints.RESTORE) {
        cur = (long[]) c.restoreReference();
        spare = (long[]) c.restoreReference();
        c.restore(counts);
        long pos = counts[0];
        assertEquals(pos, cur[0], what);
        assertTrue(cur == made[0] || cur == made[1], what + ": the same array, not a copy");
        if (pos == 0) {
          assertNull(spare, what);
        } else {
          assertSame(cur == made[0] ? made[1] : made[0], spare, what);
          assertEquals(pos - 1, spare[0], what);
        }
      } else if (a == Checkpoints.SAVE) {
        c.saveReference(cur);
        c.saveReference(spare);
        c.save(counts);
      } else {
        for (long i = c.fromLong(); i < c.toLong(); i++) {
          long[] t = cur;
          cur = spare == null ? (made[1] = new long[1]) : spare;
          spare = t;
          cur[0] = i + 1;
          counts[0] = i + 1;
        }
        if (a == Checkpoints.TURN) {
          assertEquals(turned, c.toLong(), what);
          turned = c.fromLong();
          cur[0] = -1; // the turn's reverse leaves the elements as it likes
          spare = null;
        }
      }
    }
    assertEquals(0, turned, what);
    assertEquals(5, counts[1], what);
  }
}
