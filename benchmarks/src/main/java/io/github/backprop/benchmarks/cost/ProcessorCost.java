package io.github.backprop.benchmarks.cost;

import io.github.backprop.Differentiable;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.diag.DeepStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's compile-time cost: compiles one file of many
 * {@code @Differentiable} methods ({@link Shapes}) in-process with {@code javax.tools.JavaCompiler},
 * alternately with the backprop processor and with plain javac ({@code -proc:none}), and reports
 * the median of each after warm-up, per method, and their ratio (target ≤ 5×). Each is measured
 * twice: wall clock, and the compiling thread's CPU time, which a loaded machine disturbs less
 * (javac runs in the calling thread; the garbage collector's and JIT's threads are not in it).
 *
 * <pre>
 * java -cp ... io.github.backprop.benchmarks.cost.ProcessorCost [--methods 1000] [--per-class 50]
 *     [--warmup 3] [--runs 7] [--out results/processor-cost.json]
 * </pre>
 *
 * The "with" time includes compiling the Grad classes the processor writes: that is what a
 * user's build pays.
 */
public final class ProcessorCost {
  /** The target the issue sets for with / without. */
  public static final double TARGET = 5.0;

  /**
   * The CPU time of the processor's worker threads, which end with each round: javac's thread
   * waits for them, so its own CPU time leaves the processor's work out.
   */
  private static final AtomicLong WORKERS_CPU = new AtomicLong();

  static {
    DeepStack.onEnd(() -> WORKERS_CPU.addAndGet(threadCpuNanos()));
  }

  private ProcessorCost() {}

  /** One compilation's outcome. */
  public record Compile(
      long nanos, long processorNanos, long cpuNanos, long processorCpuNanos, int errors,
      int generatedFiles, long generatedLines, List<String> messages) {}

  /** The benchmark's settings. */
  public record Settings(int methods, int perClass, int warmup, int runs) {}

  /** Wall-clock and thread-CPU nanoseconds of one configuration, one entry per measured run. */
  public record Times(long[] wall, long[] cpu) {
    static Times of(int runs) {
      return new Times(new long[runs], new long[runs]);
    }

    public double wallMs() {
      return median(wall) / 1e6;
    }

    public double cpuMs() {
      return median(cpu) / 1e6;
    }
  }

