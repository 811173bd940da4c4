package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HotSpot compiles no method of more than 8,000 bytes of bytecode ({@code -XX:HugeMethodLimit},
 * {@code DontCompileHugeMethods}): such a gradient runs in the interpreter, about twenty times
 * slower. A checkpointed loop's body appears three times in its gradient (the forward run, the
 * reverse sweep's runs again, and its taped run before the reverse); these Runge-Kutta
 * integrations, a Lorenz system of scalars and a three-body problem of arrays through a helper
 * read in place four times a step, keep their gradients under that limit.
 */
class CheckpointedMethodSizeTest {
  /** A three-body Runge-Kutta integration, written three ways: marked, under the setting, store-all. */
  private static final String RK4 =
      """
      @Differentiable(wrt = "y0")ABOVE
      public static double NAME(double[] y0, double[] m, double h, int steps) {
        int k = y0.length;
        double[] y = y0.clone();
        double[] k1 = new double[k];
        double[] k2 = new double[k];
        double[] k3 = new double[k];
        double[] k4 = new double[k];
        double[] t = new double[k];
        for (MARK int s = 0; s < steps; s++) {
          rhs(y, m, k1);
          for (int i = 0; i < k; i++) {
            t[i] = y[i] + 0.5 * h * k1[i];
          }
          rhs(t, m, k2);
          for (int i = 0; i < k; i++) {
            t[i] = y[i] + 0.5 * h * k2[i];
          }
          rhs(t, m, k3);
          for (int i = 0; i < k; i++) {
            t[i] = y[i] + h * k3[i];
          }
          rhs(t, m, k4);
          for (int i = 0; i < k; i++) {
            y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
          }
        }
        double e = 0;
        for (int i = 0; i < k; i++) {
          e += y[i] * y[i];
        }
        return e;
      }
      """;

  static final String SOURCE =
      """
      package p;

      import io.github.backprop.CheckpointLoops;
      import io.github.backprop.Checkpointed;
      import io.github.backprop.Differentiable;

      class C {
      /** Lorenz system by classical Runge-Kutta. */
      @Differentiable
      public static double lorenz(double s, double r, double b, double x0, double y0, double z0, double h, int steps) {
        double x = x0;
        double y = y0;
        double z = z0;
        for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++) {
          double k1x = s * (y - x);
          double k1y = x * (r - z) - y;
          double k1z = x * y - b * z;
          double x2 = x + 0.5 * h * k1x;
          double y2 = y + 0.5 * h * k1y;
          double z2 = z + 0.5 * h * k1z;
          double k2x = s * (y2 - x2);
          double k2y = x2 * (r - z2) - y2;
          double k2z = x2 * y2 - b * z2;
          double x3 = x + 0.5 * h * k2x;
          double y3 = y + 0.5 * h * k2y;
          double z3 = z + 0.5 * h * k2z;
          double k3x = s * (y3 - x3);
          double k3y = x3 * (r - z3) - y3;
          double k3z = x3 * y3 - b * z3;
          double x4 = x + h * k3x;
          double y4 = y + h * k3y;
          double z4 = z + h * k3z;
          double k4x = s * (y4 - x4);
          double k4y = x4 * (r - z4) - y4;
          double k4z = x4 * y4 - b * z4;
          x = x + h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
          y = y + h / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
          z = z + h / 6 * (k1z + 2 * k2z + 2 * k3z + k4z);
        }
        return x * x + y * y + z * z;
      }

      /** Derivative of the planar n-body state y = (x, y, vx, vy per body). */
      static void rhs(double[] y, double[] m, double[] dy) {
        int n = m.length;
        for (int i = 0; i < n; i++) {
          dy[4 * i] = y[4 * i + 2];
          dy[4 * i + 1] = y[4 * i + 3];
          double ax = 0;
          double ay = 0;
          for (int j = 0; j < n; j++) {
            if (j != i) {
              double rx = y[4 * j] - y[4 * i];
              double ry = y[4 * j + 1] - y[4 * i + 1];
              double r2 = rx * rx + ry * ry + 1e-3;
              double f = m[j] / (r2 * Math.sqrt(r2));
              ax += f * rx;
              ay += f * ry;
            }
          }
          dy[4 * i + 2] = ax;
          dy[4 * i + 3] = ay;
        }
      }

      RK4
      }
      """
          .replace("RK4", rk4("rk4", "", "@Checkpointed(snapshots = 64)") + rk4("rk4Above", "\n@CheckpointLoops(above = 50)", "")
              + rk4("rk4All", "", ""));

