package golden;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.List;

/** Habits of everyday Java: a loop over an array made in place, a box meaning "none yet", a list copied from List.of. */
class PlainHabits {
  @Differentiable
  static double smallestSquared(double a, double b, double c) {
    Double best = null;
    for (double v : new double[] {a, b, c}) {
      if (best == null || v < best) {
        best = v;
      }
    }
    return best * best;
  }

  @Differentiable
  static double listed(double a, double b) {
    List<Double> values = new ArrayList<>(List.of(a, b));
    values.add(a * b);
    double s = 0;
    for (double v : values) {
      s += v * v;
    }
    return s;
  }
}
