package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.Call;
import io.github.backprop.processor.fuzz.Ast.Expr;
import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.Stmt;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Gen.Callee;
import io.github.backprop.processor.fuzz.Gen.Constant;
import io.github.backprop.processor.fuzz.Gen.Context;
import io.github.backprop.processor.fuzz.Gen.Plain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One compilation: class {@code p.C} with constants, plain helpers, generated callees and many
 * generated programs, and class {@code p.H} with more callees. Compiling many programs at once
 * amortises javac's start-up; a failure is narrowed down to its method afterwards.
 */
final class Batch {
  /** A generated method to check, the points to check it at, and where it came from. */
  record Unit(Method method, List<Object[]> points, String origin) {
    String key() {
      return method.signatureKey();
    }
  }

  final long seed;
  final Set<Feature> features;
  final boolean staticMathImport;
  /** Callees, in order: each may call only earlier ones. */
  final List<Unit> callees;
  final List<Unit> programs;
  /** callName of every callee, by signature key, and static imports of H's methods. */
  final Map<String, String> callNames;

  final Set<String> staticImports;

  Batch(
      long seed,
      Set<Feature> features,
      boolean staticMathImport,
      List<Unit> callees,
      List<Unit> programs,
      Map<String, String> callNames,
      Set<String> staticImports) {
    this.seed = seed;
    this.features = features;
    this.staticMathImport = staticMathImport;
    this.callees = List.copyOf(callees);
    this.programs = List.copyOf(programs);
    this.callNames = callNames;
    this.staticImports = staticImports;
  }

  Batch with(List<Unit> callees, List<Unit> programs) {
    return new Batch(seed, features, staticMathImport, callees, programs, callNames, staticImports);
  }

  List<Unit> all() {
    List<Unit> all = new ArrayList<>(callees);
    all.addAll(programs);
    return all;
  }

