package io.github.backprop.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code switch} statements and expressions, read as an {@code if}/{@code else} chain on the
 * selector, so that the sweeps see only branches:
 *
 * <pre>
 * switch (n) {              if (n == 1 || n == 2) { a; b; }
 *   case 1, 2: a;       →   else if (n == 3) { b; }
 *   case 3: b; break;       else { c; }
 *   default: c;
 * }
 * </pre>
 *
 * Every test of the chain runs before any case body, so the selector is read as written when it
 * is a variable, and once into a local otherwise. A case that falls through gets its own copy of
 * the cases it falls into. A {@code break} or {@code yield} that ends a case body is the end of
 * its branch; one elsewhere (inside an {@code if}, say) makes the chain the body of a {@code do
 * ... while (false)} that the break leaves, which the jump rewriting handles like any loop. A
 * switch expression whose cases are all expressions is a chain of {@code ?:}; otherwise its value
 * is a local that each {@code yield} assigns, computed before the statement that uses it.
 *
 * <p>A String is matched with {@code equals}, an enum with {@code ==}; a null String or enum
 * throws NullPointerException before any case runs, as in Java. A switch expression over an enum
 * with no default covers every constant, and throws IncompatibleClassChangeError, as javac's
 * code does, for a constant added after it was compiled.
 */
final class SwitchLowering {
  /** What the lowering needs of the reader. */
  interface Reader {
    Expr expr(ExpressionTree t);

    /** An expression that may also be a String or an enum value, typed as such. */
    Expr value(ExpressionTree t);

    /** The constant {@code label} (a simple name, as a case writes it) of the enum {@code type}. */
    Expr enumConstant(Type type, ExpressionTree label);

    /** Reads statements in a new scope. */
    Stmt.Block block(List<? extends StatementTree> statements);

    /** Pushes a switch as the target of an unlabelled {@code break}. */
    void enterSwitch(LoopId id);

    void exitSwitch();

    /** The statements to run before the statement being read, or null where there are none. */
    List<Stmt> prelude();

    AbortMethod error(String message, Tree at);

    AbortMethod quiet();

    /**
     * A case's value, with the statements it runs first (a helper's body) put into {@code
     * before}, so that they run only where the case is taken; a record value where it gives one.
     */
    Expr caseValue(ExpressionTree t, List<Stmt> before);

    /** Whether {@code e} stands for a record value. */
    boolean isRecord(Expr e);

    /** The statements that make the record result of the switch expression {@code result} the record {@code e}. */
    List<Stmt> giveRecord(Var result, Expr e, Tree at);

    /** The record result of a switch expression: its locals declared, then {@code chain}, into the prelude. */
    Expr recordResult(Var result, Stmt chain, Tree at);

    /** Whether {@code name} names a variable in scope around the switch. */
    boolean inScope(String name);
  }

  /** Where a {@code yield} puts its value: the local of the switch expression being lowered. */
  private record YieldTarget(LoopId id, Var value, List<Type> types) {}

  private final Reader reader;
  private final Deque<YieldTarget> yields = new ArrayDeque<>();
  private final Set<Stmt> yieldBlocks = Collections.newSetFromMap(new IdentityHashMap<>());

  SwitchLowering(Reader reader) {
    this.reader = reader;
  }

  Stmt statement(SwitchTree s) {
    return lower(s.getExpression(), s.getCases(), null, null);
  }

  /** {@code yield v}: the value of the innermost switch expression, and out of it. */
  Stmt yield(YieldTree y) {
    YieldTarget target = yields.peek();
    if (target == null) {
      throw reader.quiet();
    }
    List<Stmt> stmts = new ArrayList<>();
    Expr value = reader.caseValue(y.getValue(), stmts);
    stmts.addAll(give(target.value(), value, target.types(), y.getValue()));
    stmts.add(new Stmt.Break(target.id()));
    Stmt.Block b = new Stmt.Block(stmts);
    yieldBlocks.add(b);
    return b;
  }

