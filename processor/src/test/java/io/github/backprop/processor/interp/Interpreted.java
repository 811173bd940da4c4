package io.github.backprop.processor.interp;

import io.github.backprop.processor.Derivations;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Callees interpreted from their own IR where the compilation derived them (the callee's body as
 * read for its value, its gradient for its record), and called compiled otherwise (a rule's
 * record, a library's method): then no generated code runs in the caller's gradient at all.
 */
public final class Interpreted implements Callees {
  private final List<Derivations.Derived> derived;
  private final Linker linker;
  private final Callees compiled;

  public Interpreted(Derivations d) {
    this.derived = d.all();
    this.linker = new Linker(d.loader());
    this.compiled = Callees.compiled(linker);
  }

  /** An interpreter whose calls of derived methods are interpreted too. */
  public Interpreter interpreter() {
    return new Interpreter(linker, this);
  }

  @Override
  public Object primal(Callee callee, List<Object> args) {
    Derivations.Derived d = find(callee);
    return d == null ? compiled.primal(callee, args) : Run.primal(d.model(), interpreter(), Callees.exact(callee, args).toArray());
  }

  @Override
  public Object record(Callee callee, List<Object> args) {
    Derivations.Derived d = find(callee);
    if (d == null) {
      return compiled.record(callee, args);
    }
    Run.Gradient g = Run.gradient(d.model(), d.grad(), interpreter(), Callees.exact(callee, args).toArray());
    List<String> names = new ArrayList<>(List.of("value"));
    List<Object> values = new ArrayList<>(List.of(g.value()));
    int k = 0;
    for (String accessor : callee.accessors()) {
      if (accessor != null) {
        names.add(accessor);
        values.add(g.gradients().get(k++));
      }
    }
    if (k != g.gradients().size()) {
      throw new InterpreterException(callee.name() + " has " + k + " accessors but " + g.gradients().size() + " gradients");
    }
    return new RecordValue(callee.record().simpleNames(), names, values);
  }

  private Derivations.Derived find(Callee callee) {
    for (Derivations.Derived d : derived) {
      // a method's own model: a Hessian's tangent model t(x, v) of h0(double) has h0's name too
      if (Agreement.plain(d) && d.model().owner().equals(callee.owner()) && d.model().name().equals(callee.name())
          && types(d.model().params()).equals(callee.paramTypes())) {
        return d;
      }
    }
    return null;
  }

  private static List<Type> types(List<Var> params) {
    List<Type> out = new ArrayList<>();
    params.forEach(p -> out.add(p.declared()));
    return out;
  }
}