  /** SplitMix64: independent streams per batch and per program. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ------------------------------------------------------------------ generation

  static final String[] PROGRAM_NAMES_NASTY = {"value", "_value", "grad", "Value", "m_", "CGrad", "of"};

  /** {@code programs} programs from {@code seed}; the callees come from the same seed. */
  static Batch generate(long seed, int programs, Set<Feature> f) {
    Random r = new Random(mix(seed, 0));
    boolean staticMath = f.contains(Feature.STATIC_IMPORT) && r.nextInt(4) == 0;
    List<Plain> plains = f.contains(Feature.PLAIN_HELPERS) ? PLAINS : List.of();
    List<Unit> callees = new ArrayList<>();
    List<Callee> forC = new ArrayList<>();
    List<Callee> forH = new ArrayList<>();
    Map<String, String> callNames = new LinkedHashMap<>();
    Set<String> staticImports = new LinkedHashSet<>();
    Set<String> keys = new HashSet<>();
    Set<String> namesC = new HashSet<>();
    Set<String> namesH = new HashSet<>();
    Set<String> widened = new HashSet<>();
    int n = f.contains(Feature.CALLS) ? 2 + r.nextInt(4) : 0;
    for (int i = 0; i < n; i++) {
      boolean inH = f.contains(Feature.CROSS_CLASS_CALLS) && r.nextInt(3) == 0;
      String owner = inH ? "H" : "C";
      boolean isPrivate = !inH && f.contains(Feature.PRIVATE_CALLEES) && r.nextInt(4) == 0;
      Set<String> own = inH ? namesH : namesC;
      String name = "h" + i;
      Random mr = new Random(mix(seed, 1000 + i));
      List<T> fixed = null;
      List<String> overloadable = new ArrayList<>(own);
      overloadable.removeAll(widened);
      if (f.contains(Feature.OVERLOADS) && !overloadable.isEmpty() && r.nextInt(3) == 0) {
        name = pick(r, overloadable);
        fixed = overloadTypes(r, f);
      }
      // An overload does not call its own name: the call could resolve to itself.
      String self = name;
      List<Callee> visible = new ArrayList<>(inH ? forH : forC);
      visible.removeIf(c -> c.method().name().equals(self));
      Gen g = new Gen(mr, f, new Context(visible, plainsFor(plains, owner), constantsFor(owner, f), staticMath && !inH, widened));
      Gen.Generated gen = g.method(owner, name, true, isPrivate, fixed, 2);
      if (!keys.add(gen.method().signatureKey())) {
        // The same signature twice: not an overload. Rename.
        name = "h" + i;
        gen = new Gen.Generated(rename(gen.method(), name), gen.result(), gen.points());
        keys.add(gen.method().signatureKey());
      }
      own.add(name);
      if (f.contains(Feature.UNANNOTATED_CALLEES) && r.nextInt(3) == 0) {
        Method m = gen.method();
        gen = new Gen.Generated(
            new Method(m.owner(), m.name(), m.params(), m.body(), false, m.isPrivate()), gen.result(), gen.points());
      }
      Unit u = new Unit(gen.method(), gen.points(), "batch " + seed + " callee " + i);
      callees.add(u);
      Range result = gen.result() == null ? new Range(-Gen.LIMIT, Gen.LIMIT) : gen.result();
      // From C: its own by simple name (or qualified), H's qualified or statically imported.
      String fromC;
      if (inH) {
        boolean clash = namesC.contains(name);
        if (!clash && f.contains(Feature.STATIC_IMPORT) && r.nextInt(3) == 0) {
          staticImports.add(name);
          fromC = name;
        } else {
          fromC = "H." + name;
        }
      } else {
        fromC = r.nextInt(5) == 0 ? "C." + name : name;
      }
      callNames.put(u.key(), fromC);
      forC.add(new Callee(u.method(), result, fromC));
      if (!isPrivate) {
        forH.add(new Callee(u.method(), result, inH ? name : "C." + name));
      }
    }
    List<Unit> progs = new ArrayList<>();
    Set<String> programNames = new HashSet<>();
    for (int i = 0; i < programs; i++) {
      Random mr = new Random(mix(seed, i + 1));
      Gen g = new Gen(mr, f, new Context(forC, plainsFor(plains, "C"), constantsFor("C", f), staticMath, widened));
      String name = "m" + i;
      if (f.contains(Feature.NASTY_NAMES) && mr.nextInt(20) == 0) {
        String nasty = PROGRAM_NAMES_NASTY[mr.nextInt(PROGRAM_NAMES_NASTY.length)];
        if (!namesC.contains(nasty) && programNames.add(nasty.toLowerCase(java.util.Locale.ROOT))) {
          name = nasty;
        }
      }
      Gen.Generated gen = g.method("C", name, false, false, null, 3);
      progs.add(new Unit(gen.method(), gen.points(), "batch " + seed + " program " + i));
    }
    return new Batch(seed, f, staticMath, callees, progs, callNames, staticImports);
  }

