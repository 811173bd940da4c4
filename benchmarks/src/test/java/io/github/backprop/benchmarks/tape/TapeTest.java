package io.github.backprop.benchmarks.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TapeTest {
  private static final double X = 0.7;
  private static final double Y = -1.3;

  private interface Op {
    Var apply(Var x, Var y);
  }

  /** Value and both partials of op at (X, Y). */
  private static void check(Op op, double value, double dx, double dy) {
    Tape t = new Tape(1);
    Var x = t.variable(X);
    Var y = t.variable(Y);
    Var f = op.apply(x, y);
    t.backward(f);
    assertEquals(value, f.value(), 1e-15);
    assertEquals(dx, t.gradient(x), 1e-14);
    assertEquals(dy, t.gradient(y), 1e-14);
  }

  @Test
  void everyOperation() {
    check(Var::add, X + Y, 1, 1);
    check(Var::sub, X - Y, 1, -1);
    check(Var::mul, X * Y, Y, X);
    check(Var::div, X / Y, 1 / Y, -X / (Y * Y));
    check((x, y) -> x.add(2), X + 2, 1, 0);
    check((x, y) -> x.sub(2), X - 2, 1, 0);
    check((x, y) -> x.rsub(2), 2 - X, -1, 0);
    check((x, y) -> x.mul(3), 3 * X, 3, 0);
    check((x, y) -> x.div(4), X / 4, 0.25, 0);
    check((x, y) -> x.neg(), -X, -1, 0);
    check((x, y) -> y.square(), Y * Y, 0, 2 * Y);
    check((x, y) -> x.sqrt(), Math.sqrt(X), 0.5 / Math.sqrt(X), 0);
    check((x, y) -> x.pow(2.5), Math.pow(X, 2.5), 2.5 * Math.pow(X, 1.5), 0);
    check((x, y) -> y.exp(), Math.exp(Y), 0, Math.exp(Y));
    check((x, y) -> x.log(), Math.log(X), 1 / X, 0);
    check((x, y) -> x.log1p(), Math.log1p(X), 1 / (1 + X), 0);
    check((x, y) -> x.sin(), Math.sin(X), Math.cos(X), 0);
    check((x, y) -> x.cos(), Math.cos(X), -Math.sin(X), 0);
    check((x, y) -> y.tanh(), Math.tanh(Y), 0, 1 - Math.tanh(Y) * Math.tanh(Y));
  }

  @Test
  void aVariableUsedTwiceAccumulates() {
    // f = x·x·y + sin(x): ∂f/∂x = 2xy + cos x, ∂f/∂y = x².
    check((x, y) -> x.mul(x).mul(y).add(x.sin()), X * X * Y + Math.sin(X),
        2 * X * Y + Math.cos(X), X * X);
  }

  @Test
  void growsResetsAndRejectsForeignVariables() {
    Tape t = new Tape(1);
    Var x = t.variable(1.5);
    Var s = x;
    for (int i = 0; i < 1000; i++) {
      s = s.add(x);
    }
    assertEquals(1001, t.size());
    t.backward(s);
    assertEquals(1001, t.gradient(x));
    t.reset();
    Var z = t.variable(2);
    Var f = z.mul(z);
    t.backward(f);
    assertEquals(4, t.gradient(z));
    Tape other = new Tape();
    Var w = other.variable(1);
    assertThrows(IllegalArgumentException.class, () -> t.gradient(w));
    assertThrows(IllegalArgumentException.class, () -> z.add(w));
    assertThrows(IllegalStateException.class, () -> other.gradient(w));
  }
}
