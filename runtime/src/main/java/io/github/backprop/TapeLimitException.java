package io.github.backprop;

/**
 * A gradient needed more tape than the JVM can give: more entries than a Java array holds, or
 * more memory than the heap has left. The message says how many entries were needed, where they
 * were saved (the generated method and line, inside the loop that saves them) and what to do.
 */
public final class TapeLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long entries;

  TapeLimitException(String message, long entries, Throwable cause) {
    super(message, cause);
    this.entries = entries;
  }

  /** The entries the stack needed room for when it could not grow. */
  public long entries() {
    return entries;
  }

  /** More entries than the largest array the JVM allocates. */
  static TapeLimitException full(String kind, long entries) {
    return new TapeLimitException(
        "backprop: a gradient's tape of "
            + kind
            + " values needs more than "
            + entries
            + " entries, more than a Java array holds"
            + where()
            + ". Run fewer loop iterations in one gradient call: split the loop into shorter"
            + " gradient calls, or checkpoint it (recompute instead of saving): for (@Checkpointed(snapshots = 64)"
            + " int i = ...).",
        entries,
        null);
  }

  /** The heap had no room for the grown stack. */
  static TapeLimitException heap(String kind, long entries, int bytesPerEntry, OutOfMemoryError cause) {
    return new TapeLimitException(
        "backprop: a gradient's tape of "
            + kind
            + " values needs "
            + entries
            + " entries ("
            + mib(entries * bytesPerEntry)
            + "), and the heap has no room for them (maximum heap "
            + mib(Runtime.getRuntime().maxMemory())
            + ")"
            + where()
            + ". Give the JVM a larger heap (-Xmx), or run fewer loop iterations in one gradient"
            + " call: split the loop into shorter gradient calls, or checkpoint it: for (@Checkpointed(snapshots ="
            + " 64) int i = ...).",
        entries,
        cause);
  }

  private static String mib(long bytes) {
    return (bytes + (1 << 20) - 1 >> 20) + " MiB";
  }

  /**
   * ", saved at p.CGrad.m(CGrad.java:42)": the first caller outside this package, the generated
   * method, whose line is in the loop that pushes. Walked only when failing.
   */
  private static String where() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isRuntime(f.getClassName()))
                    .findFirst()
                    .map(f -> ", saved at " + f)
                    .orElse(""));
  }

  private static boolean isRuntime(String className) {
    String pkg = Tape.class.getPackageName();
    return className.startsWith(pkg + ".") && className.lastIndexOf('.') == pkg.length();
  }
}
