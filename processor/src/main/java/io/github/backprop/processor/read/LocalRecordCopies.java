package io.github.backprop.processor.read;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.names.GeneratedNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Records declared inside a method (local records). javac makes a local record's class only when
 * it compiles the body, after annotation processing; so backprop writes each declaration, as
 * written, into a class of its own ({@code p.CGradLocals}, one nested class per method), reads the
 * method in the next round with those copies standing for the local records, and holds their
 * values as their components, as it does any record's. The generated code names the copy
 * where it needs the record's class (a constant of it), never the method's own record, which no
 * other class can see.
 */
public final class LocalRecordCopies {
  private LocalRecordCopies() {}

  /** The class holding the copies for {@code type}'s methods: {@code p.CGradLocals} for {@code p.C}. */
  public static String holder(TypeElement type) {
    Owner grad = GeneratedNames.gradClass(Resolver.owner(type));
    return (grad.packageName().isEmpty() ? "" : grad.packageName() + ".") + grad.simpleNames() + "Locals";
  }

  /** The nested class of the holder for method {@code m}: {@code _dist}, {@code _dist_2} for a second overload. */
  static String nested(ExecutableElement m) {
    int index = 0;
    for (ExecutableElement other : ElementFilter.methodsIn(m.getEnclosingElement().getEnclosedElements())) {
      if (other.equals(m)) {
        break;
      }
      if (other.getSimpleName().contentEquals(m.getSimpleName())) {
        index++;
      }
    }
    return "_" + m.getSimpleName() + (index == 0 ? "" : "_" + (index + 1));
  }

