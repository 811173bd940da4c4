package io.github.backprop.processor.bridge;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * backprop under the Eclipse compiler (ecj: Eclipse, VS Code's Java extension), which has no
 * tree API for method bodies. For each round with {@code @Differentiable} methods or rules, it
 * runs the JDK's own javac in this JVM on the same files' text, with the processor and nothing
 * else ({@code -proc:only}), against ecj's class path; javac's processor writes the Grad classes
 * in memory, and this writes them through ecj's {@code Filer} and passes on the processor's
 * messages through ecj's {@code Messager}. The generated code is javac's, byte for byte.
 */
public final class EcjBridge {
  /**
   * The option by which the bridge tells the processor, run by javac outside any module, that
   * the classes are in a named module that does not read {@code java.compiler}, so the Grad
   * classes must go without {@code @Generated}, as javac would write them there.
   */
  public static final String NO_GENERATED = "backprop.ecj.noGenerated";

  private static final String DIFFERENTIABLE = "io.github.backprop.Differentiable";

  /** Tag of the messages that say why the bridge cannot run. */
  private static final String SETUP = "[BackpropSetup] ";

  private final ProcessingEnvironment ecj;
  private final Supplier<Processor> processor;
  /** Grad classes written through ecj's Filer, so a later round never writes one twice. */
  private final Set<String> written = new HashSet<>();

  /** @param processor makes the processor javac runs (a fresh one per run) */
  public EcjBridge(ProcessingEnvironment ecj, Supplier<Processor> processor) {
    this.ecj = ecj;
    this.processor = processor;
  }

  /**
   * One ecj round: nothing to do unless {@code annotated} (the round's {@code @Differentiable}
   * methods and {@code @DerivativeOf} rules) has any.
   */
  public void process(RoundEnvironment round, List<Element> annotated) {
    if (annotated.isEmpty() || "RECONCILE".equals(ecj.getOptions().get("phase"))) {
      return; // Eclipse's as-you-type check (phase RECONCILE) writes no files: the build does
    }
    try {
      bridge(round, annotated);
    } catch (RuntimeException | LinkageError e) {
      if (Boolean.getBoolean("backprop.stacktrace")) {
        e.printStackTrace();
      }
      setup("under the Eclipse compiler backprop runs the JDK's javac on your sources, and that failed ("
          + e + "): build with javac (Maven or Gradle), or report this with your Eclipse or VS Code version",
          annotated.get(0));
    }
  }

  private void bridge(RoundEnvironment round, List<Element> annotated) {
    Element anchor = annotated.get(0);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      setup("under the Eclipse compiler backprop runs the JDK's javac to read method bodies, and the"
          + " JVM running this compiler has none (module jdk.compiler): run Eclipse or VS Code's Java"
          + " extension on a JDK 17 or newer, not a JRE, or build with Maven or Gradle using javac", anchor);
      return;
    }
    List<SourceFile> files = new ArrayList<>();
    EcjInternals.Paths paths;
    try {
      Set<String> seen = new HashSet<>();
      Set<TypeElement> needed = new HashSet<>();
      for (Element e : annotated) {
        needed.add(topLevel(e));
      }
      for (Element root : round.getRootElements()) {
        TypeElement top = topLevel(root);
        if (top == null) {
          continue;
        }
        EcjInternals.Source s;
        try {
          s = EcjInternals.source(ecj, top);
        } catch (EcjInternals.Missing e) {
          if (needed.contains(top)) {
            throw e;
          }
          continue; // a class file given to ecj by name: javac finds it on the class path
        }
        if (seen.add(s.fileName())) {
          files.add(new SourceFile(s.fileName(), s.text()));
        }
      }
      paths = EcjInternals.paths(ecj);
    } catch (EcjInternals.Missing e) {
      setup("under the Eclipse compiler backprop runs javac on your sources to read method bodies,"
          + " but this version of ecj did not give " + e.getMessage() + ": build with javac (Maven"
          + " or Gradle), or report this with your Eclipse or VS Code version", anchor);
      return;
    }
    boolean generatedAnnotation = annotated.stream()
        .allMatch(e -> CompilerModule.readsJavaCompiler(ecj.getElementUtils(), (TypeElement) e.getEnclosingElement()));
    run(javac, files, paths, anchor, annotated, generatedAnnotation);
  }

  private void run(
      JavaCompiler javac, List<SourceFile> files, EcjInternals.Paths paths, Element anchor, List<Element> annotated,
      boolean generatedAnnotation) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    Map<java.net.URI, CompilationUnitTree> units = new java.util.HashMap<>();
    Map<String, String> generated;
    DiagnosticPlacer placer;
    try (CapturingFileManager manager = new CapturingFileManager(standard)) {
      standard.setLocation(StandardLocation.CLASS_PATH, paths.classPath());
      standard.setLocation(StandardLocation.SOURCE_PATH, paths.sourcePath());
      JavacTask task =
          (JavacTask) javac.getTask(null, manager, diagnostics, options(generatedAnnotation), null, files);
      task.setProcessors(List.of(processor.get()));
      com.sun.source.util.SourcePositions positions = Trees.instance(task).getSourcePositions();
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
              if (e.getKind() == TaskEvent.Kind.PARSE) {
                units.put(e.getSourceFile().toUri(), e.getCompilationUnit());
              }
            }
          });
      task.call();
      generated = manager.sources();
      placer = new DiagnosticPlacer(ecj, units, positions);
    } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
      if (Boolean.getBoolean("backprop.stacktrace")) {
        e.printStackTrace();
      }
      setup("under the Eclipse compiler backprop runs javac on your sources, and javac failed: " + e
          + ". Build with javac (Maven or Gradle), or report this with the class", anchor);
      return;
    }
    int ours = relay(diagnostics.getDiagnostics(), placer, anchor);
    write(generated, annotated);
    // A class of @Differentiable methods with no Grad class and no message: javac did not get as far.
    boolean missing = annotated.stream()
        .filter(e -> e.getAnnotationMirrors().stream()
            .anyMatch(a -> a.getAnnotationType().toString().equals(DIFFERENTIABLE)))
        .anyMatch(e -> !generated.containsKey(gradName((TypeElement) e.getEnclosingElement())));
    if (missing && ours == 0) {
      int level = EcjInternals.sourceLevel(ecj);
      int latest = SourceVersion.latestSupported().ordinal();
      String fix = level > latest
          ? "this project is compiled as Java " + level + ", and the JDK running the compiler has javac"
              + " for Java " + latest + " at most: run Eclipse or VS Code's Java extension on JDK " + level
              + " or newer, or build with javac"
          : "fix what javac reports (ecj accepts some code javac rejects), or build with javac";
      setup("under the Eclipse compiler backprop runs javac on your sources to read method bodies,"
          + " and javac stopped before backprop could run: " + javacErrors(diagnostics.getDiagnostics())
          + ". To fix: " + fix, anchor);
    }
  }

  /** javac's options: processing only, at ecj's source level, with the processor's -A options. */
  private List<String> options(boolean generatedAnnotation) {
    List<String> options = new ArrayList<>(List.of("-proc:only", "-implicit:none", "-Xlint:none"));
    int level = EcjInternals.sourceLevel(ecj);
    if (level >= 8 && level <= SourceVersion.latestSupported().ordinal()) {
      options.addAll(List.of("--release", Integer.toString(level)));
    }
    for (Map.Entry<String, String> o : ecj.getOptions().entrySet()) {
      options.add("-A" + o.getKey() + (o.getValue() == null ? "" : "=" + o.getValue()));
    }
    if (!generatedAnnotation) {
      options.add("-A" + NO_GENERATED);
    }
    return options;
  }

  /** Passes on the processor's own messages; returns how many errors and warnings they were. */
  private int relay(List<Diagnostic<? extends JavaFileObject>> diagnostics, DiagnosticPlacer placer, Element anchor) {
    int count = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getCode() == null || !d.getCode().endsWith("proc.messager")) {
        continue; // javac's own: ecj reports the code's real errors itself
      }
      Diagnostic.Kind kind = d.getKind() == Diagnostic.Kind.MANDATORY_WARNING ? Diagnostic.Kind.WARNING : d.getKind();
      Element at = placer.place(d);
      String text = d.getMessage(Locale.ROOT);
      count += kind == Diagnostic.Kind.NOTE ? 0 : 1;
      if (kind != Diagnostic.Kind.NOTE && at != null && atPosition(d, kind, text, at)) {
        continue;
      }
      if (d.getLineNumber() != Diagnostic.NOPOS) {
        text += " (line " + d.getLineNumber() + ", column " + d.getColumnNumber() + ")";
      }
      ecj.getMessager().printMessage(kind, text, at != null ? at : anchor);
    }
    return count;
  }

  /**
   * Files {@code d} in ecj at javac's range: the construct it names, or for a message on a
   * declaration, the declaration's name (not its whole body); false where ecj would not take it.
   */
  private boolean atPosition(Diagnostic<? extends JavaFileObject> d, Diagnostic.Kind kind, String text, Element at) {
    long pos = d.getPosition();
    long from = d.getStartPosition();
    long to = d.getEndPosition();
    if (pos < 0 || d.getSource() == null) {
      return false;
    }
    String source;
    try {
      source = d.getSource().getCharContent(true).toString();
    } catch (IOException e) {
      return false;
    }
    int start;
    int end;
    if (from >= 0 && to > from && to <= source.length() && source.substring((int) from, (int) to).indexOf('\n') < 0) {
      start = (int) from;
      end = (int) to - 1;
    } else {
      start = (int) pos;
      end = start;
      while (end + 1 < source.length() && Character.isJavaIdentifierPart(source.charAt(end + 1))) {
        end++;
      }
    }
    return EcjProblems.report(ecj, kind, text, topLevel(at), start, end, (int) d.getLineNumber(), (int) d.getColumnNumber());
  }

  private static String javacErrors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < 3) {
        String file = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        errors.add(file + d.getMessage(Locale.ROOT));
      }
    }
    return errors.isEmpty() ? "no error, and no class was generated" : String.join("; ", errors);
  }

  /** Writes javac's generated sources through ecj's Filer, each with the class it is for as origin. */
  private void write(Map<String, String> generated, List<Element> annotated) {
    Map<String, TypeElement> origins = new LinkedHashMap<>();
    for (Element e : annotated) {
      TypeElement type = (TypeElement) e.getEnclosingElement();
      origins.putIfAbsent(gradName(type), type);
    }
    for (Map.Entry<String, String> g : generated.entrySet()) {
      if (!written.add(g.getKey())) {
        continue;
      }
      TypeElement origin = origins.get(g.getKey());
      Element[] from = origin == null ? new Element[0] : new Element[] {origin};
      try (Writer w = ecj.getFiler().createSourceFile(g.getKey(), from).openWriter()) {
        w.write(g.getValue());
      } catch (IOException | RuntimeException e) {
        ecj.getMessager().printMessage(
            Diagnostic.Kind.ERROR, "[BackpropBug] backprop could not write " + g.getKey() + ": " + e,
            origin != null ? origin : annotated.get(0));
      }
    }
  }

  /** {@code p.Outer.C} → {@code p.Outer_CGrad}, as {@code GeneratedNames.gradClass} names it. */
  private static String gradName(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element e = type;
    for (; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    String pkg = e instanceof PackageElement p && !p.isUnnamed() ? p.getQualifiedName() + "." : "";
    return pkg + String.join("_", names) + "Grad";
  }

  private static TypeElement topLevel(Element root) {
    Element e = root;
    while (e != null && e.getEnclosingElement() != null && e.getEnclosingElement().getKind() != ElementKind.PACKAGE
        && e.getEnclosingElement().getKind() != ElementKind.MODULE) {
      e = e.getEnclosingElement();
    }
    return e instanceof TypeElement t ? t : null;
  }

  private void setup(String message, Element at) {
    ecj.getMessager().printMessage(Diagnostic.Kind.ERROR, SETUP + message, at);
  }
}
