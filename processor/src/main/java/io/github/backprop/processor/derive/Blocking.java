package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Copy;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fused loop whose iterations only add into sums and gradients (the sum over samples of a loss)
 * runs {@value #SAMPLES} iterations side by side, where {@link BlockingCheck} finds that exact:
 * each inner loop runs once for all four, so a dot product becomes four independent chains of
 * additions the processor overlaps, and each gradient row is walked once per four samples. Every
 * sum and gradient element still adds the iterations' terms one by one in iteration order, so
 * the results are the same to the bit. The iterations left over run one at a time after.
 *
 * <pre>{@code
 * // Example (from: for (int i = 0; i < x.length; i++) { double a = 0; for (k...) a += w[k] * x[i][k]; total += a; })
 * int i = 0;
 * for (; i < x.length - 3; i += 4) {
 *   int _i1 = i + 1; ...
 *   double a = 0; double _a1 = 0; ...
 *   for (int k = 0; k < n; k++) { a += w[k] * x[i][k]; _a1 += w[k] * x[_i1][k]; ... }
 *   total += a; total += _a1; ...
 * }
 * for (; i < x.length; i++) { ... as before ... }
 * }</pre>
 */
final class Blocking {
  /** Iterations side by side: four chains hide the latency of an addition on today's cores. */
  static final int SAMPLES = 4;

  private final BlockingCheck check;
  private final Map<Stmt, String> sources;
  /** Per iteration of a block, the variable standing for each of {@link BlockingCheck#own}. */
  private final List<Map<Var, Var>> names = new ArrayList<>();

  private Blocking(BlockingCheck check, Map<Stmt, String> sources) {
    this.check = check;
    this.sources = sources;
    for (int c = 0; c < SAMPLES; c++) {
      Map<Var, Var> m = new IdentityHashMap<>();
      for (Var v : check.own) {
        if (v.kind() != Var.Kind.ADJOINT) {
          m.put(v, c == 0 ? v : copy(v, c));
        }
      }
      for (Var v : check.own) {
        if (v.kind() == Var.Kind.ADJOINT) {
          Var primal = m.get(v.primal());
          Var a = primal == null ? null : Var.adjointOf(primal);
          m.put(v, c == 0 ? v : a != null && a.type().equals(v.type()) ? a : v.copy());
        }
      }
      names.add(m);
    }
  }

  /**
   * {@code forward} with its loop {@code fused} blocked, or as it is where that is not exact or
   * gains nothing.
   *
   * @param source the loop as the source has it: the variables it declares are each iteration's
   */
  static List<Stmt> apply(List<Stmt> forward, LoopId fused, Stmt.Loop source, Map<Stmt, String> sources) {
    int at = -1;
    for (int k = 0; k < forward.size(); k++) {
      if (forward.get(k) instanceof Stmt.Loop l && l.id() == fused) {
        at = k;
      }
    }
    if (at < 0) {
      return forward;
    }
    Set<Var> perIteration = Tbr.identitySet();
    Walk.each(source.body(), s -> {
      if (s instanceof Stmt.Declare d) {
        perIteration.add(d.var());
      }
    });
    Stmt.Loop loop = (Stmt.Loop) forward.get(at);
    BlockingCheck check = BlockingCheck.of(loop, perIteration);
    if (check == null) {
      return forward;
    }
    List<Stmt> out = new ArrayList<>(forward.subList(0, at));
    out.addAll(new Blocking(check, sources).blocked(loop));
    out.addAll(forward.subList(at + 1, forward.size()));
    return out;
  }

  // Example: int i = 0; for (; i < x.length - 3; i += 4) { ... } for (; i < x.length; i++) { ... }
  private List<Stmt> blocked(Stmt.Loop loop) {
    Var i = check.counter;
    List<Stmt> body = new ArrayList<>();
    for (int c = 1; c < SAMPLES; c++) {
      body.add(new Stmt.Declare(names.get(c).get(i), Exprs.intAdd(Exprs.ref(i), c)));
    }
    for (Var v : check.outer) {
      for (int c = 1; c < SAMPLES; c++) {
        // Its value from an earlier iteration is never read (the source declares it inside).
        body.add(new Stmt.Declare(names.get(c).get(v), Exprs.zeroOf(v.type())));
      }
    }
    body.addAll(jam(loop.body().statements()));
    return List.of(
        loop.init().get(0),
        new Stmt.Comment(SAMPLES + " iterations side by side: each sum adds their terms in iteration order"),
        new Stmt.Loop(
            new LoopId(null), List.of(), condition(), List.of(new Stmt.Assign(i, Expr.Op.ADD, Expr.Literal.ofInt(SAMPLES))),
            new Stmt.Block(body), true),
        new Stmt.Comment("the iterations left over, one at a time"),
        new Stmt.Loop(loop.id(), List.of(), loop.condition(), loop.update(), loop.body(), true));
  }

  /**
   * {@code i < n - 3} where {@code n} is a length or a literal, which cannot overflow; else
   * {@code n - i > 3}, which cannot either as {@code i} starts at 0.
   */
  private Expr condition() {
    Expr n = check.bound;
    Expr i = Exprs.ref(check.counter);
    if (n instanceof Expr.Length || n instanceof Expr.Literal l && l.value() instanceof Integer v && v >= 0) {
      return new Expr.Binary(Expr.Op.LT, i, Exprs.intSub(n, SAMPLES - 1), Type.BOOLEAN);
    }
    return new Expr.Binary(
        Expr.Op.GT, new Expr.Binary(Expr.Op.SUB, n, i, Type.INT), Expr.Literal.ofInt(SAMPLES - 1), Type.BOOLEAN);
  }

  /**
   * The statements for all iterations of a block: a jammed loop or {@code if} once, around its
   * statements for all; any other statement once per iteration, last iteration first where it
   * pops a tape (the pushes ran first iteration first).
   */
  private List<Stmt> jam(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Comment) {
        out.add(s);
      } else if (check.jammed.contains(s) && s instanceof Stmt.Loop l) {
        out.add(new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), new Stmt.Block(jam(l.body().statements())), l.testFirst()));
      } else if (check.jammed.contains(s) && s instanceof Stmt.If f) {
        Stmt.Block otherwise = f.otherwise() == null ? null : new Stmt.Block(jam(f.otherwise().statements()));
        out.add(new Stmt.If(f.condition(), new Stmt.Block(jam(f.then().statements())), otherwise));
      } else if (check.jammed.contains(s) && s instanceof Stmt.Block b) {
        out.add(new Stmt.Block(jam(b.statements())));
      } else {
        boolean pops = pops(s);
        for (int k = 0; k < SAMPLES; k++) {
          out.addAll(Copy.renaming(List.of(s), sources, names.get(pops ? SAMPLES - 1 - k : k)));
        }
      }
    }
    return out;
  }

  private static boolean pops(Stmt s) {
    boolean[] found = {false};
    Walk.each(s, x -> Walk.eachExpr(x, e -> found[0] |= e instanceof Expr.Pop));
    return found[0];
  }

  /** Iteration {@code c}'s own {@code v}: {@code _a1} for {@code a}, a fresh temporary for a temporary. */
  private static Var copy(Var v, int c) {
    return switch (v.kind()) {
      case LOCAL, PARAM -> new Var((v.name().startsWith("_") ? "" : "_") + v.name() + c, v.declared(), Var.Kind.LOCAL);
      case TEMP -> Var.temp(v.name(), v.declared());
      default -> v.copy();
    };
  }
}
