package io.github.backprop.processor.analysis;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Array variables that may refer to one array: those joined by {@code x = y}, {@code double[] x
 * = y} or {@code x = c ? y : z} anywhere in a body. Flow-insensitive: two variables of one class
 * may share an array at some point, so a write through one may change what the other reads, and
 * their adjoints must be one array wherever their arrays are one. A variable given a whole array
 * ({@code x = new double[n]}) is in a class too, perhaps of its own: what it refers to changes as
 * the method runs.
 */
public final class Aliases {
  private final Map<Var, Var> parent = new IdentityHashMap<>();
  /** Each class's variables, in the order the body first names them. */
  private final Map<Var, List<Var>> classes = new IdentityHashMap<>();

  /** Array variables declared without a value. */
  private final Set<Var> unset = identitySet();

  private Aliases() {}

  /** Whether {@code v} is declared without a value, so it may be null where the method reads it. */
  public boolean mayBeNull(Var v) {
    return unset.contains(v);
  }

  /** The classes of {@code body}'s array variables. */
  public static Aliases of(Stmt.Block body) {
    Aliases a = new Aliases();
    List<Var> order = new ArrayList<>();
    Walk.each(
        body,
        s -> {
          Var target = null;
          Expr value = null;
          if (s instanceof Stmt.Assign as && as.var().type().isArray()) {
            target = as.var();
            value = as.value();
          } else if (s instanceof Stmt.Declare d && d.var().type().isArray() && d.init() != null
              && !(d.init() instanceof Expr.NewArray)) {
            target = d.var();
            value = d.init();
          } else if (isRowStore(s)) {
            // m[0] = m[1], m[1] = swap: the matrix and the arrays its rows may be are one class.
            target = ((Stmt.Store) s).target().base();
            value = ((Stmt.Store) s).value();
          }
          if (s instanceof Stmt.Declare d && d.var().type().isArray()
              && (d.init() == null || d.init() instanceof Expr.Literal)) {
            a.unset.add(d.var()); // double[] k1; given arrays later: null until then
          }
          if (target == null) {
            return;
          }
          a.find(target, order);
          if (isRowStore(s)) {
            a.rowsGiven.add(target);
          }
          for (Expr e : alternatives(value)) {
            if (e instanceof Expr.Index i && i.type().isArray()) {
              a.rowsGiven.add(i.base());
            }
          }
          for (Var v : arrays(value)) {
            a.union(target, v, order);
          }
        });
    for (Var v : order) {
      a.classes.computeIfAbsent(a.find(v, order), k -> new ArrayList<>()).add(v);
    }
    a.scan(body, identitySet());
    return a;
  }

  /** Stores whose array no other name can refer to where they run: made there and not passed on yet. */
  private final Set<Stmt.Store> unshared = identitySet();

  /**
   * Whether the array {@code st} writes into is reachable by its name alone where it runs: a new
   * array ({@code double[] y = new double[n];}) not yet given to another variable.
   */
  public boolean isUnshared(Stmt.Store st) {
    return unshared.contains(st);
  }

  /**
   * Follows which arrays are held by one name only ({@code only}) through {@code s}, in order; a
   * branch or loop starts without those it gives to or takes from another name anywhere inside.
   */
  private void scan(Stmt s, Set<Var> only) {
    if (s instanceof Stmt.Block b) {
      for (Stmt x : b.statements()) {
        scan(x, only);
      }
    } else if (s instanceof Stmt.Declare d && d.var().type().isArray()) {
      given(d.var(), d.init(), only);
    } else if (s instanceof Stmt.Assign as && as.var().type().isArray()) {
      given(as.var(), as.value(), only);
    } else if (s instanceof Stmt.Store st) {
      if (only.contains(st.target().base())) {
        unshared.add(st);
      }
      if (st.value() instanceof Expr.Ref r) {
        only.remove(r.var()); // m[i] = y: a row is another name for it
      }
      if (isRowStore(st)) {
        only.remove(st.target().base()); // m[0] = m[1]: two rows are one array
        only.removeAll(Walk.vars(st.value()));
      }
    } else if (s instanceof Stmt.If || s instanceof Stmt.Loop || s instanceof Stmt.ForEach) {
      if (s instanceof Stmt.Loop l) {
        for (Stmt x : l.init()) {
          scan(x, only);
        }
      }
      Set<Var> touched = touched(s);
      only.removeAll(touched);
      for (Stmt x : Walk.nested(s)) {
        if (!(s instanceof Stmt.Loop l && l.init().contains(x))) {
          Set<Var> inside = identitySet();
          inside.addAll(only);
          scan(x, inside);
        }
      }
    }
  }

  private static void given(Var target, Expr value, Set<Var> only) {
    if (value instanceof Expr.NewArray) {
      only.add(target);
      return;
    }
    only.remove(target);
    if (value != null) {
      Walk.each(value, e -> {
        if (e instanceof Expr.Ref r) {
          only.remove(r.var());
        }
      });
    }
  }

