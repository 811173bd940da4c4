package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.rules.CustomRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The partials of the {@code @DerivativeOf} rules a method calls, read from the rules' own
 * bodies, for its second order: a rule gives first derivatives as numbers, but where its source
 * is in the compilation its partials are code that reverse mode differentiates as any other, so
 * the tangent of a ruled call, Σ ∂f/∂xᵢ · tᵢ, is built from the partials read in place and its
 * gradient holds the second derivatives (as JAX differentiates a {@code custom_jvp} rule).
 *
 * <p>A first read of the method only notes that it calls a rule ({@link #seen}); a second read,
 * for second order alone, reads each rule's body in place before its call, so the gradient and
 * forward mode, which need no more than the rule's record, never run it.
 */
public final class RuleBodies {
  private final boolean reading;
  private boolean seen;
  private final Map<Callee, List<Expr>> partials = new IdentityHashMap<>();
  private final Map<Callee, String> missing = new IdentityHashMap<>();
  private final Map<Callee, Tree> sites = new IdentityHashMap<>();
  private final Map<Callee, CompilationUnitTree> units = new IdentityHashMap<>();
  private final Set<Callee> inner = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Var> locals = Collections.newSetFromMap(new IdentityHashMap<>());

  private RuleBodies(boolean reading) {
    this.reading = reading;
  }

  /** For a first read: notes whether a rule is called. */
  static RuleBodies noting() {
    return new RuleBodies(false);
  }

  /** For second order's read: each rule's body read in place before its call. */
  static RuleBodies reading() {
    return new RuleBodies(true);
  }

  /** Whether the method, or a helper read in it, calls a method through its rule. */
  public boolean seen() {
    return seen;
  }

  /** The partials of the ruled call of {@code c}, one per accessor of the rule's record; or null. */
  public List<Expr> partials(Callee c) {
    return partials.get(c);
  }

  /** Why the ruled call of {@code c} has no partials to differentiate; null where it has, or is no ruled call. */
  public String missing(Callee c) {
    return missing.get(c);
  }

  /** Where the ruled call of {@code c} is, for a message. */
  public Tree site(Callee c) {
    return sites.get(c);
  }

  /** The file of {@link #site}. */
  public CompilationUnitTree unit(Callee c) {
    return units.get(c);
  }

  /**
   * Whether {@code c} is called inside a rule's body read in place (the rule calling the method
   * it is for, for the value): its value is the rule's, which second order takes from the call.
   */
  public boolean inside(Callee c) {
    return inner.contains(c);
  }

  /** Whether {@code v} is a variable of a rule's body read in place, which needs no tangent. */
  public boolean local(Var v) {
    return locals.contains(v);
  }

  /**
   * A ruled call just read, {@code call} of {@code primal} through {@code rule}: noted, and on
   * second order's read, the rule's body read in place before it, its partials kept.
   */
  static void read(
      SessionPart at, ExecutableElement primal, CustomRule rule, Expr.DiffCall call, List<Expr> args, MethodInvocationTree t) {
    RuleBodies bodies = at.session.reader.ruleBodies();
    bodies.seen = true;
    if (!bodies.reading) {
      return;
    }
    Callee c = call.callee();
    bodies.sites.put(c, t);
    bodies.units.put(c, at.unit);
    ExecutableElement element = element(at, primal, rule);
    if (element != null && at.root.inlining.contains(element)) {
      bodies.inner.add(c);
      return;
    }
    if (element == null || at.session.trees.getTree(element) == null) {
      bodies.missing.put(c, "its rule " + rule.display() + " is compiled already, so backprop cannot read the partials it"
          + " would differentiate: compile the rule with this class");
      return;
    }
    if (rule.paramTypes().stream().anyMatch(p -> p != null && p.isArray())) {
      bodies.missing.put(c, "its rule " + rule.display() + " takes arrays, whose partials second order does not"
          + " differentiate yet: pass the elements as double parameters");
      return;
    }
    String[] why = new String[1];
    List<Stmt> prelude = at.session.prelude;
    int before = prelude == null ? 0 : prelude.size();
    Expr value = at.helpers.inline(element, args, t, why);
    RecordValue record = at.records.aggregateOf(value);
    if (record == null) {
      bodies.missing.put(c, "backprop reads the partials of its rule " + rule.display() + " to differentiate them, but"
          + " cannot read the rule's body: " + (why[0] != null ? why[0] : "it returns no record made in it"));
      return;
    }
    for (Stmt s : prelude.subList(before, prelude.size())) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d) {
          bodies.locals.add(d.var());
        }
      });
    }
    List<Expr> found = new ArrayList<>();
    for (String accessor : rule.accessors()) {
      if (accessor != null) {
        found.add((Expr) record.parts.get(accessor));
      }
    }
    bodies.partials.put(c, found);
  }

  /** The rule's method: {@code rule.name()} in its class, with {@code primal}'s parameter types. */
  private static ExecutableElement element(SessionPart at, ExecutableElement primal, CustomRule rule) {
    TypeElement type = at.session.elements.getTypeElement(rule.owner().canonicalName());
    if (type == null) {
      return null;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(rule.name()) && RuleReader.isRule(m) && HeldObjects.sameParameters(m, primal)) {
        return m;
      }
    }
    return null;
  }
}
