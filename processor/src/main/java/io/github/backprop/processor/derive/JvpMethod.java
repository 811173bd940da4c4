package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * The body of a generated forward-mode method, {@code mJvp}.
 *
 * @param tangents the tangent parameter of each differentiated parameter, in order
 * @param body the primal statements with the tangent statements among them; every path ends in
 *     {@code return new MJvp(value, tangent)} or a throw
 */
public record JvpMethod(List<Var> tangents, List<Stmt> body) {}
