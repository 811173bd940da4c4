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
    assertTrue(message.startsWith("[BackpropUnsupported] this record declared in the method cannot be read: backprop reads one from a copy"), message);
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

  /** A name the record uses that is both a member of the class and a single import of the file: the copy would see the import. */
  @Test
  void aNameThatIsBothAMemberAndAnImport() {
    String src =
        """
        package p;

        import static java.lang.Math.max;

        import io.github.backprop.Differentiable;

        class C {
          static double max(double a, double b) {
            return a + b;
          }

          @Differentiable static double f(double x) {
            record P(double v) {
              double twice() {
                return max(v, v);
              }
            }
            return new P(x).twice() * x;
          }
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.compile("p.C", src).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.contains("record P uses 'max', which names both a member of its class and an import of the file"), message);
    assertEquals(13, errors.get(0).getLineNumber());
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

  @Test
  void aLocalRecordUsingAMemberOfAClassInTheUnnamedPackage() {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.compile(
            "Plain",
            """
            import io.github.backprop.Differentiable;

            class Plain {
              static final double SCALE = 2;

              @Differentiable
              static double f(double x) {
                record P(double v) {
                  double scaled() {
                    return v * SCALE;
                  }
                }
                return new P(x).scaled();
              }
            }
            """).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.contains("record P uses 'SCALE', a member of its class") && message.contains("unnamed package"), message);
    assertTrue(message.contains("put the class in a package, or move the record unchanged to a member of the class"), message);
    assertEquals(8, errors.get(0).getLineNumber());
  }

  private static Diagnostic<? extends JavaFileObject> onlyError(String members) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }
}
