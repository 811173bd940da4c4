package io.github.backprop.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.plan.Wrapper;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Writes the {@code CGrad} class of one source class with JavaPoet. */
public final class GradWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "io.github.backprop.processor.BackpropProcessor";

  private GradWriter() {}

  /** Statements as Java, for {@code -Abackprop.debug=stages}. */
  public static String show(List<Stmt> stmts) {
    Lines b = new Lines();
    new CodeWriter(new Namer()).statements(stmts, b);
    return b.build().toString();
  }

  /**
   * @param entries the methods, already in their deterministic order
   * @param generatedVisible whether the class's module reads {@code java.compiler}, home of
   *     {@code @Generated}: a named module that does not would fail to compile the annotation
   */
  public static JavaFile write(TypeElement source, Owner grad, List<Entry> entries, boolean generatedVisible) {
    return write(source, grad, entries, generatedVisible, List.of());
  }

  /** As above, with the public methods of methods that take records. */
  public static JavaFile write(
      TypeElement source, Owner grad, List<Entry> entries, boolean generatedVisible, List<Wrapper> wrappers) {
    return write(source, grad, entries, generatedVisible, wrappers, Api.members(entries, grad, source, wrappers));
  }

  /** As above, with the class's members planned already ({@link Api#members} of the same). */
  public static JavaFile write(
      TypeElement source, Owner grad, List<Entry> entries, boolean generatedVisible, List<Wrapper> wrappers,
      List<Api.Member> members) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(grad.simpleNames())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(source);
    if (generatedVisible) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    // The source's file uses its own deprecated members without a warning; the Grad class,
    // another class, would get one for each, and -Werror builds would fail on generated code.
    List<String> suppressed = SuppressedLints.of(source, deprecations(source));
    if (!suppressed.isEmpty()) {
      String format = suppressed.size() == 1 ? "$S" : "{" + String.join(", ", java.util.Collections.nCopies(suppressed.size(), "$S")) + "}";
      type.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", format, suppressed.toArray()).build());
    }
    type
            .addJavadoc(
                "Gradients of the {@code @Differentiable} methods of {@link $T}, by reverse-mode"
                    + " differentiation"
                    + (entries.stream().anyMatch(e -> e.jvp() != null) ? "; directional derivatives by forward mode" : "")
                    + ".\n",
                ClassName.get(source))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addJavadoc("No instances: the gradients are static methods.\n")
                    .build());
    for (FieldCopy c : copies(entries)) {
      type.addField(copy(c));
    }
    java.util.function.Function<io.github.backprop.processor.ir.IrMethod, Entry> sources = Api.sources(entries, wrappers);
    for (Api.Member member : members) {
      if (member instanceof Api.Member.Method m) {
        Entry from = sources.apply(m.method());
        type.addMethod(
            from == null || from.model().element().getThrownTypes().isEmpty()
                ? MethodPrinter.print(m.method())
                : MethodPrinter.print(
                    m.method(), from.model().element().getThrownTypes(),
                    source.getSimpleName() + "." + from.model().element().getSimpleName()));
      } else if (member instanceof Api.Member.Record r) {
        type.addType(RecordPrinter.print(r.record()));
      }
    }
    return JavaFile.builder(grad.packageName(), type.build())
        .skipJavaLangImports(!shadowsJavaLang(source))
        .indent("    ")
        .build();
  }

  /**
   * The warnings a reference to a deprecated member of {@code source}'s file would give: {@code
   * deprecation}, and {@code removal} where one is deprecated for removal; none without them.
   */
  private static List<String> deprecations(TypeElement source) {
    javax.lang.model.element.Element top = source;
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    java.util.Set<String> found = new java.util.TreeSet<>();
    java.util.Deque<javax.lang.model.element.Element> todo = new java.util.ArrayDeque<>(List.of(top));
    while (!todo.isEmpty()) {
      javax.lang.model.element.Element e = todo.pop();
      Deprecated d = e.getAnnotation(Deprecated.class);
      if (d != null) {
        found.add(d.forRemoval() ? "removal" : "deprecation");
      }
      if (e instanceof TypeElement) {
        todo.addAll(e.getEnclosedElements());
      }
    }
    return List.copyOf(found);
  }

  /**
   * Whether a class of the package takes the simple name of a {@code java.lang} class (a user's
   * {@code p.Math}): then the file imports {@code java.lang.Math} explicitly, which shadows it.
   */
  private static boolean shadowsJavaLang(TypeElement source) {
    javax.lang.model.element.Element e = source;
    while (!(e instanceof javax.lang.model.element.PackageElement)) {
      e = e.getEnclosingElement();
    }
    for (javax.lang.model.element.Element t : e.getEnclosedElements()) {
      try {
        Class.forName("java.lang." + t.getSimpleName(), false, GradWriter.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError notThere) {
        // no java.lang class of that name
      }
    }
    return false;
  }

  /** The copies the methods read, each after the copies its initializer reads. */
  private static List<FieldCopy> copies(List<Entry> entries) {
    java.util.Set<FieldCopy> ordered = new java.util.LinkedHashSet<>();
    for (Entry e : entries) {
      e.model().copies().forEach(c -> addAfterNeeds(c, ordered));
    }
    return List.copyOf(ordered);
  }

  private static void addAfterNeeds(FieldCopy c, java.util.Set<FieldCopy> ordered) {
    if (!ordered.contains(c)) {
      c.needs().forEach(n -> addAfterNeeds(n, ordered));
      ordered.add(c);
    }
  }

  // Example: private static final double[] _LANCZOS = {0.99999999999999709182, 57.156235665862923517, ...};
  private static FieldSpec copy(FieldCopy c) {
    CodeBlock.Builder init = CodeBlock.builder();
    for (Object part : c.initializer()) {
      if (part instanceof Owner o) {
        init.add("$T", JavaTypes.className(o));
      } else if (part == FieldCopy.Layout.INDENT) {
        init.add("$>\n");
      } else if (part == FieldCopy.Layout.LINE) {
        init.add("\n");
      } else if (part == FieldCopy.Layout.DEDENT) {
        init.add("$<\n");
      } else {
        init.add("$L", part);
      }
    }
    return FieldSpec.builder(TypeName.get(c.type()), c.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "A copy of {@code $L}: the same expression, evaluated when this class initialises.\n",
            c.original())
        .initializer(init.build())
        .build();
  }
}
