package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;
import java.util.Random;

/**
 * Random arguments for a method's parameters, from their types alone: doubles and floats in
 * [-2, 2), small non-negative ints and longs (loop counts and sizes), and arrays of three
 * elements (three by three), so that arrays passed together have one length.
 */
public final class Points {
  private Points() {}

  /** Whether every parameter has a type {@link #of} can draw. */
  public static boolean drawable(List<Var> params) {
    for (Var p : params) {
      Type t = p.declared();
      if (t.isReference() || t.prim() == Type.Prim.STRING || t.prim() == Type.Prim.ENUM || t.prim() == Type.Prim.OBJECT
          || t.prim() == Type.Prim.LIST || t.dims() > 2) {
        return false;
      }
    }
    return true;
  }

  public static Object[] of(List<Var> params, Random r) {
    Object[] out = new Object[params.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = draw(params.get(i).declared(), r);
    }
    return out;
  }

  private static Object draw(Type t, Random r) {
    if (t.dims() > 0) {
      Type e = t.element();
      Object a = java.lang.reflect.Array.newInstance(Linker.system().classOf(e), 3);
      for (int i = 0; i < 3; i++) {
        java.lang.reflect.Array.set(a, i, draw(e, r));
      }
      return a;
    }
    switch (t.prim()) {
      case DOUBLE:
        return 4 * r.nextDouble() - 2;
      case FLOAT:
        return (float) (4 * r.nextDouble() - 2);
      case INT:
        return r.nextInt(6);
      case LONG:
        return (long) r.nextInt(6);
      case BOOLEAN:
        return r.nextBoolean();
      case SHORT:
        return (short) r.nextInt(6);
      case BYTE:
        return (byte) r.nextInt(6);
      case CHAR:
        return (char) ('a' + r.nextInt(6));
      default:
        throw new IllegalArgumentException("no random " + t);
    }
  }
}
