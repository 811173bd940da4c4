package io.github.backprop.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Narrowing;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Writes the {@code CGrad} class of one source class with JavaPoet. */
public final class GradWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "io.github.backprop.processor.BackpropProcessor";

  /**
   * One method to write: the source model, its derivative, and its record's names; its forward
   * mode and that record's name, or nulls where {@code forward = true} is not asked for.
   */
  /**
   * @param name the generated method's name: the source method's, or for a recursive helper
   *     without the annotation its private gradient's ({@code _fib})
   * @param hidden whether it is such a private gradient: private, with a private record, no
   *     accumulate overload and no forward mode
   * @param hvp for {@code hessian = true}, the private gradient of the method's tangent, from which
   *     {@code mHvp} and {@code mHessian} are built; else null
   */
  public record Entry(
      MethodModel model, GradMethod grad, String record, List<String> accessors, JvpMethod jvp, String jvpRecord,
      String name, boolean hidden, Entry hvp) {}

  private GradWriter() {}

  /** Statements as Java, for {@code -Abackprop.debug=stages}. */
  public static String show(List<Stmt> stmts) {
    CodeBlock.Builder b = CodeBlock.builder();
    new CodeWriter(new Namer()).statements(stmts, b);
    return b.build().toString();
  }

  /**
   * @param entries the methods, already in their deterministic order
   * @param generatedVisible whether the class's module reads {@code java.compiler}, home of
   *     {@code @Generated}: a named module that does not would fail to compile the annotation
   */
  public static JavaFile write(TypeElement source, Owner grad, List<Entry> entries, boolean generatedVisible) {
    return write(source, grad, entries, generatedVisible, List.of());
  }

  /** As above, with the public methods of methods that take records ({@link RecordWrappers}). */
  public static JavaFile write(
      TypeElement source, Owner grad, List<Entry> entries, boolean generatedVisible, List<RecordWrappers.Wrapper> wrappers) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(grad.simpleNames())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(source);
    if (generatedVisible) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    type
            .addJavadoc(
                "Gradients of the {@code @Differentiable} methods of {@link $T}, by reverse-mode"
                    + " differentiation"
                    + (entries.stream().anyMatch(e -> e.jvp() != null) ? "; directional derivatives by forward mode" : "")
                    + ".\n",
                ClassName.get(source))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addJavadoc("No instances: the gradients are static methods.\n")
                    .build());
    for (FieldCopy c : copies(entries)) {
      type.addField(copy(c));
    }
    java.util.Set<List<com.palantir.javapoet.TypeName>> signatures = new java.util.HashSet<>();
    for (Entry e : entries) {
      signatures.add(parameterTypes(e, false));
    }
    java.util.Set<Entry> wrapped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    wrappers.forEach(w -> wrapped.add(w.flat()));
    for (Entry e : entries) {
      if (VjpWriter.isVector(e)) {
        VjpWriter.write(e, source, grad, type);
        continue;
      }
      // Another method of the same name and these parameter types would clash with it. A record
      // wrapper's private gradient keeps its accumulate overload, which the wrapper's calls.
      boolean accumulates =
          (!e.hidden() || wrapped.contains(e)) && !e.grad().accumulators().isEmpty() && !signatures.contains(parameterTypes(e, true));
      type.addMethod(accumulates ? delegating(e, source) : method(e, source));
      if (accumulates) {
        type.addMethod(accumulate(e, source, grad));
      }
      type.addType(record(e, grad));
      if (e.hvp() != null) {
        type.addMethod(method(e.hvp(), source));
        type.addType(record(e.hvp(), grad));
        HessianWriter.write(e, source, grad, type);
      }
      if (e.jvp() != null) {
        type.addMethod(jvp(e, source));
        type.addType(jvpRecord(e, grad));
      }
    }
    RecordWrappers.write(wrappers, source, grad, type);
    return JavaFile.builder(grad.packageName(), type.build())
        .skipJavaLangImports(!shadowsJavaLang(source))
        .indent("    ")
        .build();
  }

  /**
   * Whether a class of the package takes the simple name of a {@code java.lang} class (a user's
   * {@code p.Math}): then the file imports {@code java.lang.Math} explicitly, which shadows it.
   */
  private static boolean shadowsJavaLang(TypeElement source) {
    javax.lang.model.element.Element e = source;
    while (!(e instanceof javax.lang.model.element.PackageElement)) {
      e = e.getEnclosingElement();
    }
    for (javax.lang.model.element.Element t : e.getEnclosedElements()) {
      try {
        Class.forName("java.lang." + t.getSimpleName(), false, GradWriter.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError notThere) {
        // no java.lang class of that name
      }
    }
    return false;
  }

  /** The copies the methods read, each after the copies its initializer reads. */
  private static List<FieldCopy> copies(List<Entry> entries) {
    java.util.Set<FieldCopy> ordered = new java.util.LinkedHashSet<>();
    for (Entry e : entries) {
      e.model().copies().forEach(c -> addAfterNeeds(c, ordered));
    }
    return List.copyOf(ordered);
  }

  private static void addAfterNeeds(FieldCopy c, java.util.Set<FieldCopy> ordered) {
    if (!ordered.contains(c)) {
      c.needs().forEach(n -> addAfterNeeds(n, ordered));
      ordered.add(c);
    }
  }

  // Example: private static final double[] _LANCZOS = {0.99999999999999709182, 57.156235665862923517, ...};
  private static FieldSpec copy(FieldCopy c) {
    CodeBlock.Builder init = CodeBlock.builder();
    for (Object part : c.initializer()) {
      if (part instanceof Owner o) {
        init.add("$T", CodeWriter.className(o));
      } else if (part == FieldCopy.Layout.INDENT) {
        init.add("$>\n");
      } else if (part == FieldCopy.Layout.LINE) {
        init.add("\n");
      } else if (part == FieldCopy.Layout.DEDENT) {
        init.add("$<\n");
      } else {
        init.add("$L", part);
      }
    }
    return FieldSpec.builder(TypeName.get(c.type()), c.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "A copy of {@code $L}: the same expression, evaluated when this class initialises.\n",
            c.original())
        .initializer(init.build())
        .build();
  }

  private static List<com.palantir.javapoet.TypeName> parameterTypes(Entry e, boolean accumulate) {
    List<com.palantir.javapoet.TypeName> types = new ArrayList<>();
    e.model().params().forEach(p -> types.add(CodeWriter.typeName(p.type())));
    if (accumulate) {
      e.grad().accumulators().forEach(v -> types.add(CodeWriter.typeName(v.type())));
    }
    return java.util.List.copyOf(types);
  }

  /** Names the method's parameters and source locals first, so generated names avoid them. */
  static Namer namer(Entry e) {
    MethodModel m = e.model();
    List<Stmt> all = new ArrayList<>(e.grad().declarations());
    all.addAll(e.grad().forward());
    all.addAll(e.grad().reverse());
    Namer namer = new Namer(TypeNames.of(m, all));
    m.params().forEach(namer::reserve);
    for (Stmt s : all) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.var().kind() == Var.Kind.LOCAL) {
          namer.reserve(d.var());
        }
      });
    }
    return namer;
  }

  // Example: public static double loss(double[] w, double[][] x, double[] _d_w) { ...; return _value; }
  private static MethodSpec accumulate(Entry e, TypeElement source, Owner grad) {
    Namer namer = namer(e);
    MethodModel m = e.model();
    CodeWriter writer = new CodeWriter(namer);
    List<String> names = new ArrayList<>();
    for (Var v : e.grad().accumulators()) {
      names.add("{@code " + namer.name(v) + "}");
    }
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(e.name())
            .addModifiers(e.hidden() ? Modifier.PRIVATE : Modifier.PUBLIC, Modifier.STATIC)
            .returns(CodeWriter.typeName(m.resultType()))
            .addJavadoc(
                "The value of {@code $L.$L}, after adding its gradient with respect to $L into $L,"
                    + " arrays the caller owns, shaped like those parameters: for summing gradients"
                    + " over a batch with no allocation. Nothing is zeroed.\n\n",
                ClassName.get(source).simpleName(),
                signature(m),
                withRespectTo(e),
                String.join(", ", names));
    for (Var p : m.params()) {
      b.addParameter(ParameterSpec.builder(CodeWriter.typeName(p.declared()), namer.name(p)).build());
      b.addJavadoc("@param $L the argument {@code $L} of {@code $L.$L}\n", namer.name(p), p.name(), ClassName.get(source).simpleName(), m.name());
    }
    List<Var> accumulators = e.grad().accumulators();
    for (int i = 0; i < accumulators.size(); i++) {
      Var v = accumulators.get(i);
      b.addParameter(ParameterSpec.builder(CodeWriter.typeName(v.type()), namer.name(v)).build());
      b.addJavadoc(
          "@param $L where the gradient with respect to {@code $L} is added\n",
          namer.name(v),
          e.model().independents().get(i).name());
    }
    b.addJavadoc("@return the value of {@code $L}\n@see #$L\n", m.name(), m.name());
    CodeBlock.Builder body = CodeBlock.builder();
    if (!sweeps(e.grad(), writer, body, false)) {
      return b.addCode(TapeScope.wrap(e.grad().declarations(), namer, body.build())).build();
    }
    body.addStatement("return $L", writer.expr(e.grad().value()));
    return b.addCode(TapeScope.wrap(e.grad().declarations(), namer, body.build())).build();
  }

  /**
   * The declarations, the gradient arrays ({@code allocate}: a loop whose reverse runs inside it
   * adds into them at once), the forward sweep and the reverse sweep, into {@code body}; false,
   * with no reverse sweep, where the forward sweep always throws.
   */
  static boolean sweeps(GradMethod grad, CodeWriter writer, CodeBlock.Builder body, boolean allocate) {
    writer.statements(grad.declarations(), body);
    if (allocate) {
      writer.statements(grad.allocations(), body);
    }
    writer.statements(grad.forward(), body);
    if (CodeWriter.throwsAlways(grad.forward())) {
      return false;
    }
    writer.statements(grad.reverse(), body);
    return true;
  }

  /** {@code public static Loss loss(double a, double b)}, with its javadoc. */
  private static MethodSpec.Builder recordMethod(Entry e, TypeElement source, Namer namer) {
    MethodModel m = e.model();
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(e.name())
            .addModifiers(e.hidden() ? Modifier.PRIVATE : Modifier.PUBLIC, Modifier.STATIC)
            .returns(ClassName.get("", e.record()))
            .addJavadoc(
                "The value of {@code $L.$L} and its gradient with respect to $L.\n",
                ClassName.get(source).simpleName(),
                signature(m),
                withRespectTo(e));
    b.addJavadoc("\n");
    for (Var p : m.params()) {
      b.addParameter(ParameterSpec.builder(CodeWriter.typeName(p.declared()), namer.name(p)).build());
      b.addJavadoc("@param $L the argument {@code $L} of {@code $L.$L}\n", namer.name(p), p.name(), ClassName.get(source).simpleName(), m.name());
    }
    // double... xs stays varargs, so that callers call the gradient as they call the method.
    b.varargs(m.element().isVarArgs() && m.params().size() == m.element().getParameters().size());
    return b.addJavadoc("@return the value and the gradient\n");
  }

  // Example: public static Loss loss(double a, double b) { ...; return new Loss(_value, _d_a, _d_b); }
  private static MethodSpec method(Entry e, TypeElement source) {
    Namer namer = namer(e);
    CodeWriter writer = new CodeWriter(namer);
    MethodSpec.Builder b = recordMethod(e, source, namer);
    CodeBlock.Builder body = CodeBlock.builder();
    if (!sweeps(e.grad(), writer, body, true)) {
      return b.addCode(TapeScope.wrap(e.grad().declarations(), namer, body.build())).build();
    }
    List<Expr> args = new ArrayList<>();
    args.add(Narrowing.to(e.model().resultType(), e.grad().value()));
    for (int i = 0; i < e.grad().gradients().size(); i++) {
      // A float parameter's gradient known to be zero is 0.0f.
      Type t = e.model().independents().get(i).type();
      args.add(Narrowing.to(t, e.grad().gradients().get(i)));
    }
    writer.statement(new Stmt.ReturnRecord(e.record(), args), body);
    return b.addCode(TapeScope.wrap(e.grad().declarations(), namer, body.build())).build();
  }

  // Example: public static Loss loss(double[] w) { double[] _d_w = new double[w.length];
  //              double _value = loss(w, _d_w); return new Loss(_value, _d_w); }
  /** The record method of one that has an accumulate overload: fresh arrays, then that one. */
  private static MethodSpec delegating(Entry e, TypeElement source) {
    Namer namer = namer(e);
    MethodModel m = e.model();
    CodeWriter writer = new CodeWriter(namer);
    MethodSpec.Builder b = recordMethod(e, source, namer);
    CodeBlock.Builder args = CodeBlock.builder();
    for (Var p : m.params()) {
      args.add(args.isEmpty() ? "$L" : ", $L", namer.name(p));
    }
    CodeBlock.Builder body = CodeBlock.builder();
    writer.statements(e.grad().allocations(), body);
    for (Var v : e.grad().accumulators()) {
      args.add(", $L", namer.name(v));
    }
    CodeBlock value = writer.expr(e.grad().value()); // _value, or another name if a parameter has it
    body.addStatement("$T $L = $L($L)", CodeWriter.typeName(m.resultType()), value, e.name(), args.build());
    CodeBlock.Builder record = CodeBlock.builder().add("$L", value);
    for (Expr g : e.grad().gradients()) {
      record.add(", $L", writer.expr(g));
    }
    body.addStatement("return new $L($L)", e.record(), record.build());
    return b.addCode(body.build()).build();
  }

  // Example: public static FJvp fJvp(double x, double y, double _t_x, double _t_y) {
  //              ...; return new FJvp(x * y, _t_x * y + x * _t_y); }
  static MethodSpec jvp(Entry e, TypeElement source) {
    MethodModel m = e.model();
    Namer namer = new Namer();
    m.params().forEach(namer::reserve);
    for (Stmt s : e.jvp().body()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.var().kind() == Var.Kind.LOCAL) {
          namer.reserve(d.var());
        }
      });
    }
    String simple = ClassName.get(source).simpleName();
    MethodSpec.Builder b =
        MethodSpec.methodBuilder((e.hidden() ? "_" : "") + m.name() + "Jvp") // hidden: behind a record wrapper
            .addModifiers(e.hidden() ? Modifier.PRIVATE : Modifier.PUBLIC, Modifier.STATIC)
            .returns(ClassName.get("", e.jvpRecord()))
            .addJavadoc(
                "The value of {@code $L.$L} and its directional derivative along the tangents: the"
                    + " sum over $L of the partial derivative with respect to each, times its"
                    + " tangent. By forward-mode differentiation, with no tape.\n\n",
                simple,
                signature(m),
                withRespectTo(e));
    for (Var p : m.params()) {
      b.addParameter(ParameterSpec.builder(CodeWriter.typeName(p.declared()), namer.name(p)).build());
      b.addJavadoc("@param $L the argument {@code $L} of {@code $L.$L}\n", namer.name(p), p.name(), simple, m.name());
    }
    List<Var> tangents = e.jvp().tangents();
    for (int i = 0; i < tangents.size(); i++) {
      Var t = tangents.get(i);
      Var p = m.independents().get(i);
      b.addParameter(ParameterSpec.builder(CodeWriter.typeName(t.type()), namer.name(t)).build());
      if (p.type().isArray()) {
        b.addJavadoc(
            "@param $L the tangent of {@code $L}, shaped like it; where the method writes into {@code"
                + " $L}, the same elements of this array get the tangents of the values written\n",
            namer.name(t), p.name(), p.name());
      } else {
        b.addJavadoc("@param $L the tangent of {@code $L}: the direction's component along it\n", namer.name(t), p.name());
      }
    }
    b.addJavadoc(
        "@return the value and the directional derivative\n@see #$L\n", VjpWriter.isVector(e) ? e.name() + "Vjp" : m.name());
    CodeBlock.Builder body = CodeBlock.builder();
    new CodeWriter(namer).statements(e.jvp().body(), body);
    return b.addCode(body.build()).build();
  }

  // Example: public record FJvp(double value, double tangent) {}
  private static TypeSpec jvpRecord(Entry e, Owner grad) {
    MethodModel m = e.model();
    com.palantir.javapoet.TypeName t = CodeWriter.typeName(m.resultType());
    MethodSpec ctor =
        MethodSpec.constructorBuilder().addParameter(t, "value").addParameter(t, "tangent").build();
    CodeBlock doc =
        CodeBlock.builder()
            .add("The result of {@link $T#$LJvp}: the value and the directional derivative.\n\n", CodeWriter.className(grad), m.name())
            .add("@param value the value of {@code $L}\n", signature(m))
            .add("@param tangent the directional derivative of the value along the tangents passed\n")
            .build();
    return TypeSpec.recordBuilder(e.jvpRecord())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(ctor)
        .addJavadoc(doc)
        .build();
  }

  /** {@code every double parameter}, or the ones {@code wrt} names: {@code {@code w}}. */
  static String withRespectTo(Entry e) {
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

  static String signature(MethodModel m) {
    StringBuilder s = new StringBuilder(m.name()).append('(');
    // Over a record's components (a record wrapper's private gradient) the source's parameters.
    boolean flattened = false;
    for (int i = 0; i < m.element().getParameters().size() && i < m.params().size(); i++) {
      flattened |= !m.element().getParameters().get(i).getSimpleName().contentEquals(m.params().get(i).name());
    }
    int shown = flattened ? m.element().getParameters().size() : m.params().size();
    for (int i = 0; i < shown; i++) {
      s.append(i == 0 ? "" : ", ");
      if (i >= m.element().getParameters().size()) {
        s.append(CodeWriter.typeName(m.params().get(i).type())); // a tangent of second order
        continue;
      }
      // As declared: a char parameter is held as an int but documented as the char it is.
      javax.lang.model.type.TypeMirror t = m.element().getParameters().get(i).asType();
      s.append(t instanceof javax.lang.model.type.DeclaredType d ? d.asElement().getSimpleName() : t);
    }
    return s.append(')').toString();
  }

  // Example: public record Loss(double value, double a, double b) {}
  private static TypeSpec record(Entry e, Owner grad) {
    MethodModel m = e.model();
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add("The result of {@link $T#$L}: the value and the gradient.\n\n", CodeWriter.className(grad), e.name())
            .add("@param value the value of {@code $L}\n", signature(m));
    ctor.addParameter(CodeWriter.typeName(m.resultType()), "value");
    for (int i = 0; i < m.params().size(); i++) {
      String accessor = e.accessors().get(i);
      if (accessor == null) {
        continue;
      }
      Var p = m.params().get(i);
      ctor.addParameter(CodeWriter.typeName(p.type()), accessor);
      doc.add(
          "@param $L &part; value / &part; $L, the partial derivative with respect to {@code $L}\n",
          accessor,
          p.name(),
          p.name());
    }
    return TypeSpec.recordBuilder(e.record())
        .addModifiers(e.hidden() ? Modifier.PRIVATE : Modifier.PUBLIC)
        .recordConstructor(ctor.build())
        .addJavadoc(doc.build())
        .build();
  }
}
