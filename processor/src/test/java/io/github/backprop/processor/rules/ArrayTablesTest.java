package io.github.backprop.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every public static function of {@code StatUtils} and {@code MathArrays} (both libraries) that
 * takes a {@code double[]} and returns a {@code double} or a {@code double[]} is written out, or
 * left out here with the reason: the real classes, walked by reflection.
 */
class ArrayTablesTest {
  /** Left out, by {@code name(signature)}, with why. */
  private static final Map<String, String> LEFT_OUT =
      Map.ofEntries(
          Map.entry("sumDifference(double[],double[])", "rarely used"),
          Map.entry("meanDifference(double[],double[])", "rarely used"),
          Map.entry("varianceDifference(double[],double[],double)", "rarely used"),
          Map.entry("normalize(double[])", "standardises with its own mean and deviation; rarely used on derivatives"),
          Map.entry("mode(double[])", "counts equal values: no derivative"),
          Map.entry("mode(double[],int,int)", "counts equal values: no derivative"),
          Map.entry("cosAngle(double[],double[])", "needs safeNorm"),
          Map.entry("safeNorm(double[])", "Minpack's scaled norm, many branches: write the norm yourself"),
          Map.entry("normalizeArray(double[],double)", "skips NaN and checks infinities: write the loop"),
          Map.entry("convolve(double[],double[])", "returns an array of another length: write the loop"),
          Map.entry("concatenate(double[][])", "varargs of arrays: copy with System.arraycopy"),
          Map.entry("unique(double[])", "sorts and drops duplicates: no derivative worth having"),
          Map.entry("copyOf(double[])", "use Arrays.copyOf"),
          Map.entry("copyOf(double[],int)", "use Arrays.copyOf"),
          Map.entry("copyOfRange(double[],int,int)", "use Arrays.copyOfRange"));

  @Test
  void everyFunctionOverArraysIsWrittenOutOrLeftOutWithAReason() throws Exception {
    List<String> missing = new ArrayList<>();
    TreeSet<String> written = new TreeSet<>();
    TreeSet<String> seen = new TreeSet<>();
    for (String owner : List.of("org.apache.commons.math3.stat.StatUtils", "org.hipparchus.util.MathArrays", "org.apache.commons.math3.util.MathArrays")) {
      for (Method m : Class.forName(owner).getMethods()) {
        if (!Modifier.isStatic(m.getModifiers())
            || (m.getReturnType() != double.class && m.getReturnType() != double[].class)
            || java.util.Arrays.stream(m.getParameterTypes()).noneMatch(p -> p == double[].class || p == double[][].class)) {
          continue;
        }
        String signature = signature(m);
        String key = m.getName() + "(" + signature + ")";
        seen.add(key);
        Written w = ArrayFunctions.find(owner, m.getName(), signature, placeholders(m));
        if (w == null) {
          w = Statistics.find(owner, m.getName(), signature, placeholders(m), null);
        }
        if (w != null) {
          assertTrue(!LEFT_OUT.containsKey(key), key + " is written out and listed as left out");
          written.add(key);
        } else if (!LEFT_OUT.containsKey(key)) {
          missing.add(owner + "." + key);
        }
      }
    }
    assertEquals(List.of(), missing, "neither written out nor left out with a reason");
    assertTrue(written.containsAll(ArrayFunctions.written()), written.toString());
    assertTrue(written.containsAll(List.of("mean(double[])", "variance(double[],double)", "max(double[])", "sumLog(double[],int,int)", "percentile(double[],int,int,double)")), written.toString());
    assertTrue(seen.containsAll(LEFT_OUT.keySet()), "stale entries: " + LEFT_OUT.keySet() + " against " + seen);
  }

  /**
   * Smile's rows are real public static methods returning double, and every {@code double[]}
   * method of {@code QuickSelect} is written out or a float, int or generic twin.
   */
  @Test
  void smileRowsAreSmilesMethods() throws Exception {
    TreeSet<String> found = new TreeSet<>();
    for (String owner : List.of("smile.sort.QuickSelect", "smile.math.Math")) {
      for (Method m : Class.forName(owner).getMethods()) {
        String key = owner + "." + m.getName() + "(" + signature(m) + ")";
        if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == double.class
            && SmileArrays.find(owner, m.getName(), signature(m), placeholders(m)) != null) {
          found.add(key);
        } else if (owner.equals("smile.sort.QuickSelect") && m.getDeclaringClass().getName().equals(owner)) {
          assertTrue(m.getParameterTypes()[0] != double[].class, key + " is neither written out nor a twin");
        }
      }
    }
    assertEquals(SmileArrays.written(), found);
  }

  private static String signature(Method m) {
    StringJoiner j = new StringJoiner(",");
    for (Class<?> p : m.getParameterTypes()) {
      j.add(p.getTypeName());
    }
    return j.toString();
  }

  private static List<Expr> placeholders(Method m) {
    List<Expr> out = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      Type t = p == double[].class ? Type.DOUBLE.arrayOf() : p == double.class ? Type.DOUBLE : Type.INT;
      out.add(new Expr.Ref(Var.temp("_p", t)));
    }
    return out;
  }
}
