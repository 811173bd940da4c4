package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code try} held as an {@code if} ({@link TryShape}), run as its documentation says: the try
 * block; on an exception the first clause that catches it, which for the branch clause first puts
 * back the variables the try block assigned (where the shape restores) and then runs the {@code
 * if}'s {@code otherwise}, and for another clause evaluates its calls and throws its exception;
 * the {@code finally} calls in every case.
 */
final class Tries {
  private final Interpreter in;

  Tries(Interpreter in) {
    this.in = in;
  }

  Completion run(Stmt.If f, TryShape shape) {
    List<Object> parts = ((Expr.Foreign) f.condition()).parts();
    Map<Var, Object> saved = new IdentityHashMap<>();
    if (shape.restores()) {
      for (Var v : assignedOutside(f.then())) {
        if (in.variables().containsKey(v)) {
          saved.put(v, in.variables().get(v));
        }
      }
    }
    Map<Var, Integer> heights = shape.restores() ? heights(f.then()) : Map.of();
    try {
      return in.run(f.then().statements());
    } catch (InterpreterException e) {
      throw e; // the interpreter's own failure is no exception of the program
    } catch (Throwable t) {
      int next = 1;
      for (TryShape.Clause c : shape.clauses()) {
        if (!catches(c, t)) {
          next += c.branch() ? 0 : c.statements();
          continue;
        }
        if (c.branch()) {
          saved.forEach((v, value) -> in.variables().put(v, value));
          heights.forEach((tape, height) -> Stacks.cut(in.get(tape), height));
          return in.run(f.otherwise().statements());
        }
        for (int i = 0; i < c.statements() - 1; i++) {
          in.eval((Expr) parts.get(next + i));
        }
        Object thrown = in.eval((Expr) parts.get(next + c.statements() - 1));
        throw Interpreter.sneaky((Throwable) thrown);
      }
      throw Interpreter.sneaky(t);
    } finally {
      if (shape.finallyStatements() > 0) {
        int first = 1;
        for (TryShape.Clause c : shape.clauses()) {
          first += c.branch() ? 0 : c.statements();
        }
        for (int i = 0; i < shape.finallyStatements(); i++) {
          in.eval((Expr) parts.get(first + i));
        }
      }
    }
  }

  private boolean catches(TryShape.Clause c, Throwable t) {
    for (Object part : c.type()) {
      if (part instanceof Owner o && in.linker().classOf(o).isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The variables the block assigns that it does not declare. */
  private static java.util.Set<Var> assignedOutside(Stmt.Block block) {
    java.util.Set<Var> declared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.Set<Var> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Walk.each(block, s -> {
      if (s instanceof Stmt.Declare d) {
        declared.add(d.var());
      } else if (s instanceof Stmt.Assign a) {
        out.add(a.var());
      }
    });
    out.removeAll(declared);
    return out;
  }

  private Map<Var, Integer> heights(Stmt.Block block) {
    Map<Var, Integer> out = new IdentityHashMap<>();
    Walk.each(block, s -> {
      if (s instanceof Stmt.Push p && !out.containsKey(p.tape())) {
        out.put(p.tape(), Stacks.size(in.get(p.tape())));
      }
    });
    return out;
  }
}
