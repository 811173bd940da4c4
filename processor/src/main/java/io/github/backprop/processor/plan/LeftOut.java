package io.github.backprop.processor.plan;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.diag.GeneratedLimits;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Walk;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;

/**
 * The entries a Grad class leaves out, each but the first kind reported: those whose code would
 * call a method that failed, those javac could not compile, and those whose generated methods
 * clash with another entry's.
 */
public final class LeftOut {
  private LeftOut() {}

  /**
   * Leaves out the entries that call, directly or through others, a recursive helper's method
   * whose own gradient failed (its error is reported): their code would name a method that is not
   * there. An entry of a helper left out joins {@code failed}.
   */
  public static void callersOf(Set<String> failed, List<Entry> entries, Owner grad) {
    boolean dropped = !failed.isEmpty();
    while (dropped) {
      dropped = false;
      for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        boolean[] calls = {false};
        for (Entry part : e.hvp() == null ? List.of(e) : List.of(e, e.hvp())) {
          Walk.each(
              part.model().body(),
              s -> Walk.eachExpr(
                  s, x -> calls[0] |= x instanceof Expr.DiffCall d
                      && d.callee().grad().equals(grad) && failed.contains(d.callee().gradName())));
        }
        if (calls[0]) {
          it.remove();
          if (e.hidden()) {
            failed.add(e.name());
          }
          dropped = true;
        }
      }
    }
  }

  /**
   * Reports and leaves out each entry with a generated method javac could not compile ({@link
   * GeneratedLimits}), adding its name to {@code failed}; whether it left any out.
   *
   * @param checked what {@link #excess} said of the entries already checked (null: they fit)
   */
  public static boolean tooLarge(
      List<Entry> entries, Owner grad, TypeElement type, Set<String> failed, ErrorReporter reporter,
      Map<Entry, String> checked) {
    boolean dropped = false;
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      String why = checked.containsKey(e) ? checked.get(e) : excess(e, grad, type);
      if (why != null) {
        reporter.error(
            Tag.UNSUPPORTED,
            "backprop cannot write the derivatives of '" + e.model().element().getSimpleName() + "': " + why
                + (why.contains(GeneratedLimits.SLOTS)
                    ? ". Take the numbers as a double[], or differentiate with respect to fewer of them (wrt)"
                    : ". Split the method into smaller @Differentiable methods that call each other, or a long"
                        + " sum into partial sums of a few hundred terms in separate statements"),
            e.model().element());
        failed.add(e.name());
        it.remove();
        dropped = true;
      }
    }
    return dropped;
  }

  /** Why javac could not compile one of {@code e}'s generated methods ({@link GeneratedLimits}), or null. */
  public static String excess(Entry e, Owner grad, TypeElement type) {
    for (Api.Member member : Api.members(List.of(e), grad, type, List.of())) {
      String why = member instanceof Api.Member.Method m ? GeneratedLimits.excess(m.method(), List.of(e.model().body())) : null;
      if (why == null) {
        why = slots(member);
      }
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private static String slots(Api.Member member) {
    if (member instanceof Api.Member.Method m) {
      return GeneratedLimits.tooManySlots(
          "method " + m.method().name(), m.method().params().stream().map(p -> p.signature()).toList(), false);
    }
    io.github.backprop.processor.ir.IrRecord r = ((Api.Member.Record) member).record();
    return GeneratedLimits.tooManySlots(
        "record " + r.name(), r.components().stream().map(c -> c.type().type()).toList(), true);
  }

  /**
   * Reports and leaves out each entry one of whose generated methods has the name and parameter
   * types of another entry's ({@code fHessian(double)} of {@code f} and the gradient of a
   * {@code @Differentiable fHessian(double)}), which javac would reject in the generated file;
   * whether it left any out.
   *
   * @param members the Grad class's members, {@link Api#members} of {@code entries} and {@code faces}
   */
  public static boolean clashes(
      List<Entry> entries, List<Wrapper> faces, List<Api.Member> members, ErrorReporter reporter) {
    Map<String, Entry> seen = new HashMap<>();
    Set<Entry> clashing = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.function.Function<io.github.backprop.processor.ir.IrMethod, Entry> sources = Api.sources(entries, faces);
    for (Api.Member member : members) {
      if (!(member instanceof Api.Member.Method m)) {
        continue;
      }
      Entry from = sources.apply(m.method());
      String signature =
          m.method().name() + m.method().params().stream()
              .map(p -> p.declared().toString())
              .collect(Collectors.joining(", ", "(", ")"));
      Entry other = seen.putIfAbsent(signature, from);
      if (other != null && other != from && from != null && clashing.add(from)) {
        reporter.error(
            Tag.SIGNATURE,
            "backprop would generate " + signature + " for '" + from.model().element() + "', and a method of"
                + " that name and parameters for '" + other.model().element() + "' already: rename one of"
                + " the two methods",
            from.model().element());
      }
    }
    entries.removeIf(clashing::contains);
    faces.removeIf(w -> clashing.contains(w.flat()));
    return !clashing.isEmpty();
  }
}
