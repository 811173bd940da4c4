package io.github.backprop.processor.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/** The Eclipse compiler's batch compiler, with backprop's processor, in this JVM. */
public final class Ecj {
  private Ecj() {}

  /** What ecj printed, and whether it compiled without errors. */
  public record Result(boolean succeeded, String log) {}

  /**
   * Compiles {@code files} at Java {@code level} (the class path of the tests, plus {@code extra}
   * options), generated sources into {@code dir/generated}, classes into {@code dir/classes}.
   */
  public static Result compile(Path dir, int level, List<String> files, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "-" + level, "-warn:none",
        // ecj's batch compiler finds processors on its class path (it ignores -processorpath).
        "-processor", "io.github.backprop.processor.BackpropProcessor",
        "-cp", System.getProperty("java.class.path"),
        "-s", dir.resolve("generated").toString(),
        "-d", dir.resolve("classes").toString()));
    args.addAll(List.of(extra));
    args.addAll(files);
    try {
      Files.createDirectories(dir.resolve("generated"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    boolean ok = BatchCompiler.compile(args.toArray(String[]::new), w, w, null);
    w.flush();
    return new Result(ok, text.toString());
  }
}
