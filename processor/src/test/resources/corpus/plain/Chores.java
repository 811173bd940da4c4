package plain;

import io.github.backprop.Differentiable;

/** Control flow as everyday code has it: switches of every form, labels, do-while, var, early returns. */
final class Chores {
  enum Shape { CIRCLE, SQUARE, TRIANGLE }

  enum Season { WINTER, SPRING, SUMMER, AUTUMN }

  private Chores() {}

  // at: 1.5, CIRCLE ; 1.5, SQUARE ; 1.5, TRIANGLE
  @Differentiable
  static double area(double size, Shape shape) {
    double a;
    switch (shape) {
      case CIRCLE -> a = Math.PI * size * size;
      case SQUARE -> a = size * size;
      case TRIANGLE -> {
        double h = Math.sqrt(3) / 2 * size;
        a = 0.5 * size * h;
      }
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    }
    return a;
  }

  // at: 20.0, WINTER ; 20.0, SUMMER ; 15.0, SPRING ; 15.0, AUTUMN
  @Differentiable
  static double heatingLoad(double temperature, Season season) {
    double target = switch (season) {
      case WINTER -> 21.0;
      case SUMMER -> 24.0;
      case SPRING, AUTUMN -> {
        double base = 22.0;
        yield base - 0.5;
      }
    };
    double gap = target - temperature;
    return gap * gap * 0.8;
  }

  // at: 2.0, 1 ; 2.0, 2 ; 2.0, 3 ; 2.0, 9
  @Differentiable
  static double weightForLevel(double x, int level) {
    double w = switch (level) {
      case 1:
        yield 0.5;
      case 2:
        yield x;
      case 3: {
        double t = x * x;
        yield t / 2;
      }
      default:
        yield 1.0;
    };
    return w * x;
  }

  // at: 0.75, "linear" ; 0.75, "quadratic" ; 0.75, "cubic" ; 0.75, "smooth"
  @Differentiable
  static double easing(double t, String curve) {
    switch (curve) {
      case "linear":
        return t;
      case "quadratic":
        return t * t;
      case "cubic":
        return t * t * t;
      case "smooth":
      case "smoothstep":
        return t * t * (3 - 2 * t);
      default:
        throw new IllegalArgumentException("Unknown easing curve: " + curve);
    }
  }

  // at: 0.3 ; -2.5 ; 7.0
  @Differentiable
  static double piecewise(double x) {
    return x < 0 ? -x * 0.5 : x < 1 ? x * x : x > 5 ? 5 + Math.log(x - 4) : 2 * x - 1;
  }

  // at: 2.0 ; 10.0
  @Differentiable
  static double newtonSqrtDoWhile(double a) {
    double x = a;
    double previous;
    int iterations = 0;
    do {
      previous = x;
      x = 0.5 * (x + a / x);
      iterations++;
    } while (Math.abs(x - previous) > 1e-12 && iterations < 50);
    return x;
  }

  // at: [[1, 2, -3], [4, 5, 6], [-7, 8, 9]]
  @Differentiable
  static double sumUntilNegativeInEachRow(double[][] m) {
    double total = 0;
    outer:
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (m[i][j] < 0) {
          continue outer;
        }
        total += m[i][j] * m[i][j];
      }
    }
    return total;
  }

  // at: [0.5, 1.5, -2.0, 3.0, 0.25], 2.0
  @Differentiable
  static double firstAboveThreshold(double[] xs, double threshold) {
    double found = 0;
    search:
    for (double x : xs) {
      for (int k = 1; k <= 3; k++) {
        if (x * k > threshold) {
          found = x * k - threshold;
          break search;
        }
      }
    }
    return found * found;
  }

  // at: 1.7, 0.3
  @Differentiable
  static double withVar(double a, double b) {
    var sum = a + b;
    var product = a * b;
    var ratio = sum / product;
    var n = 3;
    for (var i = 0; i < n; i++) {
      ratio = ratio * 0.9 + product * 0.1;
    }
    return ratio;
  }

  // at: [0.5, 2.5, -1.0, 4.0], 3.0
  @Differentiable
  static double distanceToFirstOver(double[] values, double limit) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] > limit) {
        return values[i] - limit + i;
      }
    }
    return -1.0 * values[0];
  }

  // at: 3.0, 7 ; 3.0, 0
  @Differentiable
  static double countdown(double x, int n) {
    double y = x;
    int k = n;
    while (k-- > 0) {
      y = y * 0.5 + 1;
    }
    return y;
  }

  // at: 0.4, 'r' ; 0.4, 'g' ; 0.4, 'b' ; 0.4, 'x'
  @Differentiable
  static double channelGamma(double v, char channel) {
    double gamma = switch (channel) {
      case 'r', 'R' -> 2.2;
      case 'g', 'G' -> 2.0;
      case 'b', 'B' -> 1.8;
      default -> 1.0;
    };
    return Math.pow(v, 1 / gamma);
  }

  // at: 1.25, 4
  @Differentiable
  static double alternatingSeries(double x, int terms) {
    double sum = 0;
    int i = 0;
    do {
      double term = Math.pow(x, i) / (i + 1);
      sum += (i % 2 == 0) ? term : -term;
      i++;
    } while (i < terms);
    return sum;
  }
}
