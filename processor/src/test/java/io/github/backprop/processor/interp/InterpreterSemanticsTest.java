package io.github.backprop.processor.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java's semantics on hand-built IR: each expected value is what Java itself computes for the
 * same expression, so the interpreter is held to the language, not to the generated code.
 */
class InterpreterSemanticsTest {
  private final Interpreter in = new Interpreter(Linker.system());

  private static Expr i(int v) {
    return new Expr.Literal(v, Type.INT);
  }

  private static Expr l(long v) {
    return new Expr.Literal(v, Type.LONG);
  }

  private static Expr d(double v) {
    return new Expr.Literal(v, Type.DOUBLE);
  }

  private static Expr f(float v) {
    return new Expr.Literal(v, Type.FLOAT);
  }

  private static Expr bin(Op op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b, Type.promote(a.type(), b.type()));
  }

  @Test
  void integersWrapDivideTowardZeroAndShiftByMaskedDistances() {
    int max = Integer.MAX_VALUE;
    assertEquals(max * 2, in.eval(bin(Op.MUL, i(max), i(2))));
    assertEquals(max + 1, in.eval(bin(Op.ADD, i(max), i(1))));
    assertEquals(Long.MAX_VALUE + 1, in.eval(bin(Op.ADD, l(Long.MAX_VALUE), i(1))));
    assertEquals(-7 / 2, in.eval(bin(Op.DIV, i(-7), i(2))));
    int min = Integer.MIN_VALUE;
    int minusOne = -1;
    assertEquals(min / minusOne, in.eval(bin(Op.DIV, i(min), i(-1))));
    assertEquals(0x7fff_0000 * 0x10003, in.eval(bin(Op.MUL, i(0x7fff_0000), i(0x10003))));
    assertEquals(-5 & 0xff, in.eval(bin(Op.BITAND, i(-5), i(0xff))));
    assertEquals(-7 % 2, in.eval(bin(Op.REM, i(-7), i(2))));
    assertEquals(-7.5 % 2, in.eval(bin(Op.REM, d(-7.5), i(2))));
    assertThrows(ArithmeticException.class, () -> in.eval(bin(Op.DIV, i(1), i(0))));
    assertEquals(1.0 / 0, in.eval(bin(Op.DIV, d(1), i(0))));
    int k = 1;
    long m = 1;
    assertEquals(k << 33, in.eval(new Expr.Binary(Op.SHL, i(1), i(33), Type.INT)));
    assertEquals(m << 65, in.eval(new Expr.Binary(Op.SHL, l(1), i(65), Type.LONG)));
    assertEquals(-8 >>> 1, in.eval(new Expr.Binary(Op.USHR, i(-8), l(1), Type.INT)));
    assertEquals(-8 >> 1, in.eval(new Expr.Binary(Op.SHR, i(-8), i(1), Type.INT)));
    assertEquals(~5L, in.eval(new Expr.Unary(Op.COMPLEMENT, l(5), Type.LONG)));
    assertEquals(6 ^ 3, in.eval(bin(Op.XOR, i(6), i(3))));
  }

  @Test
  void floatArithmeticRoundsToFloat() {
    float a = 0.1f;
    float b = 0.2f;
    assertEquals(a + b, in.eval(bin(Op.ADD, f(a), f(b))));
    assertEquals(a * b, in.eval(bin(Op.MUL, f(a), f(b))));
    assertEquals(a * 3, in.eval(bin(Op.MUL, f(a), i(3))));
    assertEquals(a + 0.2, in.eval(bin(Op.ADD, f(a), d(0.2)))); // promoted to double
    java.util.Random r = new java.util.Random(1);
    for (int k = 0; k < 10_000; k++) {
      float x = Float.intBitsToFloat(r.nextInt());
      float y = k % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian();
      assertEquals(x + y, in.eval(bin(Op.ADD, f(x), f(y))));
      assertEquals(x - y, in.eval(bin(Op.SUB, f(x), f(y))));
      assertEquals(x * y, in.eval(bin(Op.MUL, f(x), f(y))));
      assertEquals(x / y, in.eval(bin(Op.DIV, f(x), f(y))));
      assertEquals(x % y, in.eval(bin(Op.REM, f(x), f(y))));
      assertEquals(x < y, in.eval(bin(Op.LT, f(x), f(y))));
    }
    assertEquals(Float.class, in.eval(bin(Op.DIV, f(a), l(7))).getClass());
  }

  @Test
  void castsNarrowAsJavaDoes() {
    double big = 1e20;
    double nan = Double.NaN;
    assertEquals((int) big, in.eval(new Expr.Cast(Type.INT, d(big))));
    assertEquals((int) nan, in.eval(new Expr.Cast(Type.INT, d(nan))));
    assertEquals((long) -big, in.eval(new Expr.Cast(Type.LONG, d(-big))));
    assertEquals((int) (char) -1, in.eval(new Expr.Cast(Type.CHAR, i(-1))));
    assertEquals((int) (byte) 200, in.eval(new Expr.Cast(Type.BYTE, i(200))));
    assertEquals((int) (short) 70000.7, in.eval(new Expr.Cast(Type.SHORT, d(70000.7))));
    assertEquals((float) 0.1, in.eval(new Expr.Cast(Type.FLOAT, d(0.1))));
  }

  @Test
  void compoundAssignmentCastsBackAndConditionalsPromote() {
    Var k = new Var("k", Type.INT, Var.Kind.LOCAL);
    in.run(List.of(new Stmt.Declare(k, i(3)), new Stmt.Assign(k, Op.ADD, d(0.7)), new Stmt.Assign(k, Op.MUL, d(2.5))));
    int expected = 3;
    expected += 0.7;
    expected *= 2.5;
    assertEquals(expected, in.get(k));
    Var x = new Var("x", Type.FLOAT, Var.Kind.LOCAL);
    assertThrows(InterpreterException.class, () -> in.run(List.of(new Stmt.Declare(x, l(1)), new Stmt.Assign(k, null, d(1)))),
        "a double into an int without a cast would not compile");
    boolean t = true;
    assertEquals(t ? 1 : 2.0, in.eval(new Expr.Conditional(new Expr.Literal(true, Type.BOOLEAN), i(1), d(2), Type.DOUBLE)));
  }

  @Test
  void mathOverloadsFollowTheArgumentTypes() {
    Owner math = Owner.MATH;
    assertEquals(Math.abs(-2.5f), in.eval(new Expr.Call(math, "abs", List.of(f(-2.5f)), Type.DOUBLE)));
    assertEquals(Math.max(3, 4L), in.eval(new Expr.Call(math, "max", List.of(i(3), l(4)), Type.DOUBLE)));
    assertEquals(Math.round(2.5f), in.eval(new Expr.Call(math, "round", List.of(f(2.5f)), Type.DOUBLE)));
    assertEquals(Math.round(2.5), in.eval(new Expr.Call(math, "round", List.of(d(2.5)), Type.DOUBLE)));
    assertEquals(StrictMath.cbrt(9.0), in.eval(new Expr.Call(new Owner("java.lang", "StrictMath"), "cbrt", List.of(i(9)), Type.DOUBLE)));
    assertEquals(Math.PI, in.eval(new Expr.Constant(math, "PI", Type.DOUBLE)));
  }

  @Test
  void foreignCodeIsEvaluatedOrRefusedByItsText() {
    Var x = new Var("x", Type.DOUBLE, Var.Kind.PARAM);
    in.bind(x, Double.NaN);
    Owner boxed = new Owner("java.lang", "Double");
    assertEquals(true, in.eval(new Expr.Foreign(List.of(boxed, ".isNaN(", new Expr.Ref(x), ")"), Type.BOOLEAN)));
    assertEquals("x = NaN!", in.eval(new Expr.Foreign(List.of("\"x = \" + ", new Expr.Ref(x), " + '!'"), null)));
    // A char chooses valueOf(char), and a save(long) over a save(Object): widening before boxing
    assertEquals(String.valueOf('x'), in.eval(new Expr.Foreign(List.of("String.valueOf('x')"), null)));
    assertEquals(Long.toString('x'), in.eval(new Expr.Foreign(List.of("Long.toString('x')"), null)));
    Object e = in.eval(new Expr.Foreign(List.of("new ", new Owner("java.lang", "IllegalStateException"), "(\"no\")"), null));
    assertEquals("no", ((IllegalStateException) e).getMessage());
    InterpreterException refused =
        assertThrows(InterpreterException.class, () -> in.eval(new Expr.Foreign(List.of("java.util.stream.IntStream.range(0, 3).map(i -> i)"), null)));
    assertTrue(refused.getMessage().contains("IntStream"), refused.getMessage());
  }

  @Test
  void labelledBreakAndContinueReachTheirLoop() {
    LoopId outer = new LoopId("outer");
    LoopId inner = new LoopId(null);
    Var i = new Var("i", Type.INT, Var.Kind.LOCAL);
    Var j = new Var("j", Type.INT, Var.Kind.LOCAL);
    Var s = new Var("s", Type.INT, Var.Kind.LOCAL);
    Expr ri = new Expr.Ref(i);
    Expr rj = new Expr.Ref(j);
    Stmt innerLoop =
        new Stmt.Loop(inner, List.of(new Stmt.Declare(j, i(0))), bin(Op.LT, rj, i(5)), List.of(new Stmt.Assign(j, Op.ADD, i(1))),
            new Stmt.Block(List.of(
                new Stmt.If(bin(Op.EQ, rj, ri), new Stmt.Block(List.of(new Stmt.Continue(outer))), new Stmt.Block(List.of())),
                new Stmt.If(bin(Op.GT, new Expr.Ref(s), i(20)), new Stmt.Block(List.of(new Stmt.Break(outer))), new Stmt.Block(List.of())),
                new Stmt.Assign(s, Op.ADD, bin(Op.ADD, ri, rj)))),
            true);
    Stmt outerLoop =
        new Stmt.Loop(outer, List.of(new Stmt.Declare(i, i(0))), bin(Op.LT, ri, i(5)), List.of(new Stmt.Assign(i, Op.ADD, i(1))),
            new Stmt.Block(List.of(innerLoop)), true);
    in.run(List.of(new Stmt.Declare(s, i(0)), outerLoop));
    int expected = 0;
    outer:
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        if (b == a) {
          continue outer;
        }
        if (expected > 20) {
          break outer;
        }
        expected += a + b;
      }
    }
    assertEquals(expected, in.get(s));
  }

  @Test
  void tapesGiveBackWhatWasPushedAndMustEndBalanced() {
    Var doubles = Var.tape("_doubles", new Owner("io.github.backprop", "DoubleStack"), "doubles");
    Var y = new Var("y", Type.FLOAT, Var.Kind.LOCAL);
    in.enterTape();
    in.run(List.of(
        new Stmt.Declare(doubles, null),
        new Stmt.Push(doubles, f(0.1f)),
        new Stmt.Push(doubles, d(2.5)),
        new Stmt.Invoke(new Expr.Pop(doubles, Type.DOUBLE, null)),
        new Stmt.Declare(y, new Expr.Pop(doubles, Type.FLOAT, null))));
    assertEquals(0.1f, in.get(y));
    in.run(List.of(new Stmt.Push(doubles, d(1))));
    InterpreterException e = assertThrows(InterpreterException.class, () -> in.exitTape(true));
    assertTrue(e.getMessage().contains("_doubles holds 1 value(s) more"), e.getMessage());
  }

  @Test
  void readsBeforeWritesAndUnknownVariablesFail() {
    Var t = Var.temp("_t", Type.DOUBLE);
    in.run(List.of(new Stmt.Declare(t, null)));
    assertThrows(InterpreterException.class, () -> in.eval(new Expr.Ref(t)));
    assertThrows(InterpreterException.class, () -> in.eval(new Expr.Ref(Var.temp("_u", Type.DOUBLE))));
  }
}
