package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Checker.Failure;
import io.github.backprop.processor.fuzz.Checker.Kind;
import io.github.backprop.processor.fuzz.Checker.Stats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs many batches of generated programs and prints a summary: programs, points checked and
 * skipped, failures by kind, time; and for each distinct failure (kind and diagnostic shape) the
 * first occurrence shrunk to a small reproducer, printed as Java source with its seed.
 *
 * <p>Batch {@code k} of a campaign with seed {@code S} has seed {@code S + k}; program {@code i}
 * of a batch depends only on the batch seed and {@code i}, so {@code -Dfuzz.replay=S+k:i}
 * regenerates it whatever the batch size.
 */
public final class Campaign {
  record Config(
      long seed,
      int programs,
      int perBatch,
      Set<Feature> features,
      int shrinkBudget,
      int maxShrinks,
      boolean verbose) {}

  /**
   * A group of alike failures: the first ones of them (several for failures found at run time,
   * whose kind says less about their cause than a compiler message), and their shrunk forms.
   */
  static final class Group {
    final Failure first;
    final Batch batch;
    final List<Failure> members = new ArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    int count;
    Shrinker.Result shrunk;
    /** Distinct shrunk reproducers of the members, by their source. */
    final Map<String, Shrinker.Result> distinct = new LinkedHashMap<>();

    Group(Failure first, Batch batch) {
      this.first = first;
      this.batch = batch;
    }
  }

  /** How many members of a group of run-time failures to shrink. */
  static int perGroup() {
    return Integer.getInteger("fuzz.shrinkPerGroup", 4);
  }

  final Stats stats = new Stats();
  /** How often each construct was generated, for the summary. */
  final Map<String, Long> coverage = new java.util.TreeMap<>();
  final Map<String, Group> groups = new LinkedHashMap<>();
  long nanos;

  static Campaign run(Config c, PrintStream out) {
    Campaign campaign = new Campaign();
    long t0 = System.nanoTime();
    int done = 0;
    for (int k = 0; done < c.programs(); k++) {
      int n = Math.min(c.perBatch(), c.programs() - done);
      long seed = c.seed() + k;
      Batch b = Batch.generate(seed, n, c.features());
      for (Batch.Unit u : b.all()) {
        count(campaign.coverage, u.method());
      }
      Checker checker = new Checker();
      List<Failure> fs = checker.check(b);
      campaign.stats.add(checker.stats);
      java.util.Set<String> units = new java.util.HashSet<>();
      for (Failure f : fs) {
        if (!units.add(f.unit().key())) {
          continue;
        }
        String g = f.kind() + " | " + f.signature();
        Group group = campaign.groups.computeIfAbsent(g, x -> new Group(f, b));
        group.count++;
        if (group.members.size() < (f.kind().compileTime() ? 1 : perGroup())) {
          group.members.add(f);
          group.batches.add(b);
        }
        if (c.verbose()) {
          out.println("  " + f);
        }
      }
      done += n;
      if (c.verbose() || (k + 1) % 25 == 0) {
        out.printf(Locale.ROOT, "  ... %d programs, %d failing, %.0f s%n", done, fs.stream().map(f -> f.unit().key()).distinct().count(),
            (System.nanoTime() - t0) / 1e9);
      }
    }
    campaign.nanos = System.nanoTime() - t0;
    int shrunk = 0;
    for (Group g : campaign.groups.values()) {
      if (shrunk++ >= c.maxShrinks()) {
        break;
      }
      for (int m = 0; m < g.members.size(); m++) {
        try {
          Shrinker.Result r = new Shrinker(c.shrinkBudget()).shrink(g.batches.get(m), g.members.get(m));
          if (m == 0) {
            g.shrunk = r;
          }
          String key = r.batch().sources(true).files().toString().replaceAll("\\b" + r.target().method().name() + "\\b", "f");
          g.distinct.putIfAbsent(key, r);
        } catch (RuntimeException e) {
          out.println("shrinking failed: " + e);
        }
      }
    }
    return campaign;
  }

