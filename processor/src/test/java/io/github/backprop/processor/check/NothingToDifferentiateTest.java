package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A record array is data unless wrt names it, so a method whose only numbers are in record
 * arrays would get a gradient of nothing: backprop warns at the parameter, and says what to write.
 */
class NothingToDifferentiateTest {
  private static final String POINT = """
      record Point(double x, double y) {
        double cross(Point o) { return x * o.y - y * o.x; }
      }
      """;

  private static List<Diagnostic<? extends JavaFileObject>> warnings(Compilation c) {
    return c.warnings().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
  }

  @Test
  void onlyRecordArraysWarnsAtTheArray() {
    String src = POINT + """
        @Differentiable static double area(Point[] pts) {
          double a = 0;
          for (int i = 0; i < pts.length; i++) {
            a += pts[i].cross(pts[(i + 1) % pts.length]);
          }
          return Math.abs(a) / 2;
        }
        """;
    Compilation c = Compiled.members(src).compilation();
    // The tests compile with -Werror, as a careful build does: the warning is then its one error.
    assertTrue(c.errors().stream().allMatch(e -> e.getMessage(Locale.ROOT).contains("-Werror")), () -> c.diagnostics().toString());
    List<Diagnostic<? extends JavaFileObject>> ours = warnings(c);
    assertEquals(1, ours.size(), () -> c.diagnostics().toString());
    Diagnostic<? extends JavaFileObject> d = ours.get(0);
    assertEquals(at(src, "Point[] pts", "pts"), new MemberDiagnostics.Pos((int) d.getLineNumber(), (int) d.getColumnNumber()));
    String message = d.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropSignature] 'area' has nothing to differentiate"), message);
    assertTrue(message.contains("@Differentiable(wrt = \"pts\")"), message);
  }

  @Test
  void onlyAListOfRecordsWarnsAndSaysToTakeAnArray() {
    String src = POINT + """
        @Differentiable static double first(java.util.List<Point> pts) {
          return pts.get(0).cross(pts.get(1));
        }
        """;
    Compilation c = Compiled.members(src).compilation();
    List<Diagnostic<? extends JavaFileObject>> ours = warnings(c);
    assertEquals(1, ours.size(), () -> c.diagnostics().toString());
    assertEquals(at(src, "Point> pts", "pts"), new MemberDiagnostics.Pos((int) ours.get(0).getLineNumber(), (int) ours.get(0).getColumnNumber()));
    String message = ours.get(0).getMessage(Locale.ROOT);
    assertTrue(message.contains("a list of records such as 'pts' is read as data"), message);
    assertTrue(message.contains("take an array (Point[] pts) and write @Differentiable(wrt = \"pts\")"), message);
  }

  @Test
  void namedInWrtOrBesideADoubleNoWarning() {
    String src = POINT + """
        @Differentiable(wrt = "pts") static double area(Point[] pts) {
          return pts[0].cross(pts[1]) / 2;
        }

        @Differentiable static double scaled(Point[] pts, double k) {
          return k * pts[0].cross(pts[1]);
        }

        @Differentiable static double count(int n) {
          return n * 2.0;
        }
        """;
    Compilation c = Compiled.members(src).compilation();
    assertTrue(c.errors().isEmpty(), () -> c.diagnostics().toString());
    assertEquals(List.of(), warnings(c));
  }
}
