package io.github.backprop.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import org.junit.jupiter.api.Test;

/**
 * A user build that runs doclint on everything it compiles and fails on warnings must not fail
 * because of generated code: every generated method documents its parameters and result.
 */
class DoclintTest {
  private static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;

      /** Documented as a strict build wants. */
      public class Model {
        /** No instances. */
        private Model() {}

        /**
         * A loss.
         *
         * @param w weights
         * @param x data
         * @param scale a factor
         * @return the loss
         */
        @Differentiable(wrt = "w", forward = true)
        public static double loss(double[] w, double[] x, double scale) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
          }
          return scale * s * s;
        }

        /**
         * A scalar function.
         *
         * @param a one input
         * @param b another
         * @return their product's sine
         */
        @Differentiable(forward = true)
        public static double f(double a, double b) {
          return Math.sin(a * b);
        }

        /**
         * Residuals.
         *
         * @param p parameters
         * @param t times
         * @return one residual per time
         */
        @Differentiable(wrt = "p", forward = true)
        public static double[] r(double[] p, double[] t) {
          double[] out = new double[t.length];
          for (int i = 0; i < t.length; i++) {
            out[i] = p[0] * Math.exp(p[1] * t[i]);
          }
          return out;
        }
      }
      """;

  @Test
  void generatedCodePassesDoclintWithWarningsAsErrors() {
    Compilation c =
        javac()
            .withProcessors(new BackpropProcessor())
            // What javadoc checks by default. Below protected, JDK 17's doclint also wants a comment
            // on the private field behind each record component, which @param already documents.
            .withOptions("-Xdoclint:all/protected", "-Xlint:all", "-Werror")
            .compile(JavaFileObjects.forSourceString("p.Model", SOURCE));
    assertThat(c).succeededWithoutWarnings();
  }
}
