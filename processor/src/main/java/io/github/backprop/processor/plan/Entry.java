package io.github.backprop.processor.plan;

import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.ir.MethodModel;
import java.util.List;

/**
 * One derived method, with the names its Grad class gives it: what {@link Api} plans the class's
 * methods and records from.
 *
 * @param model the source model
 * @param grad its reverse-mode derivative
 * @param record its gradient record's simple name, e.g. {@code Loss}
 * @param accessors per parameter, its component in the record, or null for one with none
 * @param jvp its forward mode, or null where {@code forward = true} is not asked for
 * @param jvpRecord that record's name, or null
 * @param name the generated method's name: the source method's, or for a recursive helper
 *     without the annotation its private gradient's ({@code _fib})
 * @param hidden whether it is such a private gradient: private, with a private record, no
 *     accumulate overload and no forward mode
 * @param hvp for {@code hessian = true}, the private gradient of the method's tangent, from which
 *     {@code mHvp} and {@code mHessian} are built; for a method returning {@code double[]}, its
 *     vector-Jacobian product; else null
 */
public record Entry(
    MethodModel model, GradMethod grad, String record, List<String> accessors, JvpMethod jvp, String jvpRecord,
    String name, boolean hidden, Entry hvp) {}