  /**
   * The summary written to JSON and RESULTS.md: javac with the processor ({@code with}), the
   * processor's own share of it ({@code own}), plain javac on the corpus ({@code without}), and
   * plain javac on the corpus together with the sources the processor writes ({@code
   * plainGenerated}): what compiling the generated code costs javac without the processing rounds.
   */
  public record Result(
      Settings settings,
      Times with,
      Times own,
      Times without,
      Times plainGenerated,
      long sourceLines,
      long generatedLines,
      String javaVersion) {
    public double medianWithMs() {
      return with.wallMs();
    }

    public double medianWithoutMs() {
      return without.wallMs();
    }

    /** The processor's own time (init + process), median over the runs with it. */
    public double medianProcessorMs() {
      return own.wallMs();
    }

    public double ratio() {
      return with.wallMs() / without.wallMs();
    }

    /** with / without in the compiling thread's CPU time. */
    public double cpuRatio() {
      return with.cpuMs() / without.cpuMs();
    }

    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\n  \"methods\": %d,\n  \"perClass\": %d,\n  \"warmup\": %d,\n  \"runs\": %d,\n"
              + "  \"sourceLines\": %d,\n  \"generatedLines\": %d,\n"
              + "  \"javaVersion\": \"%s\",\n  \"withProcessorNanos\": %s,\n"
              + "  \"processorOwnNanos\": %s,\n"
              + "  \"withoutProcessorNanos\": %s,\n  \"plainWithGeneratedNanos\": %s,\n"
              + "  \"medianWithMs\": %.3f,\n  \"medianProcessorOwnMs\": %.3f,\n"
              + "  \"medianWithoutMs\": %.3f,\n  \"medianPlainWithGeneratedMs\": %.3f,\n"
              + "  \"ratio\": %.4f,\n  \"target\": %.2f,\n"
              + "  \"withProcessorCpuNanos\": %s,\n  \"processorOwnCpuNanos\": %s,\n"
              + "  \"withoutProcessorCpuNanos\": %s,\n  \"plainWithGeneratedCpuNanos\": %s,\n"
              + "  \"medianWithCpuMs\": %.3f,\n  \"medianProcessorOwnCpuMs\": %.3f,\n"
              + "  \"medianWithoutCpuMs\": %.3f,\n  \"medianPlainWithGeneratedCpuMs\": %.3f,\n"
              + "  \"cpuRatio\": %.4f\n}\n",
          settings.methods(), settings.perClass(), settings.warmup(), settings.runs(),
          sourceLines, generatedLines, javaVersion, Arrays.toString(with.wall()),
          Arrays.toString(own.wall()), Arrays.toString(without.wall()),
          Arrays.toString(plainGenerated.wall()), with.wallMs(), own.wallMs(), without.wallMs(),
          plainGenerated.wallMs(), ratio(), TARGET, Arrays.toString(with.cpu()),
          Arrays.toString(own.cpu()), Arrays.toString(without.cpu()),
          Arrays.toString(plainGenerated.cpu()), with.cpuMs(), own.cpuMs(), without.cpuMs(),
          plainGenerated.cpuMs(), cpuRatio());
    }
  }

  static double median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Where a class was loaded from, for the compiler's class path. */
  static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles {@code source} (a file under {@code root}/src) into fresh directories under {@code
   * root}, with or without the backprop processor.
   */
  public static Compile compile(Path root, Path source, boolean withProcessor) throws IOException {
    return compile(root, List.of(source), withProcessor, null);
  }

  /**
   * Compiles {@code sources} as {@link #compile(Path, Path, boolean)} does; where {@code keep} is
   * not null, the generated sources are moved there (a directory that must not exist yet).
   */
  public static Compile compile(Path root, List<Path> sources, boolean withProcessor, Path keep)
      throws IOException {
    return compile(root, sources, withProcessor, keep, List.of());
  }

  /** As above, against {@code classpath} as well as backprop's runtime. */
  public static Compile compile(
      Path root, List<Path> sources, boolean withProcessor, Path keep, List<String> classpath)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Path out = Files.createTempDirectory(root, withProcessor ? "with" : "without");
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "-s", generated.toString(),
        "-classpath", String.join(java.io.File.pathSeparator,
            Stream.concat(Stream.of(location(Differentiable.class)), classpath.stream()).toList()),
        "-encoding", "UTF-8",
        "-g"));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long nanos;
    long cpuNanos;
    TimedProcessor processor = withProcessor ? new TimedProcessor(new BackpropProcessor()) : null;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      if (withProcessor) {
        task.setProcessors(List.of(processor));
      }
      long start = System.nanoTime();
      long cpu = cpuNanos();
      task.call();
      nanos = System.nanoTime() - start;
      cpuNanos = cpuNanos() - cpu;
    }
    List<String> messages = new ArrayList<>();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors++;
      }
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING) {
        messages.add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    int generatedFiles = 0;
    long generatedLines = 0;
    try (Stream<Path> s = Files.walk(generated)) {
      for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
        generatedFiles++;
        generatedLines += lines(p);
      }
    }
    if (keep != null) {
      Files.move(generated, keep);
    }
    deleteRecursively(out);
    return new Compile(nanos, processor == null ? 0 : processor.nanos(), cpuNanos,
        processor == null ? 0 : processor.cpuNanos(), errors, generatedFiles, generatedLines,
        messages);
  }

  /** The current thread's CPU time. */
  static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** The current thread's CPU time, and that of the processor's ended worker threads. */
  static long cpuNanos() {
    return threadCpuNanos() + WORKERS_CPU.get();
  }

  static long lines(Path p) throws IOException {
    try (Stream<String> s = Files.lines(p, StandardCharsets.UTF_8)) {
      return s.count();
    }
  }

  /** Writes the shapes' source under {@code root}/src and returns its path. */
  public static Path writeSource(Path root, int methods, int perClass) throws IOException {
    Path file = root.resolve("src").resolve(Shapes.path());
    Files.createDirectories(file.getParent());
    Files.writeString(file, Shapes.source(methods, perClass, 5L), StandardCharsets.UTF_8);
    return file;
  }

  /** Runs the benchmark, printing progress to stdout. */
  public static Result run(Settings s) throws IOException {
    Path root = Files.createTempDirectory("backprop-processor-cost");
    try {
      Path source = writeSource(root, s.methods(), s.perClass());
      int classes = Shapes.classNames(s.methods(), s.perClass()).size();
      System.out.printf(Locale.ROOT, "processor cost: %d methods in %d classes, %d warm-up and %d"
          + " measured compilations of each kind%n", s.methods(), classes, s.warmup(), s.runs());
      // The sources the processor writes, compiled beside the corpus by plain javac: what the
      // generated code costs javac without annotation processing.
      Path generated = root.resolve("generated-sources");
      long generatedLines = compile(root, List.of(source), true, generated).generatedLines();
      List<Path> plain = new ArrayList<>(List.of(source));
      try (Stream<Path> files = Files.walk(generated)) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(plain::add);
      }
      Times with = Times.of(s.runs());
      Times own = Times.of(s.runs());
      Times without = Times.of(s.runs());
      Times plainGenerated = Times.of(s.runs());
      for (int i = -s.warmup(); i < s.runs(); i++) {
        // Rotate which goes first, so drift on a shared machine hits all alike.
        Compile w = null;
        Compile wo = null;
        Compile pg = null;
        for (int k = 0; k < 3; k++) {
          switch (Math.floorMod(i + k, 3)) {
            case 0 -> w = measured(root, List.of(source), true, classes);
            case 1 -> wo = measured(root, List.of(source), false, 0);
            default -> pg = measured(root, plain, false, 0);
          }
        }
        String phase = i < 0 ? "warm-up" : "run " + (i + 1);
        System.out.printf(Locale.ROOT, "  %-8s with %8.1f ms (processor itself %8.1f ms),"
            + " without %8.1f ms, plain javac with the generated sources %8.1f ms;"
            + " CPU %8.1f (%8.1f), %8.1f, %8.1f ms%n", phase, w.nanos() / 1e6,
            w.processorNanos() / 1e6, wo.nanos() / 1e6, pg.nanos() / 1e6, w.cpuNanos() / 1e6,
            w.processorCpuNanos() / 1e6, wo.cpuNanos() / 1e6, pg.cpuNanos() / 1e6);
        if (i >= 0) {
          with.wall()[i] = w.nanos();
          with.cpu()[i] = w.cpuNanos();
          own.wall()[i] = w.processorNanos();
          own.cpu()[i] = w.processorCpuNanos();
          without.wall()[i] = wo.nanos();
          without.cpu()[i] = wo.cpuNanos();
          plainGenerated.wall()[i] = pg.nanos();
          plainGenerated.cpu()[i] = pg.cpuNanos();
        }
      }
      Result r = new Result(s, with, own, without, plainGenerated, lines(source), generatedLines,
          System.getProperty("java.version"));
      System.out.printf(Locale.ROOT, "median with processor %.1f ms (%.3f ms/method; the"
          + " processor itself %.1f ms), without %.1f ms (%.3f ms/method), ratio %.2f× (target ≤"
          + " %.1f×); %d source lines, %d generated%n", r.medianWithMs(),
          r.medianWithMs() / s.methods(), r.medianProcessorMs(), r.medianWithoutMs(),
          r.medianWithoutMs() / s.methods(), r.ratio(), TARGET, r.sourceLines(),
          r.generatedLines());
      System.out.printf(Locale.ROOT, "CPU time of the compiling thread: with %.1f ms (the"
          + " processor itself %.1f ms), without %.1f ms, ratio %.2f×; plain javac on the corpus"
          + " and the generated sources %.1f ms%n", with.cpuMs(), own.cpuMs(), without.cpuMs(),
          r.cpuRatio(), plainGenerated.cpuMs());
      return r;
    } finally {
      deleteRecursively(root);
    }
  }

  private static Compile measured(
      Path root, List<Path> sources, boolean withProcessor, int classes) throws IOException {
    System.gc();
    Compile c = compile(root, sources, withProcessor, null);
    if (c.errors() > 0) {
      throw new IllegalStateException("compilation " + (withProcessor ? "with" : "without")
          + " the processor failed:\n  " + String.join("\n  ", c.messages()));
    }
    int expected = withProcessor ? classes : 0;
    if (c.generatedFiles() != expected) {
      throw new IllegalStateException("expected " + expected + " generated files, got "
          + c.generatedFiles());
    }
    return c;
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(q -> {
        try {
          Files.delete(q);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * {@code sources} compiled warm in this JVM, with the processor and with plain javac in turn:
   * the measure of {@link #run} for any module's sources (the examples), without its split.
   * Plain javac compiles {@code plain}: a module that calls its Grad classes compiles without
   * the processor only with their sources beside it.
   */
  public static ColdCost.Pair warm(
      Path root, List<Path> sources, List<Path> plain, List<String> classpath, int warmup, int runs)
      throws IOException {
    Times with = Times.of(runs);
    Times without = Times.of(runs);
    for (int i = -warmup; i < runs; i++) {
      for (int k = 0; k < 2; k++) {
        boolean withProcessor = (i + k) % 2 == 0;
        System.gc();
        Compile c = compile(root, withProcessor ? sources : plain, withProcessor, null, classpath);
        if (c.errors() > 0) {
          throw new IllegalStateException("compilation failed:\n  " + String.join("\n  ", c.messages()));
        }
        if (i >= 0) {
          Times t = withProcessor ? with : without;
          t.wall()[i] = c.nanos();
          t.cpu()[i] = c.cpuNanos();
        }
      }
    }
    return new ColdCost.Pair(with, without);
  }

  /** The {@code .java} files under {@code dir}, sorted. */
  static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /**
   * Warm and cold, corpus and examples, plain and with the processor: one line each, and their
   * JSON fields ({@code coldCorpus...}, {@code warmExamples...}, {@code coldExamples...}). The
   * examples call their Grad classes, so plain javac compiles them with the generated sources, as
   * if those were written by hand.
   */
  private static String table(
      Result warmCorpus, int cold, Path examples, List<String> examplesCp, StringBuilder json)
      throws IOException, InterruptedException {
    Settings s = warmCorpus.settings();
    Path root = Files.createTempDirectory("backprop-processor-cost");
    StringBuilder out = new StringBuilder("| measure | sources | plain javac | with the processor | ratio |\n"
        + "|---|---|---:|---:|---:|\n");
    row(out, new StringBuilder(), "warm", "corpus", new ColdCost.Pair(warmCorpus.with(), warmCorpus.without()));
    try {
      List<Path> corpus = List.of(writeSource(root, s.methods(), s.perClass()));
      if (cold > 0) {
        row(out, json, "cold", "corpus", ColdCost.measure(root, corpus, corpus, List.of(), cold));
      }
      if (examples != null) {
        List<Path> sources = javaFiles(examples);
        Path generated = root.resolve("examples-generated");
        compile(root, sources, true, generated, examplesCp);
        List<Path> plain = new ArrayList<>(sources);
        plain.addAll(javaFiles(generated));
        row(out, json, "warm", "examples", warm(root, sources, plain, examplesCp, s.warmup(), s.runs()));
        if (cold > 0) {
          row(out, json, "cold", "examples", ColdCost.measure(root, sources, plain, examplesCp, cold));
        }
      }
    } finally {
      deleteRecursively(root);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, StringBuilder json, String measure, String sources, ColdCost.Pair p) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms CPU (%.0f ms wall) | %.0f ms CPU (%.0f ms wall) | %.2f× |%n",
        measure, sources, p.without().cpuMs(), p.without().wallMs(), p.with().cpuMs(), p.with().wallMs(), p.cpuRatio()));
    String key = measure + Character.toUpperCase(sources.charAt(0)) + sources.substring(1);
    json.append(String.format(Locale.ROOT, ",\n  \"%sWithCpuNanos\": %s,\n  \"%sWithoutCpuNanos\": %s,"
            + "\n  \"%sWithWallNanos\": %s,\n  \"%sWithoutWallNanos\": %s,\n  \"%sCpuRatio\": %.4f",
        key, Arrays.toString(p.with().cpu()), key, Arrays.toString(p.without().cpu()), key,
        Arrays.toString(p.with().wall()), key, Arrays.toString(p.without().wall()), key, p.cpuRatio()));
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    int methods = 1000;
    int perClass = 50;
    int warmup = 3;
    int runs = 7;
    int cold = 0;
    Path examples = null;
    List<String> examplesCp = List.of();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--methods" -> methods = Integer.parseInt(v);
        case "--per-class" -> perClass = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--runs" -> runs = Integer.parseInt(v);
        case "--cold" -> cold = Integer.parseInt(v);
        case "--examples" -> examples = Path.of(v);
        case "--examples-classpath" -> examplesCp = List.of(v.split(java.io.File.pathSeparator));
        case "--out" -> out = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "; options:"
            + " --methods N --per-class N --warmup N --runs N --cold N --examples DIR"
            + " --examples-classpath CP --out FILE");
      }
    }
    if (runs < 1 || warmup < 0 || cold < 0) {
      throw new IllegalArgumentException("--runs must be ≥ 1, --warmup and --cold ≥ 0");
    }
    Result r = run(new Settings(methods, perClass, warmup, runs));
    StringBuilder json = new StringBuilder();
    if (cold > 0 || examples != null) {
      System.out.printf(Locale.ROOT, "warm: %d warm-up and %d measured compilations in this JVM (CPU of javac's"
          + " and the processor's threads); cold: %d compilations each in a fresh JVM (CPU of the whole process"
          + " during the compilation)%n", warmup, runs, cold);
      System.out.print(table(r, cold, examples, examplesCp, json));
    }
    if (out != null) {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      String text = r.toJson();
      text = text.substring(0, text.lastIndexOf("\n}")) + json + "\n}\n";
      Files.writeString(out, text, StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    }
  }
}
