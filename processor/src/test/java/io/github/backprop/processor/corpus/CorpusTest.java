package io.github.backprop.processor.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * How much Java as users write it differentiates: every corpus method (real library code and
 * plain functions) compiled with the processor on its own, its gradient checked against finite
 * differences. Writes {@code target/corpus-report.md} and asserts that the methods that fail are
 * exactly those in {@code corpus/expected-failures.txt}. After the processor learns something,
 * rewrite that list with {@code -Dbackprop.corpus.update=true} and review the diff.
 */
class CorpusTest {
  static final Path EXPECTED = Path.of("src/test/resources/corpus/expected-failures.txt");
  static final Path REPORT = Path.of("target/corpus-report.md");

  @Test
  void corpusFailsExactlyAsListed() throws Exception {
    List<CorpusUnit> real = RealCorpus.load(0);
    List<CorpusUnit> plain = PlainCorpus.load(real.size());
    List<CorpusUnit> all = new ArrayList<>(real);
    all.addAll(plain);

    long start = System.nanoTime();
    writeUnits(all);
    BatchCompiler compiled = new BatchCompiler(all);
    long compiledAt = System.nanoTime();
    Map<String, String> outcome = new LinkedHashMap<>(); // id -> null when ok, else the reason
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "corpus-check");
      t.setDaemon(true);
      return t;
    });
    try {
      for (CorpusUnit u : all) {
        String failure = compiled.failures.get(u.pkg());
        if (failure == null) {
          Future<String> f = pool.submit(() -> CorpusGradCheck.check(compiled.loader, u));
          try {
            String wrong = f.get(10, TimeUnit.SECONDS);
            failure = wrong == null ? null
                : wrong.startsWith("corpus error") || wrong.startsWith("no gradient method")
                    || wrong.contains(": corpus error") ? wrong
                : wrong.contains("the gradient throws") ? "gradient throws " + wrong
                : "gradient mismatch " + wrong;
          } catch (TimeoutException e) {
            f.cancel(true);
            failure = "timeout: the check ran over 10 s";
            pool.shutdownNow();
            pool = Executors.newSingleThreadExecutor(r -> {
              Thread t = new Thread(r, "corpus-check");
              t.setDaemon(true);
              return t;
            });
          }
        }
        outcome.put(u.id(), failure == null ? null : failure.replace('\n', ' '));
      }
    } finally {
      pool.shutdownNow();
    }

    writeReport(all, real.size(), outcome);
    System.out.printf("corpus: %d units compiled in %.1f s, checked in %.1f s%n", all.size(),
        (compiledAt - start) / 1e9, (System.nanoTime() - compiledAt) / 1e9);

    Map<String, String> failing = new TreeMap<>();
    outcome.forEach((id, why) -> {
      if (why != null) {
        failing.put(id, why);
      }
    });
    if (Boolean.getBoolean("backprop.corpus.update")) {
      StringBuilder b = new StringBuilder(
          "# Corpus methods that do not differentiate as written today, with the first reason.\n"
              + "# Kept exact by CorpusTest; rewrite with -Dbackprop.corpus.update=true.\n");
      failing.forEach((id, why) -> b.append(id).append('\t').append(shorten(why)).append('\n'));
      Files.writeString(EXPECTED, b.toString(), StandardCharsets.UTF_8);
    }
    TreeSet<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        expected.add(line.split("\t", 2)[0].trim());
      }
    }
    List<String> newFailures = new ArrayList<>();
    failing.forEach((id, why) -> {
      if (!expected.contains(id)) {
        newFailures.add(id + ": " + why);
      }
    });
    List<String> nowPassing = new ArrayList<>();
    for (String id : expected) {
      if (!outcome.containsKey(id)) {
        nowPassing.add(id + " (no such corpus method)");
      } else if (outcome.get(id) == null) {
        nowPassing.add(id);
      }
    }
    assertTrue(newFailures.isEmpty() && nowPassing.isEmpty(),
        "the corpus no longer fails exactly as " + EXPECTED + " lists (see " + REPORT + "; after an intended"
            + " change rewrite the list with -Dbackprop.corpus.update=true)\nnew failures:\n  "
            + String.join("\n  ", newFailures) + "\nlisted but now passing:\n  " + String.join("\n  ", nowPassing));
  }

  /** Each unit's text as compiled, to read a failure against. */
  private static void writeUnits(List<CorpusUnit> all) throws IOException {
    Path dir = Path.of("target/corpus-units");
    Files.createDirectories(dir);
    for (CorpusUnit u : all) {
      if (u.source() != null) {
        Files.writeString(dir.resolve(u.id().replaceAll("[^\\w.()\\[\\],-]", "_") + ".java"), u.source(),
            StandardCharsets.UTF_8);
      }
    }
  }

  private static String shorten(String why) {
    return why.length() <= 240 ? why : why.substring(0, 237) + "...";
  }

  private static void writeReport(List<CorpusUnit> all, int realCount, Map<String, String> outcome) throws IOException {
    int realOk = 0;
    int plainOk = 0;
    for (int i = 0; i < all.size(); i++) {
      if (outcome.get(all.get(i).id()) == null) {
        if (i < realCount) {
          realOk++;
        } else {
          plainOk++;
        }
      }
    }
    int plainCount = all.size() - realCount;
    StringBuilder b = new StringBuilder("# backprop corpus report\n\n");
    b.append(scoreLine(realOk + plainOk, all.size(), realOk, realCount, plainOk, plainCount)).append("\n\n");
    Map<String, Integer> reasons = new TreeMap<>();
    outcome.values().forEach(why -> {
      if (why != null) {
        reasons.merge(category(why), 1, Integer::sum);
      }
    });
    b.append("## Failures by reason\n\n| count | reason |\n|---:|---|\n");
    reasons.entrySet().stream()
        .sorted((x, y) -> y.getValue() - x.getValue())
        .forEach(e -> b.append("| ").append(e.getValue()).append(" | ").append(cell(e.getKey())).append(" |\n"));
    b.append("\n## Methods\n\n| method | result | origin |\n|---|---|---|\n");
    for (CorpusUnit u : all) {
      String why = outcome.get(u.id());
      b.append("| ").append(u.id()).append(" | ").append(why == null ? "ok" : cell(why))
          .append(" | ").append(cell(u.origin())).append(" |\n");
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, b.toString(), StandardCharsets.UTF_8);
    System.out.println(scoreLine(realOk + plainOk, all.size(), realOk, realCount, plainOk, plainCount));
  }

  static String scoreLine(int ok, int n, int realOk, int real, int plainOk, int plain) {
    return String.format("Score: %d/%d methods differentiate as written (real library code %d/%d, plain functions %d/%d)",
        ok, n, realOk, real, plainOk, plain);
  }

  /** A failure without the specifics (names, positions, values), to count alike failures together. */
  static String category(String why) {
    String c = why.replaceAll("\\s*\\([^()]*\\.java:\\d+\\)", "")
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("`[^`]*`", "`…`");
    if (c.startsWith("gradient mismatch")) {
      return "gradient mismatch";
    }
    if (c.startsWith("gradient throws")) {
      return "the gradient throws";
    }
    if (c.startsWith("corpus error") || c.startsWith("at (")) {
      return "corpus error (a point outside the domain, or the text does not compile without backprop)";
    }
    c = c.replaceAll("annotate [\\w.]+ with", "annotate … with")
        .replaceAll("'[^']*'", "'…'");
    return c.length() > 160 ? c.substring(0, 160) + "…" : c;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
