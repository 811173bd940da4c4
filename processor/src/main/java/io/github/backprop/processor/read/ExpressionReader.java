package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.rules.MathRules;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads expressions: literals, names, constants, array elements, casts, {@code ?:} and the two
 * parts of a Hipparchus {@code SinCos}, each typed as javac would type it. Operators, calls, new
 * arrays, records and switches go to the parts that read them.
 */
final class ExpressionReader extends SessionPart {
  ExpressionReader(ReadSession session) {
    super(session);
  }

  Expr condition(ExpressionTree t) {
    Expr c = expr(t);
    if (!c.type().equals(Type.BOOLEAN)) {
      throw reporter.abortQuietly();
    }
    return c;
  }

  Expr expr(ExpressionTree t) {
    Expr e = value(t);
    if (records.aggregateOf(e) != null) {
      throw records.notARecordPlace(t, records.aggregateOf(e));
    }
    if (functions.of(e) != null) {
      throw functions.notAValue(t);
    }
    if (records.arrays().arrayOf(e) != null) {
      throw records.arrays().notHere(t, records.arrays().arrayOf(e));
    }
    if (Calls.isObject(e)) {
      throw calls.notHere(t);
    }
    return e;
  }

  /** An expression that may also be a String or an object: an argument, a message, a throw. */
  Expr value(ExpressionTree t) {
    Expr e = switchExpr(t);
    session.position(e, t);
    return e;
  }

