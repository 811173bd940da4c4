package io.github.backprop.processor.read;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code cf.evaluate(x, epsilon, maxIterations)} of an anonymous {@code ContinuedFraction}, as
 * the loop the library runs (modified Lentz), written in the IR with the anonymous class's
 * {@code getA} and {@code getB} read in place: the derivative is then exact for the iterations
 * that ran. The library's {@code evaluate} is not in the compilation; this is its algorithm.
 *
 * <p>Transcribed from {@code org.hipparchus.util.ContinuedFraction.evaluate(double, double, int)}
 * (Hipparchus 4.0.3) and {@code org.apache.commons.math3.util.ContinuedFraction.evaluate(double,
 * double, int)} (Commons Math 3.6.1), both Apache License 2.0. In these versions the two are the
 * same loop, with no rescaling of the recurrence; they differ only in the exceptions thrown. A
 * release whose evaluate differs would need an entry of its own. {@code Precision.equals(v, 0.0,
 * small)} is {@code |v| <= small}: its one-ulp test admits only values smaller than {@code small}.
 */
final class ContinuedFractions {
  private ContinuedFractions() {}

  /** A library whose ContinuedFraction backprop lowers: its exceptions. */
  record Library(String formats, String divergence, String maxCount) {}

  private static final Map<String, Library> LIBRARIES =
      Map.of(
          "org.hipparchus.util.ContinuedFraction",
          new Library(
              "org.hipparchus.exception.LocalizedCoreFormats",
              "org.hipparchus.exception.MathIllegalStateException",
              "org.hipparchus.exception.MathIllegalStateException"),
          "org.apache.commons.math3.util.ContinuedFraction",
          new Library(
              "org.apache.commons.math3.exception.util.LocalizedFormats",
              "org.apache.commons.math3.exception.ConvergenceException",
              "org.apache.commons.math3.exception.MaxCountExceededException"));

  /** Hipparchus' and Commons Math's {@code DEFAULT_EPSILON}, for the overloads without one. */
  private static final double DEFAULT_EPSILON = 10e-9;

  private static final double SMALL = 1e-50;

  static Library of(TypeElement type) {
    return LIBRARIES.get(type.getQualifiedName().toString());
  }

  /** {@code cf.name(args)} on the anonymous object {@code n}: evaluate's loop, or an error. */
  static Expr evaluate(FunctionValues here, FunctionValues.Fn fn, NewClassTree n, String name, List<Expr> args, MethodInvocationTree t) {
    ReadSession home = fn.home;
    TypeElement base = home.resolver.type(n.getIdentifier());
    Library lib = of(base);
    if (!name.equals("evaluate") || args.isEmpty() || args.size() > 3) {
      throw here.reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' of an anonymous " + base.getSimpleName() + " is not supported: backprop"
              + " runs its evaluate (x, epsilon, maxIterations) in place",
          t,
          here.unit);
    }
    Expr x = args.get(0);
    Expr epsilon = new Expr.Literal(DEFAULT_EPSILON, Type.DOUBLE);
    Expr max = Expr.Literal.ofInt(Integer.MAX_VALUE);
    if (args.size() == 3) {
      epsilon = args.get(1);
      max = args.get(2);
    } else if (args.size() == 2) {
      if (args.get(1).type() != null && args.get(1).type().equals(Type.INT)) {
        max = args.get(1);
      } else {
        epsilon = args.get(1);
      }
    }
    if (!Type.DOUBLE.acceptsByWidening(x.type()) || !Type.DOUBLE.acceptsByWidening(epsilon.type()) || !Type.INT.equals(max.type())) {
      throw here.reporter.abortQuietly(); // javac: no such evaluate
    }
    List<Stmt> out = here.session.prelude;
    Var vx = declare(out, "_x", x, Type.DOUBLE);
    Var veps = declare(out, "_epsilon", epsilon, Type.DOUBLE);
    Var vmax = declare(out, "_maxIterations", max, Type.INT);
    Expr small = new Expr.Literal(SMALL, Type.DOUBLE);
    Owner doubles = Resolver.owner(home.elements.getTypeElement("java.lang.Double"));

    Var hPrev = Var.temp("_hPrev", Type.DOUBLE);
    out.add(new Stmt.Declare(hPrev, term(home, fn, n, "getA", Expr.Literal.ofInt(0), vx, out)));
    out.add(ifTiny(hPrev, small));
    Var count = Var.temp("_n", Type.INT);
    out.add(new Stmt.Declare(count, Expr.Literal.ofInt(1)));
    Var dPrev = Var.temp("_dPrev", Type.DOUBLE);
    out.add(new Stmt.Declare(dPrev, new Expr.Literal(0.0, Type.DOUBLE)));
    Var cPrev = Var.temp("_cPrev", Type.DOUBLE);
    out.add(new Stmt.Declare(cPrev, ref(hPrev)));
    Var hN = Var.temp("_hN", Type.DOUBLE);
    out.add(new Stmt.Declare(hN, ref(hPrev)));

