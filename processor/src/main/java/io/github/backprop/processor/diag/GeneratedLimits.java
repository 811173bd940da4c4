package io.github.backprop.processor.diag;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.IrMethod;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What javac cannot compile in a generated method although it compiled the user's: bytecode
 * beyond the JVM's 64 KB per method ("code too large"), and an expression nested so deep that
 * javac's own recursion overflows its stack (forward mode doubles a long sum's terms). Found
 * before the file is written, so the user reads why at the method, not in generated code.
 *
 * <p>The size is estimated from the IR, each node at the bytes javac's bytecode for it takes (a
 * load by its slot, an operation, a constant by its kind, a call): on sums, long chains of
 * statements and nested calls it is within 0.3% of javac's, and a method is reported only 1%
 * beyond the limit. The depth allowed is javac's (about 1,200 with its default stack) or the
 * user's own deepest expression, which javac compiles.
 */
public final class GeneratedLimits {
  /** The JVM's limit on a method's bytecode. */
  static final int CODE_LIMIT = 65_535;

  /**
   * The deepest expression left to javac: with its default 1 MB stack javac compiles a left-deep
   * sum of 1,500 to 1,700 terms, depending on where it stands (an argument costs javac more stack
   * than a declaration), and overflows beyond.
   */
  static final int DEPTH_LIMIT = 1_200;

  private GeneratedLimits() {}

  /**
   * Why javac cannot compile {@code m}, in words for the user; null if it can.
   *
   * @param source the user's method as read: javac compiles expressions as deep as its own
   */
  public static String excess(IrMethod m, List<Stmt> source) {
    Estimate e = new Estimate(m);
    int allowed = Math.max(DEPTH_LIMIT, depth(source) + 8); // the reverse of a sum is as deep
    if (e.depth > allowed) {
      return "the generated method " + m.name() + " would hold an expression nested " + e.depth
          + " levels deep, more than javac compiles (about " + allowed + ")";
    }
    if (e.bytes > CODE_LIMIT + CODE_LIMIT / 100) {
      return "the generated method " + m.name() + " would need about " + e.bytes
          + " bytes of bytecode, more than the JVM's limit of " + CODE_LIMIT + " bytes per method";
    }
    return null;
  }

  /**
   * HotSpot's {@code HugeMethodLimit}: it leaves a method of more bytes of bytecode than this to
   * the interpreter ({@code -XX:-DontCompileHugeMethods} lifts that), some twenty times slower.
   */
  static final int HUGE_METHOD = 8_000;

  /** Whether a method of these statements would be too large for HotSpot to compile. */
  public static boolean huge(List<Stmt> body) {
    return new Estimate(new IrMethod("_", false, null, List.of(), false, true, body, List.of(), null)).bytes > HUGE_METHOD;
  }

  /** The JVM's limit on a method's parameters, in slots: a double or long takes two (JVMS 4.3.3). */
  static final int SLOT_LIMIT = 255;

  /**
   * Why javac cannot compile the generated {@code what} (a method, or a record's constructor,
   * whose record takes a slot more) of parameters of {@code types}, null standing for a reference;
   * null if it can. A user's method of 70 doubles compiles, its {@code fJvp} of 140 would not.
   */
  public static String tooManySlots(String what, List<Type> types, boolean constructor) {
    int slots = constructor ? 1 : 0;
    for (Type t : types) {
      slots += t != null && t.dims() == 0 && (t.prim() == Type.Prim.DOUBLE || t.prim() == Type.Prim.LONG) ? 2 : 1;
    }
    return slots <= SLOT_LIMIT ? null
        : "the generated " + what + " would take " + slots + " " + SLOTS + " (a double or long takes two), more"
            + " than the JVM's limit of " + SLOT_LIMIT;
  }

  /** The words every {@link #tooManySlots} reason holds. */
  public static final String SLOTS = "parameter slots";

  /** The depth of the deepest expression of {@code body}. */
  static int depth(List<Stmt> body) {
    int[] deepest = {0};
    for (Stmt s : body) {
      Walk.each(s, x -> {
        for (Expr e : x instanceof Stmt.ReturnRecord r ? r.args() : Walk.exprs(x)) {
          deepest[0] = Math.max(deepest[0], depth(e));
        }
      });
    }
    return deepest[0];
  }

