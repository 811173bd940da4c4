package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * switch on char, byte and short, on a String and on an enum; String and enum parameters and
 * locals compared with == and equals and passed to calls, each against finite differences on
 * every branch, and a null selector throwing as Java's switch does.
 */
class SwitchTypesTest {
  static final Compiled C =
      Compiled.members(
          """
          enum Mode { FAST, SLOW, EXACT }

          static final String SQUARE = "square";

          @SuppressWarnings("fallthrough")
          @Differentiable static double onChar(double x, char op) {
            switch (op) {
              case 'a':
                return x * x;
              case 'b':
              case 'c':
                x = Math.sin(x);
              default:
                return 3 * x;
            }
          }

          @Differentiable static double onByte(double x, byte k) {
            return switch (k) {
              case 1 -> x * x;
              case -2 -> Math.exp(x);
              default -> x;
            };
          }

          @Differentiable static double onShort(double x, short k) {
            double y = x;
            switch (k) {
              case 300 -> y = y * x * x;
              default -> y = -y;
            }
            return y;
          }

          @Differentiable static double onCharOfString(double x, String s) {
            return switch (s.charAt(0)) {
              case 'x' -> x * x;
              case 'y' -> {
                double t = Math.cos(x);
                yield t * x;
              }
              default -> -x;
            };
          }

          @Differentiable static double onString(double x, String op) {
            double y = x;
            switch (op) {
              case SQUARE:
                y = x * x;
                break;
              case "sin":
              case "sine":
                y = Math.sin(x);
                break;
              default:
                y = -y;
            }
            return y;
          }

          @Differentiable static double stringExpression(double x, String op) {
            return switch (op) {
              case "square" -> x * x;
              case "exp", "e" -> Math.exp(x);
              default -> x;
            };
          }

          @Differentiable static double stringYield(double x, String op) {
            String local = op;
            double y = switch (local) {
              case "a": {
                double t = x * x;
                yield t + 1;
              }
              case "b":
                if (x > 1) {
                  yield x;
                }
                yield Math.log(x + 3);
              default:
                yield 2 * x;
            };
            return y * x;
          }

          @Differentiable static double onEnum(double x, Mode m) {
            double y = 0;
            switch (m) {
              case FAST -> y = x * x;
              case SLOW -> {
                y = Math.sin(x);
                y *= 2;
              }
              default -> y = x;
            }
            return y;
          }

          @Differentiable static double enumExpression(double x, Mode m) {
            return switch (m) {
              case FAST -> x * x;
              case SLOW -> Math.exp(x);
              case EXACT -> x;
            };
          }

          @Differentiable static double enumDefaultOnly(double x, Mode m) {
            switch (m) {
              default:
                x = x * x;
            }
            return x;
          }

          @Differentiable static double compare(double x, Mode m, String name) {
            double y = x;
            if (m == Mode.FAST) {
              y = y * y;
            }
            if (m != Mode.SLOW && name.equals("twice")) {
              y = 2 * y;
            }
            Mode local = Mode.EXACT;
            if (local == m || "tri".equals(name) || name == null) {
              y = y * x;
            }
            String label = name + "!";
            return y * label.length();
          }

          @Differentiable static double callsCallee(double x, Mode m, String op) {
            return onEnum(x, m) * stringExpression(x, op) + onEnum(x, Mode.SLOW);
          }

          @Differentiable static double over(double x, String s) {
            return s.isEmpty() ? x : x * x;
          }

          @Differentiable static double over(double x, Mode m) {
            return m == Mode.FAST ? x : x * x * x;
          }

          @Differentiable static double chosenByConditional(double x, String op, boolean slow) {
            String mode = x > 1 ? "big" : op;
            Mode m = slow ? Mode.SLOW : Mode.FAST;
            double y = switch (mode) {
              case "big" -> x * x;
              case "sin" -> Math.sin(x);
              default -> -x;
            };
            return m == Mode.SLOW ? y * x : y;
          }

          enum Penalty { NONE, L1, L2 }

          // The example of docs/guide.md.
          @Differentiable static double penalised(double w, Penalty kind, String link) {
            double p = switch (kind) {
              case NONE -> 0;
              case L1 -> Math.abs(w);
              case L2 -> w * w;
            };
            return link.equals("log") ? Math.log(1 + p) : p;
          }

          @Differentiable static double inLoop(double[] v, String first) {
            String op = first;
            double s = 0;
            for (int i = 0; i < v.length; i++) {
              switch (op) {
                case "add" -> {
                  s += v[i];
                  op = "mul";
                }
                case "mul" -> {
                  s = s * v[i];
                  op = "add";
                }
                default -> s = Math.sin(v[i]) + s;
              }
            }
            return s;
          }
          """);

  private static Object mode(String name) {
    for (Object c : C.loadClass("p.C$Mode").getEnumConstants()) {
      if (c.toString().equals(name)) {
        return c;
      }
    }
    throw new AssertionError(name);
  }

  private static final double[] XS = {-0.7, 0.4, 1.3, 2.1};

