package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites {@code break}, {@code continue} and {@code return} inside loops into structured code,
 * so that the sweeps only see loops that run their body to the end. A jump sets a flag ({@code
 * _brk0}, {@code _cont0}, {@code _ret0}); the statements it skips are guarded by the flag, and a
 * loop it leaves tests the flag before its condition:
 *
 * <pre>
 * while (c) { a; if (p) break; b; }   →   boolean _brk0 = false;
 *                                         while (!_brk0 &amp;&amp; c) { a; if (p) { _brk0 = true; } else { b; } }
 * </pre>
 *
 * A jump that ends one branch of an {@code if} at the top of a loop body needs no guard: the rest
 * of the body moves into the other branch, so {@code if (p) continue;} costs no flag at all.
 */
final class Jumps {
  private final Var value;
  private final Map<Stmt, String> sources;
  private final Map<LoopId, Var> breaks = new IdentityHashMap<>();
  private final Map<LoopId, Var> continues = new IdentityHashMap<>();
  private final Set<Var> flags = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<LoopId> loops = new ArrayDeque<>();
  private Var ret;

  private Jumps(Var value, Map<Stmt, String> sources) {
    this.value = value;
    this.sources = sources;
  }

  /**
   * @param value the method's result variable, which a {@code return} inside a loop assigns
   */
  static Stmt.Block structure(Stmt.Block body, Var value, Map<Stmt, String> sources) {
    if (!hasJumpInLoop(body, false)) {
      return body;
    }
    Jumps j = new Jumps(value, sources);
    List<Stmt> out = j.block(body.statements(), null);
    if (j.ret != null) {
      // Example: double _value = 0.0; boolean _ret0 = false;
      out.add(0, new Stmt.Declare(j.ret, FALSE));
      out.add(0, new Stmt.Declare(value, new Expr.Literal(0.0, Type.DOUBLE)));
    }
    return new Stmt.Block(out);
  }

  private static final Expr FALSE = new Expr.Literal(false, Type.BOOLEAN);
  private static final Expr TRUE = new Expr.Literal(true, Type.BOOLEAN);

