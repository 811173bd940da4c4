package io.github.backprop.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.testing.Compiled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct backprop does not differentiate is one compile error of ours: tagged, naming
 * the construct and what to do, at the construct's own line and column. Where javac reports the
 * problem itself, backprop says nothing, so the user sees one error.
 *
 * <p>Positions are javac's own for the offending tree (its "preferred position": the keyword of a
 * statement, the operator of a binary expression, the name of a declaration), computed from a
 * marker in the source so the numbers cannot drift from the text.
 */
class DiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";
  private static final String SIGNATURE = "[BackpropSignature]";
  private static final String NO_DERIVATIVE = "[BackpropNoDerivative]";
  private static final String FIELD = "[BackpropField]";

  // ---------------------------------------------------------------- loops and arrays: what stays out

  @Test
  void threeDimensionalParameter() {
    String src =
        """
        @Differentiable static double f(double[][][] t) {
          return t[0][0][0];
        }
        """;
    onlyError(src, SIGNATURE, at(src, "double[][][] t", "t"), "parameter 't'", "at most two dimensions");
  }

  @Test
  void threeDimensionalFloatParameter() {
    String src =
        """
        @Differentiable static float f(float[][][] t) {
          return t[0][0][0];
        }
        """;
    onlyError(src, SIGNATURE, at(src, "[][][] t", "t"), "parameter 't'", "double, float and arrays of them", "at most two dimensions");
  }

  @Test
  void floatArrayPassedToAPlainHelper() {
    String src =
        """
        static float first(float[] a) {
          synchronized (a) {
            return a[0];
          }
        }

        @Differentiable static float f(float[] w) {
          return w[1] * first(w);
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "first(w)", "(w)"), "passed to 'first'", "synchronized");
  }

  @Test
  void returnsLong() {
    String src =
        """
        @Differentiable static long f(float x) {
          return 1L;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "'f'", "returns long", "must return double or float");
  }

  @Test
  void threeDimensionalLocal() {
    String src =
        """
        @Differentiable static double f(double x) {
          double[][][] t = new double[2][2][2];
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new double[2][2][2]"), "more than two dimensions");
  }

  @Test
  void assigningAWholeArray() {
    String src =
        """
        static final double[] P = {1, 2};

        @Differentiable static double f(double[] a, double x) {
          a = P;
          return a[0] * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "a = P", "P"), "'P' is a read-only table", "a = P.clone();");
  }

  @Test
  void assigningAWholeRow() {
    String src =
        """
        @Differentiable static double f(double[][] m, double[] w) {
          m[0] = w;
          return m[0][0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "m[0] = w", "["), "assigning a whole row", "new double[k]", "one by one");
  }

  @Test
  void arrayVariableWithoutAnArray() {
    String src =
        """
        @Differentiable static double f(double x) {
          double[] a;
          a = new double[] {1, 2};
          a = new double[3];
          return x * a[0];
        }
        """;
    onlyError(
        src, UNSUPPORTED, at(src, "new double[3]"), "may only be given static tables or arrays of constants",
        "create it where it is declared ('double[] a = new double[n];')");
  }

  @Test
  void arrayVariableFromAConditional() {
    String src =
        """
        @Differentiable static double f(double[] a, double[] b, boolean c) {
          double[] r = c ? a : new double[] {b[0]};
          return r[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "c ? a : new", "?"), "new array, another array variable or a row");
  }

  @Test
  void arrayPassedToAPlainHelper() {
    String src =
        """
        @Differentiable static double f(double[] a) {
          org.hipparchus.util.MathArrays.scaleInPlace(2.0, a);
          return a[0];
        }
        """;
    // A library method whose body backprop cannot see may write into the array.
    onlyError(
        src, UNSUPPORTED, at(src, "scaleInPlace(2.0, a)", "a)"),
        "'MathArrays.scaleInPlace' is library code that backprop cannot read, and it is passed the array 'a'",
        "write the computation in this method", "pass it a copy (a.clone())");
    // A helper of the compilation runs inside the method; one whose body cannot be read stays a
    // call, which may write into the array.
    String writer =
        """
        static void reset(double[] a) {
          try {
            a[0] = 1;
          } finally {
            a[1] = 2;
          }
        }

        @Differentiable static double f(double[] a) {
          reset(a);
          return a[0];
        }
        """;
    onlyError(writer, UNSUPPORTED, at(writer, "reset(a);", "a)"), "'reset' writes into the array 'a' it is given, so backprop reads its body in place, but cannot", "move it after the 'try' statement");
  }

  @Test
  void arrayPassedToARecursiveCalleeThatWritesIntoIt() {
    String src =
        """
        @Differentiable static double fill(double[] v, int n) {
          if (n == 0) {
            return v[0];
          }
          v[n] = v[n - 1] * 2;
          return fill(v, n - 1);
        }

        @Differentiable static double f(double[] w) {
          return fill(w, 2);
        }
        """;
    // A callee that writes into an array it is passed runs inside the caller, which recursion
    // rules out.
    Compilation c = compile(src);
    assertError(c, UNSUPPORTED, at(src, "fill(v, n - 1)", "v, n"), "'fill' writes into its array parameter 'v'", "runs its body inside this method");
    assertError(c, UNSUPPORTED, at(src, "fill(w, 2)", "w, 2"), "'fill' writes into its array parameter 'v'", "calls itself");
    assertEquals(2, ours(c).size(), () -> describe(c));
  }

  @Test
  void aliasWhoseIndexChanges() {
    String src =
        """
        @Differentiable static double f(double[][] m) {
          int i = 0;
          double[] row = m[i];
          i = 1;
          return row[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "i = 1", "i"), "'i' is assigned while 'row' (m[i]) is in use", "index the array directly");
  }

  @Test
  void enhancedForWhoseArrayChanges() {
    String src =
        """
        @Differentiable static double f(double[][] m) {
          double s = 0;
          int k = 0;
          for (double v : m[k]) {
            s += v;
            k = 1;
          }
          return s;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "k = 1", "k"), "'k' is assigned while the loop over m[k] is in use");
  }

  @Test
  void indexingAnArrayWithoutAName() {
    String src =
        """
        @Differentiable static double f(double x) {
          return new double[] {x, 2 * x}[1];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new double[] {x, 2 * x}"), "indexing an array that has no name", "declare it first");
  }

  @Test
  void rowThatIsNotWrittenOut() {
    String src =
        """
        static double first(double[][] m) {
          return m[0][0];
        }

        @Differentiable static double f(double[] a) {
          return first(new double[][] {a, a});
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "{a, a}", "a,"), "a row that is not written out", "{a, b}");
  }

  @Test
  void breakOutsideALoopIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          if (x > 0) {
            break;
          }
          return x;
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorContaining("break outside").inFile(file(c)).onLine(at(src, "break;").line());
  }

  // ---------------------------------------------------------------- exceptions

  @Test
  void privateHelperTheGradientCannotCall() {
    String src =
        """
        private static boolean positive(double v) {
          synchronized (C.class) {
            return v > 0;
          }
        }

        @Differentiable static double f(double x) {
          return positive(x) ? x : -x;
        }
        """;
    onlyError(
        src, UNSUPPORTED, at(src, "positive(x) ?", "("), "private method 'positive'", "cannot read its body",
        "synchronized");
  }

  @Test
  void libraryFunctionOfADifferentiableValue() {
    String src =
        """
        @Differentiable static double f(double x, double y) {
          return x * java.awt.geom.Point2D.distance(x, y, 0, 0);
        }
        """;
    onlyError(
        src, NO_DERIVATIVE, at(src, "Point2D.distance(x, y, 0, 0)", "("), "no derivative for 'java.awt.geom.Point2D.distance', a library method",
        "write it as a @Differentiable method");
  }

  @Test
  void synchronizedStatement() {
    String src =
        """
        static final Object LOCK = new Object();

        @Differentiable static double f(double x) {
          double y;
          synchronized (LOCK) {
            y = x * x;
          }
          return y;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "synchronized ("), "'synchronized'", "pure function");
  }

  // ---------------------------------------------------------------- switch

  @Test
  void switchLocalDeclaredInAnEarlierCase() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          double y = 0;
          switch (n) {
            case 1:
              double t = x;
              y = t;
              break;
            default:
              t = 2 * x;
              y = t;
          }
          return y;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "t = 2 * x"), "'t' is declared in an earlier case", "before the switch");
  }

  @Test
  void switchExpressionWithStatementsInALoopCondition() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          do {
            if (n > 3) {
              continue;
            }
            x = x * 2;
          } while (x < switch (n) { case 1 -> { double t = 2; yield t; } default -> 3.0; });
          return x;
        }
        """;
    // A do-while condition that runs statements is tested at the end of the body, which a
    // continue would skip.
    onlyError(src, UNSUPPORTED, at(src, "(x < switch"), "runs statements", "local variable");
  }

  // ---------------------------------------------------------------- objects, lambdas, classes

  @Test
  void numberInAnObject() {
    String src =
        """
        @Differentiable static double f(double x) {
          Object o = x;
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "= x", "x"), "'x' is a number put into a variable of type Object",
        "declare the variable as double");
  }

  @Test
  void localClass() {
    String src =
        """
        @Differentiable static double f(double x) {
          class Local { double get() { return x; } }
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "class Local"), "a class declared inside a differentiable method",
        "class Local uses 'x' of the method around it", "pass 'x' to its constructor, or declare the class as a static member");
  }

  @Test
  void numberCastToAnObject() {
    String src =
        """
        @Differentiable static double f(double x) {
          boolean none = (Object) x == null;
          return none ? 0 : x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "(Object) x"), "the cast '(Object) x' moves a number between a primitive and an object",
        "keep the value in a double");
  }

  @Test
  void arrayInAnObject() {
    String src =
        """
        @Differentiable static double f(double[] w) {
          Object o = null;
          o = w;
          return w[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "= w", "w"), "'w' is an array put into a variable of type Object");
  }

  // ---------------------------------------------------------------- literals and float

  @Test
  void stringBesideANumberInAConditional() {
    // A String chosen between two Strings is a value (SwitchTypesTest); beside a number it is not.
    String src =
        """
        @Differentiable static double f(double x) {
          String s = "n" + (x > 0 ? "abc" : 1);
          return x * s.length();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "\"abc\""), "a String or object value", "thrown");
  }

  @Test
  void charByteAndShortAreFine() {
    String src =
        """
        @Differentiable static double f(double x, char c, byte b) {
          int k = 'a' + c;
          short s = b;
          s <<= 2;
          return x * k * s;
        }
        """;
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void arraysOfCharAreRejected() {
    String src =
        """
        @Differentiable static double f(double x) {
          char[] cs = {'a', 'b'};
          return x * cs[0];
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "char[]", "[]"), "arrays of char are not supported", "int[]");
  }

  @Test
  void newArraysOfByteAreRejected() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          var bs = new byte[n];
          return x * bs.length;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new byte[n]"), "arrays of byte are not supported", "int[]");
  }

  @Test
  void charArrayParameterIsRejected() {
    String src =
        """
        @Differentiable static double f(double x, char[] cs) {
          return x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "cs)", "cs"), "parameter 'cs' has type char[]");
  }

  // ---------------------------------------------------------------- bitwise operators and shifts

  static Stream<Arguments> bitwise() {
    return Stream.of(
        Arguments.of("int m = n & 3;"),
        Arguments.of("int m = n | 3;"),
        Arguments.of("int m = n ^ 3;"),
        Arguments.of("int m = ~n;"),
        Arguments.of("int m = n << 1;"),
        Arguments.of("int m = n >> 1;"),
        Arguments.of("int m = n >>> 1;"),
        Arguments.of("boolean m = x > 0 & n > 0;"),
        Arguments.of("boolean m = x > 0; m &= n > 0;"),
        Arguments.of("int m = n; m &= 3;"),
        Arguments.of("int m = n; m |= 3;"),
        Arguments.of("int m = n; m ^= 3;"),
        Arguments.of("int m = n; m <<= 1;"),
        Arguments.of("int m = n; m >>= 1;"),
        Arguments.of("int m = n; m >>>= 1;"),
        Arguments.of("long m = n; m <<= 1L;"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bitwise")
  void bitwiseAndShiftOperatorsCompile(String statement) {
    String src =
        "@Differentiable static double f(double x, int n) {\n"
            + "  " + statement + "\n"
            + "  return x;\n"
            + "}\n";
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  // ---------------------------------------------------------------- assignments in expressions

  @Test
  void variableAssignedInsideItsOwnCompoundAssignment() {
    String src =
        """
        @Differentiable static double f(double x) {
          double s = x;
          s += (s = 2 * x) * 3;
          return s;
        }
        """;
    onlyError(
        src,
        UNSUPPORTED,
        at(src, "s += (s", "+="),
        "'s' is assigned inside the value of its own compound assignment",
        "split it into two statements");
  }

  @Test
  void arrayWrittenInsideACompoundAssignmentToItsElement() {
    String src =
        """
        @Differentiable static double f(double[] w) {
          w[0] += (w[1] = 2) * w[0];
          return w[0];
        }
        """;
    onlyError(
        src,
        UNSUPPORTED,
        at(src, "w[0] += (w[1]", "+="),
        "'w' is written inside the value of a compound assignment to its element",
        "split it into two statements");
  }


  @Test
  void unusedExpressionStatement() {
    String src =
        """
        @Differentiable static double g(double t) {
          return t * t;
        }

        @Differentiable static double f(double x) {
          g(x);
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "g(x);", "("), "value is not used", "assign its value");
  }

  // ---------------------------------------------------------------- signatures

  @Test
  void instanceMethod() {
    String src =
        """
        @Differentiable double f(double self) {
          return self * self;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "double self", "self"), "'f'", "named 'self'", "rename");
  }

  @Test
  void methodReturningInt() {
    String src =
        """
        @Differentiable static int f(double x) {
          return (int) x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "'f'", "returns int", "must return double");
  }

  @Test
  void rawGenericObjectParameter() {
    String src =
        """
        @SuppressWarnings("rawtypes")
        @Differentiable static double f(double x, java.util.Map label) {
          return x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "label"), "parameter 'label'", "java.util.Map",
        "an object of a generic class with its type arguments", "write the type arguments of java.util.Map");
  }

  @Test
  void privateRecordParameter() {
    String src =
        """
        private record Point(double a, double b) {}

        @Differentiable static double f(double x, Point p) {
          return x * p.a();
        }
        """;
    onlyError(src, SIGNATURE, at(src, "p)", "p"), "parameter 'p' has type Point", "package-private or public");
  }

  @Test
  void stringArrayParameter() {
    String src =
        """
        @Differentiable static double f(double x, String[] names) {
          return x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "names"), "parameter 'names' has type java.lang.String[]");
  }

  @Test
  void privateEnumParameter() {
    String src =
        """
        private enum Mode { A, B }

        @Differentiable static double f(double x, Mode m) {
          return m == Mode.A ? x : 2 * x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "m)", "m"), "parameter 'm' has type Mode", "package-private or public");
  }

  @Test
  void stringArrayLocal() {
    String src =
        """
        @Differentiable static double f(double x) {
          String[] names = {"a"};
          return x * names.length;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "String[] names", "[]"), "arrays of String");
  }

  @Test
  void stringSwitchYieldingAString() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          String s = switch (n) { case 1 -> "one"; default -> "other"; };
          return x * s.length();
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "\"other\""), "a String or object value");
  }

  @Test
  void switchOnLong() {
    String src =
        """
        @Differentiable static double f(double x, long n) {
          switch (n) {
            case 1:
              return x;
            default:
              return 2 * x;
          }
        }
        """;
    // javac reports it too: Java has no switch on long.
    assertError(compile(src), UNSUPPORTED, at(src, "switch (n)", "(n)"), "a switch on a value of type long", "a String or an enum");
  }

  @Test
  void switchOnDouble() {
    String src =
        """
        @Differentiable static double f(double x) {
          return switch (x * 2) {
            case 1 -> x;
            default -> 2 * x;
          };
        }
        """;
    assertError(compile(src), UNSUPPORTED, at(src, "(x * 2)"), "a switch on a value of type double", "switch on an int, char");
  }

  @Test
  void stringComparedWithAnObject() {
    String src =
        """
        @Differentiable static double f(double x, String s) {
          return s == new Object() ? x : 2 * x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "new Object"), "a String or object value ('new Object()')");
  }

  @Test
  void genericMethod() {
    String src =
        """
        @Differentiable static <T> double f(double x) {
          return x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "'f'", "must not be generic");
  }

  /** A varargs parameter of objects is still no parameter backprop takes. */
  @Test
  void varargsOfStrings() {
    String src =
        """
        @Differentiable static double f(double x, String... names) {
          return x;
        }
        """;
    onlyError(src, SIGNATURE, at(src, "names"), "parameter 'names' has type java.lang.String[]");
  }

  @Test
  void privateNestedClass() {
    String src =
        """
        private static class Inner {
          @Differentiable static double f(double x) {
            return x * x;
          }
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "class Inner is private", "package-private");
  }

  @Test
  void innerNonStaticClass() {
    String src =
        """
        class Inner {
          @Differentiable static double f(double x) {
            return x * x;
          }
        }
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "inner class Inner is not static", "static nested class");
  }

  // ---------------------------------------------------------------- fields and objects

  @Test
  void writingToAField() {
    String src =
        """
        static double last;

        @Differentiable static double f(double x) {
          last = x;
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "last = x"), "writing to a field", "local variable");
  }

  @Test
  void privateTableFilledInAStaticBlock() {
    String src =
        """
        private static final double[] TABLE = new double[3];

        static {
          for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = i * i;
          }
        }

        @Differentiable static double f(double x) {
          return x * TABLE[1];
        }
        """;
    onlyError(
        src, FIELD, at(src, "x * TABLE", "TABLE"), "field 'TABLE' is private",
        "the static {} block at line 8 uses 'TABLE'", "make it package-private");
  }

  @Test
  void privateNonFinalField() {
    String src =
        """
        private static double scale = 2;

        @Differentiable static double f(double x) {
          return scale * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "scale * x", "scale"), "field 'scale' is private", "not final",
        "its value when the method is called matters", "make it package-private");
  }

  @Test
  void privateTableWrittenByAnotherMethod() {
    String src =
        """
        private static final double[] TABLE = {1, 2};

        static void reset() {
          TABLE[0] = 0;
        }

        @Differentiable static double f(double x) {
          return x * TABLE[1];
        }
        """;
    onlyError(
        src, FIELD, at(src, "x * TABLE", "TABLE"), "field 'TABLE' is private",
        "'TABLE[0]' at line 9 writes into 'TABLE'", "make it package-private");
  }

  @Test
  void privateFieldWhoseInitializerCallsAPrivateMethod() {
    String src =
        """
        private static final double K = half(3);

        private static double half(double v) {
          return v / 2;
        }

        @Differentiable static double f(double x) {
          return K * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "K * x", "K"), "field 'K' is private",
        "the initializer of 'K' calls 'half'", "make it package-private");
  }

  @Test
  void privateFieldReadingAnotherSetInAStaticBlock() {
    String src =
        """
        private static final double BASE;
        private static final double K = 2 * Math.sqrt(BASE);

        static {
          BASE = 3;
        }

        @Differentiable static double f(double x) {
          return K * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "K * x", "K"), "field 'K' is private",
        "the initializer of 'K' reads 'BASE' before it is initialised", "make it package-private");
  }

  @Test
  void privateFieldSetInALoopOfAStaticBlock() {
    String src =
        """
        private static final double SUM;

        static {
          double s = 0;
          for (int i = 1; i <= 3; i++) {
            s += i;
          }
          SUM = s;
        }

        @Differentiable static double f(double x) {
          return SUM * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "SUM * x", "SUM"), "field 'SUM' is private",
        "'SUM' gets its value in a static {} block, which the generated class can copy only where it"
            + " assigns the field once, outside any if, loop or try, from locals set once; here the"
            + " local 's' of that block is not set once where it is declared",
        "make it package-private");
  }

  @Test
  void privateFieldWhoseInitializerChangesState() {
    String src =
        """
        static int created;
        private static final int ID = created++;

        @Differentiable static double f(double x) {
          return ID * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "ID * x", "ID"), "field 'ID' is private", "changes a variable ('created++')",
        "make it package-private");
  }

  @Test
  void privateFieldReadBeforeItIsInitialised() {
    String src =
        """
        private static final double K = 2 * C.LATER;
        private static final double LATER = Math.sqrt(2);

        @Differentiable static double f(double x) {
          return K * x;
        }
        """;
    onlyError(
        src, FIELD, at(src, "K * x", "K"), "field 'K' is private", "reads 'LATER' before it is initialised",
        "make it package-private");
  }

  @Test
  void writingIntoAStaticArray() {
    String src =
        """
        static final double[] TABLE = {1, 2};

        @Differentiable static double f(double x) {
          TABLE[0] = x;
          return x * TABLE[1];
        }
        """;
    onlyError(src, FIELD, at(src, "TABLE[0] = x", "["), "writing into the static array 'TABLE'", "local one");
  }

  @Test
  void readingAStaticTableOfThreeDimensions() {
    String src =
        """
        static final double[][][] CUBE = {{{1}}};

        @Differentiable static double f(double x) {
          return x * CUBE[0][0][0];
        }
        """;
    onlyError(src, FIELD, at(src, "x * CUBE", "CUBE"), "field 'CUBE'", "more than two dimensions");
  }

  @Test
  void readingAFieldOfAnObjectType() {
    String src =
        """
        static final Double BOXED = 2.0;

        @Differentiable static double f(double x) {
          return x * BOXED;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "x * BOXED", "BOXED"), "object value ('BOXED')", "primitive values");
  }

  @Test
  void readingAnInstanceField() {
    String src =
        """
        double scale = 2;

        @Differentiable static double f(double x) {
          return x * scale;
        }
        """;
    onlyError(src, FIELD, at(src, "x * scale", "scale"), "instance field 'scale'", "pass it as a parameter");
  }

  @Test
  void callingAnInstanceMethodOnAnObject() {
    // The object's method is a library function of x with no derivative rule.
    String src =
        """
        @Differentiable static double f(double x) {
          return x * java.math.BigDecimal.valueOf(x).doubleValue();
        }
        """;
    onlyError(
        src,
        NO_DERIVATIVE,
        at(src, "doubleValue()", "("),
        "no derivative for 'java.math.BigDecimal.valueOf(x).doubleValue'",
        "a library method");
  }

  // ---------------------------------------------------------------- derivatives

  @Test
  void recursiveHelperThatWritesIntoItsArray() {
    String src =
        """
        static double helper(double[] t, int n) {
          if (n == 0) {
            return t[0];
          }
          t[0] = t[0] * 2;
          return helper(t, n - 1);
        }

        @Differentiable static double f(double x) {
          double[] a = {x};
          return helper(a, 3) + 1;
        }
        """;
    // A helper that calls itself gets a gradient method of its own, which cannot follow writes;
    // the call in f, which then stays a call, may write into a.
    Compilation c = compile(src);
    assertError(c, UNSUPPORTED, at(src, "helper(t, n - 1)", "t, n"),
        "'helper' calls itself and writes into its array parameter 't'", "an array it creates itself");
    assertError(c, UNSUPPORTED, at(src, "helper(a, 3)", "a, 3"), "'helper' writes into the array 'a' it is given", "'helper' calls itself and writes into its array parameter 't'");
    assertEquals(2, ours(c).size(), () -> describe(c));
  }

  @Test
  void unreadableHelperBodyIsNamedInTheError() {
    String src =
        """
        static double helper(double t) {
          synchronized (C.class) {
            return t * 2;
          }
        }

        @Differentiable static double f(double x) {
          return helper(x) + 1;
        }
        """;
    onlyError(
        src,
        NO_DERIVATIVE,
        at(src, "helper(x)", "("),
        "a differentiable value is passed to 'helper'",
        "cannot read this one",
        "synchronized",
        "C.java:");
  }

  @Test
  void plainHelperWithConstantArgumentIsFine() {
    String src =
        """
        static double helper(double t) {
          return t * 2;
        }

        @Differentiable static double f(double x) {
          return helper(3) * x;
        }
        """;
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  // java.lang.Math: every function taking a double has a row in MathRules (checked against
  // JDK 17's Math and StrictMath), so there is no "Math function without a rule" case to test.

  @Test
  void remainderOnDoublesIsFine() {
    String src =
        """
        @Differentiable static double f(double x, double[] a) {
          double y = x % 2;
          y %= a[0];
          a[1] %= x;
          return y * a[1];
        }
        """;
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void remainderOnIntIsFine() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          return x * (n % 2);
        }
        """;
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  // ---------------------------------------------------------------- javac's own errors

  @Test
  void unknownIdentifierIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          return x * zz;
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(file(c)).onLine(at(src, "zz").line());
  }

  @Test
  void unknownMethodIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          return x * nosuch(x);
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(file(c)).onLine(at(src, "nosuch").line());
  }

  @Test
  void typeErrorIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          double y = true;
          return x * y;
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("incompatible types").inFile(file(c)).onLine(at(src, "true").line());
  }

  // ---------------------------------------------------------------- several errors, good next to bad

  @Test
  void severalConstructsInOneMethodEachGetTheirOwnError() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          double y = x * 2.0;
          int m = n;
          int k = m + 1;
          boolean b = (Object) x instanceof Double;
          class L { double v = x; }
          return y * m * k;
        }
        """;
    Compilation c = compile(src);
    assertEquals(2, ours(c).size(), () -> "expected 2 errors of ours:\n" + describe(c));
    assertError(c, UNSUPPORTED, at(src, "instanceof"), "'instanceof'");
    assertError(c, UNSUPPORTED, at(src, "class L"), "a class declared inside a differentiable method");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void everyProblemOfOneMethodIsReportedInOneCompilation() {
    String src =
        """
        static double state;

        @Differentiable static double f(double x, Object[] o) {
          synchronized (C.class) {
            x = x * 2;
          }
          return x;
        }

        @Differentiable static double g(double x, double[] w) {
          state = x;
          char[] cs = {'a'};
          double y = java.math.BigDecimal.valueOf(x).doubleValue() * w[0];
          w.clone()[0] = 1;
          return y + x;
        }
        """;
    Compilation c = compile(src);
    // The signature and the body's constructs together; then every statement and call of g.
    assertError(c, SIGNATURE, at(src, "Object[] o", "o"), "parameter 'o'");
    assertError(c, UNSUPPORTED, at(src, "synchronized (C.class)"), "'synchronized' is not supported");
    assertError(c, UNSUPPORTED, at(src, "state = x", "state"), "writing to a field");
    assertError(c, UNSUPPORTED, at(src, "char[] cs", "[]"), "arrays of char");
    assertError(c, NO_DERIVATIVE, at(src, "doubleValue() *", "("), "a library method");
    assertEquals(5, ours(c).size(), () -> describe(c));
  }

  @Test
  void errorsInSeveralMethodsAreEachReported() {
    String src =
        """
        static double helper(double t) {
          synchronized (C.class) {
            return t;
          }
        }

        private static double state;

        @Differentiable static double helped(double x) {
          return helper(x);
        }

        @Differentiable static double stateful(double x) {
          return x * state;
        }

        @Differentiable static double rem(double x) {
          char[] cs = {'a'};
          return x * cs[0];
        }

        @Differentiable double instance(double self) {
          return self;
        }
        """;
    Compilation c = compile(src);
    assertEquals(4, ours(c).size(), () -> "expected 4 errors of ours:\n" + describe(c));
    assertError(c, NO_DERIVATIVE, at(src, "return helper(x)", "("), "passed to 'helper'", "synchronized");
    assertError(c, FIELD, at(src, "x * state", "state"), "field 'state'");
    assertError(c, UNSUPPORTED, at(src, "char[] cs", "[]"), "arrays of char");
    assertError(c, SIGNATURE, at(src, "double self", "self"), "named 'self'");
    assertThat(c).hadErrorCount(4);
  }

  /**
   * A bad method does not cost the good one its gradient. compile-testing hides generated files
   * of a failed compilation, so this compiles with javac directly and reads the file it wrote.
   */
  @Test
  void goodMethodIsStillGeneratedNextToABadOne(@TempDir Path dir) throws IOException {
    String source =
        """
        package p;

        import io.github.backprop.Differentiable;

        class C {
          @Differentiable static double good(double x) {
            return x * x;
          }

          @Differentiable static double bad(double x) {
            double y = x;
            synchronized (C.class) {
              y = y / 2;
            }
            return y;
          }
        }
        """;
    Path file = dir.resolve("src/p/C.java");
    Path generated = dir.resolve("generated");
    Path classes = dir.resolve("classes");
    Files.createDirectories(file.getParent());
    Files.createDirectories(generated);
    Files.createDirectories(classes);
    Files.writeString(file, source, UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "-classpath", System.getProperty("java.class.path"),
                  "-s", generated.toString(),
                  "-d", classes.toString()),
              null,
              files.getJavaFileObjects(file));
      task.setProcessors(List.of(new BackpropProcessor()));
      ok = task.call();
    }
    String said =
        diagnostics.getDiagnostics().stream()
            .map(d -> d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
    assertFalse(ok, said);
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), said);
    assertTrue(errors.get(0).getMessage(Locale.ROOT).startsWith(UNSUPPORTED), said);
    assertEquals(12, errors.get(0).getLineNumber(), said);

    Path grad = generated.resolve("p/CGrad.java");
    assertTrue(Files.exists(grad), "p/CGrad.java was not generated\n" + said);
    String text = Files.readString(grad, UTF_8);
    assertTrue(text.contains("public static Good good(double x)"), text);
    assertFalse(text.contains("bad("), text);
  }

  // ---------------------------------------------------------------- never silently dropped
  //
  // A method the processor gives up on must get an error of ours, unless javac reports an
  // error itself; otherwise the compilation succeeds without the gradient and the user's call to
  // CGrad.f fails later with "cannot find symbol", far from the cause.

  @Test
  void classLiteralIsReportedNotSilentlyDropped() {
    String src =
        """
        @Differentiable static double f(double x) {
          Object o = C.class;
          return x;
        }
        """;
    onlyError(src, UNSUPPORTED, at(src, "C.class", "."), "class");
  }

  @Test
  void nativeMethodIsReportedNotSilentlyDropped() {
    String src =
        """
        @Differentiable static native double f(double x);
        """;
    onlyError(src, SIGNATURE, at(src, "f("), "native");
  }

  @Test
  void inheritedConstantIsResolved() {
    Compiled c =
        Compiled.compileAll(
            java.util.Map.of(
                "p.Base",
                """
                package p;

                class Base {
                  static final double K = 2;
                }
                """,
                "p.C",
                """
                package p;

                import io.github.backprop.Differentiable;

                class C extends Base {
                  @Differentiable static double f(double x) { return x * K; }
                }
                """));
    assertTrue(c.succeeded(), c::diagnostics);
    assertTrue(
        c.compilation().generatedSourceFile("p.CGrad").isPresent(),
        "f was silently dropped: no p.CGrad and no error\n" + c.diagnostics());
  }

  @Test
  void inheritedDifferentiableMethodIsResolved() {
    Compiled c =
        Compiled.compileAll(
            java.util.Map.of(
                "p.Base",
                """
                package p;

                import io.github.backprop.Differentiable;

                class Base {
                  @Differentiable static double sq(double t) { return t * t; }
                }
                """,
                "p.C",
                """
                package p;

                import io.github.backprop.Differentiable;

                class C extends Base {
                  @Differentiable static double g(double x) { return sq(x); }
                }
                """));
    assertTrue(c.succeeded(), c::diagnostics);
    assertTrue(
        c.compilation().generatedSourceFile("p.CGrad").isPresent(),
        "g was silently dropped: no p.CGrad and no error\n" + c.diagnostics());
  }

  @Test
  void inheritedPlainHelperRunsInside() {
    String base =
        """
        package p;

        class Base {
          static double plain(double t) { return t; }
        }
        """;
    String main =
        """
        package p;

        import io.github.backprop.Differentiable;

        class C extends Base {
          @Differentiable static double h(double x) { return plain(x); }
        }
        """;
    Compilation c = Compiled.compileAll(java.util.Map.of("p.Base", base, "p.C", main)).compilation();
    assertEquals(0, ours(c).size(), () -> describe(c));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void differentiableValuePassedToBoxedHelperIsReported() {
    String src =
        """
        static double boxed(Double d) {
          return 1;
        }

        @Differentiable static double f(double x) {
          return x * boxed(x);
        }
        """;
    onlyError(src, NO_DERIVATIVE, at(src, "boxed(x)", "("), "'boxed'");
  }

  @Test
  void differentiableValuePassedToAVarargsLibraryMethodIsReported() {
    // A varargs helper of the compilation runs in place (AsWrittenProbesTest.varargsHelper); a
    // library one, whose body backprop cannot read, has no derivative.
    String src =
        """
        @Differentiable static double f(double x) {
          return x * org.apache.commons.math3.util.MathArrays.safeNorm(new double[] {x, x});
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = compile(src).diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
  }

  @Test
  void intPassedToFloatHelperIsNotSilentlyDropped() {
    String src =
        """
        static double scale(float d) {
          return 1;
        }

        @Differentiable static double f(double x, int n) {
          return x * scale(n);
        }
        """;
    Compiled c = Compiled.members(src);
    if (c.succeeded()) {
      assertTrue(
          c.compilation().generatedSourceFile("p.CGrad").isPresent(),
          "f was silently dropped: no p.CGrad and no error\n" + c.diagnostics());
    } else {
      Compilation comp = c.compilation();
      assertEquals(1, ours(comp).size(), () -> describe(comp));
      assertEquals(at(src, "scale(n)").line(), ours(comp).get(0).getLineNumber(), () -> describe(comp));
    }
  }

  @Test
  void explicitTypeArgumentsGetAMessageNamingThem() {
    String src =
        """
        static <T> double id(double d) {
          return d;
        }

        @Differentiable static double f(double x) {
          return C.<String>id(x);
        }
        """;
    Compilation c =
        onlyError(src, UNSUPPORTED, at(src, "C.<String>id(x)", "(x"), "type argument");
    assertFalse(
        c.errors().get(0).getMessage(Locale.ROOT).contains("method invocation is not supported"),
        "generic message");
  }

  @Test
  void unknownClassInCallIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          return x * Foo.bar(x);
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(file(c)).onLine(at(src, "Foo").line());
  }

  @Test
  void unknownClassInFieldReadIsJavacsErrorOnly() {
    String src =
        """
        @Differentiable static double f(double x) {
          return x * Foo.K;
        }
        """;
    Compilation c = compile(src);
    assertNoErrorOfOurs(c);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(file(c)).onLine(at(src, "Foo").line());
  }

  // ---------------------------------------------------------------- helpers

  /** A 1-based line and column in the file {@link Compiled#members} builds. */
  record Pos(int line, int column) {}

  /** The position of the first {@code marker} in {@code members}. */
  private static Pos at(String members, String marker) {
    return at(members, marker, marker);
  }

  /** The position of {@code target} within the first {@code context} in {@code members}. */
  private static Pos at(String members, String context, String target) {
    int start = members.indexOf(context);
    if (start < 0) {
      throw new IllegalArgumentException("no '" + context + "' in\n" + members);
    }
    int inside = context.indexOf(target);
    if (inside < 0) {
      throw new IllegalArgumentException("no '" + target + "' in '" + context + "'");
    }
    int index = start + inside;
    String before = members.substring(0, index);
    int line = 6 + (int) before.chars().filter(ch -> ch == '\n').count();
    int column = index - before.lastIndexOf('\n');
    return new Pos(line, column);
  }

  private static Compilation compile(String members) {
    return Compiled.members(members).compilation();
  }

  private static JavaFileObject file(Compilation c) {
    return c.sourceFiles().get(0);
  }

  /** Errors whose message carries one of our tags. */
  private static List<Diagnostic<? extends JavaFileObject>> ours(Compilation c) {
    return c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
  }

  /**
   * Compiles, and checks the compilation failed with exactly one error, ours: with {@code tag},
   * every one of {@code words}, at {@code pos}.
   */
  private static Compilation onlyError(String members, String tag, Pos pos, String... words) {
    Compilation c = compile(members);
    assertEquals(1, ours(c).size(), () -> "expected exactly one error of ours:\n" + describe(c));
    assertError(c, tag, pos, words);
    assertThat(c).hadErrorCount(1);
    return c;
  }

  /** There is exactly one error of ours at {@code pos}, with {@code tag} and every word. */
  private static void assertError(Compilation c, String tag, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> here =
        ours(c).stream()
            .filter(d -> d.getLineNumber() == pos.line() && d.getColumnNumber() == pos.column())
            .toList();
    assertEquals(
        1, here.size(), () -> "expected one error of ours at " + pos + ":\n" + describe(c));
    String message = here.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith(tag + " "), () -> "expected tag " + tag + ": " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertThat(c).hadErrorContaining(tag).inFile(file(c)).onLine(pos.line()).atColumn(pos.column());
  }

  private static void assertNoErrorOfOurs(Compilation c) {
    assertTrue(ours(c).isEmpty(), () -> "expected only javac's errors:\n" + describe(c));
  }

  private static void assertNoErrorOnLine(Compilation c, int line) {
    assertTrue(
        c.errors().stream().noneMatch(d -> d.getLineNumber() == line),
        () -> "expected no error on line " + line + ":\n" + describe(c));
  }

  private static String describe(Compilation c) {
    return c.diagnostics().stream()
        .map(
            d ->
                d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " "
                    + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