    LoopId loop = new LoopId(null);
    List<Stmt> body = new ArrayList<>();
    Var a = Var.temp("_a", Type.DOUBLE);
    body.add(new Stmt.Declare(a, term(home, fn, n, "getA", ref(count), vx, body)));
    Var b = Var.temp("_b", Type.DOUBLE);
    body.add(new Stmt.Declare(b, term(home, fn, n, "getB", ref(count), vx, body)));
    Var dN = Var.temp("_dN", Type.DOUBLE);
    body.add(new Stmt.Declare(dN, add(ref(a), new Expr.Binary(Op.MUL, ref(b), ref(dPrev), Type.DOUBLE))));
    body.add(ifTiny(dN, small));
    Var cN = Var.temp("_cN", Type.DOUBLE);
    body.add(new Stmt.Declare(cN, add(ref(a), new Expr.Binary(Op.DIV, ref(b), ref(cPrev), Type.DOUBLE))));
    body.add(ifTiny(cN, small));
    body.add(new Stmt.Assign(dN, null, new Expr.Binary(Op.DIV, Expr.Literal.ofInt(1), ref(dN), Type.DOUBLE)));
    Var deltaN = Var.temp("_deltaN", Type.DOUBLE);
    body.add(new Stmt.Declare(deltaN, new Expr.Binary(Op.MUL, ref(cN), ref(dN), Type.DOUBLE)));
    body.add(new Stmt.Assign(hN, null, new Expr.Binary(Op.MUL, ref(hPrev), ref(deltaN), Type.DOUBLE)));
    body.add(throwIf(new Expr.Call(doubles, "isInfinite", List.of(ref(hN)), Type.BOOLEAN),
        failure(home.elements, lib.divergence(), lib, "CONTINUED_FRACTION_INFINITY_DIVERGENCE", List.of(ref(vx)))));
    body.add(throwIf(new Expr.Call(doubles, "isNaN", List.of(ref(hN)), Type.BOOLEAN),
        failure(home.elements, lib.divergence(), lib, "CONTINUED_FRACTION_NAN_DIVERGENCE", List.of(ref(vx)))));
    Expr change = new Expr.Call(Owner.MATH, "abs", List.of(new Expr.Binary(Op.SUB, ref(deltaN), new Expr.Literal(1.0, Type.DOUBLE), Type.DOUBLE)), Type.DOUBLE);
    body.add(new Stmt.If(new Expr.Binary(Op.LT, change, ref(veps), Type.BOOLEAN), new Stmt.Block(List.of(new Stmt.Break(loop))), new Stmt.Block(List.of())));
    body.add(new Stmt.Assign(dPrev, null, ref(dN)));
    body.add(new Stmt.Assign(cPrev, null, ref(cN)));
    body.add(new Stmt.Assign(hPrev, null, ref(hN)));
    body.add(new Stmt.Assign(count, Op.ADD, Expr.Literal.ofInt(1)));
    out.add(new Stmt.Loop(loop, List.of(), new Expr.Binary(Op.LT, ref(count), ref(vmax), Type.BOOLEAN), List.of(), new Stmt.Block(body), true));
    out.add(throwIf(new Expr.Binary(Op.GE, ref(count), ref(vmax), Type.BOOLEAN),
        failure(home.elements, lib.maxCount(), lib, "NON_CONVERGENT_CONTINUED_FRACTION", List.of(ref(vmax), ref(vx)))));
    return ref(hN);
  }

  /** {@code getA(n, x)} or {@code getB(n, x)}: the method's body read in place, its statements into {@code into}. */
  private static Expr term(ReadSession home, FunctionValues.Fn fn, NewClassTree n, String name, Expr index, Var x, List<Stmt> into) {
    for (Tree member : n.getClassBody().getMembers()) {
      if (member instanceof MethodTree m && m.getName().contentEquals(name)) {
        return home.functions.body(fn.captured, m.getParameters(), m.getBody(), List.of(index, ref(x)), into, Type.DOUBLE);
      }
    }
    throw home.reporter.abortQuietly(); // javac: the anonymous class does not implement it
  }

  private static Var declare(List<Stmt> out, String name, Expr value, Type type) {
    Var v = Var.temp(name, type);
    out.add(new Stmt.Declare(v, value));
    return v;
  }

  /** {@code if (Precision.equals(v, 0.0, small)) v = small;} */
  private static Stmt ifTiny(Var v, Expr small) {
    Expr tiny = new Expr.Binary(Op.LE, new Expr.Call(Owner.MATH, "abs", List.of(ref(v)), Type.DOUBLE), small, Type.BOOLEAN);
    return new Stmt.If(tiny, new Stmt.Block(List.of(new Stmt.Assign(v, null, small))), new Stmt.Block(List.of()));
  }

  private static Stmt throwIf(Expr condition, Expr.Foreign exception) {
    return new Stmt.If(condition, new Stmt.Block(List.of(new Stmt.Throw(exception))), new Stmt.Block(List.of()));
  }

  /** {@code new E(Formats.PATTERN, args...)}, the exception the library throws. */
  private static Expr.Foreign failure(Elements elements, String exception, Library lib, String pattern, List<Expr> args) {
    TypeElement type = elements.getTypeElement(exception);
    TypeElement formats = elements.getTypeElement(lib.formats());
    List<Object> parts = new ArrayList<>();
    if (type == null || formats == null) {
      parts.add("new IllegalStateException(\"" + pattern.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "\")");
      return new Expr.Foreign(parts, null);
    }
    parts.add("new ");
    parts.add(Resolver.owner(type));
    parts.add("(");
    parts.add(Resolver.owner(formats));
    parts.add("." + pattern);
    for (Expr a : args) {
      parts.add(", ");
      parts.add(a);
    }
    parts.add(")");
    return new Expr.Foreign(parts, null);
  }

  private static Expr add(Expr a, Expr b) {
    return new Expr.Binary(Op.ADD, a, b, Type.DOUBLE);
  }

  private static Expr ref(Var v) {
    return new Expr.Ref(v);
  }
}
