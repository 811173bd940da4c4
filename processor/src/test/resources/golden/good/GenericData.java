package golden;

import io.github.backprop.Differentiable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class GenericData {
  @Differentiable
  static double sse(double[] p, List<double[]> data) {
    double s = 0;
    for (double[] row : data) {
      double r = p[0] * Math.exp(-p[1] * row[0]) - row[1];
      s += r * r;
    }
    return s;
  }

  @Differentiable(forward = true)
  static double weighted(double x, Map<String, Double> weights) {
    double s = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      s += e.getValue() * Math.sin(x * e.getKey().length());
    }
    return s + weights.getOrDefault("bias", 0.0) * x;
  }

  @Differentiable
  static double streamed(double x, List<double[]> data) {
    Map<String, Double> scale = new HashMap<>();
    scale.put("x", 2.0);
    return data.stream().mapToDouble(r -> r[0] * r[1]).sum() * x * scale.get("x");
  }
}
