package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Aliases;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The adjoint of an array that rows of a matrix may hold ({@code double[] swap = m[0]; m[0] =
 * m[1]; m[1] = swap;}): the reverse sweep finds it under whichever name in scope holds the same
 * array, a row of a matrix or an array variable, so that one array always has one adjoint array.
 * The runtime's {@code Rows} does the searching through a matrix's rows.
 */
final class RowAdjoints {
  private final Aliases aliases;
  /** The array variables whose adjoints are declared where the reverse sweep is. */
  private final Set<Var> live;
  private final Function<Var, Var> adjoint;

  RowAdjoints(Aliases aliases, Set<Var> live, Function<Var, Var> adjoint) {
    this.aliases = aliases;
    this.live = live;
    this.adjoint = adjoint;
  }

  /**
   * The adjoint of the array {@code row} refers to (a variable, or {@code m[skip]} of matrix
   * {@code of}): that of an array variable in scope that is the same array, else that of a row
   * of a matrix other than {@code row} itself, else new zeros.
   */
  // Example: m[1] == swap ? _d_swap : Rows.of(m[1], m, _d_m, 1)
  Expr of(Expr row, Var except, Var of, Expr skip) {
    Var anchor = except != null ? except : of;
    Expr out = null;
    for (Var m : aliases.matricesOf(anchor)) {
      if (!live.contains(m) && m != of) {
        continue;
      }
      Expr at = m == of ? skip : Expr.Literal.ofInt(-1);
      Expr found = new Expr.Call(Owner.ROWS, "of", List.of(row, Exprs.ref(m), Exprs.ref(adjoint.apply(m)), at), row.type());
      out = out == null
          ? found
          : new Expr.Conditional(
              new Expr.Call(Owner.ROWS, "holds", List.of(Exprs.ref(m), row, at), Type.BOOLEAN), found, out, row.type());
    }
    if (out == null) {
      return null;
    }
    for (Var v : aliases.classOf(anchor)) {
      if (v != except && v.type().equals(row.type()) && live.contains(v)) {
        out = new Expr.Conditional(
            new Expr.Binary(Expr.Op.EQ, row, Exprs.ref(v), Type.BOOLEAN), Exprs.ref(adjoint.apply(v)), out, row.type());
      }
    }
    return out;
  }

  /**
   * New zeros shaped like matrix {@code m}, rows that are one array sharing one adjoint row, and
   * rows that are arrays of other names in scope sharing those names' adjoints; null where rows
   * of {@code m} are never given other arrays.
   */
  // Example: Rows.share(Rows.zerosLike(m), m, swap, _d_swap)
  Expr zerosLike(Var m) {
    if (!aliases.hasRowsGiven(m)) {
      return null;
    }
    Expr out = new Expr.Call(Owner.ROWS, "zerosLike", List.of(Exprs.ref(m)), m.type());
    for (Var v : aliases.classOf(m)) {
      if (v != m && (v.type().equals(m.type().element()) || aliases.hasRowsGiven(v)) && live.contains(v)) {
        out = new Expr.Call(
            Owner.ROWS, "share", List.of(out, Exprs.ref(m), Exprs.ref(v), Exprs.ref(adjoint.apply(v))), m.type());
      }
    }
    return out;
  }
}
