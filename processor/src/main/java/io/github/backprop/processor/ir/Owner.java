package io.github.backprop.processor.ir;

/** A class that generated code refers to, e.g. {@code java.lang.Math} or the user's {@code p.C}. */
public record Owner(String packageName, String simpleNames) {
  public static final Owner MATH = new Owner("java.lang", "Math");
  /** The runtime's helpers for adjoint arrays. */
  public static final Owner ADJOINT = new Owner("io.github.backprop", "Adjoint");

  public String canonicalName() {
    return packageName.isEmpty() ? simpleNames : packageName + "." + simpleNames;
  }

  /**
   * Whether some of the class's functions have a built-in derivative rule: the {@code Math}
   * family's, a special-function library's, or a distribution's.
   */
  public boolean hasRules() {
    return isMath()
        || io.github.backprop.processor.rules.SpecialFunctions.owners().contains(canonicalName())
        || io.github.backprop.processor.rules.Distributions.owners().contains(canonicalName());
  }

  /** Whether the class's functions are differentiated by the rules of {@code java.lang.Math}. */
  public boolean isMath() {
    return io.github.backprop.processor.rules.MathRules.OWNERS.contains(canonicalName());
  }
}
