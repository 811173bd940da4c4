package io.github.backprop.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.derive.ForwardSweep;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.derive.ReverseSweep;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Sources compiled in memory by the real processor, whose derive stage is wrapped to keep what
 * it derives: each method's model as read and its gradient in the IR, for the interpreter, next
 * to the classes javac wrote (the source's and the generated code), for comparison.
 */
public final class Derivations {
  /**
   * One method: the model the reader made, the derive stage's gradient of it, and where the
   * method asks for forward mode its {@code mJvp} (else null).
   */
  public record Derived(MethodModel model, GradMethod grad, JvpMethod jvp) {}

  private final Compilation compilation;
  private final List<Derived> derived;
  private final ClassLoader loader;

  private Derivations(Compilation compilation, List<Derived> derived) {
    this.compilation = compilation;
    this.derived = derived;
    this.loader =
        Compiled.loaderOf(compilation.status() == Compilation.Status.SUCCESS ? compilation.generatedFiles() : List.of());
  }

  /** Compiles a class {@code p.C} holding the given members. */
  public static Derivations members(String members) {
    return compile(
        "p.C", "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass C {\n" + members + "\n}\n");
  }

  /** Compiles {@code source}, a whole file whose first class is {@code className}. */
  public static Derivations compile(String className, String source) {
    return compileAll(java.util.Map.of(className, source));
  }

  /** Compiles several files together, by class name. */
  public static Derivations compileAll(java.util.Map<String, String> sources) {
    List<Derived> derived = new ArrayList<>();
    BackpropProcessor capturing =
        new BackpropProcessor(
            (model, activity, reporter) -> {
              GradMethod g = ReverseSweep.derive(model, activity, reporter);
              // Forward mode as the processor derives it next, for a method's own model only.
              boolean own = model.params().size() == model.element().getParameters().size();
              JvpMethod jvp =
                  own && io.github.backprop.processor.read.Annotations.flag(model.element(), "forward") ? ForwardSweep.derive(model, model.name() + "Jvp", reporter) : null;
              derived.add(new Derived(model, g, jvp));
              return g;
            });
    List<JavaFileObject> files = new ArrayList<>();
    new java.util.TreeMap<>(sources).forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    Compilation c = javac().withProcessors(capturing).withOptions("-Xlint:all", "-Werror", "-parameters").compile(files);
    return new Derivations(c, List.copyOf(derived));
  }

  public boolean succeeded() {
    return compilation.status() == Compilation.Status.SUCCESS;
  }

  /** Everything javac said, for failure messages. */
  public String diagnostics() {
    StringBuilder b = new StringBuilder();
    compilation.diagnostics().forEach(d -> b.append(d).append('\n'));
    return b.toString();
  }

  /** The classes javac wrote: the sources' and the generated ones. */
  public ClassLoader loader() {
    return loader;
  }

  /**
   * The gradient of the method {@code name}: the first one derived under that name, which is the
   * method's own (a Hessian's tangent method is derived after it).
   */
  public Derived get(String name) {
    for (Derived d : derived) {
      if (d.model().name().equals(name)) {
        return d;
      }
    }
    throw new AssertionError("no method " + name + " was derived; the compiler said:\n" + diagnostics());
  }

  /** Every method derived, in the order the processor derived them. */
  public List<Derived> all() {
    return derived;
  }
}
