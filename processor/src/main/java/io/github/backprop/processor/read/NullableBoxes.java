package io.github.backprop.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * A box local that starts as {@code null}, {@code Double best = null;} meaning "none yet": held as
 * its primitive and a flag, {@code double best = 0.0; boolean _bestNull = true;}. {@code best ==
 * null} reads the flag, {@code best = v} clears it, {@code best = null} sets it, and a read of the
 * number first throws the NullPointerException Java's unboxing would.
 */
final class NullableBoxes extends SessionPart {
  private NullableBoxes(ReadSession session) {
    super(session);
  }

  static NullableBoxes of(ReadSession session) {
    NullableBoxes boxes = new NullableBoxes(session);
    boxes.join();
    return boxes;
  }

  // Example: Double best = null;  →  double best = 0.0; boolean _bestNull = true;
  Stmt declare(VariableTree v, Type held) {
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    Var local = session.declare(name, held, Var.Kind.LOCAL);
    root.boxed.put(local, held);
    Var flag = Var.temp("_" + name + "Null", Type.BOOLEAN);
    root.nullFlags.put(local, flag);
    session.prelude.add(new Stmt.Declare(local, zero(held)));
    return new Stmt.Declare(flag, new Expr.Literal(true, Type.BOOLEAN));
  }

  /**
   * {@code best = null} or {@code best = v} of a box local {@code target} that may be null; null
   * for another box given a value, which may not be set to null.
   */
  Stmt assign(Var target, ExpressionTree value) {
    Var flag = root.nullFlags.get(target);
    if (flag == null && isNull(value)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "setting the boxed local '" + target.name() + "' to null is not supported: backprop holds it as a "
              + target.type().prim().keyword() + "; declare it '= null' where it is declared to mean 'none yet',"
              + " or give it a value (Double.NaN, a flag of its own for 'missing')",
          value,
          unit);
    }
    if (flag == null) {
      return null;
    }
    if (isNull(value)) {
      return new Stmt.Assign(flag, null, new Expr.Literal(true, Type.BOOLEAN));
    }
    Expr v = expressions.expr(value);
    if (!target.type().acceptsByWidening(v.type())) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    session.prelude.add(new Stmt.Assign(target, null, v));
    return new Stmt.Assign(flag, null, new Expr.Literal(false, Type.BOOLEAN));
  }

  /** {@code best == null} (or {@code !=}) of a box that may be null: its flag; else null. */
  Expr comparison(BinaryTree t, Op op) {
    ExpressionTree other = isNull(t.getRightOperand()) ? t.getLeftOperand() : isNull(t.getLeftOperand()) ? t.getRightOperand() : null;
    Var flag = other == null ? null : root.nullFlags.get(local(other));
    if (flag == null) {
      return null;
    }
    Expr isNull = new Expr.Ref(flag);
    return op == Op.EQ ? isNull : new Expr.Unary(Op.NOT, isNull, Type.BOOLEAN);
  }

  /**
   * Reads the right operand of {@code best == null || ...} (or {@code best != null && ...}), where
   * {@code best} is not null and a read of it needs no check.
   */
  <T> T assuming(BinaryTree t, Op op, java.util.function.Supplier<T> right) {
    Var present = null;
    if (t.getLeftOperand() instanceof BinaryTree left && (op == Op.OR ? left.getKind() == Tree.Kind.EQUAL_TO
        : left.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      ExpressionTree other = isNull(left.getRightOperand()) ? left.getLeftOperand() : isNull(left.getLeftOperand()) ? left.getRightOperand() : null;
      present = other == null || !root.nullFlags.containsKey(local(other)) ? null : local(other);
    }
    if (present == null || !root.presentBoxes.add(present)) {
      return right.get();
    }
    try {
      return right.get();
    } finally {
      root.presentBoxes.remove(present);
    }
  }

  /** The branch {@code whenTrue} of {@code c} read by {@code read}, with {@link #assumingIn}. */
  static <T> T branch(ReadSession session, com.sun.source.tree.ConditionalExpressionTree c, boolean whenTrue,
      java.util.function.Supplier<T> read) {
    return session.root.nullFlags.isEmpty() ? read.get()
        : of(session).assumingIn(c.getCondition(), whenTrue, whenTrue ? c.getTrueExpression() : c.getFalseExpression(), read);
  }

  /** {@code best} read where it stands: {@link #asReference} where Java keeps it a box, else checked ({@link #read}). */
  static Expr readOrKept(ReadSession session, Var v, Tree at) {
    Expr kept = session.root.nullFlags.isEmpty() ? null : asReference(session, v, at);
    if (kept != null) {
      return kept;
    }
    read(session, v, at);
    return new Expr.Ref(v);
  }

  /**
   * Reads {@code branch} of {@code best == null ? a : branch} (or {@code best != null ? branch :
   * a}), where {@code best} is not null and a read of it needs no check, unless the branch
   * assigns it.
   */
  <T> T assumingIn(ExpressionTree condition, boolean whenTrue, ExpressionTree branch, java.util.function.Supplier<T> read) {
    while (condition instanceof ParenthesizedTree p) {
      condition = p.getExpression();
    }
    Var present = null;
    if (condition instanceof BinaryTree test && (test.getKind() == (whenTrue ? Tree.Kind.NOT_EQUAL_TO : Tree.Kind.EQUAL_TO))) {
      ExpressionTree other = isNull(test.getRightOperand()) ? test.getLeftOperand() : isNull(test.getLeftOperand()) ? test.getRightOperand() : null;
      present = other == null || !root.nullFlags.containsKey(local(other)) ? null : local(other);
    }
    if (present == null || assigns(branch, present.name()) || !root.presentBoxes.add(present)) {
      return read.get();
    }
    try {
      return read.get();
    } finally {
      root.presentBoxes.remove(present);
    }
  }

  /** Whether {@code t} assigns the local {@code name}. */
  private static boolean assigns(Tree t, String name) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Void unused) {
        found[0] |= a.getVariable() instanceof IdentifierTree id && id.getName().contentEquals(name);
        return super.visitAssignment(a, unused);
      }
    }.scan(t, null);
    return found[0];
  }

  /**
   * Before {@code best} is read as a number: {@code if (_bestNull) throw new
   * NullPointerException(...)}, as unboxing null throws.
   */
  static void read(ReadSession session, Var v, Tree at) {
    read(session, v, at, v.name());
  }

  /** As above, {@code name} being the variable's name in the source. */
  static void read(ReadSession session, Var v, Tree at, String name) {
    Var flag = session.root.nullFlags.get(v);
    if (flag == null || session.root.presentBoxes.contains(v)) {
      return;
    }
    if (session.prelude == null) {
      throw session.noPrelude(at);
    }
    for (Stmt s : session.prelude) {
      if (checked(s) == flag) {
        return; // best * best: checked once before the statement
      }
    }
    Expr.Foreign thrown = new Expr.Foreign(List.of("new ", new Owner("java.lang", "NullPointerException"),
        "(\"'" + name + "' is null\")"), null);
    session.prelude.add(new Stmt.If(new Expr.Ref(flag), new Stmt.Block(List.of(new Stmt.Throw(thrown))),
        new Stmt.Block(List.of())));
  }

  // Example: "best " + best  →  "best " + (_bestNull ? null : best)
  /**
   * A box that may be null read where Java keeps it a reference, in a string concatenation or as
   * an argument of a reference parameter ({@code String.valueOf(best)}): {@code (_bestNull ? null
   * : best)}, which prints {@code null} and passes null on as the primal does. Null elsewhere.
   */
  static Expr asReference(ReadSession session, Var v, Tree at) {
    Var flag = session.root.nullFlags.get(v);
    if (flag == null || session.root.presentBoxes.contains(v) || !keptBoxed(session, at)) {
      return null;
    }
    return new Expr.Foreign(List.of("(", new Expr.Ref(flag), " ? null : ", new Expr.Ref(v), ")"), null);
  }

  /** Whether Java keeps {@code at} a reference where it stands: concatenated, or passed to an Object or a box. */
  private static boolean keptBoxed(ReadSession session, Tree at) {
    com.sun.source.util.TreePath path = session.trees.getPath(session.unit, at);
    if (path == null) {
      return false;
    }
    Tree child = at;
    path = path.getParentPath();
    while (path != null && path.getLeaf() instanceof ParenthesizedTree) {
      child = path.getLeaf();
      path = path.getParentPath();
    }
    if (path == null) {
      return false;
    }
    Tree parent = path.getLeaf();
    if (parent instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
      return concatenation(session, path);
    }
    List<? extends ExpressionTree> args = parent instanceof com.sun.source.tree.MethodInvocationTree call ? call.getArguments()
        : parent instanceof com.sun.source.tree.NewClassTree n ? n.getArguments() : null;
    int i = args == null ? -1 : args.indexOf(child);
    if (i < 0 || !(session.trees.getElement(path) instanceof javax.lang.model.element.ExecutableElement m)
        || m.getParameters().isEmpty()) {
      return false;
    }
    javax.lang.model.type.TypeMirror param = m.getParameters().get(Math.min(i, m.getParameters().size() - 1)).asType();
    if (m.isVarArgs() && i >= m.getParameters().size() - 1 && param instanceof javax.lang.model.type.ArrayType array
        && !(args.size() == m.getParameters().size() && session.trees.getTypeMirror(new com.sun.source.util.TreePath(path, child)) instanceof javax.lang.model.type.ArrayType)) {
      param = array.getComponentType();
    }
    return !param.getKind().isPrimitive();
  }

  /** Whether the {@code +} at {@code path} joins strings (javac leaves some inner ones untyped here). */
  private static boolean concatenation(ReadSession session, com.sun.source.util.TreePath path) {
    Tree t = path.getLeaf();
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    if (t.getKind() == Tree.Kind.STRING_LITERAL) {
      return true;
    }
    javax.lang.model.type.TypeMirror type = session.trees.getTypeMirror(new com.sun.source.util.TreePath(path, t));
    if (type != null && type.toString().equals("java.lang.String")) {
      return true;
    }
    return t instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS
        && (concatenation(session, new com.sun.source.util.TreePath(path, b.getLeftOperand()))
            || concatenation(session, new com.sun.source.util.TreePath(path, b.getRightOperand())));
  }

  /** {@code prelude} without a check that repeats the one just before it (operands read apart). */
  static List<Stmt> once(List<Stmt> prelude) {
    List<Stmt> out = new java.util.ArrayList<>(prelude.size());
    for (Stmt s : prelude) {
      if (out.isEmpty() || checked(s) == null || checked(s) != checked(out.get(out.size() - 1))) {
        out.add(s);
      }
    }
    return out;
  }

  /** The flag {@code s} checks, {@code if (_bestNull) throw ...}, or null for any other statement. */
  private static Var checked(Stmt s) {
    return s instanceof Stmt.If check && check.condition() instanceof Expr.Ref r && r.var().kind() == Var.Kind.TEMP
        && check.otherwise().statements().isEmpty() && check.then().statements().size() == 1
        && check.then().statements().get(0) instanceof Stmt.Throw t && t.exception().parts().size() == 3
        && t.exception().parts().get(1) instanceof Owner o && o.simpleNames().equals("NullPointerException") ? r.var() : null;
  }

  private Var local(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    if (t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof RecordValue r) {
      return r.scalars().isEmpty() ? null : r.scalars().get(0); // Point last = null: its flag is kept under its first component
    }
    return t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Var v ? v : null;
  }

  private static Expr zero(Type held) {
    return switch (held.prim()) {
      case BOOLEAN -> new Expr.Literal(false, Type.BOOLEAN);
      case DOUBLE -> Expr.Literal.of(0);
      case FLOAT -> new Expr.Literal(0f, Type.FLOAT);
      case LONG -> new Expr.Literal(0L, Type.LONG);
      default -> new Expr.Literal(0, held);
    };
  }
}
