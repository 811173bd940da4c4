package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.names.GeneratedNames;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a generated method's code uses for classes and packages: a variable of the same name
 * would obscure them ({@code double Math = 2;} turns {@code Math.sin(x)} into an error), so the
 * {@link Namer} keeps variables off them.
 */
final class TypeNames {
  private TypeNames() {}

  /** What every generated method may name: the JDK's and the runtime's classes, and their packages. */
  private static final Set<String> ALWAYS =
      Set.of(
          "Math", "StrictMath", "Double", "Float", "Integer", "Long", "Object", "String", "System",
          "Tape", "DoubleStack", "FloatStack", "IntStack", "LongStack", "BooleanStack", "ObjectStack",
          "Adjoint", "TapeLimitException", "java", "javax", "io");

  static Set<String> of(MethodModel m, List<Stmt> code) {
    return of(m.owner(), code);
  }

  /** The names {@code code} may name, of a method of {@code owner}'s Grad class. */
  static Set<String> of(Owner owner, List<Stmt> code) {
    Set<String> names = new TreeSet<>(ALWAYS);
    add(names, owner);
    add(names, GeneratedNames.gradClass(owner));
    names.addAll(named(code));
    return names;
  }

  /**
   * The names {@code code} itself names, for a method whose variables otherwise keep their names:
   * a parameter {@code C} of {@code C.f}'s Hessian would obscure the call {@code C.f(C)}.
   */
  static Set<String> named(List<Stmt> code) {
    Set<String> names = new TreeSet<>();
    for (Stmt s : code) {
      Walk.each(s, x -> {
        // A record's arguments are no expressions Walk knows: fHvp returns new FHvp(C.f(x), ...).
        for (Expr e : x instanceof Stmt.ReturnRecord r ? r.args() : Walk.exprs(x)) {
          Walk.each(e, sub -> expr(names, sub));
        }
      });
    }
    return names;
  }

  private static void expr(Set<String> names, Expr e) {
    if (e instanceof Expr.Call c) {
      if (!c.onObject()) {
        add(names, c.owner());
      }
    } else if (e instanceof Expr.Constant k) {
      add(names, k.owner());
    } else if (e instanceof Expr.DiffCall d) {
      add(names, d.callee().owner());
      add(names, d.callee().grad());
    } else if (e instanceof Expr.Foreign f) {
      f.parts().forEach(p -> {
        if (p instanceof Owner o) {
          add(names, o);
        }
      });
    } else if (e instanceof Expr.Ref r && r.var().kind() == Var.Kind.FIELD) {
      add(names, r.var().recordType().grad());
    }
  }

  private static void add(Set<String> names, Owner o) {
    names.add(o.simpleNames().split("\\.")[0]);
    if (!o.packageName().isEmpty()) {
      names.add(o.packageName().split("\\.")[0]);
    }
  }
}
