package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * A private table backprop would copy into the generated class, refused where its class may
 * change it after initialisation: through a helper's parameter, a row held in a local, a method
 * of another file, or a static block that sets it on a condition known only when it runs. One
 * error at the read, naming the use that could change the table.
 */
class LibraryTablesDiagnosticsTest {
  private static final String FIELD = "[BackpropField]";

  @Test
  void aTablePassedToAHelperThatWritesIntoIt() {
    String src =
        """
        private static final double[] T = {1, 2, 3};

        private static void scale(double[] a) {
          a[0] *= 2;
        }

        static void init() {
          scale(T);
        }

        @Differentiable static double f(double x) {
          return T[0] * x;
        }
        """;
    onlyError(src, FIELD, at(src, "T[0] * x", "T"), "cannot copy it either", "'T' at line 13 hands on 'T'",
        "'a[0]' at line 9 writes into 'T'", "make it package-private");
  }

  @Test
  void aRowOfATableWrittenThroughALocal() {
    String src =
        """
        private static final double[][] M = {{1, 2}, {3, 4}};

        static void init() {
          double[] row = M[1];
          row[0] = 5;
        }

        @Differentiable static double f(double x) {
          return M[1][0] * x;
        }
        """;
    onlyError(src, FIELD, at(src, "M[1][0] * x", "M"), "hands on 'M'", "'row[0]' at line 10 writes into 'M'");
  }

  @Test
  void aTablePassedToAMethodOfAnotherFile() {
    String src =
        """
        private static final double[] T = {3, 2, 1};

        static void init() {
          java.util.Arrays.sort(T);
        }

        @Differentiable static double f(double x) {
          return T[0] * x;
        }
        """;
    onlyError(src, FIELD, at(src, "T[0] * x", "T"), "'T' at line 9 passes on 'T'");
  }

  @Test
  void aTableSetInAStaticBlockUnderAConditionThatIsNotAConstant() {
    String src =
        """
        private static final double[] T;

        static {
          if (Boolean.getBoolean("p.recompute")) {
            T = new double[] {1, 2};
          } else {
            T = new double[] {3, 4};
          }
        }

        @Differentiable static double f(double x) {
          return T[0] * x;
        }
        """;
    onlyError(src, FIELD, at(src, "T[0] * x", "T"), "gets its value in a static {} block", "assigned more than once");
  }
}
