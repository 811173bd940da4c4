package io.github.backprop.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Ratios for a shared, loaded machine: where JMH times one implementation after another (seconds
 * apart, so a neighbour's build can slow one and not the next), this calls the implementations of
 * a function in turn, round after round, each timed over a batch of calls, and reports per
 * implementation the median time and the median over rounds of its ratio to the others in the
 * same round. Every implementation sees the same load. Times are the calling thread's CPU time
 * ({@code ThreadMXBean}), which leaves out the time the thread waits for a core while others run.
 *
 * <pre>
 * java -cp ... io.github.backprop.benchmarks.Interleaved [--rounds 60] [--warmup 20] [--json FILE]
 *     [all | mlp784 static mlp rosenbrock logistic jacobian ...]
 * </pre>
 *
 * <p>{@code --json} also writes every group's times ({@link Result#toJson}), which {@code
 * report.ResultsTable} turns into the side-by-side table of {@code RESULTS.md}.
 */
public final class Interleaved {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Every group, in the order of the README's table. */
  static final List<String> ALL =
      List.of("rosenbrock", "logistic", "mlp", "mlp784", "static", "jacobian");

  private Interleaved() {}

  /** One function's implementations, each one call returning something to keep. */
  record Group(String name, int callsPerBatch, Map<String, DoubleSupplier> impls) {}

