package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Second order (only: the value it returns goes) over {@code @DerivativeOf} rules whose bodies
 * are read in place before their calls (the rule's partials, as code): forward mode takes the tangent of a ruled call from those
 * partials, so the tangents it gives the variables of the rule's body are never read. They go,
 * and with them the tangent of the rule's own call of its method, whose partials are numbers the
 * reverse sweep could not differentiate.
 */
public final class RuleTangents {
  private RuleTangents() {}

  /**
   * {@code jvp} without the tangents of {@code local} variables and of the records of calls
   * {@code inside} a rule's body, nor what is computed from them and not read, nor a call {@code
   * ruled} by partials read in place whose value is not read.
   */
  public static JvpMethod withoutRuleBodyTangents(
      JvpMethod jvp, Predicate<Var> local, Predicate<Callee> inside, Predicate<Callee> ruled) {
    Set<Var> dead = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Var> records = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Stmt s : jvp.body()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d
            && (local.test(d.var()) || d.init() instanceof Expr.GradCall g && inside.test(g.call().callee()))) {
          dead.add(d.var());
        } else if (x instanceof Stmt.Declare d && d.init() instanceof Expr.GradCall g && ruled.test(g.call().callee())) {
          records.add(d.var()); // a ruled call whose value the tangent may not need
        }
      });
    }
    if (dead.isEmpty()) {
      return jvp;
    }
    List<Stmt> body = keep(jvp.body(), v -> v.kind() == Var.Kind.TANGENT && dead.contains(v.primal()));
    // What the rule's body computes and no one reads, its value above all (the call gives it), goes too.
    Set<Var> derived = Collections.newSetFromMap(new IdentityHashMap<>());
    derived.addAll(dead);
    derived.addAll(records);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Stmt s : body) {
        for (Stmt x : all(s)) {
          Var v = x instanceof Stmt.Declare d && d.init() != null ? d.var() : x instanceof Stmt.Assign a ? a.var() : null;
          Expr value = x instanceof Stmt.Declare d ? d.init() : x instanceof Stmt.Assign a ? a.value() : null;
          if (v != null && v.kind() != Var.Kind.PARAM && v.kind() != Var.Kind.TANGENT && !derived.contains(v)
              && !Walk.vars(value).isEmpty() && derived.containsAll(Walk.vars(value))) {
            grew |= derived.add(v);
          }
        }
      }
    }
    for (int before = -1; before != size(body); ) {
      before = size(body);
      Set<Var> read = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Stmt s : body) {
        for (Stmt x : all(s)) {
          Walk.eachExpr(x, e -> read.addAll(Walk.vars(e)));
          if (x instanceof Stmt.Store st) {
            read.add(st.target().base());
          } else if (x instanceof Stmt.ReturnRecord r) {
            read.addAll(Walk.vars(r.args().get(1))); // second order returns the tangent alone
          }
        }
      }
      body = keep(body, v -> derived.contains(v) && !read.contains(v));
    }
    return new JvpMethod(jvp.tangents(), body);
  }

  private static List<Stmt> all(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    Walk.each(s, out::add);
    return out;
  }

  private static int size(List<Stmt> body) {
    int n = 0;
    for (Stmt s : body) {
      n += all(s).size();
    }
    return n;
  }

  private static List<Stmt> keep(List<Stmt> stmts, Predicate<Var> gone) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d && gone.test(d.var())
          || s instanceof Stmt.Assign a && gone.test(a.var())
          || s instanceof Stmt.Store st && gone.test(st.target().base())) {
        continue;
      }
      out.add(keep(s, gone));
    }
    return out;
  }

  private static Stmt keep(Stmt s, Predicate<Var> gone) {
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(keep(b.statements(), gone));
    }
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), (Stmt.Block) keep(f.then(), gone), (Stmt.Block) keep(f.otherwise(), gone));
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(
          l.id(), keep(l.init(), gone), l.condition(), keep(l.update(), gone), (Stmt.Block) keep(l.body(), gone),
          l.testFirst());
    }
    return s;
  }

  /**
   * The first ruled call whose tangent needs partials {@code missing} does not give (its rule's
   * body could not be read): a component other than the value of its record is read; or null.
   */
  public static Callee unread(JvpMethod jvp, Predicate<Callee> missing) {
    java.util.Map<Var, Callee> records = new IdentityHashMap<>();
    for (Stmt s : jvp.body()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.init() instanceof Expr.GradCall g && missing.test(g.call().callee())) {
          records.put(d.var(), g.call().callee());
        }
      });
    }
    Callee[] found = {null};
    for (Stmt s : jvp.body()) {
      Walk.each(s, x -> Walk.eachExpr(x, e -> {
        if (found[0] == null && e instanceof Expr.Component c && !c.accessor().equals("value") && records.containsKey(c.record())) {
          found[0] = records.get(c.record());
        }
      }));
    }
    return found[0];
  }
}
