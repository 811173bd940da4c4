package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.Assert;
import io.github.backprop.processor.fuzz.Ast.Assign;
import io.github.backprop.processor.fuzz.Ast.Block;
import io.github.backprop.processor.fuzz.Ast.Break;
import io.github.backprop.processor.fuzz.Ast.Case;
import io.github.backprop.processor.fuzz.Ast.Continue;
import io.github.backprop.processor.fuzz.Ast.Decl;
import io.github.backprop.processor.fuzz.Ast.DoWhile;
import io.github.backprop.processor.fuzz.Ast.Expr;
import io.github.backprop.processor.fuzz.Ast.ExprStmt;
import io.github.backprop.processor.fuzz.Ast.For;
import io.github.backprop.processor.fuzz.Ast.ForEach;
import io.github.backprop.processor.fuzz.Ast.If;
import io.github.backprop.processor.fuzz.Ast.Incr;
import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.Raw;
import io.github.backprop.processor.fuzz.Ast.Return;
import io.github.backprop.processor.fuzz.Ast.Stmt;
import io.github.backprop.processor.fuzz.Ast.Switch;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Ast.Throw;
import io.github.backprop.processor.fuzz.Ast.While;
import java.util.List;
import io.github.backprop.processor.fuzz.Ast.Yield;

/** Java source for the {@link Ast}: minimal parentheses, so the tree is exactly what javac reads. */
final class Printer {
  /** The runaway-loop guard of every loop condition; see {@link Batch#GUARD_SOURCE}. */
  static final String GUARD = "C.live()";

  private Printer() {}

