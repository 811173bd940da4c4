package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * The non-final static fields a method reads and those it writes ({@link CounterWrites}). A read
 * takes the field's value at the call, once, so that both sweeps see the same number; a field
 * the method also writes would then read stale, so having both is an error at the second one.
 */
final class FieldWrites {
  private final Set<VariableElement> read = new HashSet<>();
  private final Set<VariableElement> written = new HashSet<>();

  void read(VariableElement field, Tree t, CompilationUnitTree unit, ErrorReporter reporter) {
    if (written.contains(field)) {
      throw both(field, t, unit, reporter);
    }
    read.add(field);
  }

  void write(VariableElement field, Tree t, CompilationUnitTree unit, ErrorReporter reporter) {
    if (read.contains(field)) {
      throw both(field, t, unit, reporter);
    }
    written.add(field);
  }

  private static ErrorReporter.AbortMethod both(
      VariableElement field, Tree t, CompilationUnitTree unit, ErrorReporter reporter) {
    return reporter.abort(
        Tag.FIELD,
        "'" + field.getSimpleName() + "' is both read and written here: backprop reads a static"
            + " field's value once, at the call, so a read after a write would see the old value;"
            + " write it without reading it ('" + field.getSimpleName() + "++', '" + field.getSimpleName()
            + " += k'), count in a local and add it to the field at the end, or read the field before the method",
        t,
        unit);
  }
}
