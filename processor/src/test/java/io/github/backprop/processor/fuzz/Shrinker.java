package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Batch.Unit;
import io.github.backprop.processor.fuzz.Checker.Failure;
import io.github.backprop.processor.fuzz.Checker.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delta-debugs a failing method to a small one that still fails the same way (the same {@link
 * Kind}, and for compile-time failures a diagnostic of the same shape): greedily takes the
 * smallest one-edit variant ({@link Edit#variants}) that still fails, until none does. Variants are
 * compiled many to a batch, renamed, and the result is confirmed under its own name. Callees the
 * result no longer calls are dropped; those it still calls are shrunk too.
 */
final class Shrinker {
  /** A shrunk failure: the methods to print and the failure they still show. */
  record Result(Batch batch, Failure failure, Unit target, int compilations, int originalSize, int size) {}

  private static final int CHUNK = 24;
  private final int maxCompilations;
  private final Checker checker = new Checker();

  Shrinker(int maxCompilations) {
    this.maxCompilations = maxCompilations;
  }

  Result shrink(Batch origin, Failure failure) {
    Unit target = failure.unit();
    boolean isCallee = origin.callees.contains(target);
    List<Unit> callees = needed(origin, target, target, isCallee);
    Batch base = origin.with(callees, List.of());
    Set<String> sigs = signatures(origin, failure);
    Map<String, Object> point = failure.point() == null ? null : byName(target, failure.point());
    int originalSize = Edit.size(target.method());

    Method current = target.method();
    Failure last = failure;
    // Variants renamed and batched; then confirmed under the original name.
    while (checker.stats.compilations < maxCompilations) {
      List<Method> vs = dedupe(Edit.variants(current));
      vs.sort(Comparator.comparingInt(Edit::size));
      Method found = null;
      for (int start = 0; start < vs.size() && found == null && checker.stats.compilations < maxCompilations; start += CHUNK) {
        List<Method> chunk = vs.subList(start, Math.min(vs.size(), start + CHUNK));
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
          Method m = renamed(chunk.get(i), current.name() + "__" + i);
          units.add(new Unit(m, points(m, target, point), target.origin()));
        }
        Batch b = withCallees(base, callees, units, isCallee);
        Map<String, Failure> results = firstByUnit(checker.check(b));
        for (Unit u : units) {
          Failure f = results.get(u.key());
          if (f != null && same(failure, sigs, f)) {
            found = chunk.get(units.indexOf(u));
            break;
          }
        }
      }
      if (found == null) {
        break;
      }
      current = found;
      callees = needed(origin, new Unit(current, List.of(), target.origin()), target, isCallee);
    }
    // Confirm under the original name, with only the callees still needed.
    Unit shrunk = new Unit(current, points(current, target, point), target.origin());
    Failure confirmed = confirm(base, callees, shrunk, failure, sigs, isCallee);
    if (confirmed == null) {
      shrunk = target;
      current = target.method();
      callees = needed(origin, target, target, isCallee);
    } else {
      last = confirmed;
    }
    // Shrink the callees it still calls, one at a time (they are shared, so one per compilation).
    for (int ci = callees.size() - 1; ci >= 0; ci--) {
      boolean progress = true;
      while (progress && checker.stats.compilations < maxCompilations) {
        progress = false;
        Unit callee = callees.get(ci);
        List<Method> vs = dedupe(Edit.variants(callee.method()));
        vs.sort(Comparator.comparingInt(Edit::size));
        for (Method v : vs.subList(0, Math.min(vs.size(), 12))) {
          if (checker.stats.compilations >= maxCompilations) {
            break;
          }
          List<Unit> cs = new ArrayList<>(callees);
          List<Object[]> pts = new ArrayList<>();
          for (Object[] pt : callee.points()) {
            pts.add(project(v, callee, pt));
          }
          cs.set(ci, new Unit(v, pts, callee.origin()));
          Failure f = confirm(base, cs, shrunk, failure, sigs, false);
          if (f != null) {
            callees = cs;
            last = f;
            progress = true;
            break;
          }
        }
      }
    }
    Batch result = origin.with(isCallee ? callees : callees, isCallee ? List.of() : List.of(shrunk));
    if (isCallee) {
      List<Unit> cs = new ArrayList<>(callees);
      cs.add(shrunk);
      result = origin.with(cs, List.of());
    }
    return new Result(result, last, shrunk, (int) checker.stats.compilations, originalSize, Edit.size(current));
  }

  private Failure confirm(Batch base, List<Unit> callees, Unit u, Failure failure, Set<String> sigs, boolean isCallee) {
    Batch b = withCallees(base, callees, List.of(u), isCallee);
    for (Failure f : checker.check(b)) {
      if (f.unit().key().equals(u.key()) && same(failure, sigs, f)) {
        return f;
      }
    }
    return null;
  }

  private static Batch withCallees(Batch base, List<Unit> callees, List<Unit> units, boolean asCallees) {
    if (asCallees) {
      List<Unit> cs = new ArrayList<>(callees);
      cs.addAll(units);
      return base.with(cs, List.of());
    }
    return base.with(callees, units);
  }

  /** The callees {@code u} calls, transitively; for a callee {@code target}, only those before it. */
  private static List<Unit> needed(Batch origin, Unit u, Unit target, boolean isCallee) {
    List<Unit> out = origin.calleesNeededBy(List.of(u));
    if (isCallee) {
      List<Unit> before = calleesBefore(origin, target);
      out.removeIf(c -> !before.contains(c));
    }
    return out;
  }

  private static List<Unit> calleesBefore(Batch b, Unit target) {
    List<Unit> out = new ArrayList<>();
    for (Unit c : b.callees) {
      if (c == target) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  /** The diagnostic shapes of the original failure (all of its unit's diagnostics). */
  private Set<String> signatures(Batch origin, Failure failure) {
    Set<String> s = new HashSet<>();
    s.add(failure.signature());
    return s;
  }

  private static boolean same(Failure original, Set<String> sigs, Failure f) {
    if (f.kind() != original.kind()) {
      return false;
    }
    if (original.kind().compileTime()) {
      return sigs.contains(f.signature());
    }
    return true;
  }

  private static Map<String, Failure> firstByUnit(List<Failure> fs) {
    Map<String, Failure> out = new LinkedHashMap<>();
    for (Failure f : fs) {
      out.putIfAbsent(f.unit().key(), f);
    }
    return out;
  }

  private static List<Method> dedupe(List<Method> ms) {
    Map<String, Method> out = new LinkedHashMap<>();
    for (Method m : ms) {
      out.putIfAbsent(Printer.method(m), m);
    }
    return new ArrayList<>(out.values());
  }

  private static Method renamed(Method m, String name) {
    return new Method(m.owner(), name, m.params(), m.body(), m.differentiable(), m.isPrivate());
  }

  private static Map<String, Object> byName(Unit u, Object[] point) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < point.length; i++) {
      out.put(u.method().params().get(i).name(), point[i]);
    }
    return out;
  }

  /** The failing point for {@code m}'s parameters (by name), or the unit's own points. */
  private static List<Object[]> points(Method m, Unit original, Map<String, Object> point) {
    if (point == null) {
      return original.points().isEmpty() ? List.of() : java.util.Collections.singletonList(project(m, original, original.points().get(0)));
    }
    Object[] p = new Object[m.params().size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = point.get(m.params().get(i).name());
    }
    return java.util.Collections.singletonList(p);
  }

  private static Object[] project(Method m, Unit original, Object[] point) {
    Map<String, Object> byName = byName(original, point);
    Object[] p = new Object[m.params().size()];
    for (int i = 0; i < p.length; i++) {
      Param param = m.params().get(i);
      p[i] = byName.get(param.name());
    }
    return p;
  }
}
