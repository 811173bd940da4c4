package io.github.backprop.processor.ir;

/**
 * A type in the API of a generated class: a value of {@code type} ({@code double}, {@code
 * double[]}), or where {@code record} is set the record of that simple name nested in the Grad
 * class ({@code Loss}, {@code FJvp}, {@code OptionTangent}).
 */
public record TypeRef(Type type, String record) {
  public static TypeRef of(Type type) {
    return new TypeRef(type, null);
  }

  public static TypeRef record(String record) {
    return new TypeRef(null, record);
  }
}