  /** {@code result = value}, or a record's components given; {@code types} gets the value's type, null for a record. */
  private List<Stmt> give(Var result, Expr value, List<Type> types, Tree at) {
    if (reader.isRecord(value)) {
      types.add(null);
      return reader.giveRecord(result, value, at);
    }
    types.add(value.type());
    return List.of(new Stmt.Assign(result, null, value));
  }

  /** The type the yields' types give the switch expression, null for a record (JLS 15.28.1). */
  private Type unify(List<Type> types) {
    if (types.isEmpty()) {
      throw reader.quiet();
    }
    if (types.contains(null)) {
      if (types.stream().anyMatch(java.util.Objects::nonNull)) {
        throw reader.quiet(); // javac: a record in one case, a number in another
      }
      return null;
    }
    Type type = null;
    for (Type t : types) {
      if (type == null || type.equals(t)) {
        type = t;
      } else if (type.isNumeric() && t.isNumeric()) {
        type = Type.promote(type, t);
      } else {
        throw reader.quiet(); // javac reports the mismatch
      }
    }
    return type;
  }

  Expr expression(SwitchExpressionTree s) {
    Expr pure = conditionals(s);
    if (pure != null) {
      return pure;
    }
    List<Stmt> prelude = reader.prelude();
    if (prelude == null) {
      throw reader.error(
          "a switch expression whose cases run statements is not supported in a loop condition or"
              + " update, after && or ||, or in a branch of ?: : compute it into a local variable"
              + " first",
          s);
    }
    // javac has not typed the tree yet when processors run: the type is the yields' (JLS 15.28.1).
    Var placeholder = Var.temp("_sw", Type.DOUBLE);
    List<Type> types = new ArrayList<>();
    Stmt lowered = lower(s.getExpression(), s.getCases(), placeholder, types);
    Type type = unify(types);
    if (type == null) {
      return reader.recordResult(placeholder, lowered, s);
    }
    Var value = Var.temp("_sw", type);
    Stmt chain = SwitchBranches.retarget(lowered, placeholder, value);
    // A chain wrapped in a loop assigns its value in ways javac's definite assignment cannot follow.
    Expr init = chain instanceof Stmt.Loop ? Exprs.zeroOf(type) : null;
    prelude.add(new Stmt.Declare(value, init));
    prelude.add(chain);
    return new Expr.Ref(value);
  }



  /** {@code n == 1 ? a : n == 2 ? b : c} when every case is {@code case ... -> expression}. */
  private Expr conditionals(SwitchExpressionTree s) {
    CaseTree fallback = null;
    for (CaseTree c : s.getCases()) {
      if (c.getCaseKind() != CaseTree.CaseKind.RULE || !(c.getBody() instanceof ExpressionTree)) {
        return null;
      }
      if (c.getExpressions().isEmpty()) {
        fallback = c;
      }
    }
    if (fallback == null || s.getCases().size() == 1) {
      return null; // over an enum: the chain ends in a throw; with no case, it checks for null
    }
    Expr selector = selector(s.getExpression(), null);
    List<Stmt> fallbackBefore = new ArrayList<>();
    Expr fallbackValue = reader.caseValue((ExpressionTree) fallback.getBody(), fallbackBefore);
    boolean plain = fallbackBefore.isEmpty() && !reader.isRecord(fallbackValue);
    Expr out = fallbackValue;
    List<? extends CaseTree> cases = s.getCases();
    List<Expr> conditions = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    List<List<Stmt>> befores = new ArrayList<>();
    List<Tree> taken = new ArrayList<>();
    for (int i = cases.size() - 1; i >= 0; i--) {
      CaseTree c = cases.get(i);
      if (c == fallback) {
        continue;
      }
      boolean first = cases.indexOf(c) == (cases.get(0) == fallback ? 1 : 0);
      Expr condition = matches(first ? nonNull(selector) : selector, c.getExpressions());
      List<Stmt> before = new ArrayList<>();
      Expr value = reader.caseValue((ExpressionTree) c.getBody(), before);
      plain &= before.isEmpty() && !reader.isRecord(value);
      if (plain) {
        out = conditional(condition, value, out, c);
      }
      conditions.add(0, condition);
      values.add(0, value);
      befores.add(0, before);
      taken.add(0, c.getBody());
    }
    if (plain) {
      return out;
    }
    return chain(s, conditions, values, befores, taken, fallbackValue, fallbackBefore, fallback.getBody());
  }

