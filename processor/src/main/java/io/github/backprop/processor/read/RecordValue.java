package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A record value as the reader holds it: one expression per component (a variable, a literal,
 * an array), or a nested {@code RecordValue} for a component that is a record. No record object
 * exists in the generated code; the sweeps see the components as ordinary values.
 */
final class RecordValue {
  final TypeElement type;
  /** Component name to {@link Expr} or {@link RecordValue}, in declaration order. */
  final Map<String, Object> parts;

  RecordValue(TypeElement type, Map<String, Object> parts) {
    this.type = type;
    this.parts = new LinkedHashMap<>(parts);
  }

  /** The variables holding scalar components, nested ones included, in order. */
  List<Var> scalars() {
    List<Var> out = new ArrayList<>();
    for (Object p : parts.values()) {
      if (p instanceof RecordValue r) {
        out.addAll(r.scalars());
      } else if (p instanceof Expr.Ref ref && !ref.type().isArray()) {
        out.add(ref.var());
      }
    }
    return out;
  }

  /** Whether a component, nested ones included, is an array. */
  boolean hasArrays() {
    for (Object p : parts.values()) {
      if (p instanceof RecordArray || (p instanceof RecordValue r ? r.hasArrays() : ((Expr) p).type() != null && ((Expr) p).type().isArray())) {
        return true;
      }
    }
    return false;
  }

  /** {@code record Point} or {@code class Spring}, for messages. */
  String kind() {
    return (Records.isRecord(type) ? "record " : "class ") + name();
  }

  String name() {
    return type.getSimpleName().toString();
  }
}
