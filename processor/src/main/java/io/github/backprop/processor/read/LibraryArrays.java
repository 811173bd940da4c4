package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * {@code MathArrays.sortInPlace(x, ys...)} of Hipparchus and Commons Math 3, which Hipparchus's
 * own interpolators call: it writes into its arrays, so backprop writes it out ({@link
 * ArrayMethods#sortTogether}) and throws what the library throws for arrays of other lengths.
 */
final class LibraryArrays {
  private LibraryArrays() {}

  private static final String HIPPARCHUS = "org.hipparchus.util.MathArrays";
  private static final String COMMONS = "org.apache.commons.math3.util.MathArrays";

  /** Whether a call of {@code declaring.sortInPlace} with {@code args} is the one written out. */
  static boolean sortsTogether(TypeElement declaring, List<Expr> args) {
    String name = declaring.getQualifiedName().toString();
    return (name.equals(HIPPARCHUS) || name.equals(COMMONS))
        && args.stream().allMatch(a -> a.type() != null && a.type().isArray() && a.type().element().equals(io.github.backprop.processor.ir.Type.DOUBLE));
  }

  /** The library's exception for {@code y}, whose length is not {@code x}'s. */
  static Expr.Foreign mismatch(TypeElement declaring, Expr y, Expr x) {
    if (declaring.getQualifiedName().contentEquals(HIPPARCHUS)) {
      return new Expr.Foreign(
          List.of("new ", new Owner("org.hipparchus.exception", "MathIllegalArgumentException"), "(",
              new Owner("org.hipparchus.exception", "LocalizedCoreFormats"), ".DIMENSIONS_MISMATCH, ",
              new Expr.Length(y), ", ", new Expr.Length(x), ")"),
          null);
    }
    return new Expr.Foreign(
        List.of("new ", new Owner("org.apache.commons.math3.exception", "DimensionMismatchException"), "(",
            new Expr.Length(y), ", ", new Expr.Length(x), ")"),
        null);
  }
}