  private static <X> X pick(Random r, List<X> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  private static List<T> overloadTypes(Random r, Set<Feature> f) {
    List<T> types = new ArrayList<>();
    int doubles = 1 + r.nextInt(3);
    for (int i = 0; i < doubles; i++) {
      types.add(T.DOUBLE);
    }
    if (f.contains(Feature.INTEGERS) && r.nextBoolean()) {
      types.add(r.nextBoolean() ? T.INT : T.LONG);
    }
    java.util.Collections.shuffle(types, r);
    return types;
  }

  private static Method rename(Method m, String name) {
    return new Method(m.owner(), name, m.params(), m.body(), m.differentiable(), m.isPrivate());
  }

  // ------------------------------------------------------------------ the fixed parts

  /** Plain helpers of C, with the ranges of their results over the callee domains. */
  static final List<Plain> PLAINS =
      List.of(
          new Plain("plain0", List.of(T.DOUBLE, T.INT), T.DOUBLE, new Range(-14, 16)),
          new Plain("plain1", List.of(T.DOUBLE), T.DOUBLE, new Range(-2, 2)),
          new Plain("plainInt", List.of(T.INT), T.INT, new Range(-5, 11)),
          new Plain("plainFlag", List.of(T.BOOLEAN, T.DOUBLE), T.DOUBLE, new Range(-3, 3)),
          new Plain("plainScale", List.of(T.DOUBLE_ARR, T.DOUBLE), T.VOID, Range.ZERO),
          new Plain("plainShift", List.of(T.DOUBLE_ARR, T.DOUBLE), T.VOID, Range.ZERO));

  static final String PLAIN_SOURCE =
      """
        static double plain0(double t, int n) {
          return t * n + 1;
        }

        static double plain1(double t) {
          return Math.sin(t) * 2;
        }

        static int plainInt(int n) {
          return n * 2 + 1;
        }

        static double plainFlag(boolean b, double t) {
          return b ? t : -t;
        }

        static void plainScale(double[] a, double k) {
          for (int i = 0; i < a.length; i++) {
            a[i] *= k;
          }
        }

        static void plainShift(double[] a, double c) {
          for (int i = a.length - 1; i >= 0; i--) {
            a[i] = a[i] + c;
          }
        }
      """;

  /**
   * Helpers with {@code @DerivativeOf} rules (the rules give the derivatives, computed otherwise
   * than the bodies, which the checker compares with finite differences of the bodies), and plain
   * helpers that sort a copy and choose coefficient tables, read in place.
   */
  static final String RULE_SOURCE =
      """
        static double softplus(double x) {
          return x > 30 ? x : Math.log1p(Math.exp(x));
        }

        @io.github.backprop.DerivativeOf(type = C.class, method = "softplus")
        static SoftplusD softplusRule(double x) {
          return new SoftplusD(softplus(x), 1 / (1 + Math.exp(-x)));
        }

        record SoftplusD(double value, double dx) {}

        static double scaled(double x, double k) {
          return k * x * x;
        }

        @io.github.backprop.DerivativeOf(type = C.class, method = "scaled")
        static ScaledD scaledRule(double x, double k) {
          return new ScaledD(scaled(x, k), 2 * k * x, x * x);
        }

        record ScaledD(double value, double dx, double dk) {}

        static final double[] LOW = {1.0, 0.5, 0.25};
        static final double[] HIGH = {2.0, -0.5, 0.125};

        static double sortedAt(double[] a, int k) {
          double[] s = java.util.Arrays.copyOf(a, a.length);
          java.util.Arrays.sort(s);
          return s[Math.floorMod(k, s.length)];
        }

        static double tableChoice(double x) {
          final double[] c = x < 0.5 ? LOW : HIGH;
          double[] d;
          if (x > 1) {
            d = new double[] {0.5, 1.5};
          } else {
            d = LOW;
          }
          return (c[2] * x + c[1]) * x + c[0] + d[1] * x;
        }
      """;

  /** The record of {@link Feature#RECORD_VALUES}, and static methods that take and return it. */
  static final String RECORD_SOURCE =
      """
        record P(double x, double y) {
          P {
            if (Double.isNaN(x) || Double.isNaN(y)) {
              throw new IllegalArgumentException("a component is not a number");
            }
          }

          double norm2() {
            return x * x + y * y;
          }

          P scale(double k) {
            return new P(k * x, k * y());
          }

          P plus(P o) {
            return new P(x + o.x, y + o.y());
          }
        }

        static P rot(P p) {
          return new P(0.6 * p.x() - 0.8 * p.y(), 0.8 * p.x() + 0.6 * p.y());
        }

        static double dot(P a, P b) {
          return a.x() * b.x() + a.y() * b.y();
        }
      """;

  /** The helpers of {@link Feature#LAMBDAS}, which take a functional value. */
  static final String LAMBDA_SOURCE =
      """
        static double applyTwice(java.util.function.DoubleUnaryOperator f, double x) {
          return f.applyAsDouble(f.applyAsDouble(x));
        }

        static double midpoint(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
          double h = (b - a) / n;
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += f.applyAsDouble(a + (i + 0.5) * h) * h;
          }
          return s;
        }
      """;

  /** Tables, scalars computed when C initialises, and the enum of String/enum switches. */
  static final String TABLE_SOURCE =
      """
        static final double[] COEF = {0.5, -0.25, 0.125, 1.5};
        static final double[][] TAB = {{1.0, 0.5, -0.5}, {0.25, -1.0, 2.0}};
        static final int[] IDX = {2, 0, 1};
        private static final double[] W3 = {Math.sqrt(0.5), 1 / 3.0, -0.125};
        private static final double HALF_LOG = 0.5 * Math.log(2 * Math.PI);
        static final double INV_SQRT2 = 1 / Math.sqrt(2.0);

        enum Mode {
          LO,
          MID,
          HI
        }
      """;

  /**
   * Every generated loop tests {@code C.live()} first: a shrinker's edit (a counter update
   * dropped, a condition replaced by a literal) may make a loop endless, and this ends it with
   * an exception the checker treats as the fuzzer's own fault, never as the failure being shrunk.
   * The checker resets the count before every call.
   */
  static final String GUARD_SOURCE =
      """
        static long steps;

        static boolean live() {
          if (++steps > 5_000_000L) {
            throw new IllegalStateException("runaway loop");
          }
          return true;
        }

      """;

  static final String CONSTANT_SOURCE =
      """
        static final double K0 = 0.25;
        private static final double K1 = 1.5;
        static final double K2 = Math.sqrt(2.0);
        static final int N0 = 3;
      """;

  private static List<Plain> plainsFor(List<Plain> plains, String owner) {
    if (owner.equals("C")) {
      return plains;
    }
    List<Plain> out = new ArrayList<>();
    for (Plain p : plains) {
      out.add(new Plain("C." + p.callName(), p.params(), p.result(), p.range()));
    }
    return out;
  }

  private static List<Constant> constantsFor(String owner, Set<Feature> f) {
    List<Constant> cs = new ArrayList<>();
    if (!f.contains(Feature.CONSTANTS)) {
      return cs;
    }
    cs.add(new Constant("Math.PI", T.DOUBLE, Range.point(Math.PI)));
    cs.add(new Constant("Math.E", T.DOUBLE, Range.point(Math.E)));
    cs.add(new Constant("C.K0", T.DOUBLE, Range.point(0.25)));
    cs.add(new Constant("C.K2", T.DOUBLE, Range.point(Math.sqrt(2))));
    cs.add(new Constant("C.N0", T.INT, Range.point(3)));
    if (f.contains(Feature.STRICT_MATH)) {
      cs.add(new Constant("StrictMath.PI", T.DOUBLE, Range.point(Math.PI)));
    }
    if (f.contains(Feature.STATIC_TABLES)) {
      cs.add(new Constant("C.INV_SQRT2", T.DOUBLE, Range.point(1 / Math.sqrt(2.0))));
      if (owner.equals("C")) {
        cs.add(new Constant("INV_SQRT2", T.DOUBLE, Range.point(1 / Math.sqrt(2.0))));
        cs.add(new Constant("HALF_LOG", T.DOUBLE, Range.point(0.5 * Math.log(2 * Math.PI))));
      }
    }
    if (owner.equals("C")) {
      cs.add(new Constant("K0", T.DOUBLE, Range.point(0.25)));
      cs.add(new Constant("K1", T.DOUBLE, Range.point(1.5)));
      cs.add(new Constant("K2", T.DOUBLE, Range.point(Math.sqrt(2))));
      cs.add(new Constant("N0", T.INT, Range.point(3)));
    }
    return cs;
  }

  // ------------------------------------------------------------------ source

  /** The sources of this batch, and the line span of every method in them. */
  record Sources(Map<String, String> files, Map<String, int[]> lines, Map<String, String> fileOf) {}

  Sources sources() {
    return sources(false);
  }

  /** {@code minimal}: leave out the constants and plain helpers when nothing uses them. */
  Sources sources(boolean minimal) {
    return sources(minimal, false);
  }

  /**
   * Whether a unit's method gets a vector twin: one differentiable method in four, chosen by its
   * key, which keeps the slice's compile time within reach.
   */
  static boolean hasTwin(Unit u) {
    return u.method().differentiable() && Math.floorMod(u.key().hashCode(), 4) == 0;
  }

  /**
   * Whether a unit's method gets an object twin ({@link Printer#objectTwin}): one differentiable
   * method of C in four whose first parameter is a double, chosen by its key apart from the vector
   * twins.
   */
  static boolean hasObjectTwin(Unit u) {
    Ast.Method m = u.method();
    return m.differentiable() && m.owner().equals("C") && !m.params().isEmpty()
        && m.params().get(0).type() == Ast.T.DOUBLE && Math.floorMod(u.key().hashCode(), 4) == 1;
  }

  /**
   * The object twin's class: named by the method and its unit, since two units may hold
   * overloads of one name (batch 20261249's two h1, whose twins clashed).
   */
  static String objectTwinClass(Unit u) {
    return "Obj_" + u.method().name() + "_" + Integer.toHexString(u.key().hashCode());
  }

  /**
   * Whether a unit's method gets a record twin ({@link Printer#recordTwin}): one differentiable
   * method of C in four whose first parameter is a double or a double[], chosen by its key apart
   * from the vector and object twins.
   */
  static boolean hasRecordTwin(Unit u) {
    Ast.Method m = u.method();
    return m.differentiable() && m.owner().equals("C") && !m.params().isEmpty()
        && (m.params().get(0).type() == Ast.T.DOUBLE || m.params().get(0).type() == Ast.T.DOUBLE_ARR)
        && Math.floorMod(u.key().hashCode(), 4) == 2;
  }

  /** The record twin's record, named as the object twin's class is. */
  static String recordTwinClass(Unit u) {
    return "Rec_" + u.method().name() + "_" + Integer.toHexString(u.key().hashCode());
  }

  /**
   * How many leading parameters the record twin's record holds: up to three, while they are
   * doubles, double arrays, ints or booleans (the last two inactive components).
   */
  static int recordComponents(Ast.Method m) {
    int k = 0;
    while (k < Math.min(3, m.params().size())) {
      Ast.T t = m.params().get(k).type();
      if (t != Ast.T.DOUBLE && t != Ast.T.DOUBLE_ARR && t != Ast.T.INT && t != Ast.T.BOOLEAN) {
        break;
      }
      k++;
    }
    return k;
  }

  /** {@code twins}: some differentiable methods followed by their vector twin ({@link Printer#vectorTwin}). */
  Sources sources(boolean minimal, boolean twins) {
    StringBuilder all = new StringBuilder();
    for (Unit u : all()) {
      all.append(Printer.method(u.method()));
    }
    String text = all.toString();
    boolean constants = !minimal || text.matches("(?s).*\\b(K0|K1|K2|N0)\\b.*");
    boolean plainHelpers = !minimal || text.contains("plain");
    boolean tables = !minimal || text.matches("(?s).*\\b(COEF|TAB|IDX|W3|HALF_LOG|INV_SQRT2|Mode)\\b.*");
    Map<String, int[]> lines = new LinkedHashMap<>();
    Map<String, String> fileOf = new LinkedHashMap<>();
    StringBuilder c = new StringBuilder();
    c.append("package p;\n\nimport io.github.backprop.Differentiable;\n");
    if (staticMathImport) {
      c.append("import static java.lang.Math.*;\n");
    }
    for (String s : usedStaticImports()) {
      c.append("import static p.H.").append(s).append(";\n");
    }
    c.append("\nclass C {\n");
    c.append(GUARD_SOURCE);
    if (constants) {
      c.append(CONSTANT_SOURCE);
    }
    if (plainHelpers) {
      c.append(constants ? "\n" : "").append(PLAIN_SOURCE);
    }
    if (tables) {
      c.append(constants || plainHelpers ? "\n" : "").append(TABLE_SOURCE);
    }
    if (!minimal || text.matches("(?s).*\\bC\\.(softplus|scaled|sortedAt|tableChoice)\\(.*")) {
      c.append(constants || plainHelpers || tables ? "\n" : "").append(RULE_SOURCE);
    }
    // Only where a method uses it, so that batches without the feature stay as they were.
    if (text.matches("(?s).*\\bC\\.(P|rot|dot)\\b.*")) {
      c.append('\n').append(RECORD_SOURCE);
    }
    if (text.matches("(?s).*\\bC\\.(applyTwice|midpoint)\\b.*")) {
      c.append('\n').append(LAMBDA_SOURCE);
    }
    StringBuilder h = new StringBuilder();
    h.append("package p;\n\nimport io.github.backprop.Differentiable;\n\nfinal class H {\n  private H() {}\n");
    boolean anyH = false;
    for (Unit u : all()) {
      boolean inH = u.method().owner().equals("H");
      anyH |= inH;
      StringBuilder b = inH ? h : c;
      b.append('\n');
      int start = countLines(b) + 1;
      Printer.method(u.method(), b, "  ");
      lines.put(u.key(), new int[] {start, countLines(b)});
      if (twins && hasTwin(u)) {
        b.append('\n');
        Printer.vectorTwin(u.method(), b, "  ");
      }
      if (twins && hasObjectTwin(u)) {
        b.append('\n');
        Printer.objectTwin(u.method(), objectTwinClass(u), b, "  ");
      }
      if (twins && hasRecordTwin(u)) {
        b.append('\n');
        Printer.recordTwin(u.method(), recordTwinClass(u), recordComponents(u.method()), b, "  ");
      }
      DataTwins.Shape shape = twins ? DataTwins.of(u, features) : null;
      if (shape != null) {
        b.append('\n');
        DataTwins.print(u, shape, features.contains(Feature.ABSTRACT_TYPES), b, "  ");
      }
      fileOf.put(u.key(), inH ? "H" : "C");
    }
    c.append("}\n");
    h.append("}\n");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("p.C", c.toString());
    if (anyH) {
      files.put("p.H", h.toString());
    }
    return new Sources(files, lines, fileOf);
  }

  /** Static imports of H's methods that a callee still in the batch needs. */
  private Set<String> usedStaticImports() {
    Set<String> out = new LinkedHashSet<>();
    Set<String> inH = new HashSet<>();
    for (Unit u : callees) {
      if (u.method().owner().equals("H")) {
        inH.add(u.method().name());
      }
    }
    for (String s : staticImports) {
      if (inH.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static int countLines(StringBuilder b) {
    int n = 0;
    for (int i = 0; i < b.length(); i++) {
      if (b.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ dependencies

  /** The simple names of the methods {@code m} calls (Math functions included). */
  static Set<String> calledNames(Method m) {
    Set<String> out = new LinkedHashSet<>();
    walk(m.body(), e -> {
      if (e instanceof Call c) {
        out.add(c.name());
      }
    });
    return out;
  }

  /** The callees {@code units} need, transitively, in batch order. */
  List<Unit> calleesNeededBy(List<Unit> units) {
    Set<String> names = new HashSet<>();
    for (Unit u : units) {
      names.addAll(calledNames(u.method()));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Unit c : callees) {
        if (names.contains(c.method().name())) {
          for (String n : calledNames(c.method())) {
            changed |= names.add(n);
          }
        }
      }
    }
    List<Unit> out = new ArrayList<>();
    for (Unit c : callees) {
      if (names.contains(c.method().name())) {
        out.add(c);
      }
    }
    return out;
  }

  static void walk(Stmt s, java.util.function.Consumer<Expr> visit) {
    for (Expr e : Ast.exprsOf(s)) {
      walk(e, visit);
    }
    for (Stmt child : Edit.children(s)) {
      walk(child, visit);
    }
  }

  static void walk(Expr e, java.util.function.Consumer<Expr> visit) {
    visit.accept(e);
    for (Expr k : e.kids()) {
      walk(k, visit);
    }
  }

  /** The parameter types of a method, as Java classes. */
  static Class<?>[] javaTypes(List<Param> params) {
    Class<?>[] out = new Class<?>[params.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (params.get(i).type()) {
            case DOUBLE -> double.class;
            case INT -> int.class;
            case LONG -> long.class;
            case BOOLEAN -> boolean.class;
            case DOUBLE_ARR -> double[].class;
            case DOUBLE_ARR2 -> double[][].class;
            case INT_ARR -> int[].class;
            case STRING -> String.class;
            case FLOAT, ENUM, POINT, VOID -> throw new IllegalArgumentException("no " + params.get(i).type() + " parameters");
          };
    }
    return out;
  }
}