  private Expr switchExpr(ExpressionTree t) {
    switch (t.getKind()) {
      case PARENTHESIZED:
        return value(((ParenthesizedTree) t).getExpression());
      case STRING_LITERAL:
      case NULL_LITERAL:
        return calls.literal((LiteralTree) t);
      case NEW_CLASS:
        {
          com.sun.source.tree.NewClassTree n = (com.sun.source.tree.NewClassTree) t;
          TypeElement created = resolver.type(GenericTypes.created(n)); // new HashMap<>(): HashMap
          if (n.getClassBody() != null) {
            return functions.anonymous(n, created);
          }
          if (Records.isRecord(created) || Records.isValueClass(created) || Records.isHolderClass(created)) {
            return records.aggregate(records.newRecord(n, created, null));
          }
          List<Expr> args = new ArrayList<>();
          n.getArguments().forEach(a -> args.add(value(a)));
          for (int i = 0; i < args.size(); i++) {
            if (records.aggregateOf(args.get(i)) != null) {
              throw records.notARecordPlace(n.getArguments().get(i), records.aggregateOf(args.get(i)));
            }
          }
          return GenericTypes.made(n, calls.newObject(n, created, args), resolver::type);
        }
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return functions.written(t);
      case INT_LITERAL:
        return new Expr.Literal(((LiteralTree) t).getValue(), Type.INT);
      case LONG_LITERAL:
        return new Expr.Literal(((LiteralTree) t).getValue(), Type.LONG);
      case DOUBLE_LITERAL:
        return new Expr.Literal(((LiteralTree) t).getValue(), Type.DOUBLE);
      case FLOAT_LITERAL:
        return new Expr.Literal(((LiteralTree) t).getValue(), Type.FLOAT);
      case BOOLEAN_LITERAL:
        return new Expr.Literal(((LiteralTree) t).getValue(), Type.BOOLEAN);
      case IDENTIFIER:
        return identifier((IdentifierTree) t);
      case MEMBER_SELECT:
        return memberSelect((MemberSelectTree) t);
      case METHOD_INVOCATION: // Collections.max(xs) of a list built here, or any other call
        Expr listed = BuiltLists.given(session, (MethodInvocationTree) t);
        return listed != null ? listed : invocations.invocation((MethodInvocationTree) t);
      case ARRAY_ACCESS:
        {
          ArrayAccessTree a = (ArrayAccessTree) t;
          RecordArray held = records.arrays().named(a.getExpression());
          if (held != null) {
            return records.aggregate(records.arrays().element(held, a)); // vs[i] of an array of records
          }
          Expr array = expr(a.getExpression());
          Expr index = expr(a.getIndex());
          if (!array.type().isArray() || !index.type().equals(Type.INT)) {
            if (array.type().isArray() && index.type().equals(Type.LONG)) {
              throw reporter.abortQuietly(); // javac: lossy conversion
            }
            throw reporter.abortQuietly();
          }
          array = GenericTypes.named(array, session.prelude); // rows.get(i)[0]
          if (!(array instanceof Expr.Ref || array instanceof Expr.Index)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "indexing an array that has no name is not supported: declare it first",
                a.getExpression(),
                unit);
          }
          return new Expr.Index(array, index);
        }
      case NEW_ARRAY:
        return arrays.newArray((NewArrayTree) t);
      case UNARY_PLUS:
        {
          Expr operand = expr(((UnaryTree) t).getExpression());
          types.requireNumeric(operand);
          return operand;
        }
      case UNARY_MINUS:
        {
          Expr operand = expr(((UnaryTree) t).getExpression());
          types.requireNumeric(operand);
          return new Expr.Unary(Op.NEG, operand, Type.promote(operand.type(), Type.INT));
        }
      case LOGICAL_COMPLEMENT:
        return new Expr.Unary(Op.NOT, condition(((UnaryTree) t).getExpression()), Type.BOOLEAN);
      case BITWISE_COMPLEMENT:
        {
          Expr operand = expr(((UnaryTree) t).getExpression());
          if (!operand.type().isIntegral()) {
            throw reporter.abortQuietly();
          }
          return new Expr.Unary(Op.COMPLEMENT, operand, Type.promote(operand.type(), Type.INT));
        }
      case CHAR_LITERAL:
        // Its value as a number, as arithmetic sees it; printed back as 'a'.
        return new Expr.Literal((int) (Character) ((LiteralTree) t).getValue(), Type.CHAR);
      case TYPE_CAST:
        {
          TypeCastTree c = (TypeCastTree) t;
          Type to = types.declaredType(c.getType());
          Expr operand = expr(c.getExpression());
          if (to.isNumeric() != operand.type().isNumeric()) {
            boolean boxes = to.prim() == Type.Prim.OBJECT || operand.type().prim() == Type.Prim.OBJECT;
            if (boxes && (to.isNumeric() || operand.type().isNumeric())) {
              // Java boxes or unboxes here; the box would hold the number without its derivative.
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "the cast '" + session.sourceText(t) + "' moves a number between a primitive and an object, which would"
                      + " hold it without its derivative: keep the value in a double (or int, long,"
                      + " boolean) variable",
                  t,
                  unit);
            }
            throw reporter.abortQuietly();
          }
          return new Expr.Cast(to, operand);
        }
      case SWITCH_EXPRESSION:
        return session.switches.expression((com.sun.source.tree.SwitchExpressionTree) t);

