package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.ParamShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a user wrote for the parameters of a gradient over record components, for the
 * messages of its shape checks: {@code self.layers[].w} for {@code self_layers_w}, the array of
 * the component {@code w} over the elements of the field {@code layers} ({@code []} standing for
 * the element's index, which the runtime fills in).
 */
final class ShapeNames {
  private ShapeNames() {}

  /** The name of each parameter of the gradient, by its position, as the user wrote its source. */
  static Map<Integer, String> of(List<ParamShape> shapes) {
    Map<Integer, String> out = new HashMap<>();
    for (ParamShape s : shapes) {
      add(s, s.name(), out);
    }
    return out;
  }

  private static void add(ParamShape s, String path, Map<Integer, String> out) {
    if (!s.isRecord()) {
      out.put(s.index(), path);
      return;
    }
    String prefix = s.array() ? path + "[]." : path + ".";
    for (ParamShape part : s.parts()) {
      add(part, prefix + part.name(), out);
    }
  }
}
