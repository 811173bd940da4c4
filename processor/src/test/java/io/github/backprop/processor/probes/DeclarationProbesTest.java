package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertNoBug;
import static io.github.backprop.processor.probes.Probes.invoke;
import static io.github.backprop.processor.probes.Probes.javacOnly;
import static io.github.backprop.processor.probes.Probes.lineIn;
import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Odd and wrong declarations, as a tester who wants to break the processor writes them: each is
 * either generated and correct, or one error of ours at the declaration that says what to do, or
 * javac's own error alone; never a failure inside backprop or a javac error in generated code.
 */
class DeclarationProbesTest {
  private static final String SIGNATURE = "BackpropSignature";

  @Test
  void abstractMethodIsOneError() {
    String src = "abstract static class A {\n  @Differentiable abstract double f(double x);\n}\n"
        + "@Differentiable static double g(double x) { return x; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "abstract double"), "no body", "annotate a method with a body");
  }

  @Test
  void nativeMethodIsOneError() {
    String src = "@Differentiable static native double f(double x);\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "native"), "native or abstract");
  }

  @Test
  void interfaceMethods() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        interface I {
          @Differentiable static double h(double x) { return x * x; }
          @Differentiable default double g(double x) { return x * x; }
        }
        """;
    Compiled c = Compiled.compile("p.I", file);
    oneError(c.compilation(), SIGNATURE, lineIn(file, "default"), "interface", "make the method static");
  }

  @Test
  void staticInterfaceMethodIsDifferentiated() {
    Compiled c = Compiled.compile("p.I", """
        package p;
        import io.github.backprop.Differentiable;
        interface I {
          @Differentiable static double h(double x) { return x * Math.sin(x); }
        }
        """);
    GradCheck.check(c, "p.I", "p.IGrad", "h", 0.7);
  }

  @Test
  void constructorIsJavacsError() {
    String src = "@Differentiable C(double x) { }\n";
    javacOnly(Compiled.members(src).compilation(), "not applicable");
  }

  @Test
  void localAndAnonymousClassesBesideAnAnnotatedMethod() {
    String src = """
        @Differentiable static double f(double x) { return x; }
        static double use() {
          class Loc { @Differentiable static double g(double x) { return x * x; } }
          return Loc.g(2);
        }
        """;
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "class Loc"), "local, anonymous", "move the method");
  }

  @Test
  void genericMethodAndGenericClass() {
    String src = "@Differentiable static <U> double g(double x) { return x * x; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "<U>"), "must not be generic");
    Compiled c = Compiled.compile("p.G", """
        package p;
        import io.github.backprop.Differentiable;
        class G<T> {
          @Differentiable static double f(double x) { return x * Math.exp(x); }
        }
        """);
    GradCheck.check(c, "p.G", "p.GGrad", "f", 0.3);
  }

  @Test
  void enumMethods() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        enum E {
          A;
          @Differentiable static double f(double x) { return x * x * x; }
          @Differentiable double g(double x) { return x; }
        }
        """;
    oneError(Compiled.compile("p.E", file).compilation(), SIGNATURE, lineIn(file, "double g"), "an enum", "make the method static");
  }

  @Test
  void innerClassIsOneErrorSayingMakeItStatic() {
    String src = "class Inner {\n  @Differentiable double g(double x) { return x; }\n}\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "double g"), "not static", "static nested class");
  }

  @Test
  void defaultPackage() throws Throwable {
    Compiled c = Compiled.compile("D", """
        import io.github.backprop.Differentiable;
        class D {
          @Differentiable static double f(double x) { return x * x; }
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    Object g = invoke(c, "DGrad", "f", new Class<?>[] {double.class}, 3.0);
    assertEquals(6.0, Compiled.components(g).get("x"));
  }

  @Test
  void nestedTwiceAndDefaultPackage() {
    Compiled c = Compiled.compile("p.N", """
        package p;
        import io.github.backprop.Differentiable;
        class N {
          static class A { static class B { @Differentiable static double f(double x) { return Math.log(x); } } }
          static double use() { return N_A_BGrad.f(2).x(); }
        }
        """);
    GradCheck.check(c, "p.N$A$B", "p.N_A_BGrad", "f", 1.7);
  }

  /** Regression: fHessian(double) of f and a @Differentiable fHessian(double) failed in generated code. */
  @Test
  void generatedMethodClash() {
    String src = """
        @Differentiable(forward = true, hessian = true) static double f(double x) { return x * x; }
        @Differentiable static double fJvp(double x) { return x; }
        @Differentiable static double fHessian(double x) { return x * x; }
        """;
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "double fHessian"), "fHessian(double)", "rename one");
  }

  @Test
  void overloadsAndGeneratedLookingNames() {
    String src = """
        @Differentiable(forward = true, hessian = true) static double f(double x) { return x * x * x; }
        @Differentiable(forward = true) static double f(double x, double y) { return x * y; }
        @Differentiable static double f(double[] x) { return x[0] * x[1]; }
        @Differentiable static double fJvp(double x) { return Math.sin(x); }
        @Differentiable static double FDouble(double x) { return x / 3; }
        @Differentiable static double _f(double x) { return -x; }
        """;
    Compiled c = Compiled.members(src);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "fJvp", 0.4);
    GradCheck.check(c, "FDouble", 0.4);
    GradCheck.check(c, "_f", 0.4);
    GradCheck.check(c, "f", 0.4, 1.3);
    GradCheck.check(c, "f", (Object) new double[] {0.4, 1.3});
  }

  @Test
  void userClassNamedLikeTheGradClass() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        class Foo {
          @Differentiable static double f(double x) { return x * x; }
        }
        class FooGrad { }
        """;
    oneError(Compiled.compile("p.Foo", file).compilation(), SIGNATURE, lineIn(file, "class Foo {"), "already exists", "rename");
  }

  @Test
  void wrtNamesAMissingParameterOrAnInt() {
    String src = "@Differentiable(wrt = {\"z\"}) static double f(double x) { return x; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "double f"), "'z'", "not a parameter");
    String ints = "@Differentiable(wrt = {\"n\"}) static double g(double x, int n) { return x * n; }\n";
    oneError(Compiled.members(ints).compilation(), SIGNATURE, lineOf(ints, "double g"), "'n'", "int");
  }

  @Test
  void parametersNamedLikeGeneratedNames() {
    Compiled c = Compiled.members("""
        @Differentiable(forward = true) static double f(double _x, double _d_x, double _value, double _tape,
            double _t_x, double _g0, double value) {
          double _p0 = _x * _d_x;
          double _doubles = _value * _tape;
          double _r0 = _t_x * _g0;
          for (int _i0 = 0; _i0 < 3; _i0++) {
            _p0 = _p0 * _doubles + _r0 * value;
          }
          return _p0;
        }
        @Differentiable static double g(double[] _d_w, double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += w[i] * _d_w[i] * s + w[i];
          }
          return s;
        }
        """);
    GradCheck.check(c, "f", 0.3, 0.7, -0.4, 1.1, 0.5, -0.8, 0.9);
    GradCheck.check(c, "g", new double[] {0.3, 0.5}, new double[] {1.5, -0.5});
  }

  @Test
  void unicodeIdentifiers() {
    Compiled c = Compiled.compile("p.Ü", """
        package p;
        import io.github.backprop.Differentiable;
        class Ü {
          @Differentiable static double fλ(double α, double β) { double γ = α * β; return γ * Math.cos(γ); }
        }
        """);
    Map<String, Object> g = GradCheck.check(c, "p.Ü", "p.ÜGrad", "fλ", 0.5, 1.5);
    assertTrue(g.containsKey("α") && g.containsKey("β"), g::toString);
  }

  @Test
  void resultsThatAreNotDouble() {
    for (String type : new String[] {"void", "int", "boolean", "Integer", "double[][]"}) {
      String src = "@Differentiable static " + type + " f(double x) { " + (type.equals("void") ? "" : "return " + switch (type) {
        case "int" -> "(int) x";
        case "boolean" -> "x > 0";
        case "Integer" -> "(int) x";
        default -> "new double[][] {{x}}";
      } + ";") + " }\n";
      oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "f("), "returns", "must return double");
    }
  }

  /** Regression: a throws clause was left off the generated methods, whose code then did not compile. */
  @Test
  void throwsClauseDeclaredOnGeneratedMethods() throws Throwable {
    Compiled c = Compiled.members("""
        record Pt(double a, double b) {}
        static double check(double x) throws java.io.IOException {
          if (x > 1e300) {
            throw new java.io.IOException("big");
          }
          return x;
        }
        @Differentiable(forward = true, hessian = true)
        static double f(double x) throws Exception {
          if (x < 0) {
            throw new Exception("negative");
          }
          return x * x;
        }
        @Differentiable(forward = true) static double g(double[] w) throws java.io.IOException {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += check(w[i]) * w[i];
          }
          return s;
        }
        @Differentiable(forward = true, hessian = true) static double r(Pt p) throws java.io.IOException {
          return check(p.a()) * p.b();
        }
        @Differentiable(forward = true) static double[] v(double x) throws java.io.IOException {
          return new double[] {check(x), x * x};
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "f", 3.0);
    GradCheck.check(c, "g", (Object) new double[] {1, 2});
    Class<?>[] d = {double.class};
    Exception e = assertThrows(Exception.class, () -> invoke(c, "p.CGrad", "f", d, -1.0));
    assertEquals("negative", e.getMessage());
    assertThrows(Exception.class, () -> invoke(c, "p.CGrad", "fJvp", new Class<?>[] {double.class, double.class}, -1.0, 1.0));
    assertThrows(Exception.class, () -> invoke(c, "p.CGrad", "fHessian", d, -1.0));
    String source = c.source("p.CGrad");
    assertTrue(source.contains("public static F f(double x) throws Exception"), source);
    assertTrue(source.contains("@throws Exception as {@code C.f} does"), source);
    assertTrue(source.contains("throws IOException"), source);
  }

  @Test
  void modifiersVarargsAndParameterAnnotations() {
    Compiled c = Compiled.members("""
        @Differentiable static double g(double... xs) {
          double s = 0;
          for (double v : xs) {
            s += v * v * v;
          }
          return s;
        }
        @Differentiable static synchronized double k(double x) { return x * Math.exp(x); }
        @Differentiable static double m(@SuppressWarnings("unused") double x, final double y) { return x * y; }
        @Differentiable private static double n(double x) { return x * x; }
        static double useN(double x) { return CGrad.n(x).x(); }
        """);
    GradCheck.check(c, "g", (Object) new double[] {1, -2, 0.5});
    GradCheck.check(c, "k", 0.3);
    GradCheck.check(c, "m", 0.3, 2.0);
    GradCheck.check(c, "n", 0.3);
  }

  /** Regression: a parameter of a class javac cannot find was [BackpropBug], and no Grad class at all. */
  @Test
  void unknownParameterTypeIsJavacsErrorOnly() {
    String src = """
        @Differentiable static double q(NoSuchType t, double x) { return x; }
        @Differentiable static double ok(double x) { return x * x; }
        """;
    var c = Compiled.members(src).compilation();
    assertNoBug(c);
    javacOnly(c, "cannot find symbol");
  }

  @Test
  void methodsThatDoNotCompileLeaveJavacsErrors() {
    String src = """
        @Differentiable static double f(double x) { return x * undefinedVar; }
        @Differentiable static double k(double x) { int y = x; return y; }
        @Differentiable static double n(double x) { return nope(x) + x.foo; }
        @Differentiable static double ok(double x) { return x * x; }
        """;
    var c = Compiled.members(src).compilation();
    assertNoBug(c);
    javacOnly(c, "cannot find symbol");
    javacOnly(c, "lossy conversion");
  }

  /**
   * Regression deprecatedMembersOfTheSourceFile: the Grad class read the source's deprecated
   * constant and helper, which the source itself uses without a warning, and -Werror failed on
   * the generated code's deprecation warnings.
   */
  @Test
  void deprecatedMembersOfTheSourceFile() {
    Compiled c = Compiled.members("""
        @Deprecated static final double K = 2;
        @Deprecated static double old(double x) { return x * K; }
        @Deprecated(forRemoval = true) static double gone(double x) { return x + K; }
        @Deprecated @Differentiable(forward = true) static double f(double x) { return old(x) * gone(x); }
        @Differentiable static double g(double x) { return f(x) * 2; }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "f", 0.7);
    GradCheck.check(c, "g", 0.7);
    assertTrue(c.source("p.CGrad").contains("@SuppressWarnings({\"deprecation\", \"removal\"})"), c.source("p.CGrad"));
  }

  /**
   * A redundant cast or a constant division by zero the user silenced with @SuppressWarnings on
   * the method or class: the Grad class copied the expression without the suppression, and a
   * -Werror build failed on generated code.
   */
  @Test
  void suppressedWarningsOfTheSourceFailedTheGradClassUnderWerror() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        @SuppressWarnings("divzero")
        class C {
          @SuppressWarnings({"cast", "PMD.ShortVariable"})
          @Differentiable(forward = true, hessian = true)
          static double f(double x, int n) {
            int k = (int) 3;
            if (n > 5) {
              return x * (n / 0);
            }
            return x * (double) x * k;
          }
        }
        """;
    Compiled c = Compiled.compile("p.C", file);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "f", 0.7, 2);
    HessianCheck.check(c, "f", new Object[] {0.7, 2});
    assertTrue(c.source("p.CGrad").contains("@SuppressWarnings({\"cast\", \"divzero\"})"), c.source("p.CGrad"));
  }

  @Test
  void aMethodNamedAsAnothersHvpMadeAGradClassThatDidNotCompile() {
    String src = "@Differentiable(hessian = true) static double f(double x) { return x * x; }\n"
        + "@Differentiable static double fHvp(double x) { return Math.sin(x); }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "fHvp"), "'fHvp'", "Hessian-vector product", "rename");
  }

  @Test
  void aMethodNamedAsAnothersHessianWithOtherParametersMadeAGradClassThatDidNotCompile() {
    String src = "@Differentiable(hessian = true) static double f(double x) { return x * x; }\n"
        + "@Differentiable static double FHessian(double x, double y) { return x * y; }\n";
    oneError(Compiled.members(src).compilation(), SIGNATURE, lineOf(src, "FHessian"), "'FHessian'", "Hessian", "rename");
  }

  @Test
  void methodsWhoseNamesDifferInCaseGetEveryMode() {
    Compiled c = Compiled.members(
        "@Differentiable(forward = true, hessian = true) static double f(double x) { return x * x; }\n"
            + "@Differentiable(forward = true, hessian = true) static double F(double x) { return x * x * x; }\n");
    assertTrue(c.succeeded(), c.diagnostics());
    HessianCheck.check(c, "f", new Object[] {0.7});
    HessianCheck.check(c, "F", new Object[] {-1.3});
  }

  /** Regression: a field read on an object of a class that does not exist was an error of ours, and javac's was never shown. */
  @Test
  void aFieldOfANewObjectOfAnUnknownClassWasOurError() {
    javacOnly(Compiled.members("@Differentiable static double f(double x) { return x * new Missing().v; }\n").compilation(), "Missing");
  }
}
