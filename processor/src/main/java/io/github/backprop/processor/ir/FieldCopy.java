package io.github.backprop.processor.ir;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A private static final field of the user's class, declared again in the generated class, which
 * as a separate class of the package cannot read the original. The copy is initialised once,
 * when the generated class initialises, from the same expression.
 *
 * @param name the copy's name in the generated class, e.g. {@code _LANCZOS}
 * @param type the field's type, as declared
 * @param initializer the expression, as written, with names qualified so that they resolve from
 *     the generated class: text, {@link Owner}s (written as class names) and {@link Layout}s
 * @param needs the copies the expression reads, which must be declared before it
 * @param original the field as the user wrote it, e.g. {@code Gamma.LANCZOS}, for the javadoc
 */
public record FieldCopy(
    String name, TypeMirror type, List<Object> initializer, List<FieldCopy> needs, String original) {

  /** Line breaks in a long array initializer, so that a table reads as one. */
  public enum Layout {
    /** A line break, and what follows one level deeper. */
    INDENT,
    /** A line break. */
    LINE,
    /** A line break, and what follows one level shallower. */
    DEDENT
  }
}