      case CONDITIONAL_EXPRESSION:
        return conditional((ConditionalExpressionTree) t);
      default:
        if (t instanceof BinaryTree b) {
          return operators.binary(b);
        }
        if (t instanceof AssignmentTree || t instanceof CompoundAssignmentTree || AssignmentReader.isIncrement(t)) {
          return assignments.assignmentValue(t);
        }
        throw session.unsupported(t);
    }
  }

  /** {@code c ? a : b}; a branch that needs statements runs them in an {@code if} of its own. */
  private Expr conditional(ConditionalExpressionTree c) {
    Expr cond = condition(c.getCondition());
    Read<Expr> ra = session.apart(() -> NullableBoxes.branch(session, c, true, () -> value(c.getTrueExpression())));
    Read<Expr> rb = session.apart(() -> NullableBoxes.branch(session, c, false, () -> value(c.getFalseExpression())));
    if (records.aggregateOf(ra.value()) != null || records.aggregateOf(rb.value()) != null) {
      return bindings.recordConditional(cond, ra, rb, c);
    }
    Expr a = ra.value();
    Expr b = rb.value();
    if (functions.of(a) != null && functions.of(b) != null && onlyChoices(ra.before()) && onlyChoices(rb.before())) {
      // op = multiply ? (x, y) -> x * y : Double::sum; an inner choice is decided only on its branch
      Expr chosen = functions.chosen(cond, a, b, c);
      if (!ra.before().isEmpty() || !rb.before().isEmpty()) {
        List<Stmt> whenTrue = new java.util.ArrayList<>();
        List<Stmt> whenFalse = new java.util.ArrayList<>();
        for (List<Stmt> side : List.of(ra.before(), rb.before())) {
          for (Stmt st : side) {
            Stmt.Declare d = (Stmt.Declare) st;
            session.prelude.add(new Stmt.Declare(d.var(), new Expr.Literal(false, Type.BOOLEAN)));
            (side == ra.before() ? whenTrue : whenFalse).add(new Stmt.Assign(d.var(), null, d.init()));
          }
        }
        session.prelude.add(new Stmt.If(functions.of(chosen).choice, new Stmt.Block(whenTrue), new Stmt.Block(whenFalse)));
      }
      return chosen;
    }
    if (Calls.isObject(a) && Calls.isObject(b) && ra.before().isEmpty() && rb.before().isEmpty()) {
      // mode = big ? "wide" : "narrow": a String or enum choice, which a switch or equals reads later
      Expr ta = calls.typed(a);
      Expr tb = calls.typed(b);
      if (ta.type() != null && ta.type().equals(tb.type())) {
        return new Expr.Conditional(cond, ta, tb, ta.type());
      }
    }
    if (Calls.isObject(a) || Calls.isObject(b)) {
      throw calls.notHere(Calls.isObject(a) ? c.getTrueExpression() : c.getFalseExpression());
    }
    Type type;
    if (a.type().isNumeric() && b.type().isNumeric()) {
      type = Type.promote(a.type(), b.type());
    } else if (a.type().equals(b.type())) {
      type = a.type();
    } else {
      throw reporter.abortQuietly();
    }
    if (ra.before().isEmpty() && rb.before().isEmpty()) {
      return new Expr.Conditional(cond, a, b, type);
    }
    if (session.prelude == null) {
      throw session.noPrelude(c);
    }
    // c ? f(x) : y  →  double _q; if (c) { <f's body>; _q = r; } else { _q = y; }
    Var q = Var.temp("_q", type);
    session.prelude.add(new Stmt.Declare(q, null));
    session.prelude.add(
        new Stmt.If(
            cond,
            join(ra.before(), List.of(new Stmt.Assign(q, null, a))),
            join(rb.before(), List.of(new Stmt.Assign(q, null, b)))));
    return new Expr.Ref(q);
  }

  /** Statements an inner choice of functional values leaves: the declarations of its conditions. */
  private static boolean onlyChoices(List<Stmt> before) {
    return before.stream().allMatch(st -> st instanceof Stmt.Declare d && d.init() != null && Type.BOOLEAN.equals(d.var().type()));
  }

  private Expr identifier(IdentifierTree t) {
    String name = t.getName().toString();
    Object named = session.lookupAny(name);
    if (named instanceof Alias a) {
      return a.expr();
    }
    if (named instanceof BuiltLists.Built b) {
      throw BuiltLists.of(session).unsupported(b, t);
    }
    if (named instanceof SinCos) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' (a SinCos) can only be read through " + name + ".sin() and " + name
              + ".cos() in a differentiable method",
          t,
          unit);
    }
    if (named instanceof Var v) {
      return NullableBoxes.readOrKept(session, v, t); // a box that may be null: checked, or kept where Java prints it
    }
    if (named instanceof RecordValue r) {
      return records.aggregate(NullableRecords.read(session, r, name, t));
    }
    if (named instanceof FunctionValues.Bound b) {
      return b.fn().placeholder;
    }
    if (named instanceof RecordArray a) {
      return records.arrays().holder(a);
    }
    if (named == null && session.self != null && Records.hiddenField(session.self.type, name) != null) {
      throw reporter.abort(Tag.FIELD, Records.hiddenField(session.self.type, name), t, unit);
    }
    for (TypeElement scope : resolver.staticScopes(name)) {
      VariableElement field = field(scope, name);
      if (field != null) {
        Expr held = functions.fieldValue(field); // a lambda in a static final field: passed on as written
        return held != null ? held : constant(field, t);
      }
    }
    throw reporter.abortQuietly();
  }

  private Expr memberSelect(MemberSelectTree t) {
    if (t.getIdentifier().contentEquals("class")) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "class literals are not supported in a differentiable method: use the class outside it, for"
              + " example in a static final field",
          t,
          unit);
    }
    if (t.getIdentifier().contentEquals("length") && records.arrays().named(t.getExpression()) != null) {
      return records.arrays().named(t.getExpression()).length();
    }
    if (t.getIdentifier().contentEquals("length") && isArrayValue(t.getExpression())) {
      return new Expr.Length(expr(t.getExpression()));
    }
    if (t.getIdentifier().contentEquals("length") && t.getExpression() instanceof MethodInvocationTree) {
      Expr array = value(t.getExpression()); // r.w().length of a record's array component
      if (array.type() != null && array.type().isArray()) {
        return new Expr.Length(array);
      }
      throw reporter.abortQuietly(); // javac: length of no array
    }
    RecordValue held = heldValue(t.getExpression());
    if (held != null && (held.parts.containsKey(t.getIdentifier().toString()) || Records.hasComponent(held.type, t.getIdentifier().toString()))) {
      return records.component(held, t.getIdentifier().toString()); // p.x, as the record's own code may read it
    }
    if (held != null && Records.hiddenField(held.type, t.getIdentifier().toString()) != null) {
      throw reporter.abort(Tag.FIELD, Records.hiddenField(held.type, t.getIdentifier().toString()), t, unit);
    }
    TypeElement type = StaticThroughInstance.typeOr(resolver.type(t.getExpression()), held, session, t); // this.SCALE
    if (type == null) {
      if (!namesAValue(t.getExpression())) {
        throw reporter.abortQuietly(); // javac reports the unknown name
      }
      // bodies[i].mass or all[i].mass through an array element; else p.mass of an object of data
      Expr data = ElementFields.throughElement(t) ? ElementFields.of(session).read(t) : objectField(t);
      if (data != null) {
        return data;
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + t + "': only static final constants of a class, such as Math.PI, and public int, long,"
              + " double or boolean fields of objects of data (p.x of a Point2D.Double) can be read"
              + " here: call a getter of the object",
          t,
          unit);
    }
    VariableElement field = field(type, t.getIdentifier().toString());
    if (field == null) {
      throw reporter.abortQuietly();
    }
    return constant(field, t);
  }

  /** The record or object {@code t} names without running anything ({@code p}, {@code this.in}); or null. */
  RecordValue heldValue(ExpressionTree t) {
    if (t instanceof ParenthesizedTree p) {
      return heldValue(p.getExpression());
    }
    if (t instanceof IdentifierTree id) {
      return session.lookupAny(id.getName().toString()) instanceof RecordValue r ? NullableRecords.read(session, r, id.getName().toString(), t) : null;
    }
    if (t instanceof MemberSelectTree ms && heldValue(ms.getExpression()) != null) {
      return heldValue(ms.getExpression()).parts.get(ms.getIdentifier().toString()) instanceof RecordValue r ? r : null;
    }
    return null;
  }

  /** Whether {@code t} is an array of this method: a variable, an alias, or an element row. */
  private boolean isArrayValue(ExpressionTree t) {
    if (t instanceof ParenthesizedTree p) {
      return isArrayValue(p.getExpression());
    }
    if (t instanceof IdentifierTree id) {
      Object named = session.lookupAny(id.getName().toString());
      if (named == null) {
        // A static array field: TABLE.length
        for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
          VariableElement f = field(scope, id.getName().toString());
          if (f != null) {
            return f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
          }
        }
      }
      return named instanceof Alias || (named instanceof Var v && v.type().isArray());
    }
    if (t instanceof MemberSelectTree ms) {
      // Other.TABLE.length
      TypeElement type = resolver.type(ms.getExpression());
      VariableElement f = type == null ? null : field(type, ms.getIdentifier().toString());
      return f != null && f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
    }
    return t instanceof ArrayAccessTree;
  }

  /** Whether a qualifier is a variable or field (an object), not an unknown name. */
  /**
   * {@code unit.factor}: a primitive field of an enum constant or of an object held as data, read
   * as written at call time. Such objects carry no derivative (one built from differentiable
   * values is an error of its own), so neither do their fields. Null for anything else.
   */
  private Expr objectField(MemberSelectTree t) {
    Expr object;
    TypeElement type;
    Object named = t.getExpression() instanceof IdentifierTree id ? session.lookupAny(id.getName().toString()) : null;
    // a helper's parameter is an alias of its argument: pull(p, m) reading p.mass
    Expr ref = named instanceof Var v ? new Expr.Ref(v) : named instanceof Alias a && a.expr() instanceof Expr.Ref r ? r : null;
    if (ref != null) {
      Type vt = ref.type();
      if ((vt.prim() != Type.Prim.ENUM && vt.prim() != Type.Prim.OBJECT) || vt.isArray() || vt.ref() == null) {
        return null;
      }
      object = ref;
      type = session.elements.getTypeElement(vt.ref().canonicalName());
    } else {
      // ORIGIN.y: a public field of an object a static field holds, data read as the primal reads it
      VariableElement held = staticObjectField(t.getExpression());
      if (held == null) {
        return null;
      }
      type = (TypeElement) ((javax.lang.model.type.DeclaredType) held.asType()).asElement();
      Expr f = calls.field(held, t.getExpression());
      // typed, as every stage may ask a part its type
      object = f instanceof Expr.Foreign foreign && f.type() == null ? new Expr.Foreign(foreign.parts(), Type.objectOf(Resolver.owner(type))) : f;
    }
    VariableElement field = type == null ? null : field(type, t.getIdentifier().toString());
    if (field == null || Resolver.isStatic(field) || !Resolver.visibleFrom(field, Resolver.packageOf(owner))) {
      return null;
    }
    Type read = Resolver.typeOf(field.asType());
    if (read == null || read.isArray() || !read.isNumeric() && read != Type.BOOLEAN) {
      return null;
    }
    return new Expr.Foreign(List.of(object, "." + field.getSimpleName()), read);
  }

  /**
   * The static field {@code F} or {@code C.F} names where it holds an object of a class (not a
   * record, an array or an interface); else null.
   */
  private VariableElement staticObjectField(ExpressionTree q) {
    VariableElement f = null;
    if (q instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) == null) {
      for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
        f = f != null ? f : field(scope, id.getName().toString());
      }
    } else if (q instanceof MemberSelectTree ms && resolver.type(ms.getExpression()) != null) {
      f = field(resolver.type(ms.getExpression()), ms.getIdentifier().toString());
    }
    if (f == null || !Resolver.isStatic(f) || !(f.asType() instanceof javax.lang.model.type.DeclaredType d)
        || !(d.asElement() instanceof TypeElement c) || c.getKind() != javax.lang.model.element.ElementKind.CLASS
        || !d.getTypeArguments().isEmpty()) {
      return null;
    }
    return f;
  }

  boolean namesAValue(ExpressionTree qualifier) {
    if (qualifier instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (session.lookupAny(name) != null) {
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

  VariableElement field(TypeElement type, String name) {
    return Resolver.field(type, name);
  }

  private Expr constant(VariableElement field, Tree t) {
    if (Resolver.isStatic(field)
        && Resolver.typeOf(field.asType()) == null
        && field.asType().getKind() != javax.lang.model.type.TypeKind.ARRAY) {
      return calls.field(field, t); // an object: a logger, a distribution, a message
    }
    return session.statics.read(field, t);
  }

  /** The angle of {@code FastMath.sinCos(angle)} (Hipparchus's {@code SinCos}), or null. */
  Expr sinCosAngle(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    if (!(t instanceof MethodInvocationTree call)
        || !(call.getMethodSelect() instanceof MemberSelectTree ms)
        || !ms.getIdentifier().contentEquals("sinCos")
        || call.getArguments().size() != 1) {
      return null;
    }
    TypeElement owner = resolver.type(ms.getExpression());
    if (owner == null || !MathRules.OWNERS.contains(owner.getQualifiedName().toString())) {
      return null;
    }
    Expr angle = expr(call.getArguments().get(0));
    if (!angle.type().isNumeric()) {
      throw reporter.abortQuietly();
    }
    return angle.type().equals(Type.DOUBLE) ? angle : new Expr.Cast(Type.DOUBLE, angle);
  }

  /**
   * The sine and cosine of {@code SinCos.sum(a, b)} or {@code SinCos.difference(a, b)} of two
   * {@code SinCos} locals, as Hipparchus computes them ({@code MathArrays.linearCombination} of
   * the parts); null if {@code t} is no such call.
   */
  Expr[] sinCosSum(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    if (!(t instanceof MethodInvocationTree call) || !(call.getMethodSelect() instanceof MemberSelectTree ms)
        || call.getArguments().size() != 2) {
      return null;
    }
    String name = ms.getIdentifier().toString();
    TypeElement owner = resolver.type(ms.getExpression());
    if (!(name.equals("sum") || name.equals("difference")) || owner == null
        || !owner.getQualifiedName().contentEquals("org.hipparchus.util.SinCos")) {
      return null;
    }
    SinCos[] parts = new SinCos[2];
    for (int i = 0; i < 2; i++) {
      ExpressionTree arg = call.getArguments().get(i);
      if (!(arg instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof SinCos sc)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "SinCos." + name + " is read here of two SinCos variables: declare this one first, SinCos sc ="
                + " FastMath.sinCos(x), and pass sc",
            arg,
            unit);
      }
      parts[i] = sc;
    }
    Expr aSin = new Expr.Ref(parts[0].sin());
    Expr aCos = new Expr.Ref(parts[0].cos());
    Expr bSin = new Expr.Ref(parts[1].sin());
    Expr bCos = new Expr.Ref(parts[1].cos());
    boolean sum = name.equals("sum");
    // sin(a ± b) = sa cb ± ca sb, cos(a ± b) = ca cb ∓ sa sb, each one linearCombination
    Expr sin = combination(t, aSin, bCos, sum ? aCos : new Expr.Unary(Op.NEG, aCos, Type.DOUBLE), bSin);
    Expr cos = combination(t, aCos, bCos, sum ? new Expr.Unary(Op.NEG, aSin, Type.DOUBLE) : aSin, bSin);
    return new Expr[] {sin, cos};
  }

  private Expr combination(Tree at, Expr a1, Expr b1, Expr a2, Expr b2) {
    Expr c = new Expr.Call(new io.github.backprop.processor.ir.Owner("org.hipparchus.util", "MathArrays"),
        "linearCombination", List.of(a1, b1, a2, b2), Type.DOUBLE);
    session.position(c, at);
    return c;
  }

  /** {@code sc.sin()} of a {@code SinCos} local, or {@code FastMath.sinCos(x).cos()}; else null. */
  Expr sinCosPart(MemberSelectTree ms, MethodInvocationTree t) {
    String part = ms.getIdentifier().toString();
    if (!t.getArguments().isEmpty() || !(part.equals("sin") || part.equals("cos"))) {
      return null;
    }
    ExpressionTree of = ms.getExpression();
    if (of instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof SinCos sc) {
      return new Expr.Ref(part.equals("sin") ? sc.sin() : sc.cos());
    }
    Expr angle = sinCosAngle(of);
    if (angle == null) {
      return null;
    }
    MemberSelectTree inner = (MemberSelectTree) ((MethodInvocationTree) of).getMethodSelect();
    Expr call = new Expr.Call(Resolver.owner(resolver.type(inner.getExpression())), part, List.of(angle), Type.DOUBLE);
    session.position(call, t);
    return call;
  }
}
