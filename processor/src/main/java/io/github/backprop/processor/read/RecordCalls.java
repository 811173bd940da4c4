package io.github.backprop.processor.read;

import com.sun.source.tree.MethodInvocationTree;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.names.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Calls on a record or an object the reader holds as its parts (accessors, and methods read in
 * place), calls that take records, and the calls a list of records of data answers.
 */
final class RecordCalls extends SessionPart {
  RecordCalls(ReadSession session) {
    super(session);
  }

  /** {@code data.size()}, {@code data.get(i)}, {@code data.isEmpty()} of a list of records of data. */
  Expr listCall(Expr list, String name, List<Expr> args, MethodInvocationTree t) {
    if (name.equals("size") && args.isEmpty()) {
      return new Expr.Foreign(List.of(list, ".size()"), Type.INT);
    }
    if (name.equals("isEmpty") && args.isEmpty()) {
      return new Expr.Foreign(List.of(list, ".isEmpty()"), Type.BOOLEAN);
    }
    if (name.equals("get") && args.size() == 1 && Type.INT.acceptsByWidening(args.get(0).type() == null ? Type.BOOLEAN : args.get(0).type())) {
      return new Expr.Foreign(List.of(list, ".get(", args.get(0), ")"), listElement(list));
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "'" + name + "' of a List is not supported in a differentiable method: read it with size(),"
            + " get(i), isEmpty() or an enhanced for",
        t,
        unit);
  }

