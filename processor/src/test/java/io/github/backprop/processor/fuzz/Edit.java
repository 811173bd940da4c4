package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.Assert;
import io.github.backprop.processor.fuzz.Ast.Assign;
import io.github.backprop.processor.fuzz.Ast.AssignExpr;
import io.github.backprop.processor.fuzz.Ast.Case;
import io.github.backprop.processor.fuzz.Ast.ExprStmt;
import io.github.backprop.processor.fuzz.Ast.IncrExpr;
import io.github.backprop.processor.fuzz.Ast.Switch;
import io.github.backprop.processor.fuzz.Ast.SwitchExpr;
import io.github.backprop.processor.fuzz.Ast.Throw;
import io.github.backprop.processor.fuzz.Ast.Yield;
import io.github.backprop.processor.fuzz.Ast.Block;
import io.github.backprop.processor.fuzz.Ast.Break;
import io.github.backprop.processor.fuzz.Ast.Call;
import io.github.backprop.processor.fuzz.Ast.Cond;
import io.github.backprop.processor.fuzz.Ast.Continue;
import io.github.backprop.processor.fuzz.Ast.Decl;
import io.github.backprop.processor.fuzz.Ast.DoWhile;
import io.github.backprop.processor.fuzz.Ast.Expr;
import io.github.backprop.processor.fuzz.Ast.For;
import io.github.backprop.processor.fuzz.Ast.ForEach;
import io.github.backprop.processor.fuzz.Ast.If;
import io.github.backprop.processor.fuzz.Ast.Incr;
import io.github.backprop.processor.fuzz.Ast.Index;
import io.github.backprop.processor.fuzz.Ast.Lit;
import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.Raw;
import io.github.backprop.processor.fuzz.Ast.Ref;
import io.github.backprop.processor.fuzz.Ast.Return;
import io.github.backprop.processor.fuzz.Ast.Stmt;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Ast.While;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Edits of a method for the shrinker: every variant that removes one statement, replaces an if
 * or a loop by one of its blocks, or replaces one expression by a smaller one of the same type
 * (one of its operands, a literal, a parameter). A light validity check (scopes, definite
 * assignment of split declarations, reachability, a return on every path) drops variants javac
 * would reject, so that a batch of variants still compiles.
 */
final class Edit {
  private Edit() {}

  // ------------------------------------------------------------------ structure

  static List<Stmt> children(Stmt s) {
    if (s instanceof Block b) {
      return b.stmts();
    }
    if (s instanceof If f) {
      List<Stmt> out = new ArrayList<>();
      out.add(f.then());
      if (f.otherwise() != null) {
        out.add(f.otherwise());
      }
      return out;
    }
    if (s instanceof For f) {
      List<Stmt> out = new ArrayList<>();
      if (f.init() != null) {
        out.add(f.init());
      }
      if (f.update() != null) {
        out.add(f.update());
      }
      out.add(f.body());
      return out;
    }
    if (s instanceof While w) {
      return List.of(w.body());
    }
    if (s instanceof DoWhile w) {
      return List.of(w.body());
    }
    if (s instanceof ForEach f) {
      return List.of(f.body());
    }
    if (s instanceof Switch w) {
      List<Stmt> out = new ArrayList<>();
      for (Case c : w.cases()) {
        out.add(c.body());
      }
      return out;
    }
    return List.of();
  }

  /** The number of nodes, statements and expressions: what the shrinker minimises. */
  static int size(Method m) {
    int[] n = {m.params().size()};
    Batch.walk(m.body(), e -> n[0]++);
    countStmts(m.body(), n);
    return n[0];
  }

  private static void countStmts(Stmt s, int[] n) {
    n[0]++;
    for (Stmt c : children(s)) {
      countStmts(c, n);
    }
  }

  // ------------------------------------------------------------------ variants

