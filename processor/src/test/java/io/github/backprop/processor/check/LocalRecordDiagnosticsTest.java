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
 * A record declared inside a differentiable method is read from a copy backprop writes of the
 * declaration (derive/LocalRecordsTest). Where the copy cannot stand for it, one error at the
 * record says why and what to write: a name private to the class, which the copy cannot reach,
 * or two records of one name in one method.
 */
class LocalRecordDiagnosticsTest {
  @Test
  void aLocalRecordUsingAPrivateConstantNamesItAndTheWayOut() {
    String src =
        """
        private static final double SCALE = 2;

        @Differentiable static double dist(double x1, double y1, double x2, double y2) {
          record P(double x, double y) {
            double scaled() {
              return x * SCALE;
            }
          }
          P a = new P(x1, y1);
          P b = new P(x2, y2);
          double dx = a.scaled() - b.scaled();
          double dy = a.y() - b.y();
          return Math.sqrt(dx * dx + dy * dy);
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] backprop reads a record declared in a method from a copy"), message);
    assertTrue(message.contains("record P uses 'SCALE', which is private to its class"), message);
    assertTrue(message.contains("make 'SCALE' package-private, or move the record unchanged to a member of the class"), message);
    assertEquals(9, e.getLineNumber()); // members start on line 6
    assertEquals(3, e.getColumnNumber());
  }

  @Test
  void twoLocalRecordsOfOneName() {
    String src =
        """
        @Differentiable static double f(double x) {
          double s = 0;
          if (x > 0) {
            record P(double v) {}
            s = new P(x).v();
          } else {
            record P(double v, double w) {}
            s = new P(x, x).w();
          }
          return s * x;
        }
        """;
    Diagnostic<? extends JavaFileObject> e = onlyError(src);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.contains("'f' declares two records named P, which backprop cannot tell apart: rename one"), message);
  }

  /** A private constant read by the method itself, not the record, is fine: the record is copied. */
  @Test
  void aPrivateConstantOfTheMethodItselfIsFine() {
    Compiled c = Compiled.members(
        """
        private static final double SCALE = 2;

        @Differentiable static double dist(double x1, double x2) {
          record P(double x) {}
          return (new P(x1).x() - new P(x2).x()) * SCALE;
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    io.github.backprop.processor.testing.GradCheck.check(c, "dist", 1.0, 2.0);
  }

  private static Diagnostic<? extends JavaFileObject> onlyError(String members) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }
}