  /** The local records of each method of {@code type} that declares some, in declaration order. */
  public static Map<ExecutableElement, List<ClassTree>> find(CalleeCache trees, TypeElement type) {
    Map<ExecutableElement, List<ClassTree>> out = new LinkedHashMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      MethodTree tree = trees.tree(m);
      if (tree != null && tree.getBody() != null) {
        List<ClassTree> records = in(tree.getBody());
        if (!records.isEmpty()) {
          out.put(m, records);
        }
      }
    }
    return out;
  }

  /**
   * The records and classes declared in {@code body}, not those nested in them; a local class is
   * copied as a static nested one, which is what it is where it captures nothing ({@link #blocker}).
   */
  public static List<ClassTree> in(Tree body) {
    List<ClassTree> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree c, Void unused) {
        if (c.getKind() == Tree.Kind.RECORD || (c.getKind() == Tree.Kind.CLASS && !c.getSimpleName().isEmpty())) {
          out.add(c);
        }
        return null;
      }
    }.scan(body, null);
    return out;
  }

  /** {@code class} or {@code record}, for messages. */
  public static String kind(ClassTree c) {
    return c.getKind() == Tree.Kind.RECORD ? "record" : "class";
  }

  /**
   * Why the local records of {@code m} cannot be copied, or null: two of one name, or a name
   * private to the class, which the copy cannot reach.
   */
  public static String blocker(ExecutableElement m, List<ClassTree> records, CompilationUnitTree unit) {
    Set<String> names = new HashSet<>();
    for (ClassTree r : records) {
      if (!names.add(r.getSimpleName().toString())) {
        return "'" + m.getSimpleName() + "' declares two records named " + r.getSimpleName() + ", which backprop"
            + " cannot tell apart: rename one";
      }
    }
    String captured = captured(m, records, unit);
    if (captured != null) {
      return captured;
    }
    Set<String> hidden = privateNames((TypeElement) m.getEnclosingElement());
    for (ClassTree r : records) {
      String used = firstUse(r, hidden);
      if (used != null) {
        return kind(r) + " " + r.getSimpleName() + " uses '" + used + "', which is private to its class, so the copy"
            + " backprop reads the record from (in " + holder((TypeElement) m.getEnclosingElement()) + ") cannot"
            + " reach it: make '" + used + "' package-private, or move the " + kind(r) + " unchanged to a member of the class";
      }
    }
    if (unit.getPackageName() == null) {
      Set<String> members = memberNames((TypeElement) m.getEnclosingElement());
      for (ClassTree r : records) {
        String used = firstUse(r, members);
        if (used != null) {
          return kind(r) + " " + r.getSimpleName() + " uses '" + used + "', a member of its class, which the copy"
              + " backprop reads the record from cannot import, since the class is in the unnamed package: put the"
              + " class in a package, or move the record unchanged to a member of the class";
        }
      }
    }
    // The copy sees the class's members through an import on demand, which a single import of
    // the file shadows: a name that is both would mean another thing in the copy.
    Set<String> imported = new HashSet<>();
    for (ImportTree imp : unit.getImports()) {
      if (imp.getQualifiedIdentifier() instanceof com.sun.source.tree.MemberSelectTree s && !s.getIdentifier().contentEquals("*")) {
        imported.add(s.getIdentifier().toString());
      }
    }
    imported.retainAll(memberNames((TypeElement) m.getEnclosingElement()));
    for (ClassTree r : records) {
      String used = firstUse(r, imported);
      if (used != null) {
        return kind(r) + " " + r.getSimpleName() + " uses '" + used + "', which names both a member of its class and an"
            + " import of the file, and the copy backprop reads the record from would see the import: move the record"
            + " unchanged to a member of the class";
      }
    }
    return null;
  }

  /**
   * Why a local class of {@code m} cannot stand as a static nested copy: it reads a local or a
   * parameter of the method, or an instance member of the class; null where none does.
   */
  private static String captured(ExecutableElement m, List<ClassTree> locals, CompilationUnitTree unit) {
    Set<String> outer = new HashSet<>();
    m.getParameters().forEach(p -> outer.add(p.getSimpleName().toString()));
    boolean instance = !m.getModifiers().contains(Modifier.STATIC);
    for (Element e = m.getEnclosingElement(); instance && e instanceof TypeElement t; e = e.getEnclosingElement()) {
      for (Element member : t.getEnclosedElements()) {
        if (!member.getModifiers().contains(Modifier.STATIC) && member.getKind() != javax.lang.model.element.ElementKind.CONSTRUCTOR) {
          outer.add(member.getSimpleName().toString());
        }
      }
    }
    for (ClassTree c : locals) {
      if (c.getKind() != Tree.Kind.CLASS) {
        continue;
      }
      Set<String> names = new HashSet<>(outer);
      names.addAll(localsOf(unit, c));
      String used = firstUse(c, names);
      if (used != null) {
        return "class " + c.getSimpleName() + " uses '" + used + "' of the method around it, and backprop reads a class"
            + " declared in a method from a copy outside it, where '" + used + "' is not seen: pass '" + used + "' to its"
            + " constructor, or declare the class as a static member of the class";
      }
    }
    return null;
  }

  /** The locals that the method of {@code unit} whose body declares {@code local} declares outside it. */
  private static Set<String> localsOf(CompilationUnitTree unit, ClassTree local) {
    Set<String> out = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (method.getBody() != null && in(method.getBody()).contains(local)) {
          new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree c, Void none) {
              return c == local ? null : super.visitClass(c, none);
            }

            @Override
            public Void visitVariable(VariableTree v, Void none) {
              out.add(v.getName().toString());
              return super.visitVariable(v, none);
            }
          }.scan(method, null);
        }
        return super.visitMethod(method, unused);
      }
    }.scan(unit, null);
    return out;
  }

  /** The names of the members of {@code type} and the classes around it. */
  private static Set<String> memberNames(TypeElement type) {
    Set<String> out = new HashSet<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      t.getEnclosedElements().forEach(member -> out.add(member.getSimpleName().toString()));
    }
    return out;
  }

  /** Private fields, methods and member types of {@code type} and the classes around it. */
  private static Set<String> privateNames(TypeElement type) {
    Set<String> out = new HashSet<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      for (Element member : t.getEnclosedElements()) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
          out.add(member.getSimpleName().toString());
        }
      }
    }
    return out;
  }

  /** The first name of {@code names} that {@code record} uses and does not declare itself, or null. */
  private static String firstUse(ClassTree record, Set<String> names) {
    Set<String> own = new HashSet<>();
    List<String> used = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        own.add(v.getName().toString());
        return super.visitVariable(v, unused);
      }

      @Override
      public Void visitMethod(MethodTree m, Void unused) {
        own.add(m.getName().toString());
        return super.visitMethod(m, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        used.add(id.getName().toString());
        return null;
      }
    }.scan(record, null);
    return used.stream().filter(n -> names.contains(n) && !own.contains(n)).findFirst().orElse(null);
  }

  /**
   * The holder's source: the file's package and imports, a static import of each class around
   * the methods (their constants, helpers and member types, as the method sees them), and each
   * method's records as written.
   */
  public static String source(
      TypeElement type, CompilationUnitTree unit, SourcePositions positions, Map<ExecutableElement, List<ClassTree>> records,
      boolean generated) throws IOException {
    CharSequence text = unit.getSourceFile().getCharContent(true);
    StringBuilder out = new StringBuilder();
    if (unit.getPackageName() != null) {
      out.append("package ").append(unit.getPackageName()).append(";\n\n");
    }
    for (ImportTree imp : unit.getImports()) {
      out.append(slice(text, positions, unit, imp)).append('\n');
    }
    List<String> around = new ArrayList<>();
    // Java has no import from the unnamed package; there blocker() refuses a record that uses a member.
    for (Element e = type; unit.getPackageName() != null && e instanceof TypeElement t; e = e.getEnclosingElement()) {
      around.add(0, "import static " + t.getQualifiedName() + ".*;\n");
    }
    around.forEach(out::append);
    String name = holder(type).substring(holder(type).lastIndexOf('.') + 1);
    out.append("\n/** The records and classes declared inside methods of {@link ").append(type.getQualifiedName())
        .append("}, as written there, for backprop to read. */\n");
    if (generated) {
      out.append("@javax.annotation.processing.Generated(\"io.github.backprop.processor.BackpropProcessor\")\n");
    }
    out.append("final class ").append(name).append(" {\n  private ").append(name).append("() {}\n");
    for (Map.Entry<ExecutableElement, List<ClassTree>> e : records.entrySet()) {
      String nested = nested(e.getKey());
      out.append("\n  /** The records of {@code ").append(e.getKey().getSimpleName()).append("}. */\n");
      out.append("  static final class ").append(nested).append(" {\n    private ").append(nested).append("() {}\n");
      for (ClassTree r : e.getValue()) {
        // A local class captures nothing here (blocker), so it is the static nested class it reads as.
        out.append('\n').append(r.getKind() == Tree.Kind.CLASS ? "    static " : "").append(
            r.getKind() == Tree.Kind.CLASS ? indented(text, positions, unit, r).substring(4) : indented(text, positions, unit, r)).append('\n');
      }
      out.append("  }\n");
    }
    return out.append("}\n").toString();
  }

  /** {@code t}'s text, its lines moved from the column it starts at in the file to four spaces in. */
  private static String indented(CharSequence text, SourcePositions positions, CompilationUnitTree unit, Tree t) {
    int start = (int) positions.getStartPosition(unit, t);
    int column = 0;
    while (start - column > 0 && text.charAt(start - column - 1) != '\n') {
      column++;
    }
    StringBuilder out = new StringBuilder();
    for (String line : slice(text, positions, unit, t).split("\n", -1)) {
      int blank = 0;
      while (out.length() > 0 && blank < column && blank < line.length() && line.charAt(blank) == ' ') {
        blank++;
      }
      out.append(out.length() == 0 ? "" : "\n").append(line.isBlank() ? "" : "    " + line.substring(blank));
    }
    return out.toString();
  }

  private static String slice(CharSequence text, SourcePositions positions, CompilationUnitTree unit, Tree t) {
    return text.subSequence((int) positions.getStartPosition(unit, t), (int) positions.getEndPosition(unit, t)).toString();
  }

  /** For the reader of {@code m}: the copies standing for its local records, by name; empty where there are none. */
  static Map<String, TypeElement> of(Elements elements, Trees trees, ExecutableElement m, MethodTree tree) {
    Map<String, TypeElement> out = new LinkedHashMap<>();
    if (!(m.getEnclosingElement() instanceof TypeElement type)) {
      return out;
    }
    if (tree == null || tree.getBody() == null || in(tree.getBody()).isEmpty()) {
      return out;
    }
    TypeElement holder = elements.getTypeElement(holder(type));
    if (holder == null || trees.getPath(holder) == null) {
      return out;
    }
    for (TypeElement nested : ElementFilter.typesIn(holder.getEnclosedElements())) {
      if (nested.getSimpleName().contentEquals(nested(m))) {
        ElementFilter.typesIn(nested.getEnclosedElements()).forEach(r -> out.put(r.getSimpleName().toString(), r));
      }
    }
    return out;
  }

  /** The names of {@code m}'s local records that have copies to read them from. */
  public static Set<String> copied(Elements elements, Trees trees, ExecutableElement m) {
    return of(elements, trees, m, trees.getTree(m)).keySet();
  }
}
