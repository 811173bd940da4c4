package io.github.backprop.processor.interp;

import io.github.backprop.processor.Derivations;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The derived IR of a dozen methods, interpreted, against the generated code compiled and run
 * and against finite differences, at several random points each.
 */
public class InterpreterTest {
  public static final String SOURCE =
      """
          static final double K = 0.75;
          private static final double[] TABLE = {0.5, -1.25, 2.0};

          @Differentiable static double straight(double a, double b, double c) {
            double e = a * b + c;
            e -= K * a / (1 + b * b);
            return e * Math.sin(a) + StrictMath.cbrt(c) - TABLE[1] * b;
          }

          @Differentiable static double branches(double x, double y) {
            if (x > y) {
              return x * y;
            } else if (x < -0.5) {
              return -x + Math.exp(y);
            }
            double z = x;
            z *= y < 0 ? 2 : 3.5;
            return z + y * y;
          }

          @Differentiable static double recurrence(double x, int n) {
            double s = 0.5;
            for (int i = 0; i < n; i++) {
              s = s * x + Math.cos(s + i);
            }
            return s;
          }

          @Differentiable static double whileBreak(double x) {
            double s = x;
            int k = 0;
            while (true) {
              s = Math.sqrt(s * s + 1);
              k++;
              if (s > 3 || k > 50) {
                break;
              }
            }
            return s * k;
          }

          @Differentiable static double dot(double[] w, double[] x) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
              s += w[i] * x[i];
            }
            return Math.tanh(s);
          }

          @Differentiable static double quadraticForm(double[][] m, double[] v) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              double r = 0;
              for (int j = 0; j < v.length; j++) {
                r += m[i][j] * v[j];
              }
              s += r * r;
            }
            return s;
          }

          @Differentiable static double writes(double[] x) {
            for (int i = 1; i < x.length; i++) {
              x[i] = x[i] * x[i - 1] + 1;
            }
            double[] y = new double[x.length];
            y[0] = x[0];
            return x[x.length - 1] * y[0];
          }

          static double helper(double a, double b) {
            return a * Math.log(1 + b * b);
          }

          @Differentiable static double square(double x) {
            return x * x;
          }

          @Differentiable static double calls(double x, double y) {
            return helper(x, y) + helper(y, x) * square(x * y) + Math.pow(square(y) + 1, 1.5);
          }

          @Differentiable static float floats(float x, float y) {
            float z = x * y + 0.1f;
            z = z * z / (2 + x * x);
            return z + (float) Math.sin(y) * 0.3f;
          }

          @Differentiable static double horner(double t) {
            return ((((1.330274429 * t - 1.821255978) * t + 1.781477937) * t - 0.356563782) * t + 0.319381530) * t;
          }

          @Differentiable static double hornerLoop(double x, double[] c) {
            double s = 0;
            for (int i = c.length - 1; i >= 0; i--) {
              s = s * x + c[i];
            }
            return s;
          }

          @Differentiable static double integers(double x, int n, long m) {
            int k = n / 3 + n % 5;
            long q = m * 1_000_000_007L + Integer.MAX_VALUE + n;
            int w = (n << 3) >>> 1 ^ (n >> 2);
            int big = n * 1_000_003 * 7919;
            double s = x * k + q % 7 + w + big % 13;
            s += (double) (n + Integer.MAX_VALUE) / 1e9;
            return s * x;
          }

          @Differentiable static double labels(double[] x) {
            double s = 0;
            outer:
            for (int i = 0; i < x.length; i++) {
              for (int j = 0; j < x.length; j++) {
                if (x[i] * x[j] > 2) {
                  continue outer;
                }
                if (s > 6) {
                  break outer;
                }
                s += x[i] * x[j];
              }
            }
            return s;
          }

          @Differentiable static double checked(double x) {
            assert x > -10 : "x = " + x;
            return x * Math.abs(x);
          }

          @Differentiable static double doWhile(double x, int n) {
            double s = x;
            int i = 0;
            do {
              s = s * 0.5 + Math.atan(s) * x;
              i += 2;
            } while (i < n);
            return s;
          }
          """;

  static Derivations d;
  static Agreement agree;

  /** The node kinds these methods must make the interpreter run, so none is left untested. */
  @org.junit.jupiter.api.AfterAll
  static void everyKindRan() {
    for (String kind : java.util.List.of(
        "Stmt.Declare", "Stmt.Assign", "Stmt.If", "Stmt.Store", "Stmt.Loop", "Stmt.Break", "Stmt.Continue", "Stmt.Push",
        "Stmt.Invoke", "Stmt.Return", "Stmt.Assert", "Stmt.ReturnRecord", "Expr.Literal", "Expr.Ref",
        "Expr.Constant", "Expr.Unary", "Expr.Binary", "Expr.Conditional", "Expr.Cast", "Expr.Call", "Expr.DiffCall",
        "Expr.Component", "Expr.Index", "Expr.Length", "Expr.NewArray", "Expr.Pop")) {
      org.junit.jupiter.api.Assertions.assertTrue(Interpreter.COVERED.contains(kind), kind + " never ran: " + Interpreter.COVERED);
    }
  }

