package io.github.backprop.processor.corpus;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Cuts one static method out of a library's source file, as written, together with every member
 * of its class that it reaches by name (helpers, constants, coefficient tables, nested classes),
 * into a compilation unit of its own in package {@code pkg}. The members keep their text and
 * their order; the imports they use are kept; the original package is imported on demand so its
 * other public classes resolve. The only edits are adding {@code @Differentiable} to the method
 * and, for an instance method, {@code static} on it and on the instance methods it reaches (which
 * must use no field), less their {@code @Override}; {@link #changes} lists them.
 */
final class MethodExtractor {
  private final Parsed parsed;
  private final ClassTree owner;
  private final Function<String, Parsed> siblings;
  final List<String> changes = new ArrayList<>();
  final Set<String> helpers = new LinkedHashSet<>();
  /** Whether the extracted method returns {@code double[]} (checked through its Jacobian). */
  boolean returnsArray;

  MethodExtractor(Parsed parsed, String path) {
    this(parsed, path, null);
  }

  /** {@code siblings} reads another file of the library's package by class name, or gives null. */
  MethodExtractor(Parsed parsed, String path, Function<String, Parsed> siblings) {
    this.parsed = parsed;
    this.siblings = siblings;
    String file = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
    this.owner = parsed.topClass(file);
  }

  String className() {
    return owner.getSimpleName().toString();
  }

  /** The new compilation unit, or an exception if the method is not there. */
  String extract(String pkg, String method, List<String> types) {
    MethodTree target = find(method, types);
    returnsArray = target.getReturnType().toString().equals("double[]");
    // an instance method's instance helpers (methods of no field, such as SABR's getZOverChi) come
    // along, made static as it is
    boolean instance = !target.getModifiers().getFlags().contains(Modifier.STATIC);
    Set<Tree> kept = reach(target, instance);
    int annotationAt = parsed.start(target);
    // start of a kept instance method -> where its return type starts, for the added static
    Map<Integer, Integer> staticAt = new HashMap<>();
    for (Tree m : kept) {
      if (m instanceof MethodTree mt && !mt.getModifiers().getFlags().contains(Modifier.STATIC)) {
        staticAt.put(parsed.start(mt), parsed.start(mt.getReturnType()));
      }
    }
    if (!staticAt.isEmpty()) {
      changes.add(staticAt.size() == 1 ? "made static" : "made static (and the instance methods it calls)");
    }
    String body = text(kept, annotationAt, staticAt);
    Set<String> used = new LinkedHashSet<>();
    for (Tree m : kept) {
      used.addAll(namesUsed(m));
    }
    StringBuilder imports = new StringBuilder();
    addImports(parsed, used, imports);
    // the package-private classes of the library's package it names (Colt's Polynomial, or the
    // Constants its class extends) come along as classes of the unit, cut the same way
    StringBuilder others = new StringBuilder();
    String parent = owner.getExtendsClause() == null ? null : owner.getExtendsClause().toString();
    Set<String> done = new LinkedHashSet<>(Set.of(className()));
    addSiblings(kept, parent, others, done, pkg);
    boolean extendsCopy = parent != null && done.contains(parent);
    StringBuilder out = new StringBuilder("package " + pkg + ";\n\n").append(imports);
    if (parsed.unit.getPackageName() != null && packageExists(parsed.unit.getPackageName().toString())) {
      out.append("import ").append(parsed.unit.getPackageName()).append(".*;\n");
    }
    changes.add(0, "added @Differentiable");
    out.append("\n// ").append(String.join("; ", changes)).append("\n");
    out.append("final class ").append(className()).append(extendsCopy ? " extends " + parent : "")
        .append(" {\n\n").append(body).append("}\n").append(others);
    return out.toString();
  }

  /** The kept members' text in source order, declarators sharing a declaration merged. */
  private String text(Set<Tree> kept, int annotationAt, Map<Integer, Integer> staticAt) {
    TreeMap<Integer, Integer> ranges = new TreeMap<>();
    for (Tree m : owner.getMembers()) {
      if (kept.contains(m)) {
        int s = parsed.start(m);
        int e = parsed.end(m);
        if (m instanceof VariableTree) {
          int k = e;
          while (k < parsed.text.length() && Character.isWhitespace(parsed.text.charAt(k))) {
            k++;
          }
          if (k < parsed.text.length() && parsed.text.charAt(k) == ';') {
            e = k + 1;
          }
        }
        ranges.merge(s, e, Math::max);
      }
    }
    StringBuilder body = new StringBuilder();
    for (var r : ranges.entrySet()) {
      String text = parsed.text.substring(r.getKey(), r.getValue());
      Integer at = staticAt.get(r.getKey());
      if (at != null) {
        text = text.substring(0, at - r.getKey()) + "static " + text.substring(at - r.getKey());
        if (text.startsWith("@Override")) {
          // the unit's class has no supertype to override
          text = text.substring("@Override".length()).stripLeading();
          if (!changes.contains("removed @Override")) {
            changes.add("removed @Override");
          }
        }
      }
      if (r.getKey() == annotationAt) {
        text = "@io.github.backprop.Differentiable " + text;
      }
      body.append("    ").append(text).append("\n\n");
    }
    return body.toString();
  }

  private static void addImports(Parsed p, Set<String> used, StringBuilder out) {
    for (ImportTree imp : p.unit.getImports()) {
      String q = imp.getQualifiedIdentifier().toString();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      String line = p.text(imp) + "\n";
      if ((simple.equals("*") || used.contains(simple)) && out.indexOf(line) < 0) {
        out.append(line);
      }
    }
  }

  /**
   * Appends to {@code out} each package-private class of the library's package that {@code from}
   * names (or {@code parent}, the class it extends), whole and as written, and the ones it names;
   * also a public one where the library is here as sources only (Strata's pricer).
   */
  private void addSiblings(Set<? extends Tree> from, String parent, StringBuilder out, Set<String> done, String pkg) {
    if (siblings == null) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    if (parent != null) {
      names.add(parent);
    }
    for (Tree t : from) {
      names.addAll(allNames(t));
    }
    for (String c : names) {
      if (done.contains(c) || c.isEmpty() || !Character.isUpperCase(c.charAt(0))) {
        continue;
      }
      Parsed p = siblings.apply(c);
      ClassTree top = p == null ? null : p.unit.getTypeDecls().stream()
          .filter(t -> t instanceof ClassTree k && k.getSimpleName().contentEquals(c))
          .map(ClassTree.class::cast).findFirst().orElse(null);
      if (top == null || top.getModifiers().getFlags().contains(Modifier.PUBLIC)
          && packageExists(p.unit.getPackageName().toString())) {
        continue; // a public class on the class path serves as it is
      }
      if (c.equals(parent) && !defaultConstructible(top)) {
        continue; // extending it would need a constructor call of its own (Orekit's HatchFilter)
      }
      done.add(c);
      StringBuilder imports = new StringBuilder();
      addImports(p, allNames(top), imports);
      helpers.add(c + " (kept whole, as a class of the unit)");
      String text = p.text(top);
      if (top.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
        // a second public class cannot share the unit's file
        text = text.replaceFirst("\\bpublic\\s+", "");
        changes.add("made " + c + " package-private");
      }
      // a file of its own, as in the library: javac warns when another file uses an auxiliary class
      out.append("\n").append(CorpusUnit.FILE_MARK).append(c).append("\npackage ").append(pkg).append(";\n\n")
          .append(imports)
          .append(packageExists(p.unit.getPackageName().toString()) ? "import " + p.unit.getPackageName() + ".*;\n" : "")
          .append("\n").append(text).append("\n");
      MethodExtractor sub = new MethodExtractor(p, c + ".java", siblings);
      sub.addSiblings(Set.of(top), null, out, done, pkg);
      helpers.addAll(sub.helpers);
      changes.addAll(sub.changes);
    }
  }

  /** Whether a subclass needs no constructor: the class declares none, or one with no parameter. */
  private static boolean defaultConstructible(ClassTree c) {
    List<MethodTree> constructors = c.getMembers().stream()
        .filter(m -> m instanceof MethodTree mt && mt.getName().contentEquals("<init>"))
        .map(MethodTree.class::cast).toList();
    return constructors.isEmpty() || constructors.stream().anyMatch(m -> m.getParameters().isEmpty());
  }

  /** Every simple name a tree mentions, selected members included. */
  private static Set<String> allNames(Tree t) {
    return names(t, null);
  }

  /** Whether the test class path has classes in the package (a library may be here as sources only). */
  private static boolean packageExists(String pkg) {
    try {
      return MethodExtractor.class.getClassLoader().getResources(pkg.replace('.', '/')).hasMoreElements();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private MethodTree find(String method, List<String> types) {
    MethodTree found = null;
    for (Tree m : owner.getMembers()) {
      if (m instanceof MethodTree mt && mt.getName().contentEquals(method)) {
        List<String> actual = new ArrayList<>();
        mt.getParameters().forEach(p -> actual.add(p.getType().toString()));
        if (types == null || actual.equals(types)) {
          if (found != null) {
            throw new IllegalArgumentException(method + " is overloaded: give its parameter types");
          }
          found = mt;
        }
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no method " + method + (types == null ? "" : types) + " in " + className());
    }
    return found;
  }

  /**
   * The members of this class that {@code target} reaches by name, transitively, with the static
   * initialiser blocks that set one of them.
   */
  private Set<Tree> reach(Tree target, boolean instance) {
    Set<Tree> kept = new LinkedHashSet<>();
    Deque<Tree> work = new ArrayDeque<>();
    Set<String> keptNames = new LinkedHashSet<>();
    work.add(target);
    kept.add(target);
    while (!work.isEmpty()) {
      for (String name : namesUsed(work.pop())) {
        for (Tree m : owner.getMembers()) {
          if (!kept.contains(m) && name.equals(memberName(m))
              && (isStatic(m) || instance && m instanceof MethodTree)) {
            kept.add(m);
            work.add(m);
            helpers.add(name);
            keptNames.add(name);
          }
        }
      }
      if (work.isEmpty()) {
        // static initialiser blocks that set a kept field come along
        for (Tree m : owner.getMembers()) {
          if (m instanceof BlockTree b && !kept.contains(m)
              && namesUsed(b).stream().anyMatch(keptNames::contains)) {
            kept.add(m);
            work.add(m);
            helpers.add("static {} block");
          }
        }
      }
    }
    return kept;
  }

  /** Static methods and fields, and nested classes; instance members cannot serve a static method. */
  private static boolean isStatic(Tree m) {
    if (m instanceof MethodTree mt) {
      return mt.getModifiers().getFlags().contains(Modifier.STATIC);
    }
    if (m instanceof VariableTree v) {
      return v.getModifiers().getFlags().contains(Modifier.STATIC);
    }
    return m instanceof ClassTree;
  }

  private static String memberName(Tree m) {
    if (m instanceof MethodTree mt) {
      return mt.getName().toString();
    }
    if (m instanceof VariableTree v) {
      return v.getName().toString();
    }
    if (m instanceof ClassTree c) {
      return c.getSimpleName().toString();
    }
    return null;
  }

  /** Simple names a tree mentions: identifiers, and members selected from this class by name. */
  private Set<String> namesUsed(Tree t) {
    return names(t, className());
  }

  /** Identifiers in {@code t}, and members selected from class {@code self} (from any, if null). */
  private static Set<String> names(Tree t, String self) {
    Set<String> names = new LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void p) {
        if (self == null || node.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(self)) {
          names.add(node.getIdentifier().toString());
        }
        return super.visitMemberSelect(node, p);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void p) {
        // LegendreEllipticIntegral::bigK
        if (self == null || node.getQualifierExpression() instanceof IdentifierTree id && id.getName().contentEquals(self)) {
          names.add(node.getName().toString());
        }
        return super.visitMemberReference(node, p);
      }
    }.scan(t, null);
    return names;
  }

}
