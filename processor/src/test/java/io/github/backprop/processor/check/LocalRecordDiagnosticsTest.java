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
 * A record declared inside a differentiable method: javac makes its class only after annotation
 * processing, so it stays an error, one at the declaration, naming the record, its components
 * and the class to move it into. The same record declared beside the method works (RecordLocalsTest).
 */
class LocalRecordDiagnosticsTest {
  @Test
  void aLocalRecordNamesItselfAndWhereToMoveIt() {
    String src =
        """
        @Differentiable static double dist(double x1, double y1, double x2, double y2) {
          record P(double x, double y) {
            static final int DIMENSIONS = 2;
          }
          P a = new P(x1, y1);
          P b = new P(x2, y2);
          double dx = a.x() - b.x();
          double dy = a.y() - b.y();
          return Math.sqrt(dx * dx + dy * dy);
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(src).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] local records are not supported: declare them outside the method"), message);
    assertTrue(message.contains("move 'record P(double x, double y) {...}' unchanged to a member of 'C'"), message);
    assertTrue(message.contains("only after annotation processing"), message);
    assertEquals(7, errors.get(0).getLineNumber()); // members start on line 6
    assertEquals(3, errors.get(0).getColumnNumber());
  }

  /** The advice works: the record moved beside the method, as written, differentiates. */
  @Test
  void theSameRecordBesideTheMethodDifferentiates() {
    Compiled c = Compiled.members(
        """
        record P(double x, double y) {}

        @Differentiable static double dist(double x1, double y1, double x2, double y2) {
          P a = new P(x1, y1);
          P b = new P(x2, y2);
          double dx = a.x() - b.x();
          double dy = a.y() - b.y();
          return Math.sqrt(dx * dx + dy * dy);
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    io.github.backprop.processor.testing.GradCheck.check(c, "dist", 1.0, 2.0, 4.0, 6.0);
  }
}
