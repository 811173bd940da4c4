package golden;

import io.github.backprop.Differentiable;

/** float: literals in double code, float parameters, locals, arrays and results. */
class Floats {
  /** A float literal in double code: the double arithmetic Java does. */
  @Differentiable
  static double halfSquare(double x) {
    return x * x * 0.5f + 1e-3F * x;
  }

  /** Float parameters, a float local and a float result: float adjoints. */
  @Differentiable
  static float product(float a, float b) {
    float c = a * b + 1.5f * a;
    return c * c;
  }

  /** float op double is double; the casts round as Java does and pass the adjoint on. */
  @Differentiable
  static double mixed(float a, double x) {
    double y = a * x;
    float z = (float) (y + 1e-3F);
    return Math.sin(z) * y + (double) a;
  }

  /** Float arrays in a loop: float adjoint arrays, and a float saved on the tape of doubles. */
  @Differentiable
  static float dot(float[] w, float[] v) {
    float s = 0;
    for (int i = 0; i < w.length; i++) {
      s = s * 0.9f + w[i] * v[i];
    }
    return s;
  }

  /** A float saved on the tape of doubles comes back exactly: (float) _doubles.pop(). */
  @Differentiable
  static float power(float x, int n) {
    float p = 1;
    for (int i = 0; i < n; i++) {
      p = p * x + 0.25f;
    }
    return p;
  }

  /** Math on floats: abs of a float is a float, sqrt a double. */
  @Differentiable
  static float norm(float a, float b) {
    return (float) Math.sqrt(a * a + b * b) + Math.abs(a - b);
  }

  /** A call to a float method from double code. */
  @Differentiable
  static double callsFloat(float a, double x) {
    return product(a, a) * x;
  }

  /** A float matrix. */
  @Differentiable
  static float trace(float[][] m) {
    float t = 0;
    for (int i = 0; i < m.length; i++) {
      t += m[i][i] * m[i][i];
    }
    return t;
  }
}
