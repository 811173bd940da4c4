package io.github.backprop.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side section of {@code RESULTS.md}, from {@code Interleaved --json}: per function,
 * each implementation's median CPU time and its ratios to the hand-written adjoint and to the
 * primal (and to the other baselines of {@link #BASES} where the function has them), as medians over rounds of the ratio within a round with the 10th and 90th percentiles.
 * These are the ratios to read on a shared machine: every implementation of a round saw the same
 * load.
 */
final class SideBySide {
  /**
   * The denominators of the ratio columns, where the function has them: the hand-written adjoint,
   * the fastest hand-written one of F6, central differences (the Jacobian's usual alternative),
   * the primal.
   */
  private static final List<String> BASES =
      List.of("handWritten", "handBlockedBoth", "centralDiffs", "primal");

  private SideBySide() {}

  static String markdown(Path file) throws IOException {
    StringBuilder md = new StringBuilder("## Side by side (CPU time, `Interleaved`)\n\n");
    if (!Files.exists(file)) {
      return md.append("Not measured (no ").append(file.getFileName()).append(").\n\n").toString();
    }
    Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!(json instanceof List<?> groups)) {
      throw new IllegalArgumentException(file + ": expected an array of groups");
    }
    md.append("The implementations of a function called in turn, round after round, in one JVM;"
        + " the calling thread's CPU time per call. Ratios are medians over rounds of the ratio"
        + " within a round, [10th, 90th percentile].\n\n");
    for (Object o : groups) {
      group(md, map(o));
    }
    return md.toString();
  }

  private static void group(StringBuilder md, Map<String, Object> g) {
    Map<String, Object> median = map(g.get("median"));
    Map<String, Object> ratios = map(g.get("ratios"));
    md.append(String.format(Locale.ROOT, "**%s** (%s rounds after %s of warm-up)%n%n",
        g.get("group"), whole(g.get("rounds")), whole(g.get("warmup"))));
    md.append("| implementation | median CPU ns / call |");
    List<String> bases = BASES.stream().filter(median::containsKey).toList();
    bases.forEach(b -> md.append(" / ").append(b).append(" |"));
    md.append("\n|---|---:|").append("---:|".repeat(bases.size())).append('\n');
    for (String impl : median.keySet()) {
      md.append("| ").append(impl).append(" | ")
          .append(ResultsTable.time(((Number) median.get(impl)).doubleValue())).append(" |");
      for (String b : bases) {
        Object r = ratios.get(impl + "/" + b);
        md.append(' ').append(r instanceof List<?> q ? ratio(q) : "").append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** [p10, median, p90] as "0.97× [0.91, 1.02]". */
  private static String ratio(List<?> q) {
    return String.format(Locale.ROOT, "%.2f× [%.2f, %.2f]", number(q.get(1)), number(q.get(0)),
        number(q.get(2)));
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  private static String whole(Object o) {
    return String.valueOf(Math.round(number(o)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, got " + o);
    }
    return (Map<String, Object>) o;
  }
}
