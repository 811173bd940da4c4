package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Functional values passed to a library method whose body backprop does not read: written out
 * as Java where no derivative can pass through them (a log message's {@code Supplier<String>}, a
 * predicate), each in the session where it was written, so its captured names are the ones the
 * generated code gives them.
 */
final class PrintedLambdas extends SessionPart {
  PrintedLambdas(ReadSession session) {
    super(session);
  }

  /**
   * The arguments of a call of {@code m}, a method whose body backprop does not read, with each
   * functional value written out as it stands: allowed where no derivative can pass through it
   * (a log message's {@code Supplier<String>}, a predicate), else an error at the lambda.
   */
  List<Expr> asWritten(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
    List<Expr> out = new ArrayList<>(args);
    for (int i = 0; i < args.size(); i++) {
      FunctionValues.Fn fn = functions.of(args.get(i));
      if (fn == null) {
        continue;
      }
      Tree at = t.getArguments().get(i);
      DeclaredType p = (DeclaredType) m.getParameters().get(i).asType();
      ExecutableElement sam = FunctionalInterfaces.method((TypeElement) p.asElement());
      String callee = ((TypeElement) m.getEnclosingElement()).getSimpleName() + "." + m.getSimpleName();
      TypeMirror result = sam == null ? null : actual(sam.getReturnType(), p);
      if (sam == null || !inactive(result)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a lambda or method reference passed to '" + callee + "', whose body backprop does not"
                + " read, may carry derivatives it cannot follow: write the loop '" + m.getSimpleName()
                + "' runs in a static method of this compilation and pass the lambda to that, which"
                + " backprop reads in place",
            at,
            unit);
      }
      if (session.prelude == null) {
        throw session.noPrelude(t);
      }
      out.set(i, fn.home.functions.printedLambdas().printed(fn, sam, p, at, session.prelude));
    }
    return out;
  }

  /** The functional value written out in Java, its captured names as the generated code names them. */
  private Expr printed(FunctionValues.Fn fn, ExecutableElement sam, DeclaredType p, Tree at, List<Stmt> into) {
    if (fn.tree instanceof MemberReferenceTree r) {
      TypeElement type = r.getMode() == MemberReferenceTree.ReferenceMode.INVOKE ? resolver.type(r.getQualifierExpression()) : null;
      if (type == null || resolver.methods(type, r.getName().toString()).stream().noneMatch(Resolver::isStatic)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "the method reference '" + r + "' is supported only to a static method: write a lambda",
            r,
            unit);
      }
      return new Expr.Foreign(List.of(Resolver.owner(type), "::" + r.getName()), null);
    }
    if (!(fn.tree instanceof LambdaExpressionTree l) || l.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a lambda passed to a call that carries no derivative is written out as it stands, which"
              + " backprop does for an expression lambda: write its body as one expression",
          at,
          unit);
    }
    List<Object> parts = new ArrayList<>();
    List<Expr> params = new ArrayList<>();
    Expr body = lambdaText(l, fn.captured, sam, p, at, parts, params);
    // javac saw that what the lambda captures is effectively final, but a helper's parameter
    // read in place is the caller's variable, which may change: the lambda reads a copy.
    java.util.Set<Var> read = Walk.vars(body);
    params.forEach(e -> read.remove(((Expr.Ref) e).var()));
    Map<String, Object> copies = new LinkedHashMap<>(fn.captured);
    boolean copied = false;
    for (Map.Entry<String, Object> e : fn.captured.entrySet()) {
      Var v = e.getValue() instanceof Alias a && a.expr() instanceof Expr.Ref r ? r.var() : null;
      if (v != null && read.contains(v) && !v.type().isArray() && v.kind() != Var.Kind.FIELD) {
        Var copy = Var.temp("_" + e.getKey(), v.type());
        into.add(new Stmt.Declare(copy, new Expr.Ref(v)));
        copies.put(e.getKey(), copy);
        copied = true;
      }
    }
    if (copied) {
      parts.clear();
      params.clear();
      body = lambdaText(l, copies, sam, p, at, parts, params);
    }
    parts.addAll(calls.printed(body));
    return new Expr.Foreign(parts, null);
  }

  /** The lambda's parameter list into {@code parts}, its parameters into {@code params}; its body's value. */
  private Expr lambdaText(
      LambdaExpressionTree l, Map<String, Object> captured, ExecutableElement sam, DeclaredType p, Tree at,
      List<Object> parts, List<Expr> params) {
    return functions.inScope(captured, new ArrayList<>(), () -> {
      scopes.push(new LinkedHashMap<>());
      parts.add("(");
      for (int i = 0; i < l.getParameters().size(); i++) {
        VariableTree v = l.getParameters().get(i);
        TypeMirror declared = actual(sam.getParameters().get(i).asType(), p);
        Type type = declared == null ? null : Resolver.typeOf(declared) != null ? Resolver.typeOf(declared) : Resolver.referenceType(declared);
        if (type == null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a parameter of type " + sam.getParameters().get(i).asType() + " in a lambda passed to a library call"
                  + " is not supported: use primitive or String parameters",
              v,
              unit);
        }
        Expr ref = new Expr.Ref(session.declare(v.getName().toString(), type, Var.Kind.LOCAL));
        parts.add(i == 0 ? "" : ", ");
        parts.add(ref);
        params.add(ref);
      }
      parts.add(") -> ");
      Expr value = expressions.value((ExpressionTree) l.getBody());
      if (!session.prelude.isEmpty()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "this lambda runs statements (a helper's body, an assignment) that backprop cannot write"
                + " inside it: compute its value into a local before the call",
            at,
            unit);
      }
      return value;
    });
  }

  /** {@code t} as a member of {@code p}: a type variable of its interface replaced by p's argument. */
  private static TypeMirror actual(TypeMirror t, DeclaredType p) {
    if (!(t instanceof TypeVariable v)) {
      return t;
    }
    List<? extends TypeParameterElement> params = ((TypeElement) p.asElement()).getTypeParameters();
    for (int i = 0; i < params.size() && i < p.getTypeArguments().size(); i++) {
      if (params.get(i).equals(v.asElement())) {
        TypeMirror a = p.getTypeArguments().get(i);
        return a.getKind() == TypeKind.WILDCARD ? null : a;
      }
    }
    return null;
  }

  /** A result no derivative passes through: nothing, a truth value, an integer or a String. */
  static boolean inactive(TypeMirror t) {
    if (t == null) {
      return false;
    }
    switch (t.getKind()) {
      case VOID, BOOLEAN, INT, LONG, SHORT, BYTE, CHAR:
        return true;
      case DECLARED:
        String name = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
        return List.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.CharSequence")
            .contains(name);
      default:
        return false;
    }
  }
}
