package io.github.backprop.processor.probes;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.diag.GeneratedLimits;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits of generated methods, on IR built by hand: what javac would refuse is named. */
class GeneratedLimitsTest {
  private static final Var X = Var.named("x", Type.DOUBLE);

  /** x * 1.5 + x * 2.5 + ...: a left-deep sum of {@code n} products. */
  private static Expr sum(int n) {
    Expr e = term(0);
    for (int i = 1; i < n; i++) {
      e = new Expr.Binary(Expr.Op.ADD, e, term(i), Type.DOUBLE);
    }
    return e;
  }

  private static Expr term(int i) {
    return new Expr.Binary(Expr.Op.MUL, new Expr.Ref(X), Expr.Literal.of(i + 1.5), Type.DOUBLE);
  }

  private static IrMethod method(List<Stmt> body) {
    return new IrMethod("fJvp", true, TypeRef.of(Type.DOUBLE), List.of(X), false, false, body, List.of(), null);
  }

  /**
   * Regression generatedDepthBeyondJavacIsAnError: javac overflowed its own stack on a generated
   * tangent of a 1,500-term sum ("The system is out of resources"); now an error at the method.
   */
  @Test
  void deeperThanJavacAndThanTheSourceIsNamed() {
    IrMethod m = method(List.of(new Stmt.Return(sum(2000))));
    String why = GeneratedLimits.excess(m, List.of(new Stmt.Return(sum(100))));
    assertNotNull(why);
    assertTrue(why.contains("fJvp") && why.contains("nested"), why);
  }

  @Test
  void asDeepAsTheSourceIsLeftToJavac() {
    assertNull(GeneratedLimits.excess(method(List.of(new Stmt.Return(sum(1400)))), List.of(new Stmt.Return(sum(1400)))));
  }

  @Test
  void beyondSixtyFourKilobytesIsNamed() {
    // Each statement: dload x, ldc2_w, dmul, dload x, ldc2_w, dmul, dadd, dstore: about 14 bytes.
    List<Stmt> body = new ArrayList<>();
    Var s = Var.named("s", Type.DOUBLE);
    body.add(new Stmt.Declare(s, Expr.Literal.of(0)));
    for (int i = 0; i < 6000; i++) {
      body.add(new Stmt.Assign(s, Expr.Op.ADD, sum(2)));
    }
    body.add(new Stmt.Return(new Expr.Ref(s)));
    String why = GeneratedLimits.excess(method(body), List.of());
    assertNotNull(why);
    assertTrue(why.contains("65535 bytes"), why);
    assertNull(GeneratedLimits.excess(method(body.subList(0, 3000)), List.of()));
  }
}
