package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.read.Annotations;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The value of a private method returning {@code double[]}, whose Jacobian needs it first (to
 * size its rows) and which the generated class cannot call: the method's body as read, in a
 * private method of the generated class, {@code _mat2quatValue(ort)}.
 */
final class PrimalCopy {
  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);

  private PrimalCopy() {}

  /** Whether {@code e}'s Jacobian calls a copy of its method rather than the method. */
  static boolean needed(Entry e) {
    return e.model().element().getModifiers().contains(Modifier.PRIVATE)
        && Annotations.isDifferentiable(e.model().element()); // not a recursive helper's, which has no Jacobian
  }

  /** The call of the copy over {@code e}'s parameters: {@code _mat2quatValue(ort)}. */
  static Expr call(Entry e) {
    return new Expr.SelfCall(name(e.model()), Drivers.refs(e.model().params()), VECTOR);
  }

  // Example: private static double[] _mat2quatValue(double[][] ort) { double[] quat = new double[4]; ...; return quat; }
  /** The copy: {@code e}'s parameters and its body as read, each helper's body in place. */
  static IrMethod method(Entry e) {
    MethodModel m = e.model();
    List<Object> doc = List.of(
        "The value of {@code " + m.element().getEnclosingElement().getSimpleName() + "." + Docs.signature(m)
            + "}, which is private: its body as written, for the Jacobian.\n");
    List<Var> params = m.params();
    // Its variables keep their names, as the forward mode's do.
    return new IrMethod(name(m), false, TypeRef.of(VECTOR), params, false, false, m.body().statements(), doc, null);
  }

  private static String name(MethodModel m) {
    return "_" + m.name() + "Value";
  }
}
