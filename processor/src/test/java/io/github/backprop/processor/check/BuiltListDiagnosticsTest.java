package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a list built in the method may not do: a list of doubles is held as a growing double[]
 * (derive/BuiltListsTest), read through add, get, set, size, isEmpty, clear and an enhanced for;
 * anything else is one error at the use, naming what works and what to write instead.
 */
class BuiltListDiagnosticsTest {
  private static final String HEADER = "package p;\n\nimport io.github.backprop.Differentiable;\nimport java.util.ArrayList;\nimport java.util.List;\n\nclass C {\n";

  @Test
  void aListThatDoesNotStartEmpty() {
    String src =
        """
        @Differentiable static double f(double x, double y) {
          List<Double> xs = List.of(x, y);
          return xs.get(0) * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    assertTrue(e.getMessage(Locale.ROOT).contains("must start as a new, empty ArrayList ('new ArrayList<>()')"), e::toString);
    assertTrue(e.getMessage(Locale.ROOT).contains("'List.of(x, y)' is not one: add its values one by one"), e::toString);
    assertEquals(9, e.getLineNumber());
  }

  @Test
  void aListPassedOn() {
    String src =
        """
        static double sum(List<Double> v) {
          return v.size();
        }

        @Differentiable static double f(double x) {
          List<Double> xs = new ArrayList<>();
          xs.add(x);
          return sum(xs) * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] backprop holds the list 'xs' built in this method as a growing double[]"), message);
    assertTrue(message.contains("add(v), get(i), set(i, v), size(), isEmpty(), clear(), Collections.max and min, and an enhanced for; 'xs' is none of these"), message);
    assertEquals(15, e.getLineNumber());
    assertEquals(14, e.getColumnNumber());
  }

  @Test
  void anInsertionAtAnIndex() {
    String src =
        """
        @Differentiable static double f(double x) {
          List<Double> xs = new ArrayList<>();
          xs.add(0, x);
          return xs.get(0) * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    assertTrue(e.getMessage(Locale.ROOT).contains("'xs.add(0, x)' is none of these"), e::toString);
    assertEquals(10, e.getLineNumber());
  }

  @Test
  void aListChangedInsideTheLoopOverIt() {
    String src =
        """
        @Differentiable static double f(double x) {
          List<Double> xs = new ArrayList<>();
          xs.add(x);
          for (double v : xs) {
            if (v < 10) {
              xs.add(v * 2);
            }
          }
          return xs.size() * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    assertTrue(e.getMessage(Locale.ROOT).contains("the list 'xs' is changed inside the enhanced for over it, where Java's iterator throws"
        + " ConcurrentModificationException"), e::toString);
    assertEquals(11, e.getLineNumber());
  }

  @Test
  void aListOfIntegers() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          List<Integer> ks = new ArrayList<>();
          ks.add(n);
          return ks.get(0) * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    assertTrue(e.getMessage(Locale.ROOT).contains("a list of other numbers would carry derivatives through boxes"), e::toString);
    assertEquals(9, e.getLineNumber());
  }

  private static Diagnostic<? extends JavaFileObject> onlyError(String members) {
    List<Diagnostic<? extends JavaFileObject>> errors = Compiled.compile("p.C", HEADER + members + "}\n").compilation().diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }
}
