package io.github.backprop.processor.read;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * What a caller needs to know of a {@code @Differentiable} callee's body, learned by reading it
 * quietly (its own errors are reported when it is processed itself): which array parameters it
 * writes into, directly or through the methods it passes them to, which a caller then cannot pass
 * an array (the callee's gradient is with respect to the values passed in, and says nothing of how
 * the values it leaves depend on them); and which parameters never reach its result.
 */
final class CalleeFacts {
  private final Trees trees;
  private final Elements elements;
  private final ErrorReporter quiet;
  /** This reader's own facts: those of a recursion, which the cache does not keep. */
  private final Map<ExecutableElement, Set<Integer>> written = new HashMap<>();
  private final Map<ExecutableElement, Set<Integer>> unread = new HashMap<>();
  private final CalleeCache cache;
  /** How many callees are being read, one inside another; and whether a fact of a recursion reached them. */
  private int depth;
  private boolean recursion;

  private final io.github.backprop.processor.rules.CustomRules rules;

  CalleeFacts(
      Trees trees, Elements elements, ErrorReporter reporter, io.github.backprop.processor.rules.CustomRules rules,
      CalleeCache cache) {
    this.cache = cache;
    this.rules = rules;
    this.trees = trees;
    this.elements = elements;
    this.quiet = reporter.quiet();
  }

  /** {@code m}'s tree, or null: found once per class for the round ({@link CalleeCache#tree}). */
  MethodTree tree(ExecutableElement m) {
    return cache.tree(m);
  }

  /** {@code type}'s own methods by name, listed once for the round ({@link CalleeCache#methodsByName}). */
  java.util.Map<String, java.util.List<javax.lang.model.element.ExecutableElement>> methodsByName(
      javax.lang.model.element.TypeElement type) {
    return cache.methodsByName(type);
  }

  /** The name of {@code m}'s result record ({@link CalleeCache#recordName}). */
  String recordName(ExecutableElement m) {
    return cache.recordName(m);
  }

  /**
   * The indices of the parameters whose values never reach {@code m}'s result: its partials with
   * respect to them are zero by construction. Empty if its body is not available.
   */
  Set<Integer> unread(ExecutableElement m) {
    writes(m);
    return (unread.containsKey(m) ? unread : cache.unread).getOrDefault(m, Set.of());
  }

  /**
   * Whether the body's statements give {@code p} a new value ({@code z = 0.5;}) before anything
   * reads or changes it: the value passed is then never read, and no adjoint may flow to the
   * argument (where its partial is NaN, as {@code Math.pow} of a negative base, 0 times it is
   * NaN). Only the body's own top-level statements are followed, up to the first that names p.
   */
  private static boolean overwrittenFirst(Var p, java.util.List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a && a.var() == p && a.op() == null) {
        return !names(a.value(), p);
      }
      boolean[] named = {false};
      // Every statement nested in s, and each one's own expressions: a read in a loop or a branch counts.
      Walk.each(s, st -> {
        named[0] |= st instanceof Stmt.Assign a && a.var() == p;
        Walk.eachExpr(st, e -> named[0] |= names(e, p));
      });
      if (named[0]) {
        return false;
      }
    }
    return false;
  }

  private static boolean names(Expr e, Var p) {
    return e instanceof Expr.Ref r && r.var() == p || Walk.vars(e).contains(p);
  }

  /** The indices of the parameters {@code m} writes into; null if its body is not available. */
  Set<Integer> writes(ExecutableElement m) {
    if (written.containsKey(m)) {
      recursion = true; // a fact of a recursion, or one being learned: what reads it depends on it
      return written.get(m);
    }
    if (cache.written.containsKey(m)) {
      return cache.written.get(m);
    }
    MethodTree tree = cache.tree(m);
    CompilationUnitTree unit = tree == null ? null : cache.units.apply(m);
    if (tree == null || unit == null || tree.getBody() == null) {
      cache.written.put(m, null);
      return null;
    }
    if (depth++ == 0) {
      recursion = false;
    }
    try {
      return learn(m, tree, unit);
    } finally {
      if (--depth == 0) {
        recursion = false;
      }
    }
  }

  private Set<Integer> learn(ExecutableElement m, MethodTree tree, CompilationUnitTree unit) {
    // While m is being read, a call back to it (recursion) adds nothing of its own.
    written.put(m, Set.of());
    unread.put(m, Set.of());
    Set<Integer> writes = new TreeSet<>();
    try {
      MethodModel model =
          new MethodReader(trees, elements, quiet, this, rules).read(m, tree, unit);
      Map<Var, Integer> params = new HashMap<>();
      Activity activity = Activity.of(model.independents(), model.body());
      Set<Integer> ignored = new TreeSet<>();
      for (int i = 0; i < model.params().size(); i++) {
        params.put(model.params().get(i), i);
        if (!activity.isUseful(model.params().get(i)) || overwrittenFirst(model.params().get(i), model.body().statements())) {
          ignored.add(i);
        }
      }
      unread.put(m, Set.copyOf(ignored));
      Walk.each(
          model.body(),
          s -> {
            if (s instanceof Stmt.Store st && params.containsKey(st.target().base())) {
              writes.add(params.get(st.target().base()));
            }
            Walk.eachExpr(
                s,
                e -> {
                  if (e instanceof Expr.DiffCall c && c.callee().writes() != null) {
                    for (int k : c.callee().writes()) {
                      Expr arg = c.args().get(k);
                      Var base = arg instanceof Expr.Index i ? i.base() : arg instanceof Expr.Ref r ? r.var() : null;
                      if (params.containsKey(base)) {
                        writes.add(params.get(base));
                      }
                    }
                  }
                });
          });
    } catch (RuntimeException e) { // AbortMethod too
      // A body backprop cannot read fails on its own; it passes nothing on here.
    }
    Set<Integer> learned = Set.copyOf(writes);
    written.put(m, learned);
    if (!recursion) { // learned without a fact of a recursion: the same whoever asks
      cache.written.put(m, written.remove(m));
      cache.unread.put(m, unread.remove(m));
    }
    return learned;
  }
}
