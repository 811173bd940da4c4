package io.github.backprop.processor.plan;

import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.ir.IrRecord;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.read.Records;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The records of the methods with record parameters: each one's result record, whose component
 * for a record parameter is a tangent record, and one tangent record per record type they use.
 */
public final class WrapperRecords {
  private WrapperRecords() {}

  /**
   * {@code OptionTangent} for each differentiable record the parameters hold, nested ones
   * included; {@code Outer_OptionTangent} where two records of one simple name meet.
   */
  public static Map<TypeElement, String> tangentNames(List<Wrapper> wrappers) {
    List<TypeElement> records = new ArrayList<>();
    for (Wrapper w : wrappers) {
      for (ParamShape s : w.shapes()) {
        if (active(s, w.flat())) {
          collect(s, records);
        }
      }
    }
    records.sort(java.util.Comparator.comparing(t -> t.getQualifiedName().toString()));
    Map<TypeElement, String> names = new LinkedHashMap<>();
    for (TypeElement r : records) {
      boolean shared = records.stream().anyMatch(o -> o != r && o.getSimpleName().contentEquals(r.getSimpleName()));
      String simple = shared ? qualifiedSimple(r) : r.getSimpleName().toString();
      names.put(r, simple + "Tangent");
    }
    return names;
  }

  private static void collect(ParamShape s, List<TypeElement> into) {
    if (s.isRecord() && Records.differentiable(s.record())) {
      if (!into.contains(s.record())) {
        into.add(s.record());
      }
      s.parts().forEach(p -> collect(p, into));
    }
  }

  private static String qualifiedSimple(TypeElement r) {
    StringBuilder b = new StringBuilder(r.getSimpleName());
    for (Element e = r.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      b.insert(0, t.getSimpleName() + "_");
    }
    return b.toString();
  }

  /** Whether a shape is, or holds at any depth, an array of records. */
  public static boolean holdsArray(ParamShape s) {
    return s.array() || (s.parts() != null && s.parts().stream().anyMatch(WrapperRecords::holdsArray));
  }

  /**
   * Whether the gradient of a shape can be added into a tangent the caller owns: no array of
   * records in it has a differentiated number component, whose gradient array the wrapper would
   * gather anew; the elements' own arrays ({@code LayerTangent[]}'s {@code w} and {@code b})
   * are passed as they are.
   */
  public static boolean addsInPlace(ParamShape s, Entry flat) {
    if (s.array()) {
      return s.parts().stream().allMatch(p -> leavesAreArrays(p, flat));
    }
    return s.parts() == null || s.parts().stream().allMatch(p -> addsInPlace(p, flat));
  }

  private static boolean leavesAreArrays(ParamShape s, Entry flat) {
    if (s.isRecord()) {
      return s.parts().stream().allMatch(p -> leavesAreArrays(p, flat));
    }
    return flat.accessors().get(s.index()) == null || flat.model().params().get(s.index()).type().dims() >= 2;
  }

  /** Whether a shape carries any derivative the flat gradient computes. */
  public static boolean active(ParamShape s, Entry flat) {
    if (!s.isRecord()) {
      return flat.accessors().get(s.index()) != null;
    }
    return s.parts().stream().anyMatch(p -> active(p, flat));
  }

