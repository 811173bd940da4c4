package io.github.backprop.processor.write;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.backprop.processor.ir.IrRecord;
import javax.lang.model.element.Modifier;

/** Prints an {@link IrRecord} as it is: the plan decided everything about it. */
final class RecordPrinter {
  private RecordPrinter() {}

  static TypeSpec print(IrRecord r) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    for (IrRecord.Component c : r.components()) {
      ctor.addParameter(JavaTypes.typeName(c.type()), c.name());
    }
    return TypeSpec.recordBuilder(r.name())
        .addModifiers(r.exported() ? Modifier.PUBLIC : Modifier.PRIVATE)
        .recordConstructor(ctor.build())
        .addJavadoc(MethodPrinter.doc(r.doc(), new Namer()))
        .build();
  }
}