  private static String rk4(String name, String above, String mark) {
    return RK4.replace("NAME", name).replace("ABOVE", above).replace("MARK ", mark.isEmpty() ? "" : mark + " ")
        .indent(6).stripLeading();
  }

  private static Compiled c;

  @BeforeAll
  static void compile() {
    c = Compiled.compile("p.C", SOURCE);
    assertTrue(c.succeeded(), c.diagnostics());
  }

  /** HotSpot's {@code HugeMethodLimit}. */
  private static final int HUGE = 8000;

  @Test
  void rungeKuttaGradientsStayUnderHotSpotsLimit() throws IOException {
    Map<String, Integer> sizes = codeLengths(c, "p/CGrad.class");
    int lorenz = sizes.get("lorenz(DDDDDDDI)Lp/CGrad$Lorenz;");
    int bodies = sizes.get("rk4([D[DDI[D)D");
    assertTrue(lorenz > 1000 && lorenz < HUGE, "lorenz: " + lorenz + " bytes");
    assertTrue(bodies > 1000 && bodies < HUGE, "rk4: " + bodies + " bytes");
    // The gradient is the checkpointed one: the schedule's drivers are there.
    assertTrue(c.source("p.CGrad").contains("_cp0.reverse()"));
    assertEquals(2, c.source("p.CGrad").split("new Checkpoints\\(").length - 1);
  }

  /**
   * Under {@code @CheckpointLoops} a gradient holds the loop's two paths, taped in full up to the
   * bound and checkpointed beyond: for this Runge-Kutta step about 9,200 bytes, which ran twenty
   * times slower than the loop without the annotation. Where the two would pass HotSpot's limit,
   * the gradient holds the checkpointed path alone, which runs a loop up to the bound once
   * without the tape and once with it; the same gradient, bit for bit, on either side.
   */
  @Test
  void checkpointLoopsPastHotSpotsLimitHoldsTheCheckpointedPathAlone() throws IOException {
    int above = codeLengths(c, "p/CGrad.class").get("rk4Above([D[DDI[D)D");
    assertTrue(above > 1000 && above < HUGE, "rk4Above: " + above + " bytes");
    String source = c.source("p.CGrad");
    assertTrue(source.contains("Checkpoints.beyondOrRerun((long) _e0 - _f0, 50, 64, 64)"), source);
    assertTrue(!source.contains("Checkpoints.beyond("), "no second path");
    double[] y0 = {1, 0, 0, 0.5, -1, 0, 0, -0.5, 0, 1, -0.5, 0};
    double[] m = {1, 1.5, 0.7};
    for (int steps : new int[] {0, 1, 49, 50, 51, 130}) {
      double[] checkpointed = new double[12];
      double[] storeAll = new double[12];
      double v = (Double) c.call("p.CGrad", "rk4Above", y0, m, 1e-2, steps, checkpointed);
      double w = (Double) c.call("p.CGrad", "rk4All", y0, m, 1e-2, steps, storeAll);
      assertEquals(w, v, 0.0, "value at " + steps + " steps");
      assertArrayEquals(storeAll, checkpointed, 0.0, "gradient at " + steps + " steps");
    }
  }

  /** Each method's name and descriptor, with the length of its code, read from a class file. */
  static Map<String, Integer> codeLengths(Compiled compiled, String path) throws IOException {
    for (JavaFileObject f : compiled.compilation().generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS && f.toUri().getPath().endsWith("/" + path)) {
        try (InputStream in = f.openInputStream()) {
          return codeLengths(in.readAllBytes());
        }
      }
    }
    throw new AssertionError("no " + path);
  }

  private static Map<String, Integer> codeLengths(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    in.skipBytes(8); // magic, minor and major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.skipBytes(6); // access, this class, super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
    Map<String, Integer> out = new HashMap<>();
    int methods = in.readUnsignedShort();
    for (int i = 0; i < methods; i++) {
      in.skipBytes(2);
      String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("Code")) {
          in.skipBytes(4); // max stack, max locals
          out.put(name, in.readInt());
          in.skipBytes(length - 8);
        } else {
          in.skipBytes(length);
        }
      }
    }
    return out;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