  private static boolean hasJumpInLoop(Stmt s, boolean inLoop) {
    if (s instanceof Stmt.Break || s instanceof Stmt.Continue || (inLoop && s instanceof Stmt.Return)) {
      return true;
    }
    for (Stmt x : Walk.nested(s)) {
      if (hasJumpInLoop(x, inLoop || s instanceof Stmt.Loop)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param bodyOf the loop whose body {@code stmts} ends, directly or inside guards: a jump to its
   *     next iteration may simply skip the rest of {@code stmts}
   */
  private List<Stmt> block(List<Stmt> stmts, LoopId bodyOf) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      List<Stmt> rest = stmts.subList(i + 1, stmts.size());
      if (isJump(s)) {
        out.addAll(jump(s, bodyOf));
        return out; // what follows a jump is unreachable; javac reports it
      }
      if (bodyOf != null && s instanceof Stmt.If f) {
        Stmt.If moved = moveRest(f, rest, bodyOf);
        if (moved != null) {
          out.add(moved);
          return out;
        }
      }
      List<Stmt> done = statement(s);
      out.addAll(done);
      Set<Var> escaping = new LinkedHashSet<>();
      done.forEach(d -> escaping.addAll(escaping(d)));
      if (!escaping.isEmpty() && !rest.isEmpty()) {
        // Example: if (!_brk0) { rest }
        List<Stmt> guarded = block(rest, bodyOf);
        if (!guarded.isEmpty()) {
          out.add(new Stmt.If(none(escaping), new Stmt.Block(guarded), new Stmt.Block(List.of())));
        }
        return out;
      }
    }
    return out;
  }

  private boolean isJump(Stmt s) {
    return s instanceof Stmt.Break || s instanceof Stmt.Continue || (s instanceof Stmt.Return && !loops.isEmpty());
  }

  /**
   * {@code if (p) { a; continue; } rest} as {@code if (p) { a; } else { rest }}, when one branch
   * ends in a jump that leaves the body and has no other, and the other branch has none.
   */
  private Stmt.If moveRest(Stmt.If f, List<Stmt> rest, LoopId bodyOf) {
    boolean thenJumps = endsInJump(f.then()) && jumpFree(f.otherwise());
    boolean elseJumps = !thenJumps && endsInJump(f.otherwise()) && jumpFree(f.then());
    if (!thenJumps && !elseJumps) {
      return null;
    }
    Stmt.Block jumping = thenJumps ? f.then() : f.otherwise();
    Stmt.Block other = thenJumps ? f.otherwise() : f.then();
    List<Stmt> j = jumping.statements();
    List<Stmt> jumped = block(j.subList(0, j.size() - 1), null);
    jumped.addAll(jump(j.get(j.size() - 1), bodyOf));
    List<Stmt> continued = new ArrayList<>(other.statements());
    continued.addAll(rest);
    Stmt.Block c = new Stmt.Block(block(continued, bodyOf));
    Stmt.Block jb = new Stmt.Block(jumped);
    Stmt.If out = thenJumps ? new Stmt.If(f.condition(), jb, c) : new Stmt.If(f.condition(), c, jb);
    copySource(f, out);
    return out;
  }

  private boolean endsInJump(Stmt.Block b) {
    List<Stmt> s = b.statements();
    return !s.isEmpty() && isJump(s.get(s.size() - 1)) && jumpFree(new Stmt.Block(s.subList(0, s.size() - 1)));
  }

  private boolean jumpFree(Stmt s) {
    boolean[] found = {false};
    Walk.each(s, x -> found[0] |= x instanceof Stmt.Break || x instanceof Stmt.Continue || x instanceof Stmt.Return);
    return !found[0];
  }

  /** The flag assignments that stand for one jump. */
  private List<Stmt> jump(Stmt s, LoopId bodyOf) {
    if (s instanceof Stmt.Continue c) {
      if (c.target() == bodyOf) {
        return new ArrayList<>(); // the rest of the body is skipped by construction
      }
      return new ArrayList<>(List.of(set(flag(continues, c.target(), "_cont"))));
    }
    if (s instanceof Stmt.Break b) {
      return new ArrayList<>(List.of(set(flag(breaks, b.target(), "_brk"))));
    }
    Stmt.Return r = (Stmt.Return) s;
    if (ret == null) {
      ret = Var.temp("_ret", Type.BOOLEAN);
      flags.add(ret);
    }
    // Example: _value = x * y; _ret0 = true;
    Stmt.Assign result = new Stmt.Assign(value, null, r.value());
    copySource(s, result);
    return new ArrayList<>(List.of(result, new Stmt.Assign(ret, null, TRUE)));
  }

  private Var flag(Map<LoopId, Var> map, LoopId loop, String base) {
    return map.computeIfAbsent(
        loop,
        k -> {
          Var v = Var.temp(base, Type.BOOLEAN);
          flags.add(v);
          return v;
        });
  }

  private static Stmt set(Var flag) {
    return new Stmt.Assign(flag, null, TRUE);
  }

  private List<Stmt> statement(Stmt s) {
    if (s instanceof Stmt.If f) {
      Stmt.If out =
          new Stmt.If(
              f.condition(),
              new Stmt.Block(block(f.then().statements(), null)),
              new Stmt.Block(block(f.otherwise().statements(), null)));
      copySource(f, out);
      return List.of(out);
    }
    if (s instanceof Stmt.Block b) {
      return List.of(new Stmt.Block(block(b.statements(), null)));
    }
    if (s instanceof Stmt.Loop l) {
      return loop(l);
    }
    return List.of(s);
  }

  private List<Stmt> loop(Stmt.Loop l) {
    loops.push(l.id());
    List<Stmt> body = block(l.body().statements(), l.id());
    loops.pop();
    List<Stmt> update = new ArrayList<>(l.update());
    Set<Var> inside = new LinkedHashSet<>();
    body.forEach(x -> inside.addAll(escaping(x)));
    Var brk = breaks.get(l.id());
    Var cont = continues.get(l.id());
    Set<Var> exits = new LinkedHashSet<>(inside);
    exits.remove(cont);
    List<Stmt> out = new ArrayList<>();
    if (brk != null && inside.contains(brk)) {
      out.add(new Stmt.Declare(brk, FALSE));
    }
    if (cont != null && inside.contains(cont)) {
      // Example: while (c) { boolean _cont0 = false; ... }
      body.add(0, new Stmt.Declare(cont, FALSE));
    }
    Expr condition = l.condition();
    if (!exits.isEmpty()) {
      Expr stay = none(exits);
      if (!update.isEmpty()) {
        // A jump out of the loop skips the update too.
        body.add(new Stmt.If(stay, new Stmt.Block(update), new Stmt.Block(List.of())));
        update = List.of();
      }
      condition =
          condition instanceof Expr.Literal lit && Boolean.TRUE.equals(lit.value())
              ? stay
              : new Expr.Binary(Expr.Op.AND, stay, condition, Type.BOOLEAN);
    }
    Stmt.Loop done = new Stmt.Loop(l.id(), l.init(), condition, update, new Stmt.Block(body), l.testFirst());
    copySource(l, done);
    out.add(done);
    return out;
  }

  /** The flags {@code s} may set that are not consumed inside it by a loop they belong to. */
  private Set<Var> escaping(Stmt s) {
    Set<Var> set = new LinkedHashSet<>();
    for (Var v : Walk.assigned(s)) {
      if (flags.contains(v)) {
        set.add(v);
      }
    }
    Walk.each(
        s,
        x -> {
          if (x instanceof Stmt.Loop l) {
            set.remove(breaks.get(l.id()));
            set.remove(continues.get(l.id()));
          }
        });
    // A declaration of a flag is not a jump.
    if (s instanceof Stmt.Declare d) {
      set.remove(d.var());
    }
    return set;
  }

  /** {@code !f0 && !f1 ...}: none of the flags is set. */
  private static Expr none(Set<Var> fs) {
    Expr out = null;
    for (Var f : fs) {
      Expr not = new Expr.Unary(Expr.Op.NOT, new Expr.Ref(f), Type.BOOLEAN);
      out = out == null ? not : new Expr.Binary(Expr.Op.AND, out, not, Type.BOOLEAN);
    }
    return out;
  }

  private void copySource(Stmt from, Stmt to) {
    String src = sources.get(from);
    if (src != null) {
      sources.put(to, src);
    }
  }
}
