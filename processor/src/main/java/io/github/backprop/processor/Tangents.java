package io.github.backprop.processor;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.derive.ForwardSweep;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.derive.RuleTangents;
import io.github.backprop.processor.derive.SecondOrder;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.read.RuleBodies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Second order for the methods of one class: the private gradient of a method's tangent, reverse
 * over forward ({@link SecondOrder}), and the tangent methods it calls, of the class's methods
 * with {@code hessian = true} and of its recursive helpers, each of which then gets one when its
 * own gradient is built.
 */
final class Tangents {
  private final Context context;
  private final ErrorReporter reporter;
  private final Owner grad;
  /** The annotated methods of the class. */
  private final List<ExecutableElement> annotated;
  /** The recursive helpers whose tangent methods a second-order method calls. */
  private final Set<String> wanted = new LinkedHashSet<>();

  Tangents(Context context, Owner grad, List<ExecutableElement> annotated) {
    this.context = context;
    this.reporter = context.reporter();
    this.grad = grad;
    this.annotated = annotated;
  }

  /** The private gradient of {@code name}'s tangent: {@code _mTangent}, {@code __fibTangent}. */
  static String name(String name) {
    return "_" + name + "Tangent";
  }

  /** Whether a second-order method calls the tangent method of the recursive helper {@code name}. */
  boolean wanted(String name) {
    return wanted.contains(name);
  }

  /** Adds to {@code failed} the tangent methods wanted that no entry of {@code entries} has. */
  void addMissing(List<Entry> entries, Set<String> failed) {
    for (String h : wanted) {
      if (entries.stream().noneMatch(e -> e.hidden() && e.name().equals(h) && e.hvp() != null)) {
        failed.add(name(h));
      }
    }
  }

  /**
   * The private gradient of m's tangent, from which the plan builds {@code mHvp} and {@code
   * mHessian}; null where it cannot be built (reported).
   */
  Entry secondOrder(ExecutableElement m, MethodModel model, String record, String name) {
    return secondOrder(m, model, record, name, null);
  }

  /**
   * @param rules the partials of the @DerivativeOf rules {@code model} calls, read from their
   *     bodies before each call ({@link RuleBodies}); null where it calls none
   */
  Entry secondOrder(ExecutableElement m, MethodModel model, String record, String name, RuleBodies rules) {
    Set<Callee> derived = Collections.newSetFromMap(new IdentityHashMap<>());
    JvpMethod forward = ForwardSweep.derive(model, record + "Jvp", reporter, c -> {
      Callee t = tangentMethod(c);
      if (t != null) {
        derived.add(c);
        derived.add(t);
      }
      return t;
    }, c -> rules == null ? null : rules.partials(c));
    if (rules != null) {
      forward = RuleTangents.withoutRuleBodyTangents(forward, rules::local, rules::inside, c -> rules.partials(c) != null);
      Callee unread = RuleTangents.unread(forward, c -> rules.missing(c) != null);
      if (unread != null) {
        reporter.error(
            Tag.UNSUPPORTED,
            "hessian = true needs the second derivatives of '" + unread.owner().simpleNames() + "." + unread.name()
                + "', which backprop takes from the partials of its @DerivativeOf rule, but " + rules.missing(unread)
                + "; the gradient and forward mode need only the rule's record",
            rules.site(unread),
            rules.unit(unread));
        return null;
      }
    }
    MethodModel tangent = SecondOrder.tangentModel(model, forward);
    Activity activity = Activity.of(tangent.independents(), tangent.body());
    // A ruled call's tangent is the partials read in place; the rule's own call's is never needed.
    String why = SecondOrder.unsupported(
        forward, c -> derived.contains(c) || rules != null && (rules.partials(c) != null || rules.inside(c)), activity::isActive);
    if (why != null) {
      reporter.error(
          Tag.UNSUPPORTED,
          "hessian = true does not support " + why + "; the gradient and forward mode do",
          m);
      return null;
    }
    String underived = SecondOrder.underived(tangent, activity);
    if (underived != null) {
      reporter.error(Tag.UNSUPPORTED, "hessian = true does not support " + underived + "; the gradient and forward mode do", m);
      return null;
    }
    GradMethod gradient = context.deriver().derive(tangent, activity, reporter);
    return new Entry(
        tangent, gradient, "_" + record + "Tangent", MethodStages.componentAccessors(tangent), null, null,
        name(name), true, null);
  }

  /**
   * The tangent method of callee {@code c}, when it has one in the Grad class, for second order to
   * call ({@link ForwardSweep#derive(MethodModel, String, ErrorReporter,
   * java.util.function.Function)}): {@code c} calls itself (it reaches forward mode as a call) and
   * is a method of this class with {@code hessian = true} or one of its recursive helpers, which
   * then gets its tangent method too; null otherwise.
   */
  private Callee tangentMethod(Callee c) {
    if (!c.grad().equals(grad) || !c.writes().isEmpty()) {
      return null;
    }
    boolean helper = c.gradName().startsWith("_" + c.name());
    // one annotated method of that name and arity (an overloaded one is left to the error)
    List<ExecutableElement> named = annotated.stream()
        .filter(x -> x.getSimpleName().contentEquals(c.gradName()) && x.getParameters().size() == c.paramTypes().size())
        .toList();
    boolean hessian = !helper && named.size() == 1 && MethodStages.isHessian(named.get(0));
    if (!helper && !hessian) {
      return null;
    }
    List<Type> types = new ArrayList<>(c.paramTypes());
    List<String> accessors = new ArrayList<>(c.accessors());
    Set<Integer> unread = new HashSet<>(c.unread());
    for (int i = 0; i < c.paramTypes().size(); i++) {
      String a = c.accessors().get(i);
      if (a != null) {
        if (a.endsWith("_")) {
          return null; // a component renamed (value_): the tangent parameter's name is not its own
        }
        types.add(c.paramTypes().get(i));
        accessors.add("_t_" + a);
        if (c.unread().contains(i)) {
          unread.add(types.size() - 1);
        }
      }
    }
    if (helper) {
      wanted.add(c.gradName());
    }
    String simple = c.record().simpleNames();
    String record = "_" + simple.substring(simple.lastIndexOf('.') + 1) + "Tangent";
    return new Callee(
        c.owner(), grad, name(c.gradName()), name(c.gradName()), types, accessors,
        new Owner(grad.packageName(), grad.simpleNames() + "." + record), false, true, Set.of(), unread,
        c.result());
  }
}
