package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * Library functions over arrays that backprop does not write out: one error, at the array
 * argument, naming the function and listing what backprop does write out of that family.
 */
class LibraryFunctionDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aStatUtilsFunctionWithNoRow() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          return org.apache.commons.math3.stat.StatUtils.meanDifference(x, x) * 2;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "meanDifference(x", "x"), "'StatUtils.meanDifference' is library code that backprop cannot read",
        "backprop writes out StatUtils' sum, sumSq, product, sumLog, geometricMean, mean, variance");
  }

  @Test
  void aMathArraysFunctionWithNoRow() {
    String src =
        """
        @Differentiable static double f(double[] a, double[] b) {
          double c = 1;
          return c * org.hipparchus.util.MathArrays.cosAngle(a, b);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "cosAngle(a", "a"), "'MathArrays.cosAngle' is library code",
        "backprop writes out MathArrays' distance, distance1, distanceInf");
  }

  @Test
  void aStatisticWhoseClassIsNotKnownExactly() {
    String src =
        """
        static org.apache.commons.math3.stat.descriptive.moment.Mean mean = new org.apache.commons.math3.stat.descriptive.moment.Mean();

        @Differentiable static double f(double[] x) {
          return mean.evaluate(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "evaluate(x", "x"), "'AbstractStorelessUnivariateStatistic.evaluate' is library code",
        "called on an object made with new in place, in a final field");
  }

  @Test
  void aSmileFunctionWithNoRow() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          double c = 1;
          return c * smile.math.Math.dot(x, x);
        }
        """;
    onlyError(src, "[BackpropNoDerivative]", at(src, "dot(x", "("), "Math.dot has no derivative rule in backprop",
        "@DerivativeOf(type = Math.class, method = \"dot\") static DotD dot(double[] x, double[] y)");
  }

  @Test
  void aSelectionOfAnArrayWithNoName() {
    String src =
        """
        @Differentiable static double f(double[][] m, int k) {
          return smile.math.Math.median(m[k + 1]);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "m[k + 1]", "["), "Math.median rearranges the array it is given",
        "put the array in a variable first");
  }

  @Test
  void aSelectionOfAStaticArray() {
    String src =
        """
        static final double[] DATA = {1, 2, 3};

        @Differentiable static double f(double x) {
          return x * smile.sort.QuickSelect.median(DATA);
        }
        """;
    onlyError(src, "[BackpropField]", at(src, "median(DATA", "DATA"), "writing into the static array 'DATA' is not supported");
  }
}