  /**
   * A switch expression of {@code case ... -> value} rules whose values run statements first or
   * give records: an if-else chain, each case's statements inside its branch, assigning one local
   * (or a record's locals).
   */
  private Expr chain(
      SwitchExpressionTree s, List<Expr> conditions, List<Expr> values, List<List<Stmt>> befores, List<Tree> trees,
      Expr fallbackValue, List<Stmt> fallbackBefore, Tree fallbackTree) {
    List<Stmt> prelude = reader.prelude();
    if (prelude == null) {
      throw reader.error(
          "a switch expression whose cases run statements or give records is not supported in a loop"
              + " condition or update, after && or ||, or in a branch of ?: : compute it into a local"
              + " variable first",
          s);
    }
    Var placeholder = Var.temp("_sw", Type.DOUBLE);
    List<Type> types = new ArrayList<>();
    List<Stmt> tail = new ArrayList<>(fallbackBefore);
    tail.addAll(give(placeholder, fallbackValue, types, fallbackTree));
    Stmt.Block otherwise = new Stmt.Block(tail);
    for (int i = values.size() - 1; i >= 0; i--) {
      List<Stmt> then = new ArrayList<>(befores.get(i));
      then.addAll(give(placeholder, values.get(i), types, trees.get(i)));
      otherwise = new Stmt.Block(List.of(new Stmt.If(conditions.get(i), new Stmt.Block(then), otherwise)));
    }
    Type type = unify(types);
    if (type == null) {
      return reader.recordResult(placeholder, otherwise.statements().get(0), s);
    }
    Var value = Var.temp("_sw", type);
    prelude.add(new Stmt.Declare(value, null));
    prelude.addAll(((Stmt.Block) SwitchBranches.retarget(otherwise, placeholder, value)).statements());
    return new Expr.Ref(value);
  }

  private Expr conditional(Expr condition, Expr a, Expr b, Tree at) {
    Type type;
    if (a.type().isNumeric() && b.type().isNumeric()) {
      type = Type.promote(a.type(), b.type());
    } else if (a.type().equals(b.type())) {
      type = a.type();
    } else {
      throw reader.quiet();
    }
    return new Expr.Conditional(condition, a, b, type);
  }

  /**
   * An enum selector as the first test of the chain reads it: {@code
   * Objects.requireNonNull(mode)}, which throws as Java's switch does; a String's {@code equals}
   * throws of itself.
   */
  private static Expr nonNull(Expr selector) {
    if (!selector.type().equals(Type.STRING) && selector.type().isReference()) {
      return new Expr.Foreign(List.of(OBJECTS, ".requireNonNull(", selector, ")"), selector.type());
    }
    return selector;
  }

  private static final io.github.backprop.processor.ir.Owner INCOMPATIBLE =
      new io.github.backprop.processor.ir.Owner("java.lang", "IncompatibleClassChangeError");

  private static final io.github.backprop.processor.ir.Owner OBJECTS =
      new io.github.backprop.processor.ir.Owner("java.util", "Objects");

  /** The selector as the chain tests it; a local holding it if it is not a plain variable. */
  private Expr selector(ExpressionTree t, List<Stmt> out) {
    Expr e = reader.value(t);
    Type type = e.type();
    if (type == null || !(type.equals(Type.INT) || type.isNarrow() || type.isReference())) {
      throw reader.error(
          "a switch on " + (type == null ? "'" + t + "'" : "a value of type " + type) + " is not"
              + " supported: switch on an int, char, byte or short, a String or an enum value",
          t);
    }
    if (out == null || e instanceof Expr.Ref || e instanceof Expr.Literal || e instanceof Expr.Constant) {
      return e;
    }
    Var v = Var.temp("_sel", e.type());
    out.add(new Stmt.Declare(v, e));
    return new Expr.Ref(v);
  }

