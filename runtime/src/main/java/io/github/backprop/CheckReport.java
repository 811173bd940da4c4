package io.github.backprop;

import io.github.backprop.GradientCheck.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text of a {@link GradientCheck.Result}: its summary, and the message of a failure. */
final class CheckReport {
  private CheckReport() {}

  /**
   * The message of a failed check: the worst direction, both numbers, what to try, and every
   * failing probe, failing axes first.
   */
  static String failure(GradientCheck.Result r, double tolerance) {
    CheckKind kind = r.kind();
    double[] x = r.x();
    List<Probe> probes = r.probes();
    String note = r.note();
    String settings = r.settings();
    boolean axes = r.axes();
    Probe p = r.worst();
    StringBuilder s = new StringBuilder(kind.title).append(" failed at x = ").append(vector(x));
    if (Double.isInfinite(p.error())) {
      s.append(": a value is NaN or infinite along ").append(p.label());
    } else {
      s.append(String.format(Locale.ROOT, ": relative error %.3g > %.3g along %s", p.error(),
          tolerance, p.label()));
    }
    s.append(" (").append(settings).append(")");
    if (p.other() == null) {
      s.append("\n  d = ").append(vector(p.direction()));
    } else {
      s.append("\n  u = ").append(vector(p.direction()));
      s.append("\n  v = ").append(vector(p.other()));
    }
    s.append("\n  ").append(kind.tested).append(" = ").append(p.tested());
    s.append("\n  ").append(kind.reference).append(" = ").append(p.reference());
    if (!Double.isFinite(p.tested())) {
      s.append("\n  the derivative under test is ").append(p.tested());
    }
    if (!Double.isFinite(p.reference())) {
      s.append("\n  the finite differences are ").append(p.reference());
      s.append(kind == CheckKind.SYMMETRY
          ? ": the gradient is not finite near x along u or v"
          : kind == CheckKind.HVP
              ? ": the gradient is not finite near x along d (try a smaller step)"
              : ": f is not finite near x along d (at the edge of its domain? try a smaller step)");
    }
    if (!note.isEmpty()) {
      s.append("\n  note: ").append(note);
    }
    if (Double.isFinite(p.error())) {
      s.append(String.format(Locale.ROOT, "\n  error = |a - b| / max(|a|, |b|, floor %.3g)",
          p.floor()));
    }
    // Failing axes first: each names a wrong partial.
    List<String> failing = new ArrayList<>();
    for (boolean axisFirst : new boolean[] {true, false}) {
      for (Probe q : probes) {
        boolean axis = q.other() == null && q.label().startsWith("axis ");
        if (axis == axisFirst && !(q.error() <= tolerance)) {
          failing.add(q.label() + " (" + error(q.error()) + ")");
        }
      }
    }
    s.append("\n  ").append(failing.size()).append(" of ").append(probes.size());
    s.append(" fail: ");
    s.append(String.join("; ", failing.subList(0, Math.min(8, failing.size()))));
    if (failing.size() > 8) {
      s.append("; ...");
    }
    if (!axes && kind != CheckKind.SYMMETRY) {
      s.append(kind == CheckKind.HVP
          ? "\n  alongAxes() checks each column of the Hessian on its own"
          : "\n  alongAxes() checks each partial on its own");
    }
    return s.toString();
  }

  /** One line per probe, after a heading naming the worst. */
  static String summary(GradientCheck.Result r) {
    CheckKind kind = r.kind();
    Probe worst = r.worst();
    StringBuilder s = new StringBuilder(kind.title).append(" at x = ").append(vector(r.x()))
        .append(": worst error ").append(error(worst.error())).append(" along ")
        .append(worst.label()).append(" (").append(r.settings()).append(")");
    for (Probe p : r.probes()) {
      s.append("\n  ").append(p.label()).append(": ").append(kind.tested).append(" = ")
          .append(p.tested()).append(", ").append(kind.reference).append(" = ")
          .append(p.reference()).append(", error ").append(error(p.error()));
    }
    return s.toString();
  }

  static String error(double e) {
    return Double.isFinite(e) ? String.format(Locale.ROOT, "%.3g", e) : "not finite";
  }

  static String vector(double[] v) {
    StringBuilder s = new StringBuilder("[");
    int shown = Math.min(v.length, 10);
    for (int i = 0; i < shown; i++) {
      s.append(i == 0 ? "" : ", ").append(v[i]);
    }
    if (shown < v.length) {
      s.append(", ... (").append(v.length).append(" values)");
    }
    return s.append("]").toString();
  }
}
