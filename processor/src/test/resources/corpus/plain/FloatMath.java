package plain;

import io.github.backprop.Differentiable;

/** Code written in float, as graphics, games and ML inference code often is. */
final class FloatMath {
  static final float GRAVITY = 9.81f;
  private static final float EPSILON = 1e-6f;

  private FloatMath() {}

  // at: 0.3f, 0.8f
  @Differentiable
  static float lerpSmooth(float t, float scale) {
    float s = t * t * (3f - 2f * t);
    return s * scale;
  }

  // at: 1.5f, 2.5f, 0.5f
  @Differentiable
  static float fallHeight(float h0, float v0, float t) {
    return h0 + v0 * t - 0.5f * GRAVITY * t * t;
  }

  // at: [0.5, 1.5, -0.25], [1.0, 2.0, 3.0]
  @Differentiable
  static float dotF(float[] a, float[] b) {
    float sum = 0f;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  // at: [0.5, 1.5, -0.25]
  @Differentiable
  static float lengthF(float[] v) {
    float s = 0;
    for (float x : v) s += x * x;
    return (float) Math.sqrt(s);
  }

  // at: 0.7f ; -1.2f
  @Differentiable
  static float sigmoidF(float x) {
    return 1f / (1f + (float) Math.exp(-x));
  }

  // at: 2.0, 0.5f
  @Differentiable
  static double mixedPrecision(double x, float w) {
    float scaled = (float) x * w;
    return scaled + x * 1.5f;
  }

  // at: [0.2, 0.9, 0.4], [0, 1, 0]
  @Differentiable
  static float crossEntropyF(float[] probs, float[] target) {
    float loss = 0.0f;
    for (int i = 0; i < probs.length; i++) {
      loss -= target[i] * (float) Math.log(probs[i] + EPSILON);
    }
    return loss;
  }

  // at: 0.4f, 1.1f
  @Differentiable
  static float rotateAndScale(float angle, float radius) {
    float x = radius * (float) Math.cos(angle);
    float y = radius * (float) Math.sin(angle);
    return x * 2f + y * 0.5f;
  }

  // at: 3.0, 4.0
  @Differentiable
  static double floatLiteralsInDouble(double a, double b) {
    return 0.5f * a * a + 2.25f * b - 1e-1f;
  }

  // at: [1, 2, 3, 4], 0.9f
  @Differentiable
  static float discountedReturn(float[] rewards, float gamma) {
    float g = 0f;
    for (int t = rewards.length - 1; t >= 0; t--) {
      g = rewards[t] + gamma * g;
    }
    return g;
  }
}
