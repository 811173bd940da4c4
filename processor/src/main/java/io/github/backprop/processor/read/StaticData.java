package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads of static fields: values a method uses but does not differentiate.
 *
 * <ul>
 *   <li>A {@code static final} scalar is read where it is used, e.g. {@code Math.PI} or {@code
 *       HALF_LOG_2_PI} computed when its class was initialised.
 *   <li>A static array ({@code double[]}, {@code int[][]}, ...) is a table read where it is used,
 *       elements and {@code .length}; a method must not change it while it runs, and writing into
 *       it is an error.
 *   <li>A static scalar that is not final is read once, when the method is called, into a local:
 *       both sweeps see that value even if the field changes meanwhile.
 *   <li>A private field cannot be read by the generated class, a sibling in the same package. A
 *       compile-time constant is inlined; a static final field of the same file, or private to
 *       another's, is read from its copy in the generated class ({@link FieldCopies}); any other is an error that says to
 *       make it package-private.
 * </ul>
 */
final class StaticData {
  private final ErrorReporter reporter;
  private final CompilationUnitTree unit;
  private final PackageElement here;
  private final Map<VariableElement, Var> tables = new HashMap<>();
  private final Map<VariableElement, Var> snapshots = new HashMap<>();
  private final List<Stmt> declarations = new ArrayList<>();
  private final FieldCopies copies;
  private final java.util.Set<FieldCopy> copied;
  private final FieldWrites writes;

  /**
   * @param here the package of the method's class, where the generated class lives too
   * @param copied where the copies the method reads are recorded
   */
  StaticData(
      ErrorReporter reporter,
      CompilationUnitTree unit,
      PackageElement here,
      FieldCopies copies,
      java.util.Set<FieldCopy> copied,
      FieldWrites writes) {
    this.reporter = reporter;
    this.unit = unit;
    this.here = here;
    this.copies = copies;
    this.copied = copied;
    this.writes = writes;
  }

  /** The value of {@code field} as read at {@code t}. */
  Expr read(VariableElement field, Tree t) {
    Type type = Resolver.typeOf(field.asType());
    String name = field.getSimpleName().toString();
    if (!Resolver.isStatic(field)) {
      throw reporter.abort(
          Tag.FIELD,
          "instance field '" + name + "' cannot be read from a static differentiable method: pass"
              + " it as a parameter",
          t,
          unit);
    }
    if (type == null) {
      throw reporter.abort(
          Tag.FIELD,
          "field '" + name + "' has type " + field.asType() + "; only double, int, long and"
              + " boolean values, and arrays of them, can be read",
          t,
          unit);
    }
    if (type.dims() > 2) {
      throw reporter.abort(
          Tag.FIELD,
          "field '" + name + "' has type " + field.asType() + "; arrays of more than two"
              + " dimensions are not supported: use double[][], or index a double[] yourself",
          t,
          unit);
    }
    Object value = field.getConstantValue();
    if (value instanceof Character c) {
      value = (int) c; // a char constant's value, as arithmetic sees it
    }
    String hidden = hiddenBy(field, here);
    if (hidden != null) {
      if (value != null) {
        return new Expr.Literal(value, type); // a compile-time constant is inlined
      }
      if (copies.applies(field)) {
        FieldCopy copy = copies.copy(field, hidden, t, unit, reporter);
        copied.add(copy);
        Owner grad = copies.grad();
        if (type.isArray()) {
          return new Expr.Ref(tables.computeIfAbsent(field, f -> Var.field(grad, copy.name(), type)));
        }
        return new Expr.Constant(grad, copy.name(), type);
      }
      throw reporter.abort(
          Tag.FIELD,
          hidden + ", so the generated class, a separate class in the same package, cannot read '"
              + name + "': make it package-private (remove 'private')",
          t,
          unit);
    }
    boolean isFinal = field.getModifiers().contains(Modifier.FINAL);
    Owner owner = Resolver.owner((TypeElement) field.getEnclosingElement());
    if (type.isArray()) {
      return new Expr.Ref(tables.computeIfAbsent(field, f -> Var.field(owner, name, type)));
    }
    if (isFinal) {
      return new Expr.Constant(owner, name, type, value);
    }
    writes.read(field, t, unit, reporter);
    Var local =
        snapshots.computeIfAbsent(
            field,
            f -> {
              // Example: double _s0 = C.scale;
              Var v = Var.temp("_s", type);
              declarations.add(new Stmt.Declare(v, new Expr.Constant(owner, name, type)));
              return v;
            });
    return new Expr.Ref(local);
  }

  /** The locals that hold non-final fields' values at the call, to put first in the body. */
  List<Stmt> declarations() {
    return declarations;
  }

  /** Whether {@code v} is a static field: writing into it is an error. */
  static boolean isField(Var v) {
    return v.kind() == Var.Kind.FIELD;
  }

  /** Why the generated class cannot name {@code field}, or null if it can. */
  static String hiddenBy(VariableElement field, PackageElement here) {
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      return "field '" + field.getSimpleName() + "' is private";
    }
    for (Element e = field.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return "class " + t.getSimpleName() + " is private";
      }
    }
    // A protected field of another package is visible to subclasses only, which the generated
    // class is not.
    if (field.getModifiers().contains(Modifier.PROTECTED) && !Resolver.packageOf(field).equals(here)) {
      return "field '" + field.getSimpleName() + "' is protected";
    }
    return null;
  }
}
