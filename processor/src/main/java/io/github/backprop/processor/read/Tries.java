package io.github.backprop.processor.read;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TailReturns;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code try}/{@code catch}/{@code finally}, with resources too, into an {@code if} ({@link TryShape}) whose
 * branches are the try block and the one catch that does more than call and throw. The reverse
 * sweep then reverses exactly the path that ran: the try block when it completed, else that catch.
 * On that catch's path the generated code puts back, before the catch runs, every variable the try
 * block assigned and the tapes' heights, so the reverse of what ran before the try sees the values
 * it saw; that is invisible to the method only where the catch assigns such a variable before it
 * reads it (or ends the method), which is checked here, with an error where it does not hold.
 *
 * <p>A {@code return} in the try block or that catch becomes an assignment to a result local and a
 * flag, and the method returns after the statement; a {@code break} or {@code continue} that
 * leaves the statement sets {@code _tryJump}, and jumps after it. A {@code yield} leaving it, and
 * a jump out of it from a loop inside it, are errors.
 */
final class Tries {
  /** A catch clause as read: its type's parts, the parameter's generated name, its body. */
  record Handler(List<Object> type, String name, Stmt.Block body, Tree at) {}

  static final String RESOURCES =
      "a resource of try-with-resources must be an object held in a local: declared in the statement"
          + " ('try (Timer t = new Timer())') or an effectively final local ('try (t)'); a field's object"
          + " belongs to the class: open one in the method, or close it in the caller";

  private final ErrorReporter reporter;
  private final CompilationUnitTree unit;
  private final Map<Object, Tree> positions;
  private final Map<Object, String> sources;

  Tries(ErrorReporter reporter, CompilationUnitTree unit, Map<Object, Tree> positions, Map<Object, String> sources) {
    this.reporter = reporter;
    this.unit = unit;
    this.positions = positions;
    this.sources = sources;
  }

  /** The class a multi-catch parameter has: the nearest superclass of every alternative. */
  static javax.lang.model.element.TypeElement commonType(List<javax.lang.model.element.TypeElement> alternatives) {
    for (javax.lang.model.element.TypeElement c = alternatives.get(0); c != null; c = superclass(c)) {
      javax.lang.model.element.TypeElement candidate = c;
      if (alternatives.stream().allMatch(a -> extendsFrom(a, candidate))) {
        return c;
      }
    }
    return alternatives.get(0);
  }

  private static boolean extendsFrom(javax.lang.model.element.TypeElement a, javax.lang.model.element.TypeElement c) {
    for (javax.lang.model.element.TypeElement x = a; x != null; x = superclass(x)) {
      if (x.getQualifiedName().contentEquals(c.getQualifiedName())) {
        return true;
      }
    }
    return false;
  }

  private static javax.lang.model.element.TypeElement superclass(javax.lang.model.element.TypeElement c) {
    return c.getSuperclass() instanceof javax.lang.model.type.DeclaredType d
        ? (javax.lang.model.element.TypeElement) d.asElement()
        : null;
  }

  /** Rejects, before reading, what no lowering of {@code t} could keep exact. */
  static void checkShape(TryTree t, ErrorReporter reporter, CompilationUnitTree unit) {
    Jumps jumps = new Jumps();
    jumps.scan(t.getBlock(), null);
    for (var c : t.getCatches()) {
      jumps.scan(c.getBlock(), null);
    }
    jumps.scan(t.getFinallyBlock(), null);
    if (jumps.at != null) {
      throw reporter.abort(Tag.UNSUPPORTED, jumps.message, jumps.at, unit);
    }
  }

