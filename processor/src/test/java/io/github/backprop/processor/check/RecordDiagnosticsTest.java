package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;

import org.junit.jupiter.api.Test;

/**
 * What backprop does not follow of records: one error of ours, tagged, at the construct's line
 * and column, naming it and saying what to write instead.
 */
class RecordDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";
  private static final String SIGNATURE = "[BackpropSignature]";

  @Test
  void writingIntoAnArrayComponentOfARecordParameter() {
    String src =
        """
        record Model(double[] w, double b) {}

        @Differentiable static double f(Model m, double x) {
          m.w()[0] = x;
          return m.w()[0] * m.b();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "m.w()[0] = x", "["), "array component of a record", "clone()");
  }

  @Test
  void equalsOfARecordWhoseConstructorChangesAComponent() {
    // equals of a record made in the method is answered by the record made again from its
    // components (RecordObjectMethodsTest); a constructor that changes one would change it twice.
    String src =
        """
        record Point(double x, double y) {
          Point {
            x = Math.abs(x);
          }
        }

        @Differentiable static double f(double x, double y) {
          Point p = new Point(x, y);
          return p.equals(new Point(y, x)) ? x : y;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "p.equals(", "("), "answers 'equals' of a Point record",
        "the constructor of Point assigns a component", "x(), y()");
  }

  @Test
  void recordAssignmentUsedAsAValue() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point p = new Point(x, 2);
          double y = (p = new Point(x * x, 1)).x();
          return y + p.y();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "p = new Point(x * x, 1)", "="), "assignment to a record variable used as a value", "statement of its own");
  }

  @Test
  void comparingRecords() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point p = new Point(x, 2);
          Point q = p;
          return p == q ? x : 0;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "p == q", "p"), "a Point record ('p') cannot be used here", "x(), y()");
  }

  @Test
  void writingIntoAnArrayOfARecordOfData() {
    String src =
        """
        record Sample(double[] x, double y) {}

        @Differentiable(wrt = "w") static double f(double[] w, Sample[] data) {
          double t = 0;
          for (Sample s : data) {
            double[] x = s.x();
            x[0] = w[0];
            t += x[0] * s.y();
          }
          return t;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "x[0] = w[0]", "["), "writing into an array component of a record", "clone()");
  }

  @Test
  void parameterWhoseRecordDeclaresAnAccessor() {
    String src =
        """
        record Polar(double r, double theta) {
          public double r() {
            return Math.abs(r);
          }
        }

        @Differentiable static double f(Polar p) {
          return p.r() * Math.cos(p.theta());
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "Polar p)", "p)"), "declares its accessor r() itself", "compact constructor");
  }

  @Test
  void recordWithACubeComponentAsParameter() {
    String src =
        """
        record Series(double[][][] values, double scale) {}

        @Differentiable static double f(Series s) {
          return s.scale();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "Series s)", "s)"), "parameter 's'", "component 'values'", "double, float");
  }

  @Test
  void aGenericRecordLocal() {
    String src =
        """
        record Pair<T>(T a, T b) {}

        @Differentiable static double f(double x, double y) {
          Pair<Double> p = new Pair<>(x * y, x + y);
          return p.a() * p.b();
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Pair<>", "new"), "record Pair is generic, and its component 'a' has type T",
        "declare Pair with the types you use in place of T");
  }

  @Test
  void aGenericRecordParameter() {
    String src =
        """
        record Tagged<T>(double w, T tag) {}

        @Differentiable static double f(Tagged<String> t, double x) {
          return t.w() * x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "Tagged<String> t, double", "t, double"), "parameter 't'", "component 'tag' has type T");
  }

  @Test
  void anArrayOfArrayHoldingRecordsMadeInTheMethod() {
    String src =
        """
        record Layer(double[] w, double b) {}

        @Differentiable static double f(double[] w, double b, int n) {
          Layer[] layers = new Layer[n];
          for (int i = 0; i < n; i++) layers[i] = new Layer(w, b * i);
          double s = 0;
          for (Layer l : layers) s += l.w()[0] * l.b();
          return s;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "new Layer[n]", "new"), "component 'w' has type double[]",
        "take the array of Layer records as a parameter");
  }

  @Test
  void recordThatContainsItself() {
    String src =
        """
        record Node(double v, Node next) {}

        @Differentiable static double f(Node n) {
          return n.v();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "Node n)", "n)"), "record Node contains itself");
  }

  @Test
  void canonicalConstructorWrittenInFull() {
    String src =
        """
        record Point(double x, double y) {
          Point(double x, double y) {
            this.x = Math.abs(x);
            this.y = y;
          }
        }

        @Differentiable static double f(double x) {
          Point p = new Point(x, 2);
          return p.x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Point(x, 2)"), "canonical constructor in full", "compact constructor");
  }

  @Test
  void anotherConstructor() {
    String src =
        """
        record Point(double x, double y) {
          Point(double x) {
            this(x, 0);
          }
        }

        @Differentiable static double f(double x) {
          Point p = new Point(x);
          return p.x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Point(x)"), "only the canonical constructor", "new Point(x, y)");
  }

  @Test
  void recordPassedToALibraryMethod() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point p = new Point(x, 2);
          java.util.Objects.requireNonNull(p);
          return p.x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "requireNonNull(p)", "p)"), "'requireNonNull' takes the Point record 'p' as an object", "x(), y()");
  }

  @Test
  void aPrivateRecordInAMessage() {
    // A record the generated class can make again gives its own text (RecordObjectMethodsTest).
    String src =
        """
        private record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point p = new Point(x, 2);
          if (x > 10) {
            throw new IllegalArgumentException("too far: " + p);
          }
          return p.x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "+ p)", "p"), "a Point record ('p') cannot be used here", "x(), y()");
  }

  @Test
  void switchExpressionGivingARecordWithAnArray() {
    String src =
        """
        record Model(double[] w, double b) {}

        @Differentiable static double f(double[] w, double x, int k) {
          Model m = switch (k) {
            case 0 -> new Model(w, x);
            default -> new Model(w, 1);
          };
          return m.b() * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "default -> new Model(w, 1)", "new"), "a Model record ('new Model(w, 1)') cannot be used here");
  }

  @Test
  void helperReturningARecordWithAnArray() {
    String src =
        """
        record Model(double[] w, double b) {}

        static Model make(double b) {
          return new Model(new double[] {b, b}, b);
        }

        @Differentiable static double f(double x) {
          Model m = make(x);
          return m.b();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "make(x)", "("), "'make' returns a Model", "component 'w' is an array");
  }

  @Test
  void nullRecordChosenByAConditional() {
    // Point p = null; is "none yet" (NullableRecordsTest); a branch of ?: that gives null is not
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point p = x > 0 ? new Point(x, 1) : null;
          return p.x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, ": null", "null"), "record value cannot be null", "give both branches a record");
  }

  @Test
  void otherMethodsOfAListOfRecords() {
    String src =
        """
        record Sample(double x, double y) {}

        @Differentiable static double f(double[] w, java.util.List<Sample> data) {
          return w[0] * data.stream().count();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "data.stream()", "("), "'stream' of a List is not supported", "get(i)");
  }

  // ------------------------------------------------- arrays of records, and fields not held

  @Test
  void aComponentNoArrayCanHold() {
    String src =
        """
        record Named(double x, String name) {}

        @Differentiable static double f(double x) {
          Named[] ns = {new Named(x, "a")};
          return ns[0].x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "{new Named"), "component 'name' has type java.lang.String", "array of their own");
  }

  @Test
  void anArrayComponent() {
    String src =
        """
        record Row(double[] w, double b) {}

        @Differentiable static double f(double x) {
          Row[] rs = new Row[2];
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Row[2]"), "component 'w' has type double[]", "array of their own");
  }

  @Test
  void aNullElement() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[] ps = {new Point(x, 1), null};
          return ps[0].x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "null}", "null"), "cannot be null", "give it a Point");
  }

  @Test
  void anotherArrayAssigned() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[] ps = {new Point(x, 1)};
          Point[] qs = {new Point(x, 2)};
          ps = qs;
          return ps[0].x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "ps = qs", "="), "cannot be given another array", "ps[i] = ...");
  }

  @Test
  void twoDimensions() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[][] ps = new Point[2][2];
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "Point[][] ps", "["), "more than one dimension", "vs[i * n + j]");
  }

  @Test
  void declaredWithoutAValue() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[] ps;
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "Point[] ps;", "ps"), "where it is declared", "new Point[n]");
  }

  @Test
  void passedAsAnObject() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[] ps = {new Point(x, 1)};
          return java.util.Objects.hashCode(ps) + x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "hashCode(ps)", "ps"), "an array of Point records ('ps') cannot be used here", "ps[i]");
  }

  @Test
  void returnedByAHelper() {
    String src =
        """
        record Point(double x, double y) {}

        static Point[] make(double x) {
          return new Point[] {new Point(x, x)};
        }

        @Differentiable static double f(double x) {
          Point[] ps = make(x);
          return ps[0].x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "make(x);", "("), "made where it is declared", "a call returns");
  }

  @Test
  void madeOutsideADeclaration() {
    String src =
        """
        record Point(double x, double y) {}

        static double first(Point[] ps) {
          return ps[0].x();
        }

        @Differentiable static double f(double x) {
          return first(new Point[] {new Point(x, x)});
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Point[] {"), "as a local variable", "declare it in one first");
  }

  @Test
  void aHelperAssigningItsParameter() {
    String src =
        """
        record Point(double x, double y) {}

        static double again(Point[] ps, double x) {
          ps = new Point[] {new Point(x, x)};
          return ps[0].x();
        }

        @Differentiable static double f(double x) {
          Point[] ps = {new Point(x, 1)};
          return again(ps, x);
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "again(ps, x);", "("), "assigns its parameter 'ps'", "declare a new variable");
  }

  @Test
  void writingIntoADifferentiatedParameter() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable(wrt = "ps") static double f(Point[] ps, double x) {
          ps[0] = new Point(x, 1);
          return ps[0].x();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "ps[0] = new", "="), "writing into the array of Point records the method is given", "copy the elements");
  }

  @Test
  void aFloatComponentOfADifferentiatedParameter() {
    String src =
        """
        record Flo(float x, double y) {}

        @Differentiable(wrt = "fs") static double f(Flo[] fs) {
          return fs[0].y();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "Flo[] fs", "fs"), "component 'x' has type float", "make it a double");
  }

  @Test
  void wrtNamingAnArrayOfRecordsOfData() {
    String src =
        """
        record Tag(int id) {}

        @Differentiable(wrt = "ts") static double f(Tag[] ts, double x) {
          return x * ts.length;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "Tag[] ts", "ts"), "wrt names 'ts'", "which has no derivative");
  }

  @Test
  void aStreamOverAnArrayOfRecords() {
    String src =
        """
        record Point(double x, double y) {}

        @Differentiable static double f(double x) {
          Point[] ps = {new Point(x, 1)};
          return java.util.Arrays.stream(ps).mapToDouble(p -> p.x()).sum();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "stream(ps)", "ps"), "a stream over an array of Point records", "for (Point v : ps)");
  }

  @Test
  void wrtThisOverAListOfRecords() {
    String src =
        """
        record Layer(double[][] w, double[] b, String name) {}

        java.util.List<Layer> layers;
        private int calls;

        @Differentiable(wrt = "this") double f(double x) {
          double s = 0;
          for (Layer l : layers) {
            s += l.b()[0] * x;
          }
          return s;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f(double", "f"), "wrt names 'this'", "field 'layers' of C has type java.util.List<p.C.Layer>", "give each part a field of its own (Layer first, second)");
  }

  @Test
  void anArrayOfRecordsHoldingArraysMadeInTheMethod() {
    String src =
        """
        record Layer(double[][] w, double[] b) {}

        @Differentiable static double f(double[][] w, double[] b) {
          Layer[] ls = {new Layer(w, b), new Layer(w, b)};
          return ls[0].b()[0] + ls[1].w()[0][0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "{new Layer(w, b), new"), "component 'w' has type double[][]",
        "an array it is given may also hold arrays", "take the array of Layer records as a parameter");
  }

  @Test
  void writingIntoAnArrayOfAnElementOfAGivenArrayOfRecords() {
    String src =
        """
        record Layer(double[][] w, double[] b) {}

        @Differentiable(wrt = "ls") static double f(Layer[] ls, double x) {
          double[] b = ls[1].b();
          b[0] = x;
          return b[0] * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "b[0] = x", "[0] = x"), "writing into an array component of a record", "write the copy");
  }

  // ---------------------------------------------------------------------------------- helpers

  @Test
  void aRecordWithAnArrayComponentStartingAsNull() {
    String src =
        """
        record Layer(double[] w, double b) {}

        @Differentiable static double f(double[] w, double x) {
          Layer last = null;
          last = new Layer(w, x);
          return last.b();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "last = null", "null"), "can start as null ('none yet')",
        "component 'w' is an array", "give the variable its first value where it is declared");
  }
}
