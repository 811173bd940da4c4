package io.github.backprop.processor.ir;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * How a parameter of the source method maps to the parameters of the model: one of them (a
 * leaf, {@code index} into {@code MethodModel.params()}), or, for a record, one leaf per
 * component of a primitive, String, enum or array type and a nested shape per record component.
 *
 * @param name the source parameter's name, or the record component's
 * @param record the record class, or null for a leaf
 * @param index for a leaf, its position among the model's parameters; else -1
 * @param parts for a record, its components in order; else empty
 * @param array for an array of records, {@code R[]}: each leaf is then the array of that
 *     component over the elements (structure of arrays)
 */
public record ParamShape(String name, TypeElement record, int index, List<ParamShape> parts, boolean array) {
  public ParamShape(String name, TypeElement record, int index, List<ParamShape> parts) {
    this(name, record, index, parts, false);
  }

  public static ParamShape leaf(String name, int index) {
    return new ParamShape(name, null, index, List.of());
  }

  public boolean isRecord() {
    return record != null;
  }
}
