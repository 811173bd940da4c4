package io.github.backprop.processor.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated programs as a small immutable tree, so the shrinker can edit them and the printer can
 * write them out again as Java. Every node knows its children, and can be rebuilt with new ones
 * ({@code with}), which is all the shrinker needs.
 */
final class Ast {
  private Ast() {}

  /** The Java types of generated code. */
  enum T {
    DOUBLE("double"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    DOUBLE_ARR("double[]"),
    DOUBLE_ARR2("double[][]"),
    INT_ARR("int[]"),
    /** Only for inactive locals and literals mixed into double code (see {@link Feature#FLOATS}). */
    FLOAT("float"),
    STRING("String"),
    /** {@code C.Mode}, the enum the batch declares in class C; written {@code Mode} there. */
    ENUM("Mode"),
    /** {@code C.P}, the batch's record of two doubles (see {@link Feature#RECORD_VALUES}). */
    POINT("C.P"),
    /** The result of a call used as a statement. */
    VOID("void");

    final String java;

    T(String java) {
      this.java = java;
    }

    boolean numeric() {
      return this == DOUBLE || this == INT || this == LONG;
    }

    boolean array() {
      return this == DOUBLE_ARR || this == DOUBLE_ARR2 || this == INT_ARR;
    }

    T element() {
      return switch (this) {
        case DOUBLE_ARR -> DOUBLE;
        case DOUBLE_ARR2 -> DOUBLE_ARR;
        case INT_ARR -> INT;
        default -> throw new IllegalStateException(this + " is not an array");
      };
    }

    /** Binary numeric promotion. */
    static T promote(T a, T b) {
      if (a == DOUBLE || b == DOUBLE) {
        return DOUBLE;
      }
      if (a == LONG || b == LONG) {
        return LONG;
      }
      return INT;
    }
  }

  // ------------------------------------------------------------------ expressions

  /** Java precedence levels used by the printer. */
  static final int P_ASSIGN = 1;
  static final int P_COND = 2;
  static final int P_OR = 3;
  static final int P_AND = 4;
  static final int P_EQ = 8;
  static final int P_REL = 9;
  static final int P_ADD = 11;
  static final int P_MUL = 12;
  static final int P_UNARY = 13;
  static final int P_PRIMARY = 16;

  sealed interface Expr permits Lit, Ref, Bin, Un, Call, Cond, Cast, Index, Length, NewArray, ArrayInit, Paren, AssignExpr,
          IncrExpr, SwitchExpr {
    T type();

    List<Expr> kids();

    Expr with(List<Expr> kids);

    int prec();

    void print(StringBuilder b);
  }

  /** A literal or a constant name, printed as {@code text}: {@code 0.5}, {@code 3L}, {@code Math.PI}. */
  record Lit(String text, T type) implements Expr {
    public List<Expr> kids() {
      return List.of();
    }

    public Expr with(List<Expr> kids) {
      return this;
    }

    public int prec() {
      return text.startsWith("-") ? P_UNARY : P_PRIMARY;
    }

    public void print(StringBuilder b) {
      b.append(text);
    }

    static Lit d(double v) {
      return new Lit(Printer.doubleLiteral(v), T.DOUBLE);
    }

    static Lit i(int v) {
      return new Lit(Integer.toString(v), T.INT);
    }

    static Lit l(long v) {
      return new Lit(v + "L", T.LONG);
    }

    static Lit bool(boolean v) {
      return new Lit(Boolean.toString(v), T.BOOLEAN);
    }
  }

  record Ref(String name, T type) implements Expr {
    public List<Expr> kids() {
      return List.of();
    }

    public Expr with(List<Expr> kids) {
      return this;
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      b.append(name);
    }
  }

  record Bin(String op, Expr l, Expr r, T type) implements Expr {
    public List<Expr> kids() {
      return List.of(l, r);
    }

    public Expr with(List<Expr> k) {
      return new Bin(op, k.get(0), k.get(1), type);
    }

    public int prec() {
      return precedence(op);
    }

