package io.github.backprop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Checks a derivative against central differences, for your own tests: a generated gradient, a
 * {@link DerivativeOf} rule, a hand-written adjoint, a forward-mode {@code mJvp} or a
 * Hessian-vector product {@code mHvp}. The functions
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
 * <p>{@link #hessianVector} checks a Hessian-vector product, such as a generated {@code mHvp}'s,
 * against central differences of the gradient along each direction, component by component.
 *
 * <p>Instances are immutable: each setter returns a new check, so one configured check can be
 * run at several points. The functions are called with new arrays, which they may write into.
 */
public final class GradientCheck {
  private static final double DEFAULT_STEP = 1e-3;

  private final CheckKind kind;
  private final ToDoubleFunction<double[]> f;
  private final Function<double[], double[]> gradient;
  private final ToDoubleBiFunction<double[], double[]> jvp;
  private final BiFunction<double[], double[], double[]> hvp;
  private final double[] x;
  private final int directions;
  private final long seed;
  private final boolean axes;
  private final double step;
  private final double floor; // NaN: the default, relative to the values compared

  private GradientCheck(
      CheckKind kind,
      ToDoubleFunction<double[]> f,
      Function<double[], double[]> gradient,
      ToDoubleBiFunction<double[], double[]> jvp,
      BiFunction<double[], double[], double[]> hvp,
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
    this.hvp = hvp;
    this.x = x;
    this.directions = directions;
    this.seed = seed;
    this.axes = axes;
    this.step = step;
    this.floor = floor;
  }

  private static GradientCheck start(
      CheckKind kind,
      ToDoubleFunction<double[]> f,
      Function<double[], double[]> gradient,
      ToDoubleBiFunction<double[], double[]> jvp,
      BiFunction<double[], double[], double[]> hvp) {
    return new GradientCheck(kind, f, gradient, jvp, hvp, null, 8, 0, false, DEFAULT_STEP, Double.NaN);
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
    return start(CheckKind.GRADIENT, require(f, "f"), require(gradient, "gradient"), null, null);
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
    return start(CheckKind.FORWARD, require(f, "f"), null, require(jvp, "jvp"), null);
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
    return start(CheckKind.SYMMETRY, null, require(gradient, "gradient"), null, null);
  }

  /**
   * Checks a Hessian-vector product: {@code hvp.apply(x, d)} is H d, the Hessian at x times d (e.g.
   * the {@code hvp()} of a generated {@code mHvp}), against central differences of {@code
   * gradient} along d. A direction's error is that of the component that differs most, relative
   * to the larger of the two vectors' largest components; its floor defaults to 1e-6 · max(1,
   * max|gᵢ(x)|).
   *
   * @param gradient the gradient, of the flat vector of the differentiated inputs
   * @param hvp the Hessian at a point times a direction, both flat, as a flat vector
   * @return a check with 8 random directions and seed 0; give it a point with {@link #at}
   */
  public static GradientCheck hessianVector(
      Function<double[], double[]> gradient, BiFunction<double[], double[], double[]> hvp) {
    return start(CheckKind.HVP, null, require(gradient, "gradient"), null, require(hvp, "hvp"));
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
    return new GradientCheck(kind, f, gradient, jvp, hvp, point, directions, seed, axes, step, floor);
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
    return new GradientCheck(kind, f, gradient, jvp, hvp, x, count, seed, axes, step, floor);
  }

  /**
   * The seed of the random directions, 0 by default; the same seed gives the same directions.
   *
   * @param seed the seed of a {@link Random}
   * @return a new check
   */
  public GradientCheck seed(long seed) {
    return new GradientCheck(kind, f, gradient, jvp, hvp, x, directions, seed, axes, step, floor);
  }

  /**
   * Also checks along each axis, after the random directions: one more direction per coordinate,
   * so a failure names the partial derivative that is wrong.
   *
   * @return a new check
   */
  public GradientCheck alongAxes() {
    return new GradientCheck(kind, f, gradient, jvp, hvp, x, directions, seed, true, step, floor);
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
    return new GradientCheck(kind, f, gradient, jvp, hvp, x, directions, seed, axes, relative, floor);
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
    return new GradientCheck(kind, f, gradient, jvp, hvp, x, directions, seed, axes, step, floor);
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
    int least = kind == CheckKind.SYMMETRY ? 2 : 1;
    if (ds.size() < least) {
      throw new IllegalStateException(
          "nothing to check: " + ds.size() + " directions; ask for directions(n) or alongAxes()");
    }
    List<Probe> probes = new ArrayList<>();
    Comparisons c = new Comparisons(x, step, floor);
    String note = switch (kind) {
      case SYMMETRY -> c.pairs(gradient, labels, ds, probes);
      case HVP -> c.products(gradient, hvp, labels, ds, probes);
      default -> c.lines(f, gradient, jvp, labels, ds, probes);
    };
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
    private final CheckKind kind;
    private final double[] x;
    private final List<Probe> probes;
    private final Probe worst;
    private final String note;
    private final String settings;
    private final boolean axes;

    private Result(
        CheckKind kind, double[] x, List<Probe> probes, String note, String settings, boolean axes) {
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
        throw new AssertionError(CheckReport.failure(this, tolerance));
      }
    }

    /**
     * One line per probe, after a heading naming the worst.
     *
     * @return a multi-line summary
     */
    @Override
    public String toString() {
      return CheckReport.summary(this);
    }

    CheckKind kind() {
      return kind;
    }

    double[] x() {
      return x;
    }

    String note() {
      return note;
    }

    String settings() {
      return settings;
    }

    boolean axes() {
      return axes;
    }
  }
}
