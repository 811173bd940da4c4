package io.github.backprop.processor.bridge;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Finds, for a message javac gave at a position of a file, the element of ecj's model it belongs
 * to: the innermost method (else class) whose declaration spans that position. ecj's {@code
 * Messager} takes elements, not positions, so the line and column go into the message.
 */
final class DiagnosticPlacer {
  private final ProcessingEnvironment ecj;
  private final Map<java.net.URI, CompilationUnitTree> units;
  private final SourcePositions positions;

  DiagnosticPlacer(ProcessingEnvironment ecj, Map<java.net.URI, CompilationUnitTree> units, SourcePositions positions) {
    this.ecj = ecj;
    this.units = units;
    this.positions = positions;
  }

  /** The ecj element to report {@code d} on, or null if it is in no file of the compilation. */
  Element place(Diagnostic<? extends JavaFileObject> d) {
    CompilationUnitTree unit = d.getSource() == null ? null : units.get(d.getSource().toUri());
    if (unit == null || d.getPosition() == Diagnostic.NOPOS) {
      return null;
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    for (Tree t : unit.getTypeDecls()) {
      if (t instanceof ClassTree c && spans(unit, c, d.getPosition())) {
        return inClass(unit, c, pkg.isEmpty() ? c.getSimpleName().toString() : pkg + "." + c.getSimpleName(), d.getPosition());
      }
    }
    return null;
  }

  private Element inClass(CompilationUnitTree unit, ClassTree c, String name, long pos) {
    TypeElement type = ecj.getElementUtils().getTypeElement(name);
    for (Tree member : c.getMembers()) {
      if (!spans(unit, member, pos)) {
        continue;
      }
      if (member instanceof ClassTree inner) {
        Element found = inClass(unit, inner, name + "." + inner.getSimpleName(), pos);
        return found != null ? found : type;
      }
      if (member instanceof MethodTree m && type != null) {
        Element method = method(type, m);
        return method != null ? method : type;
      }
    }
    return type;
  }

  /** The method of {@code type} declared by {@code m}: same name, same parameter types by simple name. */
  private ExecutableElement method(TypeElement type, MethodTree m) {
    List<String> wanted = new ArrayList<>();
    for (VariableTree p : m.getParameters()) {
      wanted.add(simple(p.getType().toString()));
    }
    ExecutableElement byName = null;
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement x && x.getSimpleName().contentEquals(m.getName())) {
        List<String> have = new ArrayList<>();
        for (VariableElement p : x.getParameters()) {
          have.add(simple(ecj.getTypeUtils().erasure(p.asType()).toString()));
        }
        if (have.equals(wanted)) {
          return x;
        }
        byName = byName == null ? x : byName;
      }
    }
    return byName;
  }

  /** {@code java.util.List<Foo>} → {@code List}, {@code double...} → {@code double[]}. */
  private static String simple(String type) {
    String t = type.replaceAll("<.*>", "").replace("...", "[]").replaceAll("@\\S+\\s+", "").trim();
    int dot = t.lastIndexOf('.', t.indexOf('[') < 0 ? t.length() : t.indexOf('['));
    return t.substring(dot + 1);
  }

  private boolean spans(CompilationUnitTree unit, Tree t, long pos) {
    return positions.getStartPosition(unit, t) <= pos && pos <= positions.getEndPosition(unit, t);
  }
}
