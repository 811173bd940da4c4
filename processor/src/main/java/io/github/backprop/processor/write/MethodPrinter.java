package io.github.backprop.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/** Prints an {@link IrMethod} as it is: the plan decided everything about it. */
final class MethodPrinter {
  private MethodPrinter() {}

  static MethodSpec print(IrMethod m) {
    return print(m, List.of(), null);
  }

  /**
   * As above, declaring {@code thrown}: the checked exceptions the source method declares, which
   * its code, run in the generated method, may throw; {@code source} names it in their javadoc.
   */
  static MethodSpec print(IrMethod m, List<? extends TypeMirror> thrown, String source) {
    Namer namer = namer(m);
    CodeBlock.Builder javadoc = doc(m.doc(), namer).toBuilder();
    for (TypeMirror t : thrown) {
      javadoc.add("@throws $T as {@code $L} does\n", TypeName.get(t), source);
    }
    MethodSpec.Builder b =
        MethodSpec.methodBuilder(m.name())
            .addModifiers(m.exported() ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
            .returns(JavaTypes.typeName(m.result()))
            .addJavadoc(javadoc.build());
    for (TypeMirror t : thrown) {
      b.addException(TypeName.get(t));
    }
    for (Var p : m.params()) {
      b.addParameter(ParameterSpec.builder(JavaTypes.typeName(p.signature()), namer.name(p)).build());
    }
    b.varargs(m.varargs());
    Lines body = new Lines();
    new CodeWriter(namer).statements(m.body(), body);
    return b.addCode(m.taped() ? TapeScope.wrap(namer, body.build()) : body.build()).build();
  }

  /** Javadoc from its parts: text, variables by the names {@code namer} gives, classes by name. */
  static CodeBlock doc(List<Object> parts, Namer namer) {
    CodeBlock.Builder doc = CodeBlock.builder();
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Owner o) {
        doc.add("$L", text.toString()).add("$T", JavaTypes.className(o));
        text.setLength(0);
      } else {
        text.append(part instanceof Var v ? namer.name(v) : part);
      }
    }
    return doc.add("$L", text.toString()).build();
  }

  /**
   * Names the method's source parameters and source locals first, so that generated names avoid
   * them, and keeps every variable off the names of the classes its code refers to.
   */
  static Namer namer(IrMethod m) {
    Namer namer = new Namer(m.origin() == null ? TypeNames.named(m.body()) : TypeNames.of(m.origin(), m.body()));
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
