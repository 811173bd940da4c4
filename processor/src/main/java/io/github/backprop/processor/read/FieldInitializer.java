package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
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
import com.sun.source.util.Trees;
import io.github.backprop.processor.ir.FieldCopy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * One field's initializer, as written, into parts of a {@link io.github.backprop.processor.ir.FieldCopy}:
 * names resolved as javac resolves them in the field's class, then qualified so that they resolve
 * from the generated class; private fields it reads are copied through {@link FieldCopies}.
 */
final class FieldInitializer {
  private final FieldCopies copies;
  private final Trees trees;
  private final Elements elements;
  private final VariableElement field;
  private final CompilationUnitTree unit;
  private final Resolver resolver;
  private final CharSequence text;
  final List<Object> out = new ArrayList<>();
  final List<FieldCopy> needs = new ArrayList<>();

  /** The locals of a {@code static {}} block the expression may read, by name. */
  private final Map<String, VariableTree> locals;

  FieldInitializer(
      FieldCopies copies,
      Trees trees,
      Elements elements,
      VariableElement field,
      CompilationUnitTree unit,
      Map<String, VariableTree> locals)
      throws FieldCopies.Refused {
    this.locals = locals;
    this.copies = copies;
    this.trees = trees;
    this.elements = elements;
    this.field = field;
    this.unit = unit;
    this.resolver = new Resolver(elements, (TypeElement) field.getEnclosingElement(), unit);
    try {
      this.text = unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      throw new FieldCopies.Refused("the source of '" + field.getSimpleName() + "' cannot be read");
    }
  }

  private FieldCopies.Refused refused(String what) {
    return new FieldCopies.Refused("the initializer of '" + field.getSimpleName() + "' " + what);
  }

