package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed gradient through a long Euler integration fits a heap that the store-all one
 * cannot: each runs in a JVM of its own with a small {@code -Xmx}. The checkpointed ∂/∂x0 must
 * equal forward mode's, which needs no tape, to rounding. Ten million steps in 64 MB run by
 * default; a hundred million in 512 MB with {@code -Dbackprop.checkpoint.long=true}.
 */
class CheckpointedMemoryTest {
  static final String SOURCE =
      """
      package p;

      import io.github.backprop.CheckpointLoops;
      import io.github.backprop.Checkpointed;
      import io.github.backprop.Differentiable;

      class C {
        @Differentiable(forward = true)
        static double oscillator(double k, double c, double x0, double v0, double dt, int steps) {
          double x = x0;
          double v = v0;
          for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++) {
            double a = -k * x - c * v;
            x = x + dt * v;
            v = v + dt * a;
          }
          return x * x + v * v;
        }

        @Differentiable(forward = true)
        @CheckpointLoops(above = 1_000_000)
        static double above(double k, double c, double x0, double v0, double dt, int steps) {
          double x = x0;
          double v = v0;
          for (int i = 0; i < steps; i++) {
            double a = -k * x - c * v;
            x = x + dt * v;
            v = v + dt * a;
          }
          return x * x + v * v;
        }

        @Differentiable
        static double storeAll(double k, double c, double x0, double v0, double dt, int steps) {
          double x = x0;
          double v = v0;
          for (int i = 0; i < steps; i++) {
            double a = -k * x - c * v;
            x = x + dt * v;
            v = v + dt * a;
          }
          return x * x + v * v;
        }
      }
      """;

  static final String RUN =
      """
      package p;

      public class Run {
        public static void main(String[] args) {
          int steps = Integer.parseInt(args[1]);
          double dt = 10.0 / steps;
          if (args[0].equals("checkpointed")) {
            CGrad.Oscillator g = CGrad.oscillator(3.0, 0.4, 1.0, -0.5, dt, steps);
            CGrad.OscillatorJvp t = CGrad.oscillatorJvp(3.0, 0.4, 1.0, -0.5, dt, steps, 0, 0, 1, 0, 0);
            System.out.println(g.x0() + " " + t.tangent());
          } else if (args[0].equals("above")) {
            CGrad.Above g = CGrad.above(3.0, 0.4, 1.0, -0.5, dt, steps);
            CGrad.AboveJvp t = CGrad.aboveJvp(3.0, 0.4, 1.0, -0.5, dt, steps, 0, 0, 1, 0, 0);
            System.out.println(g.x0() + " " + t.tangent());
          } else {
            System.out.println(CGrad.storeAll(3.0, 0.4, 1.0, -0.5, dt, steps).x0());
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void tenMillionStepsIn64Megabytes() throws Exception {
    compile();
    String[] out = run("64m", "checkpointed", 10_000_000);
    assertAgrees(out);
    Result all = exec("64m", "storeAll", 10_000_000);
    assertNotEquals(0, all.exit, "store-all fits 64 MB after all:\n" + all.output);
  }

  /** Beyond the bound of {@code @CheckpointLoops}, the unmarked loop is checkpointed too. */
  @Test
  void tenMillionStepsIn64MegabytesPastTheBoundOfCheckpointLoops() throws Exception {
    compile();
    assertAgrees(run("64m", "above", 10_000_000));
  }

  @Test
  @EnabledIfSystemProperty(named = "backprop.checkpoint.long", matches = "true")
  void aHundredMillionStepsIn512Megabytes() throws Exception {
    compile();
    assertAgrees(run("512m", "checkpointed", 100_000_000));
  }

  private static void assertAgrees(String[] out) {
    double reverse = Double.parseDouble(out[0]);
    double forward = Double.parseDouble(out[1]);
    assertTrue(Double.isFinite(reverse) && reverse != 0, String.join(" ", out));
    assertEquals(forward, reverse, 1e-9 * Math.abs(forward), "reverse against forward mode");
  }

  private void compile() throws IOException {
    Compiled c = Compiled.compileAll(java.util.Map.of("p.C", SOURCE, "p.Run", RUN));
    assertTrue(c.succeeded(), c.diagnostics());
    for (JavaFileObject f : c.compilation().generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        Path to = dir.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
        Files.createDirectories(to.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.write(to, in.readAllBytes());
        }
      }
    }
  }

  private String[] run(String heap, String which, int steps) throws Exception {
    Result r = exec(heap, which, steps);
    assertEquals(0, r.exit, r.output);
    return r.output.trim().split(" ");
  }

  private record Result(int exit, String output) {}

  private Result exec(String heap, String which, int steps) throws Exception {
    String runtime = Path.of(io.github.backprop.Checkpoints.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(dir + java.io.File.pathSeparator + runtime);
    cmd.add("p.Run");
    cmd.add(which);
    cmd.add(Integer.toString(steps));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