    static int precedence(String op) {
      return switch (op) {
        case "||" -> P_OR;
        case "&&" -> P_AND;
        case "|" -> 5;
        case "^" -> 6;
        case "&" -> 7;
        case "==", "!=" -> P_EQ;
        case "<", "<=", ">", ">=" -> P_REL;
        case "<<", ">>", ">>>" -> 10;
        case "+", "-" -> P_ADD;
        case "*", "/", "%" -> P_MUL;
        default -> throw new IllegalArgumentException(op);
      };
    }

    public void print(StringBuilder b) {
      int p = prec();
      Printer.child(b, l, p);
      b.append(' ').append(op).append(' ');
      Printer.child(b, r, p + 1);
    }
  }

  /** Prefix {@code -}, {@code +}, {@code !} or {@code ~}. */
  record Un(String op, Expr e, T type) implements Expr {
    public List<Expr> kids() {
      return List.of(e);
    }

    public Expr with(List<Expr> k) {
      return new Un(op, k.get(0), type);
    }

    public int prec() {
      return P_UNARY;
    }

    public void print(StringBuilder b) {
      b.append(op);
      // "- -x" must not become "--x"; wrap any prefix operand.
      if (e instanceof Un || (e instanceof Lit l && l.text().startsWith("-")) || e instanceof Cast || e instanceof IncrExpr) {
        b.append('(');
        e.print(b);
        b.append(')');
      } else {
        Printer.child(b, e, P_UNARY);
      }
    }
  }

  /**
   * A call: {@code target} is printed as is ({@code Math.sin}, {@code h0}, {@code H.h1}), so the
   * same node serves Math functions, generated methods and plain helpers.
   */
  record Call(String target, List<Expr> args, T type) implements Expr {
    public List<Expr> kids() {
      return args;
    }

    public Expr with(List<Expr> k) {
      return new Call(target, List.copyOf(k), type);
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      b.append(target).append('(');
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        args.get(i).print(b);
      }
      b.append(')');
    }

    /** The function name without its owner: {@code sin} for {@code StrictMath.sin}. */
    String name() {
      int dot = target.lastIndexOf('.');
      return dot < 0 ? target : target.substring(dot + 1);
    }
  }

  record Cond(Expr c, Expr a, Expr b, T type) implements Expr {
    public List<Expr> kids() {
      return List.of(c, a, b);
    }

    public Expr with(List<Expr> k) {
      return new Cond(k.get(0), k.get(1), k.get(2), type);
    }

    public int prec() {
      return P_COND;
    }

    public void print(StringBuilder out) {
      Printer.child(out, c, P_COND + 1);
      out.append(" ? ");
      Printer.child(out, a, P_COND + 1);
      out.append(" : ");
      Printer.child(out, b, P_COND);
    }
  }

  record Cast(T to, Expr e) implements Expr {
    public T type() {
      return to;
    }

    public List<Expr> kids() {
      return List.of(e);
    }

    public Expr with(List<Expr> k) {
      return new Cast(to, k.get(0));
    }

    public int prec() {
      return P_UNARY;
    }

    public void print(StringBuilder b) {
      b.append('(').append(to.java).append(") ");
      Printer.child(b, e, P_UNARY + 1);
    }
  }

  /** Parentheses the printer would not need: javac keeps them as a tree of their own. */
  record Paren(Expr e) implements Expr {
    public T type() {
      return e.type();
    }

    public List<Expr> kids() {
      return List.of(e);
    }

    public Expr with(List<Expr> k) {
      return new Paren(k.get(0));
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      b.append('(');
      e.print(b);
      b.append(')');
    }
  }

  /** {@code array[index]}. */
  record Index(Expr array, Expr index, T type) implements Expr {
    public List<Expr> kids() {
      return List.of(array, index);
    }

    public Expr with(List<Expr> k) {
      return new Index(k.get(0), k.get(1), type);
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      Printer.child(b, array, P_PRIMARY);
      b.append('[');
      index.print(b);
      b.append(']');
    }
  }

