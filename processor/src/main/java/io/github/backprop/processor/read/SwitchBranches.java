package io.github.backprop.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.YieldTree;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;

/**
 * How control leaves the cases of a switch {@link SwitchLowering} lowers: which case falls into
 * the next, breaks that end a branch made into its structure, and a yield's assignments given to
 * the switch expression's local.
 */
final class SwitchBranches {
  private SwitchBranches() {}

  /** Whether a case's statements can fall into the next case (JLS 14.22, for what a case holds). */
  static boolean canCompleteNormally(List<? extends StatementTree> stmts) {
    return stmts.isEmpty() || canCompleteNormally(stmts.get(stmts.size() - 1));
  }

  static boolean canCompleteNormally(StatementTree s) {
    if (s instanceof BreakTree || s instanceof ContinueTree || s instanceof ReturnTree
        || s instanceof ThrowTree || s instanceof YieldTree) {
      return false;
    }
    if (s instanceof BlockTree b) {
      return canCompleteNormally(b.getStatements());
    }
    if (s instanceof IfTree i) {
      return i.getElseStatement() == null
          || canCompleteNormally(i.getThenStatement())
          || canCompleteNormally(i.getElseStatement());
    }
    return true;
  }

  /** {@code s} with each assignment of {@code from} (a yield's) assigning {@code to}. */
  static Stmt retarget(Stmt s, Var from, Var to) {
    if (s instanceof Stmt.Assign a && a.var() == from) {
      return new Stmt.Assign(to, a.op(), a.value());
    }
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(retarget(b.statements(), from, to));
    }
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), (Stmt.Block) retarget(f.then(), from, to), (Stmt.Block) retarget(f.otherwise(), from, to));
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), (Stmt.Block) retarget(l.body(), from, to), l.testFirst());
    }
    return s;
  }

  static List<Stmt> retarget(List<Stmt> stmts, Var from, Var to) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.add(retarget(s, from, to));
    }
    return out;
  }

  /**
   * The body with its breaks out of the switch made structure where they end a branch: {@code
   * if (p) { a; break; } b;} is {@code if (p) { a; } else { b; }}, and a final break is the end.
   */
  static List<Stmt> structure(List<Stmt> stmts, LoopId id) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      List<Stmt> rest = stmts.subList(i + 1, stmts.size());
      if (s instanceof Stmt.Break b && b.target() == id) {
        return out; // what follows is unreachable
      }
      if (s instanceof Stmt.Block b) {
        // Variables are distinct objects: splicing a nested block's locals cannot clash.
        List<Stmt> joined = new ArrayList<>(b.statements());
        joined.addAll(rest);
        out.addAll(structure(joined, id));
        return out;
      }
      if (s instanceof Stmt.If f && (endsInBreak(f.then(), id) || endsInBreak(f.otherwise(), id))) {
        out.add(new Stmt.If(f.condition(), branch(f.then(), rest, id), branch(f.otherwise(), rest, id)));
        return out;
      }
      out.add(s);
    }
    return out;
  }

  private static Stmt.Block branch(Stmt.Block b, List<Stmt> rest, LoopId id) {
    if (endsInBreak(b, id)) {
      return new Stmt.Block(structure(b.statements(), id));
    }
    List<Stmt> joined = new ArrayList<>(b.statements());
    joined.addAll(rest);
    return new Stmt.Block(structure(joined, id));
  }

  private static boolean endsInBreak(Stmt s, LoopId id) {
    if (s instanceof Stmt.Break b) {
      return b.target() == id;
    }
    if (s instanceof Stmt.Block b) {
      return !b.statements().isEmpty() && endsInBreak(b.statements().get(b.statements().size() - 1), id);
    }
    if (s instanceof Stmt.If f) {
      return endsInBreak(f.then(), id) && endsInBreak(f.otherwise(), id);
    }
    return false;
  }

  static boolean breaks(List<Stmt> stmts, LoopId id) {
    boolean[] found = {false};
    for (Stmt s : stmts) {
      Walk.each(s, x -> found[0] |= x instanceof Stmt.Break b && b.target() == id);
    }
    return found[0];
  }
}