  void print(ExpressionTree t) throws FieldCopies.Refused {
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
      String kind = t.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      throw refused("uses '" + t + "' (" + kind + "), which backprop does not copy");
    }
  }

  private void newArray(NewArrayTree n) throws FieldCopies.Refused {
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

  private void newObject(NewClassTree n) throws FieldCopies.Refused {
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
      boolean arity = c.isVarArgs() || c.getParameters().size() == n.getArguments().size();
      reachable |= arity && copies.visible(c);
    }
    if (!reachable) {
      throw refused("calls a constructor of " + type.getSimpleName() + " that is private");
    }
    out.add("new ");
    type(n.getIdentifier());
    arguments(n.getArguments());
  }

  private void call(MethodInvocationTree m) throws FieldCopies.Refused {
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

  private void requireCallable(List<ExecutableElement> found, String name) throws FieldCopies.Refused {
    for (ExecutableElement e : found) {
      if (!copies.visible(e)) {
        throw refused(
            "calls '" + name + "', a method of " + e.getEnclosingElement().getSimpleName()
                + " the generated class cannot call");
      }
    }
  }

  private void arguments(List<? extends ExpressionTree> args) throws FieldCopies.Refused {
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

  private void identifier(IdentifierTree id) throws FieldCopies.Refused {
    String name = id.getName().toString();
    VariableTree local = locals.get(name);
    if (local != null) {
      // The local's initializer in its place, converted to the local's type as its declaration
      // did. The block is not attributed yet: the initializer's type is worked out here.
      TypeKind declared = ((PrimitiveTypeTree) local.getType()).getPrimitiveTypeKind();
      TypeKind assigned = kind(local.getInitializer());
      if (assigned == null) {
        throw refused("reads the local '" + name + "' of a static {} block, whose initializer's type backprop cannot tell");
      }
      boolean convert = declared != assigned;
      out.add("(");
      if (convert) {
        out.add("(");
        type(local.getType());
        out.add(") (");
      }
      print(local.getInitializer());
      out.add(convert ? "))" : ")");
      return;
    }
    for (TypeElement scope : resolver.staticScopes(name)) {
      VariableElement f = Resolver.field(scope, name);
      if (f != null) {
        fieldRef(f);
        return;
      }
    }
    throw refused("reads '" + name + "', which backprop cannot find");
  }

  /**
   * The primitive type of an expression of a static block, or null where it is not plain: literals,
   * the block's locals, static fields, operators with Java's promotions, and calls whose overloads
   * all return one type.
   */
  private TypeKind kind(ExpressionTree t) {
    if (t instanceof LiteralTree l) {
      return switch (l.getKind()) {
        case INT_LITERAL -> TypeKind.INT;
        case LONG_LITERAL -> TypeKind.LONG;
        case FLOAT_LITERAL -> TypeKind.FLOAT;
        case DOUBLE_LITERAL -> TypeKind.DOUBLE;
        case BOOLEAN_LITERAL -> TypeKind.BOOLEAN;
        default -> null;
      };
    }
    if (t instanceof ParenthesizedTree p) {
      return kind(p.getExpression());
    }
    if (t instanceof TypeCastTree c) {
      return c.getType() instanceof PrimitiveTypeTree p ? p.getPrimitiveTypeKind() : null;
    }
    if (t instanceof UnaryTree u) {
      TypeKind k = kind(u.getExpression());
      return k == TypeKind.BOOLEAN ? k : promoted(k, TypeKind.INT);
    }
    if (t instanceof ConditionalExpressionTree c) {
      TypeKind a = kind(c.getTrueExpression());
      TypeKind b = kind(c.getFalseExpression());
      return a == b ? a : a == TypeKind.BOOLEAN || b == TypeKind.BOOLEAN ? null : promoted(a, b);
    }
    if (t instanceof BinaryTree b) {
      String op = binary(b.getKind());
      if (op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("==")
          || op.equals("!=") || op.equals("&&") || op.equals("||")) {
        return TypeKind.BOOLEAN;
      }
      TypeKind l = kind(b.getLeftOperand());
      if (op.startsWith("<<") || op.startsWith(">>")) {
        return promoted(l, TypeKind.INT);
      }
      TypeKind r = kind(b.getRightOperand());
      return l == TypeKind.BOOLEAN && r == TypeKind.BOOLEAN ? l : promoted(l, r);
    }
    if (t instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (locals.containsKey(name)) {
        return locals.get(name).getType() instanceof PrimitiveTypeTree p ? p.getPrimitiveTypeKind() : null;
      }
      for (TypeElement scope : resolver.staticScopes(name)) {
        VariableElement f = Resolver.field(scope, name);
        if (f != null) {
          return f.asType().getKind().isPrimitive() ? f.asType().getKind() : null;
        }
      }
      return null;
    }
    if (t instanceof MemberSelectTree s && !isValue(s.getExpression())) {
      TypeElement type = resolver.type(s.getExpression());
      VariableElement f = type == null ? null : Resolver.field(type, s.getIdentifier().toString());
      return f != null && f.asType().getKind().isPrimitive() ? f.asType().getKind() : null;
    }
    if (t instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree s && !isValue(s.getExpression())) {
      TypeElement type = resolver.type(s.getExpression());
      java.util.Set<TypeKind> results = new java.util.HashSet<>();
      if (type != null) {
        resolver.methods(type, s.getIdentifier().toString()).forEach(e -> results.add(e.getReturnType().getKind()));
      }
      return results.size() == 1 && results.iterator().next().isPrimitive() ? results.iterator().next() : null;
    }
    return null;
  }

  /** Binary numeric promotion, or null where an operand is not numeric. */
  private static TypeKind promoted(TypeKind a, TypeKind b) {
    if (a == null || b == null || a == TypeKind.BOOLEAN || b == TypeKind.BOOLEAN) {
      return null;
    }
    for (TypeKind k : List.of(TypeKind.DOUBLE, TypeKind.FLOAT, TypeKind.LONG)) {
      if (a == k || b == k) {
        return k;
      }
    }
    return TypeKind.INT;
  }

  private void select(MemberSelectTree s) throws FieldCopies.Refused {
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

  private void fieldRef(VariableElement f) throws FieldCopies.Refused {
    String name = f.getSimpleName().toString();
    if (!Resolver.isStatic(f)) {
      throw refused("reads the instance field '" + name + "'");
    }
    Object value = f.getConstantValue();
    if (value != null && !copies.visible(f)) {
      String literal = elements.getConstantExpression(value);
      out.add(literal.startsWith("-") ? "(" + literal + ")" : literal);
      return;
    }
    if (f.getEnclosingElement().equals(field.getEnclosingElement()) && declaredAfter(f)) {
      throw refused("reads '" + name + "' before it is initialised");
    }
    if (!copies.visible(f)) {
      if (!copies.applies(f)) {
        throw refused("reads '" + name + "', which the generated class cannot see");
      }
      FieldCopy dep;
      try {
        dep = copies.copyOf(f);
      } catch (FieldCopies.Refused r) {
        throw refused("reads '" + name + "', and " + r.getMessage());
      }
      needs.add(dep);
      out.add(copies.grad());
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

  /** Whether {@code f}, of the same class, gets its value later: the original then reads its default. */
  private boolean declaredAfter(VariableElement f) {
    Tree mine = StaticBlocks.initialisedAt(trees, elements, field);
    Tree theirs = StaticBlocks.initialisedAt(trees, elements, f);
    return mine != null && theirs != null
        && trees.getSourcePositions().getStartPosition(unit, theirs)
            > trees.getSourcePositions().getStartPosition(unit, mine);
  }

  private void type(Tree t) throws FieldCopies.Refused {
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

  private void visibleClass(TypeElement type) throws FieldCopies.Refused {
    if (!copies.visible(type)) {
      throw refused("names " + type.getSimpleName() + ", a class the generated class cannot see");
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
  static String unary(Tree.Kind k) {
    return switch (k) {
      case UNARY_MINUS -> "-";
      case UNARY_PLUS -> "+";
      case BITWISE_COMPLEMENT -> "~";
      case LOGICAL_COMPLEMENT -> "!";
      default -> null;
    };
  }
}
