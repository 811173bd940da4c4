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
 * @param doc its javadoc: {@code String}s of text and {@link Var}s, each written as the name the
 *     method gives that variable
 * @param origin the source class: no variable of the method takes its name, or its Grad class's
 */
public record IrMethod(
    String name,
    boolean exported,
    Result result,
    List<Var> params,
    boolean varargs,
    boolean taped,
    List<Stmt> body,
    List<Object> doc,
    Owner origin) {

  /**
   * The type a method returns: a value of {@code type}, or where {@code record} is set the record
   * of that simple name nested in the Grad class ({@code Loss}, {@code FJvp}).
   */
  public record Result(Type type, String record) {
    public static Result of(Type type) {
      return new Result(type, null);
    }

    public static Result record(String record) {
      return new Result(null, record);
    }
  }
}
