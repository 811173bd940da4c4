package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splices nested blocks, {@code { ... }} inside a body, into the statements around them: the
 * sweeps work on statement lists and would otherwise treat a block as one opaque statement.
 * Variables are distinct objects, so a block's locals cannot clash with their new neighbours.
 */
final class Blocks {
  private Blocks() {}

  static Stmt.Block flatten(Stmt.Block b, Map<Stmt, String> sources) {
    return new Stmt.Block(list(b.statements(), sources));
  }

  private static List<Stmt> list(List<Stmt> stmts, Map<Stmt, String> sources) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Block inner) {
        out.addAll(list(inner.statements(), sources));
        continue;
      }
      Stmt done = s;
      if (s instanceof Stmt.If f) {
        done = new Stmt.If(f.condition(), flatten(f.then(), sources), flatten(f.otherwise(), sources));
      } else if (s instanceof Stmt.Loop l) {
        done =
            new Stmt.Loop(
                l.id(), list(l.init(), sources), l.condition(), list(l.update(), sources),
                flatten(l.body(), sources), l.testFirst());
      }
      String source = sources.get(s);
      if (source != null && done != s) {
        sources.put(done, source);
      }
      out.add(done);
    }
    return out;
  }
}
