package io.github.backprop.benchmarks.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a compilation of the {@link Shapes} corpus spends its time, by sampling: compiles it
 * with the processor (and, for comparison, without) under Java Flight Recorder's execution
 * sampler, and sorts every sample of the compiling thread and the processor's worker into
 *
 * <ul>
 *   <li>the processor's stages: the method the top-level stage classes ({@code
 *       BackpropProcessor}, {@code Generation}, {@code MethodStages}) called (its {@code read},
 *       {@code derive}, {@code write} ...), and within the derive stage the pass {@code
 *       ReverseSweep.derive} called;
 *   <li>the processor's hottest methods, by self time (the top frame) and by the innermost frame
 *       of backprop's own code (so that a {@code HashMap.get} counts for the backprop method
 *       that called it);
 *   <li>javac's phases outside the processor ({@code parse}, {@code enter}, {@code attribute},
 *       {@code flow}, {@code desugar}, {@code generate}).
 * </ul>
 *
 * <pre>
 * java -cp ... io.github.backprop.benchmarks.cost.ProcessorProfile [--methods 1000]
 *     [--warmup 3] [--runs 10] [--period-ms 2] [--jfr out.jfr]
 * </pre>
 */
public final class ProcessorProfile {
  private static final String PROCESSOR = "io.github.backprop.processor.";
  /** The top-level stage classes: the frame above the innermost of them is the stage. */
  private static final List<String> ENTRIES = List.of(PROCESSOR + "BackpropProcessor.",
      PROCESSOR + "Generation.", PROCESSOR + "MethodStages.");
  /** The processor's worker thread ({@code diag.DeepStack}), where its rounds run. */
  private static final String WORKER = "backprop";
  private static final String REVERSE = PROCESSOR + "derive.ReverseSweep";
  private static final String JAVAC = "com.sun.tools.javac.main.JavaCompiler";
  private static final Set<String> PHASES =
      Set.of("parseFiles", "enterTrees", "attribute", "flow", "desugar", "generate",
          "processAnnotations", "enterDone", "initProcessAnnotations");

  private ProcessorProfile() {}

  /** Sample counts by key, largest first when printed. */
  static final class Counts {
    private final Map<String, Integer> counts = new HashMap<>();
    private int total;

    void add(String key) {
      counts.merge(key, 1, Integer::sum);
      total++;
    }

    int total() {
      return total;
    }

    int get(String key) {
      return counts.getOrDefault(key, 0);
    }

