package io.github.backprop.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * The bracket around the body of a method that saves values on the tape: {@code Tape _tape =
 * Tape.enter(); try { ... } finally { _tape.exit(); }}. The exit puts the stacks back at their
 * heights at entry even when the body throws, and gives the tape back after the outermost call.
 */
final class TapeScope {
  private static final ClassName TAPE = ClassName.get("io.github.backprop", "Tape");

  /** The tape of a method; its stacks come from it: {@code DoubleStack _doubles = _tape.doubles()}. */
  static final Var HOLDER = Var.tape("_tape", new Owner("io.github.backprop", "Tape"), "tape");

  private TapeScope() {}

  /** {@code body} in the bracket, if {@code declarations} declare a tape stack; else as it is. */
  static CodeBlock wrap(List<Stmt> declarations, Namer namer, CodeBlock body) {
    boolean usesTape = false;
    for (Stmt s : declarations) {
      usesTape |= s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.TAPE;
    }
    return usesTape ? wrap(namer, body) : body;
  }

  /** {@code body} in the bracket. */
  static CodeBlock wrap(Namer namer, CodeBlock body) {
    String tape = namer.name(HOLDER);
    return CodeBlock.builder()
        .addStatement("$T $L = $T.enter()", TAPE, tape, TAPE)
        .beginControlFlow("try")
        .add(body)
        .nextControlFlow("finally")
        .addStatement("$L.exit()", tape)
        .endControlFlow()
        .build();
  }
}
