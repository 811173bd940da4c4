package io.github.backprop.processor.ir;

import java.util.List;

/**
 * A {@code try} statement, held as an {@code if} so that every pass follows it as a branch: its
 * condition is an {@link Expr.Foreign} whose first part is this shape, its {@code then} the try
 * block and its {@code otherwise} the one catch that completes or returns (empty where every catch
 * rethrows). The reverse sweep reverses whichever of the two ran, chosen by a flag the forward
 * sweep sets at the end of the try block; the writer prints the statement as a Java {@code try}.
 *
 * <p>The catches that only throw and the {@code finally} block hold no derivative: their
 * statements are the condition's further parts, in order ({@link Clause#statements} of each
 * clause, then {@link #finallyStatements}), so that copies and renamings reach them.
 *
 * @param clauses every catch clause in source order
 * @param finallyStatements how many calls the {@code finally} block makes; -1 where it has none
 * @param restores whether the branch's catch may complete or return: then, before it runs, the
 *     variables the try block assigned and the tapes' heights are put back as they were at the
 *     {@code try}, so that the reverse sweep of what ran before sees the values it saw
 * @param resources how many resources the statement closes ({@code try (r) {...}}): the first
 *     parts after this shape, each a local declared just before the statement
 */
public record TryShape(List<Clause> clauses, int finallyStatements, boolean restores, int resources) {
  public TryShape(List<Clause> clauses, int finallyStatements, boolean restores) {
    this(clauses, finallyStatements, restores, 0);
  }

  /**
   * One {@code catch (A | B name)}: {@code type} holds {@link Owner}s and {@code " | "}.
   *
   * @param branch whether its body is the {@code if}'s {@code otherwise}; the others only call
   *     and throw
   * @param statements for one that only calls and throws, how many parts its body takes: the
   *     calls, then the exception it throws
   */
  public record Clause(List<Object> type, String name, boolean branch, int statements) {}

  /** The shape of a try statement held as {@code f}, or null for an ordinary {@code if}. */
  public static TryShape of(Stmt.If f) {
    return f.condition() instanceof Expr.Foreign x && !x.parts().isEmpty() && x.parts().get(0) instanceof TryShape s
        ? s
        : null;
  }

}
