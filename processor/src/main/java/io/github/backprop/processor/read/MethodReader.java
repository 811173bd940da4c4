package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import io.github.backprop.processor.GeneratedNames;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.MathRules;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Differentiable} method from javac's trees into a {@link MethodModel}: names
 * resolved, every expression typed. Problems are reported through the {@link ErrorReporter} and
 * abandon the method.
 */
public final class MethodReader {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  private final Trees trees;
  private final Elements elements;
  private final ErrorReporter reporter;

  public MethodReader(Trees trees, Elements elements, ErrorReporter reporter) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
  }

  public MethodModel read(ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
    return new Session(method, unit).read(tree);
  }

  /** The result record name of every {@code @Differentiable} method of a class. */
  public static Map<ExecutableElement, String> recordNames(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (isDifferentiable(m)) {
        methods.add(m);
      }
    }
    return GeneratedNames.records(
        methods,
        m -> new GeneratedNames.Signature(m.getSimpleName().toString(), Resolver.paramTypes(m)),
        GeneratedNames.gradClass(Resolver.owner(type)).simpleNames());
  }

  /** The model's name for a class. */
  public static Owner owner(TypeElement type) {
    return Resolver.owner(type);
  }

  /** Whether a method carries {@code @Differentiable}. */
  public static boolean isDifferentiable(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().toString().equals(ANNOTATION));
  }

  /** The state of reading one method. */
  private final class Session {
    private final ExecutableElement method;
    private final CompilationUnitTree unit;
    private final TypeElement owner;
    private final Resolver resolver;
    private final Deque<Map<String, Var>> scopes = new ArrayDeque<>();
    private final Map<Object, String> sources = new IdentityHashMap<>();
    private final Map<Object, Tree> positions = new IdentityHashMap<>();
    private final SourcePositions sourcePositions = trees.getSourcePositions();
    private CharSequence text;

    Session(ExecutableElement method, CompilationUnitTree unit) {
      this.method = method;
      this.unit = unit;
      this.owner = (TypeElement) method.getEnclosingElement();
      this.resolver = new Resolver(elements, owner, unit);
    }

    MethodModel read(MethodTree tree) {
      scopes.push(new HashMap<>());
      List<Var> params = new ArrayList<>();
      for (VariableTree p : tree.getParameters()) {
        Type type = declaredType(p.getType());
        params.add(declare(p.getName().toString(), type, Var.Kind.PARAM));
      }
      Stmt.Block body = block(tree.getBody().getStatements());
      return new MethodModel(
          method, Resolver.owner(owner), params, body, sources, positions, unit);
    }

    private Var declare(String name, Type type, Var.Kind kind) {
      Var v = new Var(name, type, kind);
      scopes.peek().put(name, v);
      return v;
    }

    private Var lookup(String name) {
      for (Map<String, Var> scope : scopes) {
        Var v = scope.get(name);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    private Type declaredType(Tree type) {
      if (type instanceof PrimitiveTypeTree p) {
        switch (p.getPrimitiveTypeKind()) {
          case DOUBLE:
            return Type.DOUBLE;
          case INT:
            return Type.INT;
          case LONG:
            return Type.LONG;
          case BOOLEAN:
            return Type.BOOLEAN;
          case FLOAT:
            throw reporter.abort(
                Tag.UNSUPPORTED, "float values are not supported: use double", type, unit);
          default:
            break;
        }
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a variable of type '" + type + "' is not supported: use double, int, long or boolean",
          type,
          unit);
    }

    // ---- statements ----

    private Stmt.Block block(List<? extends StatementTree> statements) {
      scopes.push(new HashMap<>());
      List<Stmt> out = new ArrayList<>();
      for (StatementTree s : statements) {
        Stmt stmt = statement(s);
        if (stmt != null) {
          out.add(stmt);
        }
      }
      scopes.pop();
      return new Stmt.Block(out);
    }

    private Stmt.Block asBlock(StatementTree s) {
      if (s == null) {
        return new Stmt.Block(List.of());
      }
      if (s instanceof BlockTree b) {
        return block(b.getStatements());
      }
      return block(List.of(s));
    }

    private Stmt statement(StatementTree s) {
      Stmt stmt = switchStatement(s);
      if (stmt != null) {
        remember(stmt, s);
      }
      return stmt;
    }

    private Stmt switchStatement(StatementTree s) {
      switch (s.getKind()) {
        case BLOCK:
          return block(((BlockTree) s).getStatements());
        case EMPTY_STATEMENT:
          return null;
        case VARIABLE:
          return variable((VariableTree) s);
        case EXPRESSION_STATEMENT:
          return expressionStatement((ExpressionStatementTree) s);
        case RETURN:
          {
            ExpressionTree value = ((ReturnTree) s).getExpression();
            if (value == null) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Return(expr(value));
          }
        case IF:
          {
            IfTree t = (IfTree) s;
            Expr condition = condition(t.getCondition());
            return new Stmt.If(condition, asBlock(t.getThenStatement()), asBlock(t.getElseStatement()));
          }
        default:
          throw unsupported(s);
      }
    }

    private Stmt variable(VariableTree v) {
      Expr init = v.getInitializer() == null ? null : expr(v.getInitializer());
      Type type;
      if (v.getType() == null || isVar(v.getType())) {
        if (init == null) {
          throw reporter.abortQuietly();
        }
        type = init.type();
      } else {
        type = declaredType(v.getType());
        if (init != null && !type.acceptsByWidening(init.type())) {
          throw reporter.abortQuietly();
        }
      }
      if (lookup(v.getName().toString()) != null) {
        throw reporter.abortQuietly();
      }
      return new Stmt.Declare(declare(v.getName().toString(), type, Var.Kind.LOCAL), init);
    }

    private boolean isVar(Tree type) {
      return type instanceof IdentifierTree id && id.getName().contentEquals("var");
    }

    private Stmt expressionStatement(ExpressionStatementTree s) {
      ExpressionTree e = s.getExpression();
      switch (e.getKind()) {
        case ASSIGNMENT:
          {
            AssignmentTree a = (AssignmentTree) e;
            Var target = target(a.getVariable());
            Expr value = expr(a.getExpression());
            if (!target.type().acceptsByWidening(value.type())) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Assign(target, null, value);
          }
        case PLUS_ASSIGNMENT:
        case MINUS_ASSIGNMENT:
        case MULTIPLY_ASSIGNMENT:
        case DIVIDE_ASSIGNMENT:
        case REMAINDER_ASSIGNMENT:
          {
            CompoundAssignmentTree a = (CompoundAssignmentTree) e;
            Var target = target(a.getVariable());
            Expr value = expr(a.getExpression());
            if (!target.type().isNumeric() || !value.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Assign(target, arithmetic(e.getKind()), value);
          }
        case PREFIX_INCREMENT:
        case POSTFIX_INCREMENT:
        case PREFIX_DECREMENT:
        case POSTFIX_DECREMENT:
          {
            Var target = target(((UnaryTree) e).getExpression());
            if (!target.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            boolean up = e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_INCREMENT;
            return new Stmt.Assign(target, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
          }
        default:
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an expression whose value is not used has no effect on the result: remove it, or"
                  + " assign its value to a variable",
              e,
              unit);
      }
    }

    /** The variable an assignment writes: a local or a parameter, never a field. */
    private Var target(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return target(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        Var v = lookup(id.getName().toString());
        if (v != null) {
          return v;
        }
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "writing to a field is not supported: a differentiable method must not change state"
              + " outside itself; use a local variable and return the result",
          t,
          unit);
    }

    // ---- expressions ----

    private Expr condition(ExpressionTree t) {
      Expr c = expr(t);
      if (!c.type().equals(Type.BOOLEAN)) {
        throw reporter.abortQuietly();
      }
      return c;
    }

    private Expr expr(ExpressionTree t) {
      Expr e = switchExpr(t);
      positions.put(e, t);
      return e;
    }

    private Expr switchExpr(ExpressionTree t) {
      switch (t.getKind()) {
        case PARENTHESIZED:
          return expr(((ParenthesizedTree) t).getExpression());
        case INT_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.INT);
        case LONG_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.LONG);
        case DOUBLE_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.DOUBLE);
        case BOOLEAN_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.BOOLEAN);
        case IDENTIFIER:
          return identifier((IdentifierTree) t);
        case MEMBER_SELECT:
          return memberSelect((MemberSelectTree) t);
        case METHOD_INVOCATION:
          return invocation((MethodInvocationTree) t);
        case UNARY_PLUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return operand;
          }
        case UNARY_MINUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return new Expr.Unary(Op.NEG, operand, Type.promote(operand.type(), Type.INT));
          }
        case LOGICAL_COMPLEMENT:
          return new Expr.Unary(Op.NOT, condition(((UnaryTree) t).getExpression()), Type.BOOLEAN);
        case TYPE_CAST:
          {
            TypeCastTree c = (TypeCastTree) t;
            Type to = declaredType(c.getType());
            Expr operand = expr(c.getExpression());
            if (to.isNumeric() != operand.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            return new Expr.Cast(to, operand);
          }
        case CONDITIONAL_EXPRESSION:
          {
            ConditionalExpressionTree c = (ConditionalExpressionTree) t;
            Expr cond = condition(c.getCondition());
            Expr a = expr(c.getTrueExpression());
            Expr b = expr(c.getFalseExpression());
            Type type;
            if (a.type().isNumeric() && b.type().isNumeric()) {
              type = Type.promote(a.type(), b.type());
            } else if (a.type().equals(b.type())) {
              type = a.type();
            } else {
              throw reporter.abortQuietly();
            }
            return new Expr.Conditional(cond, a, b, type);
          }
        default:
          if (t instanceof BinaryTree b) {
            return binary(b);
          }
          throw unsupported(t);
      }
    }

    private Expr binary(BinaryTree t) {
      Op op = binaryOp(t.getKind());
      if (op == null) {
        throw unsupported(t);
      }
      Expr l = expr(t.getLeftOperand());
      Expr r = expr(t.getRightOperand());
      if (op.isLogical()) {
        if (!l.type().equals(Type.BOOLEAN) || !r.type().equals(Type.BOOLEAN)) {
          throw reporter.abortQuietly();
        }
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      if ((op == Op.EQ || op == Op.NE) && l.type().equals(Type.BOOLEAN) && r.type().equals(Type.BOOLEAN)) {
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      requireNumeric(l);
      requireNumeric(r);
      return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : Type.promote(l.type(), r.type()));
    }

    private void requireNumeric(Expr e) {
      if (!e.type().isNumeric()) {
        throw reporter.abortQuietly();
      }
    }

    private Expr identifier(IdentifierTree t) {
      String name = t.getName().toString();
      Var v = lookup(name);
      if (v != null) {
        return new Expr.Ref(v);
      }
      for (TypeElement scope : resolver.staticScopes(name)) {
        VariableElement field = field(scope, name);
        if (field != null) {
          return constant(field, t);
        }
      }
      throw reporter.abortQuietly();
    }

    private Expr memberSelect(MemberSelectTree t) {
      if (t.getIdentifier().contentEquals("class")) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "class literals are not supported in a differentiable method: it works on primitive"
                + " values",
            t,
            unit);
      }
      TypeElement type = resolver.type(t.getExpression());
      if (type == null) {
        if (!namesAValue(t.getExpression())) {
          throw reporter.abortQuietly(); // javac reports the unknown name
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + t + "': only static final constants of a class, such as Math.PI, can be read here",
            t,
            unit);
      }
      VariableElement field = field(type, t.getIdentifier().toString());
      if (field == null) {
        throw reporter.abortQuietly();
      }
      return constant(field, t);
    }

    /** Whether a qualifier is a variable or field (an object), not an unknown name. */
    private boolean namesAValue(ExpressionTree qualifier) {
      if (qualifier instanceof IdentifierTree id) {
        String name = id.getName().toString();
        if (lookup(name) != null) {
          return true;
        }
        for (TypeElement scope : resolver.staticScopes(name)) {
          if (field(scope, name) != null) {
            return true;
          }
        }
        return false;
      }
      if (qualifier instanceof MemberSelectTree ms) {
        TypeElement owner = resolver.type(ms.getExpression());
        return owner != null ? field(owner, ms.getIdentifier().toString()) != null : namesAValue(ms.getExpression());
      }
      // A call, a literal, a parenthesised expression: a value either way.
      return true;
    }

    private VariableElement field(TypeElement type, String name) {
      return Resolver.field(type, name);
    }

    private Expr constant(VariableElement field, Tree t) {
      Type type = Resolver.typeOf(field.asType());
      String name = field.getSimpleName().toString();
      if (!Resolver.isStatic(field)) {
        throw reporter.abort(
            Tag.FIELD,
            "instance field '" + name + "' cannot be read from a static differentiable method: pass"
                + " it as a parameter",
            t,
            unit);
      }
      if (!field.getModifiers().contains(Modifier.FINAL)) {
        throw reporter.abort(
            Tag.FIELD,
            "field '" + name + "' is not final, so its value could change between the forward and"
                + " the reverse sweep: make it static final, or pass it as a parameter",
            t,
            unit);
      }
      if (type == null || type.isArray()) {
        throw reporter.abort(
            Tag.FIELD,
            "field '" + name + "' has type " + field.asType() + "; only double, int, long and"
                + " boolean constants can be read",
            t,
            unit);
      }
      Object value = field.getConstantValue();
      if (field.getModifiers().contains(Modifier.PRIVATE)) {
        // The generated class cannot see a private field; a compile-time constant is inlined.
        if (value == null) {
          throw reporter.abort(
              Tag.FIELD,
              "private field '" + name + "' is not a compile-time constant, so the generated class"
                  + " cannot read it: make it package-private",
              t,
              unit);
        }
        return new Expr.Literal(value, type);
      }
      return new Expr.Constant(Resolver.owner((TypeElement) field.getEnclosingElement()), name, type);
    }

    private Expr invocation(MethodInvocationTree t) {
      if (!t.getTypeArguments().isEmpty()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "explicit type arguments ('" + t.getMethodSelect() + "') are not supported: call a"
                + " static method that is not generic",
            t,
            unit);
      }
      List<Expr> args = new ArrayList<>();
      List<Type> argTypes = new ArrayList<>();
      for (ExpressionTree a : t.getArguments()) {
        Expr e = expr(a);
        args.add(e);
        argTypes.add(e.type());
      }
      ExpressionTree select = t.getMethodSelect();
      String name;
      List<TypeElement> scopes;
      if (select instanceof IdentifierTree id) {
        name = id.getName().toString();
        scopes = resolver.staticScopes(name);
      } else if (select instanceof MemberSelectTree ms) {
        name = ms.getIdentifier().toString();
        TypeElement type = resolver.type(ms.getExpression());
        if (type == null) {
          if (!namesAValue(ms.getExpression())) {
            throw reporter.abortQuietly(); // javac reports the unknown name
          }
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "calling a method on an object ('" + t + "') is not supported: call a static method",
              t,
              unit);
        }
        scopes = List.of(type);
      } else {
        throw unsupported(t);
      }
      for (TypeElement scope : scopes) {
        List<ExecutableElement> candidates = Resolver.methods(scope, name);
        if (candidates.isEmpty()) {
          continue;
        }
        ExecutableElement m = Resolver.choose(candidates, argTypes);
        if (m == null) {
          throw reporter.abort(
              Tag.NO_DERIVATIVE,
              "no '" + name + "' takes (" + describe(argTypes) + ") without boxing, varargs or"
                  + " a float conversion, which backprop cannot differentiate through: call, or"
                  + " write as @Differentiable, a static method whose parameters are double,"
                  + " int, long or boolean",
              t,
              unit);
        }
        return call(m, args, t);
      }
      throw reporter.abortQuietly();
    }

    private Expr call(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
      String name = m.getSimpleName().toString();
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      Owner owner = Resolver.owner(declaring);
      Type result = Resolver.typeOf(m.getReturnType());
      if (!Resolver.isStatic(m)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' is an instance method; a differentiable method can only call static"
                + " methods",
            t,
            unit);
      }
      if (result == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' returns " + m.getReturnType() + "; only calls returning double, int,"
                + " long or boolean are supported",
            t,
            unit);
      }
      if (MathRules.OWNERS.contains(declaring.getQualifiedName().toString())) {
        boolean takesDouble =
            m.getParameters().stream().anyMatch(p -> Resolver.typeOf(p.asType()) != null && Resolver.typeOf(p.asType()).isDifferentiable());
        if (takesDouble
            && MathRules.find(name, args.size()) == null
            && !MathRules.WITHOUT_DERIVATIVE.containsKey(name)) {
          throw reporter.abort(
              Tag.NO_DERIVATIVE,
              owner.simpleNames() + "." + name + " has no derivative rule in backprop; write the"
                  + " function as a @Differentiable method",
              t,
              unit);
        }
        Expr call = new Expr.Call(owner, name, args, result);
        positions.put(call, t);
        return call;
      }
      if (isDifferentiable(m)) {
        List<String> names = new ArrayList<>();
        m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
        List<Type> types = Resolver.paramTypes(m);
        Callee callee =
            new Callee(
                owner,
                GeneratedNames.gradClass(owner),
                name,
                types,
                GeneratedNames.accessors(names, types),
                recordNames(declaring).get(m),
                !m.getModifiers().contains(Modifier.PRIVATE));
        return new Expr.DiffCall(callee, args);
      }
      // A plain helper: allowed while no differentiable value flows into it (checked later).
      Expr call = new Expr.Call(owner, name, args, result);
      positions.put(call, t);
      return call;
    }

    private String describe(List<Type> types) {
      StringBuilder b = new StringBuilder();
      for (Type type : types) {
        b.append(b.length() == 0 ? "" : ", ").append(type == null ? "?" : type.toString());
      }
      return b.toString();
    }

    private AbortMethod unsupported(Tree t) {
      return reporter.abort(
          Tag.UNSUPPORTED, io.github.backprop.processor.check.Fence.messageFor(t.getKind().name()), t, unit);
    }

    private void remember(Stmt stmt, Tree tree) {
      positions.put(stmt, tree);
      sources.put(stmt, sourceText(tree));
    }

    private String sourceText(Tree tree) {
      try {
        if (text == null) {
          text = unit.getSourceFile().getCharContent(true);
        }
        long start = sourcePositions.getStartPosition(unit, tree);
        long end = sourcePositions.getEndPosition(unit, tree);
        if (start < 0 || end <= start) {
          return tree.toString();
        }
        Tree head = tree instanceof IfTree i ? i.getCondition() : tree;
        if (head != tree) {
          end = sourcePositions.getEndPosition(unit, head);
        }
        return text.subSequence((int) start, (int) end).toString().replaceAll("\\s+", " ").trim();
      } catch (IOException | RuntimeException e) {
        return tree.toString();
      }
    }
  }

  static Op binaryOp(Tree.Kind kind) {
    switch (kind) {
      case PLUS:
        return Op.ADD;
      case MINUS:
        return Op.SUB;
      case MULTIPLY:
        return Op.MUL;
      case DIVIDE:
        return Op.DIV;
      case REMAINDER:
        return Op.REM;
      case LESS_THAN:
        return Op.LT;
      case LESS_THAN_EQUAL:
        return Op.LE;
      case GREATER_THAN:
        return Op.GT;
      case GREATER_THAN_EQUAL:
        return Op.GE;
      case EQUAL_TO:
        return Op.EQ;
      case NOT_EQUAL_TO:
        return Op.NE;
      case CONDITIONAL_AND:
        return Op.AND;
      case CONDITIONAL_OR:
        return Op.OR;
      default:
        return null;
    }
  }

  private static Op arithmetic(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT:
        return Op.ADD;
      case MINUS_ASSIGNMENT:
        return Op.SUB;
      case MULTIPLY_ASSIGNMENT:
        return Op.MUL;
      case DIVIDE_ASSIGNMENT:
        return Op.DIV;
      default:
        return Op.REM;
    }
  }
}
