package io.github.backprop.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/**
 * Sources compiled in memory with the processor, and their classes loaded, so a test can call
 * a method and its generated gradient side by side.
 */
public final class Compiled {
  private final Compilation compilation;
  private final ClassLoader loader;

  private Compiled(Compilation compilation) {
    this(compilation, List.of());
  }

  private Compiled(Compilation compilation, List<JavaFileObject> earlier) {
    this.compilation = compilation;
    List<JavaFileObject> classes = new ArrayList<>(earlier);
    if (compilation.status() == Compilation.Status.SUCCESS) {
      classes.addAll(compilation.generatedFiles());
    }
    this.loader = loaderOf(classes);
  }

  /**
   * Compiles {@code sources} against the classes {@code before} wrote, as a library compiled
   * earlier: they are on the class path as class files only, in {@code dir}.
   */
  public static Compiled compileAgainst(Compiled before, java.nio.file.Path dir, Map<String, String> sources) {
    List<JavaFileObject> earlier = new ArrayList<>();
    for (JavaFileObject f : before.compilation.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        earlier.add(f);
        String path = f.toUri().getPath();
        java.nio.file.Path out = dir.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
        try (InputStream in = f.openInputStream()) {
          java.nio.file.Files.createDirectories(out.getParent());
          java.nio.file.Files.write(out, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    List<java.io.File> classpath = new ArrayList<>(List.of(dir.toFile()));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    Compilation c =
        javac()
            .withProcessors(new BackpropProcessor())
            .withOptions("-Xlint:all", "-Werror", "-parameters")
            .withClasspath(classpath)
            .compile(files);
    return new Compiled(c, earlier);
  }

  /** A class loader for the class files a compilation wrote, in memory. */
  public static ClassLoader loaderOf(List<JavaFileObject> generated) {
    Map<String, byte[]> classes = new TreeMap<>();
    for (JavaFileObject f : generated) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
        try (InputStream in = f.openInputStream()) {
          classes.put(name.replace(".class", "").replace('/', '.'), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(Compiled.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** Compiles {@code source}, a whole file whose first class is {@code className}. */
  public static Compiled compile(String className, String source) {
    return compileAll(Map.of(className, source));
  }

  public static Compiled compileAll(Map<String, String> sources) {
    return compileAll(sources, List.of());
  }

  /** As {@link #compileAll(Map)}, with more javac options, e.g. the processor's {@code -A...}. */
  public static Compiled compileAll(Map<String, String> sources, List<String> options) {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-parameters"));
    all.addAll(options);
    Compilation c = javac().withProcessors(new BackpropProcessor()).withOptions(all).compile(files);
    return new Compiled(c);
  }

  /** Compiles a class {@code p.C} holding the given members. */
  public static Compiled members(String members) {
    return members(members, List.of());
  }

  /** As {@link #members(String)}, with more javac options. */
  public static Compiled members(String members, List<String> options) {
    return compileAll(
        Map.of("p.C", "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass C {\n" + members + "\n}\n"),
        options);
  }

  public Compilation compilation() {
    return compilation;
  }

  public boolean succeeded() {
    return compilation.status() == Compilation.Status.SUCCESS;
  }

  /** The generated source of {@code p.CGrad}-style class {@code name}. */
  public String source(String name) {
    try {
      if (!succeeded()) {
        throw new AssertionError("compilation failed:\n" + diagnostics());
      }
      return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything javac said, for failure messages. */
  public String diagnostics() {
    StringBuilder b = new StringBuilder();
    compilation.diagnostics().forEach(d -> b.append(d).append('\n'));
    return b.toString();
  }

  /** The class {@code className} of this compilation. */
  public Class<?> loadClass(String className) {
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the static method {@code name} of {@code className}. */
  public Object call(String className, String name, Object... args) {
    try {
      Class<?> c = loader.loadClass(className);
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && accepts(m.getParameterTypes(), args)) {
          m.setAccessible(true);
          return m.invoke(null, args);
        }
      }
      throw new AssertionError("no method " + name + " in " + className);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    if (types.length != args.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> boxed = types[i] == double.class ? Double.class
          : types[i] == float.class ? Float.class
          : types[i] == int.class ? Integer.class
          : types[i] == long.class ? Long.class
          : types[i] == boolean.class ? Boolean.class
          : types[i] == char.class ? Character.class
          : types[i] == byte.class ? Byte.class
          : types[i] == short.class ? Short.class
          : types[i];
      // A generated method takes a char, byte or short parameter as an int, as a call widens it.
      boolean widened =
          types[i] == int.class
              && (args[i] instanceof Character || args[i] instanceof Byte || args[i] instanceof Short);
      if (!boxed.isInstance(args[i]) && !widened) {
        return false;
      }
    }
    return true;
  }

  /** The components of a record, by accessor name, in order. */
  public static Map<String, Object> components(Object record) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (RecordComponent rc : record.getClass().getRecordComponents()) {
      try {
        Method m = rc.getAccessor();
        m.setAccessible(true);
        out.put(rc.getName(), m.invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }
}
