package io.github.backprop.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Entry;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The public second-order methods of {@code hessian = true}, around the private gradient of the
 * method's tangent ({@code _mTangent}): {@code mHvp} flattens its partials with respect to the
 * directions (the gradient) and to the parameters (the Hessian times the direction); {@code
 * mHessian} calls {@code mHvp} once per unit direction, so the code grows with the parameters, not
 * with their square.
 */
final class HessianWriter {
  private HessianWriter() {}

  private static final TypeName VECTOR = ArrayTypeName.of(TypeName.DOUBLE);
  private static final TypeName MATRIX = ArrayTypeName.of(VECTOR);

  /** {@code mHvp} and {@code mHessian}; their records come from the plan. */
  static void write(Entry e, TypeElement source, TypeSpec.Builder type) {
    type.addMethod(hvp(e, source, Api.hvpRecord(e)));
    type.addMethod(hessian(e, source, Api.hvpRecord(e), Api.hessianRecord(e)));
  }

  private static String direction(Var p) {
    return "_v_" + p.name();
  }

  // Example: public static LossHvp lossHvp(double[] w, double[] _v_w) { ... }
  private static MethodSpec hvp(Entry e, TypeElement source, String record) {
    MethodModel m = e.model();
    MethodSpec.Builder b =
        begin(e, source, "Hvp", record, "its gradient and its Hessian times a direction, by reverse mode over"
            + " forward mode; both vectors flattened in parameter order");
    List<String> args = new ArrayList<>(names(m));
    for (Var p : m.independents()) {
      b.addParameter(JavaTypes.typeName(p.type()), direction(p));
      b.addJavadoc("@param $L the direction's part for {@code $L}\n", direction(p), p.name());
      args.add(direction(p));
    }
    b.addJavadoc("@return the value, the gradient and the Hessian-vector product\n");
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$L _g = $L($L)", e.hvp().record(), e.hvp().name(), String.join(", ", args));
    size(m, body);
    body.addStatement("double[] _gradient = new double[_n]");
    body.addStatement("double[] _hvp = new double[_n]");
    body.addStatement("int _k = 0");
    List<String> accessors = e.hvp().accessors();
    for (int j = 0; j < m.independents().size(); j++) {
      Var p = m.independents().get(j);
      String hv = accessors.get(m.params().indexOf(p)) + "()";
      String g = accessors.get(m.params().size() + j) + "()";
      if (p.type().dims() == 2) {
        body.beginControlFlow("for (int _i = 0; _i < $L.length; _i++)", p.name());
        body.beginControlFlow("for (int _j = 0; _j < $L[_i].length; _j++, _k++)", p.name());
        body.addStatement("_gradient[_k] = _g.$L[_i][_j]", g);
        body.addStatement("_hvp[_k] = _g.$L[_i][_j]", hv);
        body.endControlFlow();
        body.endControlFlow();
      } else if (p.type().isArray()) {
        body.beginControlFlow("for (int _i = 0; _i < $L.length; _i++, _k++)", p.name());
        body.addStatement("_gradient[_k] = _g.$L[_i]", g);
        body.addStatement("_hvp[_k] = _g.$L[_i]", hv);
        body.endControlFlow();
      } else {
        body.addStatement("_gradient[_k] = _g.$L", g);
        body.addStatement("_hvp[_k++] = _g.$L", hv);
      }
    }
    body.addStatement("return new $L($L, _gradient, _hvp)", record, value(e, source, String.join(", ", names(m))));
    return b.addCode(body.build()).build();
  }

