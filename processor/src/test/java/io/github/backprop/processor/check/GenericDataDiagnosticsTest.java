package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What stays rejected of objects of generic classes: they are data, so a differentiable value
 * may not go into one (it would come back out without its derivative), and a parameter's type
 * must be one the generated class can declare as written.
 */
class GenericDataDiagnosticsTest {
  private static final String SIGNATURE = "[BackpropSignature]";
  private static final String NO_DERIVATIVE = "[BackpropNoDerivative]";
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aDifferentiableValuePutIntoAMapAndReadBack() {
    String src =
        """
        @Differentiable static double f(double x, java.util.Map<String, Double> w) {
          w.put("k", x);
          return w.get("k") * x;
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "w.put(\"k\", x)", "("), "'w.put' is given a differentiable value",
        "'w', a Map<String, Double>, is data", "without its own", "keep differentiable values in local variables");
  }

  @Test
  void aDifferentiableValueAddedToASetThenIterated() {
    String src =
        """
        @Differentiable static double f(double x, java.util.Set<Double> seen) {
          seen.add(x * x);
          double s = 0;
          for (double v : seen) {
            s += v;
          }
          return s;
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "seen.add(x * x)", "("), "'seen.add' is given a differentiable value",
        "a Set<Double>");
  }

  @Test
  void aDifferentiableValuePutIntoAMapBuiltInTheMethod() {
    String src =
        """
        @Differentiable static double f(double x) {
          java.util.Map<String, Double> m = new java.util.HashMap<>();
          m.put("a", 2.0);
          m.put("b", x);
          return m.get("a") * x + m.get("b");
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "m.put(\"b\", x)", "("), "'m.put' is given a differentiable value");
  }

  @Test
  void aDifferentiableDefaultOfGetOrDefault() {
    String src =
        """
        @Differentiable static double f(double x, java.util.Map<String, Double> m) {
          return m.getOrDefault("a", x) * x;
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "m.getOrDefault(\"a\", x)", "("), "'m.getOrDefault' is given a differentiable value");
  }

  @Test
  void aFunctionParameterAppliedToADifferentiableValue() {
    String src =
        """
        @Differentiable static double f(double x, java.util.function.Function<Double, Double> g) {
          return g.apply(x) * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "g.apply(x)", "."), "'g.apply'", "reads a lambda in place only where it sees it written");
  }

  @Test
  void aRawListParameter() {
    String src =
        """
        @SuppressWarnings("rawtypes")
        @Differentiable static double f(double x, java.util.List data) {
          return x * data.size();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "data)"), "parameter 'data' has type java.util.List",
        "write the type arguments of java.util.List");
  }

  @Test
  void aTypeArgumentBackpropCannotHold() {
    String src =
        """
        @Differentiable static double f(double x, java.util.List<char[]> data) {
          return x * data.size();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "data)"), "parameter 'data' has type java.util.List<char[]>",
        "a type argument may be a class, an array of double, float, int, long or boolean");
  }

  @Test
  void aTypeArgumentTheGeneratedClassCannotName() {
    String src =
        """
        static final class Holder {
          private record Secret(double v) {}
        }

        @Differentiable static double f(double x, java.util.Map<String, Holder.Secret> data) {
          return x * data.size();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "data)"), "java.util.Map<java.lang.String,p.C.Holder.Secret>, whose type argument Secret",
        "cannot name");
  }

  @Test
  void wrtNamesAListOfDoubles() {
    String src =
        """
        @Differentiable(wrt = "xs")
        static double f(double x, java.util.List<Double> xs) {
          return x * xs.get(0);
        }
        """;
    onlyError(src, SIGNATURE, at(src, "xs)"), "wrt names 'xs'", "whose elements backprop reads as data",
        "take a double[] xs", "xs.stream().mapToDouble(Double::doubleValue).toArray()");
  }
}
