package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Ast.ArrayInit;
import io.github.backprop.processor.fuzz.Ast.Assign;
import io.github.backprop.processor.fuzz.Ast.AssignExpr;
import io.github.backprop.processor.fuzz.Ast.Bin;
import io.github.backprop.processor.fuzz.Ast.Block;
import io.github.backprop.processor.fuzz.Ast.Break;
import io.github.backprop.processor.fuzz.Ast.Call;
import io.github.backprop.processor.fuzz.Ast.Cast;
import io.github.backprop.processor.fuzz.Ast.Cond;
import io.github.backprop.processor.fuzz.Ast.Continue;
import io.github.backprop.processor.fuzz.Ast.Decl;
import io.github.backprop.processor.fuzz.Ast.DoWhile;
import io.github.backprop.processor.fuzz.Ast.Expr;
import io.github.backprop.processor.fuzz.Ast.For;
import io.github.backprop.processor.fuzz.Ast.ForEach;
import io.github.backprop.processor.fuzz.Ast.If;
import io.github.backprop.processor.fuzz.Ast.Incr;
import io.github.backprop.processor.fuzz.Ast.IncrExpr;
import io.github.backprop.processor.fuzz.Ast.Index;
import io.github.backprop.processor.fuzz.Ast.Length;
import io.github.backprop.processor.fuzz.Ast.Lit;
import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.NewArray;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.Ref;
import io.github.backprop.processor.fuzz.Ast.Return;
import io.github.backprop.processor.fuzz.Ast.Stmt;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Ast.Un;
import io.github.backprop.processor.fuzz.Ast.While;
import io.github.backprop.processor.fuzz.Ast.Case;
import io.github.backprop.processor.fuzz.Ast.ExprStmt;
import io.github.backprop.processor.fuzz.Ast.Raw;
import io.github.backprop.processor.fuzz.Ast.Switch;
import io.github.backprop.processor.fuzz.Ast.SwitchExpr;
import io.github.backprop.processor.fuzz.Ast.Throw;
import io.github.backprop.processor.fuzz.Ast.Yield;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes one random {@code @Differentiable} method. Every expression comes with a conservative
 * {@link Range} of its values at the sampled points, which keeps each function inside its domain
 * (log and sqrt of positive values, asin of values inside (-1, 1), exp of bounded values,
 * division by values away from zero) and magnitudes bounded, so that finite differences of the
 * primal are meaningful. Kinks and jumps (abs, max, floor, comparisons) are generated freely: the
 * checker recognises points where the finite difference crosses one.
 */
final class Gen {
  /** Soft bound on the magnitude of double values: larger ones are squashed. */
  static final double LIMIT = 20;

  static final double INT_LIMIT = 60;
  static final Range DOUBLE_DOMAIN = new Range(-2, 2);
  static final Range INT_DOMAIN = new Range(-3, 5);
  static final Range LONG_DOMAIN = new Range(-5, 5);
  /** A callee's double parameters are in [-3, 3]; call sites squash their arguments into it. */
  static final double CALLEE_DOMAIN = 3;

  /** An expression and the range of its values. */
  record G(Expr e, Range r) {
    T type() {
      return e.type();
    }
  }

  /** A generated method another one may call, and how to name it from the caller. */
  record Callee(Method method, Range result, String callName) {}

  /** A plain (not differentiable) static helper, callable only with inactive arguments. */
  record Plain(String callName, List<T> params, T result, Range range) {}

  /** A static final constant: how to name it, its type and value range. */
  record Constant(String text, T type, Range range) {}

  /**
   * What a method being generated can see: the batch's callees, helpers and constants; and, shared
   * by the batch, the callee names some call passed an int for a double, which a later overload
   * must not take (the call could become ambiguous).
   */
  record Context(
      List<Callee> callees,
      List<Plain> plains,
      List<Constant> constants,
      boolean staticMathImport,
      Set<String> widened) {}

  private static final String[] DOUBLE_NAMES = {"x", "y", "z", "w", "a", "b", "c", "u"};
  private static final String[] INT_NAMES = {"n", "k", "m", "j"};
  private static final String[] LONG_NAMES = {"big", "l"};
  private static final String[] BOOL_NAMES = {"flag", "on", "neg"};
  private static final String[] STRING_NAMES = {"kind", "mode", "name"};
  /** The values of String parameters and locals, and the labels of String switches. */
  static final String[] STRINGS = {"a", "l2", "abs", "zz", "b"};
  /** The constants of {@code C.Mode} (Batch's fixed part). */
  static final String[] MODES = {"LO", "MID", "HI"};
  /** Names that look like the processor's own: its adjoints, saves, flags, records, result. */
  static final String[] NASTY = {
    "value", "value_", "_value", "_d_x", "_d_y", "_t0", "_g0", "_r0", "_c0", "_q0", "_h0",
    "_exp0", "_d_value", "_value0", "x_", "$x", "_d__d_x", "_t1", "_sin0"
  };

  private static final String[] MATH_FNS = {
    "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp", "expm1",
    "log", "log10", "log1p", "sqrt", "cbrt", "pow", "hypot", "abs", "max", "min", "fma",
    "toRadians", "toDegrees", "IEEEremainder", "copySign", "scalb", "nextUp", "nextDown",
    "nextAfter", "clamp"
  };
  private static final String[] ZERO_FNS = {"floor", "ceil", "rint", "round", "signum", "ulp", "getExponent"};

  private final Random rnd;
  private final Set<Feature> f;
  private final Context ctx;

  // ---- the method being generated
  private Env env = new Env();
  private final Set<String> usedNames = new HashSet<>();
  private final List<String> retired = new ArrayList<>();
  private int counter;
  private int budget;
  private int loopDepth;
  private final List<String> labels = new ArrayList<>();
  private Range returns;
  private String owner = "C";
  /**
   * Whether a callee is being written: it reads none of C's private data, since it may run
   * without the annotation inside a method of H, whose generated class cannot read C's privates
   * (a documented compile error).
   */
  private boolean callee;
  /** Inside a switch expression's case: no nested switch expression there. */
  private int switchExprDepth;

  Gen(Random rnd, Set<Feature> features, Context ctx) {
    this.rnd = rnd;
    this.f = features;
    this.ctx = ctx;
  }

  private boolean on(Feature x) {
    return f.contains(x);
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  private <X> X pick(List<X> xs) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  private String pick(String[] xs) {
    return xs[rnd.nextInt(xs.length)];
  }

  // ================================================================== methods

  /** A generated method and the range of its result over its parameter domains. */
  record Generated(Method method, Range result, List<Object[]> points) {}

  /**
   * A method named {@code name} of class {@code owner}. The parameter domains are those of {@link
   * #DOUBLE_DOMAIN} for a program, or {@code [-CALLEE_DOMAIN, CALLEE_DOMAIN]} for a callee.
   */
  Generated method(String owner, String name, boolean callee, boolean isPrivate, List<T> fixedParams, int points) {
    this.owner = owner;
    List<Param> params = new ArrayList<>();
    this.callee = callee;
    if (on(Feature.STATIC_TABLES)) {
      declareTables(owner);
    }
    List<T> types = fixedParams != null ? fixedParams : paramTypes(callee);
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (T t : types) {
      String n = paramName(t);
      params.add(new Param(t, n));
      Info info = new Info(n, t, domain(t, callee), true, false);
      if (t.array()) {
        info.len = 2 + rnd.nextInt(3);
        if (t == T.DOUBLE_ARR2) {
          info.len2 = 2 + rnd.nextInt(2);
        }
        shapes.put(n, new int[] {info.len, info.len2});
      }
      env.declare(info);
    }
    budget = 3 + rnd.nextInt(callee ? 5 : 10);
    returns = null;
    List<Stmt> body = new ArrayList<>();
    boolean done = false;
    while (budget > 0 && !done) {
      done = stmt(body, 2, true);
    }
    if (!done) {
      G r = dbl(3);
      noteReturn(r);
      body.add(new Return(r.e()));
    }
    Method m = new Method(owner, name, params, new Block(body), true, isPrivate);
    List<Object[]> pts = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      Object[] p = new Object[params.size()];
      for (int j = 0; j < p.length; j++) {
        Param pa = params.get(j);
        p[j] = sample(pa.type(), domain(pa.type(), callee), shapes.get(pa.name()));
      }
      pts.add(p);
    }
    return new Generated(m, returns, pts);
  }

  private List<T> paramTypes(boolean callee) {
    List<T> types = new ArrayList<>();
    int doubles = 1 + rnd.nextInt(callee ? 2 : 4);
    for (int i = 0; i < doubles; i++) {
      types.add(T.DOUBLE);
    }
    if (on(Feature.INTEGERS)) {
      if (chance(0.5)) {
        types.add(T.INT);
      }
      if (chance(0.15)) {
        types.add(T.INT);
      }
      if (chance(0.15)) {
        types.add(T.LONG);
      }
      if (chance(0.25)) {
        types.add(T.BOOLEAN);
      }
    }
    if (!callee && on(Feature.SWITCH) && chance(0.15)) {
      types.add(T.STRING);
    }
    if (!callee && on(Feature.ARRAYS)) {
      if (chance(0.5)) {
        types.add(T.DOUBLE_ARR);
      }
      if (on(Feature.ARRAYS_2D) && chance(0.25)) {
        types.add(T.DOUBLE_ARR2);
      }
    }
    java.util.Collections.shuffle(types, rnd);
    return types;
  }

  private Range domain(T t, boolean callee) {
    switch (t) {
      case DOUBLE:
      case DOUBLE_ARR:
      case DOUBLE_ARR2:
        return callee ? new Range(-CALLEE_DOMAIN, CALLEE_DOMAIN) : DOUBLE_DOMAIN;
      case INT:
        return INT_DOMAIN;
      case LONG:
        return LONG_DOMAIN;
      default:
        return Range.ZERO;
    }
  }

  private Object sample(T t, Range d, int[] shape) {
    switch (t) {
      case DOUBLE:
        return d.lo() + (d.hi() - d.lo()) * rnd.nextDouble();
      case INT:
        return (int) d.lo() + rnd.nextInt((int) (d.hi() - d.lo()) + 1);
      case LONG:
        return (long) d.lo() + rnd.nextInt((int) (d.hi() - d.lo()) + 1);
      case BOOLEAN:
        return rnd.nextBoolean();
      case STRING:
        return pick(STRINGS);
      case DOUBLE_ARR:
        {
          double[] a = new double[shape[0]];
          for (int i = 0; i < a.length; i++) {
            a[i] = (Double) sample(T.DOUBLE, d, null);
          }
          return a;
        }
      case DOUBLE_ARR2:
        {
          double[][] a = new double[shape[0]][shape[1]];
          for (double[] row : a) {
            for (int i = 0; i < row.length; i++) {
              row[i] = (Double) sample(T.DOUBLE, d, null);
            }
          }
          return a;
        }
      default:
        throw new IllegalArgumentException(t.toString());
    }
  }

  private String paramName(T t) {
    String[] pool =
        switch (t) {
          case DOUBLE, DOUBLE_ARR, DOUBLE_ARR2 -> DOUBLE_NAMES;
          case INT -> INT_NAMES;
          case LONG -> LONG_NAMES;
          case STRING -> STRING_NAMES;
          default -> BOOL_NAMES;
        };
    for (int tries = 0; tries < 20; tries++) {
      String n = on(Feature.NASTY_NAMES) && chance(0.15) ? pick(NASTY) : pick(pool);
      if (usedNames.add(n)) {
        return n;
      }
    }
    return fresh("p");
  }

  private String fresh(String base) {
    while (true) {
      String n = base + counter++;
      if (usedNames.add(n)) {
        return n;
      }
    }
  }

  /** A name for a new local: fresh, or one used by a sibling block that has ended. */
  private String localName() {
    if (on(Feature.BLOCKS) && !retired.isEmpty() && chance(0.4)) {
      String n = pick(retired);
      if (env.lookup(n) == null) {
        retired.remove(n);
        return n;
      }
    }
    if (on(Feature.NASTY_NAMES) && chance(0.12)) {
      String n = pick(NASTY);
      if (env.lookup(n) == null && !usedNames.contains(n)) {
        usedNames.add(n);
        return n;
      }
    }
    return fresh(chance(0.5) ? "t" : "s");
  }

  private void noteReturn(G r) {
    returns = returns == null ? r.r() : returns.hull(r.r());
  }

  // ================================================================== statements

  /**
   * Appends one or a few statements to {@code out}.
   *
   * @return whether they end every path (so nothing may follow)
   */
  private boolean stmt(List<Stmt> out, int depth, boolean top) {
    budget--;
    List<Runnable> kinds = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    boolean[] ends = {false};
    if (on(Feature.LOCALS)) {
      add(kinds, weights, 6, () -> declareDouble(out));
    }
    if (on(Feature.REASSIGN) && !assignable(T.DOUBLE).isEmpty()) {
      add(kinds, weights, 5, () -> assignDouble(out));
    }
    if (on(Feature.COMPOUND) && !assignable(T.DOUBLE).isEmpty()) {
      add(kinds, weights, 4, () -> compoundDouble(out));
    }
    if (on(Feature.INTEGERS)) {
      add(kinds, weights, 3, () -> integerStatement(out));
    }
    if (on(Feature.IF) && depth > 0) {
      add(kinds, weights, 5, () -> ends[0] = ifStatement(out, depth, top));
    }
    if (on(Feature.SPLIT_DECLARATION) && on(Feature.IF) && depth > 0) {
      add(kinds, weights, 1, () -> splitDeclaration(out, depth));
    }
    if (on(Feature.BLOCKS) && depth > 0) {
      add(kinds, weights, 1, () -> ends[0] = block(out, depth));
    }
    if (on(Feature.DOUBLE_INCREMENT) && !assigned(assignable(T.DOUBLE)).isEmpty()) {
      add(kinds, weights, 1, () -> out.add(incr(pick(assigned(assignable(T.DOUBLE))))));
    }
    if (on(Feature.LOOPS) && depth > 0 && loopDepth < 2) {
      add(kinds, weights, 4, () -> ends[0] = loop(out, depth));
    }
    if (on(Feature.ARRAYS)) {
      add(kinds, weights, 3, () -> arrayStatement(out));
    }
    if (on(Feature.REDUNDANT_SYNTAX)) {
      add(kinds, weights, 1, () -> out.add(new Ast.Raw(";")));
    }
    if (on(Feature.ASSIGN_IN_EXPR)) {
      add(kinds, weights, 3, () -> assignInExpr(out));
    }
    if (on(Feature.SWITCH) && depth > 0) {
      add(kinds, weights, 3, () -> ends[0] = switchStatement(out, depth));
      add(kinds, weights, 1, () -> declareData(out));
    }
    if (on(Feature.THROW)) {
      add(kinds, weights, 2, () -> ends[0] = check(out, depth));
    }
    if (on(Feature.STATIC_TABLES) && on(Feature.LOOPS) && loopDepth < 2) {
      add(kinds, weights, 1, () -> horner(out));
    }
    if (on(Feature.FLOATS)) {
      add(kinds, weights, 1, () -> declareFloat(out));
    }
    if (on(Feature.TRY_CATCH) && depth > 0) {
      add(kinds, weights, 3, () -> ends[0] = tryStatement(out, depth));
    }
    if (on(Feature.HELPER_STATEMENTS) && on(Feature.ARRAYS) && on(Feature.PLAIN_HELPERS) && !writableArrays().isEmpty()) {
      add(kinds, weights, 1, () -> helperStatement(out));
    }
    if (on(Feature.STREAMS) && on(Feature.ARRAYS)) {
      add(kinds, weights, 1, () -> streamStatement(out));
    }
    if (on(Feature.LAMBDAS)) {
      add(kinds, weights, 1, () -> lambdaStatement(out));
    }
    if (on(Feature.RECORD_VALUES)) {
      add(kinds, weights, 3, () -> declarePoint(out));
      if (!assigned(assignable(T.POINT)).isEmpty()) {
        add(kinds, weights, 2, () -> assignPoint(out));
      }
    }
    if (top && on(Feature.IF) && on(Feature.EARLY_RETURN) && budget <= 0) {
      add(kinds, weights, 6, () -> ends[0] = finalIfElse(out, depth));
    }
    int total = weights.stream().mapToInt(Integer::intValue).sum();
    int r = rnd.nextInt(total);
    for (int i = 0; i < kinds.size(); i++) {
      r -= weights.get(i);
      if (r < 0) {
        kinds.get(i).run();
        break;
      }
    }
    return ends[0];
  }