  private Expr matches(Expr selector, List<? extends ExpressionTree> labels) {
    Expr out = null;
    Type type = selector.type();
    for (ExpressionTree l : labels) {
      Expr eq;
      if (type.equals(Type.STRING)) {
        // case "a": s.equals("a")
        Expr label = reader.value(l);
        if (!Type.STRING.equals(label.type())) {
          throw reader.quiet(); // javac: not a String constant
        }
        eq = new Expr.Foreign(List.of(selector, ".equals(", label, ")"), Type.BOOLEAN);
      } else if (type.isReference()) {
        // case FAST: mode == Mode.FAST
        eq = new Expr.Binary(Expr.Op.EQ, selector, reader.enumConstant(type, l), Type.BOOLEAN);
      } else {
        Expr label = reader.expr(l);
        if (!label.type().isNumeric()) {
          throw reader.quiet();
        }
        eq = new Expr.Binary(Expr.Op.EQ, selector, label, Type.BOOLEAN);
      }
      out = out == null ? eq : new Expr.Binary(Expr.Op.OR, out, eq, Type.BOOLEAN);
    }
    return out;
  }

  /** A case group: the labels it is entered by (none for default) and where its statements start. */
  private record Group(List<ExpressionTree> labels, boolean isDefault, int first) {}

  /**
   * The chain for a switch; with {@code value} non-null, a switch expression whose {@code
   * yield}s assign it. Returns the statements as one {@link Stmt}: a block, or the loop a break
   * in the middle of a case leaves.
   */
  private Stmt lower(ExpressionTree selectorTree, List<? extends CaseTree> cases, Var value, List<Type> types) {
    List<Stmt> out = new ArrayList<>();
    Expr selector = selector(selectorTree, out);
    LoopId id = new LoopId(null);
    // Case bodies as statement lists, one per case, and the groups that enter them.
    List<List<? extends StatementTree>> bodies = new ArrayList<>();
    List<Boolean> rules = new ArrayList<>();
    List<ExpressionTree> values = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    List<ExpressionTree> pending = new ArrayList<>();
    boolean pendingDefault = false;
    for (CaseTree c : cases) {
      boolean rule = c.getCaseKind() == CaseTree.CaseKind.RULE;
      List<? extends StatementTree> body = rule ? ruleBody(c, value) : c.getStatements();
      pending.addAll(c.getExpressions());
      pendingDefault |= c.getExpressions().isEmpty();
      bodies.add(body);
      rules.add(rule);
      // case 1 -> x * x, in a switch expression: the case's value.
      values.add(rule && value != null && c.getBody() instanceof ExpressionTree e ? e : null);
      if (!body.isEmpty() || rule) {
        groups.add(new Group(new ArrayList<>(pending), pendingDefault, bodies.size() - 1));
        pending.clear();
        pendingDefault = false;
      }
    }
    if (!pending.isEmpty() || pendingDefault) {
      // Trailing labels with no statements: entering them does nothing.
      groups.add(new Group(new ArrayList<>(pending), pendingDefault, bodies.size()));
    }
    if (value != null) {
      yields.push(new YieldTarget(id, value, types));
    }
    reader.enterSwitch(id);
    Stmt.If chain = null;
    Stmt.Block fallback = null;
    boolean wrap = false;
    try {
      List<Stmt.If> ifs = new ArrayList<>();
      boolean tested = false;
      for (Group g : groups) {
        List<StatementTree> entered = new ArrayList<>();
        for (int i = g.first(); i < bodies.size(); i++) {
          entered.addAll(bodies.get(i));
          if (rules.get(i) || !SwitchBranches.canCompleteNormally(bodies.get(i))) {
            break;
          }
        }
        checkScopes(bodies, rules, g.first(), entered);
        List<Stmt> body;
        if (g.first() < values.size() && values.get(g.first()) != null) {
          body = new ArrayList<>();
          Expr v = reader.caseValue(values.get(g.first()), body);
          body.addAll(give(value, v, types, values.get(g.first())));
        } else {
          body = splice(reader.block(entered).statements());
        }
        body = SwitchBranches.structure(body, id);
        wrap |= SwitchBranches.breaks(body, id);
        Stmt.Block b = new Stmt.Block(body);
        if (g.isDefault()) {
          fallback = b;
        }
        if (!g.isDefault()) {
          // The first test of the chain is the one that reads the selector first.
          ifs.add(new Stmt.If(matches(tested ? selector : nonNull(selector), g.labels()), b, new Stmt.Block(List.of())));
          tested = true;
        }
      }
      if (!tested && selector.type().isReference()) {
        // switch (mode) { default: ... } still throws for null.
        out.add(new Stmt.Invoke(new Expr.Foreign(List.of(OBJECTS, ".requireNonNull(", selector, ")"), selector.type())));
      }
      if (fallback == null && value != null) {
        if (!selector.type().isReference() || selector.type().equals(Type.STRING)) {
          throw reader.quiet(); // a switch expression without default: javac reports it
        }
        // Every constant has a case; one added since is javac's IncompatibleClassChangeError.
        fallback = new Stmt.Block(List.of(new Stmt.Throw(new Expr.Foreign(List.of("new ", INCOMPATIBLE, "()"), null))));
      }
      // Example: if (n == 1) { ... } else if (n == 2) { ... } else { default }
      Stmt.Block tail = fallback == null ? new Stmt.Block(List.of()) : fallback;
      for (int i = ifs.size() - 1; i >= 0; i--) {
        Stmt.If f = ifs.get(i);
        chain = new Stmt.If(f.condition(), f.then(), tail);
        tail = new Stmt.Block(List.of(chain));
      }
      if (chain == null) {
        out.addAll(tail.statements());
      } else {
        out.add(chain);
      }
    } finally {
      reader.exitSwitch();
      if (value != null) {
        yields.pop();
      }
    }
    if (wrap) {
      // Example: do { if (n == 1) { if (p) break; a; } } while (false);
      return new Stmt.Loop(id, List.of(), new Expr.Literal(false, Type.BOOLEAN), List.of(), new Stmt.Block(out), false);
    }
    return new Stmt.Block(out);
  }

