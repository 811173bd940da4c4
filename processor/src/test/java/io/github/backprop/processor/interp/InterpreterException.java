package io.github.backprop.processor.interp;

/**
 * The IR asked for something the interpreter cannot do, or that the generated code could not
 * do either (a read before any write, an unbalanced tape, a node kind with no rule here).
 */
public class InterpreterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InterpreterException(String message) {
    super(message);
  }

  public InterpreterException(String message, Throwable cause) {
    super(message, cause);
  }
}
