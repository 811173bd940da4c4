package golden;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.List;

class BuiltLists {
  static double sum(double... v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  @Differentiable
  static double squares(double x, int n) {
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(x * i);
    }
    double s = 0;
    for (double v : xs) {
      s += v * v;
    }
    return s + xs.get(n - 1);
  }

  @Differentiable
  static double varargs(double x, double y) {
    return sum(x, y, x * y);
  }
}