  /**
   * The statements {@code t} reads into, the last being the one that stands for it.
   *
   * @param result the method's result type, or null where it returns a record
   */
  List<Stmt> lower(TryTree t, List<Expr> resources, Stmt.Block body, List<Handler> handlers, Stmt.Block fin, Type result) {
    List<Object> parts = new ArrayList<>();
    parts.add(null); // the shape, once known
    parts.addAll(resources);
    List<TryShape.Clause> clauses = new ArrayList<>();
    Handler branch = null;
    for (Handler h : handlers) {
      List<Expr> calls = onlyThrows(h.body());
      if (calls != null) {
        parts.addAll(calls);
        clauses.add(new TryShape.Clause(h.type(), h.name(), false, calls.size()));
        continue;
      }
      if (branch != null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "only one 'catch' of a 'try' may do more than log and throw, and an earlier one does too:"
                + " catch their common supertype in one clause, or make one only log and throw",
            h.at(),
            unit);
      }
      branch = h;
      clauses.add(new TryShape.Clause(h.type(), h.name(), true, 0));
    }
    int finallyCalls = -1;
    // A finally that only assigns locals runs after the statement: where the statement completes,
    // returns or jumps, that is where Java runs it (a return's value is taken before); where an
    // exception leaves, what it assigns is never read again.
    List<Stmt> after = fin != null && !FinallyBlocks.onlyCalls(fin)
        ? FinallyBlocks.afterwards(fin, t.getFinallyBlock(), positions, reporter, unit)
        : List.of();
    if (fin != null && after.isEmpty()) {
      for (Stmt s : fin.statements()) {
        parts.add(((Stmt.Invoke) s).expr());
      }
      finallyCalls = fin.statements().size();
    }
    Stmt.Block handler = branch == null ? new Stmt.Block(List.of()) : branch.body();
    boolean restores = branch != null && (!ends(handler) || containsReturn(handler));
    if (restores) {
      checkUnseen(body, handler, branch.at());
    }
    List<Stmt> out = new ArrayList<>();
    // A break or continue that leaves the statement runs after it: `_tryJump = k;` inside.
    Set<LoopId> inner = new HashSet<>();
    Walk.each(body, x -> {
      if (x instanceof Stmt.Loop l) {
        inner.add(l.id());
      }
    });
    Walk.each(handler, x -> {
      if (x instanceof Stmt.Loop l) {
        inner.add(l.id());
      }
    });
    List<Stmt> jumps = new ArrayList<>();
    body = (Stmt.Block) marked(body, inner, jumps);
    handler = (Stmt.Block) marked(handler, inner, jumps);
    Var jump = null;
    if (!jumps.isEmpty()) {
      jump = new Var("_tryJump", Type.INT, Var.Kind.LOCAL);
      out.add(new Stmt.Declare(jump, Expr.Literal.ofInt(0)));
    }
    Var value = null;
    Var returned = null;
    if (containsReturn(body) || containsReturn(handler)) {
      if (result == null || (result.isArray() && !(returnsArrays(body) && returnsArrays(handler)))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a 'return' of " + (result == null ? "a record" : "an array") + " inside a 'try' statement is not"
                + " supported" + (result == null ? "" : " other than an array variable or a new array")
                + ": assign it to a local and return that after the 'try' statement",
            t,
            unit);
      }
      // An array: _tryValue refers to the array returned, as any array variable given one.
      value = new Var("_tryValue", result.isArray() ? result : result.stored(), Var.Kind.LOCAL);
      out.add(new Stmt.Declare(value, result.isArray() ? new Expr.Literal(null, result) : null));
      if (!ends(body) || (branch != null && !ends(handler))) {
        // Some path completes the statement without returning: a flag tells the two apart.
        returned = new Var("_tryReturned", Type.BOOLEAN, Var.Kind.LOCAL);
        out.add(new Stmt.Declare(returned, new Expr.Literal(false, Type.BOOLEAN)));
      }
    }
    if (value != null || jump != null) {
      body = returnsTo(body, value, returned, jump, t);
      handler = returnsTo(handler, value, returned, jump, t);
    }
    if (clauses.isEmpty() && finallyCalls < 0 && resources.isEmpty()) {
      out.add(body); // try { ... } finally { y = ...; }: no catch and nothing left to run in a finally
    } else {
      parts.set(0, new TryShape(List.copyOf(clauses), finallyCalls, restores, resources.size()));
      Stmt.If held = new Stmt.If(new Expr.Foreign(parts, Type.BOOLEAN), body, handler);
      positions.put(held, t);
      sources.put(held, "try");
      out.add(held);
    }
    out.addAll(after);
    if (returned != null) {
      out.add(new Stmt.If(new Expr.Ref(returned), new Stmt.Block(List.of(new Stmt.Return(new Expr.Ref(value)))),
          new Stmt.Block(List.of())));
    } else if (value != null) {
      out.add(new Stmt.Return(new Expr.Ref(value)));
    }
    for (int k = 0; k < jumps.size(); k++) {
      Expr taken = new Expr.Binary(Expr.Op.EQ, new Expr.Ref(jump), Expr.Literal.ofInt(k + 1), Type.BOOLEAN);
      out.add(new Stmt.If(taken, new Stmt.Block(List.of(jumps.get(k))), new Stmt.Block(List.of())));
    }
    return out;
  }

  /** What a jump that leaves the try statement is marked with while its returns are placed. */
  private record JumpMark(int k) {}

  /**
   * {@code s} with each break or continue to a loop outside it made {@code return <mark k>;},
   * {@code jumps.get(k - 1)} the jump itself: returns and jumps both end their path.
   */
  private static Stmt marked(Stmt s, Set<LoopId> inner, List<Stmt> jumps) {
    LoopId target = s instanceof Stmt.Break b ? b.target() : s instanceof Stmt.Continue c ? c.target() : null;
    if (target != null && !inner.contains(target)) {
      int k = jumps.indexOf(s) + 1;
      if (k == 0) {
        jumps.add(s);
        k = jumps.size();
      }
      return new Stmt.Return(new Expr.Literal(new JumpMark(k), Type.INT));
    }
    if (s instanceof Stmt.Block b) {
      List<Stmt> out = new ArrayList<>();
      b.statements().forEach(x -> out.add(marked(x, inner, jumps)));
      return new Stmt.Block(out);
    }
    if (s instanceof Stmt.If f && TryShape.of(f) == null) {
      return new Stmt.If(f.condition(), (Stmt.Block) marked(f.then(), inner, jumps), (Stmt.Block) marked(f.otherwise(), inner, jumps));
    }
    return s;
  }

  private static boolean isJump(Stmt s) {
    return s instanceof Stmt.Return r && r.value() instanceof Expr.Literal l && l.value() instanceof JumpMark;
  }

  /** A catch body that only calls and throws, as its calls and then the exception; else null. */
  private static List<Expr> onlyThrows(Stmt.Block b) {
    List<Stmt> s = b.statements();
    if (s.isEmpty() || !(s.get(s.size() - 1) instanceof Stmt.Throw thrown)) {
      return null;
    }
    List<Expr> out = new ArrayList<>();
    for (Stmt x : s.subList(0, s.size() - 1)) {
      if (!(x instanceof Stmt.Invoke i)) {
        return null;
      }
      out.add(i.expr());
    }
    out.add(thrown.exception());
    return out;
  }

  /**
   * Where the catch that resumes runs, the variables the try block assigned are put back first:
   * the catch must not see that, so it must assign each before reading it, and before it
   * completes, unless it ends the method. The try block must not write into an array declared
   * before it, which no put-back could undo cheaply.
   */
  private void checkUnseen(Stmt.Block body, Stmt.Block handler, Tree at) {
    Set<Var> inside = new HashSet<>();
    Walk.each(body, s -> {
      if (s instanceof Stmt.Declare d) {
        inside.add(d.var());
      }
    });
    Set<Var> changed = new LinkedHashSet<>();
    for (Stmt s : all(body)) {
      if (s instanceof Stmt.Store st && !inside.contains(st.target().base())) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "this 'catch' completes, but the 'try' block writes into the array '" + st.target().base().name()
                + "', declared before the 'try', and an exception would leave it half written: write into"
                + " an array declared inside the 'try' and copy it after, or rethrow from the 'catch'",
            at,
            unit);
      }
      if (s instanceof Stmt.Assign a && !inside.contains(a.var())) {
        changed.add(a.var());
      }
    }
    List<Stmt> top = body.statements();
    if (!top.isEmpty() && top.get(top.size() - 1) instanceof Stmt.Assign last) {
      // Java stores only once the value is computed: an exception leaves this one as it was.
      boolean once = all(body).stream().filter(x -> x instanceof Stmt.Assign a && a.var() == last.var()).count() == 1;
      if (once) {
        changed.remove(last.var());
      }
    }
    for (Stmt s : handler.statements()) {
      Set<Var> read = new HashSet<>();
      Walk.each(s, x -> Walk.eachExpr(x, e -> read.addAll(Walk.vars(e))));
      for (Var v : changed) {
        if (read.contains(v) && !(s instanceof Stmt.Assign a && a.op() == null && a.var() == v && !Walk.vars(a.value()).contains(v))) {
          throw reporter.abort(Tag.UNSUPPORTED, seen(v, "reads"), positions.getOrDefault(s, at), unit);
        }
      }
      if (s instanceof Stmt.Assign a && a.op() == null) {
        changed.remove(a.var());
      }
    }
    if (!changed.isEmpty() && !ends(handler)) {
      throw reporter.abort(Tag.UNSUPPORTED, seen(changed.iterator().next(), "completes without assigning"), at, unit);
    }
  }

  private static String seen(Var v, String what) {
    return "this 'catch' " + what + " '" + v.name() + "', which the 'try' block may have changed before the"
        + " exception: assign '" + v.name() + "' at the start of the 'catch' (for example a fallback value),"
        + " or rethrow";
  }

  /** {@code b} with every {@code return v;} turned into {@code value = v; returned = true;}. */
  private Stmt.Block returnsTo(Stmt.Block b, Var value, Var returned, Var jump, Tree at) {
    Map<Stmt, String> names = new IdentityHashMap<>();
    for (Stmt s : all(b)) {
      String source = sources.get(s);
      if (source != null) {
        names.put(s, source);
      }
    }
    Stmt.Block tails = TailReturns.normalize(b, names);
    names.forEach(sources::putIfAbsent);
    return (Stmt.Block) assignReturns(tails, value, returned, jump, at);
  }

  private Stmt assignReturns(Stmt s, Var value, Var returned, Var jump, Tree at) {
    if (isJump(s)) {
      int k = ((JumpMark) ((Expr.Literal) ((Stmt.Return) s).value()).value()).k();
      return new Stmt.Assign(jump, null, Expr.Literal.ofInt(k));
    }
    if (s instanceof Stmt.Return r) {
      Stmt assign = new Stmt.Assign(value, null, r.value());
      return new Stmt.Block(
          returned == null
              ? List.of(assign)
              : List.of(assign, new Stmt.Assign(returned, null, new Expr.Literal(true, Type.BOOLEAN))));
    }
    if (s instanceof Stmt.Block b) {
      List<Stmt> out = new ArrayList<>();
      b.statements().forEach(x -> out.add(assignReturns(x, value, returned, jump, at)));
      return new Stmt.Block(out);
    }
    if (s instanceof Stmt.If f) {
      Stmt.If out =
          new Stmt.If(f.condition(), (Stmt.Block) assignReturns(f.then(), value, returned, jump, at),
              (Stmt.Block) assignReturns(f.otherwise(), value, returned, jump, at));
      positions.put(out, positions.get(f));
      String source = sources.get(f);
      if (source != null) {
        sources.put(out, source);
      }
      return out;
    }
    if (containsReturn(s)) {
      // A return inside a loop (a switch may read as one): checkShape reports those it sees.
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a 'return' inside a loop inside a 'try' statement is not supported: leave the loop with"
              + " 'break' and return after the 'try' statement",
          positions.getOrDefault(s, at),
          unit);
    }
    return s;
  }

  /** Whether every path through {@code s} ends in a return or a throw. */
  private static boolean ends(Stmt s) {
    if (isJump(s)) {
      return false; // the method goes on after the statement
    }
    if (s instanceof Stmt.Return || s instanceof Stmt.Throw) {
      return true;
    }
    if (s instanceof Stmt.Block b) {
      return b.statements().stream().anyMatch(Tries::ends);
    }
    if (s instanceof Stmt.If f) {
      return ends(f.then()) && ends(f.otherwise());
    }
    return false;
  }

  /** Whether every {@code return} in {@code s} returns an array variable or a new array. */
  private static boolean returnsArrays(Stmt s) {
    boolean[] ok = {true};
    Walk.each(s, x -> ok[0] &= !(x instanceof Stmt.Return r && !isJump(x)
        && (!Rebinding.isArrayValue(r.value()) || Rebinding.choosesNewElements(r.value())
            || Walk.vars(r.value()).stream().anyMatch(StaticData::isField))));
    return ok[0];
  }

  private static boolean containsReturn(Stmt s) {
    boolean[] found = {false};
    Walk.each(s, x -> found[0] |= x instanceof Stmt.Return && !isJump(x));
    return found[0];
  }

  private static List<Stmt> all(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    Walk.each(s, out::add);
    return out;
  }

  /**
   * Finds a {@code break}, {@code continue} or {@code yield} that leaves the try statement, and
   * a {@code return} inside a loop there; lambdas and classes are their own.
   */
  private static final class Jumps extends TreeScanner<Void, Void> {
    Tree at;
    String message;
    private int loops;
    private int switches;
    private int switchExpressions;
    private final Set<String> labels = new HashSet<>();

    private void found(Tree t, String m) {
      if (at == null) {
        at = t;
        message = m;
      }
    }

    @Override
    public Void visitBreak(BreakTree t, Void v) {
      boolean inside = t.getLabel() == null ? loops + switches > 0 : labels.contains(t.getLabel().toString());
      if (!inside && loops + switches > 0) {
        found(t, "a 'break' from a loop inside a 'try' statement to one outside it is not supported: set a"
            + " flag, leave the inner loop, and break after the 'try'");
      }
      return null;
    }

    @Override
    public Void visitContinue(ContinueTree t, Void v) {
      boolean inside = t.getLabel() == null ? loops > 0 : labels.contains(t.getLabel().toString());
      if (!inside && loops + switches > 0) {
        found(t, "a 'continue' from a loop inside a 'try' statement to one outside it is not supported: set"
            + " a flag, leave the inner loop, and continue after the 'try'");
      }
      return null;
    }

    @Override
    public Void visitYield(YieldTree t, Void v) {
      if (switchExpressions == 0) {
        found(t, "a 'yield' out of a 'try' statement is not supported: assign a local in the 'try' and yield it after");
      }
      return super.visitYield(t, v);
    }

    @Override
    public Void visitReturn(ReturnTree t, Void v) {
      if (loops > 0) {
        found(t, "a 'return' inside a loop inside a 'try' statement is not supported: leave the loop with"
            + " 'break' and return after the 'try' statement");
      }
      return super.visitReturn(t, v);
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree t, Void v) {
      labels.add(t.getLabel().toString());
      return super.visitLabeledStatement(t, v);
    }

    @Override
    public Void visitForLoop(ForLoopTree t, Void v) {
      loops++;
      super.visitForLoop(t, v);
      loops--;
      return null;
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree t, Void v) {
      loops++;
      super.visitEnhancedForLoop(t, v);
      loops--;
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree t, Void v) {
      loops++;
      super.visitWhileLoop(t, v);
      loops--;
      return null;
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree t, Void v) {
      loops++;
      super.visitDoWhileLoop(t, v);
      loops--;
      return null;
    }

    @Override
    public Void visitSwitch(SwitchTree t, Void v) {
      switches++;
      super.visitSwitch(t, v);
      switches--;
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree t, Void v) {
      // A break cannot leave a switch expression; a yield belongs to it.
      int outerLoops = loops;
      int outerSwitches = switches;
      switchExpressions++;
      super.visitSwitchExpression(t, v);
      switchExpressions--;
      loops = outerLoops;
      switches = outerSwitches;
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree t, Void v) {
      return null;
    }
  }
}