  /** The source parameters' accessors in the result record: the name, or null for one with no derivative. */
  public static List<String> accessors(Wrapper w) {
    ExecutableElement m = w.flat().model().element();
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      names.add(s.name());
      types.add(active(s, w.flat()) ? Type.DOUBLE : null);
    }
    List<String> out = GeneratedNames.accessors(names, types, null);
    boolean instance = !m.getModifiers().contains(Modifier.STATIC);
    return out.subList(0, Math.min(out.size(), m.getParameters().size() + (instance ? 1 : 0)));
  }

  /** A parameter's type in the result record: its tangent record, or the flat parameter's type. */
  public static TypeRef componentType(ParamShape s, Wrapper w, Map<TypeElement, String> tangents, Owner grad) {
    if (s.array()) {
      return TypeRef.of(Drivers.nested(grad, tangents.get(s.record())).arrayOf()); // ParticleTangent[]
    }
    return s.isRecord()
        ? TypeRef.record(tangents.get(s.record()))
        : TypeRef.of(w.flat().model().params().get(s.index()).type());
  }

  // Example: public record Price(double value, OptionTangent o, double spot) {}
  static IrRecord result(Wrapper w, Owner grad, Map<TypeElement, String> tangents) {
    MethodModel m = w.flat().model();
    return record(w, grad, tangents, w.record(), m.resultType(),
        "#" + m.name() + "}: the value and the gradient", s -> "&part; value / &part; " + s.name());
  }

  // Example: public record PredictVjp(double[] value, ModelTangent self, double[] x) {}
  static IrRecord vjp(Wrapper w, Owner grad, Map<TypeElement, String> tangents) {
    return record(w, grad, tangents, w.record() + "Vjp", new Type(Type.Prim.DOUBLE, 1),
        "#" + w.flat().model().name() + "Vjp}: the value and the vector-Jacobian product",
        s -> "the sum over the value's elements of the cotangent times their partial derivative with respect"
            + " to {@code " + s.name() + "}");
  }

  /** The value, then one component per differentiated parameter (a record's as its tangent). */
  private static IrRecord record(
      Wrapper w, Owner grad, Map<TypeElement, String> tangents, String name, Type value, String what,
      java.util.function.Function<ParamShape, String> partial) {
    MethodModel m = w.flat().model();
    List<Object> doc = new ArrayList<>(List.of(
        "The result of {@link ", grad, what + ".\n\n",
        "@param value the value of {@code " + m.name() + "}\n"));
    List<IrRecord.Component> components = new ArrayList<>();
    components.add(new IrRecord.Component("value", TypeRef.of(value)));
    List<String> accessors = accessors(w);
    for (int i = 0; i < w.shapes().size(); i++) {
      ParamShape s = w.shapes().get(i);
      if (accessors.get(i) != null) {
        components.add(new IrRecord.Component(accessors.get(i), componentType(s, w, tangents, grad)));
        doc.add("@param " + accessors.get(i) + " " + partial.apply(s)
            + (s.isRecord() ? ", component by component\n" : "\n"));
      }
    }
    return new IrRecord(name, true, components, doc);
  }

  // Example: public record OptionTangent(double strike, double vol, double[] w, InnerTangent in) {}
  static IrRecord tangent(TypeElement record, String name, Map<TypeElement, String> tangents, Owner grad) {
    List<Object> doc = new ArrayList<>(List.of(
        "A tangent or gradient of a {@link ", SourceTypes.owner(record), "}: one component per component of it that carries a"
            + " derivative, named the same; components of other types carry none and are left out.\n\n"));
    List<IrRecord.Component> components = new ArrayList<>();
    for (Records.Component c : Records.components(record, new String[1])) {
      if (c.record() != null ? !tangents.containsKey(c.record()) : !c.type().isDifferentiable()) {
        continue;
      }
      TypeRef t = c.array() ? TypeRef.of(Drivers.nested(grad, tangents.get(c.record())).arrayOf()) // PartTangent[]
          : c.record() != null ? TypeRef.record(tangents.get(c.record())) : TypeRef.of(c.type());
      components.add(new IrRecord.Component(c.name(), t));
      doc.add(Records.isRecord(record)
          ? "@param " + c.name() + " the part along {@code " + c.name() + "()}\n"
          : c.array() ? "@param " + c.name() + " the part along field {@code " + c.name() + "}, element by element\n"
          : "@param " + c.name() + " the part along field {@code " + c.name() + "}\n");
    }
    return new IrRecord(name, true, components, doc);
  }
}
