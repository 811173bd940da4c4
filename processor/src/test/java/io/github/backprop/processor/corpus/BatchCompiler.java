package io.github.backprop.processor.corpus;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles many units with the processor in few javac runs while keeping each unit's outcome its
 * own: every unit is in its own package, so each diagnostic names its unit; units with errors
 * are set aside and the rest compiled again, until a run succeeds. A crash of the compiler is
 * narrowed down by halves to the unit that causes it.
 */
final class BatchCompiler {
  private static final Pattern UNIT = Pattern.compile("corpus/u(\\d+)/");

  /** Failure messages by unit package, and a class loader for the units that compiled. */
  final Map<String, String> failures = new LinkedHashMap<>();
  ClassLoader loader;

  /**
   * Whether javac goes on writing classes after an error, so that one run reports every class
   * too large for the JVM ("code too large", found only while writing) instead of the first.
   */
  private final boolean allClasses;

  BatchCompiler(List<CorpusUnit> units) {
    this(units, true);
  }

  /**
   * With {@code plainJava} false the units are taken to compile without backprop (another
   * variant of each was checked), which saves javac a run.
   */
  BatchCompiler(List<CorpusUnit> units, boolean plainJava) {
    this.allClasses = !plainJava;
    List<CorpusUnit> left = new ArrayList<>();
    for (CorpusUnit u : units) {
      if (u.source() == null) {
        failures.put(u.pkg(), "not extracted: " + u.origin().substring(u.origin().indexOf("not extracted: ") + 15));
      } else {
        left.add(u);
      }
    }
    if (plainJava) {
      left = plainJava(left);
    }
    List<JavaFileObject> generated = new ArrayList<>();
    compile(left, generated);
    loader = Compiled.loaderOf(generated);
  }

  private void compile(List<CorpusUnit> units, List<JavaFileObject> generated) {
    while (!units.isEmpty()) {
      Compilation c;
      try {
        c = run(units);
      } catch (RuntimeException | Error e) {
        if (units.size() == 1) {
          failures.put(units.get(0).pkg(), "compiler crashed: " + firstLine(String.valueOf(rootCause(e))));
          return;
        }
        int half = units.size() / 2;
        compile(new ArrayList<>(units.subList(0, half)), generated);
        compile(new ArrayList<>(units.subList(half, units.size())), generated);
        return;
      }
      Map<String, String> failed = new LinkedHashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
        String pkg = unitOf(d);
        if (pkg == null || failed.containsKey(pkg)) {
          continue;
        }
        boolean inGenerated = d.getSource() != null && d.getSource().toUri().getPath().contains("SOURCE_OUTPUT");
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          failed.put(pkg, (inGenerated ? "generated code does not compile: " : "compile error: ")
              + firstLine(d.getMessage(Locale.ROOT)) + where(d));
        } else if (inGenerated && d.getKind() != Diagnostic.Kind.NOTE) {
          failed.put(pkg, "generated code has a warning (-Xlint:all -Werror): " + firstLine(d.getMessage(Locale.ROOT)));
        }
      }
      // One class over the constant pool's limit leaves javac's pool full, so every class it writes
      // after it in the same run reports "too many constants" too: such units are judged again
      // by halves, down to one alone, where the message is its own.
      List<CorpusUnit> poolSuspects = new ArrayList<>();
      for (CorpusUnit u : units) {
        String why = failed.get(u.pkg());
        if (why != null && why.contains("too many constants")) {
          poolSuspects.add(u);
        }
      }
      if (poolSuspects.size() > 1) {
        poolSuspects.forEach(u -> failed.remove(u.pkg()));
        failures.putAll(failed);
        int half = poolSuspects.size() / 2;
        compile(new ArrayList<>(poolSuspects.subList(0, half)), generated);
        compile(new ArrayList<>(poolSuspects.subList(half, poolSuspects.size())), generated);
        List<CorpusUnit> next = new ArrayList<>();
        for (CorpusUnit u : units) {
          if (!failed.containsKey(u.pkg()) && !poolSuspects.contains(u)) {
            next.add(u);
          }
        }
        units = next;
        continue;
      }
      failures.putAll(failed);
      if (c.status() == Compilation.Status.SUCCESS) {
        // a unit whose generated code only warns still leaves the others usable
        generated.addAll(c.generatedFiles());
        return;
      }
      if (failed.isEmpty()) {
        // errors that name no unit: narrow them down
        if (units.size() == 1) {
          failures.put(units.get(0).pkg(), "compile error: " + firstLine(String.valueOf(c.errors())));
          return;
        }
        int half = units.size() / 2;
        compile(new ArrayList<>(units.subList(0, half)), generated);
        compile(new ArrayList<>(units.subList(half, units.size())), generated);
        return;
      }
      List<CorpusUnit> next = new ArrayList<>();
      for (CorpusUnit u : units) {
        if (!failed.containsKey(u.pkg())) {
          next.add(u);
        }
      }
      units = next;
    }
  }

  /** Units that compile without backprop; the others are corpus errors, not backprop's. */
  private List<CorpusUnit> plainJava(List<CorpusUnit> units) {
    List<JavaFileObject> files = new ArrayList<>();
    for (CorpusUnit u : units) {
      files.addAll(u.files());
    }
    long t0 = System.nanoTime();
    // stops before code generation: only whether it compiles matters here
    Compilation c = javac()
        .withOptions("-proc:none", "-Xmaxerrs", "100000", "-XDshould-stop.ifNoError=FLOW")
        .compile(files);
    System.out.printf("corpus: javac without backprop on %d units: %.1f s%n", units.size(), (System.nanoTime() - t0) / 1e9);
    Map<String, String> bad = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      String pkg = unitOf(d);
      if (pkg != null) {
        bad.putIfAbsent(pkg, "corpus error: does not compile without backprop: "
            + firstLine(d.getMessage(Locale.ROOT)) + where(d));
      }
    }
    failures.putAll(bad);
    List<CorpusUnit> out = new ArrayList<>();
    for (CorpusUnit u : units) {
      if (!bad.containsKey(u.pkg())) {
        out.add(u);
      }
    }
    return out;
  }

  private Compilation run(List<CorpusUnit> units) {
    List<JavaFileObject> files = new ArrayList<>();
    for (CorpusUnit u : units) {
      files.addAll(u.files());
    }
    long t0 = System.nanoTime();
    Compilation c = javac()
        .withProcessors(new BackpropProcessor())
        .withOptions(allClasses
            ? List.of("-Xlint:all", "-parameters", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000", "-XDshould-stop.ifError=GENERATE")
            : List.of("-Xlint:all", "-parameters", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000"))
        .compile(files);
    System.out.printf("corpus: javac with backprop on %d units: %.1f s%n", units.size(), (System.nanoTime() - t0) / 1e9);
    return c;
  }

  private static String unitOf(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return null;
    }
    Matcher m = UNIT.matcher(d.getSource().toUri().getPath());
    return m.find() ? "corpus.u" + m.group(1) : null;
  }

  private static String where(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null || d.getLineNumber() < 0) {
      return "";
    }
    String path = d.getSource().toUri().getPath();
    return " (" + path.substring(path.lastIndexOf('/') + 1) + ":" + d.getLineNumber() + ")";
  }

  private static Throwable rootCause(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  static String firstLine(String s) {
    String line = s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }
}
