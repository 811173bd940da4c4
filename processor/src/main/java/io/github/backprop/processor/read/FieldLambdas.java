package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Lambdas held in fields, read in place as if written where they are called: a {@code static
 * final} field of the class, and a {@code final} field of the object whose method is read; and
 * the error for one held where backprop does not see it written.
 */
final class FieldLambdas extends SessionPart {
  FieldLambdas(ReadSession session) {
    super(session);
  }

  /**
   * The lambda or method reference a {@code static final} field of this class holds ({@code static
   * final DoubleUnaryOperator SQUARE = t -> t * t;}), as if written here: it captures nothing but
   * the class's static members, which resolve here as there. So too a {@code final} instance
   * field's, read in a method of the object that holds it, whose fields its body reads as the
   * method does. Null for any other field.
   */
  Expr fieldValue(javax.lang.model.element.VariableElement field) {
    boolean ofThis = !field.getModifiers().contains(Modifier.STATIC) && session.self != null && session.self.type.equals(owner);
    if (!(field.getModifiers().contains(Modifier.STATIC) || ofThis) || !field.getModifiers().contains(Modifier.FINAL)
        || !field.getEnclosingElement().equals(owner) || !FunctionalInterfaces.isFunctional(field.asType())) {
      return null;
    }
    com.sun.source.util.TreePath path = session.trees.getPath(field);
    if (path == null || path.getCompilationUnit() != unit || !(path.getLeaf() instanceof VariableTree v)) {
      return null;
    }
    ExpressionTree init = v.getInitializer();
    while (init instanceof ParenthesizedTree p) {
      init = p.getExpression();
    }
    if (!(init instanceof LambdaExpressionTree || init instanceof MemberReferenceTree)) {
      return null;
    }
    FunctionValues.Fn fn = new FunctionValues.Fn(session, ofThis ? fieldsOfSelf() : new LinkedHashMap<>(), init);
    root.functionValues.put(fn.placeholder, fn);
    return fn.placeholder;
  }

  /** The names of the object's fields and {@code this}, as a field's initializer sees them: no local of the method. */
  private Map<String, Object> fieldsOfSelf() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Object> scope : scopes) { // innermost first
      scope.forEach((name, v) -> {
        if (root.fieldsOf.get(v) == session.self || (name.equals("this") && v == session.self)) {
          out.putIfAbsent(name, v);
        }
      });
    }
    return out;
  }

  /**
   * {@code value}, read from {@code t}, or where {@code t} names a final field of the object whose
   * method is read that holds a lambda ({@code link}, {@code this.link}), that lambda.
   */
  Expr ofField(ExpressionTree t, Expr value) {
    if (functions.of(value) != null || session.self == null || !(t instanceof IdentifierTree || t instanceof MemberSelectTree)) {
      return value;
    }
    javax.lang.model.element.VariableElement field = field(t);
    Expr held = field == null || field.getModifiers().contains(Modifier.STATIC) ? null : fieldValue(field);
    return held != null ? held : value;
  }

  /**
   * The field {@code F}, {@code C.F} or {@code this.F} names, where no local has the name (but a
   * field of the object whose method is read); else null.
   */
  javax.lang.model.element.VariableElement field(ExpressionTree t) {
    String name;
    List<TypeElement> in;
    if (t instanceof IdentifierTree id) {
      name = id.getName().toString();
      Object local = session.lookupAny(name);
      if (local != null && !(session.self != null && root.fieldsOf.get(local) == session.self)) {
        return null;
      }
      in = local != null ? List.of(owner) : resolver.staticScopes(name); // a field of the object: its own
    } else if (t instanceof MemberSelectTree ms && resolver.type(ms.getExpression()) != null) {
      name = ms.getIdentifier().toString();
      in = List.of(resolver.type(ms.getExpression()));
    } else if (t instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree self
        && self.getName().contentEquals("this")) {
      name = ms.getIdentifier().toString();
      in = List.of(owner);
    } else {
      return null;
    }
    for (TypeElement scope : in) {
      javax.lang.model.element.VariableElement f = Resolver.field(scope, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * {@code F.applyAsDouble(x)} on a lambda backprop did not see written (held in a field that is
   * not a static final field of this class, or a parameter of the annotated method): an error where a derivative could pass through it. An
   * object of an interface that is not marked {@code @FunctionalInterface} is data, its methods
   * called as written.
   */
  void requireSeen(TypeElement type, List<Expr> args, MemberSelectTree select) {
    ExecutableElement sam = FunctionalInterfaces.method(type);
    if (sam != null && type.getAnnotation(FunctionalInterface.class) != null
        && sam.getSimpleName().contentEquals(select.getIdentifier()) && !PrintedLambdas.inactive(sam.getReturnType())
        && args.stream().anyMatch(a -> !(a instanceof Expr.Literal) && !Calls.isObject(a))) {
      // A String or an object given to it carries no derivative in (what is built from one is
      // Activity's to judge: analysis/GenericData).
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + select + "': backprop reads a lambda in place only where it sees it written, and '"
              + select.getExpression() + "' is held in a field or a parameter of the @Differentiable"
              + " method: write the lambda in the method and hold it in a local variable or in a"
              + " final field of this class (static, or of the object whose method this is), or pass"
              + " it to a static method of this compilation",
          select,
          unit);
    }
  }
}
