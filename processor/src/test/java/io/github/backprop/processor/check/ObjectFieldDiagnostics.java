package io.github.backprop.processor.check;

/** {@link MemberDiagnostics} for tests outside this package. */
public final class ObjectFieldDiagnostics {
  private ObjectFieldDiagnostics() {}

  /** Exactly one error, ours, at {@code target} within {@code context}, holding {@code words}. */
  public static void onlyErrorAt(String members, String context, String target, String... words) {
    MemberDiagnostics.onlyError(members, "[BackpropUnsupported]", MemberDiagnostics.at(members, context, target), words);
  }
}
