package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Reads assignments, compound assignments, increments and calls run for their effect, as
 * statements and as values, and rejects what they must not write: fields, static arrays, the
 * arrays of records and tables.
 */
final class AssignmentReader extends SessionPart {
  AssignmentReader(ReadSession session) {
    super(session);
  }

  /** An assignment, increment or call as a statement of its own. */
  Stmt effect(ExpressionTree e) {
    Stmt counted = CounterWrites.of(this, e);
    if (counted != null) {
      return counted; // evaluations++: a static count or flag, written as the method writes it
    }
    switch (e.getKind()) {
      case ASSIGNMENT:
        {
          AssignmentTree a = (AssignmentTree) e;
          if (a.getVariable() instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof RecordValue r) {
            return bindings.assignRecord(r, a);
          }
          if (a.getVariable() instanceof ArrayAccessTree aa && records.arrays().named(aa.getExpression()) != null) {
            return records.arrays().store(a, aa); // vs[i] = new Vec3(...): into each component's array
          }
          if (records.arrays().named(a.getVariable()) != null) {
            throw records.arrays().reassigned(a, records.arrays().named(a.getVariable()));
          }
          Expr.Index element = element(a.getVariable(), a.getExpression() instanceof NewArrayTree || rowsOfLocal(a.getVariable()));
          if (element != null) {
            Read<Expr> read = session.apart(() -> expressions.expr(a.getExpression()));
            element = session.settlePlace(element, read.before());
            Expr value = read.value();
            if (element.type().isArray() && !(value instanceof Expr.NewArray && element.type().equals(value.type()))) {
              Stmt.Store row = rowStore(element, value, a);
              session.position(row, a.getVariable());
              return row;
            }
            if (!element.type().acceptsByWidening(value.type())) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Store(element, null, value);
          }
          Var target = target(a.getVariable());
          Stmt boxed = root.boxed.containsKey(target) ? NullableBoxes.of(session).assign(target, a.getExpression()) : null;
          if (boxed != null) {
            return boxed; // best = v; or best = null; of a Double that starts as null
          }
          if (target.type().isArray() && !root.tables.contains(target)) {
            return rebind(target, a, expressions.expr(a.getExpression()));
          }
          if (target.type().isArray()) {
            Expr table = expressions.value(a.getExpression());
            if (!arrays.isTable(table) && !root.namedTables.contains(target) && Rebinding.isArrayValue(table)) {
              // double[] k1; ... k1 = f(y);  a variable that refers to computed arrays, not a table
              root.tables.remove(target);
              return rebind(target, a, table);
            }
            root.namedTables.add(target);
            if (!arrays.isTable(table) || !target.type().equals(table.type())) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "an array variable declared without a value may only be given static tables"
                      + " or arrays of constants ('" + a.getVariable() + " = new double[] {1, 2};'),"
                      + " which it then names read-only; to compute into an array, create it"
                      + " where it is declared ('double[] " + a.getVariable() + " = new double[n];')",
                  a.getExpression(),
                  unit);
            }
            return new Stmt.Assign(target, null, table);
          }
          if (target.type().isReference()) {
            // mode = Mode.FAST; s = null;
            Expr value = calls.typed(expressions.value(a.getExpression()));
            types.holds(target.type(), value, a.getExpression());
            if (value.type() == null) {
              value = new Expr.Literal(null, target.type());
            }
            return new Stmt.Assign(target, null, value);
          }
          Expr value = expressions.expr(a.getExpression());
          if (session.narrow.containsKey(target)) {
            value = IntegerOps.narrow(session.narrow.get(target), value, types.declaredTypeOf(value));
          }
          if (!target.type().acceptsByWidening(value.type())) {
            throw reporter.abortQuietly();
          }
          session.checkAliases(target, a.getVariable());
          return new Stmt.Assign(target, null, value);
        }
      case PLUS_ASSIGNMENT:
      case MINUS_ASSIGNMENT:
      case MULTIPLY_ASSIGNMENT:
      case DIVIDE_ASSIGNMENT:
      case REMAINDER_ASSIGNMENT:
      case LEFT_SHIFT_ASSIGNMENT:
      case RIGHT_SHIFT_ASSIGNMENT:
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
      case AND_ASSIGNMENT:
      case OR_ASSIGNMENT:
      case XOR_ASSIGNMENT:
        {
          CompoundAssignmentTree a = (CompoundAssignmentTree) e;
          Expr.Index element = element(a.getVariable());
          Read<Expr> read = session.apart(() -> expressions.expr(a.getExpression()));
          if (element != null) {
            if (Walk.assigned(read.before()).contains(element.base())) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "'" + element.base().name() + "' is written inside the value of a compound"
                      + " assignment to its element: split it into two statements",
                  a,
                  unit);
            }
            element = session.settlePlace(element, read.before());
          } else {
            Var self = target(a.getVariable());
            if (Walk.assigned(read.before()).contains(self)) {
              // Java reads the old value first; the IR's s op= v reads it after v.
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "'" + a.getVariable() + "' is assigned inside the value of its own compound"
                      + " assignment: split it into two statements",
                  a,
                  unit);
            }
            session.prelude.addAll(read.before());
          }
          Expr value = read.value();
          Op op = CompoundOps.of(e.getKind());
          if (element != null) {
            if (!types.compoundApplies(op, element.type(), value.type())) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Store(element, op, value);
          }
          Var target = target(a.getVariable());
          if (!types.compoundApplies(op, target.type(), value.type())) {
            throw reporter.abortQuietly();
          }
          NullableBoxes.read(session, target, a.getVariable());
          session.checkAliases(target, a.getVariable());
          if (session.narrow.containsKey(target)) {
            // b += x on a byte is b = (byte) (b + x)
            return new Stmt.Assign(
                target, null, IntegerOps.compound(session.narrow.get(target), new Expr.Ref(target), op, value));
          }
          return new Stmt.Assign(target, op, value);
        }
      case PREFIX_INCREMENT:
      case POSTFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_DECREMENT:
        {
          boolean up = e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_INCREMENT;
          ExpressionTree operand = ((UnaryTree) e).getExpression();
          Expr.Index element = element(operand);
          if (element != null) {
            if (!element.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            return new Stmt.Store(element, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
          }
          Var target = target(operand);
          if (!target.type().isNumeric()) {
            throw reporter.abortQuietly();
          }
          NullableBoxes.read(session, target, operand);
          session.checkAliases(target, operand);
          if (session.narrow.containsKey(target)) {
            return new Stmt.Assign(
                target,
                null,
                IntegerOps.compound(session.narrow.get(target), new Expr.Ref(target), up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1)));
          }
          return new Stmt.Assign(target, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
        }
      case METHOD_INVOCATION:
        {
          // A check or a log: kept as written. The value of a derivative-carrying call is lost.
          Expr call = expressions.value(e);
          if (session.inlined.contains(call)) {
            return null; // its body already runs before this statement
          }
          if (call instanceof Expr.Call || call instanceof Expr.Foreign) {
            return new Stmt.Invoke(call);
          }
        }
        // fall through
      default:
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an expression whose value is not used has no effect on the result: remove it, or"
                + " assign its value to a variable",
            e,
            unit);
    }
  }

  /**
   * Whether {@code t} is a row of a matrix variable, {@code m[i]}, which may be given another of
   * its rows or an array variable where the method creates the matrix; checked by {@link #rowStore}.
   */
  private boolean rowsOfLocal(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t instanceof ArrayAccessTree row && row.getExpression() instanceof IdentifierTree id
        && session.lookupAny(id.getName().toString()) instanceof Var m && m.type().dims() == 2
        && !root.tables.contains(m) && !StaticData.isField(m);
  }

  /**
   * Whether rows of {@code m} may be given other arrays: a two-dimensional array the method
   * creates itself and never gives another array as a whole. Its rows and the array variables
   * given them then share one adjoint row wherever they are one array.
   */
  boolean localMatrix(Var m) {
    return m.kind() == Var.Kind.LOCAL && m.type().dims() == 2 && !session.rebound(m.name())
        && !root.tables.contains(m) && !root.recordArrays.contains(m) && !root.objectArrays.containsKey(m)
        && !StaticData.isField(m);
  }

  /** The matrix {@code e} is a row of, {@code m} of {@code m[i]}, if rows of it may change hands; else null. */
  Var rowOf(Expr e) {
    return e instanceof Expr.Index i && i.array() instanceof Expr.Ref r && localMatrix(r.var()) ? r.var() : null;
  }

  /**
   * {@code double[][] rows = {prev, curr};}, some row an array variable rather than written out:
   * read as {@code rows = new double[2][]; rows[0] = prev; rows[1] = curr;}, the rows sharing the
   * variables' arrays. The statements before the last go to the prelude; null for any other
   * declaration.
   */
  Stmt matrixOfArrays(com.sun.source.tree.VariableTree v) {
    ExpressionTree init = v.getInitializer();
    if (!(init instanceof NewArrayTree n) || !n.getDimensions().isEmpty() || n.getInitializers() == null
        || n.getInitializers().stream().allMatch(e -> e instanceof NewArrayTree)) {
      return null;
    }
    // double[][] m = {a, b}, or var m = new double[][] {a, b}, whose new array names its element type
    Tree typeTree = Rebinding.isMatrixType(v.getType()) ? v.getType() : Rebinding.isRowType(n.getType()) ? n.getType() : null;
    if (typeTree == null) {
      return null;
    }
    io.github.backprop.processor.ir.Type type = typeTree == v.getType() ? types.declaredType(typeTree) : types.declaredType(typeTree).arrayOf();
    if (type == null || type.dims() != 2) {
      return null;
    }
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    Var m = session.declare(name, type, Var.Kind.LOCAL);
    if (!localMatrix(m)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a matrix whose rows are array variables ('" + init + "') may not itself be given another"
              + " matrix: write its rows out ({a, b}), or give them copies (a.clone())",
          init,
          unit);
    }
    List<Stmt> out = new ArrayList<>();
    out.add(new Stmt.Declare(m, new Expr.NewArray(type, List.of(Expr.Literal.ofInt(n.getInitializers().size())), List.of())));
    for (int i = 0; i < n.getInitializers().size(); i++) {
      ExpressionTree e = n.getInitializers().get(i);
      Expr.Index row = new Expr.Index(new Expr.Ref(m), Expr.Literal.ofInt(i));
      Expr value = e instanceof NewArrayTree written ? arrays.arrayInitializer(written, type.element()) : expressions.expr(e);
      if (!(value instanceof Expr.NewArray)) {
        String why = !Rebinding.isRowValue(value, m) || value instanceof Expr.Index || Rebinding.choosesNewElements(value)
            ? "'" + e + "' is not an array variable" : foreignArray(value);
        if (why != null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a row of '" + name + "' given this way is not supported: " + why + "; write the row out"
                  + " ({a, b}), or give it a copy ('" + e + ".clone()')",
              e,
              unit);
        }
      }
      if (!row.type().equals(value.type())) {
        throw reporter.abortQuietly(); // javac: incompatible types
      }
      Stmt.Store store = new Stmt.Store(row, null, value);
      session.position(store, e);
      out.add(store);
    }
    session.prelude.addAll(out.subList(0, out.size() - 1));
    return out.get(out.size() - 1);
  }

  /**
   * {@code m[i] = v;} where {@code v} is another row of {@code m} or an array variable: the row
   * then refers to that array ({@code double[] t = m[i]; m[i] = m[j]; m[j] = t;} swaps two rows).
   */
  private Stmt.Store rowStore(Expr.Index row, Expr value, AssignmentTree a) {
    Var m = row.base();
    String why = null;
    if (m.kind() == Var.Kind.PARAM) {
      why = "'" + m.name() + "' is the caller's matrix, whose rows would change";
    } else if (!(row.array() instanceof Expr.Ref) || !localMatrix(m)) {
      why = session.rebound(m.name())
          ? "'" + m.name() + "' is itself given another matrix in this method"
          : "'" + m.name() + "' is not a two-dimensional array this method creates";
    } else if (!Rebinding.isRowValue(value, m) || Rebinding.choosesNewElements(value)) {
      why = "'" + a.getExpression() + "' is neither another row of '" + m.name() + "' nor an array variable";
    } else {
      why = foreignArray(value);
    }
    if (why != null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "assigning a whole row ('" + a.getVariable() + "') this way is not supported: " + why
              + "; give it a new array ('" + a.getVariable() + " = new double[k];') and write its elements one by one",
          a.getVariable(),
          unit);
    }
    if (!row.type().equals(value.type())) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    return new Stmt.Store(row, null, value);
  }

  /**
   * {@code x = e;} for an array local {@code x}: {@code x} then refers to the array {@code e}
   * gives, another variable's ({@code cur = next}), a new one, or one a helper returns.
   */
  private Stmt rebind(Var target, AssignmentTree a, Expr read) {
    Expr value = read;
    Tree at = a.getExpression();
    boolean array = arrayOrRow(value);
    String why = array ? foreignArray(value) : null;
    if (!array || why != null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an array variable may be given another array variable, a new array, an array a helper"
              + " returns or a choice of them ('" + target.name() + " = c ? a : b;'), which it then"
              + " refers to; " + (why != null ? why : "'" + a.getExpression() + "' is none of these")
              + ": give it a copy ('" + target.name() + " = "
              + a.getExpression() + ".clone();')",
          at,
          unit);
    }
    if (!target.type().equals(value.type())) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    if (Rebinding.choosesNewElements(value)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a choice between arrays may not create an array of values ('" + a.getExpression() + "'):"
              + " declare that array first ('double[] v = new double[] {...};') and choose it by name",
          at,
          unit);
    }
    if (value instanceof Expr.NewArray n && !n.elements().isEmpty() && session.prelude != null) {
      // x = new double[] {x[0] + 1, y}: the elements read the array x refers to before.
      Var fresh = Var.temp("_new", value.type());
      session.prelude.add(new Stmt.Declare(fresh, value));
      value = new Expr.Ref(fresh);
    }
    Stmt.Assign out = new Stmt.Assign(target, null, value);
    session.position(out, a.getVariable()); // where a later stage reports what it cannot do with it
    return out;
  }

  /**
   * Whether an array variable may be given {@code e}: what {@link Rebinding#isArrayValue} allows,
   * or a row of a matrix of the method's own ({@code cur = m[i]}), or a choice of them.
   */
  boolean arrayOrRow(Expr e) {
    if (e instanceof Expr.Conditional c) {
      return arrayOrRow(c.whenTrue()) && arrayOrRow(c.whenFalse());
    }
    return Rebinding.isArrayValue(e) || rowOf(e) != null;
  }

  /**
   * Why array {@code e} cannot be given to a variable that is assigned again, or null: it reads
   * a static table, an array of constants or an array of a record, which are read-only here.
   */
  String foreignArray(Expr e) {
    String[] why = {null};
    Walk.each(e, x -> {
      if (x instanceof Expr.Ref r && (StaticData.isField(r.var()) || root.tables.contains(r.var()))) {
        why[0] = "'" + r.var().name() + "' is a read-only table";
      } else if (x instanceof Expr.Ref r && (root.recordArrays.contains(r.var()) || root.objectArrays.containsKey(r.var()))) {
        why[0] = "an array of a record or object the method is given";
      }
    });
    return why[0];
  }

  /** The element an assignment writes, {@code a[i]}, or null if it writes a variable. */
  private Expr.Index element(ExpressionTree t) {
    return element(t, false);
  }

  /** @param rowsMayChange whether a row may be the target: a store of a new array into it */
  private Expr.Index element(ExpressionTree t, boolean rowsMayChange) {
    if (t instanceof ParenthesizedTree p) {
      return element(p.getExpression(), rowsMayChange);
    }
    if (!(t instanceof ArrayAccessTree)) {
      return null;
    }
    Expr e = expressions.expr(t);
    if (!(e instanceof Expr.Index i)) {
      throw reporter.abortQuietly();
    }
    if (StaticData.isField(i.base())) {
      throw reporter.abort(
          Tag.FIELD,
          "writing into the static array '" + i.base().name() + "' is not supported: a"
              + " differentiable method must not change state outside itself; copy the array"
              + " into a local one and change that",
          t,
          unit);
    }
    if (root.objectArrays.containsKey(i.base())) {
      String[] field = root.objectArrays.get(i.base());
      throw reporter.abort(Tag.FIELD, HeldObjects.arrayFieldWrite(field[0], field[1], t), t, unit);
    }
    if (root.recordArrays.contains(i.base())) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "writing into an array component of a record ('" + t + "') is not supported: a"
              + " differentiable method leaves the records it is given as they are; copy the array"
              + " (double[] w = r.w().clone();) and write the copy",
          t,
          unit);
    }
    if (root.tables.contains(i.base())) {
      throw arrays.readOnly(i.base(), t);
    }
    if (i.type().isArray() && !rowsMayChange) {
      String swapped = method != root.method ? HelperRows.swapped(method, t) : null;
      throw reporter.abort(Tag.UNSUPPORTED, swapped != null ? swapped
          : "assigning a whole row ('" + t + "') this way is not supported: give it a new array"
              + " ('" + t + " = new double[k];') or write its elements one by one", t, unit);
    }
    return i;
  }

  /** The variable an assignment writes: a local or a parameter, never a field. */
  private Var target(ExpressionTree t) {
    if (t instanceof ParenthesizedTree p) {
      return target(p.getExpression());
    }
    Var held = ValueObjects.holderField(session, expressions, t); // acc.sum += x, or sum += x in acc's method
    if (held != null) {
      return held;
    }
    if (t instanceof IdentifierTree id) {
      Object named = session.lookupAny(id.getName().toString());
      if (named instanceof Var v && v.type().isArray() && root.tables.contains(v)) {
        return v;
      }
      // sum += x; in a method of an object the method made and changes is its local, written below
      if (named != null && root.fieldsOf.containsKey(named) && !root.mutable.contains(root.fieldsOf.get(named))) {
        throw fieldWrite(id.getName().toString(), root.fieldsOf.get(named), t);
      }
      if (named instanceof Alias) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "giving '" + id.getName() + "', which names an array the method is given or a row, another"
                + " array is not supported: declare a local copy ('double[] x = " + id.getName()
                + ".clone();') and assign that",
            t,
            unit);
      }
      if (named instanceof Var v) {
        return v;
      }
      if (named instanceof BuiltLists.Built b) {
        throw BuiltLists.of(session).unsupported(b, t);
      }
      if (named instanceof SinCos) {
        throw reporter.abort(Tag.UNSUPPORTED, "a SinCos local cannot be assigned again in a differentiable method: declare a new one", t, unit);
      }
      if (!isField(id.getName().toString())) {
        throw reporter.abortQuietly(); // javac: cannot find symbol
      }
    }
    if (t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("length")
        && ms.getExpression() instanceof IdentifierTree named && session.lookupAny(named.getName().toString()) != null) {
      throw reporter.abortQuietly(); // javac: cannot assign a value to final variable length
    }
    if (t instanceof MemberSelectTree ms && session.constructing != null
        && expressions.heldValue(ms.getExpression()) == session.constructing
        && session.constructing.parts.get(ms.getIdentifier().toString()) instanceof Expr.Ref field) {
      return field.var(); // this.x = x; in a value class's constructor read in place
    }
    if (t instanceof MemberSelectTree ms && MutableObjects.field(session, expressions.heldValue(ms.getExpression()), ms) != null) {
      return MutableObjects.field(session, expressions.heldValue(ms.getExpression()), ms); // acc.sum += x
    }
    if (t instanceof MemberSelectTree ms && expressions.heldValue(ms.getExpression()) != null) {
      throw fieldWrite(ms.getIdentifier().toString(), expressions.heldValue(ms.getExpression()), t);
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "writing to a field is not supported: a differentiable method must not change state"
            + " outside itself; use a local variable and return the result",
        t,
        unit);
  }

  /** Writing a field of an object the method holds as its fields: an error saying what to write. */
  private AbortMethod fieldWrite(String field, RecordValue of, Tree t) {
    return reporter.abort(Tag.FIELD, HeldObjects.fieldWrite(field, of.name()), t, unit);
  }

  /** Whether {@code name} names a field the method can see. */
  private boolean isField(String name) {
    for (TypeElement scope : resolver.staticScopes(name)) {
      if (expressions.field(scope, name) != null) {
        return true;
      }
    }
    return false;
  }

  static boolean isIncrement(Tree t) {
    return t.getKind() == Tree.Kind.PREFIX_INCREMENT || t.getKind() == Tree.Kind.PREFIX_DECREMENT
        || t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
  }

  /**
   * An assignment or increment used as a value, {@code y = x++} or {@code while ((x = f(x)) > 1)}:
   * the assignment runs first, as a statement, and the value is what it assigned; {@code x++}
   * is the value before, kept in a local.
   */
  Expr assignmentValue(ExpressionTree t) {
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    boolean postfix = t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    if (t instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree id
        && session.lookupAny(id.getName().toString()) instanceof RecordValue) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an assignment to a record variable used as a value is not supported: assign it in a"
              + " statement of its own, then read it",
          t,
          unit);
    }
    List<Stmt> before = session.prelude;
    session.prelude = new ArrayList<>();
    Stmt stmt;
    try {
      stmt = effect(t);
    } finally {
      List<Stmt> own = session.prelude;
      session.prelude = before;
      session.prelude.addAll(own);
    }
    Expr place;
    if (stmt instanceof Stmt.Assign a) {
      place = new Expr.Ref(a.var());
    } else if (stmt instanceof Stmt.Store st) {
      place = st.target();
    } else {
      throw session.unsupported(t);
    }
    Expr value = place;
    if (postfix) {
      Var old = Var.temp("_old", place.type());
      session.prelude.add(new Stmt.Declare(old, place));
      value = new Expr.Ref(old);
    }
    session.remember(stmt, t);
    session.prelude.add(stmt);
    return value;
  }
}
