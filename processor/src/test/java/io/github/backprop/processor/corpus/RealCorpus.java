package io.github.backprop.processor.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real-code corpus: methods named in {@code corpus/real-methods.txt}, read at test time from
 * the libraries' published sources jars (copied by the build into {@code target/corpus-sources})
 * and cut out with {@link MethodExtractor}. No library code is checked in: the list names the
 * library, the file and the method, and the points to check the gradient at.
 */
final class RealCorpus {
  static final Path LIST = Path.of("src/test/resources/corpus/real-methods.txt");
  static final Path SOURCES = Path.of("target/corpus-sources");

  /** Where each library's code comes from, and its licence. */
  static final Map<String, String> LIBRARIES = Map.of(
      "hipparchus-core", "org.hipparchus:hipparchus-core 4.0.3 (github.com/Hipparchus-Math/hipparchus), Apache-2.0",
      "commons-math3", "org.apache.commons:commons-math3 3.6.1 (github.com/apache/commons-math), Apache-2.0",
      "commons-numbers-gamma", "org.apache.commons:commons-numbers-gamma 1.1 (github.com/apache/commons-numbers), Apache-2.0",
      "orekit", "org.orekit:orekit 13.0 (github.com/CS-SI/Orekit), Apache-2.0",
      "smile-math", "com.github.haifengl:smile-math 1.5.3 (github.com/haifengl/smile, Apache-2.0 up to 1.5.x), Apache-2.0",
      "strata-math", "com.opengamma.strata:strata-math 2.12.0 (github.com/OpenGamma/Strata), Apache-2.0",
      "strata-pricer", "com.opengamma.strata:strata-pricer 2.12.0 (github.com/OpenGamma/Strata), Apache-2.0");

  private RealCorpus() {}

  /** Units in list order; a method that cannot be extracted becomes a unit whose source is null. */
  static List<CorpusUnit> load(int firstIndex) throws IOException {
    List<CorpusUnit> out = new ArrayList<>();
    Map<String, ZipFile> jars = new HashMap<>();
    Map<String, Parsed> cache = new HashMap<>();
    try {
      int index = firstIndex;
      for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|");
        String artifact = f[0].trim();
        String path = f[1].trim();
        String spec = f[2].trim();
        List<String> points = Points.split(f[3]);
        String method = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
        List<String> types = spec.contains("(")
            ? Arrays.stream(spec.substring(spec.indexOf('(') + 1, spec.length() - 1).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()
            : null;
        String file = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
        String id = artifact + "/" + file + "." + spec;
        String pkg = "corpus.u" + index++;
        String origin = LIBRARIES.get(artifact) + ", " + path + ", " + spec;
        try {
          Parsed parsed = cache.computeIfAbsent(artifact + "!" + path,
              k -> Parsed.parse(file + ".java", read(jars, artifact, path)));
          String dir = path.substring(0, path.lastIndexOf('/') + 1);
          MethodExtractor x = new MethodExtractor(parsed, path, sibling -> {
            try {
              return cache.computeIfAbsent(artifact + "!" + dir + sibling + ".java",
                  k -> Parsed.parse(sibling + ".java", read(jars, artifact, dir + sibling + ".java")));
            } catch (IllegalArgumentException e) {
              return null; // no such file in the package: a class of the JDK or of another package
            }
          });
          String source = x.extract(pkg, method, types);
          String helpers = x.helpers.isEmpty() ? "" : "; kept as written: " + String.join(", ", x.helpers);
          out.add(new CorpusUnit(id, pkg, x.className(), source, method, types, points,
              origin + "; changes: " + String.join(", ", x.changes) + helpers, x.returnsArray));
        } catch (RuntimeException e) {
          out.add(new CorpusUnit(id, pkg, file, null, method, types, points, origin + "; not extracted: " + e.getMessage(), false));
        }
      }
    } finally {
      for (ZipFile z : jars.values()) {
        z.close();
      }
    }
    return out;
  }

  private static String read(Map<String, ZipFile> jars, String artifact, String path) {
    try {
      ZipFile jar = jars.get(artifact);
      if (jar == null) {
        Path file;
        try (Stream<Path> files = Files.list(SOURCES)) {
          file = files.filter(p -> p.getFileName().toString().startsWith(artifact + "-")
                  && p.getFileName().toString().endsWith("sources.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(
                  "no sources jar of " + artifact + " in " + SOURCES + ": run the build (mvn test) to copy it"));
        }
        jar = new ZipFile(file.toFile());
        jars.put(artifact, jar);
      }
      ZipEntry e = jar.getEntry(path);
      if (e == null) {
        throw new IllegalArgumentException("no " + path + " in the " + artifact + " sources");
      }
      return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
