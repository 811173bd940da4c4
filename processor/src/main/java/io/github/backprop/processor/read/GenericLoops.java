package io.github.backprop.processor.read;

import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeArg;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * An enhanced {@code for} over a collection of data ({@code for (double[] row : rows)}, {@code for
 * (Map.Entry<String, Double> e : weights.entrySet())}) reads as Java runs it: {@code
 * Iterator<double[]> _it = rows.iterator(); while (_it.hasNext()) { double[] row = _it.next();
 * body }}. Each element is read once, in the forward sweep; the reverse sweep takes what it needs
 * of it from the tapes, as for any value a loop overwrites.
 */
final class GenericLoops extends SessionPart {
  private static final Owner ITERATOR = new Owner("java.util", "Iterator");

  private GenericLoops(ReadSession session) {
    super(session);
  }

  /** A reader of such loops for {@code session}, which has made its parts. */
  static GenericLoops of(ReadSession session) {
    GenericLoops loops = new GenericLoops(session);
    loops.join();
    return loops;
  }

  /** The loop {@code f} over {@code iterable}, an object of a generic class; the loop's scope is open. */
  Stmt loop(EnhancedForLoopTree f, LoopId id, Expr iterable) {
    Type value = element(iterable, session.elements);
    if (value == null) {
      throw reporter.abortQuietly(); // javac: for-each not applicable
    }
    VariableTree v = f.getVariable();
    Type declared = value.isReference() || v.getType() == null || types.isVar(v.getType()) ? value : types.declaredType(v.getType());
    String name = v.getName().toString();
    if (!declared.acceptsByWidening(value) || session.declaredLocally(name)) {
      throw reporter.abortQuietly(); // javac: incompatible types
    }
    Var it = iterator(iterable, session.elements);
    return over(id, it, iterable, loops.elementThenBody(f, declared, new Expr.Foreign(List.of(new Expr.Ref(it), ".next()"), value)));
  }

  /**
   * What the elements of {@code iterable} are when read: a collection's, boxes unboxed ({@code
   * double} of a {@code Collection<Double>}); null where it is no collection of data.
   */
  static Type element(Expr iterable, javax.lang.model.util.Elements elements) {
    Type t = iterable.type();
    if (t != null && t.dims() == 0 && t.prim() == Type.Prim.LIST) {
      return Records.unboxed(t.ref()); // List<Double>: numbers; of records, RecordCalls's
    }
    TypeArg element = t != null && t.isGeneric() && t.dims() == 0 ? GenericTypes.iterated(t, elements) : null;
    return element == null ? null : GenericTypes.value(element);
  }

  /** {@code Iterator<double[]> _it}: the iterator over {@code iterable}, a wildcard kept ({@code Iterator<? extends Number>}). */
  static Var iterator(Expr iterable, javax.lang.model.util.Elements elements) {
    Type t = iterable.type();
    TypeArg arg = t.prim() == Type.Prim.LIST ? TypeArg.exact(Type.objectOf(t.ref())) : GenericTypes.iterated(t, elements);
    return Var.temp("_it", Type.generic(ITERATOR, List.of(arg)));
  }

  /** {@code for (Iterator<T> it = iterable.iterator(); it.hasNext(); ) body}. */
  static Stmt over(LoopId id, Var it, Expr iterable, Stmt.Block body) {
    Expr more = new Expr.Foreign(List.of(new Expr.Ref(it), ".hasNext()"), Type.BOOLEAN);
    Expr iterator = new Expr.Foreign(List.of(iterable, ".iterator()"), it.type());
    return new Stmt.Loop(id, List.of(new Stmt.Declare(it, iterator)), more, List.of(), body, true);
  }

  /**
   * Whether {@code p} streams numbers of a source backprop reads ({@code rows.stream()} of a
   * collection of data, or an array or a range); any other object's stream() is a call as written.
   */
  static boolean readable(ReadSession session, Streams.Pipeline p) {
    if (p.source().kind() != Streams.SourceKind.COLLECTION) {
      return true;
    }
    GenericLoops g = of(session);
    Expr source = session.apart(() -> g.expressions.value(p.source().args().get(0))).value();
    return element(source, session.elements) != null;
  }
}
