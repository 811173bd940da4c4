package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integer and boolean operators on inactive values ({@code << >> >>> & | ^ ~}, their compound
 * forms, non-short-circuit {@code & | ^} on booleans) and byte, short and char values: the
 * gradient's value must equal the primal's, overflow and narrowing included, and its partials
 * the finite differences.
 */
class IntegerOpsTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double shifts(double x, int n, long m) {
            int k = n << 2 | n >> 1 ^ n >>> 3 & ~n;
            long q = m << n;
            q >>>= 1;
            q ^= k;
            q |= 4;
            q &= ~1L;
            k <<= 2;
            k >>= 1;
            k >>>= 0;
            return x * (k + (q & 7) + (q >> 40));
          }

          @Differentiable static double flags(double x, boolean b, int n) {
            boolean p = b & x > 0 | b ^ n > 2;
            p &= n != 7;
            p |= n == 3;
            p ^= n == 5;
            return p ? x * x : -3 * x;
          }

          @Differentiable static double narrow(double x, char c, byte b, short s) {
            char d = 'a';
            d += c;
            d++;
            byte bb = 10;
            bb <<= 3;
            bb += b;
            short t = s;
            t *= 300;
            t--;
            var e = 'z';
            e -= c;
            int sum = d + bb + t + e;
            return x * sum + x * x * (char) (d * 7);
          }

          @Differentiable static double bitsInLoop(double[] w, int seed) {
            double s = 0;
            int h = seed;
            for (int i = 0; i < w.length; i++) {
              h ^= h << 13;
              h ^= h >>> 17;
              h ^= h << 5;
              s += w[i] * (h & 15);
            }
            return s;
          }

          @Differentiable static double charLoop(double x) {
            double s = 0;
            for (char ch = 'a'; ch <= 'e'; ch++) {
              s += x * (ch - 'a');
              s *= x;
            }
            return s;
          }

          static int code(char c) {
            return c * 2;
          }

          @Differentiable static double scaled(double x, char c) {
            return x * c;
          }

          @Differentiable static double calls(double x, char c, short s) {
            return scaled(x, c) + x * code(c) + Math.abs(s) * x;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static Map<String, Object> grad(String name, Object... args) {
    return Compiled.components(C.call("p.CGrad", name, args));
  }

  @Test
  void shiftsAndBitwiseOperatorsMatchTheSource() {
    assertTrue(C.succeeded(), C::diagnostics);
    for (double x : new double[] {-1.5, 0.25, 3.0}) {
      for (int n : new int[] {-7, 0, 5, 33}) {
        for (long m : new long[] {-3L, 1L << 40, 123456789L}) {
          GradCheck.check(C, "shifts", x, n, m);
        }
      }
    }
  }

  @Test
  void shiftsGiveExactPartials() {
    // n = 5: k = 20 | 2 ^ 0 & ~5 = 22, then k <<= 2, k >>= 1: 44; m = 1: q = 32 >>> 1 = 16,
    // q ^= 22: 6, q |= 4: 6, q &= ~1L: 6; d/dx = 44 + 6 + 0.
    assertEquals(50.0, grad("shifts", 2.0, 5, 1L).get("x"));
  }

  @Test
  void booleanOperatorsChooseTheBranch() {
    for (double x : new double[] {-2.0, 0.5}) {
      for (boolean b : new boolean[] {false, true}) {
        for (int n : new int[] {1, 3, 5, 7}) {
          GradCheck.check(C, "flags", x, b, n);
        }
      }
    }
    assertEquals(-3.0, grad("flags", 0.5, false, 1).get("x"));
    assertEquals(1.0, grad("flags", 0.5, true, 1).get("x"));
  }

  @Test
  void byteShortAndCharNarrowAsJavaDoes() {
    for (double x : new double[] {-1.25, 0.5, 2.0}) {
      for (char c : new char[] {'b', (char) 0, (char) 65535}) {
        for (byte b : new byte[] {-128, 7, 127}) {
          for (short s : new short[] {-32768, 1, 200}) {
            GradCheck.check(C, "narrow", x, c, b, s);
          }
        }
      }
    }
  }

  @Test
  void bitsInLoopsAreSavedForTheReverse() {
    for (int seed : new int[] {1, -99, 123456789}) {
      GradCheck.check(C, "bitsInLoop", new double[] {0.5, -1.0, 2.0, 3.5, -0.25}, seed);
    }
  }

  @Test
  void charLoopCounter() {
    for (double x : new double[] {-0.75, 0.5, 1.5}) {
      GradCheck.check(C, "charLoop", x);
    }
  }

  @Test
  void charArgumentsReachHelpersAsChars() {
    for (double x : new double[] {-1.0, 2.5}) {
      GradCheck.check(C, "calls", x, 'k', (short) -4);
    }
    // d/dx = c + 2c + |s| for c = 'k' (107), s = -4
    assertEquals(107.0 + 214 + 4, grad("calls", 2.5, 'k', (short) -4).get("x"));
  }

  /**
   * Regression (narrow parameters shown as int): the generated method took {@code int} where the
   * source takes {@code char}, {@code byte} or {@code short}, so it was not the same signature.
   * Passing such a parameter on to a helper must not need (or write) a cast.
   */
  @Test
  void narrowParametersKeepTheirDeclaredTypes() throws Exception {
    Compiled c =
        Compiled.members(
            """
            static double scale(double x, char c, byte b) {
              return c == 'a' ? x * b : x;
            }

            static double power(double x, short n) {
              double p = 1;
              for (short k = 0; k < n; k++) {
                p *= x;
              }
              return p;
            }

            @Differentiable(forward = true, hessian = true)
            static double f(double r, char axis, short s, byte b) {
              byte sign = axis == 'x' ? (byte) 1 : (byte) -1;
              axis++;
              s += 3;
              return sign * r + scale(r, axis, b) + s * r + power(r, s);
            }
            """);
    assertTrue(c.succeeded(), c::diagnostics);
    Class<?> grad = c.loadClass("p.CGrad");
    grad.getMethod("f", double.class, char.class, short.class, byte.class);
    grad.getMethod("fJvp", double.class, char.class, short.class, byte.class, double.class);
    grad.getMethod("fHvp", double.class, char.class, short.class, byte.class, double.class);
    grad.getMethod("fHessian", double.class, char.class, short.class, byte.class);
    for (double r : new double[] {-1.5, 0.7}) {
      for (char axis : new char[] {'x', '`'}) {
        GradCheck.check(c, "f", r, axis, (short) 2, (byte) -3);
      }
    }
    // r = 2, axis 'x' then 'y', s = 5, b = 4: d/dr = 1 + 1 + 5 + 5 r^4
    assertEquals(7 + 5 * 16.0, Compiled.components(c.call("p.CGrad", "f", 2.0, 'x', (short) 2, (byte) 4)).get("r"));
  }
}
