package io.github.backprop.processor;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.plan.LeftOut;
import io.github.backprop.processor.plan.Wrapper;
import io.github.backprop.processor.read.Annotations;
import io.github.backprop.processor.read.FieldCopies;
import io.github.backprop.processor.read.RecursiveHelpers;
import io.github.backprop.processor.write.GradFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The Grad class of one source class: each annotated method, then each recursive helper met while
 * reading them, through {@link MethodStages}; a failure, reported or left to javac, keeps its
 * method out, and with it the methods that call what it would have generated; then what is left
 * is written.
 */
final class Generation {
  private final Context context;
  private final ErrorReporter reporter;
  private final Rounds rounds;
  private final GradFiles files;

  Generation(Context context, Rounds rounds, GradFiles files) {
    this.context = context;
    this.reporter = context.reporter();
    this.rounds = rounds;
    this.files = files;
  }

  void generate(TypeElement type, List<ExecutableElement> methods) {
    if (files.writeLocalRecords(type, context.units().of(type, context.trees()), context.callees(), reporter) && rounds.awaitCopies(type)) {
      return;
    }
    Owner grad = GeneratedNames.gradClass(Annotations.owner(type));
    Tangents tangents = new Tangents(context, grad, List.copyOf(methods));
    Map<ExecutableElement, String> records = Annotations.recordNames(type);
    Map<ExecutableElement, String> jvps =
        GeneratedNames.jvpRecords(
            records, records.keySet().stream().filter(MethodStages::isForward).toList(), grad.simpleNames());
    methods.sort(Comparator.comparing(records::get));
    List<Entry> entries = new ArrayList<>();
    RecursiveHelpers recursive = new RecursiveHelpers(grad);
    MethodStages stages =
        new MethodStages(
            context, new FieldCopies(context.trees(), context.elements(), type), recursive, tangents);
    List<ExecutableElement> all = new ArrayList<>(methods);
    int errorsAtStart = reporter.errorCount();
    Set<String> failed = new HashSet<>();
    List<ExecutableElement> quiet = new ArrayList<>(); // stopped where javac reports the problem
    List<ExecutableElement> aborted = new ArrayList<>(); // of those, the ones the reader gave up on
    Map<Entry, String> checked = new IdentityHashMap<>(); // each entry's size check, done once
    Set<String> reread = new HashSet<>();
    for (int k = 0; k < all.size(); k++) {
      ExecutableElement m = all.get(k);
      RecursiveHelpers.Names hidden = k < methods.size() ? null : recursive.names(m);
      int errorsBefore = reporter.errorCount();
      int entriesBefore = entries.size();
      try {
        Entry entry = entry(stages, m, hidden, records, jvps, false);
        String excess = entry == null ? null : LeftOut.excess(entry, grad, type);
        if (excess != null) {
          Entry large = entry;
          entry = outlined(stages, m, hidden, records, jvps, entry, grad, type);
          excess = entry == large ? excess : null; // the others were checked and fit
        }
        if (entry != null) {
          entries.add(entry);
          checked.put(entry, excess);
          if (hidden != null && tangents.wanted(hidden.method()) && entry.hvp() == null) {
            failed.add(Tangents.name(hidden.method())); // reported; its callers' second order goes
          }
        } else if (hidden != null) {
          failed.add(hidden.method());
        }
        if (entry == null && reporter.errorCount() == errorsBefore && hidden == null) {
          quiet.add(m);
        }
      } catch (AbortMethod e) {
        // Reported where it was thrown, or left to javac, which the warning points to.
        if (reporter.errorCount() == errorsBefore) {
          quiet.add(m);
          aborted.add(m);
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (Boolean.getBoolean("backprop.stacktrace")) {
          e.printStackTrace(); // javac -J-Dbackprop.stacktrace=true, for a report of the bug
        }
        reporter.error(
            Tag.BUG,
            "backprop failed on this method (" + e + "). This is a bug in backprop; please report"
                + " it with the method's source. Until it is fixed, rewrite the method in simpler"
                + " steps, or compute its gradient by hand.",
            m);
        if (hidden != null) {
          failed.add(hidden.method());
        }
      }
      if (hidden == null && MethodStages.isHessian(m) && entries.size() == entriesBefore) {
        // reported; a method whose second order calls its tangent method goes too
        failed.add(Tangents.name(m.getSimpleName().toString()));
      }
      for (ExecutableElement h = recursive.next(); h != null; h = recursive.next()) {
        all.add(h); // a recursive helper met while reading: its gradient method comes next
      }
      readAgain(entries, tangents, stages, reread, all);
    }
    tangents.addMissing(entries, failed);
    if (!quiet.isEmpty() && rounds.holdBack(type, quiet)) {
      return;
    }
    aborted.forEach(reporter::skipped);
    List<Entry> built = List.copyOf(entries);
    LeftOut.callersOf(failed, entries, grad);
    if (LeftOut.tooLarge(entries, grad, type, failed, reporter, checked)) {
      LeftOut.callersOf(failed, entries, grad);
    }
    if (reporter.errorCount() == errorsAtStart && failed.stream().allMatch(f -> f.endsWith("Tangent"))) {
      // left out for a helper's tangent method that failed with no message (a helper's own failure
      // is reported, or javac reports its source): never a silently missing method
      built.stream().filter(e -> !e.hidden() && !entries.contains(e)).forEach(e -> reporter.error(Tag.BUG,
          "backprop left this method out because a helper it calls failed without a message. This is a"
              + " bug in backprop; please report it with the method's source", e.model().element()));
    }
    if (entries.isEmpty() || !files.claim(type, grad, reporter)) {
      return;
    }
    try {
      List<Wrapper> faces = stages.wrappers(entries);
      List<Api.Member> members = Api.members(entries, grad, type, faces);
      if (LeftOut.clashes(entries, faces, members, reporter)) {
        members = Api.members(entries, grad, type, faces);
      }
      if (!entries.isEmpty()) {
        files.write(type, grad, entries, faces, members);
      }
    } catch (IOException | RuntimeException e) {
      if (Boolean.getBoolean("backprop.stacktrace")) {
        e.printStackTrace();
      }
      reporter.error(Tag.BUG, "backprop could not write " + grad.canonicalName() + ": " + e, type);
    }
  }

  /**
   * Queues again each recursive helper already built without a tangent method that a helper read
   * after it now wants ({@code incompleteBeta}'s second order calls {@code logGamma}'s tangent,
   * and {@code logGamma} came first): built once more, it gets one. Before, the helper's tangent
   * was missing and the methods calling it were left out with no error.
   */
  private static void readAgain(
      List<Entry> entries, Tangents tangents, MethodStages stages, Set<String> reread, List<ExecutableElement> all) {
    for (Entry e : List.copyOf(entries)) {
      if (e.hidden() && e.hvp() == null && tangents.wanted(e.name()) && reread.add(e.name())) {
        entries.remove(e);
        stages.drop(e);
        all.add(e.model().element());
      }
    }
  }

  private static Entry entry(
      MethodStages stages, ExecutableElement m, RecursiveHelpers.Names hidden, Map<ExecutableElement, String> records,
      Map<ExecutableElement, String> jvps, boolean outline) {
    return hidden == null
        ? stages.entry(m, records.get(m), jvps.get(m), m.getSimpleName().toString(), false, outline)
        : stages.entry(m, hidden.record(), null, hidden.method(), true, outline);
  }

  /**
   * {@code m}'s entry read again with each helper that returns a number called through derivative
   * methods of its own, for {@code large}, one of whose generated methods would pass the JVM's
   * 64 KB limit with every helper read in place (a second order over Commons Math's atan, a
   * Gamma function's continued fraction); {@code large} itself where that does not help, for the
   * size check to report. Where {@code large}'s first order fits, it keeps it: only second order
   * calls the helpers' derivative methods, and the gradient allocates no record per call.
   */
  private static Entry outlined(
      MethodStages stages, ExecutableElement m, RecursiveHelpers.Names hidden, Map<ExecutableElement, String> records,
      Map<ExecutableElement, String> jvps, Entry large, Owner grad, TypeElement type) {
    try {
      Entry split = entry(stages, m, hidden, records, jvps, true);
      if (split == null || LeftOut.excess(split, grad, type) != null) {
        return large;
      }
      Entry mixed = stages.firstOrderInPlace(large, split);
      if (mixed != null && LeftOut.excess(mixed, grad, type) == null) {
        stages.drop(split);
        stages.drop(large);
        return mixed;
      }
      stages.drop(mixed == null ? large : mixed);
      return split;
    } catch (AbortMethod e) {
      return large;
    }
  }
}
