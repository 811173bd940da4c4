package io.github.backprop.benchmarks.tape;

/**
 * A value recorded on a {@link Tape}. Immutable; every operation records a node and returns a new
 * {@code Var}. Operands that are plain {@code double}s are constants: they get no node.
 */
public final class Var {
  final Tape tape;
  final int index;
  private final double value;

  Var(Tape tape, int index, double value) {
    this.tape = tape;
    this.index = index;
    this.value = value;
  }

  /** The primal value. */
  public double value() {
    return value;
  }

  private Var unary(double v, double d) {
    return new Var(tape, tape.push(index, d, -1, 0), v);
  }

  private Var binary(double v, double dThis, Var o, double dOther) {
    if (o.tape != tape) {
      throw new IllegalArgumentException("variables from different tapes");
    }
    return new Var(tape, tape.push(index, dThis, o.index, dOther), v);
  }

  public Var add(Var o) {
    return binary(value + o.value, 1, o, 1);
  }

  public Var add(double c) {
    return unary(value + c, 1);
  }

  public Var sub(Var o) {
    return binary(value - o.value, 1, o, -1);
  }

  public Var sub(double c) {
    return unary(value - c, 1);
  }

  /** {@code c - this}. */
  public Var rsub(double c) {
    return unary(c - value, -1);
  }

  public Var mul(Var o) {
    return binary(value * o.value, o.value, o, value);
  }

  public Var mul(double c) {
    return unary(value * c, c);
  }

  public Var div(Var o) {
    double q = value / o.value;
    return binary(q, 1 / o.value, o, -q / o.value);
  }

  public Var div(double c) {
    return unary(value / c, 1 / c);
  }

  public Var neg() {
    return unary(-value, -1);
  }

  public Var square() {
    return unary(value * value, 2 * value);
  }

  public Var sqrt() {
    double s = Math.sqrt(value);
    return unary(s, 0.5 / s);
  }

  public Var pow(double p) {
    return unary(Math.pow(value, p), p * Math.pow(value, p - 1));
  }

  public Var exp() {
    double e = Math.exp(value);
    return unary(e, e);
  }

  public Var log() {
    return unary(Math.log(value), 1 / value);
  }

  public Var log1p() {
    return unary(Math.log1p(value), 1 / (1 + value));
  }

  public Var sin() {
    return unary(Math.sin(value), Math.cos(value));
  }

  public Var cos() {
    return unary(Math.cos(value), -Math.sin(value));
  }

  public Var tanh() {
    double t = Math.tanh(value);
    return unary(t, 1 - t * t);
  }

  @Override
  public String toString() {
    return "Var[" + index + "]=" + value;
  }
}
