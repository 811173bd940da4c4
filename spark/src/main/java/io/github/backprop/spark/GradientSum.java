package io.github.backprop.spark;

import java.io.Serializable;

/**
 * A running sum of the loss and its gradient over rows: what each partition computes and
 * {@code treeAggregate} combines. Both methods add into this object and return it, as Spark's
 * aggregate functions may.
 */
public final class GradientSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private double loss;
  private long rows;
  private final double[] gradient;

  /** An empty sum for a model of {@code weights} weights. */
  public GradientSum(int weights) {
    gradient = new double[weights];
  }

  /** Adds every row of {@code block}, in order, at the weights {@code w}. */
  public GradientSum add(Block block, double[] w) {
    double[] x = block.x();
    double[] y = block.y();
    int d = block.features();
    double sum = loss;
    for (int r = 0; r < y.length; r++) {
      sum += LogisticGrad.loss(w, x, r * d, y[r], gradient); // gradient += ∂ loss_r / ∂ w
    }
    loss = sum;
    rows += y.length;
    return this;
  }

  /** Adds {@code other}'s sums into this one. */
  public GradientSum merge(GradientSum other) {
    loss += other.loss;
    rows += other.rows;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += other.gradient[i];
    }
    return this;
  }

  public double loss() {
    return loss;
  }

  public long rows() {
    return rows;
  }

  /** The summed gradient itself, not a copy. */
  public double[] gradient() {
    return gradient;
  }
}
