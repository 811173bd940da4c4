package io.github.backprop.processor.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward mode and second order of the units that differentiate in reverse mode: each compiled
 * again with {@code forward = true, hessian = true} added to its annotation (in one batch), a
 * unit that fails so compiled once more with {@code forward = true} alone (so that a second-order
 * failure does not hide a working {@code mJvp}), then checked by {@link CorpusModeCheck}.
 */
final class CorpusModes {
  /**
   * Outcome by unit id: null when right, else the first reason. A method returning {@code
   * double[]} has forward mode ({@code rJvp}) and no second order.
   */
  final Map<String, String> forward = new LinkedHashMap<>();
  final Map<String, String> hessian = new LinkedHashMap<>();

  CorpusModes(List<CorpusUnit> units) throws InterruptedException {
    List<CorpusUnit> both = new ArrayList<>();
    for (CorpusUnit u : units) {
      both.add(u.withModes(true));
    }
    BatchCompiler all = new BatchCompiler(both, false);
    List<CorpusUnit> retry = new ArrayList<>();
    for (CorpusUnit u : units) {
      if (all.failures.containsKey(u.pkg())) {
        retry.add(u.withModes(false));
      }
    }
    BatchCompiler forwardOnly = new BatchCompiler(retry, false);
    try (TimedChecks checks = new TimedChecks()) {
      for (CorpusUnit u : both) {
        String failed = all.failures.get(u.pkg());
        if (failed == null) {
          forward.put(u.id(), forwardOutcome(checks.run(() -> CorpusModeCheck.forward(all.loader, u))));
          if (!u.vector()) {
            hessian.put(u.id(), hessianOutcome(checks.run(() -> CorpusModeCheck.hessian(all.loader, u))));
          }
        } else {
          String forwardFailed = forwardOnly.failures.get(u.pkg());
          forward.put(u.id(), forwardFailed != null ? forwardFailed
              : forwardOutcome(checks.run(() -> CorpusModeCheck.forward(forwardOnly.loader, u))));
          if (!u.vector()) {
            hessian.put(u.id(), failed);
          }
        }
      }
    }
  }

  private static String forwardOutcome(String wrong) {
    return wrong == null ? null : flat(isCorpusError(wrong) ? wrong
        : wrong.contains(" throws ") ? "forward mode throws " + wrong
        : "tangent mismatch " + wrong);
  }

  private static String hessianOutcome(String wrong) {
    return wrong == null ? null : flat(isCorpusError(wrong) ? wrong
        : wrong.contains(" throws ") ? "second order throws " + wrong
        : "second-order mismatch " + wrong);
  }

  private static boolean isCorpusError(String wrong) {
    return wrong.startsWith("corpus error") || wrong.startsWith("no ") || wrong.contains(": corpus error");
  }

  private static String flat(String s) {
    return s.replace('\n', ' ');
  }
}
