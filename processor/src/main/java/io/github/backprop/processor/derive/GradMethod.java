package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import java.util.List;

/**
 * The body of a generated gradient method.
 *
 * @param declarations variables that both sweeps use, declared first
 * @param forward the forward sweep: the primal computation, saving what the reverse sweep needs
 * @param reverse the reverse sweep: adjoints, last statement first
 * @param value the primal result
 * @param gradients the gradient of each parameter that has an accessor, in order
 */
public record GradMethod(
    List<Stmt> declarations,
    List<Stmt> forward,
    List<Stmt> reverse,
    Expr value,
    List<Expr> gradients) {}
