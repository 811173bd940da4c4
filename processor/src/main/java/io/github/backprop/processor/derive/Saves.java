package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the forward sweep of reverse mode saved, and how the reverse sweep gets each value back:
 * the one record the two sweeps share. {@link PrimalSweep} fills it as it writes the forward
 * sweep; {@link AdjointSweep} reads it. Keyed by the identity of the statements of the body both
 * sweeps walk.
 */
final class Saves {
  /**
   * How the reverse sweep puts back the value a statement overwrote: an assignment or store from a
   * temporary ({@code x = _t0}) or a pop ({@code x = _doubles.pop()}), or an inverse ({@code i -=
   * 2} for {@code i += 2}).
   */
  final Map<Stmt, Stmt> restores = new IdentityHashMap<>();
  /** How the reverse sweep decides each {@code if}: the condition again, a flag, or a pop. */
  final Map<Stmt.If, Expr> conditions = new IdentityHashMap<>();
  /** The iteration count of each loop the reverse sweep cannot run back by its index ({@code _n0}). */
  final Map<Stmt.Loop, Var> counters = new IdentityHashMap<>();
  /** The loops of {@link #counters} inside another loop: their count is pushed, and popped in reverse. */
  final Set<Stmt.Loop> poppedCounters = Tbr.identitySet();
  /** Generated variables both sweeps use, declared first: saves and flags of nested blocks, counters. */
  final List<Stmt> declarations = new ArrayList<>();
  /** Whether the result variable is declared yet. */
  boolean valueDeclared;
  /** The forward sweep's copy of the fused loop, at whose end each iteration's reverse runs; or null. */
  Stmt.Loop fusedForward;
}