  /** A Java literal for {@code v} that reads back as exactly {@code v}. */
  static String doubleLiteral(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("no literal for " + v);
    }
    return Double.toString(v);
  }

  static void child(StringBuilder b, Expr e, int minPrec) {
    if (e.prec() < minPrec) {
      b.append('(');
      e.print(b);
      b.append(')');
    } else {
      e.print(b);
    }
  }

  static String expr(Expr e) {
    StringBuilder b = new StringBuilder();
    e.print(b);
    return b.toString();
  }

  static String method(Method m) {
    StringBuilder b = new StringBuilder();
    method(m, b, "  ");
    return b.toString();
  }

  /**
   * Whether {@code hessian = true} applies to {@code m}: no matrix parameter or local, and no call of a
   * generated callee (which runs in place for second order,
   * but may hold a matrix this method cannot see).
   */
  static boolean secondOrder(Method m) {
    if (m.params().stream().anyMatch(p -> p.type() == T.DOUBLE_ARR2)) {
      return false;
    }
    boolean[] matrix = {false};
    for (Stmt s : m.body().stmts()) {
      matrix[0] |= declaresMatrix(s);
      // (A rule's partials are read from its body for second order: C.softplus and C.scaled stay.)
      Batch.walk(s, e -> matrix[0] |= e instanceof Ast.Call c && c.target().matches("(.*\\.)?h\\d+")
          // a functional value's call holds its arguments as text
          || e instanceof Ast.Lit l && l.text().matches("(?s).*\\bh\\d+\\(.*"));
    }
    return !matrix[0];
  }

  /** Whether {@code s} declares a {@code double[][]} local, whose tangent second order does not reach. */
  private static boolean declaresMatrix(Stmt s) {
    if (s instanceof Ast.Decl d && d.type() == T.DOUBLE_ARR2) {
      return true;
    }
    for (Stmt child : Edit.children(s)) {
      if (declaresMatrix(child)) {
        return true;
      }
    }
    return false;
  }

  static void method(Method m, StringBuilder b, String indent) {
    if (m.differentiable()) {
      // Forward mode too, and second order where it applies: the checker tests mJvp against the
      // gradient on every program, and mHvp's Hessian for symmetry.
      b.append(indent).append(secondOrder(m) ? "@Differentiable(forward = true, hessian = true)\n" : "@Differentiable(forward = true)\n");
    }
    // javac 20+ flags k += 0.5 in the user's own source, -Xlint:all a case that falls through;
    // the generated code must stay clean
    suppressions(m, b, indent);
    b.append(indent).append(m.isPrivate() ? "private static double " : "static double ").append(m.name()).append('(');
    for (int i = 0; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      b.append(i == 0 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {\n");
    stmts(m.body(), b, indent + "  ");
    b.append(indent).append("}\n");
  }

  /** Set while a vector twin is printed: each return gives an array. */
  private static final ThreadLocal<Boolean> VECTOR = ThreadLocal.withInitial(() -> false);

  /**
   * The vector twin of a differentiable method {@code m}: {@code static double[] mVec(<m's
   * parameters>)}, the same body with each {@code return e;} made {@code return new double[] {e,
   * e * e};}, so the checker can hold its Jacobian against m's gradient.
   */
  static void vectorTwin(Method m, StringBuilder b, String indent) {
    b.append(indent).append("@Differentiable(forward = true)\n");
    suppressions(m, b, indent);
    b.append(indent).append("static double[] ").append(m.name()).append("Vec(");
    for (int i = 0; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      b.append(i == 0 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {\n");
    VECTOR.set(true);
    try {
      stmts(m.body(), b, indent + "  ");
    } finally {
      VECTOR.set(false);
    }
    b.append(indent).append("}\n");
  }

  /**
   * The object twin of a differentiable method {@code m} whose first parameter {@code a} is a
   * {@code double}: {@code static final class Obj_m_<unit> { double a; @Differentiable double mObj(<m's
   * other parameters>) { double a = this.a; <m's body> } }}, so the checker can hold the gradient
   * with respect to the field (through {@code self()}) against m's with respect to {@code a}.
   */
  static void objectTwin(Method m, String name, StringBuilder b, String indent) {
    Param first = m.params().get(0);
    b.append(indent).append("static final class ").append(name).append(" {\n");
    String in = indent + "  ";
    b.append(in).append("double ").append(first.name()).append(";\n\n");
    b.append(in).append("@Differentiable\n");
    suppressions(m, b, in);
    b.append(in).append("double ").append(m.name()).append("Obj(");
    for (int i = 1; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      b.append(i == 1 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {\n");
    b.append(in).append("  double ").append(first.name()).append(" = this.").append(first.name()).append(";\n");
    stmts(m.body(), b, in + "  ");
    b.append(in).append("}\n");
    b.append(indent).append("}\n");
  }

  /**
   * The record twin of a differentiable method {@code m}: its first {@code k} parameters become the
   * components of {@code record Rec_m_<unit>(...)}, and {@code @Differentiable static double
   * mRec(Rec_m_<unit> r, <m's other parameters>)} copies the record into a local one, takes each
   * parameter back through one or the other (alternately), and runs m's body. The checker holds
   * its gradient (the record's tangent, then the other parameters') against m's.
   */
  static void recordTwin(Method m, String name, int k, StringBuilder b, String indent) {
    b.append(indent).append("record ").append(name).append('(');
    for (int i = 0; i < k; i++) {
      Param p = m.params().get(i);
      b.append(i == 0 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {}\n\n");
    b.append(indent).append("@Differentiable\n");
    suppressions(m, b, indent);
    String in = indent + "  ";
    // r and q are not names the generator uses: its locals are t0.., its parameters a, b, ...
    b.append(indent).append("static double ").append(m.name()).append("Rec(").append(name).append(" r");
    for (int i = k; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      b.append(", ").append(p.type().java).append(' ').append(p.name());
    }
    b.append(") {\n");
    b.append(in).append(name).append(" q = new ").append(name).append('(');
    for (int i = 0; i < k; i++) {
      b.append(i == 0 ? "" : ", ").append("r.").append(m.params().get(i).name()).append("()");
    }
    b.append(");\n");
    StringBuilder body = new StringBuilder();
    stmts(m.body(), body, in);
    for (int i = 0; i < k; i++) {
      Param p = m.params().get(i);
      // A record's array stays as it is given: an array the body may write is copied first.
      boolean copy = p.type() == T.DOUBLE_ARR && mayWrite(body, p.name());
      b.append(in).append(p.type().java).append(' ').append(p.name()).append(" = ")
          .append(i % 2 == 0 ? "q." : "r.").append(p.name()).append(copy ? "().clone();\n" : "();\n");
    }
    b.append(body);
    b.append(indent).append("}\n");
  }

  /**
   * Whether {@code body} may write into the array {@code name}: an element assigned or
   * incremented, or the array used other than by an element or its length (passed to a call, or
   * given a second name that may write it: batch 20261801's {@code double[] t0 = _value;}).
   */
  static boolean mayWrite(CharSequence body, String name) {
    String n = java.util.regex.Pattern.quote(name);
    return java.util.regex.Pattern.compile(
            "(?<![\\w$])" + n + "\\[[^;]*?\\]\\s*(=(?!=)|[-+*/%]=|\\+\\+|--)"
                + "|(\\+\\+|--)\\s*" + n + "\\["
                + "|(?<![\\w$.])" + n + "(?![\\w$])(?!\\s*\\[)(?!\\s*\\.length)")
        .matcher(body)
        .find();
  }

  /**
   * The warnings javac would give the user's own source, which the generated code must not
   * repeat: {@code k += 0.5} (lossy-conversions) and a case that falls through.
   */
  static void suppressions(Method m, StringBuilder b, String indent) {
    boolean lossy = narrows(m.body());
    boolean falls = fallsThrough(m.body());
    if (lossy && falls) {
      b.append(indent).append("@SuppressWarnings({\"lossy-conversions\", \"fallthrough\"})\n");
    } else if (lossy || falls) {
      b.append(indent).append("@SuppressWarnings(\"").append(lossy ? "lossy-conversions" : "fallthrough").append("\")\n");
    }
  }

  /** Whether a compound assignment narrows implicitly, as {@code k += 0.5} does. */
  private static boolean narrows(Stmt s) {
    if (s instanceof Assign a && !a.op().equals("=") && a.target().type().numeric()) {
      T t = a.target().type();
      T v = a.value().type();
      if (t != T.DOUBLE && (v == T.DOUBLE || (t == T.INT && v == T.LONG))) {
        return true;
      }
    }
    for (Stmt c : Edit.children(s)) {
      if (narrows(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a colon-form case may fall into the next one (javac's fallthrough lint, roughly). */
  private static boolean fallsThrough(Stmt s) {
    if (s instanceof Switch w && !w.arrow()) {
      for (int i = 0; i < w.cases().size() - 1; i++) {
        List<Stmt> body = w.cases().get(i).body().stmts();
        Stmt last = body.isEmpty() ? null : body.get(body.size() - 1);
        if (last != null && !(last instanceof Ast.Break || last instanceof Ast.Return || last instanceof Throw
            || last instanceof Ast.Continue || last instanceof Yield)) {
          return true;
        }
      }
    }
    for (Stmt c : Edit.children(s)) {
      if (fallsThrough(c)) {
        return true;
      }
    }
    return false;
  }

  static String stmt(Stmt s) {
    StringBuilder b = new StringBuilder();
    stmt(s, b, "");
    return b.toString().trim();
  }

  static void stmts(Block block, StringBuilder b, String indent) {
    for (Stmt s : block.stmts()) {
      stmt(s, b, indent);
    }
  }

  static void stmt(Stmt s, StringBuilder b, String in) {
    if (s instanceof Decl d) {
      b.append(in).append(head(d)).append(";\n");
    } else if (s instanceof Assign a) {
      b.append(in).append(simple(s)).append(";\n");
    } else if (s instanceof Incr i) {
      b.append(in).append(simple(s)).append(";\n");
    } else if (s instanceof Return r && VECTOR.get()) {
      b.append(in).append("{ double vec__ = ").append(expr(r.value()))
          .append("; return new double[] {vec__, vec__ * vec__}; }\n");
    } else if (s instanceof Return r) {
      b.append(in).append("return ").append(expr(r.value())).append(";\n");
    } else if (s instanceof Block k) {
      b.append(in).append("{\n");
      stmts(k, b, in + "  ");
      b.append(in).append("}\n");
    } else if (s instanceof If f) {
      b.append(in);
      ifChain(f, b, in);
    } else if (s instanceof For f) {
      b.append(in).append(label(f.label())).append("for (").append(f.init() == null ? "" : simple(f.init()))
          .append("; ").append(f.cond() == null ? GUARD : GUARD + " && (" + expr(f.cond()) + ")").append("; ")
          .append(f.update() == null ? "" : simple(f.update())).append(") {\n");
      stmts(f.body(), b, in + "  ");
      b.append(in).append("}\n");
    } else if (s instanceof While w) {
      b.append(in).append(label(w.label())).append("while (").append(GUARD).append(" && (").append(expr(w.cond())).append(")) {\n");
      stmts(w.body(), b, in + "  ");
      b.append(in).append("}\n");
    } else if (s instanceof DoWhile w) {
      b.append(in).append(label(w.label())).append("do {\n");
      stmts(w.body(), b, in + "  ");
      b.append(in).append("} while (").append(GUARD).append(" && (").append(expr(w.cond())).append("));\n");
    } else if (s instanceof ForEach f) {
      b.append(in).append(label(f.label())).append("for (").append(f.elemType().java).append(' ').append(f.var())
          .append(" : ").append(expr(f.array())).append(") {\n");
      stmts(f.body(), b, in + "  ");
      b.append(in).append("}\n");
    } else if (s instanceof Break k) {
      b.append(in).append(k.label() == null ? "break;\n" : "break " + k.label() + ";\n");
    } else if (s instanceof Continue k) {
      b.append(in).append(k.label() == null ? "continue;\n" : "continue " + k.label() + ";\n");
    } else if (s instanceof Switch w) {
      b.append(in).append("switch (").append(expr(w.selector())).append(") {\n");
      for (Case c : w.cases()) {
        b.append(in).append("  ");
        caseLabels(c, w.arrow(), b);
        if (w.arrow() && c.body().stmts().size() == 1 && bareInArrow(c.body().stmts().get(0))) {
          b.append(' ').append(stmt(c.body().stmts().get(0))).append('\n');
        } else if (w.arrow()) {
          b.append(" {\n");
          stmts(c.body(), b, in + "    ");
          b.append(in).append("  }\n");
        } else {
          b.append('\n');
          stmts(c.body(), b, in + "    ");
        }
      }
      b.append(in).append("}\n");
    } else if (s instanceof Yield y) {
      b.append(in).append("yield ").append(expr(y.value())).append(";\n");
    } else if (s instanceof Throw t) {
      b.append(in).append("throw new ").append(t.exception()).append('(').append(expr(t.message())).append(");\n");
    } else if (s instanceof Assert a) {
      b.append(in).append("assert ").append(expr(a.cond()));
      if (a.message() != null) {
        b.append(" : ").append(expr(a.message()));
      }
      b.append(";\n");
    } else if (s instanceof ExprStmt x) {
      b.append(in).append(expr(x.expr())).append(";\n");
    } else if (s instanceof Raw r) {
      for (String line : r.text().split("\n", -1)) {
        b.append(in).append(line).append('\n');
      }
    } else {
      throw new IllegalArgumentException(String.valueOf(s));
    }
  }

  /** A statement an arrow case may hold without braces. */
  private static boolean bareInArrow(Stmt s) {
    return s instanceof Assign || s instanceof Incr || s instanceof ExprStmt || s instanceof Throw;
  }

  /** {@code case 1, 2 ->}, {@code case 1: case 2:} or {@code default:}, without a newline. */
  static void caseLabels(Case c, boolean arrow, StringBuilder b) {
    String end = arrow ? " ->" : ":";
    if (c.isDefault()) {
      b.append("default").append(end);
      return;
    }
    if (arrow || c.comma()) {
      b.append("case ");
      for (int i = 0; i < c.labels().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(expr(c.labels().get(i)));
      }
      b.append(end);
      return;
    }
    for (int i = 0; i < c.labels().size(); i++) {
      b.append(i == 0 ? "" : " ").append("case ").append(expr(c.labels().get(i))).append(':');
    }
  }

  private static String label(String label) {
    return label == null ? "" : label + ": ";
  }

  private static String head(Decl d) {
    String type = d.useVar() ? "var" : d.type().java;
    return d.init() == null ? type + " " + d.name() : type + " " + d.name() + " = " + expr(d.init());
  }

  /** A declaration, assignment or increment without its semicolon (also for a for-loop header). */
  static String simple(Stmt s) {
    if (s instanceof Decl d) {
      return head(d);
    }
    if (s instanceof Assign a) {
      return expr(a.target()) + " " + a.op() + " " + expr(a.value());
    }
    if (s instanceof Incr i) {
      String t = expr(i.target());
      String op = i.up() ? "++" : "--";
      return i.prefix() ? op + t : t + op;
    }
    throw new IllegalArgumentException(String.valueOf(s));
  }

  /** Whether a branch may be printed without braces: one statement that is not a declaration. */
  private static boolean bare(If f, Block branch) {
    return !f.braces()
        && branch.stmts().size() == 1
        && !(branch.stmts().get(0) instanceof Decl)
        && !(branch.stmts().get(0) instanceof If)
        && !(branch.stmts().get(0) instanceof Raw); // "if (c) ;" is a warning under -Xlint:empty
  }

  private static void ifChain(If f, StringBuilder b, String in) {
    b.append("if (").append(expr(f.cond())).append(")");
    boolean braced = branch(f, f.then(), b, in);
    if (f.otherwise() == null) {
      if (braced) {
        b.append('\n');
      }
      return;
    }
    b.append(braced ? " else" : in + "else");
    Block o = f.otherwise();
    if (o.stmts().size() == 1 && o.stmts().get(0) instanceof If inner) {
      b.append(' ');
      ifChain(inner, b, in);
      return;
    }
    if (branch(f, o, b, in)) {
      b.append('\n');
    }
  }

  /** Prints a branch; returns whether it was braced (and so is not yet ended by a newline). */
  private static boolean branch(If f, Block branch, StringBuilder b, String in) {
    if (bare(f, branch)) {
      b.append('\n');
      stmt(branch.stmts().get(0), b, in + "  ");
      return false;
    }
    b.append(" {\n");
    stmts(branch, b, in + "  ");
    b.append(in).append("}");
    return true;
  }
}