  record Length(Expr array) implements Expr {
    public T type() {
      return T.INT;
    }

    public List<Expr> kids() {
      return List.of(array);
    }

    public Expr with(List<Expr> k) {
      return new Length(k.get(0));
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      Printer.child(b, array, P_PRIMARY);
      b.append(".length");
    }
  }

  /** {@code new double[n]} or {@code new double[n][m]}. */
  record NewArray(T type, List<Expr> dims) implements Expr {
    public List<Expr> kids() {
      return dims;
    }

    public Expr with(List<Expr> k) {
      return new NewArray(type, List.copyOf(k));
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      T base = type;
      while (base.array()) {
        base = base.element();
      }
      b.append("new ").append(base.java);
      for (Expr d : dims) {
        b.append('[');
        d.print(b);
        b.append(']');
      }
    }
  }

  /** {@code {a, b, c}}: only as a declaration's initialiser, or nested in another. */
  record ArrayInit(T type, List<Expr> elems) implements Expr {
    public List<Expr> kids() {
      return elems;
    }

    public Expr with(List<Expr> k) {
      return new ArrayInit(type, List.copyOf(k));
    }

    public int prec() {
      return P_PRIMARY;
    }

    public void print(StringBuilder b) {
      b.append('{');
      for (int i = 0; i < elems.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        elems.get(i).print(b);
      }
      b.append('}');
    }
  }

  /** An assignment used as a value: {@code (a = e)}, {@code (s += e)}, {@code w[i] = e}. */
  record AssignExpr(Expr target, String op, Expr value) implements Expr {
    public T type() {
      return target.type();
    }

    public List<Expr> kids() {
      return List.of(target, value);
    }

    public Expr with(List<Expr> k) {
      return new AssignExpr(k.get(0), op, k.get(1));
    }

    public int prec() {
      return P_ASSIGN;
    }

    public void print(StringBuilder b) {
      Printer.child(b, target, P_PRIMARY);
      b.append(' ').append(op).append(' ');
      Printer.child(b, value, P_ASSIGN);
    }
  }

  /** {@code x++}, {@code ++x}, {@code x--} or {@code --x} used as a value. */
  record IncrExpr(Expr target, boolean up, boolean prefix) implements Expr {
    public T type() {
      return target.type();
    }

    public List<Expr> kids() {
      return List.of(target);
    }

    public Expr with(List<Expr> k) {
      return new IncrExpr(k.get(0), up, prefix);
    }

    public int prec() {
      return P_UNARY;
    }

    public void print(StringBuilder b) {
      String op = up ? "++" : "--";
      if (prefix) {
        b.append(op);
      }
      Printer.child(b, target, P_PRIMARY);
      if (!prefix) {
        b.append(op);
      }
    }
  }

  /**
   * One case of a switch: its labels (none for {@code default}), and its body. In the colon form
   * the body's statements follow the labels (and may fall through); in the arrow form the body is
   * a block, or a single expression statement, throw or yield printed bare. {@code comma}: several
   * labels as {@code case 1, 2:} rather than stacked {@code case 1: case 2:}.
   */
  record Case(List<Expr> labels, Block body, boolean comma) {
    Case {
      labels = List.copyOf(labels);
    }

    boolean isDefault() {
      return labels.isEmpty();
    }
  }

  /**
   * A switch expression, printed on one line. Its kids are the selector and then every
   * expression of its case bodies in order ({@link #exprsIn}), so edits reach them.
   */
  record SwitchExpr(Expr selector, List<Case> cases, boolean arrow, T type) implements Expr {
    SwitchExpr {
      cases = List.copyOf(cases);
    }

    public List<Expr> kids() {
      List<Expr> out = new ArrayList<>();
      out.add(selector);
      for (Case c : cases) {
        out.addAll(exprsIn(c.body()));
      }
      return out;
    }

