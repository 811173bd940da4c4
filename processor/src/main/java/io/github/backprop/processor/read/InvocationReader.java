package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.rules.ArrayFunctions;
import io.github.backprop.processor.rules.CustomRule;
import io.github.backprop.processor.rules.MathRules;
import io.github.backprop.processor.rules.SpecialFunctions;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Resolves a method call and decides what it becomes: a call of a derivative rule, of an annotated
 * callee's gradient, of a recursive helper's own gradient method, a helper's body read in place,
 * or a call kept as written with no derivative.
 */
final class InvocationReader extends SessionPart {
  InvocationReader(ReadSession session) {
    super(session);
  }

  Expr invocation(MethodInvocationTree t) {
    Streams.Pipeline pipeline;
    try {
      pipeline = Streams.match(t, resolver::type);
    } catch (Streams.Unsupported e) {
      throw reporter.abort(Tag.UNSUPPORTED, e.getMessage(), e.at, unit);
    }
    if (pipeline != null && GenericLoops.readable(session, pipeline)) {
      return streams.stream(pipeline, t);
    }
    calls.noTypeArguments(t);
    List<Expr> args = new ArrayList<>();
    List<Type> argTypes = new ArrayList<>();
    for (ExpressionTree a : t.getArguments()) {
      Read<Expr> read = session.apart(() -> calls.typed(expressions.value(a)));
      session.settleAll(args, read.before());
      Expr e = functions.fields().ofField(a, read.value()); // a final field of the object holding a lambda: the lambda
      args.add(e);
      // A byte, short or char variable is held as an int, but chooses overloads as declared.
      argTypes.add(types.declaredTypeOf(e));
    }
    ExpressionTree select = t.getMethodSelect();
    String name;
    List<TypeElement> scopes;
    Expr receiver = null;
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      if (session.self != null && DataRecordMethods.isInstanceMethodOf(session.self.type, name)) {
        return recordCalls.recordMethod(session.self, name, args, t); // x() or norm() inside a method of the record
      }
      Expr sibling = DataRecordMethods.sibling(this, name, args, t);
      if (sibling != null) {
        return sibling; // dot(w) inside a method of a record of data
      }
      scopes = resolver.staticScopes(name);
    } else if (select instanceof MemberSelectTree ms) {
      name = ms.getIdentifier().toString();
      FunctionValues.Bound bound = functions.named(ms.getExpression());
      if (bound != null) {
        return functions.call(bound, name, args, t); // f.applyAsDouble(x): the lambda's body
      }
      Expr part = expressions.sinCosPart(ms, t);
      if (part != null) {
        return part;
      }
      if (BuiltLists.named(session, ms.getExpression()) != null) {
        return BuiltLists.of(session).call(BuiltLists.named(session, ms.getExpression()), name, args, t);
      }
      TypeElement type = resolver.type(ms.getExpression());
      if (type == null) {
        if (!expressions.namesAValue(ms.getExpression())) {
          throw reporter.abortQuietly(); // javac reports the unknown name
        }
        receiver = expressions.value(ms.getExpression());
        if (records.arrays().arrayOf(receiver) != null) {
          return recordCalls.recordListCall(records.arrays().arrayOf(receiver), name, args, t);
        }
        if (records.aggregateOf(receiver) != null) {
          return recordCalls.recordMethod(records.aggregateOf(receiver), name, args, t);
        }
        if (isList(receiver)) {
          return recordCalls.listCall(receiver, name, args, t);
        }
        if (types.isBoxed(receiver)) {
          Expr unboxed = Boxes.call(types.boxedType(receiver), receiver, name, args);
          if (unboxed == null) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + name + "' of a boxed local is not supported: backprop holds it as its primitive;"
                    + " use its value (doubleValue(), intValue(), ...), isNaN() or compareTo()",
                t,
                unit);
          }
          return unboxed;
        }
        if (!Calls.isObject(receiver)) {
          if (receiver.type().isArray() && name.equals("clone") && t.getArguments().isEmpty()
              && !receiver.type().element().isArray() && session.prelude != null) {
            // w.clone(): a new array of w's length, and the copy System.arraycopy would make.
            Var copy = Var.temp("_copy", receiver.type());
            session.prelude.add(
                new Stmt.Declare(copy, new Expr.NewArray(receiver.type(), List.of(new Expr.Length(receiver)), List.of())));
            Expr zero = Expr.Literal.ofInt(0);
            arrays.arraycopy(List.of(receiver, zero, new Expr.Ref(copy), zero, new Expr.Length(receiver)), t);
            return new Expr.Ref(copy);
          }
          if (receiver.type().isArray()) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "calling a method on an array ('" + t + "') is not supported: write the loop, or"
                    + " create a new array and copy the elements"
                    + (name.equals("clone") ? " (clone() copies arrays of one dimension)" : ""),
                t,
                unit);
          }
          throw reporter.abortQuietly(); // javac: a primitive has no methods
        }
        type = calls.classOf(receiver);
        if (type == null) {
          throw reporter.abortQuietly();
        }
        functions.fields().requireSeen(type, args, ms);
        List<ExecutableElement> candidates = calls.methods(type, name);
        ExecutableElement m = functions.any(args) ? functions.choose(candidates, args, argTypes) : calls.choose(candidates, args);
        if (m == null) {
          throw reporter.abortQuietly(); // javac reports no suitable method
        }
        return call(m, receiver, args, t, true);
      }
      scopes = List.of(type);
      Type box = Boxes.primitiveOf(type);
      if (box != null && name.equals("valueOf") && args.size() == 1 && args.get(0).type() != null
          && !args.get(0).type().isReference() && !args.get(0).type().isArray()) {
        // Double.valueOf(x): the value itself, as the box holds it.
        Expr a = args.get(0);
        Expr held = a.type().equals(box.stored()) ? a : new Expr.Cast(box, a);
        root.boxedValues.put(held, box);
        return held;
      }
    } else {
      throw session.unsupported(t);
    }
    for (TypeElement scope : scopes) {
      List<ExecutableElement> candidates = resolver.methods(scope, name);
      if (candidates.isEmpty()) {
        continue;
      }
      if (functions.any(args)) {
        ExecutableElement m = functions.choose(candidates, args, argTypes);
        if (m == null) {
          continue;
        }
        return call(m, receiver, args, t, false);
      }
      if (args.stream().anyMatch(a -> records.aggregateOf(a) != null || isData(a) || records.arrays().arrayOf(a) != null)) {
        ExecutableElement m = recordCalls.chooseWithRecords(candidates, args);
        if (m == null) {
          throw recordCalls.recordArgumentError(candidates, args, t);
        }
        return recordCalls.recordCall(m, args, t);
      }
      ExecutableElement m = Resolver.choose(candidates, argTypes);
      boolean loose = false;
      if (m == null) {
        // Boxing, varargs, a String or an object: fine for a call that carries no derivative.
        m = Resolver.ambiguous(candidates, argTypes) ? null : calls.choose(candidates, args);
        if (m == null) {
          throw reporter.abortQuietly(); // javac reports no suitable method, or the ambiguity
        }
        loose = !(candidates.size() == 1 && Varargs.packable(session.trees, m)) && !Resolver.exactButNullArrays(m, t.getArguments(), argTypes); // sum(x, y) of sum(double... v), log(x, null) of log(double, double[]): exact
      }
      return call(m, receiver, args, t, loose);
    }
    throw reporter.abortQuietly();
  }

  Expr call(ExecutableElement m, Expr receiver, List<Expr> args, MethodInvocationTree t, boolean loose) {
    String name = m.getSimpleName().toString();
    if (receiver != null && JavaDefinedCalls.readsOnData(session.trees, receiver, m, args)) {
      return DataRecordMethods.inline(this, m, receiver, args, t); // d.residual(w) on an element of a dataset
    }
    Expr made = receiver == null ? null : JavaDefinedCalls.onDataRecord(receiver, m, args);
    if (made != null) {
      return made; // s.inner(), q.minus(p) of records of data: another record of data, made as Java makes it
    }
    if (Records.madeOf(m.getReturnType()) != null || args.stream().anyMatch(a -> records.aggregateOf(a) != null)) {
      return recordCalls.recordCall(m, args, t);
    }
    args = Varargs.packable(session.trees, m) ? Varargs.packed(m, args) : new ArrayList<>(args); // sum(x, y): sum(new double[] {x, y})
    for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
      Type p = Resolver.typeOf(m.getParameters().get(i).asType());
      if (p != null && p.isNarrow() && !(args.get(i) instanceof Expr.Literal)) {
        args.set(i, IntegerOps.narrow(p, args.get(i), DeclaredTypes.generatedType(args.get(i)))); // a char local is an int here
      }
    }
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    if (JavaDefinedCalls.isBoxArithmetic(declaring, name, args)) {
      // Double.sum(a, b) is a + b, and Double.max and min are Math's: reduce(0, Double::sum)
      Type type = Resolver.typeOf(m.getReturnType());
      if (name.equals("sum")) {
        return new Expr.Binary(Expr.Op.ADD, args.get(0), args.get(1), type);
      }
      return call(JavaDefinedCalls.mathTwin(session.elements, name, type), null, args, t, false);
    }
    Owner owner = Resolver.owner(declaring);
    Type result = helpers.resultType(m);
    List<CustomRule> custom = session.reader.rules.find(RuleReader.key(m), root.imports);
    boolean math = MathRules.OWNERS.contains(declaring.getQualifiedName().toString());
    boolean rules = math || SpecialFunctions.find(owner, name, args.size()) != null || ArrayFunctions.rule(owner, name, args.size()) != null;
    if (declaring.getQualifiedName().contentEquals("java.lang.System") && name.equals("arraycopy")) {
      return arrays.arraycopy(args, t);
    }
    if (declaring.getQualifiedName().contentEquals("java.util.Arrays") && ArrayMethods.handles(name, args)) {
      return arrays.arraysCall(name, args, t);
    }
    if (name.equals("sortInPlace") && LibraryArrays.sortsTogether(declaring, args)) {
      for (int i = 0; i < args.size(); i++) {
        arrays.arrayArgument(args.get(i), "MathArrays.sortInPlace", true, t, t.getArguments().get(i));
      }
      Expr x = args.get(0);
      session.prelude.addAll(ArrayMethods.sortTogether(x, args.subList(1, args.size()), y -> LibraryArrays.mismatch(declaring, y, x)));
      Expr done = new Expr.Foreign(List.of(), null);
      session.inlined.add(done);
      return done;
    }
    if (declaring.getQualifiedName().contentEquals("java.util.Arrays") && name.equals("setAll") && args.size() == 2
        && functions.of(args.get(1)) != null && Type.DOUBLE.arrayOf().equals(args.get(0).type())) {
      arrays.arrayArgument(args.get(0), "Arrays.setAll", true, t, t.getArguments().get(0));
      return functions.setAll(args.get(0), functions.of(args.get(1)), t);
    }
    if (custom.isEmpty() && receiver == null && Resolver.isStatic(m)
        && LibraryArrays.writesOut(declaring.getQualifiedName().toString(), m, false)) {
      return writtenOut(declaring, m, args, null, t);
    }
    TypeElement exact = receiver != null && custom.isEmpty() && !Resolver.isStatic(m) ? calls.exactClassOf(receiver) : null;
    if (exact != null && LibraryArrays.writesOut(exact.getQualifiedName().toString(), m, true)) {
      return writtenOut(exact, m, args, calls.as(exact, receiver), t);
    }
    if (functions.any(args)) {
      if (receiver == null && Resolver.isStatic(m) && custom.isEmpty() && !rules && helpers.hasReadableBody(m)) {
        // A helper taking a lambda: its body read in place, each call of the lambda its body.
        if (root.inlining.contains(m)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "'" + name + "' is called again while its body is read (through the lambda it is given),"
                  + " which backprop cannot read in place: write the recursion without a functional"
                  + " parameter, as a static method of doubles (annotated @Differentiable)",
              t,
              unit);
        }
        String[] reason = new String[1];
        int reported = root.reporter.errorCount();
        Expr value = helpers.inline(m, args, t, reason);
        if (value != null) {
          return value;
        }
        if (root.reporter.errorCount() > reported) {
          throw reporter.abortQuietly(); // reported in the lambda's body, where it was written
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "backprop reads '" + name + "' in place with the lambda it is given, but cannot: " + reason[0],
            t,
            unit);
      }
      args = functions.printedLambdas().asWritten(m, args, t);
    }
    Expr.Call onObject = receiver != null && custom.isEmpty() && !Resolver.isStatic(m) ? calls.onObject(m, receiver, args) : null;
    if (onObject != null) {
      session.position(onObject, t);
      return onObject;
    }
    // Second order needs the callee's own second derivatives, which its gradient record does
    // not hold: a @Differentiable callee runs in place, as a helper does, where it can.
    if (custom.isEmpty() && !rules && Annotations.isDifferentiable(m) && Annotations.secondOrder(root.method) && receiver == null && !loose
        && helpers.hasReadableBody(m)) {
      Expr value = helpers.inline(m, args, t, new String[1]);
      if (value != null) {
        return value;
      }
    }
    if (custom.isEmpty() && !rules && !Annotations.isDifferentiable(m)) {
      String why = null;
      // A check the generated class can call, taking no array, changes nothing a derivative follows: called as written.
      boolean check =
          result == null
              && Resolver.visibleFrom(m, Resolver.packageOf(this.owner))
              && m.getParameters().stream().noneMatch(p -> p.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY);
      if (receiver == null && !loose && Resolver.isStatic(m) && !check && helpers.hasReadableBody(m)) {
        if (session.reader.outline && session.reader.recursive != null && RecursiveHelpers.outlinable(m, result)) {
          return recursiveCall(m, args, t); // its derivatives in methods of their own, for size
        }
        String[] reason = new String[1];
        Expr value = helpers.inline(m, args, t, reason);
        if (value != null) {
          return value;
        }
        why = reason[0];
        if ((session.reader.recursive != null || session.reader.survey) && root.inlining.contains(m) && result != null && result.isDifferentiable()) {
          return recursiveCall(m, args, t);
        }
        if (m.getModifiers().contains(Modifier.PRIVATE)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "backprop runs the private method '" + name + "' inside this one, as it cannot call"
                  + " it from the generated class, but cannot read its body: " + why,
              t,
              unit);
        }
      }
      if (why != null && result != null && result.isArray()) {
        // An array result is only ever used as a second name for the array the body returns.
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "backprop runs '" + name + "', which returns an array, inside this method, but cannot: " + why,
            t,
            unit);
      }
      if (why != null) {
        calls.writtenArray(m, args, t, why);
      }
      Expr plain = calls.plain(m, receiver, args, t, loose);
      why = why == null && receiver == null && !check ? helpers.unreadable(m, loose) : why; // a helper of ours: why not read
      if (why != null) {
        root.notInlined.put(plain, why);
      }
      return plain;
    }
    if (loose) {
      String types = args.stream().map(a -> a.type() == null ? "?" : a.type().toString()).collect(java.util.stream.Collectors.joining(", "));
      throw reporter.abort(
          Tag.NO_DERIVATIVE,
          "no '" + name + "' takes (" + types + ") without boxing, varargs or"
              + " a float conversion, which backprop cannot differentiate through: call, or"
              + " write as @Differentiable, a static method whose parameters are double,"
              + " int, long or boolean",
          t,
          unit);
    }
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
    if (!custom.isEmpty()) {
      return ruleCall(m, custom, args, t);
    }
    if (rules) {
      boolean takesDouble =
          m.getParameters().stream().anyMatch(p -> Resolver.typeOf(p.asType()) != null && Resolver.typeOf(p.asType()).isDifferentiable());
      if (takesDouble
          && math
          && MathRules.find(name, args.size()) == null
          && !MathRules.WITHOUT_DERIVATIVE.containsKey(name)) {
        throw reporter.abort(
            Tag.NO_DERIVATIVE,
            owner.simpleNames() + "." + name + " has no derivative rule in backprop; write the"
                + " function as a @Differentiable method"
                + (RuleReader.suggestion(m) == null ? "" : ", or declare its derivative: " + RuleReader.suggestion(m)),
            t,
            unit);
      }
      Expr call = new Expr.Call(owner, name, args, result);
      session.position(call, t);
      return call;
    }
    if (Annotations.isDifferentiable(m) && result.isArray()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' returns double[], and a @Differentiable method calls another"
              + " @Differentiable method only for a double: remove @Differentiable from '" + name
              + "', and backprop runs its body inside this method as it does a helper's",
          t,
          unit);
    }
    if (Annotations.isDifferentiable(m)) {
      List<String> names = new ArrayList<>();
      m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
      List<Type> types = Resolver.paramTypes(m);
      boolean takesArrays = types.stream().anyMatch(ty -> ty != null && ty.isArray());
      java.util.Set<Integer> writes = takesArrays ? session.reader.calleeFacts.writes(m) : java.util.Set.of();
      for (int i = 0; i < args.size(); i++) {
        if (!args.get(i).type().isArray() || session.reader.survey) {
          continue;
        }
        if (writes == null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "passing an array to '" + name + "', which was compiled before this class, is not"
                  + " supported: backprop cannot see whether it writes into the array; compile"
                  + " them together",
              t.getArguments().get(i),
              unit);
        }
        if (writes.contains(i)) {
          // Its gradient says nothing of the values it leaves in the array: run its body here,
          // as a helper's, so the sweeps follow the writes.
          String[] reason = new String[1];
          Expr value = helpers.hasReadableBody(m) ? helpers.inline(m, args, t, reason) : null;
          if (value != null) {
            return value;
          }
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "'" + name + "' writes into its array parameter '" + names.get(i) + "', so backprop"
                  + " runs its body inside this method, but cannot here"
                  + (reason[0] == null ? "" : ": " + reason[0])
                  + "; or let " + name + " write into an array it creates itself",
              t.getArguments().get(i),
              unit);
        }
      }
      Owner grad = GeneratedNames.gradClass(owner);
      Owner record = new Owner(grad.packageName(), grad.simpleNames() + "." + session.reader.calleeFacts.recordName(m));
      List<String> accessors = GeneratedNames.accessors(names, types, Annotations.wrt(m));
      if (session.reader.calleeFacts.tree(m) == null) {
        // A class file (no tree: a path would scan the file), maybe without -parameters: its record has the names.
        accessors = GeneratedNames.compiled(accessors, session.elements.getTypeElement(record.canonicalName()));
      }
      Callee callee =
          new Callee(
              owner,
              grad,
              name,
              name,
              types,
              accessors,
              record,
              !m.getModifiers().contains(Modifier.PRIVATE),
              Annotations.overloaded(declaring, m),
              writes,
              session.reader.calleeFacts.unread(m),
              Resolver.typeOf(m.getReturnType()));
      return new Expr.DiffCall(callee, args);
    }
    throw new IllegalStateException("neither a rule nor @Differentiable: " + m);
  }

  /**
   * A library function over arrays that a table writes out ({@link LibraryArrays}): its statements
   * go to the prelude, with each array argument a variable or a row and every other argument read
   * once, and its value stands in the call's place.
   */
  private Expr writtenOut(TypeElement owner, ExecutableElement m, List<Expr> args, Expr object, MethodInvocationTree t) {
    if (session.prelude == null) {
      throw session.noPrelude(t);
    }
    String what = owner.getSimpleName() + "." + m.getSimpleName();
    boolean writes = LibraryArrays.writesArrays(owner.getQualifiedName().toString(), m);
    List<Expr> settled = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Expr a = args.get(i);
      if (a.type() != null && a.type().isArray()) {
        boolean plain = a instanceof Expr.Ref || (a instanceof Expr.Index ix && Exprs.isAtom(ix.index()) && ix.array() instanceof Expr.Ref);
        if (!plain && writes) {
          // A copy of the reference would hide the rearranging from the array's own name.
          throw reporter.abort(
              Tag.UNSUPPORTED,
              what + " rearranges the array it is given, so backprop needs it as an array variable or a"
                  + " row such as m[i]: put the array in a variable first",
              t.getArguments().get(i),
              unit);
        }
        if (!plain) {
          Var held = Var.temp("_values", a.type());
          session.prelude.add(new Stmt.Declare(held, a));
          a = new Expr.Ref(held);
        }
        arrays.arrayArgument(a, what, writes, t, t.getArguments().get(i));
        settled.add(a);
      } else {
        settled.add(arrays.settled(a, "_arg"));
      }
    }
    io.github.backprop.processor.rules.Written w = LibraryArrays.written(owner.getQualifiedName().toString(), m, settled, object);
    session.prelude.addAll(w.statements());
    session.position(w.value(), t);
    return w.value();
  }

  /** {@code m(args)}, resolved already: a static method reference applied. */
  Expr resolved(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
    return call(m, null, args, t, false);
  }

  /**
   * A call of a helper that calls itself: it cannot be read in place for ever, so it goes to a
   * gradient method of its own in the generated class, as an annotated callee's does.
   */
  private Expr recursiveCall(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
    // A survey only learns what the call writes, through the callee's writes: no names needed.
    RecursiveHelpers.Names n =
        session.reader.recursive != null ? session.reader.recursive.of(m) : new RecursiveHelpers.Names("_" + m.getSimpleName(), "_Survey");
    List<String> names = new ArrayList<>();
    m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
    List<Type> types = Resolver.paramTypes(m);
    java.util.Set<Integer> writes =
        types.stream().anyMatch(ty -> ty != null && ty.isArray()) ? session.reader.calleeFacts.writes(m) : java.util.Set.of();
    for (int i = 0; i < args.size() && !session.reader.survey; i++) {
      if (args.get(i).type().isArray() && (writes == null || writes.contains(i))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + m.getSimpleName() + "' calls itself and writes into its array parameter '" + names.get(i)
                + "', which backprop cannot follow: let it write into an array it creates itself",
            t.getArguments().get(i),
            unit);
      }
    }
    Owner grad = session.reader.recursive != null ? session.reader.recursive.grad() : GeneratedNames.gradClass(Annotations.owner(owner));
    Callee callee =
        new Callee(
            Resolver.owner((TypeElement) m.getEnclosingElement()),
            grad,
            m.getSimpleName().toString(),
            n.method(),
            types,
            GeneratedNames.accessors(names, types, null),
            new Owner(grad.packageName(), grad.simpleNames() + "." + n.record()),
            false, // the generated class calls its own gradient method, never the helper
            true,
            writes,
            session.reader.calleeFacts.unread(m),
            Resolver.typeOf(m.getReturnType()));
    Expr call = new Expr.DiffCall(callee, args);
    session.position(call, t);
    return call;
  }

  /**
   * A call of a method with a {@code @DerivativeOf} rule: the rule gives the value and partials,
   * as a {@code @Differentiable} callee's generated method does.
   */
  private Expr ruleCall(ExecutableElement m, List<CustomRule> custom, List<Expr> args, MethodInvocationTree t) {
    String name = m.getSimpleName().toString();
    CustomRule rule = custom.get(0);
    if (custom.size() > 1) {
      throw reporter.abort(
          Tag.SIGNATURE,
          "two rules declare the derivative of " + rule.primal() + ": " + rule.display() + " and "
              + custom.get(1).display() + "; keep one",
          t,
          unit);
    }
    String pkg = Resolver.packageOf(owner).getQualifiedName().toString();
    if (rule.onlyIn() != null && !rule.onlyIn().equals(pkg)) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "rule " + rule.display() + " for " + rule.primal() + " is not public (nor its class or"
              + " record), so the gradient class in package '" + pkg + "' cannot call it: make"
              + " them public",
          t,
          unit);
    }
    Expr.DiffCall call = new Expr.DiffCall(
            new Callee(
                Resolver.owner((TypeElement) m.getEnclosingElement()),
                rule.owner(),
                name,
                rule.name(),
                rule.paramTypes(),
                rule.accessors(),
                rule.record(),
                Resolver.visibleFrom(m, Resolver.packageOf(owner)),
                rule.overloaded(),
                java.util.Set.of(),
                java.util.Set.of(),
                Type.DOUBLE),
            args);
    session.position(call, t);
    RuleBodies.read(this, m, rule, call, args, t);
    return call;
  }
}
