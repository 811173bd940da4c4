package io.github.backprop.processor.corpus;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** A Java source parsed (not attributed) with javac, with the source positions of its trees. */
final class Parsed {
  final String text;
  final CompilationUnitTree unit;
  private final SourcePositions positions;

  private Parsed(String text, CompilationUnitTree unit, SourcePositions positions) {
    this.text = text;
    this.unit = unit;
    this.positions = positions;
  }

  static Parsed parse(String fileName, String text) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + fileName), SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        };
    JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
    try {
      CompilationUnitTree unit = task.parse().iterator().next();
      return new Parsed(text, unit, Trees.instance(task).getSourcePositions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int start(Tree t) {
    return (int) positions.getStartPosition(unit, t);
  }

  int end(Tree t) {
    return (int) positions.getEndPosition(unit, t);
  }

  String text(Tree t) {
    return text.substring(start(t), end(t));
  }

  /** The top-level class named {@code simpleName}. */
  ClassTree topClass(String simpleName) {
    for (Tree t : unit.getTypeDecls()) {
      if (t instanceof ClassTree c && c.getSimpleName().contentEquals(simpleName)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no class " + simpleName + " in " + unit.getSourceFile().getName());
  }
}
