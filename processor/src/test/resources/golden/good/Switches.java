package golden;

import io.github.backprop.Differentiable;

/** switch on char, String and enum values; String and enum parameters passed through. */
class Switches {
  enum Mode { FAST, SLOW, EXACT }

  @Differentiable
  static double onChar(double x, char op) {
    switch (op) {
      case 'a':
        return x * x;
      case 'b':
        return Math.sin(x);
      default:
        return x;
    }
  }

  @Differentiable
  static double onString(double x, String op) {
    double y = x;
    switch (op) {
      case "square" -> y = x * x;
      case "exp", "e" -> y = Math.exp(x);
      default -> y = -y;
    }
    return y;
  }

  @Differentiable
  static double stringExpression(double x, String op) {
    return switch (op) {
      case "square" -> x * x;
      default -> x;
    };
  }

  @Differentiable
  static double onEnum(double x, Mode m) {
    return switch (m) {
      case FAST -> x * x;
      case SLOW -> Math.exp(x);
      case EXACT -> x;
    };
  }

  @Differentiable
  static double compare(double x, Mode m, String name) {
    Mode local = Mode.EXACT;
    if (m == Mode.FAST || local == m && name.equals("twice")) {
      return x * x * name.length();
    }
    return onEnum(x, m);
  }
}
