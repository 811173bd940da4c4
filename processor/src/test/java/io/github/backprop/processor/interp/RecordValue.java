package io.github.backprop.processor.interp;

import java.util.List;

/**
 * A record the interpreted code built: {@code return new MJvp(value, tangent)}, or a callee's
 * record where a test interprets the callee too. {@code names} are its accessors in order, or
 * null where the IR does not say them; a record returned by compiled code stays the real object.
 */
public record RecordValue(String record, List<String> names, List<Object> components) {
  /** The component {@code accessor}. */
  public Object get(String accessor) {
    int i = names == null ? -1 : names.indexOf(accessor);
    if (i < 0) {
      throw new InterpreterException("no component " + accessor + " known in the interpreted record " + record);
    }
    return components.get(i);
  }
}
