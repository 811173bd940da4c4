package io.github.backprop.processor.write;

import com.palantir.javapoet.CodeBlock;
import io.github.backprop.processor.write.Code.Marker;

/**
 * A method body as {@link CodeBlock.Builder} would build it, statement by statement, with the same
 * layout markers, but as one {@link Code}: JavaPoet prints each piece of a block on its own, twice
 * per file, so a body of one run of text per statement, instead of a piece per name, operator
 * and nested block, halves the cost of printing the Grad classes.
 */
final class Lines {
  private final Code.Builder code = Code.builder();

  // Example: double y = x * x;
  Lines addStatement(String format, Object... args) {
    code.marker(Marker.STATEMENT_START).add(format, args).add(";\n").marker(Marker.STATEMENT_END);
    return this;
  }

  Lines add(String format, Object... args) {
    code.add(format, args);
    return this;
  }

  // Example: if (x > 0) {
  Lines beginControlFlow(String format, Object... args) {
    code.add(format, args).add(" {\n").marker(Marker.INDENT);
    return this;
  }

  // Example: } else {
  Lines nextControlFlow(String format, Object... args) {
    code.marker(Marker.UNINDENT).add("} ").add(format, args).add(" {\n").marker(Marker.INDENT);
    return this;
  }

  Lines endControlFlow() {
    code.marker(Marker.UNINDENT).add("}\n");
    return this;
  }

  // Example: } while (x > 0);
  Lines endControlFlow(String format, Object... args) {
    code.marker(Marker.UNINDENT).add("} ").add(format, args).add(";\n");
    return this;
  }

  CodeBlock build() {
    return code.build().block();
  }
}
