package io.github.backprop.processor.fuzz;

/**
 * A conservative interval of the values an expression can take at the sampled points, so the
 * generator keeps arguments inside their domains (log of a positive value, asin inside (-1, 1),
 * exp of a bounded value) and magnitudes bounded.
 */
record Range(double lo, double hi) {
  Range {
    if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new IllegalArgumentException("bad range " + lo + ", " + hi);
    }
  }

  static final Range ZERO = new Range(0, 0);

  static Range of(double a, double b) {
    return new Range(Math.min(a, b), Math.max(a, b));
  }

  static Range point(double v) {
    return new Range(v, v);
  }

  double max() {
    return Math.max(Math.abs(lo), Math.abs(hi));
  }

  boolean within(double bound) {
    return max() <= bound;
  }

  /** Whether every value is at least {@code m} away from zero. */
  boolean awayFromZero(double m) {
    return lo >= m || hi <= -m;
  }

  Range hull(Range o) {
    return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
  }

  Range add(Range o) {
    return new Range(lo + o.lo, hi + o.hi);
  }

  Range sub(Range o) {
    return new Range(lo - o.hi, hi - o.lo);
  }

  Range neg() {
    return new Range(-hi, -lo);
  }

  Range mul(Range o) {
    return span(lo * o.lo, lo * o.hi, hi * o.lo, hi * o.hi);
  }

  /** Only for a divisor away from zero. */
  Range div(Range o) {
    if (o.lo <= 0 && o.hi >= 0) {
      throw new IllegalArgumentException("divisor range contains 0: " + o);
    }
    return span(lo / o.lo, lo / o.hi, hi / o.lo, hi / o.hi);
  }

  Range abs() {
    if (lo >= 0) {
      return this;
    }
    if (hi <= 0) {
      return neg();
    }
    return new Range(0, max());
  }

  Range square() {
    Range a = abs();
    return new Range(a.lo * a.lo, a.hi * a.hi);
  }

  Range scale(double k) {
    return of(lo * k, hi * k);
  }

  /** f applied to a monotone increasing function. */
  Range increasing(java.util.function.DoubleUnaryOperator f) {
    return new Range(f.applyAsDouble(lo), f.applyAsDouble(hi));
  }

  Range max(Range o) {
    return new Range(Math.max(lo, o.lo), Math.max(hi, o.hi));
  }

  Range min(Range o) {
    return new Range(Math.min(lo, o.lo), Math.min(hi, o.hi));
  }

  /** Truncation or rounding to an integer, conservatively. */
  Range integral() {
    return new Range(Math.floor(lo), Math.ceil(hi));
  }

  static Range span(double... v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return new Range(lo, hi);
  }
}
