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
  static final Path EXPECTED_FORWARD = Path.of("src/test/resources/corpus/expected-failures-forward.txt");
  static final Path EXPECTED_HESSIAN = Path.of("src/test/resources/corpus/expected-failures-hessian.txt");
  static final Path REPORT = Path.of("target/corpus-report.md");

  @Test
  void corpusFailsExactlyAsListed() throws Exception {
    List<CorpusUnit> real = RealCorpus.load(0);
    List<CorpusUnit> plain = PlainCorpus.load(real.size());
    List<CorpusUnit> all = new ArrayList<>(real);
    all.addAll(plain);
    // -Dbackprop.corpus.only=Habits,Ledger.irr: only the units whose id contains one of these, to
    // try new corpus methods in minutes; prints each outcome and asserts nothing
    String only = System.getProperty("backprop.corpus.only", "");
    if (!only.isBlank()) {
      List<String> wanted = List.of(only.split(","));
      all.removeIf(u -> wanted.stream().noneMatch(w -> u.id().contains(w.trim())));
      real = real.stream().filter(all::contains).toList();
    }

    long start = System.nanoTime();
    writeUnits(all);
    BatchCompiler compiled = new BatchCompiler(all);
    long compiledAt = System.nanoTime();
    Map<String, String> outcome = new LinkedHashMap<>(); // id -> null when ok, else the reason
    try (TimedChecks checks = new TimedChecks()) {
      for (CorpusUnit u : all) {
        String failure = compiled.failures.get(u.pkg());
        if (failure == null) {
          String wrong = checks.run(() -> CorpusGradCheck.check(compiled.loader, u));
          failure = wrong == null ? null
              : wrong.startsWith("corpus error") || wrong.startsWith("no gradient method")
                  || wrong.contains(": corpus error") || wrong.startsWith("timeout") ? wrong
              : wrong.contains("the gradient throws") ? "gradient throws " + wrong
              : "gradient mismatch " + wrong;
        }
        outcome.put(u.id(), failure == null ? null : failure.replace('\n', ' '));
      }
    }
    System.out.printf("corpus: %d units compiled in %.1f s, checked in %.1f s%n", all.size(),
        (compiledAt - start) / 1e9, (System.nanoTime() - compiledAt) / 1e9);

    // forward mode and second order of every unit that differentiates in reverse mode
    long modesAt = System.nanoTime();
    List<CorpusUnit> reverseOk = new ArrayList<>();
    for (CorpusUnit u : all) {
      if (outcome.get(u.id()) == null) {
        reverseOk.add(u);
      }
    }
    CorpusModes modes = new CorpusModes(reverseOk);
    Map<String, String> forward = new LinkedHashMap<>();
    Map<String, String> hessian = new LinkedHashMap<>();
    for (CorpusUnit u : all) {
      // a method that fails in reverse mode is counted against every mode, and listed only there
      forward.put(u.id(), modes.forward.getOrDefault(u.id(), "fails in reverse mode"));
      if (!u.vector()) {
        hessian.put(u.id(), modes.hessian.getOrDefault(u.id(), "fails in reverse mode"));
      }
    }
    System.out.printf("corpus: forward mode and second order of %d units in %.1f s%n", reverseOk.size(),
        (System.nanoTime() - modesAt) / 1e9);

    writeReport(all, real.size(), outcome, forward, hessian);
    if (!only.isBlank()) {
      for (CorpusUnit u : all) {
        System.out.println("corpus only: " + u.id() + ": " + (outcome.get(u.id()) != null ? outcome.get(u.id())
            : forward.get(u.id()) != null ? "forward: " + forward.get(u.id())
            : hessian.get(u.id()) != null ? "second order: " + hessian.get(u.id()) : "ok"));
      }
      return;
    }

    List<String> problems = new ArrayList<>();
    problems.addAll(listed(EXPECTED, "", outcome));
    problems.addAll(listed(EXPECTED_FORWARD, " in forward mode (mJvp)", modes.forward));
    problems.addAll(listed(EXPECTED_HESSIAN, " to second order (mHvp, mHessian)", modes.hessian));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * Checks that the failing methods of {@code outcome} are exactly those {@code list} names (or
   * rewrites it under {@code -Dbackprop.corpus.update=true}); what differs, else nothing.
   */
  private static List<String> listed(Path list, String mode, Map<String, String> outcome) throws IOException {
    Map<String, String> failing = new TreeMap<>();
    outcome.forEach((id, why) -> {
      if (why != null) {
        failing.put(id, why);
      }
    });
    if (Boolean.getBoolean("backprop.corpus.update")) {
      StringBuilder b = new StringBuilder(
          "# Corpus methods that do not differentiate as written" + mode + " today, with the first reason.\n"
              + (mode.isEmpty() ? "" : "# Only methods that differentiate in reverse mode are tried here.\n")
              + "# Kept exact by CorpusTest; rewrite with -Dbackprop.corpus.update=true.\n");
      java.util.Set<String> headerLines = java.util.Set.of(b.toString().split("\n"));
      // comments above an entry (why a method is listed: an artefact of finite differences) stay
      Map<String, String> notes = new java.util.HashMap<>();
      StringBuilder note = new StringBuilder();
      for (String line : Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.<String>of()) {
        if (line.startsWith("#")) {
          if (!headerLines.contains(line)) {
            note.append(line).append('\n');
          }
        } else {
          if (!line.isBlank()) {
            notes.put(line.split("\t", 2)[0].trim(), note.toString());
          }
          note.setLength(0);
        }
      }
      failing.forEach((id, why) -> b.append(notes.getOrDefault(id, "")).append(id).append('\t').append(shorten(why)).append('\n'));
      Files.writeString(list, b.toString(), StandardCharsets.UTF_8);
    }
    TreeSet<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
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
        nowPassing.add(id + " (no such corpus method" + (mode.isEmpty() ? "" : ", or it fails in reverse mode") + ")");
      } else if (outcome.get(id) == null) {
        nowPassing.add(id);
      }
    }
    if (newFailures.isEmpty() && nowPassing.isEmpty()) {
      return List.of();
    }
    return List.of("the corpus" + mode + " no longer fails exactly as " + list + " lists (see " + REPORT
        + "; after an intended change rewrite the list with -Dbackprop.corpus.update=true)\nnew failures:\n  "
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

  private static void writeReport(List<CorpusUnit> all, int realCount, Map<String, String> outcome,
      Map<String, String> forward, Map<String, String> hessian) throws IOException {
    StringBuilder b = new StringBuilder("# backprop corpus report\n\n");
    String reverseScore = score(all, realCount, outcome, "differentiate as written");
    String forwardScore = score(all, realCount, forward, "differentiate as written in forward mode (mJvp)");
    List<CorpusUnit> scalar = all.stream().filter(u -> !u.vector()).toList();
    int realScalar = (int) all.subList(0, realCount).stream().filter(u -> !u.vector()).count();
    String hessianScore = score(scalar, realScalar, hessian,
        "returning a number differentiate as written to second order (mHvp, mHessian)");
    b.append(reverseScore).append("\n\n").append(forwardScore).append("\n\n").append(hessianScore).append("\n\n");
    b.append("Forward mode and second order are tried on the methods that differentiate in reverse mode.\n\n");
    failuresByReason(b, "Failures by reason", outcome);
    failuresByReason(b, "Forward mode: failures by reason", forward);
    failuresByReason(b, "Second order: failures by reason", hessian);
    b.append("\n## Methods\n\n| method | reverse | forward | second order | origin |\n|---|---|---|---|---|\n");
    for (CorpusUnit u : all) {
      b.append("| ").append(u.id()).append(" | ").append(result(outcome.get(u.id())))
          .append(" | ").append(outcome.get(u.id()) == null ? result(forward.get(u.id())) : "")
          .append(" | ").append(u.vector() ? "none for double[]" : outcome.get(u.id()) == null ? result(hessian.get(u.id())) : "")
          .append(" | ").append(cell(u.origin())).append(" |\n");
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, b.toString(), StandardCharsets.UTF_8);
    System.out.println(reverseScore);
    System.out.println(forwardScore);
    System.out.println(hessianScore);
  }

  private static String result(String why) {
    return why == null ? "ok" : cell(why);
  }

  private static void failuresByReason(StringBuilder b, String title, Map<String, String> outcome) {
    Map<String, Integer> reasons = new TreeMap<>();
    outcome.values().forEach(why -> {
      if (why != null) {
        reasons.merge(category(why), 1, Integer::sum);
      }
    });
    b.append("## ").append(title).append("\n\n| count | reason |\n|---:|---|\n");
    reasons.entrySet().stream()
        .sorted((x, y) -> y.getValue() - x.getValue())
        .forEach(e -> b.append("| ").append(e.getValue()).append(" | ").append(cell(e.getKey())).append(" |\n"));
    b.append('\n');
  }

  private static String score(List<CorpusUnit> all, int realCount, Map<String, String> outcome, String what) {
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
    return scoreLine(realOk + plainOk, all.size(), realOk, realCount, plainOk, all.size() - realCount, what);
  }

  static String scoreLine(int ok, int n, int realOk, int real, int plainOk, int plain, String what) {
    return String.format("Score: %d/%d methods %s (real library code %d/%d, plain functions %d/%d)",
        ok, n, what, realOk, real, plainOk, plain);
  }

  /** A failure without the specifics (names, positions, values), to count alike failures together. */
  static String category(String why) {
    String c = why.replaceAll("\\s*\\([^()]*\\.java:\\d+\\)", "")
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("`[^`]*`", "`…`");
    if (c.startsWith("gradient mismatch")) {
      return "gradient mismatch";
    }
    if (c.startsWith("tangent mismatch")) {
      return "tangent mismatch";
    }
    if (c.startsWith("second-order mismatch")) {
      return "second-order mismatch";
    }
    if (c.startsWith("forward mode throws") || c.startsWith("second order throws")) {
      return c.substring(0, c.indexOf(" throws") + 7);
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
