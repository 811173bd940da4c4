package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream pipeline ({@link Streams} recognises its shape) as the loop it performs, element by
 * element, each lambda read in place with its parameter bound to a local.
 */
final class StreamReader extends SessionPart {
  /** A filtered toArray's count of the elements it kept, from collect to the copy after the loop. */
  private Expr toArrayCount;

  /** A stream end's test that its OptionalDouble holds a value, from accumulate to finish. */
  private final Map<MethodInvocationTree, Expr> optionals = new IdentityHashMap<>();

  StreamReader(ReadSession session) {
    super(session);
  }

  /**
   * A stream pipeline as the loop it performs, element by element, in order: the source's
   * elements, each operation's lambda read in place with its parameter bound, and the end's
   * accumulation, with DoubleStream's compensated sum written out as the JDK computes it so
   * that the value is the same to the last bit.
   */
  Expr stream(Streams.Pipeline p, MethodInvocationTree t) {
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    Streams.Source src = p.source();
    List<? extends ExpressionTree> sargs = src.args();
    Expr array;
    Expr from;
    Expr to;
    Expr collection = null; // rows.stream(): its elements read by an iterator
    Type items = null;
    boolean closed = src.kind() == Streams.SourceKind.RANGE_CLOSED;
    switch (src.kind()) {
      case ARRAY, OF -> {
        boolean wholeArray = src.kind() == Streams.SourceKind.ARRAY || sargs.size() == 1;
        Expr first = calls.typed(expressions.value(sargs.get(0)));
        if (records.arrays().arrayOf(first) != null) {
          throw records.arrays().streamed(sargs.get(0), records.arrays().arrayOf(first));
        }
        if (wholeArray && first.type() != null && first.type().isArray()) {
          array = first; // the array itself, as arraycopy takes it: a copy would lose its derivatives
        } else {
          first = arrays.settled(first, "_arg");
          List<Expr> elements = new ArrayList<>();
          elements.add(first);
          for (int i = 1; i < sargs.size(); i++) {
            elements.add(arrays.settled(expressions.expr(sargs.get(i)), "_arg"));
          }
          Type element = src.ints() ? Type.INT : Type.DOUBLE;
          for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).type() == null || !element.acceptsByWidening(elements.get(i).type())) {
              throw reporter.abortQuietly(); // javac: no suitable of(...)
            }
          }
          Var of = Var.temp("_of", element.arrayOf());
          session.prelude.add(new Stmt.Declare(of, new Expr.NewArray(element.arrayOf(), List.of(), elements)));
          array = new Expr.Ref(of);
        }
        if (!(array instanceof Expr.Ref || array instanceof Expr.Index) || array.type().element().isArray()
            || !(array.type().element().equals(Type.DOUBLE) || array.type().element().equals(Type.INT))) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a stream over this array is not supported: stream a double[] or an int[] variable",
              sargs.get(0),
              unit);
        }
        if (src.kind() == Streams.SourceKind.ARRAY && sargs.size() == 3) {
          from = arrays.settled(expressions.expr(sargs.get(1)), "_from");
          to = arrays.settled(expressions.expr(sargs.get(2)), "_to");
          Var n = Var.temp("_n", Type.INT);
          session.prelude.add(new Stmt.Declare(n, new Expr.Call(ArrayMethods.RANGES, "stream", List.of(new Expr.Length(array), from, to), Type.INT)));
        } else {
          from = Expr.Literal.ofInt(0);
          to = new Expr.Length(array);
        }
      }
      case COLLECTION -> {
        array = null;
        collection = expressions.value(sargs.get(0));
        items = GenericLoops.element(collection, session.elements);
        from = Expr.Literal.ofInt(0);
        to = new Expr.Foreign(List.of(collection, ".size()"), Type.INT); // room for toArray
      }
      default -> {
        array = null;
        from = arrays.settled(expressions.expr(sargs.get(0)), "_from");
        to = arrays.settled(expressions.expr(sargs.get(1)), "_to");
        if (!from.type().equals(Type.INT) || !to.type().equals(Type.INT)) {
          throw reporter.abortQuietly(); // javac: range takes ints
        }
      }
    }
    boolean ints = collection != null ? Type.INT.equals(items) : array == null || array.type().element().equals(Type.INT);
    Streams.Terminal end = p.terminal();
    Expr identity = end.name().equals("reduce") ? arrays.settled(expressions.expr(end.args().get(0)), "_identity") : null;
    String label = session.pendingLabel;
    session.pendingLabel = null;
    LoopId id = loops.enterLoop();
    session.pendingLabel = label;
    Var k = collection != null ? GenericLoops.iterator(collection, session.elements) : Var.temp("_k", Type.INT);
    List<Stmt> before = new ArrayList<>();
    List<Stmt> body = new ArrayList<>();
    List<Stmt> outer = session.prelude;
    Expr result;
    scopes.push(new java.util.LinkedHashMap<>());
    try {
      session.prelude = body;
      Type type = collection != null ? items : ints ? Type.INT : Type.DOUBLE;
      Var e0 = Var.temp("_e", type);
      body.add(new Stmt.Declare(e0, collection != null ? new Expr.Foreign(List.of(new Expr.Ref(k), ".next()"), type)
          : array == null ? new Expr.Ref(k) : new Expr.Index(array, new Expr.Ref(k))));
      Expr current = new Expr.Ref(e0);
      for (Streams.Op op : p.ops()) {
        switch (op.name()) {
          case "asDoubleStream" -> {
            type = Type.DOUBLE;
            current = new Expr.Cast(Type.DOUBLE, current);
          }
          case "filter" -> {
            Expr keep = apply(op.fn(), List.of(current), List.of(type), op.tree());
            if (!keep.type().equals(Type.BOOLEAN)) {
              throw reporter.abortQuietly();
            }
            body.add(new Stmt.If(new Expr.Unary(Op.NOT, keep, Type.BOOLEAN), new Stmt.Block(List.of(new Stmt.Continue(id))), new Stmt.Block(List.of())));
          }
          default -> {
            Type out = op.name().equals("mapToDouble") ? Type.DOUBLE : type;
            Expr v = apply(op.fn(), List.of(current), List.of(type), op.tree());
            if (v.type() == null || !out.acceptsByWidening(v.type())) {
              throw reporter.abortQuietly(); // javac: bad return type in lambda
            }
            Var e = Var.temp("_e", out);
            body.add(new Stmt.Declare(e, v));
            type = out;
            current = new Expr.Ref(e);
          }
        }
      }
      if (collection != null && !type.isNumeric()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a stream of the " + type + " elements of a collection is supported where mapToDouble makes"
                + " numbers of them before it ends ('rows.stream().mapToDouble(r -> r[0] * r[1]).sum()'); or"
                + " write the for-each loop",
            t,
            unit);
      }
      if (end.name().equals("toArray")) {
        // Room for every element the source has; a filter may leave fewer, copied out after.
        Expr span = collection != null ? to : new Expr.Binary(Op.SUB, to, from, Type.INT);
        Expr room = new Expr.Call(Owner.MATH, "max", List.of(Expr.Literal.ofInt(0), closed ? io.github.backprop.processor.ir.Exprs.intAdd(span, 1) : span), Type.INT);
        result = collect(type, current, room, before, body, p.ops().stream().anyMatch(o -> o.name().equals("filter")));
      } else {
        result = accumulate(end, type, current, identity, before, body, t);
      }
    } finally {
      session.prelude = outer;
      scopes.pop();
      session.loopScopes.pop();
    }
    session.prelude.addAll(before);
    Expr test = new Expr.Binary(closed ? Op.LE : Op.LT, new Expr.Ref(k), to, Type.BOOLEAN);
    session.prelude.add(
        collection != null
            ? GenericLoops.over(id, k, collection, new Stmt.Block(body))
            : new Stmt.Loop(
                id,
                List.of(new Stmt.Declare(k, from)),
                test,
                List.of(new Stmt.Assign(k, Op.ADD, Expr.Literal.ofInt(1))),
                new Stmt.Block(body),
                true));
    if (end.name().equals("toArray")) {
      // The loop filled the buffer; a filtered one is copied to the length it reached.
      if (toArrayCount == null) {
        return result;
      }
      Var copy = Var.temp("_toArray", result.type());
      session.prelude.addAll(ArrayMethods.copy(copy, result, null, toArrayCount));
      return new Expr.Ref(copy);
    }
    return finish(end, result, t);
  }

  /**
   * toArray: each element stored at the next index of a buffer with room for all; the buffer.
   * Where a filter may skip elements, {@link #toArrayCount} holds how many it kept.
   */
  private Expr collect(Type type, Expr e, Expr room, List<Stmt> before, List<Stmt> body, boolean filtered) {
    Var buffer = Var.temp("_buffer", type.arrayOf());
    before.add(new Stmt.Declare(buffer, new Expr.NewArray(type.arrayOf(), List.of(room), List.of())));
    Var n = Var.temp("_count", Type.INT);
    before.add(new Stmt.Declare(n, Expr.Literal.ofInt(0)));
    body.add(new Stmt.Store(new Expr.Index(new Expr.Ref(buffer), new Expr.Ref(n)), null, e));
    body.add(new Stmt.Assign(n, Op.ADD, Expr.Literal.ofInt(1)));
    toArrayCount = filtered ? new Expr.Ref(n) : null;
    return new Expr.Ref(buffer);
  }

  /** What the pipeline's end does with each element; its result, completed by {@link #finish}. */
  private Expr accumulate(
      Streams.Terminal end, Type type, Expr e, Expr identity, List<Stmt> before, List<Stmt> body, MethodInvocationTree t) {
    Expr zero = io.github.backprop.processor.ir.Exprs.zeroOf(type);
    switch (end.name()) {
      case "count" -> {
        Var n = Var.temp("_count", Type.LONG);
        before.add(new Stmt.Declare(n, new Expr.Literal(0L, Type.LONG)));
        body.add(new Stmt.Assign(n, Op.ADD, new Expr.Literal(1L, Type.LONG)));
        return new Expr.Ref(n);
      }
      case "reduce" -> {
        Var acc = Var.temp("_acc", type);
        if (!type.acceptsByWidening(identity.type())) {
          throw reporter.abortQuietly();
        }
        before.add(new Stmt.Declare(acc, identity));
        ExpressionTree op = Streams.strip(end.args().get(1));
        if (!Streams.isFunction(op) || (op instanceof LambdaExpressionTree l && l.getParameters().size() != 2)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "reduce takes a lambda or a method reference here, such as '(a, b) -> a + b' or"
                  + " 'Double::sum'; a function object held in a variable is not supported",
              end.args().get(1),
              unit);
        }
        Expr v = apply(op, List.of(new Expr.Ref(acc), e), List.of(type, type), t);
        if (v.type() == null || !type.acceptsByWidening(v.type())) {
          throw reporter.abortQuietly();
        }
        body.add(new Stmt.Assign(acc, null, v));
        return new Expr.Ref(acc);
      }
      case "max", "min" -> {
        Var found = Var.temp("_found", Type.BOOLEAN);
        Var m = Var.temp("_" + end.name(), type);
        before.add(new Stmt.Declare(found, FALSE));
        before.add(new Stmt.Declare(m, zero));
        Expr next = new Expr.Call(Owner.MATH, end.name(), List.of(new Expr.Ref(m), e), type);
        session.position(next, t);
        body.add(
            new Stmt.If(
                new Expr.Ref(found),
                new Stmt.Block(List.of(new Stmt.Assign(m, null, next))),
                new Stmt.Block(List.of(new Stmt.Assign(found, null, TRUE), new Stmt.Assign(m, null, e)))));
        optionals.put(t, new Expr.Ref(found));
        return new Expr.Ref(m);
      }
      default -> { // sum, average
        Var count = null;
        if (end.name().equals("average")) {
          count = Var.temp("_count", type.equals(Type.INT) ? Type.LONG : Type.DOUBLE);
          before.add(new Stmt.Declare(count, io.github.backprop.processor.ir.Exprs.zeroOf(count.type())));
          body.add(new Stmt.Assign(count, Op.ADD, one(count.type())));
        }
        if (type.equals(Type.INT)) {
          Var sum = Var.temp("_sum", end.name().equals("average") ? Type.LONG : Type.INT);
          before.add(new Stmt.Declare(sum, io.github.backprop.processor.ir.Exprs.zeroOf(sum.type())));
          body.add(new Stmt.Assign(sum, Op.ADD, e));
          if (count == null) {
            return new Expr.Ref(sum);
          }
          optionals.put(t, new Expr.Binary(Op.GT, new Expr.Ref(count), io.github.backprop.processor.ir.Exprs.zeroOf(count.type()), Type.BOOLEAN));
          return new Expr.Binary(Op.DIV, new Expr.Cast(Type.DOUBLE, new Expr.Ref(sum)), new Expr.Ref(count), Type.DOUBLE);
        }
        // Collectors.sumWithCompensation and computeFinalSum, as DoubleStream.sum runs them.
        Var s = Var.temp("_sum", Type.DOUBLE);
        Var c = Var.temp("_compensation", Type.DOUBLE);
        Var simple = Var.temp("_simpleSum", Type.DOUBLE);
        before.add(new Stmt.Declare(s, zero));
        before.add(new Stmt.Declare(c, zero));
        before.add(new Stmt.Declare(simple, zero));
        Var tmp = Var.temp("_tmp", Type.DOUBLE);
        Var velvel = Var.temp("_velvel", Type.DOUBLE);
        body.add(new Stmt.Declare(tmp, new Expr.Binary(Op.SUB, e, new Expr.Ref(c), Type.DOUBLE)));
        body.add(new Stmt.Declare(velvel, new Expr.Binary(Op.ADD, new Expr.Ref(s), new Expr.Ref(tmp), Type.DOUBLE)));
        body.add(
            new Stmt.Assign(
                c,
                null,
                new Expr.Binary(
                    Op.SUB,
                    new Expr.Binary(Op.SUB, new Expr.Ref(velvel), new Expr.Ref(s), Type.DOUBLE),
                    new Expr.Ref(tmp),
                    Type.DOUBLE)));
        body.add(new Stmt.Assign(s, null, new Expr.Ref(velvel)));
        body.add(new Stmt.Assign(simple, Op.ADD, e));
        Expr compensated = new Expr.Binary(Op.SUB, new Expr.Ref(s), new Expr.Ref(c), Type.DOUBLE);
        Owner boxed = new Owner("java.lang", "Double");
        Expr spurious =
            new Expr.Binary(
                Op.AND,
                new Expr.Call(boxed, "isNaN", List.of(compensated), Type.BOOLEAN),
                new Expr.Call(boxed, "isInfinite", List.of(new Expr.Ref(simple)), Type.BOOLEAN),
                Type.BOOLEAN);
        Expr total = new Expr.Conditional(spurious, new Expr.Ref(simple), compensated, Type.DOUBLE);
        if (count == null) {
          return total;
        }
        optionals.put(t, new Expr.Binary(Op.GT, new Expr.Ref(count), zero, Type.BOOLEAN));
        return new Expr.Binary(Op.DIV, total, new Expr.Ref(count), Type.DOUBLE);
      }
    }
  }

  /** The pipeline's value: an OptionalDouble's value, or its default, or the plain result. */
  private Expr finish(Streams.Terminal end, Expr result, MethodInvocationTree t) {
    Var value = Var.temp("_" + end.name(), result.type());
    Expr present = optionals.remove(t);
    if (end.optional() == null) {
      session.prelude.add(new Stmt.Declare(value, result));
      return new Expr.Ref(value);
    }
    if (end.optional().equals("orElse")) {
      Expr other = expressions.expr(end.args().get(0));
      if (!result.type().acceptsByWidening(other.type())) {
        throw reporter.abortQuietly();
      }
      session.prelude.add(new Stmt.Declare(value, new Expr.Conditional(present, result, other, result.type())));
      return new Expr.Ref(value);
    }
    Expr.Foreign thrown =
        new Expr.Foreign(List.of("new ", new Owner("java.util", "NoSuchElementException"), "(\"No value present\")"), null);
    session.prelude.add(
        new Stmt.If(
            new Expr.Unary(Op.NOT, present, Type.BOOLEAN),
            new Stmt.Block(List.of(new Stmt.Throw(thrown))),
            new Stmt.Block(List.of())));
    session.prelude.add(new Stmt.Declare(value, result));
    return new Expr.Ref(value);
  }

  private static Expr one(Type t) {
    return t.equals(Type.LONG) ? new Expr.Literal(1L, Type.LONG) : t.equals(Type.INT) ? Expr.Literal.ofInt(1) : Expr.Literal.of(1);
  }

  /** A lambda's value, or a method reference's ({@code Math::exp}: the call Math.exp(v)). */
  private Expr apply(ExpressionTree fn, List<Expr> args, List<Type> types, MethodInvocationTree at) {
    if (fn instanceof MemberReferenceTree r && args.size() == 1 && args.get(0).type() != null && args.get(0).type().isNumeric()
        && Boxes.primitiveOf(resolver.type(r.getQualifierExpression())) != null) {
      // Double::doubleValue of the elements of a Collection<Double>, which are read unboxed.
      Expr unboxed = Boxes.call(args.get(0).type(), args.get(0), r.getName().toString(), List.of());
      if (unboxed != null) {
        return unboxed;
      }
    }
    if (fn instanceof MemberReferenceTree r) {
      return functions.applyReference(r, args, at);
    }
    return lambda((LambdaExpressionTree) fn, args, types);
  }

  /**
   * A lambda's value with its parameters bound to {@code args}: each a local of the method,
   * declared in the loop's body, so the body reads them as any other.
   */
  private Expr lambda(LambdaExpressionTree l, List<Expr> args, List<Type> types) {
    if (l.getParameters().size() != args.size()) {
      throw reporter.abortQuietly();
    }
    if (l.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a lambda with a block body is not supported in a stream: write its value as one"
              + " expression, or call a static helper method from the lambda",
          l,
          unit);
    }
    scopes.push(new java.util.LinkedHashMap<>());
    for (int i = 0; i < args.size(); i++) {
      VariableTree param = l.getParameters().get(i);
      String name = param.getName().toString();
      if (session.declaredLocally(name)) {
        throw reporter.abortQuietly(); // javac: already defined
      }
      Type declared = param.getType() == null || this.types.isVar(param.getType()) ? types.get(i) : this.types.declaredType(param.getType());
      if (!declared.acceptsByWidening(types.get(i))) {
        throw reporter.abortQuietly();
      }
      Stmt.Declare d = new Stmt.Declare(session.declare(name, declared, Var.Kind.LOCAL), args.get(i));
      session.remember(d, param);
      session.prelude.add(d);
    }
    Expr value = expressions.expr((ExpressionTree) l.getBody());
    // The parameters go out of scope with the lambda; their names may be used again.
    scopes.pop();
    return value;
  }
}
