package io.github.backprop.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import javax.lang.model.element.Modifier;

/** Prints an {@link IrMethod} as it is: the plan decided everything about it. */
final class MethodPrinter {
  private MethodPrinter() {}

  static MethodSpec print(IrMethod m) {
    Namer namer = namer(m);
    StringBuilder doc = new StringBuilder();
    for (Object part : m.doc()) {
      doc.append(part instanceof Var v ? namer.name(v) : part);
    }
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(m.name())
            .addModifiers(m.exported() ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
            .returns(
                m.result().record() != null
                    ? ClassName.get("", m.result().record())
                    : JavaTypes.typeName(m.result().type()))
            .addJavadoc("$L", doc);
    for (Var p : m.params()) {
      b.addParameter(ParameterSpec.builder(JavaTypes.typeName(p.declared()), namer.name(p)).build());
    }
    b.varargs(m.varargs());
    CodeBlock.Builder body = CodeBlock.builder();
    new CodeWriter(namer).statements(m.body(), body);
    return b.addCode(m.taped() ? TapeScope.wrap(namer, body.build()) : body.build()).build();
  }

  /**
   * Names the method's source parameters and source locals first, so that generated names avoid
   * them, and keeps every variable off the names of the classes its code refers to.
   */
  static Namer namer(IrMethod m) {
    Namer namer = new Namer(TypeNames.of(m.origin(), m.body()));
    for (Var p : m.params()) {
      if (p.kind() == Var.Kind.PARAM) {
        namer.reserve(p);
      }
    }
    for (Stmt s : m.body()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.var().kind() == Var.Kind.LOCAL) {
          namer.reserve(d.var());
        }
      });
    }
    return namer;
  }
}
