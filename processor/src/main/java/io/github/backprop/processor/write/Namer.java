package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Var;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives every variable of one generated method a unique name: source names stay as written,
 * generated ones say what they are ({@code _d_x} adjoint of x, {@code _t_x} its tangent in forward mode, {@code _t0} a saved value, {@code
 * _r0} a shared adjoint, {@code _c0} a branch flag, {@code _g0} a callee's result record).
 * Numbers follow the order of first appearance, so output is deterministic.
 */
final class Namer {
  private final Map<Var, String> names = new IdentityHashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> counters = new HashMap<>();
  /** The name of every {@link Var.Kind#LOOP} variable of each written name: one for all. */
  private final Map<String, String> loops = new HashMap<>();

  Namer() {}

  /**
   * A namer for a method whose code names the classes and packages {@code typeNames} (e.g.
   * {@code Math}, {@code Tape}, {@code io}): no variable may take one, or it would obscure the
   * class in {@code Math.sin(x)} (JLS 6.4.2). A source variable so named gets a number.
   */
  Namer(java.util.Collection<String> typeNames) {
    taken.addAll(typeNames);
  }

  /** Reserves a source variable's own name first, so generated names never take it. */
  void reserve(Var v) {
    if (!names.containsKey(v)) {
      names.put(v, unique(v.name(), false));
    }
  }

  String name(Var v) {
    String n = names.get(v);
    if (n == null) {
      n = fresh(v);
      names.put(v, n);
    }
    return n;
  }

  private String fresh(Var v) {
    switch (v.kind()) {
      case ADJOINT:
        String primal = name(v.primal());
        return unique("_d_" + (primal.startsWith("_") ? primal.substring(1) : primal), false);
      case TANGENT:
        String of = name(v.primal());
        return unique("_t_" + (of.startsWith("_") ? of.substring(1) : of), false);
      case TEMP:
      case RECORD:
        return v.name().equals("_value") ? unique("_value", false) : unique(v.name(), true);
      case TAPE:
        return unique(v.name(), false);
      case LOOP:
        return loops.computeIfAbsent(v.name(), n -> unique(n, false));
      default:
        return unique(v.name(), false);
    }
  }

  /** {@code base}, or with the first free number; numbered names always carry one. */
  private String unique(String base, boolean numbered) {
    if (!numbered && taken.add(base)) {
      return base;
    }
    int n = counters.getOrDefault(base, numbered ? 0 : 2);
    while (!taken.add(base + n)) {
      n++;
    }
    counters.put(base, n + 1);
    return base + n;
  }
}
