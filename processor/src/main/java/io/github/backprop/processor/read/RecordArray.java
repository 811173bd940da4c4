package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * An array of records as the reader holds it: one array per component (structure of arrays),
 * {@code vs_x}, {@code vs_y}, or a nested {@code RecordArray} for a component that is a record.
 * Element {@code i} is the record whose components are the arrays' elements {@code i}; the
 * sweeps see ordinary arrays, with their adjoints and tapes.
 */
final class RecordArray {
  final TypeElement type;
  /** Component name to the {@link Var} of its array, or a nested {@link RecordArray}, in declaration order. */
  final Map<String, Object> parts;

  /** Whether it stands for a {@code List} of records (an object's field), read by {@code get(i)} and {@code size()}. */
  final boolean list;

  RecordArray(TypeElement type, Map<String, Object> parts) {
    this(type, parts, false);
  }

  RecordArray(TypeElement type, Map<String, Object> parts, boolean list) {
    this.type = type;
    this.parts = new LinkedHashMap<>(parts);
    this.list = list;
  }

  /** The arrays, nested records' included, in declaration order. */
  List<Var> arrays() {
    List<Var> out = new ArrayList<>();
    for (Object p : parts.values()) {
      if (p instanceof RecordArray r) {
        out.addAll(r.arrays());
      } else {
        out.add((Var) p);
      }
    }
    return out;
  }

  /** {@code vs.length}: every component's array has it. */
  Expr length() {
    return new Expr.Length(new Expr.Ref(arrays().get(0)));
  }

  String name() {
    return type.getSimpleName().toString();
  }
}