  static Group mlp784() {
    Mlp784.Problem p = Mlp784.problem();
    Agreement.check("mlp784", Mlp784.loss(p), Mlp784Agreement.all(p));
    Mlp784.Weights w = p.weights();
    Mlp784.Weights into = Mlp784.Weights.zeros();
    Map<String, DoubleSupplier> m = new LinkedHashMap<>();
    m.put("primal", () -> Mlp784.loss(w.w1(), w.b1(), w.w2(), w.b2(), p.x(), p.labels()));
    m.put("generated", () -> {
      var g = Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), p.x(), p.labels());
      return g.value() + g.w1()[3][5] + g.b2()[1];
    });
    m.put("generatedInto", () -> Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), p.x(),
        p.labels(), into.w1(), into.b1(), into.w2(), into.b2()));
    m.put("handWritten", () -> Mlp784.naive(w, p.x(), p.labels(), into));
    m.put("handBlocked", () -> Mlp784.blocked(w, p.x(), p.labels(), into));
    m.put("handBlockedBoth", () -> Mlp784.blockedBoth(w, p.x(), p.labels(), into));
    m.put("handTwoRows", () -> Mlp784Chains.twoRows(w, p.x(), p.labels(), into));
    m.put("handReassociated", () -> Mlp784Chains.reassociated(w, p.x(), p.labels(), into));
    return new Group("mlp784", 1, m);
  }

  static List<Group> staticData() {
    StaticDataAgreement.check();
    List<Group> groups = new ArrayList<>();
    LogisticRegression.Problem log = StaticDataLoss.PROBLEM;
    double[] dLog = new double[LogisticRegression.FEATURES];
    Map<String, DoubleSupplier> a = new LinkedHashMap<>();
    a.put("primal", () -> StaticDataLoss.logLoss(log.w()));
    a.put("generatedInto", () -> StaticDataLossGrad.logLoss(log.w(), dLog));
    a.put("parameters", () -> LogisticRegressionGrad.logLoss(log.w(), log.x(), log.y(), dLog));
    a.put("handWritten", () -> StaticDataLoss.handLogLoss(log.w()).value());
    groups.add(new Group("static logLoss", 200, a));
    Mlp.Problem mlp = StaticDataLoss.MLP;
    double[] dMlp = new double[Mlp.WEIGHTS];
    Map<String, DoubleSupplier> b = new LinkedHashMap<>();
    b.put("primal", () -> StaticDataLoss.mlpLoss(mlp.w()));
    b.put("generatedInto", () -> StaticDataLossGrad.mlpLoss(mlp.w(), dMlp));
    b.put("parameters", () -> MlpGrad.mlpLoss(mlp.w(), mlp.x(), mlp.y(), dMlp));
    b.put("handWritten", () -> StaticDataLoss.handMlpLoss(mlp.w()).value());
    groups.add(new Group("static mlp", 100, b));
    Mlp784.Problem big = StaticDataLoss.MLP784;
    Mlp784.Weights w = big.weights();
    Mlp784.Weights d = Mlp784.Weights.zeros();
    Map<String, DoubleSupplier> c = new LinkedHashMap<>();
    c.put("primal", () -> StaticDataLoss.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2()));
    c.put("generatedInto", () -> StaticDataLossGrad.mlp784Loss(w.w1(), w.b1(), w.w2(), w.b2(),
        d.w1(), d.b1(), d.w2(), d.b2()));
    c.put("parameters", () -> Mlp784Grad.loss(w.w1(), w.b1(), w.w2(), w.b2(), big.x(),
        big.labels(), d.w1(), d.b1(), d.w2(), d.b2()));
    c.put("handWritten", () -> StaticDataLoss.handMlp784Loss(w, d));
    groups.add(new Group("static mlp784", 1, c));
    return groups;
  }

  /** The 2-16-1 network over parameters ({@link Mlp}): primal, generated, by hand. */
  static Group mlp() {
    Mlp.Problem p = Mlp.problem();
    double[] into = new double[Mlp.WEIGHTS];
    Map<String, DoubleSupplier> m = new LinkedHashMap<>();
    m.put("primal", () -> Mlp.mlpLoss(p.w(), p.x(), p.y()));
    m.put("generatedInto", () -> MlpGrad.mlpLoss(p.w(), p.x(), p.y(), into));
    m.put("handWritten", () -> Mlp.handWritten(p.w(), p.x(), p.y()).value());
    return new Group("mlp", 100, m);
  }

  /** Rosenbrock at n = 1000 ({@link Rosenbrock}): primal, generated, the two hand adjoints. */
  static Group rosenbrock() {
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = -1.2 + 0.002 * i;
    }
    double[] into = new double[x.length];
    Map<String, DoubleSupplier> m = new LinkedHashMap<>();
    m.put("primal", () -> Rosenbrock.rosenbrock(x));
    m.put("generatedInto", () -> RosenbrockGrad.rosenbrock(x, into));
    m.put("generated", () -> RosenbrockGrad.rosenbrock(x).x()[3]);
    m.put("handWritten", () -> Rosenbrock.handWritten(x).value());
    m.put("handFused", () -> Rosenbrock.handFused(x).value());
    return new Group("rosenbrock n=1000", 100, m);
  }

  /** The logistic loss 256 × 16 over parameters ({@link LogisticRegression}). */
  static Group logistic() {
    LogisticRegression.Problem p = LogisticRegression.problem();
    double[] into = new double[LogisticRegression.FEATURES];
    Map<String, DoubleSupplier> m = new LinkedHashMap<>();
    m.put("primal", () -> LogisticRegression.logLoss(p.w(), p.x(), p.y()));
    m.put("generatedInto", () -> LogisticRegressionGrad.logLoss(p.w(), p.x(), p.y(), into));
    m.put("generated", () -> LogisticRegressionGrad.logLoss(p.w(), p.x(), p.y()).w()[3]);
    m.put("handWritten", () -> LogisticRegression.handWritten(p.w(), p.x(), p.y()).value());
    return new Group("logistic 256x16", 100, m);
  }

  /** Broyden's Jacobian at n = 100 ({@link Jacobian}): generated, central differences, Hipparchus. */
  static Group jacobian() {
    double[] x = new double[100];
    for (int i = 0; i < x.length; i++) {
      x[i] = -1 + 0.01 * i;
    }
    Map<String, DoubleSupplier> m = new LinkedHashMap<>();
    m.put("primal", () -> Jacobian.broyden(x)[7]);
    m.put("generated", () -> JacobianGrad.broydenJacobian(x).jacobian()[7][8]);
    m.put("rowByRowVjp", () -> Jacobian.broydenRowByRow(x)[7][8]);
    m.put("centralDiffs", () -> Jacobian.broydenDifferences(x)[7][8]);
    m.put("hipparchus", () -> Jacobian.broydenHipparchus(x)[7][8]);
    return new Group("jacobian broyden n=100", 10, m);
  }

  static double median(double[] xs) {
    return quantile(xs, 0.5);
  }

  /** One group's CPU times: {@code times[i][r]} is implementation i's ns per call in round r. */
  record Result(String group, int warmup, int rounds, List<String> names, double[][] times) {
    /** The median over rounds of implementation a's time over b's, within each round. */
    double ratio(int a, int b, double quantile) {
      double[] r = new double[rounds];
      for (int k = 0; k < rounds; k++) {
        r[k] = times[a][k] / times[b][k];
      }
      return quantile(r, quantile);
    }

    /** {"group": ..., "median": {impl: ns}, "ratios": {"a/b": [p10, median, p90]}}. */
    String toJson() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "{\"group\": \"%s\", \"warmup\": %d, \"rounds\": %d,"
          + "%n  \"median\": {", group, warmup, rounds));
      for (int i = 0; i < names.size(); i++) {
        b.append(String.format(Locale.ROOT, "%s\"%s\": %.1f", i == 0 ? "" : ", ", names.get(i),
            median(times[i])));
      }
      b.append("},\n  \"ratios\": {");
      String sep = "";
      for (int i = 0; i < names.size(); i++) {
        for (int j = 0; j < names.size(); j++) {
          if (i != j) {
            b.append(String.format(Locale.ROOT, "%s%n    \"%s/%s\": [%.4f, %.4f, %.4f]", sep,
                names.get(i), names.get(j), ratio(i, j, 0.1), ratio(i, j, 0.5), ratio(i, j, 0.9)));
            sep = ",";
          }
        }
      }
      return b.append("}}").toString();
    }
  }

  /** The q-quantile of xs, by linear interpolation between order statistics. */
  static double quantile(double[] xs, double q) {
    double[] s = xs.clone();
    Arrays.sort(s);
    double at = q * (s.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (at - lo) * (s[hi] - s[lo]);
  }

  /** Runs one group, prints its medians and median ratios, and returns its times. */
  static Result run(Group g, int warmup, int rounds) {
    List<String> names = new ArrayList<>(g.impls().keySet());
    int k = names.size();
    double[][] t = new double[k][rounds];
    double sink = 0;
    for (int r = -warmup; r < rounds; r++) {
      for (int j = 0; j < k; j++) {
        int i = Math.floorMod(r + j, k); // rotate the order
        DoubleSupplier f = g.impls().get(names.get(i));
        long start = CPU.getCurrentThreadCpuTime();
        for (int c = 0; c < g.callsPerBatch(); c++) {
          sink += f.getAsDouble();
        }
        long ns = CPU.getCurrentThreadCpuTime() - start;
        if (r >= 0) {
          t[i][r] = (double) ns / g.callsPerBatch();
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n%s: %d rounds after %d of warm-up (sink %.3g)%n", g.name(),
        rounds, warmup, sink);
    for (int i = 0; i < k; i++) {
      System.out.printf(Locale.ROOT, "  %-15s median %,14.0f ns CPU%n", names.get(i), median(t[i]));
    }
    System.out.printf(Locale.ROOT, "  median over rounds of row / column:%n  %-15s", "");
    for (String n : names) {
      System.out.printf(Locale.ROOT, " %15s", n);
    }
    System.out.println();
    for (int i = 0; i < k; i++) {
      System.out.printf(Locale.ROOT, "  %-15s", names.get(i));
      for (int j = 0; j < k; j++) {
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = t[i][r] / t[j][r];
        }
        System.out.printf(Locale.ROOT, " %14.2f×", median(ratio));
      }
      System.out.println();
    }
    return new Result(g.name(), warmup, rounds, names, t);
  }

  public static void main(String[] args) throws IOException {
    int rounds = 60;
    int warmup = 20;
    Path json = null;
    List<String> which = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        case "all" -> which.addAll(ALL);
        default -> which.add(args[i]);
      }
    }
    if (which.isEmpty()) {
      which = List.of("mlp784", "static");
    }
    List<Result> results = new ArrayList<>();
    for (String w : which) {
      switch (w) {
        case "mlp784" -> results.add(run(mlp784(), warmup, rounds));
        case "mlp" -> results.add(run(mlp(), warmup, rounds));
        case "rosenbrock" -> results.add(run(rosenbrock(), warmup, rounds));
        case "logistic" -> results.add(run(logistic(), warmup, rounds));
        case "jacobian" -> results.add(run(jacobian(), warmup, rounds));
        case "static" -> {
          for (Group g : staticData()) {
            results.add(run(g, warmup, rounds));
          }
        }
        default -> throw new IllegalArgumentException("unknown group " + w
            + "; groups: all " + String.join(" ", ALL));
      }
    }
    if (json != null) {
      Files.writeString(json, "[" + String.join(",\n", results.stream().map(Result::toJson)
          .toList()) + "]\n", StandardCharsets.UTF_8);
    }
  }
}
