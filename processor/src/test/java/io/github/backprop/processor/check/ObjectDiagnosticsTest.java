package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.check.MemberDiagnostics.Pos;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What backprop does not follow of instance methods and the objects it holds as their fields:
 * one error of ours, tagged, at the construct's line and column, naming it and saying what to
 * write instead. The members go into a plain class {@code C}, whose instance methods backprop
 * differentiates.
 */
class ObjectDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";
  private static final String SIGNATURE = "[BackpropSignature]";
  private static final String FIELD = "[BackpropField]";

  @Test
  void writingAFieldByItsName() {
    String src =
        """
        double b;

        @Differentiable double f(double x) {
          b = x;
          return x * b;
        }
        """;
    onlyError(src, FIELD, at(src, "b = x", "b"), "writing to field 'b' of C", "local variable");
  }

  @Test
  void writingAFieldThroughThis() {
    String src =
        """
        double b;

        @Differentiable double f(double x) {
          this.b += x;
          return x * b;
        }
        """;
    onlyError(src, FIELD, at(src, "this.b += x", "."), "writing to field 'b' of C", "local variable");
  }

  @Test
  void writingAFieldOfAnotherObject() {
    String src =
        """
        double b;

        @Differentiable double f(C other, double x) {
          other.b++;
          return x * b * other.b;
        }
        """;
    onlyError(src, FIELD, at(src, "other.b++", "."), "writing to field 'b' of C");
  }

  @Test
  void writingIntoAnArrayField() {
    String src =
        """
        double[] w;

        @Differentiable double f(double x) {
          w[0] = x;
          return x * w[0];
        }
        """;
    onlyError(src, FIELD, at(src, "w[0] = x", "["), "array of field 'w' of 'C'", "clone()");
  }

  @Test
  void writingFromAHelperRunInPlace() {
    String src =
        """
        double b;

        void reset() {
          b = 0;
        }

        @Differentiable double f(double x) {
          reset();
          return x * b;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "reset();", "("), "runs 'reset' of class C", "writing to field 'b'");
  }

  @Test
  void readingAPrivateField() {
    String src =
        """
        private double secret;

        @Differentiable double f(double x) {
          return x * secret;
        }
        """;
    onlyError(src, FIELD, at(src, "x * secret", "secret"), "field 'secret' of C is private", "package-private");
  }

  @Test
  void readingAFieldOfATypeBackpropCannotHold() {
    String src =
        """
        java.util.List<Double> list;

        @Differentiable double f(double x) {
          return x * this.list.size();
        }
        """;
    onlyError(src, FIELD, at(src, "this.list.size()", ".list"), "field 'list' of C has type java.util.List<java.lang.Double>", "parameter");
  }

  @Test
  void instanceMethodOfAnEnum() {
    String src =
        """
        enum Mode {
          A;

          @Differentiable double f(double x) {
            return x;
          }
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f(double", "f"), "belongs to an enum (Mode)", "make the method static");
  }

  @Test
  void instanceMethodOfAnAbstractClass() {
    String src =
        """
        abstract static class Base {
          double k;

          @Differentiable double f(double x) {
            return k * x;
          }
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f(double", "f"), "belongs to an abstract class (Base)", "make the method static");
  }

  @Test
  void wrtThisWithoutDifferentiableFields() {
    String src =
        """
        int n;

        @Differentiable(wrt = "this") double f(double x) {
          return x * n;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f(double", "f"), "wrt names 'this'", "no field of type double");
  }

  @Test
  void creatingAnObjectWithAnArrayFieldOfAHeldClass() {
    String src =
        """
        static class Box {
          double[] v = new double[1];
        }

        @Differentiable static double f(double x) {
          Box b = new Box();
          return x * b.v[0];
        }
        """;
    // A holder object made in the method is one local per field (derive/HolderClassesTest); an
    // array field would be shared by every copy of those locals.
    onlyError(src, UNSUPPORTED, at(src, "new Box()", "new"), "class Box is made here", "field 'v' is not",
        "keep 'v' in a local of the method");
  }

  @Test
  void aLocalObjectTheMethodChangesAssignedToAnotherVariable() {
    String src =
        """
        static final class Acc {
          double sum;

          void add(double x) {
            sum += x;
          }
        }

        @Differentiable static double f(double x, double y) {
          Acc a = new Acc();
          Acc b = new Acc();
          a.add(x * y);
          b = a;
          a.add(Math.sin(x));
          return b.sum;
        }
        """;
    // a.add(x * y) on an object made here is followed (derive/HolderClassesTest); b = a would copy it
    onlyError(src, UNSUPPORTED, at(src, "b = a;", "="), "'b' would be a second name for the Acc object 'a'",
        "use 'a' itself");
  }

  @Test
  void callingALibraryMethodOnTheObject() {
    String src =
        """
        double k;

        @Differentiable double f(double x) {
          return k * x + this.hashCode();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "this.hashCode()", "("), "calling 'hashCode' on a C object", "read the fields");
  }

  @Test
  void instanceMethodBesideAStaticOneTakingTheObject() {
    String src =
        """
        double k;

        @Differentiable static double f(C c, double x) {
          return c.k * x;
        }

        @Differentiable double f(double x) {
          return k * x * x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "double f(double x)", "f"), "instance method 'f' takes the object first", "rename one");
  }

  @Test
  void theObjectWhereANumberOrAnObjectIsNeeded() {
    String src =
        """
        double k;

        @Differentiable double f(double x) {
          java.util.Objects.requireNonNull(this);
          return k * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "requireNonNull(this)", "this"), "'requireNonNull' takes the C object 'this' as an object", "pass its fields (k)");
  }

  @Test
  void recursiveMethodTakingARecord() {
    String src =
        """
        record Pt(double x, double y) {}

        double k;

        double swap(Pt p, int n) {
          return n == 0 ? p.x() : k * swap(new Pt(p.y(), p.x()), n - 1);
        }

        @Differentiable double f(double x) {
          return swap(new Pt(x, k), 3);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "swap(new Pt(x, k), 3)", "("), "'swap' of class C calls itself and takes a record",
        "new Pt(p.y(), p.x())", "pass its components as double parameters");
  }

  @Test
  void recursiveMethodWritingIntoItsArray() {
    String src =
        """
        double k;

        double fill(double[] v, int n) {
          v[0] = k * v[0];
          return n == 0 ? v[0] : fill(v, n - 1);
        }

        @Differentiable double f(double x) {
          return this.fill(new double[] {x}, 2);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "fill(new double[] {x}, 2)", "("), "'fill' calls itself and writes into its array parameter 'v'",
        "an array it creates itself");
  }

  @Test
  void comparingObjects() {
    String src =
        """
        double k;

        @Differentiable double f(C other, double x) {
          return this == other ? x : k * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "this == other", "this"), "a C object ('this') cannot be used here", "read them (k)");
  }

  @Test
  void instanceMethodReturningAnArrayWithHessian() {
    String src =
        """
        double k;

        @Differentiable(hessian = true) double[] f(double x) {
          return new double[] {k * x, x};
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "double[] f(double", "f"), "hessian = true does not support 'f'", "fVjp, fJacobian");
  }

  @Test
  void vectorMethodOverAnArrayOfRecords() {
    String src =
        """
        record P(double m) {}

        @Differentiable(wrt = "ps") static double[] f(P[] ps, double x) {
          return new double[] {ps[0].m() * x, x};
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "double[] f(P[]", "f"), "does not differentiate an array of records",
        "leave it out of wrt");
  }

  @Test
  void fieldHoldingAnArrayOfObjects() {
    String src =
        """
        static class Layer {
          double[] w;
          double b;
          double apply(double x) { return Math.tanh(w[0] * x + b); }
        }

        Layer[] layers;
        double scale;

        @Differentiable double f(double x) {
          double y = x;
          for (Layer l : layers) {
            y = l.apply(y);
          }
          return scale * y;
        }
        """;
    onlyError(src, FIELD, at(src, "(Layer l : layers)", "layers"), "field 'layers' of C has type p.C.Layer[]",
        "one-dimensional array or a list of records whose components are double, int, long, arrays of them", "give each part a field of its own (Layer first, second)");
  }

  @Test
  void streamOfAListFieldOfRecords() {
    String src =
        """
        record Part(double mu, double w) {}

        java.util.List<Part> parts;

        @Differentiable double f(double x) {
          return parts.stream().mapToDouble(p -> p.w() * (x - p.mu())).sum();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "parts.stream()", "("), "'stream' of a list of Part records is not supported",
        "size(), get(i), isEmpty() or an enhanced for");
  }

  @Test
  void writingIntoAFieldsArrayOfRecords() {
    String src =
        """
        record Part(double mu, double w) {}

        Part[] parts;

        @Differentiable double f(double x) {
          parts[0] = new Part(x, 1);
          return parts[0].mu() * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "parts[0] = new", "="), "writing into the array of Part records the method is given ('parts[0]')",
        "leaves the records it is given as they are");
  }

  @Test
  void overriddenMethodOfAFieldObject() {
    String src =
        """
        static class Layer {
          double a;
          double apply(double x) { return a * x; }
        }

        static class Scaled extends Layer {
          double s;
          @Override double apply(double x) { return s * a * x; }
        }

        Layer first;

        @Differentiable double f(double x) {
          return first.apply(x) * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "first.apply(x) * x", "("), "'apply' of Layer is overridden in Scaled",
        "make 'apply' final in Layer (or Layer final)");
  }

  @Test
  void overriddenMethodCalledImplicitly() {
    String src =
        """
        static class Stiffer extends C {
          @Override double energy(double x) { return 2 * k * x * x; }
        }

        double k;

        double energy(double x) { return k * x * x; }

        @Differentiable double f(double x) {
          return energy(x) + x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "energy(x) + x", "("), "'energy' of C is overridden in Stiffer",
        "differentiate a method declared there");
  }

  @Test
  void overriddenThroughAnIntermediateClass() {
    String src =
        """
        static class Middle extends C {}

        static class Last extends Middle {
          @Override double energy(double x) { return k; }
        }

        double k;

        double energy(double x) { return k * x * x; }

        @Differentiable double f(double x) {
          return this.energy(x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "this.energy(x)", "("), "'energy' of C is overridden in Last");
  }

  @Test
  void overriddenDifferentiableMethod() {
    String src =
        """
        static class Other extends C {
          @Override double f(double x) { return x; }
        }

        double k;

        @Differentiable double f(double x) {
          return k * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "@Differentiable double f(double", "f(double"), "'f' of C is overridden in Other");
  }

  @Test
  void packagePrivateFieldOfAClassInAnotherPackage() {
    Compilation c =
        Compiled.compileAll(
                java.util.Map.of(
                    "q.Layer",
                    "package q;\n\npublic class Layer {\n  public double[] w;\n  double bias;\n}\n",
                    "p.C",
                    """
                    package p;

                    import io.github.backprop.Differentiable;
                    import q.Layer;

                    class C {
                      @Differentiable static double f(Layer l, double x) {
                        return l.w[0] * x;
                      }
                    }
                    """))
            .compilation();
    List<Diagnostic<? extends JavaFileObject>> errors = c.errors();
    assertEquals(1, errors.size(), () -> errors.toString());
    Diagnostic<? extends JavaFileObject> d = errors.get(0);
    String message = d.getMessage(Locale.ROOT);
    assertTrue(message.startsWith(FIELD + " field 'bias' of Layer is not public"), message);
    assertTrue(message.contains("make it public"), message);
    assertEquals(new Pos(7, 41), new Pos((int) d.getLineNumber(), (int) d.getColumnNumber()));
  }
}
