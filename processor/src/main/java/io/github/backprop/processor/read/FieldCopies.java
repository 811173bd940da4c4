package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.github.backprop.processor.GeneratedNames;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.Owner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Private static final fields of the user's top-level class, copied into the generated class:
 * a separate class of the package, it cannot read them. The copy is declared with the same type
 * and initialised from the same expression, as written, when the generated class initialises;
 * names in it are qualified so that they resolve from there, and the private fields it reads are
 * copied too. One instance serves every method of one generated class, so each field is copied
 * once.
 *
 * <p>Where a copy could differ from the original, the field is not copied and the use is an
 * error: a value set in a {@code static {}} block, a field that is not final, an initializer that
 * reaches what the generated class cannot (a private method or class) or that changes state, and
 * an array or object the class's own code may change after initialisation.
 */
public final class FieldCopies {
  private final Trees trees;
  private final Elements elements;
  private final ErrorReporter reporter;
  private final TypeElement source;
  private final Owner grad;
  private final PackageElement pkg;
  private final Map<VariableElement, FieldCopy> copies = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  /** The fields being copied, to refuse an initializer that reads itself. */
  private final Set<VariableElement> inProgress = new HashSet<>();

  /** @param source the class whose generated class receives the copies */
  public FieldCopies(Trees trees, Elements elements, ErrorReporter reporter, TypeElement source) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.source = source;
    this.grad = GeneratedNames.gradClass(Resolver.owner(source));
    this.pkg = Resolver.packageOf(source);
  }

  /** Why a field cannot be copied exactly. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Whether {@code field} is one the generated class may copy: static, of the same top-level class. */
  boolean applies(VariableElement field) {
    return Resolver.isStatic(field) && outermost(field).equals(outermost(source));
  }

  /**
   * The copy of {@code field}, which the generated class cannot read because {@code hidden} (e.g.
   * "field 'A' is private"), or an error at {@code use} saying why it cannot be copied.
   */
  FieldCopy copy(VariableElement field, String hidden, Tree use, CompilationUnitTree unit) {
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

  private FieldCopy copyOf(VariableElement field) throws Refused {
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
      if (tree.getInitializer() == null) {
        throw new Refused(
            "'" + name + "' gets its value in a static {} block, which the generated class cannot"
                + " run");
      }
      visibleType(field.asType(), name);
      if (field.asType().getKind() == TypeKind.ARRAY || field.asType().getKind() == TypeKind.DECLARED) {
        new Uses(field, unit).check();
      }
      Printer printer = new Printer(field, unit);
      printer.print(tree.getInitializer());
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
  private boolean visible(Element e) {
    for (Element x = e; x instanceof TypeElement || x == e; x = x.getEnclosingElement()) {
      Set<Modifier> mods = x.getModifiers();
      if (!mods.contains(Modifier.PUBLIC) && (mods.contains(Modifier.PRIVATE) || !Resolver.packageOf(x).equals(pkg))) {
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

  private static Element outermost(Element e) {
    while (!(e.getEnclosingElement() instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  private static String line(CompilationUnitTree unit, Trees trees, Tree t) {
    long pos = trees.getSourcePositions().getStartPosition(unit, t);
    return "line " + unit.getLineMap().getLineNumber(pos);
  }

  // ---- the initializer, as written and qualified ----

  /** Prints one field's initializer into parts, resolving names as javac does in its class. */
  private final class Printer {
    private final VariableElement field;
    private final CompilationUnitTree unit;
    private final Resolver resolver;
    private final CharSequence text;
    final List<Object> out = new ArrayList<>();
    final List<FieldCopy> needs = new ArrayList<>();

    Printer(VariableElement field, CompilationUnitTree unit) throws Refused {
      this.field = field;
      this.unit = unit;
      this.resolver = new Resolver(elements, (TypeElement) field.getEnclosingElement(), unit);
      try {
        this.text = unit.getSourceFile().getCharContent(true);
      } catch (IOException e) {
        throw new Refused("the source of '" + field.getSimpleName() + "' cannot be read");
      }
    }

    private Refused refused(String what) {
      return new Refused("the initializer of '" + field.getSimpleName() + "' " + what);
    }

    void print(ExpressionTree t) throws Refused {
      if (t instanceof LiteralTree) {
        long start = trees.getSourcePositions().getStartPosition(unit, t);
        long end = trees.getSourcePositions().getEndPosition(unit, t);
        out.add(text.subSequence((int) start, (int) end).toString()); // as written: 0.1e-3 stays so
      } else if (t instanceof ParenthesizedTree p) {
        out.add("(");
        print(p.getExpression());
        out.add(")");
      } else if (t instanceof BinaryTree b) {
        print(b.getLeftOperand());
        out.add(" " + binary(b.getKind()) + " ");
        print(b.getRightOperand());
      } else if (t instanceof UnaryTree u) {
        String op = unary(u.getKind());
        if (op == null) {
          throw refused("changes a variable ('" + u + "'), which a copy would change a second time");
        }
        out.add(op);
        boolean wrap = u.getExpression() instanceof UnaryTree; // - -x, never --x
        out.add(wrap ? "(" : "");
        print(u.getExpression());
        out.add(wrap ? ")" : "");
      } else if (t instanceof ConditionalExpressionTree c) {
        print(c.getCondition());
        out.add(" ? ");
        print(c.getTrueExpression());
        out.add(" : ");
        print(c.getFalseExpression());
      } else if (t instanceof TypeCastTree c) {
        out.add("(");
        type(c.getType());
        out.add(") ");
        print(c.getExpression());
      } else if (t instanceof ArrayAccessTree a) {
        print(a.getExpression());
        out.add("[");
        print(a.getIndex());
        out.add("]");
      } else if (t instanceof NewArrayTree n) {
        newArray(n);
      } else if (t instanceof NewClassTree n) {
        newObject(n);
      } else if (t instanceof MethodInvocationTree m) {
        call(m);
      } else if (t instanceof IdentifierTree id) {
        identifier(id);
      } else if (t instanceof MemberSelectTree s) {
        select(s);
      } else if (t instanceof AssignmentTree || t instanceof CompoundAssignmentTree) {
        throw refused("assigns '" + t + "', which a copy would do a second time");
      } else {
        throw refused("uses '" + t + "' (" + t.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "), which backprop does not copy");
      }
    }

    private void newArray(NewArrayTree n) throws Refused {
      if (n.getType() != null) {
        Tree base = n.getType();
        int brackets = 0;
        while (base instanceof ArrayTypeTree a) {
          base = a.getType();
          brackets++;
        }
        out.add("new ");
        type(base);
        for (ExpressionTree d : n.getDimensions()) {
          out.add("[");
          print(d);
          out.add("]");
        }
        out.add("[]".repeat(brackets) + (n.getInitializers() != null ? "[] " : ""));
      }
      if (n.getInitializers() == null) {
        return;
      }
      List<? extends ExpressionTree> elems = n.getInitializers();
      boolean table = elems.size() > 4 || elems.stream().anyMatch(e -> e instanceof NewArrayTree);
      out.add("{");
      if (table && !elems.isEmpty()) {
        out.add(FieldCopy.Layout.INDENT);
      }
      for (int i = 0; i < elems.size(); i++) {
        print(elems.get(i));
        if (i < elems.size() - 1) {
          out.add(",");
          out.add(table ? FieldCopy.Layout.LINE : " ");
        }
      }
      if (table && !elems.isEmpty()) {
        out.add(FieldCopy.Layout.DEDENT);
      }
      out.add("}");
    }

    private void newObject(NewClassTree n) throws Refused {
      if (n.getClassBody() != null || n.getEnclosingExpression() != null) {
        throw refused("creates an anonymous or inner class object, which backprop does not copy");
      }
      Tree typeTree = n.getIdentifier() instanceof ParameterizedTypeTree p ? p.getType() : n.getIdentifier();
      TypeElement type = resolver.type((ExpressionTree) typeTree);
      if (type == null) {
        throw refused("creates a '" + typeTree + "', a class backprop cannot find");
      }
      boolean reachable = false;
      for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
        reachable |= visible(c) && (c.isVarArgs() || c.getParameters().size() == n.getArguments().size());
      }
      if (!reachable) {
        throw refused("calls a constructor of " + type.getSimpleName() + " that is private");
      }
      out.add("new ");
      type(n.getIdentifier());
      arguments(n.getArguments());
    }

    private void call(MethodInvocationTree m) throws Refused {
      ExpressionTree select = m.getMethodSelect();
      String name;
      if (select instanceof IdentifierTree id) {
        name = id.getName().toString();
        TypeElement declaring = null;
        for (TypeElement scope : resolver.staticScopes(name)) {
          List<ExecutableElement> found = resolver.methods(scope, name);
          if (!found.isEmpty()) {
            declaring = (TypeElement) found.get(0).getEnclosingElement();
            requireCallable(found, name);
            break;
          }
        }
        if (declaring == null) {
          throw refused("calls '" + name + "', a method backprop cannot find");
        }
        out.add(Resolver.owner(declaring));
        out.add(".");
      } else if (select instanceof MemberSelectTree s) {
        name = s.getIdentifier().toString();
        TypeElement type = isValue(s.getExpression()) ? null : resolver.type(s.getExpression());
        if (type != null) {
          List<ExecutableElement> found = resolver.methods(type, name);
          if (found.isEmpty()) {
            throw refused("calls '" + s + "', a method backprop cannot find");
          }
          requireCallable(found, name);
          visibleClass(type);
          out.add(Resolver.owner(type));
        } else {
          print(s.getExpression());
        }
        out.add(".");
      } else {
        throw refused("calls '" + select + "', which backprop does not copy");
      }
      if (!m.getTypeArguments().isEmpty()) {
        out.add("<");
        for (int i = 0; i < m.getTypeArguments().size(); i++) {
          out.add(i == 0 ? "" : ", ");
          type(m.getTypeArguments().get(i));
        }
        out.add(">");
      }
      out.add(name);
      arguments(m.getArguments());
    }

    private void requireCallable(List<ExecutableElement> found, String name) throws Refused {
      for (ExecutableElement e : found) {
        if (!visible(e)) {
          throw refused(
              "calls '" + name + "', a method of " + e.getEnclosingElement().getSimpleName()
                  + " the generated class cannot call");
        }
      }
    }

    private void arguments(List<? extends ExpressionTree> args) throws Refused {
      out.add("(");
      for (int i = 0; i < args.size(); i++) {
        out.add(i == 0 ? "" : ", ");
        print(args.get(i));
      }
      out.add(")");
    }

    /** Whether a qualifier names a field (a value) rather than a class. */
    private boolean isValue(ExpressionTree q) {
      if (q instanceof IdentifierTree id) {
        String n = id.getName().toString();
        for (TypeElement scope : resolver.staticScopes(n)) {
          if (Resolver.field(scope, n) != null) {
            return true;
          }
        }
        return false;
      }
      if (q instanceof MemberSelectTree s) {
        if (isValue(s.getExpression())) {
          return true;
        }
        TypeElement outer = resolver.type(s.getExpression());
        return outer != null && Resolver.field(outer, s.getIdentifier().toString()) != null;
      }
      return true; // a call, a literal, a parenthesised expression
    }

    private void identifier(IdentifierTree id) throws Refused {
      String name = id.getName().toString();
      for (TypeElement scope : resolver.staticScopes(name)) {
        VariableElement f = Resolver.field(scope, name);
        if (f != null) {
          fieldRef(f);
          return;
        }
      }
      throw refused("reads '" + name + "', which backprop cannot find");
    }

    private void select(MemberSelectTree s) throws Refused {
      String name = s.getIdentifier().toString();
      if (name.equals("class")) {
        type(s.getExpression());
        out.add(".class");
        return;
      }
      TypeElement type = isValue(s.getExpression()) ? null : resolver.type(s.getExpression());
      if (type == null) {
        print(s.getExpression()); // TABLE.length, or a field of an object
        out.add("." + name);
        return;
      }
      VariableElement f = Resolver.field(type, name);
      if (f == null) {
        throw refused("reads '" + s + "', which backprop cannot find");
      }
      fieldRef(f);
    }

    private void fieldRef(VariableElement f) throws Refused {
      String name = f.getSimpleName().toString();
      if (!Resolver.isStatic(f)) {
        throw refused("reads the instance field '" + name + "'");
      }
      Object value = f.getConstantValue();
      if (value != null && !visible(f)) {
        String literal = elements.getConstantExpression(value);
        out.add(literal.startsWith("-") ? "(" + literal + ")" : literal);
        return;
      }
      if (f.getEnclosingElement().equals(field.getEnclosingElement()) && declaredAfter(f)) {
        throw refused("reads '" + name + "' before it is initialised");
      }
      if (!visible(f)) {
        if (!applies(f)) {
          throw refused("reads '" + name + "', which the generated class cannot see");
        }
        FieldCopy dep;
        try {
          dep = copyOf(f);
        } catch (Refused r) {
          throw refused("reads '" + name + "', and " + r.getMessage());
        }
        needs.add(dep);
        out.add(grad);
        out.add("." + dep.name());
        return;
      }
      if (!f.getModifiers().contains(Modifier.FINAL)) {
        throw refused(
            "reads '" + name + "', which is not final: the copy, made later, could see another"
                + " value");
      }
      out.add(Resolver.owner((TypeElement) f.getEnclosingElement()));
      out.add("." + name);
    }

    /** Whether {@code f}, of the same class, comes later: the original then reads its default. */
    private boolean declaredAfter(VariableElement f) {
      Tree mine = trees.getTree(field);
      Tree theirs = trees.getTree(f);
      return mine != null && theirs != null
          && trees.getSourcePositions().getStartPosition(unit, theirs)
              > trees.getSourcePositions().getStartPosition(unit, mine);
    }

    private void type(Tree t) throws Refused {
      if (t instanceof PrimitiveTypeTree p) {
        out.add(p.getPrimitiveTypeKind().toString().toLowerCase(java.util.Locale.ROOT));
      } else if (t instanceof ArrayTypeTree a) {
        type(a.getType());
        out.add("[]");
      } else if (t instanceof ParameterizedTypeTree p) {
        type(p.getType());
        out.add("<");
        for (int i = 0; i < p.getTypeArguments().size(); i++) {
          out.add(i == 0 ? "" : ", ");
          type(p.getTypeArguments().get(i));
        }
        out.add(">");
      } else if (t instanceof WildcardTree w && w.getBound() == null) {
        out.add("?");
      } else if (t instanceof IdentifierTree || t instanceof MemberSelectTree) {
        TypeElement type = resolver.type((ExpressionTree) t);
        if (type == null) {
          throw refused("names '" + t + "', a class backprop cannot find");
        }
        visibleClass(type);
        out.add(Resolver.owner(type));
      } else {
        throw refused("names the type '" + t + "', which backprop does not copy");
      }
    }

    private void visibleClass(TypeElement type) throws Refused {
      if (!visible(type)) {
        throw refused("names " + type.getSimpleName() + ", a class the generated class cannot see");
      }
    }
  }

  private static String binary(Tree.Kind k) {
    return switch (k) {
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case REMAINDER -> "%";
      case PLUS -> "+";
      case MINUS -> "-";
      case LEFT_SHIFT -> "<<";
      case RIGHT_SHIFT -> ">>";
      case UNSIGNED_RIGHT_SHIFT -> ">>>";
      case LESS_THAN -> "<";
      case GREATER_THAN -> ">";
      case LESS_THAN_EQUAL -> "<=";
      case GREATER_THAN_EQUAL -> ">=";
      case EQUAL_TO -> "==";
      case NOT_EQUAL_TO -> "!=";
      case AND -> "&";
      case XOR -> "^";
      case OR -> "|";
      case CONDITIONAL_AND -> "&&";
      case CONDITIONAL_OR -> "||";
      default -> throw new IllegalArgumentException(k.toString());
    };
  }

  /** The prefix operator, or null for one that changes a variable. */
  private static String unary(Tree.Kind k) {
    return switch (k) {
      case UNARY_MINUS -> "-";
      case UNARY_PLUS -> "+";
      case BITWISE_COMPLEMENT -> "~";
      case LOGICAL_COMPLEMENT -> "!";
      default -> null;
    };
  }

  // ---- what the class's own code does with an array or object ----

  /**
   * Scans the whole file for the field's name (conservatively: a local of the same name counts
   * too). A copy is exact only if nothing changes the original after initialisation: a {@code
   * static {}} block that uses it may, and so may code that writes an array's elements or passes
   * the array (or a row) on. Reads in {@code @Differentiable} methods are backprop's own to check.
   */
  private final class Uses {
    private final VariableElement field;
    private final CompilationUnitTree unit;
    private final String name;
    private final int dims;

    Uses(VariableElement field, CompilationUnitTree unit) {
      this.field = field;
      this.unit = unit;
      this.name = field.getSimpleName().toString();
      int d = 0;
      for (TypeMirror t = field.asType(); t instanceof ArrayType a; t = a.getComponentType()) {
        d++;
      }
      this.dims = d;
    }

    void check() throws Refused {
      Tree top = trees.getTree(outermost(field));
      TreePath topPath = trees.getPath(outermost(field));
      if (top == null || topPath == null) {
        return;
      }
      Refused[] found = {null};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree t, Void v) {
          if (found[0] == null && t.getName().contentEquals(name)) {
            found[0] = judge(getCurrentPath());
          }
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree t, Void v) {
          if (found[0] == null && t.getIdentifier().contentEquals(name)) {
            found[0] = judge(getCurrentPath());
          }
          return super.visitMemberSelect(t, v);
        }
      }.scan(topPath, null);
      if (found[0] != null) {
        throw found[0];
      }
    }

    /** Why the use at {@code path} could change the original, or null. */
    private Refused judge(TreePath path) {
      boolean differentiable = false;
      boolean inMethod = false;
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof BlockTree b && b.isStatic() && p.getParentPath().getLeaf() instanceof ClassTree) {
          return new Refused(
              "the static {} block at " + line(unit, trees, b) + " uses '" + name + "', and a copy"
                  + " would not see what it does");
        }
        if (p.getLeaf() instanceof MethodTree m && !inMethod) {
          inMethod = true;
          differentiable =
              m.getModifiers().getAnnotations().stream()
                  .anyMatch(a -> a.getAnnotationType().toString().endsWith("Differentiable"));
        }
      }
      if (dims == 0 || differentiable) {
        return null; // an object's methods are backprop's to call; a table's reads its own
      }
      // Climb the element accesses: TABLE[i][j] is two levels deep.
      TreePath p = path;
      int levels = 0;
      while (p.getParentPath() != null) {
        Tree parent = p.getParentPath().getLeaf();
        if (parent instanceof ParenthesizedTree
            || (parent instanceof ArrayAccessTree a && a.getExpression() == p.getLeaf())) {
          levels += parent instanceof ArrayAccessTree ? 1 : 0;
          p = p.getParentPath();
        } else {
          break;
        }
      }
      Tree leaf = p.getLeaf();
      Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
      boolean written =
          (parent instanceof AssignmentTree a && a.getVariable() == leaf)
              || (parent instanceof CompoundAssignmentTree c && c.getVariable() == leaf)
              || (parent instanceof UnaryTree u && unary(u.getKind()) == null);
      boolean read =
          !written
              && (levels >= dims
                  || (parent instanceof MemberSelectTree s && s.getIdentifier().contentEquals("length"))
                  || (parent instanceof EnhancedForLoopTree f && f.getExpression() == leaf && levels == dims - 1));
      if (read) {
        return null;
      }
      return new Refused(
          "'" + leaf + "' at " + line(unit, trees, leaf) + (written ? " writes into '" : " passes on '")
              + name + "', and a copy would not see what changes the original");
    }
  }
}
