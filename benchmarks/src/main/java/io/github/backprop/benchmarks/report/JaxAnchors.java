package io.github.backprop.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JAX section of {@code RESULTS.md}: {@code jax.json} of {@code benchmarks/jax/anchors.py}
 * beside the generated accumulate overload's median CPU time of the same run's {@code
 * interleaved.json}. JAX is an anchor, not a competitor the build installs: without it the
 * section says so.
 */
final class JaxAnchors {
  private JaxAnchors() {}

  static String markdown(Path jaxFile, Path interleavedFile) throws IOException {
    StringBuilder md = new StringBuilder("## JAX anchors\n\n");
    if (!Files.exists(jaxFile)) {
      return md.append("Not measured (no ").append(jaxFile.getFileName())
          .append(": JAX is not installed for the `PYTHON` of run.sh).\n\n").toString();
    }
    Map<String, Object> jax = map(Json.parse(Files.readString(jaxFile, StandardCharsets.UTF_8)));
    Map<String, Double> generated = new HashMap<>();
    if (Files.exists(interleavedFile)
        && Json.parse(Files.readString(interleavedFile, StandardCharsets.UTF_8))
            instanceof List<?> groups) {
      for (Object o : groups) {
        Map<String, Object> g = map(o);
        Map<String, Object> median = map(g.get("median"));
        if (median.get("generatedInto") instanceof Number n) {
          generated.put((String) g.get("group"), n.doubleValue());
        }
      }
    }
    md.append(String.format(Locale.ROOT, "JAX %s, `jit(value_and_grad)` in float64 on the CPU"
        + " (XLA_FLAGS `%s`, pinned to one core where `taskset` exists), process CPU time, medians"
        + " of %s rounds: per call from Python, dispatch included, and per step of a jitted loop"
        + " of gradient steps, the compiled code alone. `generatedInto`: the median CPU time of"
        + " the side-by-side run above.%n%n", jax.get("jax"), jax.get("xlaFlags"),
        Math.round(((Number) jax.get("rounds")).doubleValue())));
    md.append("| function | generatedInto ns | JAX ns per call | JAX ns per step in a loop |"
        + " generatedInto / JAX per call | generatedInto / JAX in a loop |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (Object o : (List<?>) jax.get("functions")) {
      Map<String, Object> f = map(o);
      String name = (String) f.get("group");
      double call = ((Number) f.get("perCallNs")).doubleValue();
      double loop = ((Number) f.get("inLoopNs")).doubleValue();
      Double g = generated.get(name);
      md.append("| ").append(name).append(" | ").append(g == null ? "—" : ResultsTable.time(g))
          .append(" | ").append(ResultsTable.time(call)).append(" | ")
          .append(ResultsTable.time(loop)).append(" | ").append(times(g, call)).append(" | ")
          .append(times(g, loop)).append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static String times(Double g, double jax) {
    return g == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", g / jax);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, got " + o);
    }
    return (Map<String, Object>) o;
  }
}
