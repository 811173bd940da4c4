package io.github.backprop.processor.ir;

/** A class that generated code refers to, e.g. {@code java.lang.Math} or the user's {@code p.C}. */
public record Owner(String packageName, String simpleNames) {
  public static final Owner MATH = new Owner("java.lang", "Math");
  /** The runtime's helpers for adjoint arrays. */
  public static final Owner ADJOINT = new Owner("io.github.backprop", "Adjoint");
  /** The runtime's helpers for the adjoint rows of matrices whose rows are given other rows. */
  public static final Owner ROWS = new Owner("io.github.backprop", "Rows");

  public String canonicalName() {
    return packageName.isEmpty() ? simpleNames : packageName + "." + simpleNames;
  }

  /**
   * The classes whose static functions are differentiated by the rules of {@code java.lang.Math}
   * ({@code rules/MathRules}): each family names its functions as {@code java.lang.Math} does, so
   * one row serves them all. The libraries need not be on the processor's class path; the user's
   * compilation has them.
   */
  public static final java.util.Set<String> MATH_FAMILY =
      java.util.Set.of(
          "java.lang.Math",
          "java.lang.StrictMath",
          "org.hipparchus.util.FastMath",
          "org.apache.commons.math3.util.FastMath",
          "org.apache.commons.math4.core.jdkmath.AccurateMath",
          "org.apache.commons.math4.core.jdkmath.JdkMath",
          // Smile 1.x's Math, which its own code calls as Math (and delegates to java.lang.Math).
          "smile.math.Math");

  /** Whether the class's functions are differentiated by the rules of {@code java.lang.Math}. */
  public boolean isMath() {
    return MATH_FAMILY.contains(canonicalName());
  }
}
