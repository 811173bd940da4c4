package io.github.backprop.processor.ir;

import java.util.List;

/**
 * A call whose derivative comes from a record of the value and partials: a {@code @Differentiable}
 * method called from another one (the record is its generated {@code CGrad.M}), or a method with
 * a {@code @DerivativeOf} rule (the record is the rule's).
 *
 * @param owner the declaring class
 * @param grad the class of the method giving the record: the generated class, or the rule's
 * @param name the method name
 * @param gradName the name of the method giving the record: {@code name}, or the rule's
 * @param paramTypes parameter types, in order
 * @param accessors the record accessor of each parameter, {@code null} where it has none
 * @param record the record's class, e.g. {@code p.CGrad.M} or the rule's {@code p.Rules.ErfD}
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
    String gradName,
    List<Type> paramTypes,
    List<String> accessors,
    Owner record,
    boolean primalVisible,
    boolean overloaded,
    java.util.Set<Integer> writes,
    java.util.Set<Integer> unread,
    Type result) {
  /** The type of a variable holding the record. */
  public Var.RecordType recordType() {
    return new Var.RecordType(record, null);
  }
}
