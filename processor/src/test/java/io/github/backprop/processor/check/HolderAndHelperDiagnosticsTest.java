package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What stays rejected around holder objects (a class with fields that are not final, made in the
 * method) and helpers backprop cannot read in place: each message names what the user wrote and
 * says what to write, never calling a method of the compilation a library's.
 */
class HolderAndHelperDiagnosticsTest {
  static final String ACC =
      """
      static final class Acc {
        double sum;
        void add(double x) { sum += x; }
      }
      """;

  @Test
  void aSecondNameForAHolderObject() {
    String src = ACC + """
        @Differentiable static double f(double x) {
          Acc a = new Acc();
          Acc b = a;
          b.add(x);
          return a.sum;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "Acc b = a", "b"), "'b' would be a second name for the Acc object 'a'",
        "use 'a' itself");
  }

  @Test
  void aSecondNameForAHolderAFactoryMade() {
    String src = ACC + """
        static Acc start() { return new Acc(); }
        @Differentiable static double f(double x) {
          Acc a = start();
          Acc b = a;
          b.add(x);
          return a.sum;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "Acc b = a", "b"), "'b' would be a second name for the Acc object 'a'");
  }

  @Test
  void aFactoryReturningASharedHolder() {
    String src = ACC + """
        static final Acc SHARED = new Acc();
        static Acc shared() { return SHARED; }
        @Differentiable static double f(double x) {
          Acc a = shared();
          a.add(x);
          return a.sum;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "shared();", "("), "'shared' returns an object of class Acc",
        "Make the object in 'shared' (return new Acc(...))");
  }

  @Test
  void aHolderObjectAssignedAnother() {
    String src = ACC + """
        @Differentiable static double f(double x) {
          Acc a = new Acc();
          Acc b = new Acc();
          b.add(x);
          a = b;
          return a.sum;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "a = b", "="), "'a' would be a second name for the Acc object 'b'");
  }

  @Test
  void aHolderWithAnArrayField() {
    String src = """
        static final class Hist {
          double[] bins = new double[4];
          double total;
        }
        @Differentiable static double f(double x) {
          Hist h = new Hist();
          return h.total + x;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Hist()", "new"), "field 'bins' is not",
        "keep 'bins' in a local of the method");
  }

  @Test
  void writingAFieldOfAHolderGivenAsAParameter() {
    String src = ACC + """
        @Differentiable static double f(double x, Acc acc) {
          acc.add(x);
          return acc.sum;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "acc.add(x)", "("), "writing to field 'sum' of Acc is not supported");
  }

  @Test
  void aStaticNestedAccumulatorInAConstantNamesTheConstant() {
    String src = """
        static final class Accumulator {
          private double sum;
          private int count;
          void add(double x) { sum += x; count++; }
          double mean() { return sum / count; }
        }
        static final Accumulator ACC = new Accumulator();
        @Differentiable static double f(double[] xs) {
          for (double x : xs) ACC.add(x);
          return ACC.mean();
        }
        """;
    onlyError(src, "[BackpropNoDerivative]", at(src, "ACC.add(x)", "("), "the constant 'ACC'",
        "make the object in the method itself, from a class of yours whose fields are numbers");
  }

  @Test
  void aGenericHelperIsNotCalledALibraryMethod() {
    String src = """
        static <T extends Number> double sq(T x) { return x.doubleValue() * x.doubleValue(); }
        @Differentiable static double f(double x) {
          return sq(x) + 1;
        }
        """;
    onlyError(src, "[BackpropNoDerivative]", at(src, "sq(x) + 1", "("), "'sq', a method of this compilation",
        "'sq' is generic (T extends Number)", "declare its parameters as the numbers it is given");
  }

  @Test
  void aWildcardListHelperIsNotCalledALibraryMethod() {
    String src = """
        static double sum(java.util.List<? extends Number> xs) {
          double s = 0;
          for (Number n : xs) s += n.doubleValue();
          return s;
        }
        @Differentiable static double f(double x) {
          return sum(java.util.List.of(x, 2.0));
        }
        """;
    onlyError(src, "[BackpropNoDerivative]", at(src, "sum(java.util.List.of", "("), "'sum', a method of this compilation",
        "takes (java.util.List<? extends Number>)", "declare its parameters double or double[]");
  }
}