  @Test
  void charByteShort() {
    for (double x : XS) {
      for (char op : new char[] {'a', 'b', 'c', 'd'}) {
        GradCheck.check(C, "onChar", x, op);
      }
      for (byte k : new byte[] {1, -2, 3}) {
        GradCheck.check(C, "onByte", x, k);
      }
      for (short k : new short[] {300, 44}) {
        GradCheck.check(C, "onShort", x, k);
      }
      for (String s : new String[] {"x", "y", "z"}) {
        GradCheck.check(C, "onCharOfString", x, s);
      }
    }
  }

  @Test
  void strings() {
    for (double x : XS) {
      for (String op : new String[] {"square", "sin", "sine", "exp", "e", "other", ""}) {
        GradCheck.check(C, "onString", x, op);
        GradCheck.check(C, "stringExpression", x, op);
      }
      for (String op : new String[] {"a", "b", "c"}) {
        GradCheck.check(C, "stringYield", x, op);
      }
    }
  }

  @Test
  void enums() {
    for (double x : XS) {
      for (String m : new String[] {"FAST", "SLOW", "EXACT"}) {
        GradCheck.check(C, "onEnum", x, mode(m));
        GradCheck.check(C, "enumExpression", x, mode(m));
        GradCheck.check(C, "enumDefaultOnly", x, mode(m));
        GradCheck.check(C, "over", x, mode(m));
        for (String name : new String[] {"twice", "tri", "other"}) {
          GradCheck.check(C, "compare", x, mode(m), name);
          GradCheck.check(C, "callsCallee", x, mode(m), name.equals("other") ? "exp" : "square");
        }
      }
      GradCheck.check(C, "over", x, "");
      GradCheck.check(C, "over", x, "s");
    }
  }

  /** A String or enum chosen by {@code c ? a : b}, then switched on or compared. */
  @Test
  void stringAndEnumConditionals() {
    for (double x : XS) {
      for (String op : new String[] {"sin", "other"}) {
        GradCheck.check(C, "chosenByConditional", x, op, true);
        GradCheck.check(C, "chosenByConditional", x, op, false);
      }
    }
    // x = 2 > 1 picks "big", and slow multiplies by x: y = x^3, derivative 3 x^2 = 12.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "chosenByConditional", 2.0, "sin", true));
    assertEquals(12.0, (Double) g.get("x"));
  }

  @Test
  void guideExample() {
    for (Object kind : C.loadClass("p.C$Penalty").getEnumConstants()) {
      for (double w : XS) {
        GradCheck.check(C, "penalised", w, kind, "log");
        GradCheck.check(C, "penalised", w, kind, "id");
      }
    }
  }

  @Test
  void insideLoops() {
    for (String first : new String[] {"add", "mul", "neither"}) {
      GradCheck.check(C, "inLoop", new double[] {0.5, 1.5, -1, 2, 0.3}, first);
      GradCheck.check(C, "inLoop", new double[] {}, first);
    }
  }

  @Test
  void exactValues() {
    // 'b' falls into default: 3 sin x, whose derivative is 3 cos x.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "onChar", 0.5, 'b'));
    assertEquals(3 * Math.cos(0.5), (Double) g.get("x"), 1e-15);
    g = Compiled.components(C.call("p.CGrad", "onString", 0.5, "square"));
    assertEquals(1.0, (Double) g.get("x"));
    g = Compiled.components(C.call("p.CGrad", "enumExpression", 0.5, mode("SLOW")));
    assertEquals(Math.exp(0.5), (Double) g.get("x"), 1e-15);
    // FAST, "twice": y = 2 x^2, times "twice!".length() = 6; the derivative is 24 x.
    g = Compiled.components(C.call("p.CGrad", "compare", 0.5, mode("FAST"), "twice"));
    assertEquals(12.0, (Double) g.get("x"));
  }

  @Test
  void overloadsAreNamedByTheirParameterTypes() {
    String src = C.source("p.CGrad");
    assertTrue(src.contains("record OverDoubleString("), src);
    assertTrue(src.contains("record OverDoubleC_Mode("), src);
    assertTrue(src.contains("static OverDoubleC_Mode over(double x, C.Mode m)"), src);
  }

  /** A null String or enum selector throws NullPointerException, in the source and in the Grad. */
  @Test
  void nullSelectorsThrow() {
    for (String cls : new String[] {"p.C", "p.CGrad"}) {
      for (String name : new String[] {"onString", "stringExpression", "stringYield"}) {
        assertNullThrows(cls, name, String.class);
      }
      for (String name : new String[] {"onEnum", "enumExpression", "enumDefaultOnly"}) {
        assertNullThrows(cls, name, C.loadClass("p.C$Mode"));
      }
    }
  }

  private static void assertNullThrows(String cls, String name, Class<?> type) {
    Method m;
    try {
      m = C.loadClass(cls).getDeclaredMethod(name, double.class, type);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
    m.setAccessible(true);
    InvocationTargetException e =
        assertThrows(InvocationTargetException.class, () -> m.invoke(null, 0.5, null), cls + "." + name);
    assertEquals(NullPointerException.class, e.getCause().getClass(), cls + "." + name);
  }
}
