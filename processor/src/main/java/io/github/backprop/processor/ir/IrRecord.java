package io.github.backprop.processor.ir;

import java.util.List;

/**
 * A record nested in a generated class, as the writer prints it: the result of a generated
 * method ({@code Loss(double value, double a, double b)}) or a tangent of a record parameter.
 *
 * @param name its simple name
 * @param exported whether it is {@code public}; else {@code private}
 * @param components its components, in order
 * @param doc its javadoc: {@code String}s of text and {@link Owner}s, each written as a class
 *     name ({@code {@link CGrad#loss}})
 */
public record IrRecord(String name, boolean exported, List<Component> components, List<Object> doc) {
  /** A component: {@code double value}, {@code OptionTangent o}. */
  public record Component(String name, TypeRef type) {}
}
