package io.github.backprop.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Docs;
import io.github.backprop.processor.plan.Entry;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The public methods of a {@code @Differentiable} method {@code r} returning {@code double[]}:
 * {@code rVjp}, the gradient of ⟨cotangent, value⟩ (one reverse sweep, {@code
 * derive/Cotangent}); {@code rJacobian}, one {@code rVjp} per output row with a unit cotangent,
 * so the code grows with the method, not with its outputs; and with {@code forward = true}
 * {@code rJvp}, forward mode's Jacobian times a tangent.
 */
final class VjpWriter {
  private VjpWriter() {}

  private static final TypeName VECTOR = ArrayTypeName.of(TypeName.DOUBLE);
  private static final TypeName MATRIX = ArrayTypeName.of(VECTOR);
  private static final ClassName ADJOINT = ClassName.get("io.github.backprop", "Adjoint");

  // Example: public static RJacobian rJacobian(double[] p, double t) { ... one rVjp per row ... }
  /** {@code rJacobian}; its record comes from the plan. */
  static MethodSpec jacobian(Entry e, TypeElement source) {
    return jacobian(e, e.hvp(), source, Api.jacobianRecord(e));
  }

  private static MethodSpec jacobian(Entry e, Entry vjp, TypeElement source, String record) {
    MethodModel m = e.model();
    String simple = ClassName.get(source).simpleName();
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(e.name() + "Jacobian")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ClassName.get("", record))
            .addJavadoc(
                "The value of {@code $L.$L} and its Jacobian with respect to $L: row i holds the"
                    + " partial derivatives of the value's element i, flattened in parameter order"
                    + " (arrays row by row). One {@link #$L} per row, with a unit cotangent$L.\n\n",
                simple, Docs.signature(m), Docs.withRespectTo(e), vjp.name(),
                e.jvp() == null ? "" : "; or, where the value has more elements than the parameters,"
                    + " one {@link #" + e.name() + "Jvp} per column, with a unit tangent");
    List<String> args = new ArrayList<>();
    for (Var p : m.params()) {
      b.addParameter(JavaTypes.typeName(p.declared()), p.name());
      b.addJavadoc("@param $L the argument {@code $L} of {@code $L.$L}\n", p.name(), p.name(), simple, m.name());
      args.add(p.name());
    }
    b.addJavadoc("@return the value and the Jacobian\n");
    Locals l = new Locals(m);
    CodeBlock.Builder body = CodeBlock.builder();
    // Arrays the method writes into go back to the caller's values before each row's sweep.
    List<Var> written = written(vjp);
    for (Var p : written) {
      body.addStatement("$T $L = $T.copyOf($L)", JavaTypes.typeName(p.type()), l.copy(p), ADJOINT, p.name());
    }
    body.addStatement(l.t("double[] _value = $T.$L($L)"), ClassName.get(source), m.name(), String.join(", ", args));
    String size = size(m, body, l);
    body.addStatement(l.t("int _n = $L"), size);
    body.addStatement(l.t("double[][] _jacobian = new double[_value.length][]"));
    if (e.jvp() != null) {
      // Fewer inputs than outputs: one forward run per column is cheaper than a sweep per row.
      body.beginControlFlow(l.t("if (_n < _value.length)"));
      columns(e, written, args, body, l);
      body.addStatement(l.t("return new $L(_value, _jacobian)"), record);
      body.endControlFlow();
    }
    body.addStatement(l.t("double[] _cotangent = new double[_value.length]"));
    body.beginControlFlow(l.t("for (int _i = 0; _i < _value.length; _i++)"));
    for (Var p : written) {
      body.addStatement("$T.copyInto($L, $L)", ADJOINT, l.copy(p), p.name());
    }
    List<String> vjpArgs = new ArrayList<>(args);
    vjpArgs.add(l.of("_cotangent"));
    body.addStatement(l.t("_cotangent[_i] = 1"));
    body.addStatement(l.t("$L _row = $L($L)"), vjp.record(), vjp.name(), String.join(", ", vjpArgs));
    body.addStatement(l.t("_cotangent[_i] = 0"));
    body.addStatement(l.t("double[] _flat = new double[_n]"));
    body.addStatement(l.t("int _k = 0"));
    for (int i = 0; i < m.params().size(); i++) {
      String accessor = e.accessors().get(i);
      if (accessor == null) {
        continue;
      }
      Type t = m.params().get(i).type();
      if (t.dims() == 2) {
        body.beginControlFlow(l.t("for ($T _r : _row.$L())"), JavaTypes.typeName(t.element()), accessor);
        body.beginControlFlow(l.t("for (double _x : _r)"));
        body.addStatement(l.t("_flat[_k++] = _x"));
        body.endControlFlow();
        body.endControlFlow();
      } else if (t.dims() == 1) {
        body.beginControlFlow(l.t("for (double _x : _row.$L())"), accessor);
        body.addStatement(l.t("_flat[_k++] = _x"));
        body.endControlFlow();
      } else {
        body.addStatement(l.t("_flat[_k++] = _row.$L()"), accessor);
      }
    }
    body.addStatement(l.t("_jacobian[_i] = _flat"));
    body.endControlFlow();
    body.addStatement(l.t("return new $L(_value, _jacobian)"), record);
    return b.addCode(body.build()).build();
  }

  // Example: for (int _j = 0; _j < _n; _j++) { ... RJvp _column = rJvp(p, t, _t_p); ... }
  /** The Jacobian column by column, each from {@code rJvp} with a unit tangent. */
  private static void columns(
      Entry e, List<Var> written, List<String> args, CodeBlock.Builder body, Locals l) {
    MethodModel m = e.model();
    body.beginControlFlow(l.t("for (int _i = 0; _i < _value.length; _i++)"));
    body.addStatement(l.t("_jacobian[_i] = new double[_n]"));
    body.endControlFlow();
    body.beginControlFlow(l.t("for (int _j = 0; _j < _n; _j++)"));
    for (Var p : written) {
      body.addStatement("$T.copyInto($L, $L)", ADJOINT, l.copy(p), p.name());
    }
    body.addStatement(l.t("int _k = _j"));
    List<String> jvpArgs = new ArrayList<>(args);
    for (Var p : m.independents()) {
      String t = l.of("tangent " + p.name(), "_t_" + p.name());
      Type type = p.type();
      TypeName name = JavaTypes.typeName(type);
      if (type.dims() == 2) {
        body.addStatement("$T $L = $T.zerosLike($L)", name, t, ADJOINT, p.name());
        body.beginControlFlow(l.t("for (int _r = 0; _r < $L.length; _r++)"), p.name());
        body.beginControlFlow(l.t("if (_k >= 0 && _k < $L[_r].length)"), p.name());
        body.addStatement(l.t("$L[_r][_k] = 1"), t);
        body.endControlFlow();
        body.addStatement(l.t("_k -= $L[_r].length"), p.name());
        body.endControlFlow();
      } else if (type.dims() == 1) {
        body.addStatement("$T $L = new $T[$L.length]", name, t, JavaTypes.typeName(type.element()), p.name());
        body.beginControlFlow(l.t("if (_k >= 0 && _k < $L.length)"), p.name());
        body.addStatement(l.t("$L[_k] = 1"), t);
        body.endControlFlow();
        body.addStatement(l.t("_k -= $L.length"), p.name());
      } else {
        body.addStatement(l.t("$T $L = _k == 0 ? 1 : 0"), name, t);
        body.addStatement(l.t("_k--"));
      }
      jvpArgs.add(t);
    }
    body.addStatement(l.t("double[] _column = $LJvp($L).tangent()"), e.name(), String.join(", ", jvpArgs));
    body.beginControlFlow(l.t("for (int _i = 0; _i < _value.length; _i++)"));
    body.addStatement(l.t("_jacobian[_i][_j] = _column[_i]"));
    body.endControlFlow();
    body.endControlFlow();
  }

  /**
   * The number of flattened parameters as an expression; a matrix's elements are counted into
   * {@code _rows} first, by statements added to {@code body}.
   */
  private static String size(MethodModel m, CodeBlock.Builder body, Locals l) {
    List<String> parts = new ArrayList<>();
    int scalars = 0;
    boolean matrices = false;
    for (Var p : m.independents()) {
      if (p.type().dims() == 2) {
        if (!matrices) {
          body.addStatement(l.t("int _rows = 0"));
          matrices = true;
        }
        body.beginControlFlow(l.t("for ($T _r : $L)"), JavaTypes.typeName(p.type().element()), p.name());
        body.addStatement(l.t("_rows += _r.length"));
        body.endControlFlow();
      } else if (p.type().isArray()) {
        parts.add(p.name() + ".length");
      } else {
        scalars++;
      }
    }
    if (matrices) {
      parts.add(l.of("_rows"));
    }
    if (scalars > 0 || parts.isEmpty()) {
      parts.add(0, Integer.toString(scalars));
    }
    return String.join(" + ", parts);
  }

  /** The array parameters the method writes into, in order. */
  private static List<Var> written(Entry vjp) {
    List<Var> stored = new ArrayList<>();
    Walk.each(vjp.model().body(), x -> {
      if (x instanceof Stmt.Store st && !stored.contains(st.target().base())) {
        stored.add(st.target().base());
      }
    });
    List<Var> out = new ArrayList<>();
    for (Var p : vjp.model().params()) {
      if (stored.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Local names of a generated method, each the first of {@code _x}, {@code _x2}, ... that no
   * parameter and no other local takes.
   */
  private static final class Locals {
    private static final java.util.regex.Pattern FIXED =
        java.util.regex.Pattern.compile("\\b_(value|n|jacobian|cotangent|i|row|flat|k|x|r|j|column|rows)\\b");
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    Locals(MethodModel m) {
      m.params().forEach(p -> taken.add(p.name()));
    }

    String of(String base) {
      return of(base, base);
    }

    String of(String key, String base) {
      return names.computeIfAbsent(key, k -> {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
          name = base + i;
        }
        return name;
      });
    }

    /** The copy of an array parameter the method writes into: {@code _w} for {@code w}. */
    String copy(Var p) {
      return of("copy " + p.name(), "_" + p.name());
    }

    /** {@code template} with each fixed local name in it made unique. */
    String t(String template) {
      return FIXED.matcher(template).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(of(r.group())));
    }
  }
}
