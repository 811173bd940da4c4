package io.github.backprop.processor.write;

/** A {@code float} value as Java source: {@code 0.5f}, {@code 1.0E-3f}, {@code Float.NaN}. */
final class FloatLiterals {
  private FloatLiterals() {}

  static String print(float f) {
    if (Float.isNaN(f)) {
      return "Float.NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
    }
    return Float.toString(f) + "f";
  }
}
