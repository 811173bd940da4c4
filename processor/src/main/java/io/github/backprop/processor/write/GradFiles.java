package io.github.backprop.processor.write;

import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import io.github.backprop.processor.bridge.CompilerModule;
import io.github.backprop.processor.bridge.EcjBridge;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.plan.Wrapper;
import io.github.backprop.processor.read.CalleeCache;
import io.github.backprop.processor.read.LocalRecordCopies;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The Grad classes of a compilation as files: the name each claims, checked against the classes
 * already there, and each file written through javac's {@code Filer}.
 */
public final class GradFiles {
  private final ProcessingEnvironment env;
  private final boolean print;
  /** The Grad classes claimed so far, and the class each is for. */
  private final Map<String, TypeElement> written = new HashMap<>();

  /** @param print whether each file is also printed as a compiler note ({@code -Abackprop.debug}) */
  public GradFiles(ProcessingEnvironment env, boolean print) {
    this.env = env;
    this.print = print;
  }

  /**
   * Claims {@code grad}'s name for {@code type}'s Grad class; false, reported, where another class
   * of the compilation has that name: a class {@code CGrad} of the user's, or a nested {@code
   * Outer.In} beside a top-level {@code Outer_In}, whose Grad classes would share a name.
   */
  public boolean claim(TypeElement type, Owner grad, ErrorReporter reporter) {
    String clash = clash(type, grad);
    if (clash != null) {
      reporter.error(
          Tag.SIGNATURE,
          "backprop names the gradient class of " + type.getQualifiedName() + " " + grad.canonicalName()
              + ", but " + clash + ": rename one of the two classes",
          type);
      return false;
    }
    written.put(grad.canonicalName(), type);
    return true;
  }

  /** Writes the Grad class of {@code type}, with the entries and wrappers the plan keeps. */
  public void write(TypeElement type, Owner grad, List<Entry> entries, List<Wrapper> faces, List<Api.Member> members)
      throws IOException {
    JavaFile file = GradWriter.write(type, grad, entries, readsJavaCompiler(type), faces, members);
    // Printed once to a string, then written whole: JavaPoet writing to the Filer's writer sends
    // it every piece on its own, each through the writer's encoder.
    String text = file.toString();
    if (print) {
      env.getMessager().printMessage(Diagnostic.Kind.NOTE, text, type);
    }
    JavaFileObject source = env.getFiler().createSourceFile(grad.canonicalName(), type);
    try (Writer w = source.openWriter()) {
      w.write(text);
    }
  }

  /**
   * Writes the copies of the records declared in {@code type}'s methods, once
   * (read/LocalRecordCopies); true where this call wrote them, so that the class waits for the
   * next round, where they are classes. A method whose records cannot be copied is left out; its
   * fence says why.
   */
  public boolean writeLocalRecords(TypeElement type, CompilationUnitTree unit, CalleeCache methods, ErrorReporter reporter) {
    String holder = LocalRecordCopies.holder(type);
    if (written.containsKey(holder) || unit == null) {
      return false;
    }
    Trees trees = Trees.instance(env);
    Map<javax.lang.model.element.ExecutableElement, List<com.sun.source.tree.ClassTree>> records = LocalRecordCopies.find(methods, type);
    records.entrySet().removeIf(e -> LocalRecordCopies.blocker(e.getKey(), e.getValue(), unit) != null);
    if (records.isEmpty()) {
      return false;
    }
    written.put(holder, type);
    try (java.io.Writer w = env.getFiler().createSourceFile(holder, type).openWriter()) {
      w.write(LocalRecordCopies.source(type, unit, trees.getSourcePositions(), records, readsJavaCompiler(type)));
    } catch (IOException e) {
      reporter.error(Tag.SIGNATURE, "backprop writes the records declared in methods of " + type.getSimpleName()
          + " into " + holder + ", but cannot: " + e.getMessage() + "; rename a class of that name, or declare the"
          + " records as members of " + type.getSimpleName(), type);
      return false;
    }
    return true;
  }

  private String clash(TypeElement type, Owner grad) {
    TypeElement other = written.get(grad.canonicalName());
    if (other != null && !other.equals(type)) {
      return "that is also the name of the gradient class of " + other.getQualifiedName();
    }
    TypeElement existing = env.getElementUtils().getTypeElement(grad.canonicalName());
    if (existing != null
        && existing.getAnnotationMirrors().stream()
            .noneMatch(a -> a.getAnnotationType().toString().equals("javax.annotation.processing.Generated"))
        && !earlierOutput(existing)) {
      return "a class of that name already exists";
    }
    return null;
  }

  /**
   * Whether {@code existing} is a class file of a Grad class an earlier build wrote (javac
   * recompiling one file finds it on the class path, in the output directory), which this one
   * replaces: not a source of this compilation, and final as backprop writes them. {@code
   * @Generated} is not kept in class files. Its members are not listed: javac 17, which then
   * reads its nested records from the class file, crashes in Lower once the new source
   * replaces them.
   */
  private boolean earlierOutput(TypeElement existing) {
    return Trees.instance(env).getPath(existing) == null && existing.getModifiers().contains(Modifier.FINAL);
  }

  /**
   * Whether code in {@code type}'s module can use {@code javax.annotation.processing.Generated}:
   * always on the class path; in a named module only if it requires {@code java.compiler} (or
   * {@code java.se}, which brings it), as {@code requires static java.compiler;} does. Under the
   * Eclipse compiler javac sees no module, so the bridge says ({@link EcjBridge#NO_GENERATED}).
   */
  private boolean readsJavaCompiler(TypeElement type) {
    return !env.getOptions().containsKey(EcjBridge.NO_GENERATED)
        && CompilerModule.readsJavaCompiler(env.getElementUtils(), type);
  }
}
