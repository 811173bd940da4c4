package golden;

import io.github.backprop.Differentiable;

/**
 * Sixteen calls of a helper, each read in place, would take the second-order method past the
 * JVM's 64 KB limit: the helper gets derivative methods of its own instead.
 */
class OutlinedHelpers {
  static double wave(double x, double k) {
    double s = x;
    s += Math.sin(k * s) * 0.01;
    s += Math.sin(k * s) * 0.02;
    s += Math.sin(k * s) * 0.03;
    s += Math.sin(k * s) * 0.04;
    s += Math.sin(k * s) * 0.05;
    s += Math.sin(k * s) * 0.06;
    s += Math.sin(k * s) * 0.07;
    s += Math.sin(k * s) * 0.08;
    s += Math.sin(k * s) * 0.09;
    s += Math.sin(k * s) * 0.1;
    s += Math.sin(k * s) * 0.11;
    s += Math.sin(k * s) * 0.12;
    s += Math.sin(k * s) * 0.13;
    s += Math.sin(k * s) * 0.14;
    s += Math.sin(k * s) * 0.15;
    s += Math.sin(k * s) * 0.16;
    return s;
  }

  @Differentiable(forward = true, hessian = true)
  static double waves(double a, double b) {
    double sum = 0;
    sum += wave(a, b) * wave(b, a) + wave(a * b, 0.5) * wave(a - b, b);
    sum += wave(b, 0.25) * wave(a, 0.75) + wave(a + b, a) * wave(b - a, 0.125);
    sum += wave(a, 1.5) * wave(b, 1.25) + wave(0.5 * a, b) * wave(0.5 * b, a);
    sum += wave(a, 0.3) * wave(b, 0.7) + wave(0.25 * a, b) * wave(0.25 * b, a);
    return sum;
  }
}