  /** {@code case 1 -> x;} is {@code x;}, or {@code yield x;} in a switch expression. */
  private List<? extends StatementTree> ruleBody(CaseTree c, Var value) {
    Tree body = c.getBody();
    if (body instanceof BlockTree b) {
      return b.getStatements();
    }
    if (body instanceof StatementTree st) {
      return List.of(st); // a throw
    }
    if (body instanceof ExpressionTree) {
      return List.of(); // a switch expression's value: read by lower
    }
    return c.getStatements() == null ? List.of() : c.getStatements();
  }

  /**
   * A local declared in one case is in scope in the cases after it, though not assigned there;
   * a case entered directly has no copy of the declaration. A rule's block ({@code case 1 -> {
   * ... }}) is a scope of its own: its locals end with it.
   */
  private void checkScopes(
      List<List<? extends StatementTree>> bodies, List<Boolean> rules, int first, List<StatementTree> entered) {
    Set<String> earlier = new HashSet<>();
    for (int i = 0; i < first && i < bodies.size(); i++) {
      if (rules.get(i)) {
        continue;
      }
      for (StatementTree s : bodies.get(i)) {
        // A case's local that shadows a variable around the switch is javac's error to report.
        if (s instanceof VariableTree v && !reader.inScope(v.getName().toString())) {
          earlier.add(v.getName().toString());
        }
      }
    }
    if (earlier.isEmpty()) {
      return;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (earlier.contains(id.getName().toString())) {
          throw reader.error(
              "'" + id.getName() + "' is declared in an earlier case of this switch: declare it"
                  + " before the switch",
              id);
        }
        return null;
      }
    }.scan(entered, null);
  }

  /** Puts the two statements of each {@code yield} in place. */
  private List<Stmt> splice(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Block b && yieldBlocks.contains(b)) {
        out.addAll(b.statements());
      } else if (s instanceof Stmt.Block b) {
        out.add(new Stmt.Block(splice(b.statements())));
      } else if (s instanceof Stmt.If f) {
        out.add(new Stmt.If(f.condition(), new Stmt.Block(splice(f.then().statements())), new Stmt.Block(splice(f.otherwise().statements()))));
      } else if (s instanceof Stmt.Loop l) {
        out.add(new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), new Stmt.Block(splice(l.body().statements())), l.testFirst()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
