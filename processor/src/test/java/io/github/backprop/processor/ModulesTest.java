package io.github.backprop.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.Differentiable;
import io.github.backprop.processor.testing.Ecj;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's named module. {@code @Generated} lives in {@code java.compiler}, which a module need
 * not read: there the generated class goes without it, and compiles; a module that reads it
 * gets the annotation as everywhere else.
 */
class ModulesTest {
  private static final String CLASS =
      """
      package d;

      import io.github.backprop.Differentiable;

      public class P {
        @Differentiable
        static double f(double x) {
          return x * x;
        }
      }
      """;

  @Test
  void aModuleThatDoesNotReadJavaCompilerCompiles(@TempDir Path dir) throws IOException {
    String grad = compile(dir, "module demo {\n  requires io.github.backprop;\n}\n");
    assertFalse(grad.contains("@Generated"), grad);
    assertTrue(grad.contains("public static F f(double x)"), grad);
  }

  @Test
  void aModuleThatReadsJavaCompilerGetsGenerated(@TempDir Path dir) throws IOException {
    String grad =
        compile(dir, "module demo {\n  requires io.github.backprop;\n  requires static java.compiler;\n}\n");
    assertTrue(grad.contains("@Generated(\"io.github.backprop.processor.BackpropProcessor\")"), grad);
  }

  @Test
  void underEcjTheGradClassIsJavacsInBothKindsOfModule(@TempDir Path dir) throws IOException {
    for (String info : List.of(
        "module demo {\n  requires io.github.backprop;\n}\n",
        "module demo {\n  requires io.github.backprop;\n  requires static java.compiler;\n}\n")) {
      Path javac = Files.createDirectories(dir.resolve("javac" + info.length()));
      Path ecj = Files.createDirectories(dir.resolve("ecj" + info.length()));
      String expected = compile(javac, info);
      Path src = ecj.resolve("src");
      Files.createDirectories(src.resolve("d"));
      Files.writeString(src.resolve("module-info.java"), info, UTF_8);
      Files.writeString(src.resolve("d/P.java"), CLASS, UTF_8);
      Path jar = runtimeJar(ecj.resolve("backprop-runtime.jar"));
      Ecj.Result r = Ecj.compile(
          ecj, 17, List.of(src.resolve("module-info.java").toString(), src.resolve("d/P.java").toString()),
          "-p", jar.toString());
      assertTrue(r.succeeded(), r.log());
      assertEquals(expected, Files.readString(ecj.resolve("generated/d/PGrad.java"), UTF_8), info);
    }
  }

  /** Compiles module demo against the runtime as an automatic module; returns PGrad.java. */
  private static String compile(Path dir, String moduleInfo) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("d"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo, UTF_8);
    Files.writeString(src.resolve("d/P.java"), CLASS, UTF_8);
    Path jar = runtimeJar(dir.resolve("backprop-runtime.jar"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Path gen = Files.createDirectories(dir.resolve("gen"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of("--module-path", jar.toString(), "-d", out.toString(), "-s", gen.toString(), "-Xlint:all,-requires-automatic", "-Werror"),
              null,
              files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve("d/P.java")));
      task.setProcessors(List.of(new BackpropProcessor()));
      ok = task.call();
    }
    String said =
        diagnostics.getDiagnostics().stream()
            .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
    assertTrue(ok, said);
    return Files.readString(gen.resolve("d/PGrad.java"), UTF_8);
  }

  /** The runtime's classes as a jar with its Automatic-Module-Name, as users get it. */
  private static Path runtimeJar(Path jar) throws IOException {
    Path classes;
    try {
      classes = Path.of(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isRegularFile(classes)) {
      return classes; // already the jar, with its manifest
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", "io.github.backprop");
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o, manifest);
        Stream<Path> all = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(p));
        j.closeEntry();
      }
    }
    return jar;
  }
}