  /** Every one-edit variant of {@code m} that passes the validity check. */
  static List<Method> variants(Method m) {
    List<Method> out = new ArrayList<>();
    for (Block b : blockVariants(m.body())) {
      Method v = m.withBody(b);
      if (valid(v)) {
        out.add(v);
      }
    }
    // Drop an unused parameter, or replace a double parameter's uses by a literal and drop it.
    for (int i = 0; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      List<Param> ps = new ArrayList<>(m.params());
      ps.remove(i);
      Block body = m.body();
      if (mentions(body, p.name())) {
        Expr lit = literal(p.type());
        if (lit == null || assigns(body, p.name())) {
          continue;
        }
        body = (Block) substitute(body, p.name(), lit);
      }
      Method v = m.withParams(ps, body);
      if (valid(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Block> blockVariants(Block b) {
    List<Block> out = new ArrayList<>();
    List<Stmt> s = b.stmts();
    for (int i = 0; i < s.size(); i++) {
      List<Stmt> removed = new ArrayList<>(s);
      removed.remove(i);
      out.add(new Block(removed));
      for (List<Stmt> replacement : stmtVariants(s.get(i))) {
        List<Stmt> changed = new ArrayList<>(s.subList(0, i));
        changed.addAll(replacement);
        changed.addAll(s.subList(i + 1, s.size()));
        out.add(new Block(changed));
      }
    }
    return out;
  }

  /** Replacements for one statement (each a list: an inlined block gives several). */
  private static List<List<Stmt>> stmtVariants(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Block k) {
      out.add(k.stmts());
      for (Block v : blockVariants(k)) {
        out.add(List.of(v));
      }
      return out;
    }
    if (s instanceof If f) {
      out.add(List.of(f.then()));
      if (f.otherwise() != null) {
        out.add(List.of(f.otherwise()));
        out.add(List.of(new If(f.cond(), f.then(), null, f.braces())));
        if (!f.braces()) {
          out.add(List.of(new If(f.cond(), f.then(), f.otherwise(), true)));
        }
      }
      for (Block v : blockVariants(f.then())) {
        out.add(List.of(new If(f.cond(), v, f.otherwise(), f.braces())));
      }
      if (f.otherwise() != null) {
        for (Block v : blockVariants(f.otherwise())) {
          out.add(List.of(new If(f.cond(), f.then(), v, f.braces())));
        }
      }
      for (Expr c : exprVariants(f.cond(), true)) {
        out.add(List.of(new If(c, f.then(), f.otherwise(), f.braces())));
      }
      return out;
    }
    if (s instanceof For f) {
      for (Block v : blockVariants(f.body())) {
        out.add(List.of(new For(f.label(), f.init(), f.cond(), f.update(), v)));
      }
      for (Expr c : exprVariants(f.cond(), false)) {
        out.add(List.of(new For(f.label(), f.init(), c, f.update(), f.body())));
      }
      if (f.label() != null) {
        out.add(List.of(new For(null, f.init(), f.cond(), f.update(), f.body())));
      }
      return out;
    }
    if (s instanceof While w) {
      for (Block v : blockVariants(w.body())) {
        out.add(List.of(new While(w.label(), w.cond(), v)));
      }
      out.add(List.of(new DoWhile(w.label(), w.body(), w.cond())));
      return out;
    }
    if (s instanceof DoWhile w) {
      out.add(w.body().stmts());
      for (Block v : blockVariants(w.body())) {
        out.add(List.of(new DoWhile(w.label(), v, w.cond())));
      }
      return out;
    }
    if (s instanceof ForEach f) {
      for (Block v : blockVariants(f.body())) {
        out.add(List.of(new ForEach(f.label(), f.elemType(), f.var(), f.array(), v)));
      }
      return out;
    }
    if (s instanceof Switch w) {
      List<Case> cs = w.cases();
      for (int i = 0; i < cs.size(); i++) {
        out.add(cs.get(i).body().stmts());
        List<Case> removed = new ArrayList<>(cs);
        removed.remove(i);
        out.add(List.of(new Switch(w.selector(), removed, w.arrow())));
        for (Block v : blockVariants(cs.get(i).body())) {
          List<Case> changed = new ArrayList<>(cs);
          changed.set(i, new Case(cs.get(i).labels(), v, cs.get(i).comma()));
          out.add(List.of(new Switch(w.selector(), changed, w.arrow())));
        }
      }
      for (Expr c : exprVariants(w.selector(), true)) {
        out.add(List.of(new Switch(c, cs, w.arrow())));
      }
      return out;
    }
    if (s instanceof Throw t) {
      for (Expr e : exprVariants(t.message(), true)) {
        out.add(List.of(new Throw(t.exception(), e)));
      }
      return out;
    }
    if (s instanceof Assert a) {
      if (a.message() != null) {
        out.add(List.of(new Assert(a.cond(), null)));
      }
      for (Expr e : exprVariants(a.cond(), false)) {
        out.add(List.of(new Assert(e, a.message())));
      }
      return out;
    }
    if (s instanceof ExprStmt x) {
      for (Expr e : exprVariants(x.expr(), false)) {
        if (e instanceof Call) {
          out.add(List.of(new ExprStmt(e)));
        }
      }
      return out;
    }
    if (s instanceof Decl d && d.init() != null) {
      for (Expr e : exprVariants(d.init(), true)) {
        out.add(List.of(new Decl(d.type(), d.name(), e, d.useVar())));
      }
      if (d.useVar()) {
        out.add(List.of(new Decl(d.type(), d.name(), d.init(), false)));
      }
      return out;
    }
    if (s instanceof Assign a) {
      for (Expr e : exprVariants(a.value(), true)) {
        out.add(List.of(new Assign(a.target(), a.op(), e)));
      }
      if (!a.op().equals("=") && a.target().type() == T.DOUBLE && !a.op().equals("%=")) {
        String op = a.op().substring(0, 1);
        out.add(List.of(new Assign(a.target(), "=", new Ast.Bin(op, a.target(), a.value(), T.DOUBLE))));
      }
      return out;
    }
    if (s instanceof Return r) {
      for (Expr e : exprVariants(r.value(), true)) {
        out.add(List.of(new Return(e)));
      }
      return out;
    }
    if (s instanceof Incr i && i.target().type() == T.INT) {
      out.add(List.of(new Assign(i.target(), i.up() ? "+=" : "-=", Lit.i(1))));
    }
    return out;
  }

  /**
   * Smaller expressions of the same type: an operand, a literal, or edits inside it. {@code
   * literals}: whether the expression itself may become a literal (not a loop condition, where a
   * constant false makes the body unreachable).
   */
  static List<Expr> exprVariants(Expr e, boolean literals) {
    List<Expr> out = new ArrayList<>();
    for (Expr k : e.kids()) {
      if (k.type() == e.type() && !(e instanceof Index)) {
        out.add(k);
      }
    }
    boolean writes = e instanceof AssignExpr || e instanceof IncrExpr;
    if (literals && !(e instanceof Lit)) {
      Expr lit = literal(e.type());
      if (lit != null) {
        out.add(lit);
      }
      if (e.type() == T.BOOLEAN) {
        out.add(Lit.bool(false));
      }
    }
    if (e instanceof Lit l && l.type() == T.DOUBLE && !l.text().equals("1.0") && !l.text().equals("0.5")) {
      out.add(Lit.d(1));
    }
    List<Expr> kids = e.kids();
    for (int i = 0; i < kids.size(); i++) {
      if ((e instanceof Index || writes) && i == 0) {
        continue; // an array or a variable written stays what it is
      }
      // Keep an int literal argument of pow or scalb an int, and never touch array creation sizes.
      for (Expr v : exprVariants(kids.get(i), !(e instanceof Ast.NewArray))) {
        if (v.type() != kids.get(i).type()) {
          continue;
        }
        List<Expr> changed = new ArrayList<>(kids);
        changed.set(i, v);
        out.add(e.with(changed));
      }
    }
    return out;
  }

  static Expr literal(T t) {
    return switch (t) {
      case DOUBLE -> Lit.d(0.5);
      case INT -> Lit.i(1);
      case LONG -> Lit.l(1);
      case BOOLEAN -> Lit.bool(true);
      case FLOAT -> new Lit("0.5f", T.FLOAT);
      default -> null;
    };
  }

  // ------------------------------------------------------------------ names

  static boolean mentions(Stmt s, String name) {
    boolean[] found = {false};
    Batch.walk(s, e -> found[0] |= e instanceof Ref r && r.name().equals(name));
    forEachStmt(s, x -> {
      if (x instanceof ForEach f && f.var().equals(name)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean assigns(Stmt s, String name) {
    boolean[] found = {false};
    forEachStmt(s, x -> {
      if (x instanceof Assign a && a.target() instanceof Ref r && r.name().equals(name)) {
        found[0] = true;
      }
      if (x instanceof Incr i && i.target() instanceof Ref r && r.name().equals(name)) {
        found[0] = true;
      }
    });
    Batch.walk(s, e -> {
      Expr t = e instanceof AssignExpr a ? a.target() : e instanceof IncrExpr i ? i.target() : null;
      if (t instanceof Ref r && r.name().equals(name)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  static void forEachStmt(Stmt s, java.util.function.Consumer<Stmt> visit) {
    visit.accept(s);
    for (Stmt c : children(s)) {
      forEachStmt(c, visit);
    }
  }

  /** {@code s} with every read of {@code name} replaced by {@code with}. */
  static Stmt substitute(Stmt s, String name, Expr with) {
    if (s instanceof Block b) {
      List<Stmt> out = new ArrayList<>();
      for (Stmt x : b.stmts()) {
        out.add(substitute(x, name, with));
      }
      return new Block(out);
    }
    if (s instanceof If f) {
      return new If(sub(f.cond(), name, with), (Block) substitute(f.then(), name, with),
          f.otherwise() == null ? null : (Block) substitute(f.otherwise(), name, with), f.braces());
    }
    if (s instanceof Decl d) {
      return d.init() == null ? d : new Decl(d.type(), d.name(), sub(d.init(), name, with), d.useVar());
    }
    if (s instanceof Assign a) {
      Expr target = a.target() instanceof Index ? sub(a.target(), name, with) : a.target();
      return new Assign(target, a.op(), sub(a.value(), name, with));
    }
    if (s instanceof Return r) {
      return new Return(sub(r.value(), name, with));
    }
    if (s instanceof For f) {
      return new For(f.label(), f.init() == null ? null : substitute(f.init(), name, with), sub(f.cond(), name, with),
          f.update(), (Block) substitute(f.body(), name, with));
    }
    if (s instanceof While w) {
      return new While(w.label(), sub(w.cond(), name, with), (Block) substitute(w.body(), name, with));
    }
    if (s instanceof DoWhile w) {
      return new DoWhile(w.label(), (Block) substitute(w.body(), name, with), sub(w.cond(), name, with));
    }
    if (s instanceof ForEach f) {
      return new ForEach(f.label(), f.elemType(), f.var(), sub(f.array(), name, with), (Block) substitute(f.body(), name, with));
    }
    if (s instanceof Switch w) {
      List<Case> cs = new ArrayList<>();
      for (Case c : w.cases()) {
        cs.add(new Case(c.labels(), (Block) substitute(c.body(), name, with), c.comma()));
      }
      return new Switch(sub(w.selector(), name, with), cs, w.arrow());
    }
    if (s instanceof Throw t) {
      return new Throw(t.exception(), sub(t.message(), name, with));
    }
    if (s instanceof Assert a) {
      return new Assert(sub(a.cond(), name, with), sub(a.message(), name, with));
    }
    if (s instanceof ExprStmt x) {
      return new ExprStmt(sub(x.expr(), name, with));
    }
    if (s instanceof Yield y) {
      return new Yield(sub(y.value(), name, with));
    }
    return s;
  }

  private static Expr sub(Expr e, String name, Expr with) {
    if (e == null) {
      return null;
    }
    if (e instanceof Ref r && r.name().equals(name)) {
      return with;
    }
    List<Expr> kids = new ArrayList<>();
    for (Expr k : e.kids()) {
      kids.add(sub(k, name, with));
    }
    return kids.isEmpty() ? e : e.with(kids);
  }

  // ------------------------------------------------------------------ validity

  /**
   * Whether javac would accept {@code m} as far as this can tell: every name is declared before
   * use and in scope, no local is declared twice in nested scopes, a local declared without a
   * value is assigned before it is read, no statement follows one that always returns, every path
   * ends in a return, and break/continue sit inside a loop with their label.
   */
  static boolean valid(Method m) {
    Scope s = new Scope(null);
    for (Param p : m.params()) {
      s.names.add(p.name());
      s.assigned.add(p.name());
    }
    try {
      Flow f = block(m.body(), s, new ArrayList<>(), 0);
      return f == Flow.ENDS;
    } catch (Invalid e) {
      return false;
    }
  }

  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super(null, null, false, false);
    }
  }

  private enum Flow {
    GOES_ON,
    ENDS
  }

  private static final class Scope {
    final Scope parent;
    final Set<String> names = new HashSet<>();
    Set<String> assigned = new HashSet<>();

    Scope(Scope parent) {
      this.parent = parent;
      if (parent != null) {
        assigned.addAll(parent.assigned);
      }
    }

    boolean declared(String n) {
      return names.contains(n) || (parent != null && parent.declared(n));
    }
  }

  /**
   * What a break or continue may leave: {@code loops} counts enclosing loops in its low 16 bits
   * and adds {@code SWITCH} per enclosing switch statement, which a break may leave but a
   * continue may not.
   */
  private static final int SWITCH = 1 << 16;

  private static Flow block(Block b, Scope outer, List<String> labels, int loops) {
    Scope s = new Scope(outer);
    Flow flow = Flow.GOES_ON;
    for (Stmt x : b.stmts()) {
      if (flow == Flow.ENDS) {
        throw new Invalid(); // unreachable
      }
      flow = stmt(x, s, labels, loops);
    }
    outer.assigned.addAll(intersectDeclared(s.assigned, outer));
    return flow;
  }

  private static Set<String> intersectDeclared(Set<String> assigned, Scope outer) {
    Set<String> out = new HashSet<>();
    for (String n : assigned) {
      if (outer.declared(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static Flow stmt(Stmt x, Scope s, List<String> labels, int loops) {
    if (x instanceof Decl d) {
      if (d.init() != null) {
        reads(d.init(), s);
      }
      if (s.declared(d.name())) {
        throw new Invalid();
      }
      s.names.add(d.name());
      if (d.init() != null) {
        s.assigned.add(d.name());
      }
      return Flow.GOES_ON;
    }
    if (x instanceof Assign a) {
      reads(a.value(), s);
      if (a.target() instanceof Ref r) {
        if (!s.declared(r.name())) {
          throw new Invalid();
        }
        if (!a.op().equals("=")) {
          reads(r, s);
        }
        s.assigned.add(r.name());
      } else {
        reads(a.target(), s);
      }
      return Flow.GOES_ON;
    }
    if (x instanceof Incr i) {
      reads(i.target(), s);
      return Flow.GOES_ON;
    }
    if (x instanceof Return r) {
      reads(r.value(), s);
      return Flow.ENDS;
    }
    if (x instanceof Block b) {
      return block(b, s, labels, loops);
    }
    if (x instanceof If f) {
      reads(f.cond(), s);
      Scope a = new Scope(s);
      Flow ft = block(f.then(), a, labels, loops);
      Scope b = new Scope(s);
      Flow fe = f.otherwise() == null ? Flow.GOES_ON : block(f.otherwise(), b, labels, loops);
      Set<String> after = new HashSet<>(s.assigned);
      Set<String> ta = ft == Flow.ENDS ? null : a.assigned;
      Set<String> ea = fe == Flow.ENDS ? null : b.assigned;
      if (ta != null && ea != null) {
        Set<String> both = new HashSet<>(ta);
        both.retainAll(ea);
        after.addAll(both);
      } else if (ta != null) {
        after.addAll(ta);
      } else if (ea != null) {
        after.addAll(ea);
      }
      s.assigned = intersectDeclared(after, s);
      return ft == Flow.ENDS && fe == Flow.ENDS ? Flow.ENDS : Flow.GOES_ON;
    }
    if (x instanceof For f) {
      Scope inner = new Scope(s);
      if (f.init() != null) {
        stmt(f.init(), inner, labels, loops);
      }
      if (f.cond() != null) {
        reads(f.cond(), inner);
      }
      List<String> ls = withLabel(labels, f.label());
      block(f.body(), new Scope(inner), ls, loops + 1);
      return Flow.GOES_ON;
    }
    if (x instanceof While w) {
      reads(w.cond(), s);
      block(w.body(), new Scope(s), withLabel(labels, w.label()), loops + 1);
      return Flow.GOES_ON;
    }
    if (x instanceof DoWhile w) {
      Scope inner = new Scope(s);
      Flow fb = block(w.body(), inner, withLabel(labels, w.label()), loops + 1);
      reads(w.cond(), s);
      boolean jumps = hasJump(w.body());
      return fb == Flow.ENDS && !jumps ? Flow.ENDS : Flow.GOES_ON;
    }
    if (x instanceof ForEach f) {
      reads(f.array(), s);
      Scope inner = new Scope(s);
      if (s.declared(f.var())) {
        throw new Invalid();
      }
      inner.names.add(f.var());
      inner.assigned.add(f.var());
      block(f.body(), inner, withLabel(labels, f.label()), loops + 1);
      return Flow.GOES_ON;
    }
    if (x instanceof Break k) {
      if (loops == 0 || (k.label() != null && !labels.contains(k.label()))) {
        throw new Invalid();
      }
      return Flow.ENDS;
    }
    if (x instanceof Continue k) {
      if ((loops & (SWITCH - 1)) == 0 || (k.label() != null && !labels.contains(k.label()))) {
        throw new Invalid();
      }
      return Flow.ENDS;
    }
    if (x instanceof Raw) {
      return Flow.GOES_ON;
    }
    if (x instanceof Throw t) {
      reads(t.message(), s);
      return Flow.ENDS;
    }
    if (x instanceof Yield y) {
      reads(y.value(), s);
      return Flow.ENDS;
    }
    if (x instanceof Assert a) {
      reads(a.cond(), s);
      if (a.message() != null) {
        reads(a.message(), s);
      }
      return Flow.GOES_ON;
    }
    if (x instanceof ExprStmt e) {
      reads(e.expr(), s);
      return Flow.GOES_ON;
    }
    if (x instanceof Switch w) {
      reads(w.selector(), s);
      boolean hasDefault = false;
      boolean goesOn = false;
      // A break in any group leaves the switch; kept apart, as a colon group's fall-through
      // below only counts for the last group.
      boolean breaks = false;
      Scope shared = new Scope(s);
      for (Case c : w.cases()) {
        hasDefault |= c.isDefault();
        Flow f;
        if (w.arrow()) {
          f = block(c.body(), shared, labels, loops + SWITCH);
          goesOn |= f == Flow.GOES_ON;
        } else {
          // A colon group's locals stay in scope in the groups after it, unassigned there.
          Scope g = new Scope(shared);
          g.assigned = new HashSet<>(shared.assigned);
          f = Flow.GOES_ON;
          for (Stmt y : c.body().stmts()) {
            if (f == Flow.ENDS) {
              throw new Invalid();
            }
            f = stmt(y, g, labels, loops + SWITCH);
          }
          shared.names.addAll(g.names);
          goesOn = f == Flow.GOES_ON; // only the last group falls out of the switch
        }
        breaks |= breaksOut(c.body());
      }
      return hasDefault && !goesOn && !breaks ? Flow.ENDS : Flow.GOES_ON;
    }
    throw new Invalid();
  }

  /** Whether a plain {@code break} in {@code s} leaves the switch {@code s} is a case of. */
  private static boolean breaksOut(Stmt s) {
    if (s instanceof Break k) {
      return k.label() == null;
    }
    if (s instanceof For || s instanceof While || s instanceof DoWhile || s instanceof ForEach || s instanceof Switch) {
      return false;
    }
    for (Stmt c : children(s)) {
      if (breaksOut(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJump(Stmt s) {
    boolean[] found = {false};
    forEachStmt(s, x -> found[0] |= x instanceof Break || x instanceof Continue);
    return found[0];
  }

  private static List<String> withLabel(List<String> labels, String label) {
    if (label == null) {
      return labels;
    }
    List<String> out = new ArrayList<>(labels);
    out.add(label);
    return out;
  }

  private static void reads(Expr e, Scope s) {
    if (e instanceof SwitchExpr w) {
      reads(w.selector(), s);
      boolean hasDefault = false;
      for (Case c : w.cases()) {
        hasDefault |= c.isDefault();
        // Every case ends in a yield or a throw; no jump leaves a switch expression.
        if (block(c.body(), new Scope(s), List.of(), 0) != Flow.ENDS) {
          throw new Invalid();
        }
      }
      if (!hasDefault && w.selector().type() != T.ENUM) {
        throw new Invalid();
      }
      return;
    }
    if (e instanceof Ref r && !r.name().contains(".")) {
      if (!s.declared(r.name()) || !s.assigned.contains(r.name())) {
        throw new Invalid();
      }
    }
    for (Expr k : e.kids()) {
      reads(k, s);
    }
  }

  /** Whether an expression holds a call (the shrinker tries those edits first). */
  static boolean hasCall(Expr e) {
    boolean[] found = {false};
    Batch.walk(e, x -> found[0] |= x instanceof Call);
    return found[0];
  }

  static boolean isCond(Expr e) {
    return e instanceof Cond;
  }
}
