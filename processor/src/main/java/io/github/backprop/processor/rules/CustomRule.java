package io.github.backprop.processor.rules;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.util.List;

/**
 * A user's {@code @DerivativeOf} rule, checked: names only, so it outlives the processing round
 * that read it.
 *
 * @param primal the method it is the derivative of, for messages: {@code Erf.erf(double)}
 * @param owner the rule's class
 * @param name the rule's name
 * @param record the class of the record it returns
 * @param paramTypes the parameter types, the primal's
 * @param accessors the record component holding each parameter's partial; null for a parameter
 *     with none (int, long, boolean)
 * @param overloaded whether the rule's or the primal's name has another method of that arity in
 *     its class: a call then passes each argument as the parameter's type
 * @param onlyIn the package generated code must be in to call the rule and name its record, or
 *     null where they are public
 */
public record CustomRule(
    String primal,
    Owner owner,
    String name,
    Owner record,
    List<Type> paramTypes,
    List<String> accessors,
    boolean overloaded,
    String onlyIn) {
  /** The rule as a user names it: {@code Rules.erf}. */
  public String display() {
    return owner.simpleNames() + "." + name;
  }
}
