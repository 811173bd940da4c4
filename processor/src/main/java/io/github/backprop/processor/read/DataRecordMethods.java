package io.github.backprop.processor.read;

import com.sun.source.tree.MethodInvocationTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Methods of a record of data (an element of a dataset the method reads without derivative)
 * given values that carry derivatives, {@code d.residual(w)} or {@code layer.apply(h)}: the
 * body is read in place, its components and its other methods the element's.
 */
final class DataRecordMethods {
  private DataRecordMethods() {}

  /** {@code receiver.m(args)}, its body read in place. */
  static Expr inline(InvocationReader r, ExecutableElement m, Expr receiver, List<Expr> args, MethodInvocationTree t) {
    if (Records.valueOf(m.getReturnType()) != null && m.getEnclosingElement().getKind() == ElementKind.RECORD) {
      // p.withPrice(x) makes a record of the element's components and x: the element as a record value
      RecordValue self = r.records.fromData(receiver, (TypeElement) m.getEnclosingElement(), t);
      return r.recordCalls.recordMethod(self, m.getSimpleName().toString(), args, t);
    }
    Expr self = receiver;
    if (!(receiver instanceof Expr.Ref)) {
      Var held = Var.temp("_self", receiver.type());
      r.session.prelude.add(new Stmt.Declare(held, receiver));
      self = new Expr.Ref(held);
    }
    Map<String, Expr> components = new LinkedHashMap<>();
    components.put("this", self);
    for (var c : ElementFilter.recordComponentsIn(m.getEnclosingElement().getEnclosedElements())) {
      Expr value = r.call(c.getAccessor(), self, List.of(), t, true);
      if (value.type() != null && value.type().isArray()) {
        // double[] _x = d.x();: the body indexes the component, which needs a name
        Var named = Var.temp("_" + c.getSimpleName(), value.type());
        r.session.prelude.add(new Stmt.Declare(named, value));
        value = new Expr.Ref(named);
      }
      components.put(c.getSimpleName().toString(), value);
    }
    for (var f : ElementFilter.fieldsIn(m.getEnclosingElement().getEnclosedElements())) {
      Type type = Resolver.typeOf(f.asType());
      if (m.getEnclosingElement().getKind() == ElementKind.ENUM && type != null && !type.isArray()
          && !f.getModifiers().contains(Modifier.STATIC) && !f.getModifiers().contains(Modifier.PRIVATE)) {
        components.put(f.getSimpleName().toString(), new Expr.Foreign(List.of(self, "." + f.getSimpleName()), type)); // the constant's field, data
      }
    }
    String[] why = new String[1];
    Expr value = r.helpers.inlineOnData(m, components, args, t, why);
    if (value == null) {
      throw r.reporter.abort(
          Tag.UNSUPPORTED,
          "backprop reads '" + m.getSimpleName() + "' of the record of data in place, as it is given a value that"
              + " carries a derivative, but cannot here: " + why[0],
          t,
          r.unit);
    }
    return value;
  }

  /** {@code dot(w)} called inside such a method: the element's own method; null elsewhere. */
  static Expr sibling(InvocationReader r, String name, List<Expr> args, MethodInvocationTree t) {
    Expr data = r.session.dataSelf == null ? null : r.session.dataSelf.get("this");
    TypeElement type = data == null ? null : r.calls.classOf(data);
    if (type == null || !isInstanceMethodOf(type, name)) {
      return null;
    }
    ExecutableElement m = r.calls.choose(r.calls.methods(type, name), args);
    if (m == null) {
      throw r.reporter.abortQuietly(); // javac reports no suitable method
    }
    return r.call(m, data, args, t, true);
  }

  /** Whether {@code name} is a method or a component accessor of {@code record}. */
  static boolean isInstanceMethodOf(TypeElement record, String name) {
    return !HeldObjects.instanceMethods(record, name).isEmpty() || Records.hasComponent(record, name);
  }
}