    public Expr with(List<Expr> k) {
      java.util.Iterator<Expr> it = k.iterator();
      Expr sel = it.next();
      List<Case> cs = new ArrayList<>();
      for (Case c : cases) {
        cs.add(new Case(c.labels(), (Block) withExprs(c.body(), it), c.comma()));
      }
      return new SwitchExpr(sel, cs, arrow, type);
    }

    public int prec() {
      return P_UNARY;
    }

    public void print(StringBuilder b) {
      b.append("switch (");
      selector.print(b);
      b.append(") {");
      for (Case c : cases) {
        b.append(' ');
        Printer.caseLabels(c, arrow, b);
        if (arrow && c.body().stmts().size() == 1 && c.body().stmts().get(0) instanceof Yield y) {
          b.append(' ');
          y.value().print(b);
          b.append(';');
        } else if (arrow && c.body().stmts().size() == 1 && c.body().stmts().get(0) instanceof Throw) {
          b.append(' ').append(Printer.stmt(c.body().stmts().get(0)));
        } else {
          b.append(arrow ? " {" : "");
          for (Stmt s : c.body().stmts()) {
            b.append(' ').append(Printer.stmt(s));
          }
          b.append(arrow ? " }" : "");
        }
      }
      b.append(" }");
    }
  }

  /** The expressions of a statement tree, in the order {@link #withExprs} takes them back. */
  static List<Expr> exprsIn(Stmt s) {
    List<Expr> out = new ArrayList<>(exprsOf(s));
    if (s instanceof Block k) {
      for (Stmt x : k.stmts()) {
        out.addAll(exprsIn(x));
      }
    } else if (s instanceof If f) {
      out.addAll(exprsIn(f.then()));
      if (f.otherwise() != null) {
        out.addAll(exprsIn(f.otherwise()));
      }
    }
    return out;
  }

  /**
   * {@code s} with its expressions replaced, in {@link #exprsIn} order. Only the statements a
   * switch expression's cases hold: declarations, assignments, yields, throws, ifs and blocks.
   */
  static Stmt withExprs(Stmt s, java.util.Iterator<Expr> it) {
    if (s instanceof Decl d) {
      return d.init() == null ? d : new Decl(d.type(), d.name(), it.next(), d.useVar());
    }
    if (s instanceof Assign a) {
      return new Assign(it.next(), a.op(), it.next());
    }
    if (s instanceof Yield) {
      return new Yield(it.next());
    }
    if (s instanceof Throw t) {
      return new Throw(t.exception(), it.next());
    }
    if (s instanceof Block k) {
      List<Stmt> out = new ArrayList<>();
      for (Stmt x : k.stmts()) {
        out.add(withExprs(x, it));
      }
      return new Block(out);
    }
    if (s instanceof If f) {
      Expr c = it.next();
      Block t = (Block) withExprs(f.then(), it);
      Block o = f.otherwise() == null ? null : (Block) withExprs(f.otherwise(), it);
      return new If(c, t, o, f.braces());
    }
    if (!exprsOf(s).isEmpty()) {
      throw new IllegalArgumentException("not inside a switch expression: " + s);
    }
    return s;
  }

  // ------------------------------------------------------------------ statements

  sealed interface Stmt
      permits Decl, Assign, Incr, If, Return, Block, For, While, DoWhile, ForEach, Break, Continue, Raw, Switch, Yield,
          Throw, Assert, ExprStmt {}

  /** {@code double t = e;}, {@code var t = e;} or {@code double t;}. */
  record Decl(T type, String name, Expr init, boolean useVar) implements Stmt {}

  /** {@code target op value;} with op one of {@code = += -= *= /= %=}; target a Ref or an Index. */
  record Assign(Expr target, String op, Expr value) implements Stmt {}

  /** {@code ++x}, {@code x++}, {@code --x} or {@code x--}: {@code prefix} and {@code up} say which. */
  record Incr(Expr target, boolean up, boolean prefix) implements Stmt {}

