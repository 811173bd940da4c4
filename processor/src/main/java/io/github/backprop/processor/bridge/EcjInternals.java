package io.github.backprop.processor.bridge;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * What the Eclipse compiler (ecj) knows but {@code javax.lang.model} does not say: a class's
 * source text and the class path it compiles against. Read by reflection, since ecj offers no
 * API for either; every failure is a {@link Missing} naming what could not be found.
 */
final class EcjInternals {
  private EcjInternals() {}

  /** Something ecj did not give; the message says what. */
  static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message);
    }
  }

  /** A compilation unit: the name ecj knows it by and its text. */
  record Source(String fileName, String text) {}

  /** Where javac finds the project's other types: class files, and (in the IDE) source folders. */
  record Paths(List<File> classPath, List<File> sourcePath) {}

  /**
   * The text of the file that declares {@code top}: ecj's own compilation unit (the editor's
   * text in the IDE), else {@code Elements.getFileObjectOf} where the JDK has it.
   */
  static Source source(ProcessingEnvironment env, TypeElement top) throws Missing {
    try {
      Object binding = field(top, "_binding");
      Object result = field(field(field(binding, "scope"), "referenceContext"), "compilationResult");
      char[] name = (char[]) field(result, "fileName");
      Object unit = field(result, "compilationUnit");
      char[] text = (char[]) call(unit, "getContents");
      if (name != null && text != null) {
        return new Source(new String(name), new String(text));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // ecj's internals differ from the version this was written against: ask the JDK's API.
    }
    try {
      Method of = env.getElementUtils().getClass().getMethod("getFileObjectOf", javax.lang.model.element.Element.class);
      FileObject file = (FileObject) of.invoke(env.getElementUtils(), top);
      if (file != null) {
        return new Source(file.getName(), file.getCharContent(true).toString());
      }
    } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
      // reported below
    }
    throw new Missing("the source file of " + top.getQualifiedName());
  }

  /**
   * The Java version ecj compiles to: its own option, since {@code getSourceVersion()} cannot
   * name a version newer than the running JDK's {@code SourceVersion}.
   */
  static int sourceLevel(ProcessingEnvironment env) {
    try {
      long level = (Long) field(field(call(env, "getCompiler"), "options"), "sourceLevel");
      return (int) (level >>> 16) - 44; // a class file's major version: 61 is Java 17
    } catch (ReflectiveOperationException | RuntimeException e) {
      return env.getSourceVersion().ordinal();
    }
  }

  /**
   * The class path ecj compiles against, without its output folder (whose class files of earlier
   * builds must not stand in for the sources and generated sources of this one).
   */
  static Paths paths(ProcessingEnvironment env) throws Missing {
    Object manager = tryCall(env, "getFileManager");
    if (manager instanceof StandardJavaFileManager files) {
      return batch(env, files);
    }
    Object project = tryCall(env, "getJavaProject");
    if (project != null) {
      try {
        return ide(project);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new Missing("the Java project's class path (" + e + ")");
      }
    }
    throw new Missing("the class path (this compiler's processing environment, " + env.getClass().getName()
        + ", has neither a file manager nor a Java project)");
  }

  /** The batch compiler: its file manager holds -classpath (and --module-path) as given. */
  private static Paths batch(ProcessingEnvironment env, StandardJavaFileManager files) {
    Set<File> out = new LinkedHashSet<>();
    add(out, files.getLocation(StandardLocation.CLASS_OUTPUT));
    Object main = fieldOrNull(env, "_compilerOwner");
    Object destination = main == null ? null : fieldOrNull(main, "destinationPath");
    if (destination instanceof String d) {
      out.add(new File(d));
    }
    Set<File> path = new LinkedHashSet<>();
    add(path, files.getLocation(StandardLocation.CLASS_PATH));
    add(path, files.getLocation(StandardLocation.MODULE_PATH));
    path.removeIf(f -> out.contains(f) || out.contains(f.getAbsoluteFile()));
    Set<File> sources = new LinkedHashSet<>();
    add(sources, files.getLocation(StandardLocation.SOURCE_PATH)); // -sourcepath, if given
    return new Paths(new ArrayList<>(path), new ArrayList<>(sources));
  }

  private static void add(Set<File> to, Iterable<? extends File> files) {
    if (files != null) {
      for (File f : files) {
        to.add(f.getAbsoluteFile());
      }
    }
  }

  /**
   * Eclipse and VS Code (jdt.ls): the project's resolved class path. Libraries and other projects'
   * output folders are class files; the project's own source folders, generated sources
   * included, are the source path, so helpers in files this build did not touch are read as
   * source, as javac reads them in a full build.
   */
  private static Paths ide(Object javaProject) throws ReflectiveOperationException {
    Object root = call(call(call(javaProject, "getProject"), "getWorkspace"), "getRoot");
    Object model = call(javaProject, "getJavaModel");
    List<File> classPath = new ArrayList<>();
    List<File> sourcePath = new ArrayList<>();
    Object[] entries = (Object[]) call(javaProject, "getResolvedClasspath", true);
    for (Object entry : entries) {
      int kind = (Integer) call(entry, "getEntryKind");
      Object path = call(entry, "getPath");
      switch (kind) {
        case 1 -> classPath.add(location(root, path)); // IClasspathEntry.CPE_LIBRARY
        case 2 -> { // CPE_PROJECT: the other project's output folder
          String name = (String) call(path, "lastSegment");
          Object other = call(model, "getJavaProject", name);
          classPath.add(location(root, call(other, "getOutputLocation")));
        }
        case 3 -> sourcePath.add(location(root, path)); // CPE_SOURCE
        default -> {}
      }
    }
    return new Paths(classPath, sourcePath);
  }

  /** A workspace path's place on disk; an external one as it is. */
  private static File location(Object root, Object path) throws ReflectiveOperationException {
    Object member = call(root, "findMember", path);
    Object onDisk = member == null ? path : call(member, "getLocation");
    return (File) call(onDisk == null ? path : onDisk, "toFile");
  }

  private static Object tryCall(Object target, String name) {
    try {
      return call(target, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Calls the public method {@code name} whose parameters accept {@code args}. */
  private static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
          m.setAccessible(true);
          return m.invoke(target, args);
        }
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }

  private static boolean accepts(Method m, Object[] args) {
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      Class<?> t = types[i] == boolean.class ? Boolean.class : types[i];
      if (args[i] != null && !t.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + "." + name);
  }

  private static Object fieldOrNull(Object target, String name) {
    try {
      return field(target, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

}
