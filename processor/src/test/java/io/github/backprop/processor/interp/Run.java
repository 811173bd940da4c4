package io.github.backprop.processor.interp;

import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole methods interpreted: the source method as read, and its gradient assembled from the
 * derive stage's segments as {@code write/GradWriter} assembles them (tape scope, declarations,
 * gradient arrays, forward sweep, reverse sweep, then the value and the gradients).
 */
public final class Run {
  private Run() {}

  /** The value and the gradient of each differentiated parameter, in order. */
  public record Gradient(Object value, List<Object> gradients) {}

  /** The source method's body as read, on {@code args}: its returned value. */
  public static Object primal(MethodModel m, Interpreter in, Object... args) {
    bindParams(m.params(), in, args);
    Completion c = in.run(m.body().statements());
    if (c.kind != Completion.Kind.RETURN) {
      throw new InterpreterException(m.name() + " ended without a return: " + c);
    }
    return Arith.assign(m.resultType(), c.value);
  }

  /**
   * A body as a pass leaves it, on {@code args}: the value of its return, or of {@code result}
   * (the variable a {@code return} inside a loop assigns) where it ends without one.
   */
  public static Object body(MethodModel m, Stmt.Block body, Var result, Interpreter in, Object... args) {
    bindParams(m.params(), in, args);
    Completion c = in.run(body.statements());
    if (c.kind == Completion.Kind.RETURN) {
      return Arith.assign(m.resultType(), c.value);
    }
    if (!c.normal()) {
      throw new InterpreterException(m.name() + " ended by " + c);
    }
    return Arith.assign(m.resultType(), in.get(result));
  }

  /** Forward mode's {@code mJvp(args, tangents)}: its record's value and tangent. */
  public static List<Object> jvp(MethodModel m, JvpMethod j, Interpreter in, Object[] args, Object... tangents) {
    bindParams(m.params(), in, args);
    bindParams(j.tangents(), in, tangents);
    Completion c = in.run(j.body());
    if (c.kind != Completion.Kind.RETURN || !(c.value instanceof RecordValue r)) {
      throw new InterpreterException(m.name() + "Jvp ended by " + c + ", not a record");
    }
    if (r.components().size() != 2) {
      throw new InterpreterException(m.name() + "Jvp returned " + r + ", not a value and a tangent");
    }
    // The record's constructor takes the result's type: an int literal widens as javac widens it.
    return List.of(Arith.assign(m.resultType(), r.components().get(0)), Arith.assign(m.resultType(), r.components().get(1)));
  }

  /**
   * The forward mode of a method returning an array ({@code rJvp}, or a gradient composed forward
   * over reverse): its record's value and tangent as returned, inside a tape scope where the body
   * declares stacks.
   */
  public static List<Object> vectorJvp(JvpMethod j, List<Var> params, Interpreter in, Object[] args, Object... tangents) {
    bindParams(params, in, args);
    bindParams(j.tangents(), in, tangents);
    boolean tape = j.body().stream().anyMatch(s -> s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.TAPE);
    if (tape) {
      in.enterTape();
    }
    boolean completed = false;
    try {
      Completion c = in.run(j.body());
      if (c.kind != Completion.Kind.RETURN || !(c.value instanceof RecordValue r) || r.components().size() != 2) {
        throw new InterpreterException("the forward mode ended by " + c + ", not a record of a value and a tangent");
      }
      completed = true;
      return r.components();
    } finally {
      if (tape) {
        in.exitTape(completed);
      }
    }
  }

  /** The gradient method {@code m(args)} the writer makes of {@code g}. */
  public static Gradient gradient(MethodModel m, GradMethod g, Interpreter in, Object... args) {
    return sweeps(m, g, in, true, args);
  }

  /**
   * The accumulate overload: {@code into} are the caller's arrays, one per differentiated
   * parameter, that the gradient is added into; returns the value (gradients as {@code into}).
   */
  public static Object accumulate(MethodModel m, GradMethod g, Interpreter in, Object[] args, Object... into) {
    if (g.accumulators().size() != into.length) {
      throw new InterpreterException("the method accumulates into " + g.accumulators().size() + " arrays, not " + into.length);
    }
    for (int i = 0; i < into.length; i++) {
      in.bind(g.accumulators().get(i), into[i]);
    }
    return sweeps(m, g, in, false, args).value();
  }

  private static Gradient sweeps(MethodModel m, GradMethod g, Interpreter in, boolean allocate, Object[] args) {
    bindParams(m.params(), in, args);
    boolean tape = g.declarations().stream().anyMatch(s -> s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.TAPE);
    if (tape) {
      in.enterTape();
    }
    boolean completed = false;
    try {
      done(in.run(g.declarations()), "declarations");
      if (allocate) {
        done(in.run(g.allocations()), "allocations");
      }
      done(in.run(g.forward()), "forward sweep");
      done(in.run(g.reverse()), "reverse sweep");
      Object value = Arith.assign(m.resultType(), in.eval(g.value()));
      List<Object> gradients = new ArrayList<>();
      for (int i = 0; i < g.gradients().size(); i++) {
        Type t = m.independents().get(i).type();
        Expr e = g.gradients().get(i);
        gradients.add(Arith.assign(t, in.eval(e)));
      }
      completed = true;
      return new Gradient(value, gradients);
    } finally {
      if (tape) {
        in.exitTape(completed);
      }
    }
  }

  private static void done(Completion c, String part) {
    if (!c.normal()) {
      throw new InterpreterException("the " + part + " ended by " + c + ", which the writer has no place for");
    }
  }

  static void bindParams(List<Var> params, Interpreter in, Object[] args) {
    if (params.size() != args.length) {
      throw new InterpreterException("the method takes " + params.size() + " arguments, not " + args.length);
    }
    for (int i = 0; i < args.length; i++) {
      in.bind(params.get(i), args[i]);
    }
  }
}
