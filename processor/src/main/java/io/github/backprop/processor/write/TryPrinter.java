package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints a try statement held as an {@code if} ({@link TryShape}) as Java's {@code try}: the
 * {@code if}'s branches become the try block and the catch that resumes; the catches that only
 * throw and the {@code finally} block are printed from the condition's parts.
 */
final class TryPrinter {
  private final CodeWriter writer;

  TryPrinter(CodeWriter writer) {
    this.writer = writer;
  }

  // Example: double _saved0 = r; int _height0 = _doubles.size();
  //          try { ... } catch (ArithmeticException _caught0) { r = _saved0; _doubles.cut(_height0); ... }
  void print(Stmt.If f, TryShape shape, Lines out) {
    List<Stmt> then = f.then().statements();
    List<Var> restored = new ArrayList<>();
    List<Var> saved = new ArrayList<>();
    List<Var> tapes = new ArrayList<>();
    List<Var> heights = new ArrayList<>();
    if (shape.restores()) {
      for (Var v : changed(then)) {
        Var s = Var.temp("_saved", v.type());
        writer.statement(new Stmt.Declare(s, new Expr.Ref(v)), out);
        restored.add(v);
        saved.add(s);
      }
      for (Var tape : pushedOn(then)) {
        Var h = Var.temp("_height", Type.INT);
        writer.statement(new Stmt.Declare(h, new Expr.Foreign(List.of(new Expr.Ref(tape), ".size()"), Type.INT)), out);
        tapes.add(tape);
        heights.add(h);
      }
    }
    List<Object> parts = ((Expr.Foreign) f.condition()).parts();
    int next = 1;
    if (shape.resources() > 0) {
      // Example: Timer t = new Timer(); try (t) { ... }  (closed as Java closes it, before a catch)
      Code.Builder resources = Code.builder();
      for (int i = 0; i < shape.resources(); i++) {
        resources.add(i == 0 ? "$L" : "; $L", writer.expr((Expr) parts.get(next++)));
      }
      out.beginControlFlow("try ($L)", resources.build());
    } else {
      out.beginControlFlow("try");
    }
    writer.statements(then, out);
    for (TryShape.Clause c : shape.clauses()) {
      out.nextControlFlow("catch ($L $L)", type(c.type()), c.name());
      if (c.branch()) {
        for (int i = 0; i < restored.size(); i++) {
          writer.statement(new Stmt.Assign(restored.get(i), null, new Expr.Ref(saved.get(i))), out);
        }
        for (int i = 0; i < tapes.size(); i++) {
          writer.statement(
              new Stmt.Invoke(new Expr.Foreign(List.of(new Expr.Ref(tapes.get(i)), ".cut(", new Expr.Ref(heights.get(i)), ")"), null)),
              out);
        }
        writer.statements(f.otherwise().statements(), out);
        continue;
      }
      for (int i = 0; i < c.statements(); i++) {
        Expr e = (Expr) parts.get(next++);
        if (i == c.statements() - 1) {
          out.addStatement("throw $L", writer.expr(e));
        } else {
          out.addStatement("$L", writer.expr(e));
        }
      }
    }
    if (shape.finallyStatements() >= 0) {
      out.nextControlFlow("finally");
      for (int i = 0; i < shape.finallyStatements(); i++) {
        out.addStatement("$L", writer.expr((Expr) parts.get(next++)));
      }
    }
    out.endControlFlow();
  }

  private static Code type(List<Object> parts) {
    Code.Builder b = Code.builder();
    for (Object p : parts) {
      if (p instanceof Owner o) {
        b.add("$T", JavaTypes.className(o));
      } else {
        b.add("$L", p);
      }
    }
    return b.build();
  }

  /**
   * The variables of the method, and their tangents, that the try block assigns but did not
   * declare: what the catch must find as it was at the {@code try}.
   */
  private static Set<Var> changed(List<Stmt> then) {
    Set<Var> inside = new HashSet<>();
    Set<Var> out = new LinkedHashSet<>();
    for (Stmt s : then) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d) {
          inside.add(d.var());
        } else if (x instanceof Stmt.Assign a) {
          Var v = a.var();
          if (v.kind() == Var.Kind.PARAM || v.kind() == Var.Kind.LOCAL || v.kind() == Var.Kind.TANGENT) {
            out.add(v);
          }
        }
      });
    }
    out.removeAll(inside);
    return out;
  }

  /** The tapes the try block pushes on, in the order it first does. */
  private static Set<Var> pushedOn(List<Stmt> then) {
    Set<Var> out = new LinkedHashSet<>();
    for (Stmt s : then) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Push p) {
          out.add(p.tape());
        }
      });
    }
    return out;
  }
}
