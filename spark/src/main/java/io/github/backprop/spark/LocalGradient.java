package io.github.backprop.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The single-machine reference: the same blocks as {@link SparkGradient}, each summed into its
 * own {@link GradientSum} in the same row order, then added up in block order.
 */
public final class LocalGradient implements GradientDescent.Gradient {
  private final List<Block> blocks = new ArrayList<>();

  public LocalGradient(Synthetic data) {
    for (int p = 0; p < data.partitions(); p++) {
      blocks.add(data.block(p));
    }
  }

  /** Each block's own sum, in block order. */
  public List<GradientSum> perPartition(double[] w) {
    List<GradientSum> sums = new ArrayList<>();
    for (Block b : blocks) {
      sums.add(new GradientSum(w.length).add(b, w));
    }
    return sums;
  }

  @Override
  public GradientSum at(double[] w) {
    GradientSum total = new GradientSum(w.length);
    for (GradientSum s : perPartition(w)) {
      total.merge(s);
    }
    return total;
  }
}
