package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * The body of a generated gradient method.
 *
 * @param declarations variables that both sweeps use, declared first
 * @param forward the forward sweep: the primal computation, saving what the reverse sweep needs
 * @param allocations the zero adjoint arrays of the array parameters differentiated, which the
 *     reverse sweep adds into
 * @param reverse the reverse sweep: adjoints, last statement first
 * @param value the primal result
 * @param gradients the gradient of each parameter that has an accessor, in order
 * @param accumulators the adjoint array of each differentiated parameter, when every one is an
 *     array that the reverse sweep only adds into: then a caller's arrays can take their place;
 *     empty otherwise
 */
public record GradMethod(
    List<Stmt> declarations,
    List<Stmt> forward,
    List<Stmt> allocations,
    List<Stmt> reverse,
    Expr value,
    List<Expr> gradients,
    List<Var> accumulators) {}
