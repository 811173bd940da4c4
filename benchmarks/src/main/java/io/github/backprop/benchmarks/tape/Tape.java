package io.github.backprop.benchmarks.tape;

import java.util.Arrays;

/**
 * A runtime tape for reverse-mode differentiation by operator overloading: the baseline that
 * backprop's generated code is compared with.
 *
 * <p>Every operation on a {@link Var} appends one node to the tape: the indices of its (at most
 * two) operands and the partial derivative of the result with respect to each. {@link
 * #backward(Var)} then sweeps the nodes from last to first, accumulating adjoints. This is the
 * design of the small tape libraries (a Wengert list in struct-of-arrays form), kept simple but
 * not naive: nodes are primitive arrays, not objects; only the {@code Var} handles are objects.
 *
 * <pre>{@code
 * Tape t = new Tape();
 * Var[] x = t.variables(x0, x1);
 * Var f = x[0].mul(x[1]).add(x[0].sin());
 * t.backward(f);
 * double[] g = t.gradient(x);   // ∂f/∂x0, ∂f/∂x1
 * }</pre>
 *
 * <p>A tape is for one evaluation and one thread; make a new one (or {@link #reset()} it) for the
 * next.
 */
public final class Tape {
  private static final int NONE = -1;

  private int size;
  private int[] left;
  private int[] right;
  private double[] dLeft;
  private double[] dRight;
  private double[] adjoint;

  /** A tape with room for 256 nodes; it grows as needed. */
  public Tape() {
    this(256);
  }

  /** A tape with room for {@code capacity} nodes before it has to grow. */
  public Tape(int capacity) {
    int c = Math.max(capacity, 16);
    left = new int[c];
    right = new int[c];
    dLeft = new double[c];
    dRight = new double[c];
  }

  /** An independent variable: a node with no operands. */
  public Var variable(double value) {
    return new Var(this, push(NONE, 0, NONE, 0), value);
  }

  /** One independent variable per value, in order. */
  public Var[] variables(double... values) {
    Var[] vars = new Var[values.length];
    for (int i = 0; i < values.length; i++) {
      vars[i] = variable(values[i]);
    }
    return vars;
  }

  /** The number of nodes recorded so far. */
  public int size() {
    return size;
  }

  /** Forgets every node, keeping the storage. {@code Var}s made before are no longer valid. */
  public void reset() {
    size = 0;
    adjoint = null;
  }

  /** Computes the adjoint of every node with respect to {@code output}. */
  public void backward(Var output) {
    own(output);
    if (adjoint == null || adjoint.length < size) {
      adjoint = new double[size];
    } else {
      Arrays.fill(adjoint, 0, size, 0.0);
    }
    double[] adj = adjoint;
    adj[output.index] = 1.0;
    for (int i = output.index; i >= 0; i--) {
      double a = adj[i];
      if (a == 0.0) {
        continue;
      }
      int l = left[i];
      if (l != NONE) {
        adj[l] += dLeft[i] * a;
        int r = right[i];
        if (r != NONE) {
          adj[r] += dRight[i] * a;
        }
      }
    }
  }

  /** ∂output/∂v after {@link #backward(Var)}. */
  public double gradient(Var v) {
    own(v);
    if (adjoint == null) {
      throw new IllegalStateException("call backward(output) first");
    }
    return v.index < adjoint.length ? adjoint[v.index] : 0.0;
  }

  /** ∂output/∂v[i] for every i, after {@link #backward(Var)}. */
  public double[] gradient(Var[] vs) {
    double[] g = new double[vs.length];
    for (int i = 0; i < vs.length; i++) {
      g[i] = gradient(vs[i]);
    }
    return g;
  }

  int push(int l, double dl, int r, double dr) {
    if (size == left.length) {
      int c = size * 2;
      left = Arrays.copyOf(left, c);
      right = Arrays.copyOf(right, c);
      dLeft = Arrays.copyOf(dLeft, c);
      dRight = Arrays.copyOf(dRight, c);
    }
    left[size] = l;
    dLeft[size] = dl;
    right[size] = r;
    dRight[size] = dr;
    return size++;
  }

  private void own(Var v) {
    if (v.tape != this) {
      throw new IllegalArgumentException("variable from another tape");
    }
  }
}
