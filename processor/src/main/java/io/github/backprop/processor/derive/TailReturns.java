package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves the statements after an {@code if} that may return into its branches, so that every
 * {@code return} ends a path. The reverse sweep then starts each path at its own return.
 */
final class TailReturns {
  private TailReturns() {}

  static Stmt.Block normalize(Stmt.Block block, Map<Stmt, String> sources) {
    return new Stmt.Block(normalize(block.statements(), sources));
  }

  private static List<Stmt> normalize(List<Stmt> stmts, Map<Stmt, String> sources) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s instanceof Stmt.Block b) {
        List<Stmt> spliced = new ArrayList<>(b.statements());
        spliced.addAll(stmts.subList(i + 1, stmts.size()));
        // Variables are distinct objects, so splicing a nested block's locals cannot clash.
        out.addAll(normalize(spliced, sources));
        return out;
      }
      if (s instanceof Stmt.If f && containsReturn(f) && i + 1 < stmts.size()) {
        List<Stmt> rest = stmts.subList(i + 1, stmts.size());
        Stmt.If moved =
            new Stmt.If(f.condition(), withRest(f.then(), rest, sources), withRest(f.otherwise(), rest, sources));
        sources.put(moved, sources.get(f));
        out.add(moved);
        return out;
      }
      if (s instanceof Stmt.If f) {
        Stmt.If inner =
            new Stmt.If(f.condition(), normalize(f.then(), sources), normalize(f.otherwise(), sources));
        sources.put(inner, sources.get(f));
        out.add(inner);
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private static Stmt.Block withRest(Stmt.Block branch, List<Stmt> rest, Map<Stmt, String> sources) {
    if (endsInReturn(branch)) {
      return normalize(branch, sources);
    }
    List<Stmt> joined = new ArrayList<>(branch.statements());
    // Each branch gets its own copy of the rest, with its own locals: a statement in two places
    // would share a save and an adjoint between them.
    joined.addAll(io.github.backprop.processor.ir.Copy.of(rest, sources));
    return new Stmt.Block(normalize(joined, sources));
  }

  static boolean endsInReturn(Stmt s) {
    if (s instanceof Stmt.Return) {
      return true;
    }
    if (s instanceof Stmt.Block b) {
      return !b.statements().isEmpty() && endsInReturn(b.statements().get(b.statements().size() - 1));
    }
    if (s instanceof Stmt.If f) {
      return endsInReturn(f.then()) && endsInReturn(f.otherwise());
    }
    return false;
  }

  private static boolean containsReturn(Stmt s) {
    boolean[] found = {false};
    io.github.backprop.processor.ir.Walk.each(s, x -> found[0] |= x instanceof Stmt.Return);
    return found[0];
  }
}
