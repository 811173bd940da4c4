package io.github.backprop.processor.rules;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import java.util.List;

/**
 * A library function over arrays written out as the loops the library runs: the statements that
 * run before the call's place, then the value that stands there. Every mode differentiates the
 * statements as it does the user's own loops, so forward mode and second order need no rule of
 * their own, and the value is the library's to the last bit where the statements repeat its
 * operations in its order.
 *
 * @param statements what runs first
 * @param value the call's value: a local the statements assign, or an expression of them
 */
public record Written(List<Stmt> statements, Expr value) {}
