package io.github.backprop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Checks a derivative against central differences, for your own tests: a generated gradient, a
 * {@link DerivativeOf} rule, a hand-written adjoint or a forward-mode {@code mJvp}. The functions
 * take the differentiated inputs as one flat vector ({@link Flat} writes and reads it):
 *
 * <pre>{@code
 * GradientCheck.Result r = GradientCheck.of(
 *         x -> { var in = Flat.read(x); return C.m(in.scalar(), in.vector(3), 3); },
 *         x -> { var in = Flat.read(x); var g = CGrad.m(in.scalar(), in.vector(3), 3);
 *                return Flat.of(g.a()).and(g.w()).toArray(); })
 *     .at(0.5, 1, -2, 3)
 *     .directions(8).seed(42)
 *     .check();
 * r.assertWithin(1e-6);
 * }</pre>
 *
 * <p><b>What is compared.</b> Along each direction d the check compares the derivative under test
 * (⟨g(x), d⟩ for a gradient, the tangent for a JVP) with the slope of f along d from central
 * differences, Richardson-extrapolated: with D(h) = (f(x + h d) − f(x − h d)) / 2h the estimate is
 * (4 D(h/2) − D(h)) / 3, accurate to O(h⁴). The directions are random unit vectors from a seeded
 * {@link Random} (the same seed gives the same directions), and with {@link #alongAxes()} also each
 * axis, which names a wrong partial. Each direction's coordinate i is then multiplied by max(1,
 * |xᵢ|), so every input moves by about {@link #step(double) step} times its own size (as SciPy's
 * {@code approx_derivative} does): a spot of 100 and a volatility of 0.2 are both moved sensibly.
 *
 * <p><b>The error</b> of a direction is |a − b| / max(|a|, |b|, floor), where a is the derivative
 * under test and b the finite-difference one; the floor keeps two near-zero numbers from failing on
 * rounding noise. Unless set with {@link #floor(double)}, it is 1e-6 · max(1, |f(x)|). A NaN or
 * infinite value on either side is an error of +∞: it fails, with a message saying which.
 *
 * <p>{@link #hessianSymmetry} checks a gradient on its own, through its own differences: a true
 * gradient's Jacobian, the Hessian, is symmetric, so ⟨u, H v⟩ = ⟨v, H u⟩ for every pair of
 * directions, each side from central differences of the gradient.
 *
 * <p>Instances are immutable: each setter returns a new check, so one configured check can be
 * run at several points. The functions are called with new arrays, which they may write into.
 */
public final class GradientCheck {
  private static final double DEFAULT_STEP = 1e-3;
  private static final double FLOOR_FACTOR = 1e-6;

  private enum Kind {
    GRADIENT("Gradient check", "<gradient, d>", "central differences of f along d"),
    FORWARD("Forward-mode check", "jvp(x, d)", "central differences of f along d"),
    SYMMETRY("Hessian symmetry check", "<u, H v>", "<v, H u>");

    final String title;
    final String tested;
    final String reference;

    Kind(String title, String tested, String reference) {
      this.title = title;
      this.tested = tested;
      this.reference = reference;
    }
  }

  private final Kind kind;
  private final ToDoubleFunction<double[]> f;
  private final Function<double[], double[]> gradient;
  private final ToDoubleBiFunction<double[], double[]> jvp;
  private final double[] x;
  private final int directions;
  private final long seed;
  private final boolean axes;
  private final double step;
  private final double floor; // NaN: the default, relative to the values compared

  private GradientCheck(
      Kind kind,
      ToDoubleFunction<double[]> f,
      Function<double[], double[]> gradient,
      ToDoubleBiFunction<double[], double[]> jvp,
      double[] x,
      int directions,
      long seed,
      boolean axes,
      double step,
      double floor) {
    this.kind = kind;
    this.f = f;
    this.gradient = gradient;
    this.jvp = jvp;
    this.x = x;
    this.directions = directions;
    this.seed = seed;
    this.axes = axes;
    this.step = step;
    this.floor = floor;
  }

  private static GradientCheck start(
      Kind kind,
      ToDoubleFunction<double[]> f,
      Function<double[], double[]> gradient,
      ToDoubleBiFunction<double[], double[]> jvp) {
    return new GradientCheck(kind, f, gradient, jvp, null, 8, 0, false, DEFAULT_STEP, Double.NaN);
  }

  /**
   * Checks {@code gradient}, which returns ∇f(x) as a flat vector as long as x, against {@code
   * f}: ⟨gradient(x), d⟩ against the slope of f along d.
   *
   * @param f the function, of the flat vector of its differentiated inputs
   * @param gradient its gradient, as a flat vector in the same order
   * @return a check with 8 random directions and seed 0; give it a point with {@link #at}
   */
  public static GradientCheck of(
      ToDoubleFunction<double[]> f, Function<double[], double[]> gradient) {
    return start(Kind.GRADIENT, require(f, "f"), require(gradient, "gradient"), null);
  }

  /**
   * Checks a forward mode: {@code jvp.applyAsDouble(x, d)} is the directional derivative of f at
   * x along d (e.g. the {@code tangent()} of a generated {@code mJvp}), against the slope of f
   * along d.
   *
   * @param f the function, of the flat vector of its differentiated inputs
   * @param jvp the directional derivative of f at a point along a direction, both flat
   * @return a check with 8 random directions and seed 0; give it a point with {@link #at}
   */
  public static GradientCheck forward(
      ToDoubleFunction<double[]> f, ToDoubleBiFunction<double[], double[]> jvp) {
    return start(Kind.FORWARD, require(f, "f"), null, require(jvp, "jvp"));
  }

  /**
   * Checks that {@code gradient} is the gradient of some function: that the Hessian, its
   * Jacobian by central differences, is symmetric, ⟨u, H v⟩ = ⟨v, H u⟩ for every pair of the
   * directions. Its floor defaults to 1e-6 · max(1, Σ|uᵢ gᵢ(x)|, Σ|vᵢ gᵢ(x)|).
   *
   * @param gradient the gradient, of the flat vector of the differentiated inputs
   * @return a check with 8 random directions (28 pairs) and seed 0; give it a point with {@link
   *     #at}
   */
  public static GradientCheck hessianSymmetry(Function<double[], double[]> gradient) {
    return start(Kind.SYMMETRY, null, require(gradient, "gradient"), null);
  }

  /**
   * The point to check at; required.
   *
   * @param x the flat vector of the differentiated inputs, copied
   * @return a new check at {@code x}
   */
  public GradientCheck at(double... x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("the point has no coordinates");
    }
    double[] point = x.clone();
    return new GradientCheck(kind, f, gradient, jvp, point, directions, seed, axes, step, floor);
  }

  /**
   * The number of random directions, 8 by default; 0 with {@link #alongAxes()} for axes only.
   *
   * @param count at least 0
   * @return a new check
   */
  public GradientCheck directions(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("directions(" + count + "): a count is at least 0");
    }
    return new GradientCheck(kind, f, gradient, jvp, x, count, seed, axes, step, floor);
  }

  /**
   * The seed of the random directions, 0 by default; the same seed gives the same directions.
   *
   * @param seed the seed of a {@link Random}
   * @return a new check
   */
  public GradientCheck seed(long seed) {
    return new GradientCheck(kind, f, gradient, jvp, x, directions, seed, axes, step, floor);
  }

  /**
   * Also checks along each axis, after the random directions: one more direction per coordinate,
   * so a failure names the partial derivative that is wrong.
   *
   * @return a new check
   */
  public GradientCheck alongAxes() {
    return new GradientCheck(kind, f, gradient, jvp, x, directions, seed, true, step, floor);
  }

  /**
   * The step, relative to each coordinate's size (1e-3 by default): coordinate i moves by up to
   * {@code relative} · max(1, |xᵢ|). Make it smaller near the edge of f's domain.
   *
   * @param relative positive and finite
   * @return a new check
   */
  public GradientCheck step(double relative) {
    if (!(relative > 0) || Double.isInfinite(relative)) {
      throw new IllegalArgumentException("step(" + relative + "): a step is positive and finite");
    }
    return new GradientCheck(kind, f, gradient, jvp, x, directions, seed, axes, relative, floor);
  }

  /**
   * The least denominator of the relative error, in place of the default described above.
   *
   * @param floor positive and finite
   * @return a new check
   */
  public GradientCheck floor(double floor) {
    if (!(floor > 0) || Double.isInfinite(floor)) {
      throw new IllegalArgumentException("floor(" + floor + "): a floor is positive and finite");
    }
    return new GradientCheck(kind, f, gradient, jvp, x, directions, seed, axes, step, floor);
  }

  /**
   * Runs the check: every direction (every pair of them for {@link #hessianSymmetry}), in order,
   * random ones first. Exceptions of the functions under test propagate.
   *
   * @return every probe, and the worst
   * @throws IllegalStateException without a point, or without directions to check along
   * @throws IllegalArgumentException if a gradient's length is not the point's
   */
  public Result check() {
    if (x == null) {
      throw new IllegalStateException("no point to check at: call at(x) first");
    }
    List<String> labels = new ArrayList<>();
    List<double[]> ds = new ArrayList<>();
    addDirections(labels, ds);
    int least = kind == Kind.SYMMETRY ? 2 : 1;
    if (ds.size() < least) {
      throw new IllegalStateException(
          "nothing to check: " + ds.size() + " directions; ask for directions(n) or alongAxes()");
    }
    List<Probe> probes = new ArrayList<>();
    String note = kind == Kind.SYMMETRY ? pairs(labels, ds, probes) : lines(labels, ds, probes);
    String settings = "seed " + seed + ", step " + step;
    return new Result(kind, x.clone(), probes, note, settings, axes);
  }

  private void addDirections(List<String> labels, List<double[]> ds) {
    Random random = new Random(seed);
    for (int k = 0; k < directions; k++) {
      double[] v = new double[x.length];
      double norm = 0;
      while (norm == 0) {
        for (int i = 0; i < v.length; i++) {
          v[i] = random.nextGaussian();
          norm += v[i] * v[i];
        }
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] / norm * scale(i);
      }
      labels.add("random direction " + (k + 1));
      ds.add(v);
    }
    if (axes) {
      for (int i = 0; i < x.length; i++) {
        double[] e = new double[x.length];
        e[i] = scale(i);
        labels.add("axis " + i);
        ds.add(e);
      }
    }
  }

  private double scale(int i) {
    double s = Math.abs(x[i]);
    return s > 1 && s < Double.POSITIVE_INFINITY ? s : 1;
  }

  /** Gradient and forward checks: one probe per direction. */
  private String lines(List<String> labels, List<double[]> ds, List<Probe> probes) {
    double fx = f.applyAsDouble(x.clone());
    double least = Double.isNaN(floor) ? FLOOR_FACTOR * Math.max(1, finiteAbs(fx)) : floor;
    double[] g = kind == Kind.GRADIENT ? gradientAt(gradient, x.clone()) : null;
    for (int k = 0; k < ds.size(); k++) {
      double[] d = ds.get(k);
      double tested = g != null ? dot(g, d) : jvp.applyAsDouble(x.clone(), d.clone());
      double reference = CentralDifferences.slope(f, x, d, step);
      probes.add(new Probe(labels.get(k), d, null, tested, reference, least,
          relativeError(tested, reference, least)));
    }
    String note = Double.isFinite(fx) ? "" : "f(x) = " + fx;
    return g == null ? note : join(note, nonFinite("gradient(x)", g));
  }

  /** Symmetry: H d for each direction from gradient differences, then every pair. */
  private String pairs(List<String> labels, List<double[]> ds, List<Probe> probes) {
    double[] g = gradientAt(gradient, x.clone());
    List<double[]> hds = new ArrayList<>();
    for (double[] d : ds) {
      hds.add(CentralDifferences.hessianTimes(gradient, x, d, step));
    }
    for (int i = 0; i < ds.size(); i++) {
      for (int j = i + 1; j < ds.size(); j++) {
        double[] u = ds.get(i);
        double[] v = ds.get(j);
        double tested = dot(u, hds.get(j));
        double reference = dot(v, hds.get(i));
        double least = floor;
        if (Double.isNaN(least)) {
          double size = Math.max(finiteAbs(absDot(u, g)), finiteAbs(absDot(v, g)));
          least = FLOOR_FACTOR * Math.max(1, size);
        }
        probes.add(new Probe("u = " + labels.get(i) + ", v = " + labels.get(j), u, v, tested,
            reference, least, relativeError(tested, reference, least)));
      }
    }
    return nonFinite("gradient(x)", g);
  }

  /** {@code g} at {@code x} (which it may write into), of x's length. */
  static double[] gradientAt(Function<double[], double[]> g, double[] x) {
    int n = x.length;
    double[] value = g.apply(x);
    if (value == null || value.length != n) {
      throw new IllegalArgumentException("the gradient function returned "
          + (value == null ? "null" : value.length + " values") + " for a point of " + n
          + " coordinates; flatten every differentiated input, in order (Flat)");
    }
    return value;
  }

  private static double relativeError(double a, double b, double least) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), least);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double absDot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] * b[i]);
    }
    return s;
  }

  private static double finiteAbs(double v) {
    return Double.isFinite(v) ? Math.abs(v) : 0;
  }

  private static String nonFinite(String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        return name + "[" + i + "] = " + v[i];
      }
    }
    return "";
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
  }

  private static <T> T require(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    return value;
  }

  /**
   * One comparison: along one direction (or, for {@link #hessianSymmetry}, one pair of them).
   *
   * @param label which direction, e.g. {@code "random direction 3"} or {@code "axis 2"}, the axis
   *     of coordinate 2
   * @param direction the direction d, or u of a pair, as scaled by max(1, |xᵢ|)
   * @param other v of a pair; null for a gradient or forward check
   * @param tested the derivative under test: ⟨g(x), d⟩, jvp(x, d), or ⟨u, H v⟩
   * @param reference the finite-difference one: the slope of f along d, or ⟨v, H u⟩
   * @param floor the least denominator of the error
   * @param error |tested − reference| / max(|tested|, |reference|, floor), +∞ if either is NaN
   *     or infinite
   */
  public record Probe(
      String label,
      double[] direction,
      double[] other,
      double tested,
      double reference,
      double floor,
      double error) {}

  /** What a check found: every probe, and the worst. */
  public static final class Result {
    private final Kind kind;
    private final double[] x;
    private final List<Probe> probes;
    private final Probe worst;
    private final String note;
    private final String settings;
    private final boolean axes;

    private Result(
        Kind kind, double[] x, List<Probe> probes, String note, String settings, boolean axes) {
      this.kind = kind;
      this.x = x;
      this.probes = Collections.unmodifiableList(probes);
      this.note = note;
      this.settings = settings;
      this.axes = axes;
      Probe w = probes.get(0);
      for (Probe p : probes) {
        if (p.error() > w.error()) {
          w = p;
        }
      }
      this.worst = w;
    }

    /**
     * The largest relative error over all probes.
     *
     * @return the worst probe's error; +∞ if a value was NaN or infinite
     */
    public double worstError() {
      return worst.error();
    }

    /**
     * The probe with the largest error.
     *
     * @return the first of the worst probes
     */
    public Probe worst() {
      return worst;
    }

    /**
     * Every probe, in the order checked.
     *
     * @return an unmodifiable list
     */
    public List<Probe> probes() {
      return probes;
    }

    /**
     * The point checked at.
     *
     * @return a copy of the flat vector
     */
    public double[] point() {
      return x.clone();
    }

    /**
     * Whether every probe's error is at most {@code tolerance}.
     *
     * @param tolerance the largest relative error that passes
     * @return true if all pass
     */
    public boolean within(double tolerance) {
      return worst.error() <= tolerance;
    }

    /**
     * Returns if every probe's error is at most {@code tolerance}; otherwise throws an {@link
     * AssertionError} naming the worst direction, both numbers and every failing probe.
     *
     * @param tolerance the largest relative error that passes, e.g. 1e-6
     */
    public void assertWithin(double tolerance) {
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("tolerance " + tolerance + " is not at least 0");
      }
      if (!within(tolerance)) {
        throw new AssertionError(failure(tolerance));
      }
    }

    private String failure(double tolerance) {
      Probe p = worst;
      StringBuilder s = new StringBuilder(kind.title).append(" failed at x = ").append(vector(x));
      if (Double.isInfinite(p.error())) {
        s.append(": a value is NaN or infinite along ").append(p.label());
      } else {
        s.append(String.format(Locale.ROOT, ": relative error %.3g > %.3g along %s", p.error(),
            tolerance, p.label()));
      }
      s.append(" (").append(settings).append(")");
      if (p.other() == null) {
        s.append("\n  d = ").append(vector(p.direction()));
      } else {
        s.append("\n  u = ").append(vector(p.direction()));
        s.append("\n  v = ").append(vector(p.other()));
      }
      s.append("\n  ").append(kind.tested).append(" = ").append(p.tested());
      s.append("\n  ").append(kind.reference).append(" = ").append(p.reference());
      if (!Double.isFinite(p.tested())) {
        s.append("\n  the derivative under test is ").append(p.tested());
      }
      if (!Double.isFinite(p.reference())) {
        s.append("\n  the finite differences are ").append(p.reference());
        s.append(kind == Kind.SYMMETRY
            ? ": the gradient is not finite near x along u or v"
            : ": f is not finite near x along d (at the edge of its domain? try a smaller step)");
      }
      if (!note.isEmpty()) {
        s.append("\n  note: ").append(note);
      }
      if (Double.isFinite(p.error())) {
        s.append(String.format(Locale.ROOT, "\n  error = |a - b| / max(|a|, |b|, floor %.3g)",
            p.floor()));
      }
      // Failing axes first: each names a wrong partial.
      List<String> failing = new ArrayList<>();
      for (boolean axisFirst : new boolean[] {true, false}) {
        for (Probe q : probes) {
          boolean axis = q.other() == null && q.label().startsWith("axis ");
          if (axis == axisFirst && !(q.error() <= tolerance)) {
            failing.add(q.label() + " (" + error(q.error()) + ")");
          }
        }
      }
      s.append("\n  ").append(failing.size()).append(" of ").append(probes.size());
      s.append(" fail: ");
      s.append(String.join("; ", failing.subList(0, Math.min(8, failing.size()))));
      if (failing.size() > 8) {
        s.append("; ...");
      }
      if (!axes && kind != Kind.SYMMETRY) {
        s.append("\n  alongAxes() checks each partial on its own");
      }
      return s.toString();
    }

    /**
     * One line per probe, after a heading naming the worst.
     *
     * @return a multi-line summary
     */
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(kind.title).append(" at x = ").append(vector(x))
          .append(": worst error ").append(error(worst.error())).append(" along ")
          .append(worst.label()).append(" (").append(settings).append(")");
      for (Probe p : probes) {
        s.append("\n  ").append(p.label()).append(": ").append(kind.tested).append(" = ")
            .append(p.tested()).append(", ").append(kind.reference).append(" = ")
            .append(p.reference()).append(", error ").append(error(p.error()));
      }
      return s.toString();
    }

    private static String error(double e) {
      return Double.isFinite(e) ? String.format(Locale.ROOT, "%.3g", e) : "not finite";
    }

    private static String vector(double[] v) {
      StringBuilder s = new StringBuilder("[");
      int shown = Math.min(v.length, 10);
      for (int i = 0; i < shown; i++) {
        s.append(i == 0 ? "" : ", ").append(v[i]);
      }
      if (shown < v.length) {
        s.append(", ... (").append(v.length).append(" values)");
      }
      return s.append("]").toString();
    }
  }
}