  /** The arrays {@code s} gives a variable, or gives to one, anywhere inside. */
  private static Set<Var> touched(Stmt s) {
    Set<Var> out = identitySet();
    Walk.each(s, x -> {
      Var target = x instanceof Stmt.Declare d ? d.var() : x instanceof Stmt.Assign as ? as.var() : null;
      Expr value = x instanceof Stmt.Declare d ? d.init() : x instanceof Stmt.Assign as ? as.value() : null;
      if (target != null && target.type().isArray()) {
        out.add(target);
        if (value != null) {
          out.addAll(Walk.vars(value));
        }
      }
      if (x instanceof Stmt.Store st && st.value() instanceof Expr.Ref r) {
        out.add(r.var());
      }
      if (isRowStore(x)) {
        out.add(((Stmt.Store) x).target().base());
        out.addAll(Walk.vars(((Stmt.Store) x).value()));
      }
    });
    return out;
  }

  /** Whether {@code s} gives a row of a matrix an array that other names may hold: {@code m[i] = v}. */
  public static boolean isRowStore(Stmt s) {
    return s instanceof Stmt.Store st && st.target().type().isArray() && !(st.value() instanceof Expr.NewArray);
  }

  /** The matrices of {@code v}'s class: those whose rows {@code v} may be, or that may share rows with {@code v}. */
  public List<Var> matricesOf(Var v) {
    List<Var> out = new ArrayList<>();
    for (Var x : classOf(v)) {
      if (x.type().dims() == 2 && hasRowsGiven(x)) {
        out.add(x);
      }
    }
    return out;
  }

  /** The matrices whose rows are given arrays other names may hold. */
  private final Set<Var> rowsGiven = identitySet();

  /** Whether rows of {@code m} are given arrays other names may hold ({@code m[i] = v}, {@code v = m[i]}). */
  public boolean hasRowsGiven(Var m) {
    return rowsGiven.contains(m);
  }

  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /** The values {@code value} may be: itself, or each of {@code c ? y : z}'s. */
  private static List<Expr> alternatives(Expr value) {
    if (value instanceof Expr.Conditional c) {
      List<Expr> out = new ArrayList<>(alternatives(c.whenTrue()));
      out.addAll(alternatives(c.whenFalse()));
      return out;
    }
    return List.of(value);
  }

  /** The array variables {@code value} may give: {@code y}, or {@code y} and {@code z} of {@code c ? y : z}. */
  private static List<Var> arrays(Expr value) {
    if (value instanceof Expr.Ref r) {
      return List.of(r.var());
    }
    if (value instanceof Expr.Index i && i.type().isArray()) {
      return List.of(i.base()); // a row: its matrix
    }
    if (value instanceof Expr.Conditional c) {
      List<Var> out = new ArrayList<>(arrays(c.whenTrue()));
      out.addAll(arrays(c.whenFalse()));
      return out;
    }
    return List.of();
  }

  private Var find(Var v, List<Var> order) {
    Var p = parent.get(v);
    if (p == null) {
      parent.put(v, v);
      order.add(v);
      return v;
    }
    if (p == v) {
      return v;
    }
    Var root = find(p, order);
    parent.put(v, root);
    return root;
  }

  private void union(Var a, Var b, List<Var> order) {
    Var ra = find(a, order);
    Var rb = find(b, order);
    if (ra != rb) {
      parent.put(rb, ra);
    }
  }

  /** Whether nothing is rebound: every array variable names one array all its life. */
  public boolean isEmpty() {
    return classes.isEmpty();
  }

  /** Whether what {@code v} refers to may change, or another variable may refer to it too. */
  public boolean isRebound(Var v) {
    return parent.containsKey(v);
  }

  /** The variables that may share an array with {@code v}, {@code v} included; just v if none. */
  public List<Var> classOf(Var v) {
    Var p = parent.get(v);
    if (p == null) {
      return List.of(v);
    }
    Var root = v;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    return Collections.unmodifiableList(classes.get(root));
  }

  /** Whether {@code a} and {@code b} may refer to one array. */
  public boolean mayShare(Var a, Var b) {
    return a == b || (isRebound(a) && classOf(a).contains(b));
  }

  /** Whether {@code e} reads the elements of an array {@code array} may share ({@code a.length} does not). */
  public boolean readsShared(Expr e, Var array) {
    if (e instanceof Expr.Length) {
      return false;
    }
    if (e instanceof Expr.Ref r) {
      return mayShare(r.var(), array);
    }
    for (Expr c : Walk.children(e)) {
      if (readsShared(c, array)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code st}'s value or indices may read the array it writes into under another name
   * ({@code next[i] = cur[i - 1]} where {@code next} may be {@code cur}).
   */
  public boolean readsAlias(Stmt.Store st) {
    if (isUnshared(st)) {
      return false;
    }
    Var base = st.target().base();
    boolean found = readsOther(st.value(), base);
    for (Expr i : st.target().indices()) {
      found |= readsOther(i, base);
    }
    return found;
  }

  private boolean readsOther(Expr e, Var array) {
    if (e instanceof Expr.Length) {
      return false;
    }
    if (e instanceof Expr.Ref r) {
      return r.var() != array && mayShare(r.var(), array);
    }
    for (Expr c : Walk.children(e)) {
      if (readsOther(c, array)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some variable of {@code vars} may share an array with {@code array}. */
  public boolean anyShares(Set<Var> vars, Var array) {
    for (Var v : classOf(array)) {
      if (vars.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** Every rebound variable. */
  public Set<Var> all() {
    return Collections.unmodifiableSet(parent.keySet());
  }
}