  // Example: public static LossHessian lossHessian(double[] w) { ... one lossHvp per column ... }
  private static MethodSpec hessian(Entry e, TypeElement source, String hvpRecord, String record) {
    MethodModel m = e.model();
    MethodSpec.Builder b =
        begin(e, source, "Hessian", record, "its gradient and its Hessian, flattened in parameter order: one"
            + " Hessian-vector product per unit direction");
    b.addJavadoc("@return the value, the gradient and the Hessian\n");
    CodeBlock.Builder body = CodeBlock.builder();
    size(m, body);
    body.addStatement("double[] _gradient = new double[_n]");
    body.addStatement("double[][] _hessian = new double[_n][]");
    body.beginControlFlow("for (int _j = 0; _j < _n; _j++)");
    body.addStatement("int _k = _j");
    List<String> args = new ArrayList<>(names(m));
    for (Var p : m.independents()) {
      String d = direction(p);
      TypeName element = JavaTypes.typeName(new io.github.backprop.processor.ir.Type(p.type().prim(), 0));
      if (p.type().dims() == 2) {
        // Example: double[][] _v_m = new double[m.length][]; rows of m's lengths, one 1 in the k-th element
        body.addStatement("$T $L = new $T[$L.length][]", JavaTypes.typeName(p.type()), d, element, p.name());
        body.beginControlFlow("for (int _i = 0; _i < $L.length; _i++)", p.name());
        body.addStatement("$L[_i] = new $T[$L[_i].length]", d, element, p.name());
        body.beginControlFlow("if (_k >= 0 && _k < $L[_i].length)", p.name());
        body.addStatement("$L[_i][_k] = 1", d);
        body.endControlFlow();
        body.addStatement("_k -= $L[_i].length", p.name());
        body.endControlFlow();
      } else if (p.type().isArray()) {
        body.addStatement("$T $L = new $T[$L.length]", JavaTypes.typeName(p.type()), d, element, p.name());
        body.beginControlFlow("if (_k >= 0 && _k < $L.length)", p.name());
        body.addStatement("$L[_k] = 1", d);
        body.endControlFlow();
        body.addStatement("_k -= $L.length", p.name());
      } else {
        body.addStatement("$T $L = _k == 0 ? 1 : 0", element, d);
        body.addStatement("_k--");
      }
      args.add(d);
    }
    body.addStatement("$L _r = $L($L)", hvpRecord, Api.secondOrderName(e, "Hvp"), String.join(", ", args));
    body.addStatement("_hessian[_j] = _r.hvp()");
    body.addStatement("_gradient = _r.gradient()");
    body.endControlFlow();
    body.addStatement("return new $L($L, _gradient, _hessian)", record, value(e, source, String.join(", ", names(m))));
    return b.addCode(body.build()).build();
  }

  /** {@code public static R mSuffix(<m's parameters>)}, documented. */
  private static MethodSpec.Builder begin(
      Entry e, TypeElement source, String suffix, String record, String what) {
    MethodModel m = e.model();
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(Api.secondOrderName(e, suffix))
            .addModifiers(e.hidden() ? Modifier.PRIVATE : Modifier.PUBLIC, Modifier.STATIC)
            .returns(ClassName.get("", record))
            .addJavadoc("The value of {@code $L.$L}, $L.\n\n", source.getSimpleName(), m.name(), what);
    for (Var p : m.params()) {
      b.addParameter(JavaTypes.typeName(p.declared()), p.name());
      b.addJavadoc("@param $L the argument {@code $L}\n", p.name(), p.name());
    }
    // mHessian takes exactly m's parameters, so double... xs stays varargs there.
    return b.varargs(!e.hidden() && suffix.equals("Hessian") && m.element().isVarArgs());
  }

  private static List<String> names(MethodModel m) {
    List<String> out = new ArrayList<>();
    m.params().forEach(p -> out.add(p.name()));
    return out;
  }

  /**
   * Declares {@code _n}, the number of flattened parameters: 1 per scalar, the length of each
   * array, the lengths of a matrix's rows.
   */
  private static void size(MethodModel m, CodeBlock.Builder body) {
    List<String> parts = new ArrayList<>();
    int scalars = 0;
    for (Var p : m.independents()) {
      if (p.type().dims() == 1) {
        parts.add(p.name() + ".length");
      } else if (p.type().dims() == 0) {
        scalars++;
      }
    }
    if (scalars > 0 || parts.isEmpty()) {
      parts.add(0, Integer.toString(scalars));
    }
    body.addStatement("int _n = $L", String.join(" + ", parts));
    for (Var p : m.independents()) {
      if (p.type().dims() == 2) {
        body.beginControlFlow("for ($T _row : $L)", JavaTypes.typeName(p.type().element()), p.name());
        body.addStatement("_n += _row.length");
        body.endControlFlow();
      }
    }
  }

  /** The primal's value: the source method called, or where it is private its gradient's value. */
  private static CodeBlock value(Entry e, TypeElement source, String args) {
    boolean visible = !e.hidden() && !e.model().element().getModifiers().contains(Modifier.PRIVATE);
    return visible
        ? CodeBlock.of("$T.$L($L)", ClassName.get(source), e.model().name(), args)
        : CodeBlock.of("$L($L).value()", e.name(), args);
  }
}
