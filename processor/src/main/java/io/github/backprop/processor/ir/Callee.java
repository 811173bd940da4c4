package io.github.backprop.processor.ir;

import java.util.List;

/**
 * A {@code @Differentiable} method called from another one.
 *
 * @param owner the declaring class
 * @param grad its generated class
 * @param name the method name
 * @param paramTypes parameter types, in order
 * @param accessors the record accessor of each parameter, {@code null} where it has none
 * @param record the name of its result record in {@code grad}
 * @param primalVisible whether generated code may call the method itself (it is not private)
 * @param overloaded whether {@code grad} has another method of that name and arity: a call then
 *     passes each argument as the parameter's type, so it resolves to the method the source
 *     called even where an overload private in the source is public in {@code grad}
 * @param writes the indices of the array parameters the method writes into, or null if that is
 *     unknown (it was compiled before, so its body cannot be read)
 * @param unread the indices of the parameters whose values never reach its result (its body
 *     does not read them, or only in dead code): their partials are zero by construction, and a
 *     caller passes nothing back through them
 * @param result the type of its result: {@code double} or {@code float}
 */
public record Callee(
    Owner owner,
    Owner grad,
    String name,
    List<Type> paramTypes,
    List<String> accessors,
    String record,
    boolean primalVisible,
    boolean overloaded,
    java.util.Set<Integer> writes,
    java.util.Set<Integer> unread,
    Type result) {
  /** A callee returning {@code double}. */
  public Callee(
      Owner owner,
      Owner grad,
      String name,
      List<Type> paramTypes,
      List<String> accessors,
      String record,
      boolean primalVisible,
      boolean overloaded,
      java.util.Set<Integer> writes,
      java.util.Set<Integer> unread) {
    this(owner, grad, name, paramTypes, accessors, record, primalVisible, overloaded, writes, unread, Type.DOUBLE);
  }
}