  /**
   * {@code if (cond) then else otherwise}; otherwise may be null. Without {@code braces}, a branch
   * of one statement is printed bare ({@code if (c) x = 1;}), as javac then sees no block.
   */
  record If(Expr cond, Block then, Block otherwise, boolean braces) implements Stmt {
    If(Expr cond, Block then, Block otherwise) {
      this(cond, then, otherwise, true);
    }
  }

  record Return(Expr value) implements Stmt {}

  /** A block; {@code braces} false for a method body or a branch printed by its owner. */
  record Block(List<Stmt> stmts) implements Stmt {
    Block {
      stmts = List.copyOf(stmts);
    }

    static Block of(Stmt... s) {
      return new Block(List.of(s));
    }
  }

  /** {@code label: for (init; cond; update) body}; label may be null. */
  record For(String label, Stmt init, Expr cond, Stmt update, Block body) implements Stmt {}

  record While(String label, Expr cond, Block body) implements Stmt {}

  record DoWhile(String label, Block body, Expr cond) implements Stmt {}

  record ForEach(String label, T elemType, String var, Expr array, Block body) implements Stmt {}

  record Break(String label) implements Stmt {}

  record Continue(String label) implements Stmt {}

  /** A switch statement, colon or arrow form. */
  record Switch(Expr selector, List<Case> cases, boolean arrow) implements Stmt {
    Switch {
      cases = List.copyOf(cases);
    }
  }

  /** {@code yield e;} inside a switch expression. */
  record Yield(Expr value) implements Stmt {}

  /** {@code throw new exception(message);}. */
  record Throw(String exception, Expr message) implements Stmt {}

  /** {@code assert cond;} or {@code assert cond : message;} (message may be null). */
  record Assert(Expr cond, Expr message) implements Stmt {}

  /** An expression used as a statement: a call of a void helper. */
  record ExprStmt(Expr expr) implements Stmt {}

  /** Source text as is, for the invalid-program generator. */
  record Raw(String text) implements Stmt {}

  // ------------------------------------------------------------------ methods and classes

  record Param(T type, String name) {}

  /**
   * One method. {@code owner} is the simple name of its class; {@code differentiable} whether it
   * carries the annotation (plain helpers do not).
   */
  record Method(
      String owner,
      String name,
      List<Param> params,
      Block body,
      boolean differentiable,
      boolean isPrivate) {
    Method {
      params = List.copyOf(params);
    }

    Method withBody(Block b) {
      return new Method(owner, name, params, b, differentiable, isPrivate);
    }

    Method withParams(List<Param> p, Block b) {
      return new Method(owner, name, p, b, differentiable, isPrivate);
    }

    String signatureKey() {
      StringBuilder s = new StringBuilder(owner).append('.').append(name).append('(');
      for (Param p : params) {
        s.append(p.type().java).append(',');
      }
      return s.append(')').toString();
    }
  }

  /** Every expression of a statement tree, outermost first. */
  static List<Expr> exprsOf(Stmt s) {
    List<Expr> out = new ArrayList<>();
    if (s instanceof Decl d) {
      if (d.init() != null) {
        out.add(d.init());
      }
    } else if (s instanceof Assign a) {
      out.add(a.target());
      out.add(a.value());
    } else if (s instanceof Incr i) {
      out.add(i.target());
    } else if (s instanceof If f) {
      out.add(f.cond());
    } else if (s instanceof Return r) {
      out.add(r.value());
    } else if (s instanceof For f) {
      out.add(f.cond());
    } else if (s instanceof While w) {
      out.add(w.cond());
    } else if (s instanceof DoWhile w) {
      out.add(w.cond());
    } else if (s instanceof ForEach f) {
      out.add(f.array());
    } else if (s instanceof Switch w) {
      out.add(w.selector());
    } else if (s instanceof Yield y) {
      out.add(y.value());
    } else if (s instanceof Throw t) {
      out.add(t.message());
    } else if (s instanceof Assert a) {
      out.add(a.cond());
      if (a.message() != null) {
        out.add(a.message());
      }
    } else if (s instanceof ExprStmt x) {
      out.add(x.expr());
    }
    return out;
  }
}
