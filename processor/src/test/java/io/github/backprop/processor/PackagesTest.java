package io.github.backprop.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages depend on each other without cycles, so the pipeline reads from the
 * folder tree: read, check, analysis, derive, write, with ir, rules and diag below them. An
 * import and a fully qualified name in code both count; comments and string literals do not.
 */
class PackagesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/github/backprop/processor");
  private static final Pattern REFERENCE =
      Pattern.compile("\\bio\\.github\\.backprop\\.processor\\.([A-Za-z_]\\w*)");
  /** The package of the classes directly in {@code io.github.backprop.processor}. */
  static final String ROOT = "(root)";

  /**
   * Edges known to close a cycle, each with what removes it. Fixing one fails {@link
   * #everyKnownEdgeStillExists} until it is taken off this list; adding to it needs a reason.
   */
  private static final Map<String, String> KNOWN =
      Map.of(
          "read -> (root)",
          "read/MethodReader and read/FieldCopies use GeneratedNames: move it below the stages",
          "write -> (root)",
          "write/TypeNames uses GeneratedNames: move it below the stages",
          "plan -> (root)",
          "plan/WrapperRecords uses GeneratedNames: move it below the stages",
          "read -> check",
          "read/MethodReader calls check/Fence.messageFor: move the messages to diag");

  @Test
  void noCycleBeyondTheKnownEdges() throws IOException {
    Map<String, Map<String, Set<String>>> graph = graph(SOURCES);
    for (String edge : KNOWN.keySet()) {
      String[] ends = edge.split(" -> ");
      graph.getOrDefault(ends[0], Map.of()).remove(ends[1]);
    }
    List<String> cycle = cycle(graph);
    assertTrue(cycle.isEmpty(), () -> "a package cycle: " + describe(cycle, graph));
  }

  @Test
  void everyKnownEdgeStillExists() throws IOException {
    Map<String, Map<String, Set<String>>> graph = graph(SOURCES);
    for (String edge : KNOWN.keySet()) {
      String[] ends = edge.split(" -> ");
      assertTrue(
          graph.getOrDefault(ends[0], Map.of()).containsKey(ends[1]),
          edge + " is gone: take it off PackagesTest.KNOWN");
    }
  }

  @Test
  void findsACycleThroughAFullyQualifiedName(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    write(dir.resolve("a/A.java"), "package io.github.backprop.processor.a;\nimport io.github.backprop.processor.b.B;\n");
    write(
        dir.resolve("b/B.java"),
        "package io.github.backprop.processor.b;\n// io.github.backprop.processor.c.C in a comment\n"
            + "class B { String s = \"io.github.backprop.processor.c.C\"; Object x = io.github.backprop.processor.c.C.X; }\n");
    write(dir.resolve("c/C.java"), "package io.github.backprop.processor.c;\nclass C { Object y = io.github.backprop.processor.a.A.Y; }\n");
    write(dir.resolve("D.java"), "package io.github.backprop.processor;\nimport io.github.backprop.processor.a.A;\n");
    Map<String, Map<String, Set<String>>> graph = graph(dir);
    assertEquals(Set.of("b"), graph.get("a").keySet());
    assertEquals(Set.of("c"), graph.get("b").keySet());
    assertEquals(Set.of("a"), graph.get(ROOT).keySet());
    assertEquals(List.of("a", "b", "c", "a"), cycle(graph));
    graph.get("c").remove("a");
    assertEquals(List.of(), cycle(graph));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Package → package it depends on → the files of the first that make the edge. */
  static Map<String, Map<String, Set<String>>> graph(Path sources) throws IOException {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(sources)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      Path dir = sources.relativize(file.getParent());
      String from = dir.toString().isEmpty() ? ROOT : dir.toString().replace('/', '.');
      String code = code(Files.readString(file));
      code = code.replaceFirst("package\\s+[\\w.]+\\s*;", "");
      Matcher m = REFERENCE.matcher(code);
      Map<String, Set<String>> out = graph.computeIfAbsent(from, k -> new TreeMap<>());
      while (m.find()) {
        String first = m.group(1);
        String to = Character.isUpperCase(first.charAt(0)) ? ROOT : first;
        if (!to.equals(from)) {
          out.computeIfAbsent(to, k -> new TreeSet<>()).add(sources.relativize(file).toString());
        }
      }
    }
    return graph;
  }

  /** Java source with comments and the contents of string and char literals blanked out. */
  static String code(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        int end = src.indexOf('\n', i);
        i = end < 0 ? src.length() : end;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? src.length() : end + 2;
        out.append(' ');
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        i = end < 0 ? src.length() : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != c) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** A cycle as its packages, the first repeated at the end; empty where there is none. */
  static List<String> cycle(Map<String, Map<String, Set<String>>> graph) {
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      List<String> found = search(start, graph, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> search(
      String node, Map<String, Map<String, Set<String>>> graph, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.add(node);
    for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
      List<String> found = search(next, graph, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }

  private static String describe(List<String> cycle, Map<String, Map<String, Set<String>>> graph) {
    StringBuilder b = new StringBuilder(String.join(" -> ", cycle));
    for (int k = 0; k + 1 < cycle.size(); k++) {
      b.append("\n  ").append(cycle.get(k)).append(" -> ").append(cycle.get(k + 1)).append(": ")
          .append(graph.get(cycle.get(k)).get(cycle.get(k + 1)));
    }
    return b.toString();
  }
}