  private static void add(List<Runnable> kinds, List<Integer> weights, int w, Runnable r) {
    kinds.add(r);
    weights.add(w);
  }

  /** Variables of type {@code t} that may be assigned: not loop counters, arrays excluded. */
  private List<Info> assignable(T t) {
    List<Info> out = new ArrayList<>();
    for (Info i : env.all()) {
      if (i.type == t && !i.readOnly && (on(Feature.REASSIGN) || i.local)) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Info> assigned(List<Info> vs) {
    vs.removeIf(i -> !i.assigned);
    return vs;
  }

  private List<Info> readable(T t) {
    List<Info> out = new ArrayList<>();
    for (Info i : env.all()) {
      if (i.type == t && i.assigned) {
        out.add(i);
      }
    }
    return out;
  }

  private void declareDouble(List<Stmt> out) {
    G g = dbl(2 + rnd.nextInt(2));
    String n = localName();
    boolean useVar = on(Feature.VAR) && chance(0.2);
    out.add(new Decl(T.DOUBLE, n, g.e(), useVar));
    env.declare(new Info(n, T.DOUBLE, g.r(), true, true));
  }

  private void assignDouble(List<Stmt> out) {
    Info v = pick(assignable(T.DOUBLE));
    G g = dbl(2 + rnd.nextInt(2));
    out.add(new Assign(new Ref(v.name, T.DOUBLE), "=", g.e()));
    v.range = g.r();
    v.assigned = true;
  }

  private void compoundDouble(List<Stmt> out) {
    List<Info> vs = assignable(T.DOUBLE);
    vs.removeIf(i -> !i.assigned);
    if (vs.isEmpty()) {
      declareDouble(out);
      return;
    }
    Info v = pick(vs);
    Ref ref = new Ref(v.name, T.DOUBLE);
    switch (rnd.nextInt(4)) {
      case 0:
      case 1:
        {
          G g = fit(num(2), LIMIT / 2);
          Range r = v.range.add(g.r()).hull(v.range.sub(g.r()));
          if (r.within(LIMIT * 2)) {
            out.add(new Assign(ref, chance(0.5) ? "+=" : "-=", g.e()));
            v.range = r;
            return;
          }
          break;
        }
      case 2:
        {
          G g = fit(num(1), Math.max(0.1, Math.min(2, LIMIT / Math.max(1, v.range.max()))));
          Range r = v.range.mul(g.r());
          if (r.within(LIMIT * 2)) {
            out.add(new Assign(ref, "*=", g.e()));
            v.range = r;
            return;
          }
          break;
        }
      default:
        {
          G g = den(1);
          Range r = v.range.div(g.r());
          if (r.within(LIMIT * 2)) {
            out.add(new Assign(ref, "/=", g.e()));
            v.range = r;
            return;
          }
          break;
        }
    }
    // Would grow too much: assign a squashed value instead.
    G g = squash(new G(new Bin("*", ref, Lit.d(0.5), T.DOUBLE), v.range.scale(0.5)));
    out.add(new Assign(ref, "=", g.e()));
    v.range = g.r();
  }

  private Stmt incr(Info v) {
    Ref ref = new Ref(v.name, v.type);
    boolean up = rnd.nextBoolean();
    v.range = v.range.add(up ? new Range(0, 1) : new Range(-1, 0));
    return new Incr(ref, up, rnd.nextBoolean());
  }

  private void integerStatement(List<Stmt> out) {
    int kind = rnd.nextInt(10);
    if (kind < 3 || assigned(assignable(T.INT)).isEmpty()) {
      G g = intE(2);
      String n = localName();
      out.add(new Decl(T.INT, n, g.e(), on(Feature.VAR) && chance(0.15)));
      env.declare(new Info(n, T.INT, g.r(), true, true));
      return;
    }
    if (kind == 3) {
      if (chance(0.5)) {
        G g = chance(0.5) ? longE(2) : intE(1);
        String n = localName();
        out.add(new Decl(T.LONG, n, g.e(), false));
        env.declare(new Info(n, T.LONG, g.r(), true, true));
      } else {
        Expr c = cond(2, false);
        String n = localName();
        out.add(new Decl(T.BOOLEAN, n, c, on(Feature.VAR) && chance(0.15)));
        env.declare(new Info(n, T.BOOLEAN, Range.ZERO, true, true));
      }
      return;
    }
    if (kind == 4 && !assigned(assignable(T.BOOLEAN)).isEmpty()) {
      Info b = pick(assigned(assignable(T.BOOLEAN)));
      out.add(new Assign(new Ref(b.name, T.BOOLEAN), "=", cond(2, false)));
      b.assigned = true;
      return;
    }
    if (kind == 5 && !assigned(assignable(T.LONG)).isEmpty()) {
      Info l = pick(assigned(assignable(T.LONG)));
      G g = chance(0.5) ? intE(1) : longE(1);
      String op = pick(new String[] {"=", "+=", "-="});
      Range r = op.equals("=") ? g.r() : l.range.add(g.r()).hull(l.range.sub(g.r()));
      if (!r.within(1000)) {
        op = "=";
        r = g.r();
      }
      out.add(new Assign(new Ref(l.name, T.LONG), op, g.e()));
      l.range = r;
      return;
    }
    Info k = pick(assigned(assignable(T.INT)));
    Ref ref = new Ref(k.name, T.INT);
    if (on(Feature.INCREMENT) && chance(0.3)) {
      out.add(incr(k));
      return;
    }
    if (chance(0.1)) {
      G g = fit(dbl(1), 5);
      boolean plus = chance(0.5);
      if (on(Feature.LOSSY_COMPOUND)) {
        out.add(new Assign(ref, plus ? "+=" : "-=", g.e()));
      } else {
        // What k += e means, written out (JDK 20+ warns on the compound form in the source).
        out.add(new Assign(ref, "=", new Cast(T.INT, new Bin(plus ? "+" : "-", ref, g.e(), T.DOUBLE))));
      }
      k.range = k.range.add(new Range(-6, 6)).integral();
      return;
    }
    G g = intE(1);
    switch (rnd.nextInt(6)) {
      case 0:
        out.add(new Assign(ref, "=", g.e()));
        k.range = g.r();
        return;
      case 1:
      case 2:
        {
          Range r = k.range.add(g.r()).hull(k.range.sub(g.r()));
          if (r.within(INT_LIMIT)) {
            out.add(new Assign(ref, chance(0.5) ? "+=" : "-=", g.e()));
            k.range = r;
            return;
          }
          break;
        }
      case 3:
        if (k.range.within(INT_LIMIT / 3)) {
          int c = 2 + rnd.nextInt(2);
          out.add(new Assign(ref, "*=", Lit.i(c)));
          k.range = k.range.scale(c);
          return;
        }
        break;
      case 4:
        {
          int c = pick(List.of(2, 3, -2));
          out.add(new Assign(ref, "/=", Lit.i(c)));
          k.range = k.range.hull(k.range.scale(1.0 / c)).hull(Range.ZERO).integral();
          return;
        }
      default:
        break;
    }
    int c = 2 + rnd.nextInt(4);
    out.add(new Assign(ref, "%=", Lit.i(c)));
    k.range = new Range(-(c - 1), c - 1).hull(Range.ZERO);
  }

  /** if / else if / else, with an early return in a branch now and then. */
  private boolean ifStatement(List<Stmt> out, int depth, boolean top) {
    Expr c = cond(2, true);
    Env before = env;
    env = before.copy();
    Branch then = branch(depth);
    Env afterThen = env;
    Block otherwise = null;
    boolean elseEnds = false;
    Env afterElse = before.copy();
    if (chance(0.6)) {
      env = before.copy();
      if (on(Feature.ELSE_IF) && chance(0.3)) {
        List<Stmt> inner = new ArrayList<>();
        elseEnds = ifStatement(inner, depth - 1 < 1 ? 1 : depth - 1, false);
        otherwise = new Block(inner);
      } else {
        Branch b = branch(depth);
        otherwise = b.block;
        elseEnds = b.ends;
      }
      afterElse = env;
    }
    env = before;
    env.join(afterThen, then.ends, afterElse, elseEnds);
    out.add(new If(c, then.block, otherwise, chance(0.7)));
    return then.ends && elseEnds;
  }

  private record Branch(Block block, boolean ends) {}

  /**
   * {@code try { ... } catch (ArithmeticException e) { ... }} around a generated block. The catch
   * either rethrows wrapped (nothing in the block throws), or, where the block writes no array,
   * gives every variable in scope a fallback value while a check placed somewhere in the block
   * throws at some points. A block that returns (a vector twin would make that a return of an
   * array, which a try cannot hold) is written as a plain block; a break or continue may leave it.
   */
  private boolean tryStatement(List<Stmt> out, int depth) {
    Env before = env;
    env = before.copy();
    Branch body = branch(depth);
    Env afterBody = env;
    if (body.ends || leaves(body.block, 0)) {
      env = afterBody;
      out.add(body.block);
      return body.ends;
    }
    List<Stmt> wrapped = new ArrayList<>();
    boolean resumes = !writesArrays(body.block) && chance(0.7);
    List<Info> fallbacks = new ArrayList<>();
    if (resumes) {
      for (Info v : before.all()) {
        if (!v.readOnly && !v.table && (v.local || on(Feature.REASSIGN))
            && (v.type == T.DOUBLE || v.type == T.INT || v.type == T.LONG || v.type == T.BOOLEAN || v.type == T.FLOAT)) {
          fallbacks.add(v);
        }
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      fallbacks.forEach(v -> names.add(v.name));
      List<Info> ds = new ArrayList<>();
      for (Info v : before.all()) {
        if (v.type == T.DOUBLE && v.assigned) {
          ds.add(v);
        }
      }
      if (ds.isEmpty() || !assignsOnly(body.block, names, before)) {
        resumes = false;
      } else {
        // A check that throws at some points, part way through the block.
        Info v = pick(ds);
        double mid = Math.floor((v.range.lo() + v.range.hi()) * 2) / 4;
        List<Stmt> stmts = new ArrayList<>(body.block.stmts());
        Stmt thr = new Throw("ArithmeticException", new Bin("+", new Lit(quote(v.name + " = "), T.STRING), new Ref(v.name, T.DOUBLE), T.STRING));
        stmts.add(rnd.nextInt(stmts.size() + 1),
            new If(new Bin(">", new Ref(v.name, T.DOUBLE), Lit.d(mid), T.BOOLEAN), new Block(List.of(thr)), null, true));
        body = new Branch(new Block(stmts), false);
      }
    }
    String ex = fresh("ex");
    wrapped.add(new Raw("try"));
    wrapped.add(body.block);
    wrapped.add(new Raw("catch (ArithmeticException " + ex + ")"));
    if (!resumes) {
      env = afterBody;
      wrapped.add(new Block(List.of(new Raw("throw new IllegalStateException(\"wrapped\", " + ex + ");"))));
      out.add(new Block(wrapped));
      return false;
    }
    env = before.copy();
    List<Stmt> handler = new ArrayList<>();
    for (Info v : fallbacks) {
      Info mine = env.lookup(v.name);
      double k = Math.floor((v.range.lo() + v.range.hi()) * 2) / 4;
      Expr value;
      if (v.type == T.DOUBLE) {
        value = Lit.d(k);
        mine.range = new Range(k, k);
      } else if (v.type == T.FLOAT) {
        value = new Lit(k + "f", T.FLOAT);
        mine.range = new Range(k, k);
      } else if (v.type == T.INT) {
        value = Lit.i((int) Math.floor(k));
        mine.range = new Range(Math.floor(k), Math.floor(k));
      } else if (v.type == T.LONG) {
        value = Lit.l((long) Math.floor(k));
        mine.range = new Range(Math.floor(k), Math.floor(k));
      } else {
        value = new Lit("false", T.BOOLEAN);
      }
      mine.assigned = true;
      handler.add(new Assign(new Ref(v.name, v.type), "=", value));
    }
    Env afterCatch = env;
    env = before;
    env.join(afterBody, false, afterCatch, false);
    wrapped.add(new Block(handler));
    out.add(new Block(wrapped));
    return false;
  }

  /**
   * Whether {@code s} holds what a try cannot: a return (a vector twin would make it a return of
   * an array), a yield, or a labelled jump from a loop inside it.
   */
  private static boolean leaves(Stmt s, int loops) {
    if (s instanceof Return || s instanceof Yield) {
      return true;
    }
    // A jump straight out of the try runs after it; a labelled one from a loop inside may not.
    if ((s instanceof Break k && k.label() != null && loops > 0) || (s instanceof Continue c && c.label() != null && loops > 0)) {
      return true;
    }
    int inner = s instanceof For || s instanceof While || s instanceof DoWhile || s instanceof ForEach || s instanceof Switch ? loops + 1 : loops;
    if (s instanceof Switch w) {
      for (Case c : w.cases()) {
        if (leaves(c.body(), inner)) {
          return true;
        }
      }
    }
    for (Stmt c : Edit.children(s)) {
      if (leaves(c, inner)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} stores into an array element or calls a helper that may. */
  private static boolean writesArrays(Stmt s) {
    for (Expr e : Ast.exprsOf(s)) {
      if (writesArrays(e)) {
        return true;
      }
    }
    if (s instanceof Assign a && a.target() instanceof Index || s instanceof Incr i && i.target() instanceof Index
        || s instanceof ExprStmt x && x.expr() instanceof Call) {
      return true;
    }
    if (s instanceof Switch w) {
      for (Case c : w.cases()) {
        if (writesArrays(c.body())) {
          return true;
        }
      }
    }
    for (Stmt c : Edit.children(s)) {
      if (writesArrays(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean writesArrays(Expr e) {
    if (e instanceof AssignExpr a && a.target() instanceof Index || e instanceof IncrExpr i && i.target() instanceof Index) {
      return true;
    }
    if (e instanceof SwitchExpr w) {
      for (Case c : w.cases()) {
        if (writesArrays(c.body())) {
          return true;
        }
      }
    }
    for (Expr k : e.kids()) {
      if (writesArrays(k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every variable of {@code before} that {@code s} assigns is among {@code names}. */
  private static boolean assignsOnly(Stmt s, java.util.Set<String> names, Env before) {
    java.util.Set<String> targets = new java.util.HashSet<>();
    collectTargets(s, targets);
    for (String t : targets) {
      if (before.lookup(t) != null && !names.contains(t)) {
        return false;
      }
    }
    return true;
  }

  private static void collectTargets(Stmt s, java.util.Set<String> out) {
    if (s instanceof Assign a && a.target() instanceof Ref r) {
      out.add(r.name());
    }
    if (s instanceof Incr i && i.target() instanceof Ref r) {
      out.add(r.name());
    }
    for (Expr e : Ast.exprsOf(s)) {
      collectTargets(e, out);
    }
    if (s instanceof Switch w) {
      for (Case c : w.cases()) {
        collectTargets(c.body(), out);
      }
    }
    for (Stmt c : Edit.children(s)) {
      collectTargets(c, out);
    }
  }

  private static void collectTargets(Expr e, java.util.Set<String> out) {
    if (e instanceof AssignExpr a && a.target() instanceof Ref r) {
      out.add(r.name());
    }
    if (e instanceof IncrExpr i && i.target() instanceof Ref r) {
      out.add(r.name());
    }
    if (e instanceof SwitchExpr w) {
      for (Case c : w.cases()) {
        collectTargets(c.body(), out);
      }
    }
    for (Expr k : e.kids()) {
      collectTargets(k, out);
    }
  }

  private Branch branch(int depth) {
    env.push();
    List<Stmt> s = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    boolean ends = false;
    for (int i = 0; i < n && !ends; i++) {
      ends = stmt(s, depth - 1, false);
    }
    if (!ends && on(Feature.EARLY_RETURN) && (loopDepth == 0 || on(Feature.RETURN_IN_LOOP)) && chance(0.25)) {
      G r = dbl(2);
      noteReturn(r);
      s.add(new Return(r.e()));
      ends = true;
    }
    retire(env.pop());
    return new Branch(new Block(s), ends);
  }

  private void retire(Map<String, Info> frame) {
    retired.addAll(frame.keySet());
  }

  /** The last statement: if/else whose branches all return. */
  private boolean finalIfElse(List<Stmt> out, int depth) {
    Expr c = cond(2, true);
    Block[] bs = new Block[2];
    Env before = env;
    for (int i = 0; i < 2; i++) {
      env = before.copy();
      env.push();
      List<Stmt> s = new ArrayList<>();
      boolean ends = false;
      int n = rnd.nextInt(3);
      for (int j = 0; j < n && !ends; j++) {
        ends = stmt(s, depth - 1, false);
      }
      if (!ends) {
        G r = dbl(2);
        noteReturn(r);
        s.add(new Return(r.e()));
      }
      retire(env.pop());
      bs[i] = new Block(s);
    }
    env = before;
    out.add(new If(c, bs[0], bs[1], chance(0.7)));
    return true;
  }

  /** {@code double t; if (c) { ...; t = a; } else { ...; t = b; }}. */
  private void splitDeclaration(List<Stmt> out, int depth) {
    String n = localName();
    out.add(new Decl(T.DOUBLE, n, null, false));
    Info info = new Info(n, T.DOUBLE, Range.ZERO, false, true);
    env.declare(info);
    Expr c = cond(2, true);
    Env before = env;
    Block[] bs = new Block[2];
    Env[] after = new Env[2];
    for (int i = 0; i < 2; i++) {
      env = before.copy();
      env.push();
      List<Stmt> s = new ArrayList<>();
      if (chance(0.5)) {
        stmt(s, 0, false);
      }
      G g = dbl(2);
      s.add(new Assign(new Ref(n, T.DOUBLE), "=", g.e()));
      env.lookup(n).range = g.r();
      env.lookup(n).assigned = true;
      retire(env.pop());
      bs[i] = new Block(s);
      after[i] = env;
    }
    env = before;
    env.join(after[0], false, after[1], false);
    out.add(new If(c, bs[0], bs[1], chance(0.7)));
  }

  private boolean block(List<Stmt> out, int depth) {
    env.push();
    List<Stmt> s = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    boolean ends = false;
    for (int i = 0; i < n && !ends; i++) {
      ends = stmt(s, depth - 1, false);
    }
    retire(env.pop());
    out.add(new Block(s));
    return ends;
  }

  // ================================================================== loops

  /**
   * A bounded loop: for, while or do-while with a counter, or an enhanced for over an array.
   * Before the body, every variable it may assign is widened to the full bound, and the body
   * keeps every value inside it, so the ranges hold for any number of iterations.
   */
  private boolean loop(List<Stmt> out, int depth) {
    env.widen(LIMIT, INT_LIMIT);
    String label = on(Feature.LABELS) && chance(0.3) ? fresh("outer") : null;
    int kind = rnd.nextInt(4);
    List<Info> arrays = readable(T.DOUBLE_ARR);
    if (kind == 3 && !(on(Feature.ENHANCED_FOR) && !arrays.isEmpty())) {
      kind = rnd.nextInt(3);
    }
    loopDepth++;
    if (label != null) {
      labels.add(label);
    }
    Stmt loop;
    boolean doEnds = false;
    env.push();
    try {
      switch (kind) {
        case 0:
          {
            String i = fresh("i");
            G bound = loopBound(arrays);
            Info counter = new Info(i, T.INT, new Range(0, Math.max(0, bound.r().hi() - 1)), true, true);
            counter.readOnly = true;
            env.declare(counter);
            Block body = loopBody(depth);
            loop =
                new For(
                    label,
                    new Decl(T.INT, i, Lit.i(0), false),
                    new Bin("<", new Ref(i, T.INT), bound.e(), T.BOOLEAN),
                    new Incr(new Ref(i, T.INT), true, false),
                    body);
            break;
          }
        case 1:
        case 2:
          {
            // int i = 0; while (i < n) { i++; ... }: the counter moves first, so continue is safe.
            String i = fresh("i");
            G bound = loopBound(arrays);
            env.pop();
            out.add(new Decl(T.INT, i, Lit.i(0), false));
            Info counter = new Info(i, T.INT, new Range(0, Math.max(1, bound.r().hi())), true, true);
            counter.readOnly = true;
            env.declare(counter);
            env.push();
            // while ((v = e) > c && i < n): the assignment is read before the body, every trip.
            Expr whileAssign = null;
            List<Info> targets = assigned(assignable(T.DOUBLE));
            if (kind == 1 && on(Feature.ASSIGN_IN_EXPR) && !targets.isEmpty() && chance(0.3)) {
              Info v = pick(targets);
              G g = fit(dbl(1), LIMIT);
              whileAssign = new Bin(pick(new String[] {">", "<", ">="}), new AssignExpr(new Ref(v.name, T.DOUBLE), "=", g.e()),
                  Lit.d(pick(List.of(-0.5, 0.0, 0.25, 1.0))), T.BOOLEAN);
            }
            List<Stmt> body = new ArrayList<>();
            body.add(new Incr(new Ref(i, T.INT), true, chance(0.5)));
            body.addAll(loopBody(depth).stmts());
            Expr c = new Bin("<", new Ref(i, T.INT), bound.e(), T.BOOLEAN);
            if (whileAssign != null) {
              c = new Bin("&&", whileAssign, c, T.BOOLEAN);
            }
            loop = kind == 1 ? new While(label, c, new Block(body)) : new DoWhile(label, new Block(body), c);
            doEnds = kind == 2 && bodyEnds;
            break;
          }
        default:
          {
            Info a = pick(arrays);
            String v = fresh("e");
            Info elem = new Info(v, T.DOUBLE, a.range, true, true);
            elem.readOnly = true;
            env.declare(elem);
            Block body = loopBody(depth);
            loop = new ForEach(label, T.DOUBLE, v, ref(a), body);
            break;
          }
      }
    } finally {
      retire(env.pop());
      loopDepth--;
      if (label != null) {
        labels.remove(label);
      }
    }
    out.add(loop);
    env.widen(LIMIT, INT_LIMIT);
    // A do-while whose body always returns cannot complete normally: nothing may follow it.
    return doEnds;
  }

  /** A trip count of at most 4: a literal, an int parameter capped, or an array's length. */
  private G loopBound(List<Info> arrays) {
    int k = rnd.nextInt(4);
    if (k == 0 && !arrays.isEmpty()) {
      Info a = pick(arrays);
      return new G(new Length(ref(a)), Range.point(a.len));
    }
    List<Info> ints = readable(T.INT);
    ints.removeIf(i -> i.readOnly);
    if (k == 1 && !ints.isEmpty()) {
      Info n = pick(ints);
      return new G(
          new Call("Math.min", List.of(new Ref(n.name, T.INT), Lit.i(3)), T.INT),
          new Range(n.range.lo(), Math.min(3, n.range.hi())));
    }
    int n = 1 + rnd.nextInt(4);
    return new G(Lit.i(n), Range.point(n));
  }

  private boolean bodyEnds;

  private Block loopBody(int depth) {
    bodyEnds = false;
    // The condition of a break or continue reads only what is in scope before the body, so it
    // may go anywhere in it.
    Expr jumpCond = on(Feature.BREAK_CONTINUE) && chance(0.4) ? cond(1, true) : null;
    List<Stmt> s = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    boolean ends = false;
    for (int i = 0; i < n && !ends; i++) {
      ends = stmt(s, Math.max(1, depth - 1), false);
      env.widen(LIMIT, INT_LIMIT);
    }
    if (!ends && jumpCond != null) {
      String target = on(Feature.LABELS) && !labels.isEmpty() && chance(0.4) ? pick(labels) : null;
      Stmt jump = chance(0.5) ? new Break(target) : new Continue(target);
      s.add(rnd.nextInt(s.size() + 1), new If(jumpCond, Block.of(jump), null, chance(0.5)));
    }
    bodyEnds = ends;
    return new Block(s);
  }

  // ================================================================== arrays

  private void arrayStatement(List<Stmt> out) {
    List<Info> arrays = writableArrays();
    if (arrays.isEmpty() || chance(0.3)) {
      declareArray(out);
      return;
    }
    if (on(Feature.ASSIGN_IN_EXPR) && chance(0.15) && indexedWrites(out, arrays)) {
      return;
    }
    Info a = pick(arrays);
    Expr target = elementRef(a);
    G g = fit(dbl(2), LIMIT);
    String op = chance(0.7) ? "=" : pick(new String[] {"+=", "-=", "*="});
    if (op.equals("*=")) {
      g = fit(g, 1);
    }
    Range r = op.equals("=") ? g.r() : a.range.add(g.r()).hull(a.range.sub(g.r())).hull(a.range.mul(g.r()));
    if (!r.within(LIMIT * 2)) {
      op = "=";
      r = g.r();
    }
    out.add(new Assign(target, op, g.e()));
    a.range = a.range.hull(r);
  }

  private void declareArray(List<Stmt> out) {
    String n = localName();
    boolean twoD = on(Feature.ARRAYS_2D) && chance(0.25);
    if (on(Feature.INT_ARRAYS) && chance(0.2)) {
      int len = 2 + rnd.nextInt(3);
      List<Expr> elems = new ArrayList<>();
      for (int i = 0; i < len; i++) {
        elems.add(Lit.i(rnd.nextInt(2)));
      }
      out.add(new Decl(T.INT_ARR, n, new ArrayInit(T.INT_ARR, elems), false));
      Info info = new Info(n, T.INT_ARR, new Range(0, 1), true, true);
      info.len = len;
      env.declare(info);
      return;
    }
    List<Info> sources = readable(T.DOUBLE_ARR);
    sources.removeIf(i -> i.table);
    if (!twoD && !sources.isEmpty() && chance(0.15)) {
      // An alias: writes through it change the original.
      Info src = pick(sources);
      out.add(new Decl(T.DOUBLE_ARR, n, new Ref(src.name, T.DOUBLE_ARR), false));
      Info info = new Info(n, T.DOUBLE_ARR, src.range, true, true);
      info.len = src.len;
      env.declare(info);
      src.range = src.range.hull(new Range(-LIMIT, LIMIT));
      info.range = src.range;
      return;
    }
    int len = 2 + rnd.nextInt(3);
    Info info = new Info(n, twoD ? T.DOUBLE_ARR2 : T.DOUBLE_ARR, Range.ZERO, true, true);
    info.len = len;
    if (twoD) {
      info.len2 = 2 + rnd.nextInt(2);
      out.add(new Decl(T.DOUBLE_ARR2, n, new NewArray(T.DOUBLE_ARR2, List.of(Lit.i(len), Lit.i(info.len2))), false));
    } else if (chance(0.5)) {
      out.add(new Decl(T.DOUBLE_ARR, n, new NewArray(T.DOUBLE_ARR, List.of(Lit.i(len))), false));
    } else {
      List<Expr> elems = new ArrayList<>();
      Range r = null;
      for (int i = 0; i < len; i++) {
        G g = fit(dbl(1), LIMIT);
        elems.add(g.e());
        r = r == null ? g.r() : r.hull(g.r());
      }
      info.range = r;
      out.add(new Decl(T.DOUBLE_ARR, n, new ArrayInit(T.DOUBLE_ARR, elems), false));
    }
    env.declare(info);
  }

  /** {@code a[i]} or {@code m[i][j]} with indices certain to be in bounds. */
  private Expr elementRef(Info a) {
    Expr ref = ref(a);
    if (a.type == T.DOUBLE_ARR2) {
      Expr row = new Index(ref, index(a.len), T.DOUBLE_ARR);
      return new Index(row, index(a.len2), T.DOUBLE);
    }
    return new Index(ref, index(a.len), T.DOUBLE);
  }

  /** An int expression certain to lie in [0, len). */
  private Expr index(int len) {
    List<Info> ints = readable(T.INT);
    ints.removeIf(i -> !(i.range.lo() >= 0 && i.range.hi() <= len - 1));
    List<Info> idx = readable(T.INT_ARR);
    idx.removeIf(i -> !(i.range.lo() >= 0 && i.range.hi() <= len - 1));
    int k = rnd.nextInt(4);
    if (k == 0 && !ints.isEmpty()) {
      return new Ref(pick(ints).name, T.INT);
    }
    if (k == 1 && !idx.isEmpty()) {
      Info a = pick(idx);
      return new Index(ref(a), Lit.i(rnd.nextInt(a.len)), T.INT);
    }
    if (k == 2) {
      G g = intE(1);
      return new Call("Math.floorMod", List.of(g.e(), Lit.i(len)), T.INT);
    }
    return Lit.i(rnd.nextInt(len));
  }

  // ================================================================== expressions

  /** A double-typed expression. */
  G dbl(int d) {
    G g = dblRaw(d);
    if (on(Feature.REDUNDANT_SYNTAX) && chance(0.03)) {
      return new G(new Ast.Paren(g.e()), g.r());
    }
    return g;
  }

  private G dblRaw(int d) {
    if (d <= 0 || chance(0.2)) {
      return leaf();
    }
    if (on(Feature.SWITCH) && switchExprDepth == 0 && chance(0.03)) {
      return switchExpr(d);
    }
    int k = rnd.nextInt(100);
    if (k < 30 && on(Feature.ARITHMETIC)) {
      return arith(d);
    }
    if (k < 40 && on(Feature.ARITHMETIC)) {
      G l = num(d - 1);
      G den = den(d - 1);
      if (l.type() != T.DOUBLE && den.type() != T.DOUBLE) {
        l = toDouble(l);
      }
      return squash(new G(new Bin("/", l.e(), den.e(), T.DOUBLE), l.r().div(den.r())));
    }
    if (k < 42 && on(Feature.DOUBLE_REMAINDER) && chance(0.3)) {
      // |a % m| < |m|, with a's sign; derivative 1 between jumps
      G a = dbl(d - 1);
      double m = pick(List.of(1.5, 2.0, -0.75, 3.0));
      Range r = a.r().lo() >= 0 ? new Range(0, Math.abs(m)) : new Range(-Math.abs(m), Math.abs(m));
      return new G(new Bin("%", a.e(), m == 3.0 ? Lit.i(3) : Lit.d(m), T.DOUBLE), r);
    }
    if (k < 45 && on(Feature.ARITHMETIC)) {
      G a = dbl(d - 1);
      return new G(new Un(chance(0.9) ? "-" : "+", a.e(), T.DOUBLE), chance(0.9) ? a.r().neg() : a.r());
    }
    if (k < 70 && on(Feature.MATH)) {
      return squash(math(d - 1));
    }
    if (k < 74 && on(Feature.ZERO_DERIVATIVE_MATH)) {
      return zeroMath(d - 1);
    }
    // Not in callees: a caller asks for its Hessian by its own body alone.
    if (k < 76 && on(Feature.CUSTOM_DERIVATIVES) && !callee) {
      return ruled(d - 1);
    }
    if (k < 78 && on(Feature.SORT_AND_TABLES)) {
      G g = sortOrTable(d - 1);
      if (g != null) {
        return g;
      }
    }
    if (k < 82 && on(Feature.TERNARY)) {
      Expr c = cond(d - 1, false);
      G a = num(d - 1);
      G b = num(d - 1);
      if (a.type() != T.DOUBLE && b.type() != T.DOUBLE) {
        a = toDouble(a);
      }
      return new G(new Cond(c, a.e(), b.e(), T.DOUBLE), a.r().hull(b.r()));
    }
    if (k < 90 && on(Feature.CALLS) && !ctx.callees().isEmpty()) {
      return squash(callee(d - 1));
    }
    if (k < 93 && on(Feature.PLAIN_HELPERS) && !ctx.plains().isEmpty()) {
      return plain();
    }
    if (k < 97 && on(Feature.ARRAYS)) {
      G e = arrayRead();
      if (e != null) {
        return e;
      }
    }
    if (on(Feature.INTEGERS) && chance(0.5)) {
      return toDouble(chance(0.7) ? intE(d - 1) : longE(d - 1));
    }
    return arith(d);
  }

  private G arith(int d) {
    String op = pick(new String[] {"+", "-", "*", "+", "*"});
    G l = num(d - 1);
    G r = num(d - 1);
    if (l.type() != T.DOUBLE && r.type() != T.DOUBLE) {
      if (chance(0.5)) {
        l = toDouble(l);
      } else {
        r = toDouble(r);
      }
    }
    if (on(Feature.FLOATS) && l.type() == T.DOUBLE && chance(on(Feature.FLOAT_VALUES) ? 0.3 : 0.1)) {
      r = floatOperand();
    }
    Range range = op.equals("+") ? l.r().add(r.r()) : op.equals("-") ? l.r().sub(r.r()) : l.r().mul(r.r());
    return squash(new G(new Bin(op, l.e(), r.e(), T.DOUBLE), range));
  }

  /** A double, or now and then an int or long, for an operand that promotes. */
  private G num(int d) {
    if (on(Feature.INTEGERS) && chance(0.15)) {
      return chance(0.8) ? intE(Math.max(0, d - 1)) : longE(Math.max(0, d - 1));
    }
    return dbl(d);
  }

  private G toDouble(G g) {
    if (g.type() == T.DOUBLE) {
      return g;
    }
    if (chance(0.5)) {
      return new G(new Cast(T.DOUBLE, g.e()), g.r());
    }
    double k = pick(List.of(0.5, 1.0, 0.25, 2.0));
    return new G(new Bin("*", g.e(), Lit.d(k), T.DOUBLE), g.r().scale(k));
  }

  private G leaf() {
    List<Info> ds = readable(T.DOUBLE);
    int k = rnd.nextInt(100);
    if (k < 65 && !ds.isEmpty()) {
      Info v = pick(ds);
      return new G(new Ref(v.name, T.DOUBLE), v.range);
    }
    if (k < 75 && on(Feature.CONSTANTS)) {
      List<Constant> cs = new ArrayList<>();
      for (Constant c : ctx.constants()) {
        if (c.type() == T.DOUBLE && !(callee && c.text().equals("HALF_LOG"))) {
          cs.add(c);
        }
      }
      if (!cs.isEmpty()) {
        Constant c = pick(cs);
        return new G(new Lit(c.text(), T.DOUBLE), c.range());
      }
    }
    if (k < 80 && on(Feature.RECORD_VALUES) && chance(0.5)) {
      G e = pointRead();
      if (e != null) {
        return e;
      }
    }
    if (k < 80 && on(Feature.ARRAYS)) {
      G e = arrayRead();
      if (e != null) {
        return e;
      }
    }
    double v = pick(List.of(0.5, 2.0, 1.5, -1.0, 3.0, 0.25, 0.001, 10.0, 0.1, -0.75, 1.0, 0.0));
    return new G(Lit.d(v), Range.point(v));
  }

  private G arrayRead() {
    List<Info> arrays = new ArrayList<>(readable(T.DOUBLE_ARR));
    arrays.addAll(readable(T.DOUBLE_ARR2));
    if (arrays.isEmpty()) {
      return null;
    }
    Info a = pick(arrays);
    return new G(elementRef(a), a.range);
  }

  /** Squashes a value whose magnitude may exceed {@link #LIMIT}. */
  G squash(G g) {
    if (g.r().within(LIMIT)) {
      return g;
    }
    int k = rnd.nextInt(100);
    if (k < 40) {
      double s = scaleFor(g.r(), LIMIT / 2);
      return new G(new Bin("*", g.e(), Lit.d(s), T.DOUBLE), g.r().scale(s));
    }
    if (k < 70) {
      return new G(math1("tanh", g.e()), g.r().increasing(Math::tanh));
    }
    if (k < 85) {
      return new G(math1("atan", g.e()), g.r().increasing(Math::atan));
    }
    return new G(math1("sin", g.e()), new Range(-1, 1));
  }

  /** A literal factor (3 significant digits, rounded down) that brings {@code r} within {@code b}. */
  private static double scaleFor(Range r, double b) {
    double s = b / r.max();
    return new java.math.BigDecimal(s).round(new java.math.MathContext(2, java.math.RoundingMode.DOWN)).doubleValue();
  }

  /** {@code g} brought within [-b, b]. */
  G fit(G g, double b) {
    if (g.r().within(b)) {
      return g;
    }
    if (g.type() != T.DOUBLE) {
      g = toDouble(g);
    }
    int k = rnd.nextInt(3);
    if (k == 0) {
      double s = scaleFor(g.r(), b);
      return new G(new Bin("*", g.e(), Lit.d(s), T.DOUBLE), g.r().scale(s));
    }
    double s = scaleFor(new Range(-1, 1), b);
    Expr inner = k == 1 ? math1("tanh", g.e()) : math1("sin", g.e());
    return new G(new Bin("*", Lit.d(s), inner, T.DOUBLE), new Range(-s, s));
  }

  /** {@code g} scaled by a positive factor to lie within [-b, b]: its sign and zeros stay. */
  G shrink(G g, double b) {
    if (g.r().within(b)) {
      return g;
    }
    double s = scaleFor(g.r(), b);
    return new G(new Bin("*", g.e(), Lit.d(s), T.DOUBLE), g.r().scale(s));
  }

  /** A double at least 0.5 away from zero, for a divisor. */
  G den(int d) {
    G g = dbl(d);
    if (g.r().awayFromZero(0.5) && chance(0.5)) {
      return g;
    }
    switch (rnd.nextInt(7)) {
      case 0:
        {
          G a = fit(g, 5);
          return new G(new Bin("+", Lit.d(1), new Bin("*", a.e(), a.e(), T.DOUBLE), T.DOUBLE), a.r().square().add(Range.point(1)));
        }
      case 1:
        return new G(new Bin("+", Lit.d(2), math1("sin", g.e()), T.DOUBLE), new Range(1, 3));
      case 2:
        return new G(new Bin("-", Lit.d(2), math1("cos", g.e()), T.DOUBLE), new Range(1, 3));
      case 3:
        return new G(new Bin("+", Lit.d(1.5), math1("tanh", g.e()), T.DOUBLE), new Range(0.5, 2.5));
      case 4:
        {
          G a = fit(g, 2);
          return new G(math1("exp", a.e()), a.r().increasing(Math::exp));
        }
      case 5:
        return new G(
            new Bin("+", Lit.d(1), math1("abs", g.e()), T.DOUBLE), g.r().abs().add(Range.point(1)));
      default:
        {
          double v = pick(List.of(2.0, -3.0, 0.5, 4.0, 1.5));
          if (on(Feature.INTEGERS) && chance(0.3)) {
            int i = (int) Math.round(v) == 0 ? 2 : (int) Math.round(v);
            return new G(Lit.i(i), Range.point(i));
          }
          return new G(Lit.d(v), Range.point(v));
        }
    }
  }

  /** A double at least 0.1, for log and sqrt. */
  G pos(int d) {
    G g = dbl(d);
    if (g.r().lo() >= 0.1 && chance(0.6)) {
      return g;
    }
    switch (rnd.nextInt(6)) {
      case 0:
        {
          G a = fit(g, 5);
          return new G(new Bin("+", Lit.d(1), new Bin("*", a.e(), a.e(), T.DOUBLE), T.DOUBLE), a.r().square().add(Range.point(1)));
        }
      case 1:
        {
          G a = fit(g, 5);
          return new G(new Bin("+", new Bin("*", a.e(), a.e(), T.DOUBLE), Lit.d(0.25), T.DOUBLE), a.r().square().add(Range.point(0.25)));
        }
      case 2:
        return new G(new Bin("+", Lit.d(2), math1("sin", g.e()), T.DOUBLE), new Range(1, 3));
      case 3:
        {
          G a = fit(g, 3);
          return new G(math1("cosh", a.e()), new Range(1, Math.cosh(a.r().max())));
        }
      case 4:
        return new G(math2("hypot", g.e(), Lit.d(1)), new Range(1, Math.hypot(g.r().max(), 1)));
      default:
        return new G(new Bin("+", math1("abs", g.e()), Lit.d(0.5), T.DOUBLE), g.r().abs().add(Range.point(0.5)));
    }
  }

  /** A double inside [-0.9, 0.9], for asin and acos. */
  private G unit(int d) {
    G g = dbl(d);
    if (g.r().within(0.9) && chance(0.5)) {
      return g;
    }
    switch (rnd.nextInt(3)) {
      case 0:
        return new G(new Bin("*", Lit.d(0.9), math1("tanh", g.e()), T.DOUBLE), new Range(-0.9, 0.9));
      case 1:
        return new G(new Bin("*", Lit.d(0.5), math1("sin", g.e()), T.DOUBLE), new Range(-0.5, 0.5));
      default:
        return fit(g, 0.9);
    }
  }

  // ---- Math

  private String owner() {
    if (ctx.staticMathImport() && chance(0.3)) {
      return "";
    }
    if (on(Feature.FAST_MATH) && chance(0.3)) {
      return "org.hipparchus.util.FastMath.";
    }
    if (on(Feature.STRICT_MATH)) {
      int k = rnd.nextInt(100);
      if (k < 15) {
        return "StrictMath.";
      }
      if (k < 20) {
        return "java.lang.Math.";
      }
    }
    return "Math.";
  }

  private Call math1(String fn, Expr a) {
    return new Call(owner() + fn, List.of(a), T.DOUBLE);
  }

  private Call math2(String fn, Expr a, Expr b) {
    return new Call(owner() + fn, List.of(a, b), T.DOUBLE);
  }

  private G call(String fn, Range r, G... args) {
    List<Expr> es = new ArrayList<>();
    for (G g : args) {
      es.add(g.e());
    }
    return new G(new Call(owner() + fn, es, T.DOUBLE), r);
  }

  /** A call of a differentiable Math function, with arguments inside its domain. */
  G math(int d) {
    String fn = pick(MATH_FNS);
    switch (fn) {
      case "sin":
      case "cos":
        return call(fn, new Range(-1, 1), dbl(d));
      case "tan":
        {
          G a = fit(dbl(d), 1.2);
          return call(fn, a.r().increasing(Math::tan), a);
        }
      case "asin":
        {
          G a = unit(d);
          return call(fn, a.r().increasing(Math::asin), a);
        }
      case "acos":
        {
          G a = unit(d);
          return call(fn, new Range(Math.acos(a.r().hi()), Math.acos(a.r().lo())), a);
        }
      case "atan":
        {
          G a = dbl(d);
          return call(fn, a.r().increasing(Math::atan), a);
        }
      case "atan2":
        {
          G y = dbl(d);
          G x = chance(0.6) ? pos(d) : dbl(d);
          return call(fn, new Range(-Math.PI, Math.PI), y, x);
        }
      case "sinh":
        {
          G a = fit(dbl(d), 3);
          return call(fn, a.r().increasing(Math::sinh), a);
        }
      case "cosh":
        {
          G a = fit(dbl(d), 3);
          return call(fn, new Range(1, Math.cosh(a.r().max())), a);
        }
      case "tanh":
        {
          G a = dbl(d);
          return call(fn, a.r().increasing(Math::tanh), a);
        }
      case "exp":
        {
          G a = fit(dbl(d), 3);
          return call(fn, a.r().increasing(Math::exp), a);
        }
      case "expm1":
        {
          G a = fit(dbl(d), 3);
          return call(fn, a.r().increasing(Math::expm1), a);
        }
      case "log":
        {
          G a = pos(d);
          return call(fn, a.r().increasing(Math::log), a);
        }
      case "log10":
        {
          G a = pos(d);
          return call(fn, a.r().increasing(Math::log10), a);
        }
      case "log1p":
        {
          G a = chance(0.5) ? fit(dbl(d), 0.5) : pos(d);
          return call(fn, a.r().increasing(Math::log1p), a);
        }
      case "sqrt":
        {
          G a = pos(d);
          return call(fn, a.r().increasing(Math::sqrt), a);
        }
      case "cbrt":
        {
          // As for sqrt: away from 0, where cbrt has no finite slope (FINDINGS.md, finding 5).
          G a = pos(d);
          return call(fn, a.r().increasing(Math::cbrt), a);
        }
      case "pow":
        return pow(d);
      case "hypot":
        {
          G a = dbl(d);
          G b = dbl(d);
          return call(fn, new Range(0, Math.hypot(a.r().max(), b.r().max())), a, b);
        }
      case "abs":
        {
          G a = dbl(d);
          return call(fn, a.r().abs(), a);
        }
      case "max":
      case "min":
        {
          G a = dbl(d);
          G b = chance(0.3) ? leaf() : dbl(d);
          return call(fn, fn.equals("max") ? a.r().max(b.r()) : a.r().min(b.r()), a, b);
        }
      case "fma":
        {
          G a = dbl(d);
          G b = dbl(d);
          G c = dbl(d);
          return call(fn, a.r().mul(b.r()).add(c.r()), a, b, c);
        }
      case "toRadians":
        {
          G a = dbl(d);
          return call(fn, a.r().scale(Math.PI / 180), a);
        }
      case "toDegrees":
        {
          G a = fit(dbl(d), 0.3);
          return call(fn, a.r().scale(180 / Math.PI), a);
        }
      case "IEEEremainder":
        {
          G a = dbl(d);
          G b = den(d);
          double h = b.r().max() / 2;
          return call(fn, new Range(-h, h), a, b);
        }
      case "copySign":
        {
          G a = dbl(d);
          G b = dbl(d);
          return call(fn, new Range(-a.r().max(), a.r().max()), a, b);
        }
      case "scalb":
        {
          G a = fit(dbl(d), 5);
          G n;
          if (on(Feature.INTEGERS) && chance(0.4)) {
            G i = intE(d);
            n = i.r().lo() >= -3 && i.r().hi() <= 2 ? i : new G(new Call("Math.floorMod", List.of(i.e(), Lit.i(3)), T.INT), new Range(0, 2));
          } else {
            int v = rnd.nextInt(6) - 3;
            n = new G(Lit.i(v), Range.point(v));
          }
          Range factor = new Range(Math.pow(2, n.r().lo()), Math.pow(2, n.r().hi()));
          return call(fn, a.r().mul(factor), a, n);
        }
      case "nextUp":
      case "nextDown":
        {
          G a = dbl(d);
          return call(fn, a.r().add(new Range(-1e-12, 1e-12)), a);
        }
      case "nextAfter":
        {
          G a = dbl(d);
          G b = dbl(d);
          return call(fn, a.r().add(new Range(-1e-12, 1e-12)), a, b);
        }
      case "clamp":
        {
          G v = dbl(d);
          G lo;
          G hi;
          if (chance(0.5)) {
            double l = pick(List.of(-0.7, -1.0, 0.0, -2.5));
            double h = l + pick(List.of(0.5, 1.9, 3.0));
            lo = new G(Lit.d(l), Range.point(l));
            hi = new G(Lit.d(h), Range.point(h));
          } else {
            G c = fit(dbl(d), 5);
            lo = new G(new Bin("-", c.e(), Lit.d(1), T.DOUBLE), c.r().sub(Range.point(1)));
            hi = new G(new Bin("+", c.e(), Lit.d(1), T.DOUBLE), c.r().add(Range.point(1)));
          }
          String o = owner();
          Range r = v.r().max(lo.r()).min(hi.r());
          if (on(Feature.CLAMP)) {
            return new G(new Call(o + "clamp", List.of(v.e(), lo.e(), hi.e()), T.DOUBLE), r);
          }
          // Before JDK 21: the same value, and the same random draws, so programs do not depend on the JDK.
          Expr max = new Call(o + "max", List.of(v.e(), lo.e()), T.DOUBLE);
          return new G(new Call(o + "min", List.of(hi.e(), max), T.DOUBLE), r);
        }
      default:
        throw new IllegalStateException(fn);
    }
  }

  private G pow(int d) {
    int k = rnd.nextInt(8);
    switch (k) {
      case 0:
      case 1:
        {
          G a = fit(dbl(d), 5);
          String e = pick(new String[] {"2", "2.0", "3", "1", "0"});
          Range r =
              switch (e) {
                case "2", "2.0" -> a.r().square();
                case "3" -> a.r().increasing(v -> v * v * v);
                case "1" -> a.r();
                default -> Range.point(1);
              };
          return call("pow", r, a, new G(new Lit(e, e.contains(".") ? T.DOUBLE : T.INT), Range.ZERO));
        }
      case 2:
      case 3:
        {
          G a = shrink(pos(d), 6);
          G e = fit(dbl(d), 2);
          return call("pow", powRange(a.r(), e.r()), a, e);
        }
      case 4:
        {
          G a = shrink(pos(d), 8);
          double e = pick(List.of(0.5, -2.0, -0.5, 1.5, 2.5));
          return call("pow", powRange(a.r(), Range.point(e)), a, new G(Lit.d(e), Range.point(e)));
        }
      case 5:
        if (on(Feature.INTEGERS)) {
          G a = shrink(den(d), 4);
          G n = intE(d);
          if (!(n.r().lo() >= -2 && n.r().hi() <= 3)) {
            n = new G(new Call("Math.floorMod", List.of(n.e(), Lit.i(4)), T.INT), new Range(0, 3));
          }
          Range ab = a.r().abs();
          double m = Math.max(Math.pow(ab.hi(), 3), Math.pow(Math.max(ab.lo(), 0.5), -2));
          return call("pow", new Range(-m, m), a, n);
        }
        // fall through
      default:
        {
          G a = shrink(pos(d), 4);
          G e = fit(dbl(d), 1.5);
          return call("pow", powRange(a.r(), e.r()), a, e);
        }
    }
  }

  private static Range powRange(Range base, Range exp) {
    return Range.span(
        Math.pow(base.lo(), exp.lo()), Math.pow(base.lo(), exp.hi()),
        Math.pow(base.hi(), exp.lo()), Math.pow(base.hi(), exp.hi()));
  }

  /** floor, ceil, rint, round, signum, ulp, getExponent: derivative 0 (but values that matter). */
  private G zeroMath(int d) {
    String fn = pick(ZERO_FNS);
    G a = fit(dbl(d), LIMIT);
    switch (fn) {
      case "floor":
      case "ceil":
      case "rint":
        return call(fn, a.r().integral(), a);
      case "signum":
        return call(fn, new Range(-1, 1), a);
      case "ulp":
        return call(fn, new Range(0, Math.ulp(LIMIT)), a);
      case "round":
        {
          Expr e = new Call(owner() + "round", List.of(a.e()), T.LONG);
          return new G(chance(0.5) ? new Cast(T.DOUBLE, e) : new Bin("*", e, Lit.d(0.5), T.DOUBLE),
              a.r().integral().hull(a.r().integral().scale(0.5)));
        }
      default:
        {
          G p = pos(d);
          Expr e = new Call(owner() + "getExponent", List.of(p.e()), T.INT);
          Range r = new Range(Math.getExponent(Math.max(p.r().lo(), 0.1)), Math.getExponent(Math.max(1, p.r().hi())) + 1);
          return new G(new Cast(T.DOUBLE, e), r);
        }
    }
  }

  // ---- calls

  /** A call to another generated method, its arguments squashed into the callee's domain. */
  private G callee(int d) {
    Callee c = pick(ctx.callees());
    long overloads = ctx.callees().stream().filter(x -> x.method().name().equals(c.method().name())).count();
    List<Expr> args = new ArrayList<>();
    for (Param p : c.method().params()) {
      if (p.type() == T.DOUBLE && overloads == 1 && on(Feature.INTEGERS) && chance(0.1)) {
        // An int where the callee takes a double: widened, and carries no derivative.
        ctx.widened().add(c.method().name());
        G i = intE(d);
        args.add(i.r().within(CALLEE_DOMAIN) ? i.e() : new Call("Math.floorMod", List.of(i.e(), Lit.i(4)), T.INT));
        continue;
      }
      args.add(argument(p.type(), d));
    }
    return new G(new Call(c.callName(), args, T.DOUBLE), c.result());
  }

  private Expr argument(T t, int d) {
    switch (t) {
      case DOUBLE:
        return fit(dbl(d), CALLEE_DOMAIN).e();
      case INT:
        {
          G g = intE(d);
          if (g.r().lo() >= INT_DOMAIN.lo() && g.r().hi() <= INT_DOMAIN.hi()) {
            return g.e();
          }
          return new Call("Math.floorMod", List.of(g.e(), Lit.i(5)), T.INT);
        }
      case LONG:
        {
          // Always long-typed: an int argument could pick another overload.
          G g = longE(d);
          if (g.r().lo() >= LONG_DOMAIN.lo() && g.r().hi() <= LONG_DOMAIN.hi()) {
            return g.e();
          }
          return new Bin("%", g.e(), Lit.l(5), T.LONG);
        }
      case BOOLEAN:
        return cond(d, false);
      default:
        throw new IllegalArgumentException(t.toString());
    }
  }

  /** A plain helper, called with values that carry no derivative. */
  private G plain() {
    List<Plain> valued = new ArrayList<>(ctx.plains());
    valued.removeIf(x -> x.result() == T.VOID);
    Plain p = pick(valued);
    List<Expr> args = new ArrayList<>();
    for (T t : p.params()) {
      boolean active = t == T.DOUBLE && on(Feature.UNANNOTATED_CALLEES) && chance(0.5);
      args.add(active ? fit(dbl(1), CALLEE_DOMAIN).e() : inactive(t));
    }
    Expr call = new Call(p.callName(), args, p.result());
    if (p.result() == T.DOUBLE) {
      return new G(call, p.range());
    }
    return toDouble(new G(call, p.range()));
  }

  /** A value with no derivative: a literal, a constant, or an int expression. */
  private Expr inactive(T t) {
    if (t == T.DOUBLE) {
      int k = rnd.nextInt(3);
      if (k == 0 && on(Feature.INTEGERS)) {
        G i = intE(1);
        return fit(new G(new Cast(T.DOUBLE, i.e()), i.r()), CALLEE_DOMAIN).e();
      }
      if (k == 1 && on(Feature.CONSTANTS)) {
        return new Lit("Math.E", T.DOUBLE);
      }
      return Lit.d(pick(List.of(0.5, -1.5, 2.0)));
    }
    if (t == T.INT) {
      G g = intE(1);
      return g.r().lo() >= INT_DOMAIN.lo() && g.r().hi() <= INT_DOMAIN.hi()
          ? g.e()
          : new Call("Math.floorMod", List.of(g.e(), Lit.i(5)), T.INT);
    }
    return Lit.bool(rnd.nextBoolean());
  }

  // ---- integers

  /** An int-typed expression. */
  G intE(int d) {
    G g = intRaw(d);
    if (g.r().within(INT_LIMIT)) {
      return g;
    }
    int c = 3 + rnd.nextInt(5);
    if (chance(0.5)) {
      return new G(new Bin("%", g.e(), Lit.i(c), T.INT), new Range(-(c - 1), c - 1));
    }
    return new G(new Call("Math.floorMod", List.of(g.e(), Lit.i(c)), T.INT), new Range(0, c - 1));
  }

  /** A shift or bitwise operator on ints; the range bounds every bit pattern the operands allow. */
  private G bits(int d) {
    G l = intE(d - 1);
    int k = rnd.nextInt(5);
    if (k == 0) {
      return new G(new Un("~", l.e(), T.INT), l.r().neg().add(Range.point(-1)));
    }
    if (k == 1) {
      int c = rnd.nextInt(4);
      return new G(new Bin("<<", l.e(), Lit.i(c), T.INT), l.r().scale(1 << c));
    }
    if (k == 2) {
      int c = rnd.nextInt(4);
      String op = chance(0.5) ? ">>" : ">>>";
      if (op.equals(">>>") && l.r().lo() < 0) {
        op = ">>";
      }
      return new G(new Bin(op, l.e(), Lit.i(c), T.INT), l.r().hull(Range.ZERO).integral());
    }
    G r = intE(d - 1);
    double m = Math.max(Math.max(Math.abs(l.r().lo()), Math.abs(l.r().hi())), Math.max(Math.abs(r.r().lo()), Math.abs(r.r().hi())));
    double p = Math.pow(2, Math.ceil(Math.log(m + 1) / Math.log(2)));
    String op = pick(new String[] {"&", "|", "^"});
    return new G(new Bin(op, l.e(), r.e(), T.INT), new Range(-p, p - 1));
  }

  private G intRaw(int d) {
    List<Info> ints = readable(T.INT);
    int k = rnd.nextInt(100);
    if (d <= 0 || k < 35) {
      if (!ints.isEmpty() && chance(0.75)) {
        Info v = pick(ints);
        return new G(new Ref(v.name, T.INT), v.range);
      }
      if (on(Feature.CONSTANTS) && chance(0.2)) {
        for (Constant c : ctx.constants()) {
          if (c.type() == T.INT) {
            return new G(new Lit(c.text(), T.INT), c.range());
          }
        }
      }
      if (on(Feature.ARRAYS) && chance(0.3)) {
        List<Info> arrays = new ArrayList<>(readable(T.DOUBLE_ARR));
        arrays.addAll(readable(T.INT_ARR));
        if (!arrays.isEmpty()) {
          Info a = pick(arrays);
          return new G(new Length(ref(a)), Range.point(a.len));
        }
      }
      int v = rnd.nextInt(9) - 3;
      return new G(Lit.i(v), Range.point(v));
    }
    if (k < 55 && on(Feature.BIT_OPERATORS) && chance(0.3)) {
      return bits(d);
    }
    if (k < 55) {
      G l = intE(d - 1);
      G r = intE(d - 1);
      String op = pick(new String[] {"+", "-", "*"});
      Range range = op.equals("+") ? l.r().add(r.r()) : op.equals("-") ? l.r().sub(r.r()) : l.r().mul(r.r());
      return new G(new Bin(op, l.e(), r.e(), T.INT), range);
    }
    if (k < 62) {
      G l = intE(d - 1);
      int c = pick(List.of(2, 3, -2, 4));
      boolean rem = chance(0.5);
      Range range = rem ? new Range(-(Math.abs(c) - 1), Math.abs(c) - 1) : l.r().hull(l.r().scale(1.0 / c)).hull(Range.ZERO).integral();
      return new G(new Bin(rem ? "%" : "/", l.e(), Lit.i(c), T.INT), range);
    }
    if (k < 66) {
      G l = intE(d - 1);
      return new G(new Un("-", l.e(), T.INT), l.r().neg());
    }
    if (k < 76) {
      G a = fit(dbl(d - 1), 10);
      if (chance(0.5)) {
        return new G(new Cast(T.INT, a.e()), a.r().integral());
      }
      String fn = pick(new String[] {"floor", "ceil", "rint"});
      return new G(new Cast(T.INT, new Call(owner() + fn, List.of(a.e()), T.DOUBLE)), a.r().integral());
    }
    if (k < 80 && on(Feature.ZERO_DERIVATIVE_MATH)) {
      G p = pos(d - 1);
      Range r = new Range(Math.getExponent(Math.max(p.r().lo(), 0.1)), Math.getExponent(Math.max(1, p.r().hi())) + 1);
      return new G(new Call(owner() + "getExponent", List.of(p.e()), T.INT), r);
    }
    if (k < 88) {
      G a = intE(d - 1);
      switch (rnd.nextInt(4)) {
        case 0:
          return new G(new Call("Math.abs", List.of(a.e()), T.INT), a.r().abs());
        case 1:
          {
            G b = intE(d - 1);
            return new G(new Call("Math.max", List.of(a.e(), b.e()), T.INT), a.r().max(b.r()));
          }
        case 2:
          {
            G b = intE(d - 1);
            return new G(new Call("Math.min", List.of(a.e(), b.e()), T.INT), a.r().min(b.r()));
          }
        default:
          {
            int c = 2 + rnd.nextInt(4);
            return new G(new Call("Math.floorMod", List.of(a.e(), Lit.i(c)), T.INT), new Range(0, c - 1));
          }
      }
    }
    if (k < 94 && on(Feature.TERNARY)) {
      Expr c = cond(d - 1, false);
      G a = intE(d - 1);
      G b = intE(d - 1);
      return new G(new Cond(c, a.e(), b.e(), T.INT), a.r().hull(b.r()));
    }
    if (k < 97) {
      G l = longE(d - 1);
      if (l.type() == T.LONG) {
        return new G(new Cast(T.INT, l.e()), l.r());
      }
      return l;
    }
    if (on(Feature.PLAIN_HELPERS)) {
      for (Plain p : ctx.plains()) {
        if (p.result() == T.INT) {
          List<Expr> args = new ArrayList<>();
          for (T t : p.params()) {
            args.add(inactive(t));
          }
          return new G(new Call(p.callName(), args, T.INT), p.range());
        }
      }
    }
    return intRaw(0);
  }

  /** A long-typed expression (or, rarely, int). */
  G longE(int d) {
    List<Info> longs = readable(T.LONG);
    int k = rnd.nextInt(100);
    G g;
    if (d <= 0 || k < 40) {
      if (!longs.isEmpty() && chance(0.7)) {
        Info v = pick(longs);
        g = new G(new Ref(v.name, T.LONG), v.range);
      } else {
        long v = rnd.nextInt(7) - 3;
        g = new G(Lit.l(v), Range.point(v));
      }
    } else if (k < 60) {
      G a = fit(dbl(d - 1), 10);
      g = new G(new Call(owner() + "round", List.of(a.e()), T.LONG), a.r().integral());
    } else if (k < 75) {
      G i = intE(d - 1);
      g = new G(new Cast(T.LONG, i.e()), i.r());
    } else {
      G a = longE(d - 1);
      G b = chance(0.5) ? longE(d - 1) : intE(d - 1);
      String op = pick(new String[] {"+", "-", "*"});
      Range r = op.equals("+") ? a.r().add(b.r()) : op.equals("-") ? a.r().sub(b.r()) : a.r().mul(b.r());
      g = new G(new Bin(op, a.e(), b.e(), T.LONG), r);
    }
    if (!g.r().within(1000)) {
      g = new G(new Bin("%", g.e(), Lit.l(11), T.LONG), new Range(-10, 10));
    }
    return g;
  }

  // ---- conditions

  /**
   * A boolean expression. {@code inIf}: it is an if statement's condition, where a {@code %} on a
   * double is accepted.
   */
  Expr cond(int d, boolean inIf) {
    int k = rnd.nextInt(100);
    List<Info> bools = readable(T.BOOLEAN);
    if (k < 12 && !bools.isEmpty()) {
      return new Ref(pick(bools).name, T.BOOLEAN);
    }
    if (d > 0 && k < 22 && on(Feature.CONDITIONS)) {
      String op = chance(0.5) ? "&&" : "||";
      return new Bin(op, cond(d - 1, inIf), cond(d - 1, inIf), T.BOOLEAN);
    }
    if (d > 0 && k < 27 && on(Feature.CONDITIONS)) {
      return new Un("!", cond(d - 1, inIf), T.BOOLEAN);
    }
    if (k < 30 && !bools.isEmpty() && on(Feature.CONDITIONS)) {
      return new Bin(chance(0.5) ? "==" : "!=", new Ref(pick(bools).name, T.BOOLEAN), cond(0, inIf), T.BOOLEAN);
    }
    if (k < 32) {
      List<Info> data = readable(T.STRING);
      data.addAll(readable(T.ENUM));
      if (!data.isEmpty() && chance(0.6)) {
        Info v = pick(data);
        if (v.type == T.STRING) {
          return new Call(quote(pick(STRINGS)) + ".equals", List.of(new Ref(v.name, T.STRING)), T.BOOLEAN);
        }
        return new Bin(chance(0.5) ? "==" : "!=", new Ref(v.name, T.ENUM), new Lit("Mode." + pick(MODES), T.ENUM), T.BOOLEAN);
      }
      return Lit.bool(rnd.nextBoolean());
    }
    if (inIf && k < 37 && on(Feature.DOUBLE_REMAINDER_IN_IF)) {
      G a = dbl(Math.max(0, d - 1));
      double m = pick(List.of(2.0, 1.0, 0.5));
      Expr rem = new Bin("%", a.e(), chance(0.5) ? Lit.d(m) : Lit.i(2), T.DOUBLE);
      return new Bin(pick(new String[] {">", "<", ">="}), rem, Lit.d(m / 2), T.BOOLEAN);
    }
    if (k < 55 && on(Feature.INTEGERS)) {
      G a = intE(Math.max(0, d - 1));
      G b = chance(0.5) ? intE(0) : (chance(0.5) ? longE(0) : num(0));
      return new Bin(pick(new String[] {"<", "<=", ">", ">=", "==", "!="}), a.e(), b.e(), T.BOOLEAN);
    }
    G a = dbl(Math.max(0, d - 1));
    G b = chance(0.4) ? leaf() : dbl(Math.max(0, d - 1));
    String op = pick(new String[] {"<", "<=", ">", ">=", "<", ">", "==", "!="});
    return new Bin(op, a.e(), b.e(), T.BOOLEAN);
  }

  // ================================================================== later language

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  /** A reference to a variable or, for a static table, its name as written. */
  private static Expr ref(Info v) {
    return v.table ? new Lit(v.name, v.type) : new Ref(v.name, v.type);
  }

  /** Arrays a method may write: not C's tables. */
  private List<Info> writableArrays() {
    List<Info> out = new ArrayList<>(readable(T.DOUBLE_ARR));
    out.addAll(readable(T.DOUBLE_ARR2));
    out.removeIf(i -> i.table);
    return out;
  }

  /** C's tables (Batch.TABLE_SOURCE), as read-only variables: qualified from H, W3 private to C. */
  private void declareTables(String owner) {
    String q = owner.equals("C") ? "" : "C.";
    table(q + "COEF", T.DOUBLE_ARR, new Range(-0.25, 1.5), 4, -1);
    table(q + "TAB", T.DOUBLE_ARR2, new Range(-1, 2), 2, 3);
    table(q + "IDX", T.INT_ARR, new Range(0, 2), 3, -1);
    if (owner.equals("C") && !callee) {
      table("W3", T.DOUBLE_ARR, new Range(-0.125, Math.sqrt(0.5)), 3, -1);
    }
  }

  private void table(String name, T type, Range r, int len, int len2) {
    Info i = new Info(name, type, r, true, false);
    i.readOnly = true;
    i.table = true;
    i.len = len;
    i.len2 = len2;
    env.declare(i);
  }

  // ---- assignments used as values

  /** One of the forms of {@link Feature#ASSIGN_IN_EXPR}; a plain assignment where none fits. */
  private void assignInExpr(List<Stmt> out) {
    List<Info> ds = assigned(assignable(T.DOUBLE));
    List<Info> is = assigned(assignable(T.INT));
    is.removeIf(i -> !i.range.within(INT_LIMIT - 2));
    switch (rnd.nextInt(6)) {
      case 0:
        if (ds.size() >= 2) {
          // a = b = e (now and then c = a = b = e)
          Info a = pick(ds);
          Info b = other(ds, a);
          G g = dbl(2);
          Expr value = new AssignExpr(new Ref(b.name, T.DOUBLE), "=", g.e());
          Info c = ds.size() >= 3 && chance(0.3) ? other(ds, a, b) : null;
          if (c != null) {
            value = new AssignExpr(new Ref(c.name, T.DOUBLE), "=", value);
            c.range = g.r();
          }
          out.add(new Assign(new Ref(a.name, T.DOUBLE), "=", value));
          a.range = g.r();
          b.range = g.r();
          return;
        }
        break;
      case 1:
        if (!ds.isEmpty()) {
          // double t = pre + (a = e), (a = e) * post, Math.sin(a = e): pre reads a's old value
          Info a = pick(ds);
          G pre = dbl(1);
          G g = fit(dbl(2), LIMIT);
          Expr ae = new AssignExpr(new Ref(a.name, T.DOUBLE), "=", g.e());
          Range old = a.range;
          a.range = old.hull(g.r());
          G outer;
          switch (rnd.nextInt(4)) {
            case 0:
              outer = new G(new Bin("+", pre.e(), ae, T.DOUBLE), pre.r().add(g.r()));
              break;
            case 1:
              {
                G post = fit(dbl(1), 3);
                outer = new G(new Bin("*", ae, post.e(), T.DOUBLE), g.r().mul(post.r()));
                break;
              }
            case 2:
              outer = new G(math1("sin", ae), new Range(-1, 1));
              break;
            default:
              outer = new G(new Bin("-", ae, new Ref(a.name, T.DOUBLE), T.DOUBLE), g.r().sub(g.r()));
              break;
          }
          outer = squash(outer);
          a.range = g.r();
          String n = localName();
          out.add(new Decl(T.DOUBLE, n, outer.e(), on(Feature.VAR) && chance(0.2)));
          env.declare(new Info(n, T.DOUBLE, outer.r(), true, true));
          return;
        }
        break;
      case 2:
        if (ds.size() >= 2) {
          // s += (t = e): the value assigned to t, added to s
          Info s = pick(ds);
          Info t = other(ds, s);
          G g = fit(dbl(2), LIMIT / 2);
          String op = chance(0.5) ? "+=" : "-=";
          Range r = op.equals("+=") ? s.range.add(g.r()) : s.range.sub(g.r());
          if (r.within(LIMIT * 2)) {
            Expr ae = new AssignExpr(new Ref(t.name, T.DOUBLE), "=", g.e());
            out.add(new Assign(new Ref(s.name, T.DOUBLE), op, chance(0.7) ? new Ast.Paren(ae) : ae));
            t.range = g.r();
            s.range = r;
            return;
          }
        }
        break;
      case 3:
        if (ds.size() >= 2) {
          // y = (s op= e) * k: a compound assignment's value used
          Info s = pick(ds);
          Info y = other(ds, s);
          String op = pick(new String[] {"+=", "-=", "*="});
          G g = op.equals("*=") ? fit(dbl(1), 1.5) : fit(num(1), LIMIT / 2);
          Range r = op.equals("+=") ? s.range.add(g.r()) : op.equals("-=") ? s.range.sub(g.r()) : s.range.mul(g.r());
          if (r.within(LIMIT * 2)) {
            Expr ce = new AssignExpr(new Ref(s.name, T.DOUBLE), op, g.e());
            G outer = chance(0.5) ? new G(new Bin("*", ce, Lit.d(0.5), T.DOUBLE), r.scale(0.5)) : new G(ce, r);
            out.add(new Assign(new Ref(y.name, T.DOUBLE), "=", outer.e()));
            s.range = r;
            y.range = outer.r();
            return;
          }
        }
        break;
      case 4:
        if (!is.isEmpty()) {
          // k = j++, int t = ++j * 2 + m, x = y * j--: the old or the new value, j moved by one
          Info j = pick(is);
          boolean up = rnd.nextBoolean();
          boolean prefix = rnd.nextBoolean();
          Range old = j.range;
          Range moved = old.add(Range.point(up ? 1 : -1));
          Expr ie = new IncrExpr(new Ref(j.name, T.INT), up, prefix);
          Range value = prefix ? moved : old;
          j.range = old.hull(moved);
          G outer;
          if (chance(0.4)) {
            G post = intE(0);
            outer = new G(new Bin("+", new Bin("*", ie, Lit.i(2), T.INT), post.e(), T.INT), value.scale(2).add(post.r()));
          } else {
            outer = new G(ie, value);
          }
          List<Info> others = new ArrayList<>(is);
          others.remove(j);
          if (!others.isEmpty() && chance(0.4)) {
            Info k = pick(others);
            out.add(new Assign(new Ref(k.name, T.INT), "=", outer.e()));
            k.range = outer.r();
          } else if (!ds.isEmpty() && chance(0.3)) {
            Info x = pick(ds);
            G y = fit(dbl(1), 2);
            G prod = squash(new G(new Bin("*", y.e(), outer.e(), T.DOUBLE), y.r().mul(outer.r())));
            out.add(new Assign(new Ref(x.name, T.DOUBLE), "=", prod.e()));
            x.range = prod.r();
          } else {
            String n = localName();
            out.add(new Decl(T.INT, n, outer.e(), false));
            env.declare(new Info(n, T.INT, outer.r(), true, true));
          }
          j.range = moved;
          return;
        }
        break;
      default:
        if (!ds.isEmpty() && on(Feature.DOUBLE_INCREMENT)) {
          // t = d++ * 0.5 on a double
          Info dv = pick(ds);
          boolean up = rnd.nextBoolean();
          boolean prefix = rnd.nextBoolean();
          Range moved = dv.range.add(Range.point(up ? 1 : -1));
          Expr ie = new IncrExpr(new Ref(dv.name, T.DOUBLE), up, prefix);
          Range value = prefix ? moved : dv.range;
          String n = localName();
          out.add(new Decl(T.DOUBLE, n, new Bin("*", ie, Lit.d(0.5), T.DOUBLE), false));
          env.declare(new Info(n, T.DOUBLE, value.scale(0.5), true, true));
          dv.range = moved;
          return;
        }
        break;
    }
    if (!ds.isEmpty()) {
      assignDouble(out);
    } else {
      declareDouble(out);
    }
  }

  private Info other(List<Info> vs, Info... not) {
    List<Info> rest = new ArrayList<>(vs);
    rest.removeAll(List.of(not));
    return pick(rest);
  }

  /** {@code int i = 0; w[i++] = e; w[i++] += e;} or {@code w[0] = w[1] = e}. */
  private boolean indexedWrites(List<Stmt> out, List<Info> arrays) {
    List<Info> ones = new ArrayList<>(arrays);
    ones.removeIf(i -> i.type != T.DOUBLE_ARR);
    if (ones.isEmpty()) {
      return false;
    }
    Info a = pick(ones);
    if (chance(0.3)) {
      G g = fit(dbl(2), LIMIT);
      Expr inner = new AssignExpr(new Index(ref(a), Lit.i(rnd.nextInt(a.len)), T.DOUBLE), "=", g.e());
      out.add(new Assign(new Index(ref(a), Lit.i(rnd.nextInt(a.len)), T.DOUBLE), "=", inner));
      a.range = a.range.hull(g.r());
      return true;
    }
    boolean prefix = chance(0.3);
    String i = fresh("i");
    out.add(new Decl(T.INT, i, Lit.i(prefix ? -1 : 0), false));
    int writes = 1 + rnd.nextInt(Math.min(3, a.len));
    for (int w = 0; w < writes; w++) {
      G g = fit(dbl(1), LIMIT / 2);
      String op = chance(0.7) ? "=" : "+=";
      Range r = op.equals("=") ? g.r() : a.range.add(g.r());
      if (!r.within(LIMIT * 2)) {
        op = "=";
        r = g.r();
      }
      out.add(new Assign(new Index(ref(a), new IncrExpr(new Ref(i, T.INT), true, prefix), T.DOUBLE), op, g.e()));
      a.range = a.range.hull(r);
    }
    Info counter = new Info(i, T.INT, Range.point(prefix ? writes - 1 : writes), true, true);
    env.declare(counter);
    return true;
  }

  // ---- switch

  /** A selector and the labels it may take; {@code covers}: the labels are every value it has. */
  private record Selector(Expr e, List<Expr> labels, boolean covers) {}

  private Selector selector() {
    List<Info> data = readable(T.STRING);
    data.addAll(readable(T.ENUM));
    if (!data.isEmpty() && chance(0.4)) {
      Info v = pick(data);
      List<Expr> labels = new ArrayList<>();
      if (v.type == T.STRING) {
        for (String s : STRINGS) {
          labels.add(new Lit(quote(s), T.STRING));
        }
        return new Selector(new Ref(v.name, T.STRING), labels, false);
      }
      for (String m : MODES) {
        labels.add(new Lit(m, T.ENUM));
      }
      return new Selector(new Ref(v.name, T.ENUM), labels, true);
    }
    G g = intE(1);
    if (chance(0.5) || g.r().hi() - g.r().lo() > 8) {
      int c = 2 + rnd.nextInt(3);
      g = new G(new Call("Math.floorMod", List.of(g.e(), Lit.i(c)), T.INT), new Range(0, c - 1));
    }
    List<Expr> labels = new ArrayList<>();
    for (int v = (int) Math.floor(g.r().lo()); v <= (int) Math.ceil(g.r().hi()); v++) {
      labels.add(Lit.i(v));
    }
    boolean covers = true;
    if (chance(0.2)) {
      labels.add(Lit.i((int) g.r().hi() + 1)); // a label no value reaches
      covers = false;
    }
    return new Selector(g.e(), labels, covers);
  }

  /** Up to {@code max} cases with disjoint labels (one to three each) drawn from the selector's. */
  private List<List<Expr>> caseLabels(Selector sel, int max, boolean all) {
    List<Expr> pool = new ArrayList<>(sel.labels());
    java.util.Collections.shuffle(pool, rnd);
    List<List<Expr>> out = new ArrayList<>();
    while (!pool.isEmpty() && out.size() < max) {
      int n = Math.min(pool.size(), chance(0.7) ? 1 : 2 + rnd.nextInt(2));
      if (all && out.size() == max - 1) {
        n = pool.size();
      }
      out.add(new ArrayList<>(pool.subList(0, n)));
      pool.subList(0, n).clear();
    }
    return out;
  }

  /** A switch statement; returns whether every path through it ends (so nothing may follow). */
  private boolean switchStatement(List<Stmt> out, int depth) {
    Selector sel = selector();
    boolean arrow = chance(0.4);
    List<List<Expr>> groups = caseLabels(sel, 1 + rnd.nextInt(3), false);
    boolean hasDefault = chance(0.6);
    int defaultAt = hasDefault ? rnd.nextInt(groups.size() + 1) : -1;
    Env entry = env;
    List<Env> exits = new ArrayList<>();
    List<Ast.Case> cases = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Env fallIn = null;
    int n = groups.size() + (hasDefault ? 1 : 0);
    for (int c = 0, g = 0; c < n; c++) {
      List<Expr> labels = c == defaultAt ? List.of() : groups.get(g++);
      env = entry.copy();
      if (fallIn != null) {
        env.join(fallIn, false, entry.copy(), false);
      }
      env.push();
      List<Stmt> body = new ArrayList<>();
      boolean ends = false;
      int k = 1 + rnd.nextInt(2);
      for (int i = 0; i < k && !ends; i++) {
        ends = stmt(body, Math.max(0, depth - 1), false);
      }
      boolean last = c == n - 1;
      fallIn = null;
      if (!ends) {
        if (arrow || last || chance(0.75)) {
          if (!arrow && (!last || chance(0.3))) {
            body.add(new Break(null));
          }
          exits.add(env);
        } else {
          fallIn = env; // falls through into the next group
        }
      }
      // A colon group's locals stay in scope to the end of the switch: retired only after it.
      Map<String, Info> frame = env.pop();
      if (arrow) {
        retire(frame);
      } else {
        names.addAll(frame.keySet());
      }
      cases.add(new Ast.Case(labels, new Block(body), chance(0.4)));
    }
    env = entry;
    if (!hasDefault) {
      exits.add(entry.copy());
    }
    retired.addAll(names);
    if (exits.isEmpty()) {
      out.add(new Ast.Switch(sel.e(), cases, arrow));
      return true;
    }
    Env first = exits.get(0);
    for (int i = 1; i < exits.size(); i++) {
      Env joined = entry.copy();
      joined.join(first, false, exits.get(i), false);
      first = joined;
    }
    entry.join(first, false, first, false);
    out.add(new Ast.Switch(sel.e(), cases, arrow));
    return false;
  }

  /** A switch expression of doubles: every case yields (or the default throws). */
  private G switchExpr(int d) {
    Selector sel = selector();
    boolean arrow = chance(0.6);
    boolean enumAll = sel.e().type() == T.ENUM && chance(0.5);
    boolean throwing = sel.covers() && !enumAll && chance(0.3) && on(Feature.THROW);
    List<List<Expr>> groups = caseLabels(sel, enumAll ? 3 : 1 + rnd.nextInt(3), enumAll || throwing);
    switchExprDepth++;
    List<Ast.Case> cases = new ArrayList<>();
    Range range = null;
    try {
      int n = groups.size() + (enumAll ? 0 : 1);
      for (int c = 0; c < n; c++) {
        List<Expr> labels = c < groups.size() ? groups.get(c) : List.of();
        if (labels.isEmpty() && throwing) {
          Expr msg = sel.e() instanceof Ref r
              ? new Bin("+", new Lit(quote("no case for "), T.STRING), r, T.STRING)
              : new Lit(quote("no case"), T.STRING);
          cases.add(new Ast.Case(labels, Block.of(new Ast.Throw("IllegalStateException", msg)), false));
          continue;
        }
        env.push();
        List<Stmt> body = new ArrayList<>();
        if (!arrow || chance(0.4)) {
          int k = arrow ? 1 + rnd.nextInt(2) : rnd.nextInt(2);
          for (int i = 0; i < k; i++) {
            G g = dbl(Math.max(0, d - 1));
            String q = fresh("q");
            body.add(new Decl(T.DOUBLE, q, g.e(), false));
            env.declare(new Info(q, T.DOUBLE, g.r(), true, true));
          }
        }
        G y = c == 0 ? dbl(Math.max(0, d - 1)) : num(Math.max(0, d - 1));
        body.add(new Ast.Yield(y.e()));
        range = range == null ? y.r() : range.hull(y.r());
        env.pop(); // not retired: a name of this case could be the one its statement declares
        cases.add(new Ast.Case(labels, new Block(body), chance(0.4)));
      }
    } finally {
      switchExprDepth--;
    }
    return new G(new Ast.SwitchExpr(sel.e(), cases, arrow, T.DOUBLE), range);
  }

  /** A String or enum local, given a value, and now and then another under an if. */
  private void declareData(List<Stmt> out) {
    boolean isEnum = owner.equals("C") && chance(0.5);
    String n = localName();
    T t = isEnum ? T.ENUM : T.STRING;
    Expr v = isEnum ? new Lit("Mode." + pick(MODES), T.ENUM) : new Lit(quote(pick(STRINGS)), T.STRING);
    out.add(new Decl(t, n, v, false));
    env.declare(new Info(n, t, Range.ZERO, true, true));
    if (chance(0.6)) {
      Expr w = isEnum ? new Lit("Mode." + pick(MODES), T.ENUM) : new Lit(quote(pick(STRINGS)), T.STRING);
      out.add(new If(cond(1, true), Block.of(new Assign(new Ref(n, t), "=", w)), null, chance(0.5)));
    }
  }

  // ---- checks

  private static final String[] EXCEPTIONS = {"IllegalArgumentException", "IllegalStateException", "ArithmeticException"};

  /** An argument check or assert that holds at every point: its bound lies beyond the range. */
  private boolean check(List<Stmt> out, int depth) {
    List<Info> ds = readable(T.DOUBLE);
    List<Info> is = readable(T.INT);
    if (ds.isEmpty()) {
      declareDouble(out);
      return false;
    }
    Info v = pick(ds);
    double hi = Math.ceil(v.range.hi()) + 1 + rnd.nextInt(3);
    double lo = Math.floor(v.range.lo()) - 1 - rnd.nextInt(3);
    Expr ref = new Ref(v.name, T.DOUBLE);
    Expr msg = new Bin("+", new Lit(quote(v.name + " = "), T.STRING), ref, T.STRING);
    Expr fires;
    switch (rnd.nextInt(4)) {
      case 0:
        fires = new Bin(">", ref, Lit.d(hi), T.BOOLEAN);
        break;
      case 1:
        fires = new Bin("||", new Bin("<", ref, Lit.d(lo), T.BOOLEAN), new Bin(">", ref, Lit.d(hi), T.BOOLEAN), T.BOOLEAN);
        break;
      case 2:
        fires = new Call("Double.isNaN", List.of(ref), T.BOOLEAN);
        break;
      default:
        if (!is.isEmpty()) {
          Info n = pick(is);
          Expr r = new Ref(n.name, T.INT);
          fires = new Bin("||", new Bin("<", r, Lit.i((int) n.range.lo() - 1), T.BOOLEAN),
              new Bin(">", r, Lit.i((int) n.range.hi() + 1 + rnd.nextInt(5)), T.BOOLEAN), T.BOOLEAN);
          msg = new Bin("+", new Lit(quote(n.name + " out of range: "), T.STRING), r, T.STRING);
        } else {
          fires = new Bin(">=", ref, Lit.d(hi), T.BOOLEAN);
        }
        break;
    }
    if (chance(0.3)) {
      out.add(new Ast.Assert(new Un("!", fires, T.BOOLEAN), chance(0.6) ? msg : null));
      return false;
    }
    Stmt thr = new Ast.Throw(pick(EXCEPTIONS), msg);
    if (chance(0.25) && depth > 0) {
      // if (ok) { ... } else throw ...;
      Env before = env;
      env = before.copy();
      Branch then = branch(depth);
      Env afterThen = env;
      env = before;
      env.join(afterThen, then.ends, before.copy(), true);
      out.add(new If(new Un("!", fires, T.BOOLEAN), then.block, Block.of(thr), chance(0.5)));
      return then.ends;
    }
    out.add(new If(fires, Block.of(thr), null, chance(0.5)));
    return false;
  }

  // ---- tables, floats, helper statements

  /** {@code double p = 0; for (int i = COEF.length - 1; i >= 0; i--) p = p * x + COEF[i];}. */
  private void horner(List<Stmt> out) {
    List<Info> tables = readable(T.DOUBLE_ARR);
    tables.removeIf(i -> !i.table);
    if (tables.isEmpty()) {
      declareDouble(out);
      return;
    }
    Info t = pick(tables);
    G x = fit(dbl(1), 1.2);
    String p = localName();
    String i = fresh("i");
    out.add(new Decl(T.DOUBLE, p, Lit.d(0), false));
    Expr step = new Bin("+", new Bin("*", new Ref(p, T.DOUBLE), x.e(), T.DOUBLE),
        new Index(ref(t), new Ref(i, T.INT), T.DOUBLE), T.DOUBLE);
    out.add(new For(null, new Decl(T.INT, i, new Bin("-", new Length(ref(t)), Lit.i(1), T.INT), false),
        new Bin(">=", new Ref(i, T.INT), Lit.i(0), T.BOOLEAN), new Incr(new Ref(i, T.INT), false, chance(0.5)),
        Block.of(new Assign(new Ref(p, T.DOUBLE), "=", step))));
    double m = Math.max(1, x.r().max());
    double bound = t.range.max() * t.len * Math.pow(m, t.len - 1);
    env.declare(new Info(p, T.DOUBLE, new Range(-bound, bound), true, true));
  }

  /**
   * {@code double s = Arrays.stream(a).map(v -> v * v).sum();} and its siblings. The lambdas read
   * only their parameters, which are never reassigned, so javac takes every one.
   */
  private void streamStatement(List<Stmt> out) {
    List<Info> arrays = readable(T.DOUBLE_ARR);
    arrays.removeIf(i -> i.len < 1);
    List<Info> matrices = readable(T.DOUBLE_ARR2);
    matrices.removeIf(i -> i.len < 1 || i.len2 < 1);
    if (arrays.isEmpty() && matrices.isEmpty()) {
      declareDouble(out);
      return;
    }
    // A row of a matrix, m[1], streamed as the array it is.
    boolean row = arrays.isEmpty() || (!matrices.isEmpty() && chance(0.3));
    Info a = pick(row ? matrices : arrays);
    StringBuilder printed = new StringBuilder();
    ref(a).print(printed);
    String arr = row ? printed + "[" + rnd.nextInt(a.len) + "]" : printed.toString();
    int len = row ? a.len2 : a.len;
    double m = a.range.max();
    String v = fresh("v");
    String[] bodies = {
      v + " * " + v, "Math.sin(" + v + ") * " + v, "Math.exp(-" + v + " * " + v + ")",
      v + " / (1 + " + v + " * " + v + ")", "0.5 * " + v + " - 1.5"};
    double[] bounds = {m * m, m, 1, 0.5, 0.5 * m + 1.5};
    int b = rnd.nextInt(bodies.length);
    String body = bodies[b];
    String source = "java.util.Arrays.stream(" + arr + ")";
    String text;
    double bound;
    switch (rnd.nextInt(5)) {
      case 0 -> {
        text = source + ".map(" + v + " -> " + body + ").sum()";
        bound = len * bounds[b];
      }
      case 1 -> {
        String k = fresh("k");
        text = "java.util.stream.IntStream.range(0, " + arr + ".length).mapToDouble(" + k + " -> (" + k + " + 1) * "
            + arr + "[" + k + "]).sum()";
        bound = len * len * m;
      }
      case 2 -> {
        text = source + ".map(" + v + " -> " + body + ").max().getAsDouble()";
        bound = bounds[b];
      }
      case 3 -> {
        text = source + ".filter(" + v + " -> " + v + " > 0).average().orElse(0.25)";
        bound = Math.max(m, 0.25);
      }
      default -> {
        String acc = fresh("s");
        text = source + ".reduce(0.5, (" + acc + ", " + v + ") -> " + acc + " * 0.5 + " + body + ")";
        bound = 0.5 + 2 * bounds[b];
      }
    }
    String n = localName();
    out.add(new Decl(T.DOUBLE, n, new Lit(text, T.DOUBLE), false));
    env.declare(new Info(n, T.DOUBLE, new Range(-bound, bound), true, true));
  }

  /**
   * {@code double c = e; DoubleUnaryOperator f = v -> c * v - 1.5; double n = f.applyAsDouble(g);}:
   * a functional value in a local, a lambda or an anonymous class of the interface, capturing a
   * local that is never assigned again, called in place or passed to a helper of C.
   */
  private void lambdaStatement(List<Stmt> out) {
    String c = fresh("c");
    G cg = dbl(1);
    out.add(new Decl(T.DOUBLE, c, cg.e(), false));
    Info captured = new Info(c, T.DOUBLE, cg.r(), true, true);
    captured.readOnly = true;
    env.declare(captured);
    Range rc = cg.r();
    String v = fresh("v");
    String[] bodies = {
      v + " * " + v, "Math.sin(" + v + ") * " + c, "Math.exp(-" + v + " * " + v + ") + " + c,
      v + " / (1 + " + v + " * " + v + ")", c + " * " + v + " - 1.5"};
    List<java.util.function.UnaryOperator<Range>> bounds = List.of(
        Range::square, r -> Range.of(-1, 1).mul(rc), r -> Range.of(0, 1).add(rc),
        r -> Range.of(-0.5, 0.5), r -> rc.mul(r).add(Range.point(-1.5)));
    int b = rnd.nextInt(bodies.length);
    java.util.function.UnaryOperator<Range> bound = bounds.get(b);
    String f = fresh("f");
    String type = "java.util.function.DoubleUnaryOperator";
    String value = chance(0.3)
        ? "new " + type + "() { @Override public double applyAsDouble(double " + v + ") { return " + bodies[b] + "; } }"
        : v + " -> " + bodies[b];
    out.add(new Ast.Raw(type + " " + f + " = " + value + ";"));
    String text;
    Range r;
    switch (rnd.nextInt(4)) {
      case 0 -> {
        G g = dbl(2);
        StringBuilder arg = new StringBuilder();
        g.e().print(arg);
        text = f + ".applyAsDouble(" + arg + ")";
        r = bound.apply(g.r());
      }
      case 1 -> {
        G g = dbl(1);
        G h = dbl(1);
        StringBuilder a1 = new StringBuilder();
        StringBuilder a2 = new StringBuilder();
        g.e().print(a1);
        h.e().print(a2);
        text = f + ".applyAsDouble(" + a1 + ") + " + f + ".applyAsDouble(" + a2 + ")";
        r = bound.apply(g.r()).add(bound.apply(h.r()));
      }
      case 2 -> {
        G g = dbl(1);
        StringBuilder arg = new StringBuilder();
        g.e().print(arg);
        text = "C.applyTwice(" + f + ", " + arg + ")";
        r = bound.apply(bound.apply(g.r()));
      }
      default -> {
        text = "C.midpoint(" + f + ", -0.5, 1.0, " + (1 + rnd.nextInt(4)) + ")";
        r = bound.apply(Range.of(-0.5, 1.0)).scale(1.5).hull(Range.point(0));
      }
    }
    String n = localName();
    out.add(new Decl(T.DOUBLE, n, new Lit(text, T.DOUBLE), false));
    env.declare(new Info(n, T.DOUBLE, r, true, true));
  }

  /** {@code C.P q = new C.P(a, b);}, or a record built from one in scope. */
  private void declarePoint(List<Stmt> out) {
    String n = localName();
    G p = point();
    out.add(new Decl(T.POINT, n, p.e(), on(Feature.VAR) && chance(0.3)));
    env.declare(new Info(n, T.POINT, p.r(), true, true));
  }

  private void assignPoint(List<Stmt> out) {
    Info v = pick(assigned(assignable(T.POINT)));
    G p = point();
    out.add(new Assign(new Ref(v.name, T.POINT), "=", p.e()));
    v.range = p.r();
  }

  /** A record value; its range bounds both components. */
  private G point() {
    List<Info> ps = readable(T.POINT);
    if (!ps.isEmpty() && chance(0.6)) {
      Info q = pick(ps);
      Ref ref = new Ref(q.name, T.POINT);
      G g;
      switch (rnd.nextInt(3)) {
        case 0 -> {
          G k = fit(dbl(1), 1.5);
          g = new G(new Call(q.name + ".scale", List.of(k.e()), T.POINT), q.range.mul(k.r()));
        }
        case 1 -> {
          double m = 1.4 * q.range.max();
          g = new G(new Call("C.rot", List.of(ref), T.POINT), new Range(-m, m));
        }
        default -> {
          G o = fresh2();
          g = new G(new Call(q.name + ".plus", List.of(o.e()), T.POINT), q.range.add(o.r()));
        }
      }
      if (g.r().within(LIMIT)) {
        return g;
      }
    }
    return fresh2();
  }

  /** {@code new C.P(a, b)} with both components within {@link #LIMIT} / 2. */
  private G fresh2() {
    G a = fit(dbl(1), LIMIT / 2);
    G b = fit(dbl(1), LIMIT / 2);
    return new G(new Call("new C.P", List.of(a.e(), b.e()), T.POINT), a.r().hull(b.r()));
  }

  /** {@code q.x()}, {@code q.y()}, {@code q.norm2()} or {@code C.dot(q, r)} of a record in scope; null if none. */
  private G pointRead() {
    List<Info> ps = readable(T.POINT);
    if (ps.isEmpty()) {
      return null;
    }
    Info q = pick(ps);
    double m = q.range.max();
    return switch (rnd.nextInt(4)) {
      case 0 -> new G(new Call(q.name + ".x", List.of(), T.DOUBLE), q.range);
      case 1 -> new G(new Call(q.name + ".y", List.of(), T.DOUBLE), q.range);
      case 2 -> squash(new G(new Call(q.name + ".norm2", List.of(), T.DOUBLE), new Range(0, 2 * m * m)));
      default -> {
        Info r = pick(ps);
        double b = 2 * m * r.range.max();
        yield squash(new G(new Call("C.dot", List.of(new Ref(q.name, T.POINT), new Ref(r.name, T.POINT)), T.DOUBLE),
            new Range(-b, b)));
      }
    };
  }

  /** {@code C.sortedAt(a, k)} of a double[] in scope, or {@code C.tableChoice(x)}; null if neither fits. */
  private G sortOrTable(int d) {
    List<Info> arrays = readable(T.DOUBLE_ARR);
    arrays.removeIf(i -> i.len < 1);
    if (!arrays.isEmpty() && chance(0.5)) {
      Info a = pick(arrays);
      return new G(new Call("C.sortedAt", List.of(ref(a), Lit.i(rnd.nextInt(4))), T.DOUBLE), a.range);
    }
    G x = fit(dbl(Math.max(0, d)), 3);
    double m = x.r().max();
    double bound = 2.0 * m * m + 0.5 * m + 2.0 + 1.5 * m;
    return new G(new Call("C.tableChoice", List.of(x.e()), T.DOUBLE), new Range(-bound, bound));
  }

  /** {@code C.softplus(a)} or {@code C.scaled(a, k)}: helpers whose rules give their derivatives. */
  private G ruled(int d) {
    G a = dbl(d);
    if (chance(0.5)) {
      Range r = new Range(0, Math.max(a.r().hi(), 0) + 1);
      return new G(new Call("C.softplus", List.of(a.e()), T.DOUBLE), r);
    }
    G k = fit(dbl(Math.max(0, d - 1)), 2);
    double m = a.r().max();
    double bound = k.r().max() * m * m;
    return squash(new G(new Call("C.scaled", List.of(a.e(), k.e()), T.DOUBLE), new Range(-bound, bound)));
  }

  /** A float operand of a double operation: a literal or a float local, widened exactly. */
  private G floatOperand() {
    List<Info> fs = readable(T.FLOAT);
    if (!fs.isEmpty() && chance(0.6)) {
      Info v = pick(fs);
      return new G(new Ref(v.name, T.FLOAT), v.range);
    }
    float v = pick(List.of(0.1f, 0.5f, 1.5f, 3f, 0.3f, -0.7f));
    return new G(new Lit(Float.toString(v) + "f", T.FLOAT), Range.point(v));
  }

  /** {@code float g = 0.5f * n;}: a float local of values that carry no derivative. */
  private void declareFloat(List<Stmt> out) {
    if (on(Feature.FLOAT_VALUES) && chance(0.6)) {
      // float f = (float) (e): a differentiable value held in float
      String n = localName();
      G g = dbl(2);
      Range r = g.r().hull(g.r().scale(1.0000002)).hull(g.r().scale(0.9999998));
      out.add(new Decl(T.FLOAT, n, new Cast(T.FLOAT, g.e()), false));
      Info info = new Info(n, T.FLOAT, r, true, true);
      info.readOnly = true;
      env.declare(info);
      return;
    }
    String n = localName();
    List<Info> ints = readable(T.INT);
    G g;
    int k = rnd.nextInt(3);
    if (k == 0 && !ints.isEmpty()) {
      Info i = pick(ints);
      float c = pick(List.of(0.5f, 0.1f, 0.25f));
      g = new G(new Bin("*", new Lit(Float.toString(c) + "f", T.FLOAT), new Ref(i.name, T.INT), T.FLOAT),
          i.range.scale(c).hull(i.range.scale(c * 1.0000001)));
    } else if (k == 1 && on(Feature.CONSTANTS)) {
      g = new G(new Cast(T.FLOAT, new Lit("C.K2", T.DOUBLE)), new Range(1.41, 1.42));
    } else {
      g = floatOperand();
      if (g.e() instanceof Ref) {
        g = new G(new Bin("+", g.e(), new Lit("0.25f", T.FLOAT), T.FLOAT), g.r().add(Range.point(0.25)));
      }
    }
    out.add(new Decl(T.FLOAT, n, g.e(), false));
    Info info = new Info(n, T.FLOAT, g.r(), true, true);
    info.readOnly = true;
    env.declare(info);
  }

  /** {@code plainScale(a, k);} or {@code plainShift(m[i], c);}: a void helper writes an array. */
  private void helperStatement(List<Stmt> out) {
    Info a = pick(writableArrays());
    Expr target = a.type == T.DOUBLE_ARR2 ? new Index(ref(a), index(a.len), T.DOUBLE_ARR) : ref(a);
    boolean scale = chance(0.5);
    G g = scale ? fit(dbl(1), 1.5) : fit(dbl(1), 2);
    Range r = scale ? a.range.mul(g.r()) : a.range.add(g.r());
    if (!r.within(LIMIT * 2)) {
      scale = true;
      double c = pick(List.of(0.5, -0.25));
      g = new G(Lit.d(c), Range.point(c));
      r = a.range.scale(c);
    }
    String prefix = owner.equals("C") ? "" : "C.";
    out.add(new Ast.ExprStmt(new Call(prefix + (scale ? "plainScale" : "plainShift"), List.of(target, g.e()), T.VOID)));
    a.range = a.range.hull(r);
  }

  // ================================================================== scopes

  /** A variable in scope, with the range of its values so far. */
  static final class Info {
    final String name;
    final T type;
    Range range;
    boolean assigned;
    final boolean local;
    boolean readOnly;
    /** A static table of class C: read only, named as written ({@code COEF}, {@code C.COEF}). */
    boolean table;
    int len = -1;
    int len2 = -1;

    Info(String name, T type, Range range, boolean assigned, boolean local) {
      this.name = name;
      this.type = type;
      this.range = range;
      this.assigned = assigned;
      this.local = local;
    }

    Info copy() {
      Info i = new Info(name, type, range, assigned, local);
      i.readOnly = readOnly;
      i.table = table;
      i.len = len;
      i.len2 = len2;
      return i;
    }
  }

  /** Nested scopes of variables; copied for each branch and joined after. */
  static final class Env {
    private final List<LinkedHashMap<String, Info>> frames = new ArrayList<>();

    Env() {
      frames.add(new LinkedHashMap<>());
    }

    void push() {
      frames.add(new LinkedHashMap<>());
    }

    Map<String, Info> pop() {
      return frames.remove(frames.size() - 1);
    }

    void declare(Info i) {
      frames.get(frames.size() - 1).put(i.name, i);
    }

    Info lookup(String name) {
      for (int i = frames.size() - 1; i >= 0; i--) {
        Info v = frames.get(i).get(name);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    List<Info> all() {
      List<Info> out = new ArrayList<>();
      for (Map<String, Info> f : frames) {
        out.addAll(f.values());
      }
      return out;
    }

    Env copy() {
      Env e = new Env();
      e.frames.clear();
      for (Map<String, Info> f : frames) {
        LinkedHashMap<String, Info> c = new LinkedHashMap<>();
        f.forEach((k, v) -> c.put(k, v.copy()));
        e.frames.add(c);
      }
      return e;
    }

    /** After an if: ranges are the hull of both paths; assigned if assigned on every path that goes on. */
    void join(Env a, boolean aEnds, Env b, boolean bEnds) {
      for (Info v : all()) {
        Info x = a.lookup(v.name);
        Info y = b.lookup(v.name);
        v.range = x.range.hull(y.range).hull(v.range);
        v.assigned = (aEnds || x.assigned) && (bEnds || y.assigned);
      }
    }

    /** Before and inside a loop: every value may be anything the bounds allow. */
    void widen(double limit, double intLimit) {
      for (Info v : all()) {
        if (v.readOnly) {
          continue;
        }
        if (v.type == T.DOUBLE || v.type == T.DOUBLE_ARR || v.type == T.DOUBLE_ARR2) {
          v.range = v.range.hull(new Range(-2 * limit, 2 * limit));
        } else if (v.type == T.INT || v.type == T.LONG) {
          v.range = v.range.hull(new Range(-intLimit, intLimit));
        }
      }
    }
  }
}
