package io.github.backprop.benchmarks.cost;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a user's build pays: each compilation in a JVM of its own, as one {@code mvn compile} of a
 * module runs javac in-process once, with javac, the processor and the JIT all cold. Measured in
 * the child JVM around the compilation alone (not the JVM's start): wall clock, and the process's
 * CPU time, which counts the JIT's and the garbage collector's threads as well as javac's and the
 * processor's, since a cold build pays for all of them.
 */
public final class ColdCost {
  private ColdCost() {}

  /** One configuration's runs: wall and process CPU nanoseconds, one entry per run. */
  public record Pair(ProcessorCost.Times with, ProcessorCost.Times without) {
    public double cpuRatio() {
      return with.cpuMs() / without.cpuMs();
    }
  }

  /**
   * Compiles {@code sources} {@code runs} times each way, with the processor and with plain javac,
   * each in a fresh JVM, alternating which goes first.
   *
   * @param plain what plain javac compiles: {@code sources}, or with the Grad sources they call
   * @param classpath what the sources compile against, besides backprop's runtime
   */
  public static Pair measure(Path root, List<Path> sources, List<Path> plain, List<String> classpath, int runs)
      throws IOException, InterruptedException {
    ProcessorCost.Times with = ProcessorCost.Times.of(runs);
    ProcessorCost.Times without = ProcessorCost.Times.of(runs);
    Path withList = root.resolve("cold-sources.txt");
    Files.write(withList, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    Path plainList = root.resolve("cold-plain-sources.txt");
    Files.write(plainList, plain.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    for (int i = 0; i < runs; i++) {
      for (int k = 0; k < 2; k++) {
        boolean withProcessor = (i + k) % 2 == 0;
        long[] wallCpu = child(root, withProcessor ? withList : plainList, classpath, withProcessor);
        ProcessorCost.Times t = withProcessor ? with : without;
        t.wall()[i] = wallCpu[0];
        t.cpu()[i] = wallCpu[1];
      }
    }
    return new Pair(with, without);
  }

  private static long[] child(Path root, Path list, List<String> classpath, boolean withProcessor)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-cp", System.getProperty("java.class.path"), ColdCost.class.getName(),
        root.toString(), list.toString(), String.join(File.pathSeparator, classpath),
        Boolean.toString(withProcessor)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !out.startsWith("cold ")) {
      throw new IllegalStateException("the cold compilation failed:\n" + out);
    }
    String[] parts = out.trim().split(" ");
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  /** The process's CPU time, all its threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The child: one compilation, then {@code cold <wall ns> <process CPU ns>} on stdout. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    List<Path> sources;
    try (Stream<String> lines = Files.lines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      sources = lines.map(Path::of).toList();
    }
    List<String> classpath = args[2].isEmpty() ? List.of() : List.of(args[2].split(File.pathSeparator));
    boolean withProcessor = Boolean.parseBoolean(args[3]);
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    ProcessorCost.Compile c = ProcessorCost.compile(root, sources, withProcessor, null, classpath);
    long wall = System.nanoTime() - start;
    cpu = processCpuNanos() - cpu;
    if (c.errors() > 0) {
      System.out.println("errors:\n  " + String.join("\n  ", c.messages()));
      System.exit(1);
    }
    System.out.printf(Locale.ROOT, "cold %d %d%n", wall, cpu);
  }
}
