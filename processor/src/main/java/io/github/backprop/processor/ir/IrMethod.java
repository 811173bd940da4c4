package io.github.backprop.processor.ir;

import java.util.List;

/**
 * A complete generated method, as the writer prints it: nothing about it is left to the writer's
 * conventions. Every static method of a Grad class the stages produce as IR is one of these.
 *
 * @param name its name, e.g. {@code loss}, {@code lossJvp}, {@code _fib}
 * @param exported whether it is {@code public}; else {@code private}
 * @param result what it returns
 * @param params its parameters, in order, each written with its {@link Var#declared()} type
 * @param varargs whether its last parameter is written {@code double... xs}
 * @param taped whether its body runs inside the tape's bracket, {@code Tape _tape = Tape.enter();
 *     try { body } finally { _tape.exit(); }}, from which it takes its stacks
 * @param body its statements; every path ends in a return or a throw
 * @param doc its javadoc: {@code String}s of text, {@link Var}s, each written as the name the
 *     method gives that variable, and {@link Owner}s, each written as a class name
 * @param origin the source class: no variable of the method takes its name, its Grad class's, or
 *     the name of a class or package its code names (a parameter too); null where the method's
 *     variables keep their names (forward mode, the methods around derived ones)
 */
public record IrMethod(
    String name,
    boolean exported,
    TypeRef result,
    List<Var> params,
    boolean varargs,
    boolean taped,
    List<Stmt> body,
    List<Object> doc,
    Owner origin) {}
