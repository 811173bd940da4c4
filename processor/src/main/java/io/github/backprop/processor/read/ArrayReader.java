package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * New arrays, and the library's array methods written out as the loops they perform ({@code
 * System.arraycopy}, {@code Arrays.sort}, {@code fill}, {@code copyOf}), so that the values they
 * move keep their derivatives; and the read-only tables an array local may name.
 */
final class ArrayReader extends SessionPart {
  ArrayReader(ReadSession session) {
    super(session);
  }

  /** {@code new double[n][m]}, or {@code new double[] {a, b}}. */
  Expr newArray(NewArrayTree n) {
    if (n.getType() == null) {
      throw reporter.abortQuietly(); // a bare {a, b} outside a declaration: javac reports it
    }
    if (n.getType() instanceof ExpressionTree t && isJdkObject(resolver.type(t)) && n.getInitializers() != null
        && n.getDimensions().isEmpty()) {
      // new Object[] {strike, cutoff}: the arguments of a message (a logger's, a check's), as
      // written; a call that returns a number refuses it as any object made from differentiable values
      List<Object> parts = new ArrayList<>(List.of("new " + n.getType() + "[] {"));
      for (ExpressionTree i : n.getInitializers()) {
        if (parts.size() > 1) {
          parts.add(", ");
        }
        parts.addAll(calls.printed(expressions.expr(i)));
      }
      parts.add("}");
      return new Expr.Foreign(parts, null);
    }
    Type element = types.declaredType(n.getType());
    if (element.prim() == Type.Prim.OBJECT || element.prim() == Type.Prim.LIST) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "an array of records is supported as a local variable of one dimension, made where it is"
              + " declared ('" + n.getType() + "[] a = new " + n.getType() + "[n];'): declare it in one first",
          n,
          unit);
    }
    if (element.isNarrow()) {
      throw reporter.abort(
          Tag.UNSUPPORTED, "arrays of " + element + " are not supported: use an int[]", n, unit);
    }
    if (n.getInitializers() != null) {
      Type type = element;
      for (int i = 0; i < Math.max(1, n.getDimensions().size()); i++) {
        type = type.arrayOf();
      }
      if (type.dims() > 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
      }
      return arrayInitializer(n, type);
    }
    List<Expr> dims = new ArrayList<>();
    for (ExpressionTree d : n.getDimensions()) {
      Expr e = expressions.expr(d);
      if (!e.type().equals(Type.INT)) {
        throw reporter.abortQuietly();
      }
      dims.add(e);
    }
    Type type = element;
    for (int i = 0; i < dims.size(); i++) {
      type = type.arrayOf();
    }
    if (type.dims() > 2) {
      throw reporter.abort(
          Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
    }
    if (element.isArray()) {
      type = element.element().arrayOf().arrayOf(); // new double[n][]: rows allocated later
    }
    return new Expr.NewArray(type, dims, List.of());
  }

  /** Whether an array of {@code type} can only be data for a call: Object, Number, String, not Double. */
  private static boolean isJdkObject(TypeElement type) {
    return type != null && type.getQualifiedName().toString().startsWith("java.") && Boxes.primitiveOf(type) == null;
  }

  /** {@code {a, b}} of type {@code type}; rows of a two-dimensional one are initialisers too. */
  Expr arrayInitializer(NewArrayTree n, Type type) {
    if (type.dims() > 2) {
      throw reporter.abort(
          Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
    }
    Type element = type.element();
    List<Expr> elements = new ArrayList<>();
    for (ExpressionTree e : n.getInitializers()) {
      Expr x;
      if (element.isArray()) {
        if (!(e instanceof NewArrayTree row)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a row that is not written out ('" + e + "') is not supported: write it as {a, b}",
              e,
              unit);
        }
        x = arrayInitializer(row, element);
        session.position(x, e);
      } else {
        x = expressions.expr(e);
        if (!element.acceptsByWidening(x.type())) {
          throw reporter.abortQuietly();
        }
      }
      elements.add(x);
    }
    return new Expr.NewArray(type, List.of(), elements);
  }

  /**
   * {@code System.arraycopy(src, sp, dest, dp, n)} as the loop it performs, so the values it
   * copies keep their derivatives: {@code for (k = 0; k < n; k++) dest[dp + k] = src[sp + k];}.
   * Within one array the loop runs backwards where the ranges could overlap that way, as
   * arraycopy copies as if through a temporary array.
   */
  Expr arraycopy(List<Expr> args, MethodInvocationTree t) {
    Expr src = args.get(0);
    Expr dest = args.get(2);
    if (Calls.isObject(src) || Calls.isObject(dest) || !src.type().isArray() || !src.type().equals(dest.type())
        || src.type().element().isArray()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "System.arraycopy is supported between two arrays of one primitive type, such as"
              + " double[]; to copy rows, copy the elements of each row",
          t,
          unit);
    }
    if (!(dest instanceof Expr.Ref || dest instanceof Expr.Index) || !(src instanceof Expr.Ref || src instanceof Expr.Index)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "System.arraycopy needs array variables or rows such as m[i]: create the array into a"
              + " variable first",
          t,
          unit);
    }
    Var base = dest instanceof Expr.Ref r ? r.var() : ((Expr.Index) dest).base();
    if (root.tables.contains(base)) {
      throw readOnly(base, t.getArguments().get(2));
    }
    if (StaticData.isField(base)) {
      throw reporter.abort(
          Tag.FIELD,
          "writing into the static array '" + base.name() + "' is not supported: copy into a local array",
          t.getArguments().get(2),
          unit);
    }
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    Expr from = settled(args.get(1), "_from");
    Expr to = settled(args.get(3), "_to");
    Expr count = settled(args.get(4), "_n");
    Var srcBase = src instanceof Expr.Ref r ? r.var() : ((Expr.Index) src).base();
    session.prelude.add(CopyLoops.copy(src, from, dest, to, count, srcBase == base));
    Expr done = new Expr.Foreign(List.of(), null);
    session.inlined.add(done);
    return done;
  }

  /** A static table, a choice among them, or an array of constants: what a table local names. */
  boolean isTable(Expr e) {
    if (e instanceof Expr.Ref r) {
      return StaticData.isField(r.var()) || root.tables.contains(r.var());
    }
    if (e instanceof Expr.Conditional c) {
      return isTable(c.whenTrue()) && isTable(c.whenFalse());
    }
    if (e instanceof Expr.NewArray n && n.dims().isEmpty()) {
      boolean[] constant = {true};
      n.elements().forEach(x -> Walk.each(x, y -> constant[0] &= !(y instanceof Expr.Ref r && !StaticData.isField(r.var())) && !(y instanceof Expr.Call) && !(y instanceof Expr.DiffCall) && !(y instanceof Expr.Foreign)));
      return constant[0];
    }
    return false;
  }

  AbortMethod readOnly(Var table, Tree at) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "'" + table.name() + "' names a static table or an array of constants chosen above, which"
            + " is read-only here: copy it into an array of its own ('double[] copy = "
            + table.name() + ".clone();') and change that",
        at,
        unit);
  }

  /**
   * {@code Arrays.sort}, {@code fill}, {@code copyOf} or {@code copyOfRange} on a primitive
   * array, as the loops it performs ({@link ArrayMethods}); the arguments are evaluated once,
   * in order, as Java does.
   */
  Expr arraysCall(String name, List<Expr> args, MethodInvocationTree t) {
    Expr a = args.get(0);
    arrayArgument(a, "Arrays." + name, !name.startsWith("copy"), t, t.getArguments().get(0));
    Expr zero = Expr.Literal.ofInt(0);
    switch (name) {
      case "sort" -> {
        Expr from = args.size() == 3 ? settled(args.get(1), "_from") : zero;
        Expr to = args.size() == 3 ? settled(args.get(2), "_to") : new Expr.Length(a);
        session.prelude.addAll(ArrayMethods.sort(a, from, to));
      }
      case "fill" -> {
        Expr from = args.size() == 4 ? settled(args.get(1), "_from") : zero;
        Expr to = args.size() == 4 ? settled(args.get(2), "_to") : new Expr.Length(a);
        Expr v = settled(args.get(args.size() - 1), "_fill");
        session.prelude.addAll(ArrayMethods.fill(a, from, to, v));
      }
      default -> {
        Var copy = Var.temp("_copy", a.type());
        Expr from = name.equals("copyOfRange") ? settled(args.get(1), "_from") : null;
        Expr end = settled(args.get(args.size() - 1), name.equals("copyOfRange") ? "_to" : "_length");
        session.prelude.addAll(ArrayMethods.copy(copy, a, from, end));
        return new Expr.Ref(copy);
      }
    }
    Expr done = new Expr.Foreign(List.of(), null);
    session.inlined.add(done);
    return done;
  }

  /**
   * Checks the array a library method written out here takes ({@code what}, e.g. {@code
   * Arrays.sort}): a variable or a row, and where the method {@code writes} into it, not a
   * table or a static array.
   */
  void arrayArgument(Expr a, String what, boolean writes, MethodInvocationTree t, Tree at) {
    if (!(a instanceof Expr.Ref || a instanceof Expr.Index)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          what + " needs an array variable or a row such as m[i]: create the array into a"
              + " variable first",
          at,
          unit);
    }
    Var base = a instanceof Expr.Ref r ? r.var() : ((Expr.Index) a).base();
    if (writes && root.tables.contains(base)) {
      throw readOnly(base, at);
    }
    if (writes && StaticData.isField(base)) {
      throw reporter.abort(
          Tag.FIELD,
          "writing into the static array '" + base.name() + "' is not supported: copy it into a"
              + " local array (" + base.name() + ".clone()) and " + what.substring(what.indexOf('.') + 1)
              + " that",
          at,
          unit);
    }
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
  }

  /** {@code e} if it cannot change while the statements run, else a local holding its value. */
  Expr settled(Expr e, String name) {
    if (e instanceof Expr.Literal || (e instanceof Expr.Ref r && r.var().kind() != Var.Kind.FIELD)) {
      return e;
    }
    Var v = Var.temp(name, e.type());
    session.prelude.add(new Stmt.Declare(v, e));
    return new Expr.Ref(v);
  }
}