  @BeforeAll
  static void compile() {
    Interpreter.COVERED.clear();
    // Forward mode too, so each method's mJvp is interpreted and compared as well.
    d = Derivations.members(SOURCE.replace("@Differentiable static", "@Differentiable(forward = true) static"));
    agree = new Agreement(d);
  }

  private static void atRandomPoints(String name, Function<Random, Object[]> point) {
    Random r = new Random(name.hashCode());
    for (int k = 0; k < 5; k++) {
      agree.check(name, point.apply(r));
    }
  }

  private static double u(Random r) {
    return 4 * r.nextDouble() - 2;
  }

  private static double[] vector(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = u(r);
    }
    return v;
  }

  @Test
  void straightLine() {
    atRandomPoints("straight", r -> new Object[] {u(r), u(r), u(r)});
  }

  @Test
  void branches() {
    atRandomPoints("branches", r -> new Object[] {u(r), u(r)});
  }

  @Test
  void loopOverAnInt() {
    atRandomPoints("recurrence", r -> new Object[] {u(r) / 2, r.nextInt(7)});
  }

  @Test
  void whileWithBreak() {
    atRandomPoints("whileBreak", r -> new Object[] {u(r)});
  }

  @Test
  void arrays() {
    atRandomPoints("dot", r -> new Object[] {vector(r, 4), vector(r, 4)});
  }

  @Test
  void matrices() {
    atRandomPoints("quadraticForm", r -> new Object[] {new double[][] {vector(r, 3), vector(r, 3)}, vector(r, 3)});
  }

  @Test
  void writtenArrays() {
    atRandomPoints("writes", r -> new Object[] {vector(r, 4)});
  }

  @Test
  void callsOfHelpersAndDifferentiableMethods() {
    atRandomPoints("calls", r -> new Object[] {u(r), u(r)});
  }

  @Test
  void floats() {
    Agreement loose = new Agreement(d, 2e-2);
    Random r = new Random(7);
    for (int k = 0; k < 5; k++) {
      loose.check("floats", (float) u(r), (float) u(r));
    }
  }

  @Test
  void hornerPolynomial() {
    atRandomPoints("horner", r -> new Object[] {u(r)});
    atRandomPoints("hornerLoop", r -> new Object[] {u(r), vector(r, 6)});
  }

  @Test
  void integerArithmetic() {
    atRandomPoints("integers", r -> new Object[] {u(r), r.nextInt(), r.nextLong()});
  }

  @Test
  void labelledJumps() {
    atRandomPoints("labels", r -> new Object[] {vector(r, 4)});
  }

  /**
   * Second order: the tangent method t(x, v) = ⟨∇f(x), v⟩ and its gradient (H v, ∇f), which
   * {@code mHvp} and {@code mHessian} are built from, interpreted against the generated
   * {@code _mTangent} and finite differences.
   */
  @Test
  void hessianTangents() {
    Derivations h =
        Derivations.members(
            """
            @Differentiable(hessian = true)
            static double g(double x, double y) {
              return x * Math.log(1 + y * y) - Math.cos(x) * y;
            }

            @Differentiable(hessian = true)
            static double energy(double[] q) {
              double s = 0;
              for (int i = 0; i < q.length; i++) {
                s += q[i] * q[i] * Math.sin(q[i] + i);
              }
              return s * s;
            }

            @Differentiable(hessian = true)
            static double branchy(double x, double y) {
              double z = x > y ? x * Math.exp(y) : y / (1 + x * x);
              for (int k = 0; k < 3; k++) {
                z = z * 0.5 + Math.tanh(z * x);
              }
              return z;
            }
            """);
    Agreement a = new Agreement(h, 1e-5);
    int tangents = 0;
    for (Derivations.Derived m : h.all()) {
      if (!a.isTangent(m)) {
        continue;
      }
      tangents++;
      Random r = new Random(m.model().name().hashCode());
      for (int k = 0; k < 4; k++) {
        a.check(m, Points.of(m.model().params(), r));
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(3, tangents, "one tangent method per method with hessian = true");
  }

  @Test
  void assertions() {
    atRandomPoints("checked", r -> new Object[] {u(r)});
  }

  @Test
  void doWhileLoop() {
    atRandomPoints("doWhile", r -> new Object[] {u(r), r.nextInt(9)});
  }
}
