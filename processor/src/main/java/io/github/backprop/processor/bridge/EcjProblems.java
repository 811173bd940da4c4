package io.github.backprop.processor.bridge;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * A message at an exact source range in ecj's problem list, as ecj's own {@code Messager} files
 * one for an element ({@code AptProblem} on the file's compilation result): ecj's API takes
 * elements only, and javac gives the processor's errors at positions inside method bodies. Read
 * by reflection; where ecj's internals are not as expected, {@link #report} returns false and the
 * caller uses the {@code Messager}.
 */
final class EcjProblems {
  private EcjProblems() {}

  /**
   * Files {@code message} in {@code top}'s file over the characters {@code start..end}
   * (inclusive, offsets into the text ecj compiles) at {@code line}; false if it could not.
   */
  static boolean report(ProcessingEnvironment env, Diagnostic.Kind kind, String message, TypeElement top,
      int start, int end, int line, int column) {
    try {
      Object context = field(field(field(top, "_binding"), "scope"), "referenceContext");
      Object result = context.getClass().getMethod("compilationResult").invoke(context);
      ClassLoader ecj = context.getClass().getClassLoader();
      Class<?> referenceContext = Class.forName("org.eclipse.jdt.internal.compiler.impl.ReferenceContext", false, ecj);
      Class<?> aptProblem = Class.forName("org.eclipse.jdt.internal.compiler.apt.dispatch.AptProblem", false, ecj);
      Constructor<?> make = aptProblem.getConstructor(referenceContext, char[].class, String.class, int.class,
          String[].class, int.class, int.class, int.class, int.class, int.class);
      int severity = kind == Diagnostic.Kind.ERROR ? 1 : kind == Diagnostic.Kind.NOTE ? 1024 : 0;
      Object problem = make.newInstance(context, (char[]) field(result, "fileName"), message, 0, new String[0],
          severity, start, end, line, column);
      if (kind == Diagnostic.Kind.ERROR) {
        env.getClass().getMethod("setErrorRaised", boolean.class).invoke(env, true);
      }
      Object batch = fieldOrNull(env.getMessager(), "_compiler");
      Class<?> categorized = Class.forName("org.eclipse.jdt.core.compiler.CategorizedProblem", false, ecj);
      if (batch != null) {
        // The batch compiler, as its Messager does.
        batch.getClass().getMethod("addExtraProblems", categorized).invoke(batch, problem);
      } else {
        // The IDE, as its Messager does.
        Method record = result.getClass().getMethod("record", categorized, referenceContext);
        record.invoke(result, problem, context);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
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
