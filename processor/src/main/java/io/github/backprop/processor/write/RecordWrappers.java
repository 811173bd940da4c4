package io.github.backprop.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.plan.Wrapper;
import io.github.backprop.processor.plan.WrapperRecords;
import io.github.backprop.processor.read.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The public face of a {@code @Differentiable} method with record parameters. The sweeps derive
 * the method with each record parameter replaced by its components (a private gradient, {@code
 * _price(double o_strike, ...)}); this writes {@code price(Option o, ...)}, which passes the
 * components in and gathers each record parameter's gradient into a tangent record of the same
 * shape, {@code OptionTangent}: one component per {@code double}, {@code float} or array
 * component, named the same, and one per nested record that has any; the rest carry no
 * derivative and are left out. With {@code forward = true}, {@code priceJvp(Option o, ...,
 * OptionTangent _t_o, ...)} takes such a tangent as the direction.
 */
public final class RecordWrappers {
  private RecordWrappers() {}

  /** The method {@code kind} of {@code w}. */
  static MethodSpec write(Wrapper w, Api.WrapperMethod kind, Map<TypeElement, String> tangents, TypeElement source) {
    return switch (kind) {
      case GRADIENT -> gradient(w, source, tangents);
      case JVP -> jvp(w, source, tangents);
      case ACCUMULATE -> accumulate(w, source, tangents);
      case HVP -> hvp(w, source, tangents);
      case HESSIAN -> hessian(w, source);
    };
  }

  private static boolean instance(ExecutableElement m) {
    return !m.getModifiers().contains(Modifier.STATIC);
  }

  private static void paramDocs(MethodSpec.Builder b, ExecutableElement m, TypeElement source) {
    if (instance(m)) {
      b.addJavadoc("@param self the object whose {@code $L} is called (its fields are read, never written)\n", m.getSimpleName());
    }
    for (VariableElement p : m.getParameters()) {
      b.addJavadoc("@param $L the argument {@code $L} of {@code $L.$L}\n", p.getSimpleName(), p.getSimpleName(), ClassName.get(source).simpleName(), m.getSimpleName());
    }
  }

