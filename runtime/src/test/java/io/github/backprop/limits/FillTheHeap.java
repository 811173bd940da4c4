package io.github.backprop.limits;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import io.github.backprop.TapeLimitException;

/**
 * Run in a JVM with a small heap by TapeTest: pushes doubles, as a generated loop does, until the
 * tape cannot grow, and prints the exception's message. Outside the runtime's package, so the
 * message names this class as where the values were saved.
 */
public final class FillTheHeap {
  private FillTheHeap() {}

  public static void main(String[] args) {
    Tape tape = Tape.enter();
    try {
      DoubleStack doubles = tape.doubles();
      for (long i = 0; ; i++) {
        doubles.push(i);
      }
    } catch (TapeLimitException e) {
      System.out.println(e.getClass().getName() + " " + e.entries());
      System.out.println(e.getMessage());
    } finally {
      tape.exit();
    }
  }
}
