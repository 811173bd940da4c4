package io.github.backprop.processor.derive;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable(wrt = ...)}: only the named parameters get a gradient, the others are
 * data. And the accumulate overload, which adds the gradient into arrays the caller owns and
 * returns the value, allocating nothing once the thread's tapes have grown.
 */
class WrtAndAccumulateTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(wrt = "w")
          static double logLoss(double[] w, double[][] x, double[] y) {
            double loss = 0;
            for (int s = 0; s < x.length; s++) {
              double z = 0;
              for (int j = 0; j < w.length; j++) {
                z += w[j] * x[s][j];
              }
              double p = 1 / (1 + Math.exp(-z));
              loss -= y[s] * Math.log(p) + (1 - y[s]) * Math.log(1 - p);
            }
            return loss / x.length;
          }

          @Differentiable(wrt = {"a", "c"})
          static double some(double a, double b, double[] c) {
            return a * b + c[0] * c[1] * b;
          }

          @Differentiable static double all(double[] w, double[] v) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
              s += Math.sin(w[i] * v[i]);
            }
            return s;
          }

          @Differentiable static double taped(double[] w, int n) {
            double x = 1;
            for (int i = 0; i < n; i++) {
              x = Math.tanh(x * w[i % w.length]) + 0.5;
            }
            return x;
          }

          @Differentiable static double withScalar(double[] w, double k) {
            return w[0] * k;
          }

          @Differentiable static double writesInto(double[] w) {
            w[0] = w[0] * 2;
            return w[0];
          }

          @Differentiable(wrt = "w")
          static double callsLogLoss(double[] w, double[][] x, double[] y) {
            return logLoss(w, x, y) + 0.01 * all(w, w);
          }
          """);

  private static final double[][] X = {{1, 0.5, -1}, {0.2, -0.3, 2}, {-1, 1, 0.1}, {0.7, 0.7, 0.7}};
  private static final double[] Y = {1, 0, 1, 0};

  @Test
  void onlyTheNamedParametersGetAGradient() {
    Map<String, Object> g = GradCheck.check(C, "logLoss", new double[] {0.1, -0.4, 0.3}, X, Y);
    assertEquals(List.of("value", "w"), List.copyOf(g.keySet()));
    g = Compiled.components(C.call("p.CGrad", "some", 2.0, 3.0, new double[] {5, 7}));
    assertEquals(List.of("value", "a", "c"), List.copyOf(g.keySet()));
    assertEquals(3.0, g.get("a"));
    assertArrayEquals(new double[] {21, 15}, (double[]) g.get("c"));
    GradCheck.check(C, "callsLogLoss", new double[] {0.1, -0.4, 0.3}, X, Y);
  }

  @Test
  void accumulateAddsIntoTheCallersArrays() throws Exception {
    double[] w = {0.1, -0.4, 0.3};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "logLoss", w, X, Y));
    double[] sum = {10, 20, 30};
    double value = (Double) C.call("p.CGrad", "logLoss", w, X, Y, sum);
    assertEquals(g.get("value"), value);
    double[] once = (double[]) g.get("w");
    for (int i = 0; i < 3; i++) {
      assertEquals(10 * (i + 1) + once[i], sum[i], 1e-12);
    }
    C.call("p.CGrad", "logLoss", w, X, Y, sum);
    for (int i = 0; i < 3; i++) {
      assertEquals(10 * (i + 1) + 2 * once[i], sum[i], 1e-12);
    }
    double[] dw = new double[2];
    double[] dv = new double[2];
    C.call("p.CGrad", "all", new double[] {0.3, 0.4}, new double[] {2, -1}, dw, dv);
    assertArrayEquals(new double[] {2 * Math.cos(0.6), -Math.cos(-0.4)}, dw, 1e-15);
  }

  /** Only where every differentiated parameter is an array the method leaves alone. */
  @Test
  void accumulateOnlyWhereItCanAdd() throws Exception {
    Class<?> grad = C.loadClass("p.CGrad");
    assertTrue(has(grad, "logLoss", double.class));
    assertTrue(has(grad, "taped", double.class));
    assertFalse(has(grad, "withScalar", double.class), "a scalar partial has nowhere to go");
    assertFalse(has(grad, "writesInto", double.class), "its adjoint is overwritten, not added to");
    assertFalse(has(grad, "some", double.class));
  }

  private static boolean has(Class<?> c, String name, Class<?> returns) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getReturnType() == returns) {
        return true;
      }
    }
    return false;
  }

  private static double sink;

  /** After warm-up no call allocates: no gradient array, no record, no tape growth. */
  @Test
  void accumulateAllocatesNothingOnceWarm() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] w = {0.3, -0.2, 0.5, 0.1};
    double[] dw = new double[4];
    long thread = Thread.currentThread().getId();
    // Reflection would box the arguments: call through an exactly typed method handle.
    MethodHandle taped;
    try {
      taped =
          MethodHandles.publicLookup()
              .findStatic(
                  C.loadClass("p.CGrad"),
                  "taped",
                  MethodType.methodType(double.class, double[].class, int.class, double[].class));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    Runnable call =
        () -> {
          try {
            sink += (double) taped.invokeExact(w, 200, dw);
          } catch (Throwable t) {
            throw new AssertionError(t);
          }
        };
    for (int i = 0; i < 50_000; i++) {
      call.run();
    }
    long before = bean.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      call.run();
    }
    long perCall = (bean.getThreadAllocatedBytes(thread) - before) / 10_000;
    assertTrue(perCall < 8, "bytes allocated per call: " + perCall);
  }

  @Test
  void wrtNamingANonParameterIsAnError() {
    Compilation c =
        Compiled.members(
                """
                @Differentiable(wrt = "q")
                static double f(double x) {
                  return x;
                }
                """)
            .compilation();
    assertThat(c).hadErrorContaining("[BackpropSignature] wrt names 'q', which is not a parameter of 'f'");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void wrtNamingAnIntIsAnError() {
    Compilation c =
        Compiled.members(
                """
                @Differentiable(wrt = "n")
                static double f(double x, int n) {
                  return x * n;
                }
                """)
            .compilation();
    assertThat(c).hadErrorContaining("[BackpropSignature] wrt names 'n', of type int");
    assertThat(c).hadErrorCount(1);
  }

  /** A derivative would be lost: the callee has no partial for that argument. */
  @Test
  void passingADifferentiableValueToAParameterLeftOutOfWrtIsAnError() {
    String src =
        """
        @Differentiable(wrt = "a")
        static double g(double a, double b) {
          return a * b;
        }

        @Differentiable static double f(double x) {
          return g(x, x * x);
        }
        """;
    Compilation c = Compiled.members(src).compilation();
    assertThat(c).hadErrorContaining("[BackpropNoDerivative] 'g' is not differentiated with respect to its parameter 2")
        .inFile(c.sourceFiles().get(0)).onLine(12);
    assertThat(c).hadErrorCount(1);
  }

  /**
   * Regression (varargs rejected): {@code double... xs} is a {@code double[]} parameter; the
   * gradient and the Hessian stay varargs, so they are called as the method is.
   */
  @Test
  void varargsIsADoubleArray() throws Exception {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true, hessian = true)
            static double cubes(double... xs) {
              double s = 0;
              for (double x : xs) {
                s += x * x * x;
              }
              return s;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Class<?> grad = c.loadClass("p.CGrad");
    assertTrue(grad.getMethod("cubes", double[].class).isVarArgs());
    assertTrue(grad.getMethod("cubesHessian", double[].class).isVarArgs());
    for (double[] xs : new double[][] {{1.5, -2.0}, {}, {0.3, 0.4, 0.5}}) {
      GradCheck.check(c, "cubes", (Object) xs);
    }
    java.util.Map<String, Object> g = Compiled.components(c.call("p.CGrad", "cubes", (Object) new double[] {2, -1}));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {12, 3}, (double[]) g.get("xs"));
  }
}