  private static int depth(Expr e) {
    int deepest = 0;
    for (Expr c : Walk.children(e)) {
      deepest = Math.max(deepest, depth(c));
    }
    return deepest + 1;
  }

  /** A lower bound on the bytecode of a method and the depth of its deepest expression. */
  private static final class Estimate {
    private final Map<Var, Integer> slots = new HashMap<>();
    private int next;
    int bytes;
    int depth;

    Estimate(IrMethod m) {
      for (Var p : m.params()) {
        slot(p);
      }
      statements(m.body());
    }

    private void slot(Var v) {
      if (!slots.containsKey(v)) {
        slots.put(v, next);
        next += wide(v.type()) ? 2 : 1;
      }
    }

    private static boolean wide(Type t) {
      return t != null && (t.equals(Type.DOUBLE) || t.equals(Type.LONG));
    }

    /** A load or store of {@code v}: one byte for the first four slots, two up to 255, then four. */
    private int access(Var v) {
      Integer s = slots.get(v);
      return s == null || s < 4 ? 1 : s < 256 ? 2 : 4;
    }

    private void statements(List<Stmt> body) {
      for (Stmt s : body) {
        statement(s);
      }
    }

    private void statement(Stmt s) {
      if (s instanceof Stmt.Declare d) {
        slot(d.var());
        bytes += d.init() == null ? 0 : access(d.var());
      } else if (s instanceof Stmt.Assign a) {
        bytes += a.op() == null ? access(a.var()) : 2 * access(a.var()) + 1; // x += e loads x too
      } else if (s instanceof Stmt.If || s instanceof Stmt.Loop) {
        bytes += 3; // a branch
      } else if (s instanceof Stmt.Push) {
        bytes += 4; // the stack's load and the call
      } else if (s instanceof Stmt.ReturnRecord) {
        bytes += 7; // new, dup, invokespecial
      } else if (s instanceof Stmt.Store || s instanceof Stmt.Return) {
        bytes += 1;
      }
      // A record's arguments are not among Walk.exprs: the plan builds that statement last.
      for (Expr e : s instanceof Stmt.ReturnRecord r ? r.args() : Walk.exprs(s)) {
        expr(e, 1, null);
      }
      int open = next;
      for (Stmt n : Walk.nested(s)) {
        statement(n);
      }
      next = open; // as javac, which gives a block's slots to the locals after it
    }

    /** @param context the type of the operation {@code e} is an operand of, or null */
    private void expr(Expr e, int level, Type context) {
      depth = Math.max(depth, level);
      if (e instanceof Expr.Literal l) {
        bytes += literal(l.value(), context);
      } else if (e instanceof Expr.Ref r) {
        bytes += access(r.var());
      } else if (e instanceof Expr.Call || e instanceof Expr.DiffCall || e instanceof Expr.SelfCall
          || e instanceof Expr.Component || e instanceof Expr.Pop || e instanceof Expr.NewRecord) {
        bytes += 3; // an invoke or a new
      } else {
        bytes += 1; // a constant (a static final one too, which javac inlines), an operation, an element load
      }
      Type operands = e instanceof Expr.Binary b ? b.type() : null;
      for (Expr c : Walk.children(e)) {
        expr(c, level + 1, operands);
      }
    }

    /**
     * A literal: {@code dconst_0}, {@code iconst_3} and {@code bipush} are short, other doubles
     * and longs take {@code ldc2_w}; an int literal in a double operation ({@code 2 * x}) is
     * compiled as the double it is converted to.
     */
    private static int literal(Object value, Type context) {
      if (value instanceof Integer i && context != null && (context.equals(Type.DOUBLE) || context.equals(Type.LONG))) {
        value = context.equals(Type.DOUBLE) ? (Object) i.doubleValue() : (Object) i.longValue();
      }
      if (value instanceof Double d) {
        return d == 1.0 || (d == 0.0 && 1 / d > 0) ? 1 : 3;
      }
      if (value instanceof Long v) {
        return v == 0 || v == 1 ? 1 : 3;
      }
      if (value instanceof Float f) {
        return f == 0f || f == 1f || f == 2f ? 1 : 2;
      }
      if (value instanceof Integer i) {
        return i >= -1 && i <= 5 ? 1 : i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE ? 2 : 3;
      }
      return 1;
    }
  }
}