    List<Map.Entry<String, Integer>> top(int n) {
      List<Map.Entry<String, Integer>> l = new ArrayList<>(counts.entrySet());
      l.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey()));
      return l.subList(0, Math.min(n, l.size()));
    }
  }

  /** What one recording's samples of the compiling thread say. */
  record Profile(
      int samples, int inProcessor, Counts stages, Counts passes, Counts self, Counts ownSelf,
      Counts javacPhases) {}

  static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m.getType().getName() + "." + m.getName();
  }

  static boolean entry(String name) {
    return ENTRIES.stream().anyMatch(name::startsWith);
  }

  static String shortName(String qualified) {
    return qualified.startsWith(PROCESSOR) ? qualified.substring(PROCESSOR.length()) : qualified;
  }

  /** Sorts the samples of the thread named {@code thread} in a recording. */
  static Profile read(Path jfr, String thread) throws IOException {
    Counts stages = new Counts();
    Counts passes = new Counts();
    Counts self = new Counts();
    Counts ownSelf = new Counts();
    Counts phases = new Counts();
    int samples = 0;
    int inProcessor = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      if (e.getThread("sampledThread") == null
          || !(thread.equals(e.getThread("sampledThread").getJavaName())
              || WORKER.equals(e.getThread("sampledThread").getJavaName()))) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = st.getFrames(); // 0 is the top
      // The innermost frame of the outermost run of stage-class frames (process → generate →
      // entry): the frame above it is the stage.
      int entry = -1;
      for (int i = frames.size() - 1; i >= 0; i--) {
        if (entry(name(frames.get(i)))) {
          entry = i;
          while (entry > 0 && entry(name(frames.get(entry - 1)))) {
            entry--;
          }
          break;
        }
      }
      if (entry < 0) {
        String phase = "(other)";
        for (int i = frames.size() - 1; i >= 0; i--) {
          String n = name(frames.get(i));
          if (n.startsWith(JAVAC + ".")) {
            String m = n.substring(JAVAC.length() + 1);
            if (PHASES.contains(m)) {
              phase = m;
            }
          }
        }
        phases.add(phase);
        continue;
      }
      inProcessor++;
      stages.add(entry == 0 ? "(BackpropProcessor itself)" : shortName(name(frames.get(entry - 1))));
      for (int i = entry - 1; i >= 1; i--) {
        if (name(frames.get(i)).equals(REVERSE + ".derive")) {
          passes.add(shortName(name(frames.get(i - 1))));
          break;
        }
      }
      self.add(shortName(name(frames.get(0))));
      for (int i = 0; i <= entry; i++) {
        String n = name(frames.get(i));
        if (n.startsWith(PROCESSOR)) {
          ownSelf.add(shortName(n));
          break;
        }
      }
    }
    return new Profile(samples, inProcessor, stages, passes, self, ownSelf, phases);
  }

  /** Compiles {@code sources} {@code runs} times under a recording; returns the recording's file. */
  static Path record(Path root, List<Path> sources, boolean withProcessor, int runs,
      Duration period, Path out) throws IOException {
    try (Recording r = new Recording()) {
      r.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
      r.setToDisk(true);
      r.start();
      for (int i = 0; i < runs; i++) {
        ProcessorCost.compile(root, sources, withProcessor, null);
      }
      r.stop();
      r.dump(out);
    }
    return out;
  }

  static void print(String title, Counts c, int of, int n) {
    System.out.printf(Locale.ROOT, "%n%s (%d samples)%n", title, c.total());
    for (Map.Entry<String, Integer> e : c.top(n)) {
      System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / of,
          e.getValue(), e.getKey());
    }
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> o = new LinkedHashMap<>(Map.of("--methods", "1000", "--per-class", "50",
        "--warmup", "3", "--runs", "10", "--period-ms", "2", "--top", "25"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!o.containsKey(args[i]) && !args[i].equals("--jfr")) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + o.keySet()
            + " --jfr FILE");
      }
      o.put(args[i], args[i + 1]);
    }
    int methods = Integer.parseInt(o.get("--methods"));
    int runs = Integer.parseInt(o.get("--runs"));
    int top = Integer.parseInt(o.get("--top"));
    Duration period = Duration.ofMillis(Long.parseLong(o.get("--period-ms")));
    Path root = Files.createTempDirectory("backprop-processor-profile");
    Path source = ProcessorCost.writeSource(root, methods, Integer.parseInt(o.get("--per-class")));
    for (int i = 0; i < Integer.parseInt(o.get("--warmup")); i++) {
      ProcessorCost.compile(root, source, true);
      ProcessorCost.compile(root, source, false);
    }
    // The sources the processor writes, to compile beside the corpus with plain javac: javac's
    // work on the generated code alone, without annotation processing's rounds.
    Path generated = root.resolve("generated");
    ProcessorCost.compile(root, List.of(source), true, generated);
    List<Path> plain = new ArrayList<>(List.of(source));
    try (var s = Files.walk(generated)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(plain::add);
    }
    for (int i = 0; i < Integer.parseInt(o.get("--warmup")); i++) {
      ProcessorCost.compile(root, plain, false, null);
    }
    String thread = Thread.currentThread().getName();
    Path withJfr = o.containsKey("--jfr") ? Path.of(o.get("--jfr")) : root.resolve("with.jfr");
    Profile with = read(record(root, List.of(source), true, runs, period, withJfr), thread);
    Profile without =
        read(record(root, List.of(source), false, runs, period, root.resolve("without.jfr")),
            thread);
    Profile both = read(record(root, plain, false, runs, period, root.resolve("plain.jfr")),
        thread);
    System.out.printf(Locale.ROOT, "%d methods, %d compilations each way, sampled every %d ms"
        + " on thread %s%n", methods, runs, period.toMillis(), thread);
    System.out.printf(Locale.ROOT, "with the processor: %d samples, %d (%.1f%%) inside it;"
        + " without: %d samples; the corpus and the generated sources, without: %d samples%n",
        with.samples(), with.inProcessor(),
        100.0 * with.inProcessor() / Math.max(1, with.samples()), without.samples(),
        both.samples());
    int in = Math.max(1, with.inProcessor());
    print("Processor stages (share of the processor's samples)", with.stages(), in, top);
    print("ReverseSweep.derive passes (share of the processor's samples)", with.passes(), in, top);
    print("Processor: self time, top frame (share of the processor's samples)", with.self(), in,
        top);
    print("Processor: innermost backprop frame (share of the processor's samples)",
        with.ownSelf(), in, top);
    // javac's phases in samples, which compare across the three recordings (same period).
    print("javac outside the processor, with it (samples; % of all samples with)",
        with.javacPhases(), Math.max(1, with.samples()), 12);
    print("javac on the corpus and the generated sources, -proc:none (samples; % of theirs)",
        both.javacPhases(), Math.max(1, both.samples()), 12);
    print("javac on the corpus alone, -proc:none (samples; % of theirs)", without.javacPhases(),
        Math.max(1, without.samples()), 12);
    if (!o.containsKey("--jfr")) {
      Files.deleteIfExists(withJfr);
    }
  }
}