  /** {@code parts.size()}, {@code parts.get(i)}, {@code parts.isEmpty()} of an object's list of records. */
  Expr recordListCall(RecordArray a, String name, List<Expr> args, MethodInvocationTree t) {
    if (a.list && name.equals("size") && args.isEmpty()) {
      return a.length();
    }
    if (a.list && name.equals("isEmpty") && args.isEmpty()) {
      return new Expr.Binary(Expr.Op.EQ, a.length(), Expr.Literal.ofInt(0), Type.BOOLEAN);
    }
    if (a.list && name.equals("get") && args.size() == 1 && Type.INT.acceptsByWidening(args.get(0).type() == null ? Type.BOOLEAN : args.get(0).type())) {
      if (session.prelude == null && !(args.get(0) instanceof Expr.Ref || args.get(0) instanceof Expr.Literal)) {
        throw session.noPrelude(t);
      }
      return records.aggregate(records.arrays().element(a, arrays.settled(args.get(0), "_k")));
    }
    if (a.list) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' of a list of " + a.name() + " records is not supported in a differentiable method:"
              + " backprop holds it as one array per component; read it with size(), get(i), isEmpty() or an"
              + " enhanced for",
          t,
          unit);
    }
    throw records.arrays().notHere(t, a);
  }

  /** What {@code list.get(i)} gives: a record of data, or the number a boxed element holds. */
  static Type listElement(Expr list) {
    Type number = Records.unboxed(list.type().ref());
    return number != null ? number : Type.objectOf(list.type().ref());
  }

  /** A method called on a record value: an accessor, or another method of the record, read in place. */
  Expr recordMethod(RecordValue r, String name, List<Expr> args, MethodInvocationTree t) {
    if (args.isEmpty() && Records.isRecord(r.type) && Records.hasComponent(r.type, name)) {
      if (!Records.explicitAccessor(session.trees, r.type, name)) {
        return records.component(r, name);
      }
    }
    List<ExecutableElement> own = HeldObjects.instanceMethods(r.type, name);
    ExecutableElement m = own.isEmpty() ? null : chooseWithRecords(own, args);
    List<javax.lang.model.element.TypeElement> overriding =
        m == null || session.reader.overrides == null ? List.of() : session.reader.overrides.of(m, r.type);
    if (!overriding.isEmpty()) {
      throw reporter.abort(Tag.UNSUPPORTED, Overrides.message(m, r.type, overriding), t, unit);
    }
    if (m != null && root.inlining.contains(m)) {
      Type result = Resolver.typeOf(m.getReturnType());
      if ((session.reader.recursive != null || session.reader.survey) && result != null && result.isDifferentiable()
          && !result.isArray()) {
        return recursiveMethod(r, m, args, t);
      }
      throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.recursion(name, r.kind()), t, unit);
    }
    if (m != null && helpers.hasReadableBody(m)) {
      // A method of the record: its body runs here, with the components as its fields.
      String[] why = new String[1];
      Expr value = helpers.inline(m, args, t, why, r);
      if (value != null) {
        return value;
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "backprop runs '" + name + "' of " + r.kind() + " inside this method, but cannot here: "
              + why[0],
          t,
          unit);
    }
    if (!Records.isRecord(r.type)) {
      throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.unreadableMethod(name, r.name()), t, unit);
    }
    String[] why = {null};
    Expr answered = RecordObjectMethods.call(session, r, name, args, why);
    if (answered != null) {
      return answered;
    }
    if (why[0] != null) {
      throw reporter.abort(Tag.UNSUPPORTED, "backprop answers '" + name + "' of a " + r.name() + " record by making the"
          + " record again from its components, and cannot here: " + why[0] + "; or read the components (" + String.join(", ", records.accessorsOf(r)) + ")", t, unit);
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "calling '" + name + "' on a " + r.name() + " record is not supported: backprop holds a record"
            + " as its components; read them with the implicit accessors ("
            + String.join(", ", records.accessorsOf(r)) + ") or pass the record to a static helper",
        t,
        unit);
  }

  /**
   * A method of an object that calls itself, directly or through others: it cannot be read in
   * place for ever, so it is a call of a gradient method over the object's fields and its
   * parameters ({@code _horner(self_c, self_a, x, k)}): the annotated method's own private one
   * where it is of the class being generated, else a recursive helper's.
   */
  private Expr recursiveMethod(RecordValue r, ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
    String name = m.getSimpleName().toString();
    for (int i = 0; i < args.size(); i++) {
      if (records.aggregateOf(args.get(i)) != null || records.arrays().arrayOf(args.get(i)) != null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' of " + r.kind() + " calls itself and takes a record or an object ('"
                + t.getArguments().get(i) + "'), which backprop cannot pass to the gradient method it gives"
                + " the recursion: pass its components as double parameters",
            t.getArguments().get(i),
            unit);
      }
    }
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    List<Expr> all = new ArrayList<>();
    java.util.Set<String> own = new java.util.HashSet<>();
    m.getParameters().forEach(p -> own.add(p.getSimpleName().toString()));
    flatten(r.parts, "self", names, types, all, own);
    int fields = all.size();
    List<Type> declared = Resolver.paramTypes(m);
    for (int i = 0; i < args.size(); i++) {
      names.add(m.getParameters().get(i).getSimpleName().toString());
      types.add(declared.get(i));
      all.add(args.get(i));
    }
    // What the method writes and leaves unread, indexed as the gradient method's parameters.
    java.util.Set<Integer> writes = session.reader.calleeFacts.writes(m);
    for (int i = 0; i < args.size() && !session.reader.survey; i++) {
      if (args.get(i).type().isArray() && (writes == null || writes.contains(fields + i))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' calls itself and writes into its array parameter '" + names.get(fields + i)
                + "', which backprop cannot follow: let it write into an array it creates itself",
            t.getArguments().get(i),
            unit);
      }
    }
    java.util.Set<Integer> unread = session.reader.calleeFacts.unread(m);
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    Owner grad = session.reader.recursive != null
        ? session.reader.recursive.grad() : GeneratedNames.gradClass(Annotations.owner(declaring));
    boolean annotatedHere = Annotations.isDifferentiable(m) && GeneratedNames.gradClass(Annotations.owner(declaring)).equals(grad);
    RecursiveHelpers.Names n;
    java.util.Set<String> wrt = null;
    if (annotatedHere) {
      // The annotated method's own gradient over the fields, which its public one wraps.
      String record = Annotations.recordNames(declaring).get(m);
      n = new RecursiveHelpers.Names("_" + name, "_" + record);
      java.util.Set<String> source = Annotations.wrt(m);
      if (source != null) {
        wrt = new java.util.HashSet<>(source);
        if (source.contains("this")) {
          wrt.addAll(names.subList(0, fields));
        }
      }
    } else {
      n = session.reader.recursive != null ? session.reader.recursive.of(m) : new RecursiveHelpers.Names("_" + name, "_Survey");
    }
    Callee callee =
        new Callee(
            Resolver.owner(declaring),
            grad,
            name,
            n.method(),
            types,
            GeneratedNames.accessors(names, types, wrt),
            new Owner(grad.packageName(), grad.simpleNames() + "." + n.record()),
            false, // the generated class calls its own gradient method, never the method
            true,
            writes,
            unread,
            Resolver.typeOf(m.getReturnType()));
    Expr call = new Expr.DiffCall(callee, all);
    session.position(call, t);
    return call;
  }

  /**
   * The object's fields in declaration order, nested objects' and arrays of records' flattened
   * (an array of records as one array per component), named as the gradient method's parameters.
   */
  private static void flatten(
      java.util.Map<String, Object> parts, String prefix, List<String> names, List<Type> types, List<Expr> out,
      java.util.Set<String> taken) {
    for (java.util.Map.Entry<String, Object> p : parts.entrySet()) {
      String n = prefix + "_" + p.getKey();
      while (taken.contains(n) || names.contains(n)) {
        n = n + "_";
      }
      if (p.getValue() instanceof RecordValue nested) {
        flatten(nested.parts, n, names, types, out, taken);
      } else if (p.getValue() instanceof RecordArray a) {
        flatten(a.parts, n, names, types, out, taken);
      } else {
        Expr e = p.getValue() instanceof io.github.backprop.processor.ir.Var v ? new Expr.Ref(v) : (Expr) p.getValue();
        names.add(n);
        types.add(e.type());
        out.add(e);
      }
    }
  }

  /** The method of {@code candidates} that takes these arguments, records among them; or null. */
  ExecutableElement chooseWithRecords(List<ExecutableElement> candidates, List<Expr> args) {
    for (ExecutableElement m : candidates) {
      if (m.isVarArgs() || m.getParameters().size() != args.size()) {
        continue;
      }
      boolean fits = true;
      for (int i = 0; i < args.size() && fits; i++) {
        javax.lang.model.type.TypeMirror p = m.getParameters().get(i).asType();
        RecordValue r = records.aggregateOf(args.get(i));
        RecordArray array = records.arrays().arrayOf(args.get(i));
        if (array != null) {
          fits = p instanceof javax.lang.model.type.ArrayType at && array.type.equals(Records.recordOf(at.getComponentType()));
        } else if (r != null) {
          fits = r.type.equals(Records.heldOf(p));
        } else if (root.functionValues.containsKey(args.get(i))) {
          fits = FunctionalInterfaces.isFunctional(p); // new Reduction(phi, m, Legendre::bigK)
        } else if (isData(args.get(i)) && Records.recordOf(p) != null) {
          fits = Resolver.owner(Records.recordOf(p)).equals(args.get(i).type().ref());
        } else {
          Type pt = Resolver.typeOf(p) != null ? Resolver.typeOf(p) : Resolver.referenceType(p);
          fits = pt != null && args.get(i).type() != null && pt.acceptsByWidening(args.get(i).type());
        }
      }
      if (fits) {
        return m;
      }
    }
    return null;
  }

  /**
   * No method takes these records as records: where one takes them as objects ({@code
   * Objects.requireNonNull(p)}, {@code String.valueOf(p)}), backprop holds no object to pass.
   */
  AbortMethod recordArgumentError(List<ExecutableElement> candidates, List<Expr> args, MethodInvocationTree t) {
    for (int k = 0; k < args.size(); k++) {
      int i = k;
      if (records.arrays().arrayOf(args.get(i)) != null) {
        RecordArray a = records.arrays().arrayOf(args.get(i));
        boolean takesIt = candidates.stream().anyMatch(m -> m.getParameters().size() == args.size()
            && m.getParameters().get(i).asType() instanceof javax.lang.model.type.ArrayType at && a.type.equals(Records.recordOf(at.getComponentType())));
        if (!takesIt) {
          throw records.arrays().notHere(t.getArguments().get(i), a);
        }
      }
    }
    for (ExecutableElement m : candidates) {
      if (m.getParameters().size() == args.size() || m.isVarArgs()) {
        for (int i = 0; i < args.size(); i++) {
          int k = Math.min(i, m.getParameters().size() - 1);
          if (records.aggregateOf(args.get(i)) != null && k >= 0 && Records.heldOf(m.getParameters().get(k).asType()) == null) {
            RecordValue r = records.aggregateOf(args.get(i));
            boolean record = Records.isRecord(r.type);
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + m.getSimpleName() + "' takes the " + r.name() + (record ? " record '" : " object '")
                    + t.getArguments().get(i) + "' as an object, and backprop holds "
                    + (record ? "a record as its components" : "such an object as its fields") + ", not as an"
                    + " object: pass its " + (record ? "components (" + String.join(", ", records.accessorsOf(r)) : "fields ("
                    + String.join(", ", r.parts.keySet())) + "), or call a static helper of this compilation"
                    + " that takes a " + r.name(),
                t.getArguments().get(i),
                unit);
          }
        }
      }
    }
    return reporter.abortQuietly(); // javac reports no suitable method
  }

  /** A call that takes or returns a record: the callee's body runs here, as a helper's does. */
  Expr recordCall(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
    String name = m.getSimpleName().toString();
    String why = null;
    if (!Resolver.isStatic(m)) {
      why = "it is an instance method";
    } else if (!helpers.hasReadableBody(m)) {
      why = "its body is not in this compilation, or it is generic or takes varargs";
    } else {
      String[] reason = new String[1];
      Expr value = helpers.inline(m, args, t, reason);
      if (value != null) {
        return value;
      }
      why = reason[0];
    }
    TypeElement made = Records.madeOf(m.getReturnType());
    if (made != null && !Records.isRecord(made) && !Records.isValueClass(made)) {
      String type = made.getSimpleName().toString();
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' returns an object of class " + type + ", whose fields may change; backprop holds"
              + " such an object as one local per field, so it runs the body of '" + name + "' inside this"
              + " method and follows an object that body makes; it cannot here: " + why + ". Make the object"
              + " in '" + name + "' (return new " + type + "(...)), or with new " + type + "(...) in this method",
          t,
          unit);
    }
    throw reporter.abort(
        Tag.UNSUPPORTED,
        "'" + name + "' takes or returns a record, which backprop holds as its components, so it"
            + " runs the body of '" + name + "' inside this method; it cannot here: " + why
            + ". Pass the components as double values instead, or make '" + name + "' a static"
            + " method of this compilation",
        t,
        unit);
  }
}
