package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Walk;
import java.util.List;
import java.util.Map;

/**
 * A {@code finally} block that assigns locals ({@code finally { y = y * x; }}): {@link Tries} runs
 * it after the try statement, which is where Java runs it on every path that goes on (a return's
 * value is taken before); where an exception leaves, what it assigns is never read. That holds
 * only where nothing in it can throw or be seen outside the method, which is checked here.
 */
final class FinallyBlocks {
  private FinallyBlocks() {}

  static boolean onlyCalls(Stmt.Block fin) {
    return fin.statements().stream().allMatch(x -> x instanceof Stmt.Invoke);
  }

  /**
   * The statements of a finally block that assigns locals, to run after the try statement; an
   * error where one does more: a call, a write into an array, a jump, or a value whose
   * computation may throw (an exception there would replace the one leaving the try).
   */
  static List<Stmt> afterwards(
      Stmt.Block fin, Tree at, Map<Object, Tree> positions, ErrorReporter reporter, CompilationUnitTree unit) {
    for (Stmt s : fin.statements()) {
      String why = unquiet(s);
      if (why != null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a 'finally' block of a differentiable method may either make calls that carry no derivative"
                + " (logging, closing, counting) or assign local variables from arithmetic; this statement "
                + why + ": move it after the 'try' statement",
            positions.getOrDefault(s, at),
            unit);
      }
    }
    return fin.statements();
  }

  /** Why {@code s} may not run after the statement in place of a finally, or null. */
  private static String unquiet(Stmt s) {
    if (s instanceof Stmt.Block b) {
      for (Stmt x : b.statements()) {
        String why = unquiet(x);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (s instanceof Stmt.If f) {
      String why = unquiet(f.condition());
      return why != null ? why : unquiet(f.then()) != null ? unquiet(f.then()) : unquiet(f.otherwise());
    }
    if (s instanceof Stmt.Assign a) {
      return unquiet(a.value());
    }
    if (s instanceof Stmt.Declare d) {
      return d.init() == null ? null : unquiet(d.init());
    }
    if (s instanceof Stmt.Invoke) {
      return "is a call among assignments";
    }
    if (s instanceof Stmt.Store) {
      return "writes into an array";
    }
    return "returns, jumps, throws or loops";
  }

  /** Why computing {@code e} may throw, or null: arithmetic, choices and java.lang.Math of numbers never do. */
  private static String unquiet(Expr e) {
    String[] why = {null};
    Walk.each(e, x -> {
      if (why[0] != null) {
        return;
      }
      if (x instanceof Expr.Binary b && (b.op() == Expr.Op.DIV || b.op() == Expr.Op.REM)
          && !b.type().isFloating()) {
        why[0] = "divides integers, which throws for a zero divisor";
      } else if (x instanceof Expr.Index || x instanceof Expr.Length) {
        why[0] = "reads an array, which may throw";
      } else if (x instanceof Expr.Call c ? !c.owner().isMath() || !c.type().isFloating()
          : !(x instanceof Expr.Ref || x instanceof Expr.Literal || x instanceof Expr.Constant
              || x instanceof Expr.Unary || x instanceof Expr.Binary || x instanceof Expr.Conditional
              || x instanceof Expr.Cast)) {
        why[0] = "calls a method other than java.lang.Math's, which may throw";
      }
    });
    return why[0];
  }
}
