package io.github.backprop.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every main source file of the processor stays small enough to read as one job. */
class SourceSizeTest {
  private static final int MOST_LINES = 600;

  @Test
  void noMainSourceFileReachesSixHundredLines() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> over;
    try (Stream<Path> files = Files.walk(main)) {
      over = files.filter(f -> f.toString().endsWith(".java")).sorted()
          .map(f -> f + " " + lines(f)).filter(s -> Integer.parseInt(s.substring(s.lastIndexOf(' ') + 1)) >= MOST_LINES).toList();
    }
    assertEquals(List.of(), over, "split these files by job");
  }

  private static long lines(Path f) {
    try (Stream<String> l = Files.lines(f)) {
      return l.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