  /** Counts the constructs of a method: statement kinds, operators, functions, calls. */
  static void count(Map<String, Long> c, Ast.Method m) {
    Edit.forEachStmt(m.body(), s -> {
      String k = s.getClass().getSimpleName();
      if (s instanceof Ast.Assign a) {
        k = "Assign " + a.op() + (a.target() instanceof Ast.Index ? " element" : "") + (a.target().type() == Ast.T.DOUBLE ? "" : " " + a.target().type().java);
      } else if (s instanceof Ast.Decl d) {
        k = "Decl " + (d.useVar() ? "var " : "") + d.type().java + (d.init() == null ? " (no value)" : "");
      } else if (s instanceof Ast.Incr i) {
        k = "Incr " + i.target().type().java;
      } else if (s instanceof Ast.If f) {
        k = f.otherwise() == null ? "If" : f.otherwise().stmts().size() == 1 && f.otherwise().stmts().get(0) instanceof Ast.If ? "If else-if" : "If else";
      } else if (s instanceof Ast.Raw r && r.text().startsWith("java.util.function.")) {
        k = "functional value " + (r.text().contains("new java.util.function.") ? "(anonymous class)" : "(lambda)");
      } else if (s instanceof Ast.Raw r) {
        // try, catch (ArithmeticException ex3), throw new ...(..., ex3): by their shape, not their names
        k = "Raw " + r.text().replaceAll("\\bex\\d+", "ex");
      }
      c.merge("stmt: " + k, 1L, Long::sum);
    });
    Batch.walk(m.body(), e -> {
      String k;
      if (e instanceof Ast.Call call) {
        String t = call.target();
        k = t.startsWith("h") || t.startsWith("C.h") || t.startsWith("H.h") ? "call: generated callee"
            : t.contains("plain") ? "call: plain helper"
            : "fn: " + call.name();
        if (t.startsWith("StrictMath.") || t.startsWith("java.lang.Math.") || t.startsWith("org.hipparchus.") || t.equals(call.name())) {
          c.merge("fn written as: " + (t.equals(call.name()) ? "static import" : t.substring(0, t.lastIndexOf('.'))), 1L, Long::sum);
        }
      } else if (e instanceof Ast.Bin b) {
        k = "op: " + b.op() + " " + b.type().java;
      } else if (e instanceof Ast.Un u) {
        k = "op: unary " + u.op() + " " + u.type().java;
      } else {
        k = "expr: " + e.getClass().getSimpleName() + (e instanceof Ast.Cast cast ? " " + cast.to().java : "");
      }
      c.merge(k, 1L, Long::sum);
    });
  }

  long failingPrograms() {
    long n = 0;
    for (Group g : groups.values()) {
      n += g.count;
    }
    return n;
  }

