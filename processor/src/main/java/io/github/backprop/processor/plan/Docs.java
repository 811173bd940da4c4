package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Phrases the javadoc of every generated method shares. */
public final class Docs {
  private Docs() {}

  /** {@code every double parameter}, or the ones {@code wrt} names: {@code {@code w}}. */
  public static String withRespectTo(Entry e) {
    List<String> named = new ArrayList<>();
    boolean all = true;
    for (int i = 0; i < e.model().params().size(); i++) {
      Var p = e.model().params().get(i);
      if (e.accessors().get(i) != null) {
        named.add("{@code " + p.name() + "}");
      } else if (p.type().isDifferentiable()) {
        all = false;
      }
    }
    if (all) {
      boolean floats = e.model().params().stream().anyMatch(p -> p.type().prim() == Type.Prim.FLOAT);
      boolean doubles = e.model().params().stream().anyMatch(p -> p.type().prim() == Type.Prim.DOUBLE);
      return floats && doubles ? "every {@code double} and {@code float} parameter"
          : floats ? "every {@code float} parameter" : "every {@code double} parameter";
    }
    return named.isEmpty() ? "nothing" : String.join(", ", named);
  }

  /**
   * {@code loss(double[], double)}: the source method's name and parameter types; of a tangent
   * method ({@link #isTangent}), the source method's, without the tangents.
   */
  public static String signature(MethodModel m) {
    StringBuilder s = new StringBuilder(m.name()).append('(');
    // Over a record's components (a record wrapper's private gradient) the source's parameters.
    boolean flattened = false;
    for (int i = 0; i < m.element().getParameters().size() && i < m.params().size(); i++) {
      flattened |= !m.element().getParameters().get(i).getSimpleName().contentEquals(m.params().get(i).name());
    }
    int shown = flattened ? m.element().getParameters().size() : m.params().size() - tangents(m).size();
    for (int i = 0; i < shown; i++) {
      s.append(i == 0 ? "" : ", ");
      if (i >= m.element().getParameters().size()) {
        s.append(javaName(m.params().get(i).type())); // the fields of an object with no parameters of its own
        continue;
      }
      // As declared: a char parameter is held as an int but documented as the char it is.
      javax.lang.model.type.TypeMirror t = m.element().getParameters().get(i).asType();
      s.append(t instanceof javax.lang.model.type.DeclaredType d ? d.asElement().getSimpleName() : t);
    }
    return s.append(')').toString();
  }

  /** A parameter's type as Java writes it: {@code double}, {@code double[]}. */
  private static String javaName(Type t) {
    return t.prim().keyword() + "[]".repeat(t.dims());
  }

  /**
   * Whether {@code m} is the tangent of a method for second order, t(x, v) = ⟨∇f(x), v⟩: its
   * last parameters are the tangents of its first.
   */
  public static boolean isTangent(MethodModel m) {
    return !tangents(m).isEmpty();
  }

  /** The tangent parameters of a tangent method, in order; empty for any other method. */
  public static List<Var> tangents(MethodModel m) {
    List<Var> out = new ArrayList<>();
    for (int i = m.params().size() - 1; i >= 0 && m.params().get(i).kind() == Var.Kind.TANGENT; i--) {
      out.add(0, m.params().get(i));
    }
    return out;
  }

  /** {@code {@code _t_x}, {@code _t_w}}: the tangent parameters of a tangent method. */
  public static String tangentList(MethodModel m) {
    List<String> names = new ArrayList<>();
    for (Var t : tangents(m)) {
      names.add("{@code " + t.name() + "}");
    }
    return String.join(", ", names);
  }
}
