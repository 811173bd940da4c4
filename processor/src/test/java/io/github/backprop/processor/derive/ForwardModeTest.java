package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward mode over the methods of the other gradient tests, each compiled again with {@code
 * forward = true}: at random points, along random directions, every {@code mJvp} agrees with the
 * reverse-mode gradient dotted with the direction and with central differences ({@link JvpCheck}).
 */
class ForwardModeTest {
  /** The methods of each test class whose source is read here. */
  private static String source(String test) {
    return switch (test) {
      case "StraightLine" -> StraightLineTest.SOURCE;
      case "Branches" -> BranchesTest.SOURCE;
      case "Loops" -> LoopsTest.SOURCE;
      case "Jumps" -> JumpsTest.SOURCE;
      case "Arrays" -> ArraysTest.SOURCE;
      case "Realistic" -> RealisticTest.SOURCE;
      case "Edges" -> EdgesTest.SOURCE;
      case "Remainder" -> RemainderTest.SOURCE;
      case "IntegerOps" -> IntegerOpsTest.SOURCE;
      case "AssignmentsInExpressions" -> AssignmentsInExpressionsTest.SOURCE;
      default -> throw new IllegalArgumentException(test);
    };
  }

  /** Every {@code @Differentiable} of the source with {@code forward = true} added. */
  static String forward(String source) {
    return source
        .replace("@Differentiable(", "@Differentiable(forward = true, ")
        .replaceAll("@Differentiable(?![(\\w])", "@Differentiable(forward = true)");
  }

  @ParameterizedTest
  @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @ValueSource(strings = {"StraightLine", "Branches", "Loops", "Jumps", "Arrays", "Realistic", "Edges", "Remainder", "IntegerOps", "AssignmentsInExpressions"})
  void tangentsAgreeWithReverseModeAndDifferences(String test) {
    Compiled c = Compiled.members(forward(source(test)));
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(test.hashCode());
    TreeMap<String, Integer> checked = new TreeMap<>();
    for (Method m : c.loadClass("p.CGrad").getDeclaredMethods()) {
      if (!m.getName().endsWith("Jvp")) {
        continue;
      }
      String name = m.getName().substring(0, m.getName().length() - 3);
      Method primal = primal(c, name, m.getParameterCount());
      int ran = 0;
      // Random shapes fit some methods only now and then: up to 40 points for 4 that run.
      for (int k = 0; k < 40 && ran < 4; k++) {
        Object[] point = randomPoint(primal, random);
        if (JvpCheck.check(c, "p.C", "p.CGrad", name, point, random, 3).ran()) {
          ran++;
        }
      }
      checked.put(name, ran);
    }
    assertTrue(checked.size() > 3, "methods with forward mode: " + checked);
    checked.forEach((name, ran) -> assertTrue(ran > 0, name + " ran at no random point: " + checked));
  }

  /** The primal of a Jvp: the method of that name with fewer parameters. */
  private static Method primal(Compiled c, String name, int jvpArity) {
    Method found = null;
    for (Method m : c.loadClass("p.C").getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() < jvpArity && m.getReturnType().isPrimitive()) {
        assertEquals(null, found, "overloads of " + name);
        found = m;
      }
    }
    return found;
  }

  /** Doubles in [1.1, 1.9] (above 1, where the loops of the tests end), arrays of 2 to 5 of them (2 to 4 square), small counts, coin flips. */
  static Object[] randomPoint(Method m, Random random) {
    List<Object> out = new ArrayList<>();
    for (Class<?> t : m.getParameterTypes()) {
      out.add(randomOf(t, random));
    }
    return out.toArray();
  }

  private static Object randomOf(Class<?> t, Random random) {
    if (t == double.class) {
      return 1.1 + 0.8 * random.nextDouble();
    }
    if (t == int.class) {
      return 1 + random.nextInt(3);
    }
    if (t == char.class) {
      return (char) ('a' + random.nextInt(3));
    }
    if (t == byte.class) {
      return (byte) (1 + random.nextInt(3));
    }
    if (t == short.class) {
      return (short) (1 + random.nextInt(3));
    }
    if (t == long.class) {
      return 1L + random.nextInt(4);
    }
    if (t == boolean.class) {
      return random.nextBoolean();
    }
    if (t == double[].class) {
      double[] a = new double[2 + random.nextInt(4)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (Double) randomOf(double.class, random);
      }
      return a;
    }
    if (t == double[][].class) {
      double[][] a = new double[2 + random.nextInt(3)][];
      int columns = 2 + random.nextInt(3);
      for (int i = 0; i < a.length; i++) {
        a[i] = new double[columns];
        for (int j = 0; j < columns; j++) {
          a[i][j] = (Double) randomOf(double.class, random);
        }
      }
      return a;
    }
    if (t == int[].class) {
      int[] a = new int[2 + random.nextInt(4)];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt(4);
      }
      return a;
    }
    throw new AssertionError("no random " + t);
  }
}
