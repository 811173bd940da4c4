package io.github.backprop.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop.processor.fuzz.Batch.Unit;
import io.github.backprop.processor.fuzz.Checker.Failure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential fuzzer and its CI slice. How to run campaigns of any size:
 * resources/fuzz/README.md.
 *
 * <p>The CI slice runs a fixed range of seeds, never seeds picked because they pass. A batch that
 * hits a known open bug stays in the range and is listed by that bug's name in
 * {@link #KNOWN_OPEN}: it must still fail (so the entry goes once the bug is fixed), and its other
 * programs are not checked until then.
 */
class FuzzTest {
  /** Programs per valid batch in the CI slice. */
  static final int PER_BATCH = 40;

  /** Programs per invalid batch in the CI slice. */
  static final int INVALID_PER_BATCH = 10;

  /** Valid batches of the CI slice: seeds 1 to 16, 16 x 40 = 640 programs with their callees. */
  static final long[] VALID_SEEDS = LongStream.rangeClosed(1, 16).toArray();

  /** Invalid batches of the CI slice: seeds 1 to 60, 60 x 10 = 600 programs. */
  static final long[] INVALID_SEEDS = LongStream.rangeClosed(1, 60).toArray();

  /**
   * Valid batches of the range that hit a known open bug, by seed, each named as in
   * resources/fuzz/FINDINGS.md. None today: the range passes whole.
   */
  static final Map<Long, String> KNOWN_OPEN = Map.of();

  static LongStream validSeeds() {
    return LongStream.of(VALID_SEEDS);
  }

  static LongStream invalidSeeds() {
    return LongStream.of(INVALID_SEEDS);
  }

  // ---------------------------------------------------------------- the CI slice

  /** A batch of valid programs: every value and gradient right, everything compiles. */
  @ParameterizedTest(name = "valid batch {0}")
  @MethodSource("validSeeds")
  void validPrograms(long seed) {
    Batch b = Batch.generate(seed, PER_BATCH, Feature.today());
    List<Failure> fs = new Checker().check(b);
    String known = KNOWN_OPEN.get(seed);
    if (known != null) {
      assertTrue(!fs.isEmpty(), "batch " + seed + " passes: '" + known + "' is fixed, drop it from KNOWN_OPEN");
      return;
    }
    if (!fs.isEmpty()) {
      Failure f = fs.get(0);
      String report;
      try {
        report = Campaign.report(new Shrinker(120).shrink(b, f));
      } catch (RuntimeException e) {
        report = "(shrinking failed: " + e + ")";
      }
      fail(fs.size() + " failures in batch " + seed + "; the first: " + f + "\n" + report
          + "\nreplay: -Dfuzz.replay=" + Campaign.replay(f));
    }
  }

  /**
   * The opt-in data twins ({@link DataTwins}): one batch with all five features, whose every
   * shape of twin is written and held against its method (gradient and Jvp) with no failure.
   */
  @Test
  void dataTwins() {
    Set<Feature> f = Feature.parse("+ENUM_DATA,+GENERIC_DATA,+INSTANCE_METHODS,+ABSTRACT_TYPES,+RECORD_PARAMS", Feature.today());
    Batch b = Batch.generate(2026200000L, 20, f);
    String source = b.sources(false, true).files().toString();
    for (String marker : List.of("enum En_", "java.util.List<double[]> rows", "abstract static class Base_", "implements Sh_", "[] rs")) {
      assertTrue(source.contains(marker), "no twin with " + marker);
    }
    Checker checker = new Checker();
    List<Failure> fs = checker.check(b);
    assertTrue(fs.isEmpty(), () -> fs.size() + " failures; the first: " + fs.get(0));
    assertTrue(checker.stats.dataTwinPoints >= 20, "data twins checked at " + checker.stats.dataTwinPoints + " points");
  }

  /** A batch of invalid programs: no crash, no [BackpropBug], one error per fault, javac's own errors javac's. */
  @ParameterizedTest(name = "invalid batch {0}")
  @MethodSource("invalidSeeds")
  void invalidPrograms(long seed) {
    List<Invalid.Program> ps = Invalid.generate(seed, INVALID_PER_BATCH, Feature.today());
    Invalid inv = new Invalid(new Random(0), Feature.today());
    List<Invalid.Failure> fs = inv.check(ps);
    if (!fs.isEmpty()) {
      Invalid.Failure f = fs.get(0);
      fail(fs.size() + " failures in invalid batch " + seed + "; the first: " + f + "\n"
          + Printer.method(f.program().unit().method()));
    }
  }

  /**
   * The generator is deterministic, and every program it writes passes the shrinker's own
   * validity check (so the shrinker starts from a program its check accepts).
   */
  @Test
  void generatorIsDeterministicAndItsProgramsAreValid() {
    for (long seed = 1; seed <= 40; seed++) {
      Set<Feature> f = seed % 2 == 0 ? Feature.today() : Feature.planned();
      Batch a = Batch.generate(seed, 20, f);
      Batch b = Batch.generate(seed, 20, f);
      assertEquals(a.sources().files(), b.sources().files(), "seed " + seed);
      for (Unit u : a.all()) {
        assertTrue(Edit.valid(u.method()), () -> "not valid by Edit.valid:\n" + Printer.method(u.method()));
      }
    }
  }


  // ---------------------------------------------------------------- campaigns (manual)

  /** A campaign of any size: {@code -Dfuzz.programs=100000 -Dfuzz.seed=1}. */
  @Test
  void campaign() {
    assumeTrue(System.getProperty("fuzz.programs") != null, "set -Dfuzz.programs to run a campaign");
    Campaign.Config c = Campaign.config();
    Campaign campaign = Campaign.run(c, System.out);
    campaign.print(c, System.out);
  }

  /** Invalid programs, any number: {@code -Dfuzz.invalid=3000 -Dfuzz.seed=1}. */
  @Test
  void invalidCampaign() {
    assumeTrue(System.getProperty("fuzz.invalid") != null, "set -Dfuzz.invalid to run");
    int n = Integer.getInteger("fuzz.invalid");
    long seed = Long.getLong("fuzz.seed", 1);
    Set<Feature> features = Campaign.config().features();
    long t0 = System.nanoTime();
    Invalid.Stats total = new Invalid.Stats();
    Map<String, Invalid.Failure> firsts = new LinkedHashMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (int k = 0; k * 30 < n; k++) {
      List<Invalid.Program> ps = Invalid.generate(seed + k, Math.min(30, n - k * 30), features);
      Invalid inv = new Invalid(new Random(0), features);
      for (Invalid.Failure f : inv.check(ps)) {
        String key = f.kind() + " " + f.program().faults().stream().map(Invalid.Fault::kind).sorted().toList();
        firsts.putIfAbsent(key, f);
        counts.merge(key, 1, Integer::sum);
      }
      total.programs += inv.stats.programs;
      total.faults += inv.stats.faults;
      total.compilations += inv.stats.compilations;
      inv.stats.failures.forEach((x, v) -> total.failures.merge(x, v, Long::sum));
    }
    System.out.printf(Locale.ROOT, "%ninvalid programs: %d, faults %d, compilations %d, %.1f s%n",
        total.programs, total.faults, total.compilations, (System.nanoTime() - t0) / 1e9);
    System.out.println("failures by kind: " + total.failures);
    counts.forEach((k, v) -> System.out.println("  " + v + " x " + k));
    firsts.values().forEach(f -> System.out.println("\n" + f + "\n" + Printer.method(f.program().unit().method())));
  }

  /** One program again, shrunk if it fails: {@code -Dfuzz.replay=SEED:INDEX} (or SEED:cINDEX for a callee). */
  @Test
  void replay() {
    String spec = System.getProperty("fuzz.replay");
    assumeTrue(spec != null, "set -Dfuzz.replay=SEED:INDEX");
    String[] p = spec.split(":");
    long seed = Long.parseLong(p[0]);
    boolean callee = p[1].startsWith("c");
    int index = Integer.parseInt(callee ? p[1].substring(1) : p[1]);
    Batch all = Batch.generate(seed, callee ? 0 : index + 1, Campaign.config().features());
    Batch b;
    if (callee) {
      b = all.with(all.callees.subList(0, index + 1), List.of());
    } else {
      Unit u = all.programs.get(index);
      b = all.with(all.calleesNeededBy(List.of(u)), List.of(u));
    }
    b.sources().files().values().forEach(System.out::println);
    Checker checker = new Checker();
    Checker.Compiled compiled = checker.compile(b);
    if (compiled.ok()) {
      for (String cls : List.of("CGrad", "HGrad")) {
        String g = compiled.generatedSource(cls);
        if (g != null) {
          System.out.println("// ---- generated " + cls + "\n" + g);
        }
      }
    } else {
      System.out.println(compiled.diagnostics());
    }
    List<Failure> fs = checker.check(b);
    fs.forEach(System.out::println);
    if (!fs.isEmpty()) {
      Failure f = fs.get(0);
      System.out.println(Campaign.report(new Shrinker(Integer.getInteger("fuzz.shrinkBudget", 300)).shrink(b, f)));
    }
    assertEquals(List.of(), fs);
  }
}
