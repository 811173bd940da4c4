package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime stacks a generated method saves values on inside loops: one per kind of value,
 * created only when used. Pushes and pops pair up in exact reverse order, so one stack serves
 * every variable of its kind.
 */
final class Tapes {
  private static final String PACKAGE = "io.github.backprop";

  private final Map<String, Var> tapes = new LinkedHashMap<>();

  /** {@code tape.push(value)}. */
  Stmt push(Expr value, Var of) {
    return new Stmt.Push(tape(of), value);
  }

  /** The value {@link #push} saved, in the type of {@code of}. */
  Expr pop(Var of) {
    return new Expr.Pop(tape(of), of.type(), of.kind() == Var.Kind.RECORD ? of.recordType() : null);
  }

  /** {@code tape.push(value)} of an array element's type. */
  Stmt pushElement(Expr.Index element) {
    return new Stmt.Push(tape(element.type(), false), element);
  }

  Expr popElement(Expr.Index element) {
    return new Expr.Pop(tape(element.type(), false), element.type(), null);
  }

  private Var tape(Var of) {
    return tape(of.type(), of.kind() == Var.Kind.RECORD);
  }

  private Var tape(Type type, boolean record) {
    String name;
    String cls;
    if (record || type.isArray() || type.isReference()) {
      name = "_objects";
      cls = "ObjectStack";
    } else {
      switch (type.prim()) {
        case DOUBLE:
        case FLOAT: // a float widens to a double exactly, and narrows back to itself
          name = "_doubles";
          cls = "DoubleStack";
          break;
        case INT:
          name = "_ints";
          cls = "IntStack";
          break;
        case LONG:
          name = "_longs";
          cls = "LongStack";
          break;
        default:
          name = "_booleans";
          cls = "BooleanStack";
          break;
      }
    }
    return tapes.computeIfAbsent(name, n -> Var.tape(n, new Owner(PACKAGE, cls), n.substring(1)));
  }

  /** The counter of a loop nested in another, pushed after the inner loop ends. */
  Stmt pushCount(Var counter) {
    return new Stmt.Push(tape(counter.type(), false), new Expr.Ref(counter));
  }

  Expr popCount(Var counter) {
    return new Expr.Pop(tape(counter.type(), false), counter.type(), null);
  }

  /** {@code DoubleStack _doubles = Tape.doubles();} for each stack used, in a fixed order. */
  List<Stmt> declarations() {
    List<Stmt> out = new ArrayList<>();
    for (String name : List.of("_doubles", "_ints", "_longs", "_booleans", "_objects")) {
      Var t = tapes.get(name);
      if (t != null) {
        out.add(new Stmt.Declare(t, null));
      }
    }
    return out;
  }
}
