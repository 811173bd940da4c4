package io.github.backprop.processor.ir;

/**
 * The identity of one loop of the source, which {@code break} and {@code continue} refer to.
 * Compared by identity; {@code label} is the source label, or null.
 */
public final class LoopId {
  private final String label;

  public LoopId(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label == null ? "loop" : label;
  }
}
