package io.github.backprop.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns JMH's JSON results ({@code jmh-*.json}), the side-by-side CPU times ({@code
 * interleaved.json}), JAX's times ({@code jax.json}, where JAX was installed) and the processor-cost result ({@code processor-cost.json}) in one directory
 * into {@code RESULTS.md}: per function, ns/op and B/op of every implementation, the target
 * ratios, and the machine they were measured on.
 *
 * <pre>java -cp ... io.github.backprop.benchmarks.report.ResultsTable DIR [OUT.md]</pre>
 */
public final class ResultsTable {
  /** The implementations, in column order: each is a benchmark method name. */
  public static final List<String> IMPLEMENTATIONS =
      List.of(
          "primal", "generated", "generatedInto", "handWritten", "handFused", "hipparchus", "tape",
          "finiteDifferences", "handBlocked", "handBlockedBoth", "parameters");

  /** The target ratios, numerator / denominator, in column order. */
  public static final List<String[]> RATIOS = List.of(
      new String[] {"generated", "handWritten"},
      new String[] {"generatedInto", "handWritten"},
      new String[] {"generated", "handFused"},
      new String[] {"generated", "primal"},
      new String[] {"hipparchus", "generated"},
      new String[] {"tape", "handWritten"},
      new String[] {"finiteDifferences", "handWritten"},
      new String[] {"handWritten", "primal"},
      new String[] {"generatedInto", "handBlocked"},
      new String[] {"handBlocked", "handWritten"},
      new String[] {"generatedInto", "handBlockedBoth"},
      new String[] {"handBlockedBoth", "handWritten"},
      new String[] {"generatedInto", "primal"},
      new String[] {"generatedInto", "parameters"});

  /** Known benchmark classes, in row order, with their labels. */
  private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

  static {
    FUNCTIONS.put("QuadraticBenchmark", "F1 2x²−3x+4");
    FUNCTIONS.put("AffineLossBenchmark", "F2 (a·b+c)·f");
    FUNCTIONS.put("RosenbrockBenchmark", "F3 Rosenbrock");
    FUNCTIONS.put("LogisticRegressionBenchmark", "F4 log-loss 256×16");
    FUNCTIONS.put("MlpBenchmark", "F5 MLP 2-16-1, 64 samples");
    FUNCTIONS.put("Mlp784Benchmark", "F6 MLP 784-128-10, batch 64");
    FUNCTIONS.put("StaticDataBenchmark", "data in static final fields");
    FUNCTIONS.put("NormalCdfBenchmark", "Normal.cdf, 64 points");
  }

  private ResultsTable() {}

  /** One benchmark method's scores. */
  public record Score(double nsPerOp, double error, double bytesPerOp) {}

  /** The scores of one function at one parameter setting: implementation → score. */
  public record Row(String label, Map<String, Score> scores) {}

