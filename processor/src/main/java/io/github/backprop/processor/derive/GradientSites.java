package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places where a loop that {@link Blocking} runs side by side adds into one gradient array,
 * and whether every element of it is added to at one place only, the same for every iteration.
 * Then, with iterations side by side, each element still gets its iterations' terms one by one in
 * iteration order.
 *
 * <p>A place is injective where the counter of every loop around it is one of the element's
 * indices as {@code a * j + b} ({@code a ≠ 0}, literals): each pass of those loops adds to an
 * element of its own. Two places of one array meet nowhere where, at some index, their values
 * cannot coincide: their ranges (from literal loop bounds) are apart, or they differ modulo their
 * strides' greatest common divisor. So the weights of an MLP kept in one array, {@code w[2 * j]},
 * {@code w[2 * j + 1]}, {@code w[32 + j]} for {@code j < 16} and {@code w[64]}, are four places
 * that meet nowhere.
 */
final class GradientSites {
  /** An index {@code a * counter + b}, or the constant {@code b} where {@code counter} is null. */
  private record Affine(Var counter, long a, long b) {}

  /** One addition: its indices, each affine or null, and the range of each loop counter around it. */
  private record Site(List<Affine> indices, Map<Var, long[]> ranges) {}

  private final Map<Var, List<Site>> sites = new IdentityHashMap<>();

  /**
   * Records an addition into {@code base} at {@code target} inside {@code loops} (with their
   * {@code counters}, none null); false where one iteration may add to an element twice there.
   */
  boolean add(Var base, Expr.Index target, List<Stmt.Loop> loops, List<Var> counters) {
    Map<Var, long[]> ranges = new IdentityHashMap<>();
    for (int k = 0; k < loops.size(); k++) {
      ranges.put(counters.get(k), range(loops.get(k), counters.get(k)));
    }
    List<Affine> indices = new ArrayList<>();
    for (Expr i : target.indices()) {
      indices.add(affine(i, ranges));
    }
    for (Var c : counters) {
      if (indices.stream().noneMatch(a -> a != null && a.counter() == c && a.a() != 0)) {
        return false;
      }
    }
    sites.computeIfAbsent(base, b -> new ArrayList<>()).add(new Site(indices, ranges));
    return true;
  }

  /** Whether the places adding into each array meet nowhere, pair by pair. */
  boolean apart() {
    for (List<Site> list : sites.values()) {
      for (int p = 0; p < list.size(); p++) {
        for (int q = p + 1; q < list.size(); q++) {
          if (!apart(list.get(p), list.get(q))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean apart(Site p, Site q) {
    int n = Math.min(p.indices().size(), q.indices().size());
    for (int d = 0; d < n; d++) {
      Affine x = p.indices().get(d);
      Affine y = q.indices().get(d);
      if (x != null && y != null && apart(x, p.ranges(), y, q.ranges())) {
        return true;
      }
    }
    return false;
  }

  private static boolean apart(Affine x, Map<Var, long[]> xr, Affine y, Map<Var, long[]> yr) {
    long g = gcd(Math.abs(x.a()), Math.abs(y.a()));
    if (g != 0 && Math.floorMod(x.b() - y.b(), g) != 0) {
      return true;
    }
    long[] hx = hull(x, xr);
    long[] hy = hull(y, yr);
    return hx[1] < hy[0] || hy[1] < hx[0];
  }

  /** The least and greatest value of an affine index; Long.MIN_VALUE / MAX_VALUE where unbounded. */
  private static long[] hull(Affine x, Map<Var, long[]> ranges) {
    if (x.counter() == null || x.a() == 0) {
      return new long[] {x.b(), x.b()};
    }
    long[] r = ranges.get(x.counter());
    long lo = at(x, x.a() > 0 ? r[0] : r[1], Long.MIN_VALUE);
    long hi = at(x, x.a() > 0 ? r[1] : r[0], Long.MAX_VALUE);
    return new long[] {lo, hi};
  }

  private static long at(Affine x, long c, long unbounded) {
    return c == Long.MIN_VALUE || c == Long.MAX_VALUE ? unbounded : x.a() * c + x.b();
  }

  /**
   * The values of a loop's counter: from its literal start, stepping by one up or down, to its
   * literal bound; unbounded on a side that is not a literal.
   */
  private static long[] range(Stmt.Loop l, Var c) {
    Long start = l.init().get(0) instanceof Stmt.Declare d ? integer(d.init()) : null;
    Stmt.Assign step = (Stmt.Assign) l.update().get(0);
    Long by = integer(step.value());
    int dir = by == null ? 0 : step.op() == Expr.Op.ADD ? Long.signum(by) : step.op() == Expr.Op.SUB ? -Long.signum(by) : 0;
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    if (dir == 0 || Math.abs(by) != 1) {
      return new long[] {lo, hi};
    }
    Long bound = l.condition() instanceof Expr.Binary b && b.left() instanceof Expr.Ref r && r.var() == c
        ? integer(b.right()) : null;
    Expr.Op op = l.condition() instanceof Expr.Binary b ? b.op() : null;
    if (dir > 0) {
      lo = start == null ? lo : start;
      hi = bound == null ? hi : op == Expr.Op.LT ? bound - 1 : op == Expr.Op.LE ? bound : hi;
    } else {
      hi = start == null ? hi : start;
      lo = bound == null ? lo : op == Expr.Op.GT ? bound + 1 : op == Expr.Op.GE ? bound : lo;
    }
    return new long[] {lo, hi};
  }

  /** {@code e} as {@code a * c + b} in one counter of {@code ranges}, with literal a and b; or null. */
  private static Affine affine(Expr e, Map<Var, long[]> ranges) {
    Long k = integer(e);
    if (k != null) {
      return new Affine(null, 0, k);
    }
    if (e instanceof Expr.Ref r) {
      return ranges.containsKey(r.var()) ? new Affine(r.var(), 1, 0) : null;
    }
    if (!(e instanceof Expr.Binary b)) {
      return null;
    }
    Affine x = affine(b.left(), ranges);
    Affine y = affine(b.right(), ranges);
    if (x == null || y == null || x.counter() != null && y.counter() != null) {
      return null;
    }
    Var c = x.counter() != null ? x.counter() : y.counter();
    return switch (b.op()) {
      case ADD -> new Affine(c, x.a() + y.a(), x.b() + y.b());
      case SUB -> new Affine(c, x.a() - y.a(), x.b() - y.b());
      case MUL -> x.counter() == null ? new Affine(c, x.b() * y.a(), x.b() * y.b()) : new Affine(c, y.b() * x.a(), y.b() * x.b());
      default -> null;
    };
  }

  /** A small int literal's value, or null. */
  private static Long integer(Expr e) {
    if (e instanceof Expr.Literal l && l.value() instanceof Integer v && Math.abs(v) < (1 << 20)) {
      return (long) v;
    }
    return null;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
