package io.github.backprop.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Moves the statements after an {@code if} that may return into its branches, so that every
 * {@code return} ends a path. The reverse sweep then starts each path at its own return; an
 * inlined helper's returns become assignments to its result.
 */
public final class TailReturns {
  private final Map<Stmt, String> sources;
  private final BiConsumer<Object, Object> copied;

  private TailReturns(Map<Stmt, String> sources, BiConsumer<Object, Object> copied) {
    this.sources = sources;
    this.copied = copied;
  }

  public static Stmt.Block normalize(Stmt.Block block, Map<Stmt, String> sources) {
    return normalize(block, sources, (original, copy) -> {});
  }

  /** As {@link #normalize(Stmt.Block, Map)}; {@code copied} learns each node a copy was made of. */
  public static Stmt.Block normalize(Stmt.Block block, Map<Stmt, String> sources, BiConsumer<Object, Object> copied) {
    return new Stmt.Block(new TailReturns(sources, copied).normalize(block.statements()));
  }

  private List<Stmt> normalize(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s instanceof Stmt.Block b) {
        List<Stmt> spliced = new ArrayList<>(b.statements());
        spliced.addAll(stmts.subList(i + 1, stmts.size()));
        // Variables are distinct objects, so splicing a nested block's locals cannot clash.
        out.addAll(normalize(spliced));
        return out;
      }
      if (s instanceof Stmt.If f && containsReturn(f) && i + 1 < stmts.size()) {
        List<Stmt> rest = stmts.subList(i + 1, stmts.size());
        // Only a second branch that falls through needs a copy of the rest.
        boolean both = !endsInReturn(f.then()) && !endsInReturn(f.otherwise());
        Stmt.If moved = new Stmt.If(f.condition(), withRest(f.then(), rest, false), withRest(f.otherwise(), rest, both));
        sources.put(moved, sources.get(f));
        out.add(moved);
        return out;
      }
      if (s instanceof Stmt.If f) {
        Stmt.If inner = new Stmt.If(f.condition(), normalize(f.then()), normalize(f.otherwise()));
        sources.put(inner, sources.get(f));
        out.add(inner);
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private Stmt.Block normalize(Stmt.Block b) {
    return new Stmt.Block(normalize(b.statements()));
  }

  private Stmt.Block withRest(Stmt.Block branch, List<Stmt> rest, boolean copy) {
    if (endsInReturn(branch)) {
      return normalize(branch);
    }
    List<Stmt> joined = new ArrayList<>(branch.statements());
    // Each branch gets its own copy of the rest, with its own locals: a statement in two places
    // would share a save and an adjoint between them.
    joined.addAll(copy ? Copy.of(rest, sources, copied) : rest);
    return normalize(new Stmt.Block(joined));
  }

  public static boolean endsInReturn(Stmt s) {
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
    Walk.each(s, x -> found[0] |= x instanceof Stmt.Return);
    return found[0];
  }
}
