package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of {@code @Differentiable} methods and of methods with a {@code @DerivativeOf} rule
 * ({@link Expr.DiffCall}): by default through the compiled classes, as the generated code calls
 * them; a test may interpret the callee's own IR instead ({@link Interpreted}).
 */
public interface Callees {
  /** The value of the call: the method itself, or its record's {@code value()}. */
  Object primal(Callee callee, List<Object> args);

  /** The record of value and partials the callee's Grad or rule gives. */
  Object record(Callee callee, List<Object> args);

  /** Through reflection into the classes {@code linker} loads. */
  static Callees compiled(Linker linker) {
    return new Callees() {
      @Override
      public Object primal(Callee callee, List<Object> args) {
        if (callee.primalVisible()) {
          return linker.callStatic(callee.owner(), callee.name(), exact(callee, args));
        }
        return Interpreter.component(record(callee, args), "value");
      }

      @Override
      public Object record(Callee callee, List<Object> args) {
        return linker.callStatic(callee.grad(), callee.gradName(), exact(callee, args));
      }
    };
  }

  /** Each argument as its parameter's type, as the writer casts them for an overloaded callee. */
  static List<Object> exact(Callee callee, List<Object> args) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Type t = i < callee.paramTypes().size() ? callee.paramTypes().get(i) : null;
      out.add(t == null || !t.isNumeric() || t.isNarrow() ? args.get(i) : Arith.cast(t, args.get(i)));
    }
    return out;
  }
}