  /** The source method's parameters, after {@code self} for an instance method. */
  private static MethodSpec.Builder signature(Wrapper w, String name, TypeElement source) {
    ExecutableElement m = w.flat().model().element();
    MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC);
    if (instance(m)) {
      b.addParameter(TypeName.get(source.asType()), "self");
    }
    for (VariableElement p : m.getParameters()) {
      b.addParameter(ParameterSpec.builder(TypeName.get(p.asType()), p.getSimpleName().toString()).build());
    }
    return b;
  }

  /** {@code o.strike(), o.in().a(), spot}: every leaf of the parameters, in the flat method's order. */
  private static void leaves(ParamShape s, String path, List<String> out) {
    if (!s.isRecord()) {
      out.add(path);
      return;
    }
    for (ParamShape p : s.parts()) {
      leaves(p, path + "." + p.name() + (Records.isRecord(s.record()) ? "()" : ""), out);
    }
  }

  // Example: public static Price price(Option o, double spot) {
  //              _Price _grad = _price(o.strike(), o.vol(), o.w(), spot);
  //              return new Price(_grad.value(), new OptionTangent(_grad.o_strike(), _grad.o_vol(), _grad.o_w()), _grad.spot()); }
  private static MethodSpec gradient(Wrapper w, TypeElement source, Map<TypeElement, String> tangents) {
    MethodModel m = w.flat().model();
    MethodSpec.Builder b =
        signature(w, m.name(), source)
            .returns(ClassName.get("", w.record()))
            .addJavadoc(
                "The value of {@code $L.$L} and its gradient; the gradient with respect to $L is a"
                    + " tangent record of the same shape.\n\n",
                ClassName.get(source).simpleName(), m.name(), instance(m.element()) ? "the object or a record" : "a record parameter");
    paramDocs(b, m.element(), source);
    b.addJavadoc("@return the value and the gradient\n");
    List<String> args = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      leaves(s, s.name(), args);
    }
    b.addStatement("$L _grad = $L($L)", w.flat().record(), w.flat().name(), String.join(", ", args));
    CodeBlock.Builder result = CodeBlock.builder().add("_grad.value()");
    List<String> accessors = WrapperRecords.accessors(w);
    for (int i = 0; i < w.shapes().size(); i++) {
      if (accessors.get(i) != null) {
        result.add(", $L", gathered(w.shapes().get(i), w.flat(), tangents));
      }
    }
    return b.addStatement("return new $L($L)", w.record(), result.build()).build();
  }

  /** {@code new OptionTangent(_grad.o_strike(), ...)}, or {@code _grad.spot()} for a leaf. */
  private static CodeBlock gathered(ParamShape s, Entry flat, Map<TypeElement, String> tangents) {
    if (!s.isRecord()) {
      return CodeBlock.of("_grad.$L()", flat.accessors().get(s.index()));
    }
    CodeBlock.Builder parts = CodeBlock.builder();
    for (ParamShape p : s.parts()) {
      if (p.isRecord() ? tangents.containsKey(p.record()) : flat.model().params().get(p.index()).type().isDifferentiable()) {
        parts.add(parts.isEmpty() ? "$L" : ", $L", gathered(p, flat, tangents));
      }
    }
    return CodeBlock.of("new $L($L)", tangents.get(s.record()), parts.build());
  }

  // Example: public static PriceJvp priceJvp(Option o, double spot, OptionTangent _t_o, double _t_spot) {
  //              return _priceJvp(o.strike(), o.vol(), spot, _t_o.strike(), _t_o.vol(), _t_spot); }
  private static MethodSpec jvp(Wrapper w, TypeElement source, Map<TypeElement, String> tangents) {
    MethodModel m = w.flat().model();
    MethodSpec.Builder b =
        signature(w, m.name() + "Jvp", source)
            .returns(ClassName.get("", w.flat().jvpRecord()))
            .addJavadoc(
                "The value of {@code $L.$L} and its directional derivative along the tangents, by"
                    + " forward-mode differentiation; the tangent of $L is a tangent record of the same"
                    + " shape.\n\n",
                ClassName.get(source).simpleName(), m.name(), instance(m.element()) ? "the object or a record" : "a record parameter");
    paramDocs(b, m.element(), source);
    List<String> args = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      leaves(s, s.name(), args);
    }
    Set<Var> independents = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    independents.addAll(m.independents());
    for (ParamShape s : w.shapes()) {
      if (!WrapperRecords.active(s, w.flat())) {
        continue;
      }
      String t = "_t_" + s.name();
      b.addParameter(JavaTypes.typeName(WrapperRecords.componentType(s, w, tangents)), t);
      b.addJavadoc("@param $L the tangent of {@code $L}, shaped like it\n", t, s.name());
      List<String> ts = new ArrayList<>();
      tangentLeaves(s, t, w.flat(), tangents, ts);
      args.addAll(ts);
    }
    b.addJavadoc("@return the value and the directional derivative\n@see #$L\n", m.name());
    return b.addStatement("return $L($L)", "_" + m.name() + "Jvp", String.join(", ", args)).build();
  }

  // Example: public static double loss(Mlp m, Sample s, MlpTangent _d_m) {
  //              return _loss(m.w1(), m.w2(), s.x(), s.y(), _d_m.w1(), _d_m.w2()); }
  /** The accumulate overload: the gradient added into arrays the caller owns, held in a tangent record for a record. */
  private static MethodSpec accumulate(Wrapper w, TypeElement source, Map<TypeElement, String> tangents) {
    MethodModel m = w.flat().model();
    MethodSpec.Builder b =
        signature(w, m.name(), source)
            .returns(JavaTypes.typeName(m.resultType()))
            .addJavadoc(
                "The value of {@code $L.$L}, after adding its gradient into arrays the caller owns,"
                    + " shaped like the parameters (for a record, a tangent record holding such arrays):"
                    + " for summing gradients over a batch with no allocation. Nothing is zeroed.\n\n",
                ClassName.get(source).simpleName(), m.name());
    paramDocs(b, m.element(), source);
    List<String> args = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      leaves(s, s.name(), args);
    }
    for (ParamShape s : w.shapes()) {
      if (!WrapperRecords.active(s, w.flat())) {
        continue;
      }
      String d = "_d_" + s.name();
      b.addParameter(JavaTypes.typeName(WrapperRecords.componentType(s, w, tangents)), d);
      b.addJavadoc("@param $L where the gradient with respect to {@code $L} is added\n", d, s.name());
      tangentLeaves(s, d, w.flat(), tangents, args);
    }
    b.addJavadoc("@return the value of {@code $L}\n@see #$L\n", m.name(), m.name());
    return b.addStatement("return $L($L)", w.flat().name(), String.join(", ", args)).build();
  }

  // Example: public static PriceHvp priceHvp(Option o, double spot, OptionTangent _v_o, double _v_spot) {
  //              return _priceHvp(o.strike(), o.vol(), spot, _v_o.strike(), _v_o.vol(), _v_spot); }
  private static MethodSpec hvp(Wrapper w, TypeElement source, Map<TypeElement, String> tangents) {
    MethodModel m = w.flat().model();
    String record = w.record() + "Hvp";
    MethodSpec.Builder b =
        signature(w, m.name() + "Hvp", source)
            .returns(ClassName.get("", record))
            .addJavadoc(
                "The value of {@code $L.$L}, its gradient and its Hessian times a direction, by reverse"
                    + " mode over forward mode; both vectors flattened in parameter order, a record's"
                    + " components in declaration order; the direction of a record parameter$L is a"
                    + " tangent record of the same shape.\n\n",
                ClassName.get(source).simpleName(), m.name(), instance(m.element()) ? " or the object" : "");
    paramDocs(b, m.element(), source);
    List<String> args = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      leaves(s, s.name(), args);
    }
    for (ParamShape s : w.shapes()) {
      if (!WrapperRecords.active(s, w.flat())) {
        continue;
      }
      String v = "_v_" + s.name();
      b.addParameter(JavaTypes.typeName(WrapperRecords.componentType(s, w, tangents)), v);
      b.addJavadoc("@param $L the direction's part for {@code $L}, shaped like it\n", v, s.name());
      tangentLeaves(s, v, w.flat(), tangents, args);
    }
    b.addJavadoc("@return the value, the gradient and the Hessian-vector product\n");
    return b.addStatement("return $L($L)", Api.secondOrderName(w.flat(), "Hvp"), String.join(", ", args)).build();
  }

  // Example: public static PriceHessian priceHessian(Option o, double spot) {
  //              return _priceHessian(o.strike(), o.vol(), spot); }
  private static MethodSpec hessian(Wrapper w, TypeElement source) {
    MethodModel m = w.flat().model();
    MethodSpec.Builder b =
        signature(w, m.name() + "Hessian", source)
            .returns(ClassName.get("", w.record() + "Hessian"))
            .addJavadoc(
                "The value of {@code $L.$L}, its gradient and its Hessian, flattened in parameter order"
                    + " (a record's components in declaration order): one Hessian-vector product per unit"
                    + " direction.\n\n",
                ClassName.get(source).simpleName(), m.name());
    paramDocs(b, m.element(), source);
    b.addJavadoc("@return the value, the gradient and the Hessian\n");
    List<String> args = new ArrayList<>();
    for (ParamShape s : w.shapes()) {
      leaves(s, s.name(), args);
    }
    return b.addStatement("return $L($L)", Api.secondOrderName(w.flat(), "Hessian"), String.join(", ", args)).build();
  }

  private static void tangentLeaves(
      ParamShape s, String path, Entry flat, Map<TypeElement, String> tangents, List<String> out) {
    if (!s.isRecord()) {
      if (flat.accessors().get(s.index()) != null) {
        out.add(path);
      }
      return;
    }
    for (ParamShape p : s.parts()) {
      if (p.isRecord() ? tangents.containsKey(p.record()) : flat.accessors().get(p.index()) != null) {
        tangentLeaves(p, path + "." + p.name() + "()", flat, tangents, out);
      }
    }
  }
}
