package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TailReturns;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A helper's body made to run inside its caller: each {@code return e;} assigns {@code e} to the
 * helper's result and leaves the body. Where every return can be made to end a path ({@link
 * TailReturns}), it becomes a plain assignment and the sweeps see ordinary branches; a return
 * inside a loop leaves through a one-pass loop around the body instead, which costs a flag.
 */
final class InlinedReturns {
  private InlinedReturns() {}

  /** @param result the helper's result, or null for a {@code void} helper */
  static List<Stmt> rewrite(
      Stmt.Block body, Var result, Map<Stmt, String> sources, BiConsumer<Object, Object> copied) {
    if (!returnsInLoop(body, false)) {
      List<Stmt> out = new ArrayList<>(tail(TailReturns.normalize(body, sources, copied), result).statements());
      if (result == null) {
        return out;
      }
      int last = out.size() - 1;
      if (last >= 0 && out.get(last) instanceof Stmt.Assign a && a.var() == result
          && !Walk.assigned(new Stmt.Block(out.subList(0, last))).contains(result)) {
        // A body that ends in its only return: double r = <value>;
        out.set(last, new Stmt.Declare(result, a.value()));
      } else {
        out.add(0, new Stmt.Declare(result, null));
      }
      return out;
    }
    LoopId exit = new LoopId(null);
    List<Stmt> out = new ArrayList<>();
    if (result != null) {
      // Assigned before each break; javac cannot see that through the loop.
      out.add(new Stmt.Declare(result, Exprs.zeroOf(result.type())));
    }
    out.add(
        new Stmt.Loop(
            exit, List.of(), new Expr.Literal(false, Type.BOOLEAN), List.of(), leave(body, result, exit), false));
    return out;
  }

  private static Stmt.Block tail(Stmt.Block b, Var result) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.statements()) {
      if (s instanceof Stmt.Return r) {
        if (result != null) {
          out.add(new Stmt.Assign(result, null, r.value()));
        }
      } else if (s instanceof Stmt.If f) {
        out.add(new Stmt.If(f.condition(), tail(f.then(), result), tail(f.otherwise(), result)));
      } else if (s instanceof Stmt.Block inner) {
        out.add(tail(inner, result));
      } else {
        out.add(s);
      }
    }
    return new Stmt.Block(out);
  }

  private static Stmt.Block leave(Stmt.Block b, Var result, LoopId exit) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.statements()) {
      out.add(leave(s, result, exit));
    }
    return new Stmt.Block(out);
  }

  private static Stmt leave(Stmt s, Var result, LoopId exit) {
    if (s instanceof Stmt.Return r) {
      List<Stmt> out = new ArrayList<>();
      if (result != null) {
        out.add(new Stmt.Assign(result, null, r.value()));
      }
      out.add(new Stmt.Break(exit));
      return new Stmt.Block(out);
    }
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), leave(f.then(), result, exit), leave(f.otherwise(), result, exit));
    }
    if (s instanceof Stmt.Block inner) {
      return leave(inner, result, exit);
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), leave(l.body(), result, exit), l.testFirst());
    }
    return s;
  }

  private static boolean returnsInLoop(Stmt s, boolean inLoop) {
    if (s instanceof Stmt.Return) {
      return inLoop;
    }
    if (s instanceof Stmt.Block b) {
      return b.statements().stream().anyMatch(x -> returnsInLoop(x, inLoop));
    }
    if (s instanceof Stmt.If f) {
      return returnsInLoop(f.then(), inLoop) || returnsInLoop(f.otherwise(), inLoop);
    }
    if (s instanceof Stmt.Loop l) {
      return returnsInLoop(l.body(), true);
    }
    return false;
  }
}
