package io.github.backprop.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.UnsupportedKinds;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What to say of a record declared inside a differentiable method's body. backprop holds a record
 * value as its components through the class javac makes of the declaration, and javac makes that
 * of a local record only when it compiles the body, after annotation processing: so the advice is
 * to move the declaration, unchanged, beside the method.
 */
final class LocalRecords {
  private LocalRecords() {}

  /** The message for local record {@code record} in the method whose body is {@code body}. */
  static String message(ClassTree record, Tree body, CompilationUnitTree unit) {
    String name = record.getSimpleName().toString();
    String owner = owner(unit.getTypeDecls(), body);
    if (record.getKind() == Tree.Kind.CLASS) {
      return UnsupportedKinds.messageFor("CLASS") + ": move 'class " + name + " {...}' unchanged to a static member of "
          + (owner == null ? "the class" : "'" + owner + "'") + " (javac makes the class of a class declared inside a"
          + " method only after annotation processing, too late for backprop)";
    }
    return UnsupportedKinds.messageFor("RECORD") + "; move 'record " + name + "(" + components(record) + ") {...}'"
        + " unchanged to a member of " + (owner == null ? "the class" : "'" + owner + "'") + " (a nested record"
        + " is static), where backprop holds its values as their components (javac makes the class of a"
        + " record declared inside a method only after annotation processing, too late for backprop)";
  }

  /** The message where backprop could not copy the method's records (read/LocalRecordCopies): {@code why}. */
  static String blocked(ClassTree local, String why) {
    return UnsupportedKinds.messageFor(local.getKind() == Tree.Kind.CLASS ? "CLASS" : "RECORD") + "; " + why;
  }

  /** {@code double x, double y} of {@code record P(double x, double y)}. */
  private static String components(ClassTree record) {
    List<String> out = new ArrayList<>();
    for (Tree m : record.getMembers()) {
      if (m instanceof VariableTree v && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
        out.add(v.getType() + " " + v.getName());
      }
    }
    return String.join(", ", out);
  }

  /** The simple name of the class one of whose methods has {@code body}, or null. */
  private static String owner(List<? extends Tree> types, Tree body) {
    for (Tree t : types) {
      if (t instanceof ClassTree c) {
        for (Tree m : c.getMembers()) {
          if (m instanceof MethodTree method && method.getBody() == body) {
            return c.getSimpleName().toString();
          }
        }
        String inner = owner(c.getMembers(), body);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
