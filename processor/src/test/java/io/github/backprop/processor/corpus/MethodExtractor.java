package io.github.backprop.processor.corpus;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
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
  final List<String> changes = new ArrayList<>();
  final Set<String> helpers = new LinkedHashSet<>();
  /** Whether the extracted method returns {@code double[]} (checked through its Jacobian). */
  boolean returnsArray;

  MethodExtractor(Parsed parsed, String path) {
    this.parsed = parsed;
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
    // members reached by name, transitively
    Set<Tree> kept = new LinkedHashSet<>();
    Deque<Tree> work = new ArrayDeque<>();
    work.add(target);
    kept.add(target);
    Set<String> keptNames = new LinkedHashSet<>();
    while (!work.isEmpty()) {
      Tree t = work.pop();
      for (String name : namesUsed(t)) {
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
    // text of kept members in source order; declarators sharing a declaration are merged
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
    StringBuilder body = new StringBuilder();
    Set<String> used = new LinkedHashSet<>();
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
    for (Tree m : kept) {
      used.addAll(namesUsed(m));
    }
    StringBuilder out = new StringBuilder("package " + pkg + ";\n\n");
    for (ImportTree imp : parsed.unit.getImports()) {
      String q = imp.getQualifiedIdentifier().toString();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      if (simple.equals("*") || used.contains(simple)) {
        out.append(parsed.text(imp)).append('\n');
      }
    }
    if (parsed.unit.getPackageName() != null && packageExists(parsed.unit.getPackageName().toString())) {
      out.append("import ").append(parsed.unit.getPackageName()).append(".*;\n");
    }
    changes.add(0, "added @Differentiable");
    out.append("\n// ").append(String.join("; ", changes)).append("\n");
    out.append("final class ").append(className()).append(" {\n\n").append(body).append("}\n");
    return out.toString();
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
    Set<String> names = new LinkedHashSet<>();
    String self = className();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void p) {
        if (node.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(self)) {
          names.add(node.getIdentifier().toString());
        }
        return super.visitMemberSelect(node, p);
      }
    }.scan(t, null);
    return names;
  }
}