  void print(Config c, PrintStream out) {
    Stats s = stats;
    out.println();
    out.println("backprop fuzz campaign");
    out.printf(Locale.ROOT, "  seed %d, %d programs in batches of %d (+ %d callees), JDK %d%n", c.seed(), s.programs, c.perBatch(),
        s.callees, Runtime.version().feature());
    out.println("  features: " + (c.features().equals(Feature.today()) ? "today" : c.features()));
    out.printf(Locale.ROOT, "  compilations: %d (%.1f s)%n", s.compilations, s.compileNanos / 1e9);
    out.printf(Locale.ROOT, "  points: %d (all partials checked: %d, some skipped: %d, primal not finite: %d)%n",
        s.points, s.pointsChecked, s.pointsSkipped, s.pointsNonFinite);
    out.printf(Locale.ROOT, "  partials: checked %d, skipped as not smooth %d, skipped as not finite %d%n",
        s.partialsChecked, s.partialsNonSmooth, s.partialsNonFinite);
    out.printf(Locale.ROOT, "  twins: object twin held against its method at %d points, record twin at %d, data twins at %d%n",
        s.objectTwinPoints, s.recordTwinPoints, s.dataTwinPoints);
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < s.errorHistogram.length; i++) {
      String label = i == 0 ? "<=1e-16" : "<1e" + (i - 16);
      h.append(i == 0 ? "" : ", ").append(label).append(": ").append(s.errorHistogram[i]);
    }
    out.println("  relative error of checked partials (tolerance " + Checker.FD_TOLERANCE + "): " + h);
    out.printf(Locale.ROOT, "  largest relative error of a checked partial: %.3g%n", s.maxRelativeError);
    out.printf(Locale.ROOT, "  failing programs: %d%n", failingPrograms());
    Map<Kind, Integer> distinct = new LinkedHashMap<>();
    for (Group g : groups.values()) {
      distinct.merge(g.first.kind(), 1, Integer::sum);
    }
    s.failures.forEach((k, v) -> out.printf(Locale.ROOT, "    %s: %d programs, %d distinct (%s)%n", k, v, distinct.getOrDefault(k, 0), k.description));
    out.printf(Locale.ROOT, "  time: %.1f s (%.1f programs/s)%n", nanos / 1e9, s.programs / (nanos / 1e9));
    StringBuilder cov = new StringBuilder();
    coverage.forEach((k, v) -> cov.append(cov.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    out.println("  constructs generated: " + cov);
    int i = 1;
    for (Group g : groups.values()) {
      out.println();
      out.printf(Locale.ROOT, "[%d] %s x%d: %s%n", i++, g.first.kind(), g.count, g.first.signature());
      out.println("    first: " + g.first.unit().origin() + "  (replay: -Dfuzz.replay=" + replay(g.first) + ")");
      if (g.shrunk != null) {
        int k = 0;
        for (Shrinker.Result r : g.distinct.values()) {
          if (k++ > 0) {
            out.println("    -- another member, shrunk differently: " + r.target().origin()
                + " (replay: -Dfuzz.replay=" + replay(r.failure()) + ")");
          }
          out.println(report(r));
        }
      } else {
        out.println("    " + g.first.detail().replace("\n", "\n    "));
      }
    }
  }

  static String replay(Failure f) {
    // origin is "batch S program i" or "batch S callee i"
    String[] w = f.unit().origin().split(" ");
    return w[1] + ":" + (w[2].equals("callee") ? "c" : "") + w[3];
  }

  /** A shrunk failure as Java source, with what it shows. */
  static String report(Shrinker.Result r) {
    StringBuilder b = new StringBuilder();
    b.append("    shrunk from ").append(r.originalSize()).append(" to ").append(r.size()).append(" nodes in ")
        .append(r.compilations()).append(" compilations\n");
    b.append("    ").append(r.failure().kind().description).append(":\n");
    b.append("    ").append(r.failure().detail().replace("\n", "\n    ")).append('\n');
    // A twin's failure shows the twin, which is where it lies.
    Checker.Kind k = r.failure().kind();
    boolean twins = k == Checker.Kind.JACOBIAN_MISMATCH || k == Checker.Kind.OBJECT_MISMATCH || k == Checker.Kind.RECORD_MISMATCH
        || k == Checker.Kind.DATA_TWIN_MISMATCH || r.failure().detail().contains("twin");
    Batch.Sources s = r.batch().sources(true, twins);
    s.files().forEach((name, text) -> {
      b.append("    // ---- ").append(name.replace('.', '/')).append(".java\n");
      for (String line : text.split("\n")) {
        b.append("    ").append(line).append('\n');
      }
    });
    return b.toString();
  }

  /** Failures of a campaign, for tests. */
  List<Failure> firstFailures() {
    List<Failure> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(g.first);
    }
    return out;
  }

  /** Runs a campaign from the command line (test class path): see resources/fuzz/README.md. */
  public static void main(String[] args) {
    Config c = config();
    Campaign campaign = run(c, System.out);
    campaign.print(c, System.out);
  }

  static Config config() {
    return new Config(
        Long.getLong("fuzz.seed", System.currentTimeMillis() % 1_000_000_000L),
        Integer.getInteger("fuzz.programs", 1000),
        Integer.getInteger("fuzz.batch", 40),
        Feature.parse(System.getProperty("fuzz.features"), Feature.today()),
        Integer.getInteger("fuzz.shrinkBudget", 150),
        Integer.getInteger("fuzz.shrinks", 20),
        Boolean.getBoolean("fuzz.verbose"));
  }
}
