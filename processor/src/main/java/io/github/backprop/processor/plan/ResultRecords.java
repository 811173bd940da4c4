package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.IrRecord;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** The records the generated methods return: their names, components and javadoc. */
final class ResultRecords {
  private ResultRecords() {}

  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);
  private static final Type MATRIX = new Type(Type.Prim.DOUBLE, 2);

  // Example: public record Loss(double value, double a, double b) {}
  static IrRecord gradient(Entry e, Owner grad) {
    MethodModel m = e.model();
    List<Object> doc = new ArrayList<>(List.of(
        "The result of {@link ", grad, "#" + e.name() + "}: the value and the gradient.\n\n",
        Docs.isTangent(m)
            ? "@param value the tangent of {@code " + Docs.signature(m) + "} along " + Docs.tangentList(m) + "\n"
            : "@param value the value of {@code " + Docs.signature(m) + "}\n"));
    List<IrRecord.Component> components = new ArrayList<>();
    components.add(new IrRecord.Component("value", TypeRef.of(m.resultType())));
    for (int i = 0; i < m.params().size(); i++) {
      String accessor = e.accessors().get(i);
      if (accessor != null) {
        Var p = m.params().get(i);
        components.add(new IrRecord.Component(accessor, TypeRef.of(p.type())));
        doc.add("@param " + accessor + " &part; value / &part; " + p.name() + ", the partial derivative with respect"
            + " to {@code " + p.name() + "}\n");
      }
    }
    return new IrRecord(e.record(), !e.hidden(), components, doc);
  }

  // Example: public record FJvp(double value, double tangent) {}
  static IrRecord jvp(Entry e, Owner grad) {
    MethodModel m = e.model();
    TypeRef t = TypeRef.of(m.resultType());
    return new IrRecord(
        e.jvpRecord(), true,
        List.of(new IrRecord.Component("value", t), new IrRecord.Component("tangent", t)),
        List.of(
            "The result of {@link ", grad, "#" + m.name() + "Jvp}: the value and the directional derivative.\n\n"
                + "@param value the value of {@code " + Docs.signature(m) + "}\n"
                + "@param tangent the directional derivative of the value along the tangents passed\n"));
  }

  // Example: public record RVjp(double[] value, double[] p, double t) {}
  static IrRecord vjp(Entry vector, Owner grad) {
    Entry e = vector.hvp();
    MethodModel m = e.model();
    List<Object> doc = new ArrayList<>(List.of(
        "The result of {@link ", grad, "#" + e.name() + "}: the value and the vector-Jacobian product.\n\n",
        "@param value the value of {@code " + Docs.signature(vector.model()) + "}\n"));
    List<IrRecord.Component> components = new ArrayList<>();
    components.add(new IrRecord.Component("value", TypeRef.of(VECTOR)));
    for (int i = 0; i < m.params().size(); i++) {
      String accessor = e.accessors().get(i);
      if (accessor != null) {
        Var p = m.params().get(i);
        components.add(new IrRecord.Component(accessor, TypeRef.of(p.type())));
        doc.add("@param " + accessor + " the sum over the value's elements of the cotangent times their partial"
            + " derivative with respect to {@code " + p.name() + "}\n");
      }
    }
    return new IrRecord(e.record(), !e.hidden(), components, doc);
  }

  // Example: public record RJacobian(double[] value, double[][] jacobian) {}
  static IrRecord jacobian(Entry e, Owner grad) {
    return jacobian(Api.jacobianRecord(e), grad, e.name() + "Jacobian");
  }

  /** {@code RJacobian} named {@code record}, the result of {@code method}. */
  static IrRecord jacobian(String record, Owner grad, String method) {
    return vectorResult(record, grad, method, "jacobian", MATRIX,
        "the Jacobian: one row per element of the value, one column per flattened parameter");
  }

  // Example: public record RJvp(double[] value, double[] tangent) {}
  static IrRecord vectorJvp(Entry e, Owner grad) {
    return vectorResult(e.jvpRecord(), grad, e.model().name() + "Jvp", "tangent", VECTOR,
        "the Jacobian times the tangents passed, one element per element of the value");
  }

  private static IrRecord vectorResult(String name, Owner grad, String method, String component, Type type, String what) {
    return new IrRecord(
        name, true,
        List.of(new IrRecord.Component("value", TypeRef.of(VECTOR)), new IrRecord.Component(component, TypeRef.of(type))),
        List.of("The result of {@link ", grad, "#" + method + "}.\n\n@param value the value\n@param " + component + " "
            + what + "\n"));
  }

  // Example: public record LossHvp(double value, double[] gradient, double[] hvp) {}
  static IrRecord hvp(Entry e, Owner grad) {
    return secondOrder(Api.hvpRecord(e), e.model().name() + "Hvp", grad, "hvp", VECTOR,
        "the Hessian times the direction, flattened");
  }

  // Example: public record LossHessian(double value, double[] gradient, double[][] hessian) {}
  static IrRecord hessian(Entry e, Owner grad) {
    return secondOrder(Api.hessianRecord(e), e.model().name() + "Hessian", grad, "hessian", MATRIX,
        "the Hessian, one row per flattened parameter");
  }

  private static IrRecord secondOrder(String name, String method, Owner grad, String component, Type type, String what) {
    return new IrRecord(
        name, true,
        List.of(
            new IrRecord.Component("value", TypeRef.of(Type.DOUBLE)),
            new IrRecord.Component("gradient", TypeRef.of(VECTOR)),
            new IrRecord.Component(component, TypeRef.of(type))),
        List.of("The result of {@link ", grad, "#" + method + "}.\n\n@param value the value\n@param gradient the"
            + " gradient, flattened\n@param " + component + " " + what + "\n"));
  }
}
