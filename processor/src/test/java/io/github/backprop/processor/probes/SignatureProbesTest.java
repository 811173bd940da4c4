package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.lineIn;
import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * More declarations a tester tries: a wrt list naming a parameter twice, the annotation where no
 * body can be, names that the generated code also uses. Each is one error of ours saying what to
 * write, or a correct gradient.
 */
class SignatureProbesTest {
  private static final String SIGNATURE = "BackpropSignature";

  /** Regression wrtNamingAParameterTwiceWasAccepted: {@code wrt = {"x", "x"}} compiled without a word. */
  @Test
  void wrtNamingAParameterTwiceWasAccepted() {
    String src = "@Differentiable(wrt = {\"x\", \"y\", \"x\"}) static double f(double x, double y, double z) { return x * y * z; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "double f"), "'x' twice",
        "@Differentiable(wrt = {\"x\", \"y\"})");
  }

  /** Regression annotationElementWasToldToWriteItInJava: the advice was for a native method. */
  @Test
  void annotationElementWasToldToWriteItInJava() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        @interface A {
          @Differentiable double f();
        }
        """;
    Compiled c = Compiled.compile("p.A", file);
    oneError(c.compilation(), SIGNATURE, lineIn(file, "double f"), "an element of an annotation interface", "remove it");
    assertFalse(Probes.describe(c.compilation()).contains("write it in Java"), () -> Probes.describe(c.compilation()));
  }

  @Test
  void abstractInterfaceMethodIsToldToAnnotateOneWithABody() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        interface I {
          @Differentiable double f(double x);
        }
        """;
    oneError(Compiled.compile("p.I", file).compilation(), SIGNATURE, lineIn(file, "double f"), "is abstract",
        "annotate a method with a body");
  }

  /**
   * Regression aParameterNamedLikeTheGradClassWasAnError: {@code f(double CGrad)} was "'f' uses
   * CGrad, the class backprop writes", though it only names a parameter.
   */
  @Test
  void aParameterNamedLikeTheGradClassWasAnError() {
    Compiled c = Compiled.members("""
        static double h(double x) { return x * x; }
        @Differentiable(forward = true, hessian = true) static double f(double CGrad, double C) {
          double s = h(CGrad) * C;
          return s + Math.sin(CGrad);
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "f", 0.7, -1.3);
  }

  /**
   * Regression aParameterNamedLikeTheSourceClassBrokeItsHessian: fHvp and fHessian of {@code
   * f(double x, double C)} in class C called {@code C.f(x, C)}, where the parameter obscured the class.
   */
  @Test
  void aParameterNamedLikeTheSourceClassBrokeItsHessian() throws Throwable {
    Compiled c = Compiled.members("""
        @Differentiable(hessian = true) static double f(double x, double C) { return x * x * C; }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    Map<String, Object> h = Compiled.components(
        Probes.invoke(c, "p.CGrad", "fHessian", new Class<?>[] {double.class, double.class}, 0.5, 3.0));
    assertEquals(0.75, (Double) h.get("value"), 0.0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3.0, 0.25}, (double[]) h.get("gradient"), 1e-15);
    assertTrue(java.util.Arrays.deepEquals(new double[][] {{6.0, 1.0}, {1.0, 0.0}}, (double[][]) h.get("hessian")),
        () -> java.util.Arrays.deepToString((double[][]) h.get("hessian")));
  }

  /** The generated record's accessors beside parameters named like them, or like Object's methods. */
  @Test
  void parametersNamedLikeAccessorsOrObjectsMethods() {
    Compiled c = Compiled.members("""
        @Differentiable(forward = true, hessian = true)
        static double f(double gradient, double hessian, double tangent, double hvp) {
          return gradient * hessian * Math.exp(tangent * hvp);
        }
        @Differentiable(forward = true, hessian = true)
        static double g(double hashCode, double wait, double toString, double getClass) {
          return hashCode * wait * toString - getClass;
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    Map<String, Object> f = GradCheck.check(c, "f", 0.3, -0.7, 0.5, 1.1);
    assertTrue(f.keySet().containsAll(java.util.List.of("gradient", "hessian", "tangent", "hvp")), f::toString);
    GradCheck.check(c, "g", 0.3, -0.7, 0.5, 1.1);
  }

  /** A method f beside a method F, and a class whose simple name is the result record's. */
  @Test
  void namesThatCaseFoldOrShadowTheResultRecord() {
    Compiled both = Compiled.members("""
        @Differentiable static double f(double x) { return x * x; }
        @Differentiable static double F(double x) { return x * x * x; }
        """);
    assertTrue(both.succeeded(), both.diagnostics());
    assertEquals(2 * 0.5, GradCheck.check(both, "f", 0.5).get("x"));
    assertEquals(3 * 0.25, (Double) GradCheck.check(both, "F", 0.5).get("x"), 1e-15);
    Compiled loss = Compiled.compile("p.Loss", """
        package p;
        import io.github.backprop.Differentiable;
        class Loss {
          static final double K = 2;
          static double h(double x) { return x * K; }
          record F(double a, double b) {}
          @Differentiable(forward = true, hessian = true) static double loss(double x) { return h(x) * Loss.K * x; }
          @Differentiable(forward = true, hessian = true) static double f(F p, double x) { return p.a() * p.b() * x; }
        }
        """);
    assertTrue(loss.succeeded(), loss.diagnostics());
    GradCheck.check(loss, "p.Loss", "p.LossGrad", "loss", 0.4);
  }

  /**
   * Regression rulesNamingAClassOfTheCompilationWithoutRulesWasSilent: a library class without
   * {@code @DerivativeOf} methods in {@code rules} was an error, one being compiled (the user's
   * own, where the rule was forgotten or misspelt) was taken without a word; named twice, once.
   */
  @Test
  void rulesNamingAClassOfTheCompilationWithoutRulesWasSilent() {
    String src = """
        static final class Empty { static double sq(double x) { return x * x; } }
        @Differentiable(rules = {Empty.class, Empty.class}, forward = true, hessian = true)
        static double f(double x) { return Empty.sq(x) * x; }
        @Differentiable(forward = true, hessian = true) static double g(double x) { return f(x) * x; }
        """;
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "static double f"),
        "Empty, named in rules, has no @DerivativeOf method");
  }

  /** Regression rulesNamingAPrimitiveOrArrayWasSilent: {@code rules = double[].class} was ignored. */
  @Test
  void rulesNamingAPrimitiveOrArrayWasSilent() {
    String src = "@Differentiable(rules = double[].class) static double f(double x) { return x * x; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "@Differentiable"),
        "double[], named in rules, is not a class", "the class that holds the @DerivativeOf methods");
  }
}
