package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.names.GeneratedNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Private static final fields of the user's top-level class, and those private to the file of
 * another class whose helpers the method runs, copied into the generated class: a separate class
 * of the package, it cannot read them. The copy is declared with the same type
 * and initialised from the same expression, as written, when the generated class initialises;
 * names in it are qualified so that they resolve from there, and the private fields it reads are
 * copied too. One instance serves every method of one generated class, so each field is copied
 * once.
 *
 * <p>Where a copy could differ from the original, the field is not copied and the use is an
 * error: a value set in a {@code static {}} block other than once from locals set once
 * ({@link StaticBlocks}), a field that is not final, an initializer that
 * reaches what the generated class cannot (a private method or class) or that changes state, and
 * an array or object the class's own code may change after initialisation. {@link
 * FieldInitializer} prints the expression; {@link FieldUses} looks for such changes.
 */
public final class FieldCopies {
  private final Trees trees;
  private final Elements elements;
  private final TypeElement source;
  private final Owner grad;
  private final PackageElement pkg;
  private final Map<VariableElement, FieldCopy> copies = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  /** The fields being copied, to refuse an initializer that reads itself. */
  private final Set<VariableElement> inProgress = new HashSet<>();

  /** @param source the class whose generated class receives the copies */
  public FieldCopies(Trees trees, Elements elements, TypeElement source) {
    this.trees = trees;
    this.elements = elements;
    this.source = source;
    this.grad = GeneratedNames.gradClass(Resolver.owner(source));
    this.pkg = Resolver.packageOf(source);
  }

  /** Why a field cannot be copied exactly. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Whether {@code field} is one the generated class may copy: static, and of the same top-level
   * class or private to the file of another class of the compilation (a private field, or one in
   * a private class), so that {@link FieldUses}, reading that file, sees every use.
   */
  boolean applies(VariableElement field) {
    if (!Resolver.isStatic(field)) {
      return false;
    }
    if (outermost(field).equals(outermost(source))) {
      return true;
    }
    return trees.getPath(field) != null && StaticData.hiddenBy(field, pkg) != null && privateToFile(field);
  }

  private static boolean privateToFile(Element field) {
    for (Element e = field; e instanceof TypeElement || e == field; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The copy of {@code field}, which the generated class cannot read because {@code hidden} (e.g.
   * "field 'A' is private"), or an error at {@code use} saying why it cannot be copied, through
   * the reader's {@code reporter} (quiet while a helper is tried in place).
   */
  FieldCopy copy(
      VariableElement field, String hidden, Tree use, CompilationUnitTree unit, ErrorReporter reporter) {
    try {
      return copyOf(field);
    } catch (Refused r) {
      String name = field.getSimpleName().toString();
      throw reporter.abort(
          Tag.FIELD,
          hidden + ", so the generated class, a separate class in the same package, cannot read '"
              + name + "', and it cannot copy it either: " + r.getMessage()
              + "; make it package-private (remove 'private')",
          use,
          unit);
    }
  }

  /** The copy's name in the generated class, qualified with it: no local can capture it. */
  Owner grad() {
    return grad;
  }

  FieldCopy copyOf(VariableElement field) throws Refused {
    FieldCopy done = copies.get(field);
    if (done != null) {
      return done;
    }
    String name = field.getSimpleName().toString();
    if (!inProgress.add(field)) {
      throw new Refused("its initializer depends on '" + name + "' itself");
    }
    try {
      if (!field.getModifiers().contains(Modifier.FINAL)) {
        throw new Refused(
            "'" + name + "' is not final, so its value when the method is called matters, and a"
                + " copy would hold only its first value");
      }
      if (!(trees.getTree(field) instanceof VariableTree tree) || trees.getPath(field) == null) {
        throw new Refused("the declaration of '" + name + "' is not in this compilation");
      }
      CompilationUnitTree unit = trees.getPath(field).getCompilationUnit();
      ExpressionTree value = tree.getInitializer();
      Map<String, VariableTree> locals = Map.of();
      if (value == null) {
        StaticBlocks.Assigned assigned = StaticBlocks.find(trees, elements, field);
        value = assigned.value();
        locals = assigned.locals();
      }
      visibleType(field.asType(), name);
      if (field.asType().getKind() == TypeKind.ARRAY || field.asType().getKind() == TypeKind.DECLARED) {
        new FieldUses(trees, elements, field, unit).check();
      }
      FieldInitializer printer = new FieldInitializer(this, trees, elements, field, unit, locals);
      printer.print(value);
      FieldCopy copy =
          new FieldCopy(
              fresh(field),
              field.asType(),
              List.copyOf(printer.out),
              List.copyOf(printer.needs),
              Resolver.owner((TypeElement) field.getEnclosingElement()).simpleNames() + "." + name);
      copies.put(field, copy);
      return copy;
    } finally {
      inProgress.remove(field);
    }
  }

  /**
   * {@code _NAME} for a field of the method's class, {@code _Inner_NAME} for one of another class
   * of the same file: the underscore keeps it apart from the user's names and from class names
   * javac would otherwise find it obscuring. A number follows where a name is taken.
   */
  private String fresh(VariableElement field) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    String base = "_" + field.getSimpleName();
    if (!owner.equals(source)) {
      base = "_" + owner.getSimpleName() + base;
    }
    String name = base;
    for (int n = 2; !names.add(name); n++) {
      name = base + n;
    }
    return name;
  }

  // ---- what the generated class can name ----

  /** Whether code of the generated class, in {@code pkg}, can name {@code e}. */
  boolean visible(Element e) {
    for (Element x = e; x instanceof TypeElement || x == e; x = x.getEnclosingElement()) {
      Set<Modifier> mods = x.getModifiers();
      boolean packageWide = !mods.contains(Modifier.PRIVATE) && Resolver.packageOf(x).equals(pkg);
      if (!mods.contains(Modifier.PUBLIC) && !packageWide) {
        return false;
      }
    }
    return true;
  }

  private void visibleType(TypeMirror t, String field) throws Refused {
    if (t instanceof ArrayType a) {
      visibleType(a.getComponentType(), field);
    } else if (t instanceof DeclaredType d) {
      if (!visible(d.asElement())) {
        throw new Refused("the type of '" + field + "', " + d.asElement().getSimpleName() + ", is private");
      }
      for (TypeMirror arg : d.getTypeArguments()) {
        visibleType(arg, field);
      }
    }
  }

  static Element outermost(Element e) {
    while (!(e.getEnclosingElement() instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e;
  }
}