  /** The JMH settings and JVM a result was measured with. */
  record Run(String jmh, String jdk, String vm, String forks, String warmup, String measurement) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ResultsTable RESULTS_DIR [OUT.md]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Path out = args.length == 2 ? Path.of(args[1]) : dir.resolve("RESULTS.md");
    Files.writeString(out, markdown(dir), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** RESULTS.md for the results in {@code dir}. */
  public static String markdown(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("jmh-") && n.endsWith(".json");
      }).sorted().toList();
    }
    Map<String, Row> rows = new TreeMap<>();
    Set<Run> runs = new LinkedHashSet<>();
    for (Path f : files) {
      Object json = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
      if (!(json instanceof List<?> list)) {
        throw new IllegalArgumentException(f + ": not a JMH JSON result (expected an array)");
      }
      for (Object o : list) {
        read(asMap(o), rows, runs);
      }
    }
    Map<String, Object> cost = null;
    Path costFile = dir.resolve("processor-cost.json");
    if (Files.exists(costFile)) {
      cost = asMap(Json.parse(Files.readString(costFile, StandardCharsets.UTF_8)));
    }
    return render(new ArrayList<>(rows.values()), runs, cost, machine(),
        SideBySide.markdown(dir.resolve("interleaved.json"))
            + JaxAnchors.markdown(dir.resolve("jax.json"), dir.resolve("interleaved.json")));
  }

  private static String simpleClass(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
  }

  private static void read(Map<String, Object> b, Map<String, Row> rows, Set<Run> runs) {
    String benchmark = (String) b.get("benchmark");
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    String cls = simpleClass(benchmark);
    StringBuilder params = new StringBuilder();
    if (b.get("params") instanceof Map<?, ?> p) {
      for (var e : p.entrySet()) {
        params.append(params.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
            .append(e.getValue());
      }
    }
    String label = FUNCTIONS.getOrDefault(cls, cls.replaceFirst("Benchmark$", ""))
        + (params.length() == 0 ? "" : " (" + params + ")");
    // Sort by the known order, then by numeric parameter, so n=10 < n=100 < n=1000.
    int order = new ArrayList<>(FUNCTIONS.keySet()).indexOf(cls);
    String key = String.format(Locale.ROOT, "%03d %s %s", order < 0 ? 999 : order, cls,
        paddedNumbers(params.toString()));
    Map<String, Object> primary = asMap(b.get("primaryMetric"));
    String unit = (String) primary.get("scoreUnit");
    double scale = switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> throw new IllegalArgumentException(
          benchmark + ": unit " + unit + "; run JMH with -bm avgt (the default here)");
    };
    double bytes = Double.NaN;
    if (b.get("secondaryMetrics") instanceof Map<?, ?> sec
        && sec.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
      bytes = number(norm.get("score"));
    }
    Score s = new Score(number(primary.get("score")) * scale,
        number(primary.get("scoreError")) * scale, bytes);
    rows.computeIfAbsent(key, k -> new Row(label, new LinkedHashMap<>())).scores().put(method, s);
    runs.add(new Run(str(b.get("jmhVersion")), str(b.get("jdkVersion")), str(b.get("vmName")) + " "
        + str(b.get("vmVersion")), str(b.get("forks")), str(b.get("warmupIterations")) + " × "
        + str(b.get("warmupTime")), str(b.get("measurementIterations")) + " × "
        + str(b.get("measurementTime"))));
  }

  private static String paddedNumbers(String s) {
    var m = java.util.regex.Pattern.compile("\\d+").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, String.format(Locale.ROOT, "%012d", Long.parseLong(m.group())));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String str(Object o) {
    if (o instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, got " + o);
    }
    return (Map<String, Object>) o;
  }

  /** A JSON number, or NaN for JMH's "NaN" strings and anything missing. */
  private static double number(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** nproc, CPU model, JDK and date, as label → value. */
  static Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
        .withLocale(Locale.ROOT)).replaceFirst("\\.\\d+", ""));
    m.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("CPU", cpuModel());
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("report written by", "Java " + System.getProperty("java.version"));
    return m;
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return "unknown";
    }
    try {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }

  static String time(double ns) {
    if (Double.isNaN(ns)) {
      return "?";
    }
    if (ns < 10) {
      return String.format(Locale.ROOT, "%.2f", ns);
    }
    if (ns < 1000) {
      return String.format(Locale.ROOT, "%.1f", ns);
    }
    return String.format(Locale.ROOT, "%,.0f", ns);
  }

  static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "?";
    }
    return b < 10 ? String.format(Locale.ROOT, "%.1f", b) : String.format(Locale.ROOT, "%,.0f", b);
  }

  /**
   * num / den as "1.23×", with "± 0.12" where JMH gave both sides an error (their relative
   * errors added in quadrature, to first order), or "n/a" when either is missing.
   */
  static String ratio(Map<String, Score> scores, String num, String den) {
    Score a = scores.get(num);
    Score b = scores.get(den);
    if (a == null || b == null || !(b.nsPerOp() > 0) || Double.isNaN(a.nsPerOp())) {
      return "n/a";
    }
    double r = a.nsPerOp() / b.nsPerOp();
    String out = r < 100 ? String.format(Locale.ROOT, "%.2f×", r) : String.format(Locale.ROOT, "%,.0f×", r);
    double e = r * Math.hypot(a.error() / a.nsPerOp(), b.error() / b.nsPerOp());
    if (Double.isFinite(e)) {
      out += r < 100 ? String.format(Locale.ROOT, " ± %.2f", e) : String.format(Locale.ROOT, " ± %,.0f", e);
    }
    return out;
  }

  static String render(List<Row> rows, Set<Run> runs, Map<String, Object> cost,
      Map<String, String> machine, String sideBySide) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Written by `benchmarks/run.sh` (see [README.md](README.md) for how to read it)."
        + " Lower is better everywhere.\n\n");
    md.append("## Machine\n\n| | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    for (Run r : runs) {
      md.append("| JMH ").append(r.jmh()).append(" on JDK | ").append(r.jdk()).append(" (")
          .append(r.vm()).append(") |\n");
      md.append("| JMH settings | forks ").append(r.forks()).append(", warm-up ")
          .append(r.warmup()).append(", measurement ").append(r.measurement()).append(" |\n");
    }
    md.append('\n');
    if (runs.stream().anyMatch(ResultsTable::isShort)) {
      md.append("**Short run** (fewer iterations than the defaults, 3 × 1 s warm-up and 5 × 1 s"
          + " measurement): numbers are indicative only.\n\n");
    }

    if (rows.isEmpty()) {
      md.append("No JMH results found.\n\n");
    } else {
      md.append("## Ratios\n\nTime of one implementation over another's, from the ns/op below."
          + " n/a: one side was not measured. `generatedInto` is the accumulate overload, adding into"
          + " an array the caller owns; `handFused` (Rosenbrock) is a hand-written loop that goes"
          + " beyond reverse mode, forward and reverse in one pass with a carried partial; `handBlocked`"
          + " (MLP 784-128-10) is the hand-written adjoint that adds four samples per pass over"
          + " each gradient row, bit-identical to `handWritten`. In that row `handWritten` and"
          + " `handBlocked` add into arrays allocated once, like `generatedInto`; `handBlockedBoth` also"
          + " runs the forward sweep four samples per pass over each row of w1. `parameters` (data in"
          + " static final fields) is the generated accumulate overload of the same loss with its"
          + " data passed as parameters.\n\n");
      md.append("| function |");
      for (String[] r : RATIOS) {
        md.append(' ').append(r[0]).append(" / ").append(r[1]).append(" |");
      }
      md.append('\n').append("|---|").append("---:|".repeat(RATIOS.size())).append('\n');
      for (Row row : rows) {
        md.append("| ").append(row.label()).append(" |");
        for (String[] r : RATIOS) {
          md.append(' ').append(ratio(row.scores(), r[0], r[1])).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');

      md.append("## Time (ns/op, mean ± 99.9% confidence half-width)\n\n");
      table(md, rows, s -> time(s.nsPerOp())
          + (Double.isNaN(s.error()) ? "" : " ± " + time(s.error())));
      md.append("## Allocation (B/op, `-prof gc` gc.alloc.rate.norm)\n\n");
      table(md, rows, s -> bytes(s.bytesPerOp()));
    }

    md.append(sideBySide);
    md.append("## Processor cost\n\n");
    if (cost == null) {
      md.append("Not measured (no processor-cost.json).\n");
    } else {
      double methods = number(cost.get("methods"));
      double with = number(cost.get("medianWithMs"));
      double own = number(cost.get("medianProcessorOwnMs"));
      double without = number(cost.get("medianWithoutMs"));
      double ratio = number(cost.get("ratio"));
      double target = number(cost.get("target"));
      md.append(String.format(Locale.ROOT,
          "One source file of %s `@Differentiable` methods of mixed shapes (%s source lines, in"
              + " classes of %s methods), compiled in-process with `javax.tools.JavaCompiler` on"
              + " Java %s: median of %s runs after %s warm-up runs of each kind, in turn.\n\n",
          str(cost.get("methods")), str(cost.get("sourceLines")), str(cost.get("perClass")),
          str(cost.get("javaVersion")), str(cost.get("runs")), str(cost.get("warmup"))));
      boolean cpu = !Double.isNaN(number(cost.get("medianWithCpuMs")));
      md.append(cpu ? "| | median ms | ms / method | CPU ms of the compiling thread |\n"
          + "|---|---:|---:|---:|\n" : "| | median ms | ms / method |\n|---|---:|---:|\n");
      costRow(md, "javac, `-proc:none`", without, methods, cost, "medianWithoutCpuMs", cpu);
      costRow(md, "javac with the backprop processor", with, methods, cost, "medianWithCpuMs",
          cpu);
      if (!Double.isNaN(own)) {
        costRow(md, "of which in the processor's init + process", own, methods, cost,
            "medianProcessorOwnCpuMs", cpu);
      }
      double plain = number(cost.get("medianPlainWithGeneratedMs"));
      if (!Double.isNaN(plain)) {
        costRow(md, "javac, `-proc:none`, on the source and the generated sources", plain,
            methods, cost, "medianPlainWithGeneratedCpuMs", cpu);
      }
      if (cpu) {
        md.append(String.format(Locale.ROOT, "%nwith / without in CPU time: %.2f×.%n",
            number(cost.get("cpuRatio"))));
      }
      md.append(String.format(Locale.ROOT,
          "%n**with / without: %.2f×** (target ≤ %.1f×: %s). The processor writes %s lines of"
              + " Grad classes, which javac then compiles too; that is part of \"with\".%n",
          ratio, target, ratio <= target ? "met" : "**not met**",
          str(cost.get("generatedLines"))));
    }
    return md.toString();
  }

  private static void costRow(StringBuilder md, String label, double ms, double methods,
      Map<String, Object> cost, String cpuKey, boolean cpu) {
    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.3f |", label, ms, ms / methods));
    if (cpu) {
      md.append(String.format(Locale.ROOT, " %.1f |", number(cost.get(cpuKey))));
    }
    md.append('\n');
  }

  /** Fewer or shorter iterations than the defaults (3 × 1 s warm-up, 5 × 1 s measurement). */
  static boolean isShort(Run r) {
    return !(atLeast(r.warmup(), 3, 1) && atLeast(r.measurement(), 5, 1));
  }

  /** Whether "5 × 1 s" (JMH's "iterations × time") has ≥ n iterations of ≥ seconds each. */
  private static boolean atLeast(String iterationsTimesTime, int n, double seconds) {
    String[] p = iterationsTimesTime.split(" ");
    try {
      int iterations = Integer.parseInt(p[0]);
      double t = Double.parseDouble(p[2]);
      double unit = switch (p[3]) {
        case "s" -> 1;
        case "ms" -> 1e-3;
        case "us" -> 1e-6;
        case "ns" -> 1e-9;
        case "min" -> 60;
        default -> Double.NaN;
      };
      return iterations >= n && t * unit >= seconds;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void table(StringBuilder md, List<Row> rows,
      java.util.function.Function<Score, String> cell) {
    md.append("| function |");
    for (String impl : IMPLEMENTATIONS) {
      md.append(' ').append(impl).append(" |");
    }
    md.append('\n').append("|---|").append("---:|".repeat(IMPLEMENTATIONS.size())).append('\n');
    for (Row row : rows) {
      md.append("| ").append(row.label()).append(" |");
      for (String impl : IMPLEMENTATIONS) {
        Score s = row.scores().get(impl);
        md.append(' ').append(s == null ? "—" : cell.apply(s)).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }
}
