package plain;

import io.github.backprop.Differentiable;

/** switch statements and expressions on ints, chars, strings and enums. */
final class Switches {
  enum Activation { RELU, TANH, SIGMOID, IDENTITY }

  enum Kind { CALL, PUT }

  private Switches() {}

  // at: 0.7, RELU ; 0.7, TANH ; -0.4, SIGMOID ; 1.3, IDENTITY
  @Differentiable
  static double activate(double x, Activation a) {
    switch (a) {
      case RELU:
        return x > 0 ? x : 0;
      case TANH:
        return Math.tanh(x);
      case SIGMOID:
        return 1 / (1 + Math.exp(-x));
      default:
        return x;
    }
  }

  // at: 0.7, RELU ; 0.7, TANH ; -0.4, SIGMOID ; 1.3, IDENTITY
  @Differentiable
  static double activateExpression(double x, Activation a) {
    return switch (a) {
      case RELU -> Math.max(0, x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> 1 / (1 + Math.exp(-x));
      case IDENTITY -> x;
    };
  }

  // at: 1.5, 1 ; 1.5, 2 ; 1.5, 3 ; 1.5, 7
  @Differentiable
  static double polynomialOfDegree(double x, int degree) {
    double y = 0;
    switch (degree) {
      case 3:
        y += x * x * x;
        // fall through
      case 2:
        y += x * x;
        // fall through
      case 1:
        y += x;
        break;
      default:
        y = Math.exp(x);
    }
    return y;
  }

  // at: 2.0, 'a' ; 2.0, 's' ; 2.0, 'm' ; 2.0, 'd'
  @Differentiable
  static double applyOp(double x, char op) {
    double r;
    switch (op) {
      case 'a': r = x + 1; break;
      case 's': r = x - 1; break;
      case 'm': r = x * 3; break;
      default: r = x / 4;
    }
    return r;
  }

  // at: 0.5, "l2" ; 0.5, "l1" ; -0.5, "none"
  @Differentiable
  static double penalty(double w, String kind) {
    return switch (kind) {
      case "l2" -> w * w;
      case "l1" -> Math.abs(w);
      default -> 0.0;
    };
  }

  // at: 100, 95, CALL ; 90, 95, PUT
  @Differentiable
  static double payoff(double spot, double strike, Kind kind) {
    double intrinsic = switch (kind) {
      case CALL -> spot - strike;
      case PUT -> strike - spot;
    };
    return Math.max(intrinsic, 0.0);
  }

  // at: 1.2, 0 ; 1.2, 1 ; 1.2, 2
  @Differentiable
  static double yieldingSwitch(double x, int mode) {
    double scale = switch (mode) {
      case 0 -> 1.0;
      case 1 -> {
        double s = Math.sqrt(x);
        yield s * 2;
      }
      default -> {
        yield x * x;
      }
    };
    return scale * x;
  }

  // at: 0.3, 2 ; 0.3, 4
  @Differentiable
  static double gaussLegendre(double k, int points) {
    // integral of exp(k x) on [-1, 1]
    double[] nodes;
    double[] weights;
    switch (points) {
      case 2 -> {
        nodes = new double[] {-0.5773502691896257, 0.5773502691896257};
        weights = new double[] {1.0, 1.0};
      }
      case 3 -> {
        nodes = new double[] {-0.7745966692414834, 0.0, 0.7745966692414834};
        weights = new double[] {0.5555555555555556, 0.8888888888888888, 0.5555555555555556};
      }
      default -> {
        nodes = new double[] {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
        weights = new double[] {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
      }
    }
    double sum = 0;
    for (int i = 0; i < nodes.length; i++) {
      sum += weights[i] * Math.exp(k * nodes[i]);
    }
    return sum;
  }
}
