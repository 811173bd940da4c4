package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tape stacks: last in, first out, through growth, and reusable after clear. */
class StacksTest {
  @Test
  void doubleStackPopsInReverseOrderThroughGrowth() {
    DoubleStack s = new DoubleStack(1);
    for (int i = 0; i < 1000; i++) {
      s.push(i * 0.5);
    }
    assertEquals(1000, s.size());
    for (int i = 999; i >= 0; i--) {
      assertEquals(i * 0.5, s.pop());
    }
    assertTrue(s.isEmpty());
    assertThrows(IllegalStateException.class, s::pop);
  }

  @Test
  void intAndBooleanStacks() {
    IntStack ints = new IntStack();
    BooleanStack flags = new BooleanStack(2);
    for (int i = 0; i < 100; i++) {
      ints.push(i * i);
      flags.push(i % 3 == 0);
    }
    for (int i = 99; i >= 0; i--) {
      assertEquals(i * i, ints.pop());
      assertEquals(i % 3 == 0, flags.pop());
    }
    assertFalse(ints.size() != 0);
  }

  @Test
  void clearKeepsStorage() {
    DoubleStack s = new DoubleStack();
    s.push(1);
    s.push(2);
    s.clear();
    assertTrue(s.isEmpty());
    s.push(3);
    assertEquals(3.0, s.pop());
  }
}
