package io.github.backprop.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.derive.ForwardOverReverse;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.ReverseSweep;
import io.github.backprop.processor.interp.Interpreter;
import io.github.backprop.processor.interp.Linker;
import io.github.backprop.processor.interp.Run;
import io.github.backprop.processor.testing.Compiled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two compositions of second order side by side: a class {@code p.C} compiled by the real
 * processor, whose {@code mHvp} is reverse over forward, and for each method with {@code hessian
 * = true} forward over reverse ({@link ForwardOverReverse}) built in the derive stage from the
 * method's own gradient and run by the IR interpreter. An error of that pass is a compile error.
 */
public final class Compositions {
  private final Compilation compilation;
  private final Map<String, ForwardOverReverse.Composed> composed;
  private final ClassLoader loader;

  private Compositions(Compilation compilation, Map<String, ForwardOverReverse.Composed> composed) {
    this.compilation = compilation;
    this.composed = composed;
    this.loader = Compiled.loaderOf(succeeded() ? compilation.generatedFiles() : List.of());
  }

  /** Compiles a class {@code p.C} holding the given members. */
  public static Compositions members(String members) {
    Map<String, ForwardOverReverse.Composed> composed = new LinkedHashMap<>();
    BackpropProcessor capturing = new BackpropProcessor((model, activity, reporter) -> {
      GradMethod g = ReverseSweep.derive(model, activity, reporter);
      boolean own = model.params().size() == model.element().getParameters().size();
      if (own && io.github.backprop.processor.read.Annotations.flag(model.element(), "hessian")) {
        ForwardOverReverse.Composed c = ForwardOverReverse.derive(model, g, reporter);
        if (c != null) {
          composed.putIfAbsent(model.name(), c);
        }
      }
      return g;
    });
    String source = "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass C {\n" + members + "\n}\n";
    Compilation c = javac().withProcessors(capturing).withOptions("-Xlint:all", "-Werror", "-parameters")
        .compile(JavaFileObjects.forSourceString("p.C", source));
    return new Compositions(c, composed);
  }

  public boolean succeeded() {
    return compilation.status() == Compilation.Status.SUCCESS;
  }

  /** Everything javac said, for failure messages and for the errors of the pass. */
  public String diagnostics() {
    StringBuilder b = new StringBuilder();
    compilation.diagnostics().forEach(d -> b.append(d).append('\n'));
    return b.toString();
  }

  /** The names of the methods composed forward over reverse, in the order derived. */
  public List<String> names() {
    return List.copyOf(composed.keySet());
  }

  /** Calls the static method {@code name} of {@code className} that javac compiled. */
  public Object call(String className, String name, Object... args) {
    try {
      for (java.lang.reflect.Method m : loader.loadClass(className).getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length) {
          m.setAccessible(true);
          return m.invoke(null, args);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no method " + name + " in " + className);
  }

  /**
   * H v by forward over reverse at {@code args} along {@code directions} (one per differentiated
   * parameter), flattened in parameter order, arrays row by row.
   */
  public double[] hvp(String name, Object[] args, Object... directions) {
    ForwardOverReverse.Composed c = composed.get(name);
    if (c == null) {
      throw new AssertionError("no forward over reverse of " + name + ":\n" + diagnostics());
    }
    Interpreter in = new Interpreter(new Linker(loader));
    return (double[]) Run.vectorJvp(c.jvp(), c.model().params(), in, args, directions).get(1);
  }
}
