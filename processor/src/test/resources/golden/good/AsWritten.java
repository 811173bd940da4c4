package golden;

import io.github.backprop.Differentiable;

/** Statements around numeric code: try-with-resources, a finally that assigns, narrow boxes. */
class AsWritten {
  static final class Timer implements AutoCloseable {
    @Override
    public void close() {}
  }

  @SuppressWarnings("try")
  @Differentiable(forward = true)
  static double timed(double x, double y) {
    try (Timer t = new Timer()) {
      double z = Math.sin(x) * y;
      return z * z;
    }
  }

  @Differentiable
  static double settled(double x) {
    double y = 0;
    try {
      y = Math.exp(x);
    } finally {
      y = y * x;
    }
    return y;
  }

  @Differentiable
  static double scaled(double x, Short s, Character c) {
    return x * s + (c == 'a' ? x : 0);
  }
}
