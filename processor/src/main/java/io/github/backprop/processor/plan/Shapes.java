package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * The runtime's checks that a gradient array the caller passes is shaped like its parameter and
 * is none of the arrays the method reads.
 */
final class Shapes {
  private static final Owner SHAPES = new Owner("io.github.backprop", "Shapes");

  private Shapes() {}

  /** Whether the runtime checks arrays of type {@code t}: double of one to three dimensions, float of one or two. */
  static boolean checked(Type t) {
    return t.prim() == Type.Prim.DOUBLE && t.dims() >= 1 && t.dims() <= 3
        || t.prim() == Type.Prim.FLOAT && t.dims() >= 1 && t.dims() <= 2;
  }

  /** Whether an array of type {@code a} may be, or hold as a row, an array of type {@code b}, or the other way round. */
  static boolean mayShare(Type a, Type b) {
    return a.prim() == b.prim() && a.dims() >= 1 && b.dims() >= 1;
  }

  // Example: Shapes.require("w", _d_w, w);  Shapes.require("self.layers[].w", _d_self_layers_w, self_layers_w);
  /** @param name the parameter as the user wrote it ({@link ShapeNames}) */
  static Stmt require(String name, Var parameter, Var gradient) {
    return new Stmt.Invoke(new Expr.Foreign(
        List.of(SHAPES, ".require(\"" + name + "\", ", Exprs.ref(gradient), ", ", Exprs.ref(parameter), ")"),
        null));
  }

  // Example: Shapes.apart("w", _d_w, "x", x);
  static Stmt apart(String parameter, Var gradient, String otherName, Var other) {
    return new Stmt.Invoke(new Expr.Foreign(
        List.of(SHAPES, ".apart(\"" + parameter + "\", ", Exprs.ref(gradient), ", \"" + otherName + "\", ",
            Exprs.ref(other), ")"),
        null));
  }
}
