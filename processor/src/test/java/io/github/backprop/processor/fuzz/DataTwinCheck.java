package io.github.backprop.processor.fuzz;

import io.github.backprop.processor.fuzz.Batch.Unit;
import io.github.backprop.processor.fuzz.Checker.Failure;
import io.github.backprop.processor.fuzz.Checker.Kind;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Holds a {@link DataTwins} twin against its method at a point: the twin's value is the method's
 * bit for bit, its gradient (a tangent record's or {@code self()}'s components, an array of tangent
 * records, flattened in place) the method's to rounding, and its {@code Jvp}, given a direction of
 * the gradient's shape (tangent records built by reflection), the gradient · direction; its
 * {@code Hvp}, where there is one, the gradient again and a symmetric Hessian.
 */
final class DataTwinCheck {
  /** The data the list twin reads: they sum to 4 as the twin reads them (see DataTwins). */
  static final List<Double> WS = List.of(0.5, 1.5);

  static final List<double[]> ROWS = List.of(new double[] {0.25, 7}, new double[] {0.125, 3, 5, 1});
  static final Map<String, Double> MP = Map.of("k", 2.0);

  private final DataTwins.Shape shape;
  private final Method grad;
  private final Method jvp;
  /** The twin's Hvp, where its method is {@code hessian = true}; else null. */
  private final Method hvp;
  /** The enum's, the instance's or the record's class. */
  private final Class<?> own;
  /** How many of m's leading parameters the twin's fields or components hold. */
  private final int k;

  private DataTwinCheck(DataTwins.Shape shape, Method grad, Method jvp, Method hvp, Class<?> own, int k) {
    this.shape = shape;
    this.grad = grad;
    this.jvp = jvp;
    this.hvp = hvp;
    this.own = own;
    this.k = k;
  }

  static DataTwinCheck load(ClassLoader l, Unit u, DataTwins.Shape shape, Class<?>[] types) throws ReflectiveOperationException {
    String x = DataTwins.suffix(u);
    String name = u.method().name();
    return switch (shape) {
      case ENUM -> {
        Class<?> en = l.loadClass("p.C$En_" + x);
        yield of(shape, l.loadClass("p.CGrad"), name + "Enum", en, 0, prepend(types, 0, en));
      }
      case GENERIC -> of(shape, l.loadClass("p.CGrad"), name + "List", null, 0, prepend(types, 0, List.class, List.class, Map.class));
      case INSTANCE -> {
        Class<?> cls = l.loadClass("p.C$Inst_" + x);
        int k = DataTwins.fields(u.method());
        yield of(shape, l.loadClass("p.C_Inst_" + x + "Grad"), name + "Inst", cls, k, prepend(types, k, cls));
      }
      case RECORD_ARRAY -> {
        Class<?> rec = l.loadClass("p.C$RA_" + x);
        int k = DataTwins.components(u.method());
        yield of(shape, l.loadClass("p.CGrad"), name + "Arr", rec, k, prepend(types, k, rec.arrayType()));
      }
    };
  }

  private static DataTwinCheck of(DataTwins.Shape shape, Class<?> gradClass, String name, Class<?> own, int k, Class<?>[] types)
      throws ReflectiveOperationException {
    Method grad = gradClass.getDeclaredMethod(name, types);
    grad.setAccessible(true);
    int tangents = grad.getReturnType().getRecordComponents().length - 1;
    Method jvp = null;
    Method hvp = null;
    // An overloaded method has one Jvp and one Hvp per overload, and getDeclaredMethods has no
    // fixed order: the twin's own start with its parameters.
    for (Method m : gradClass.getDeclaredMethods()) {
      if (m.getParameterCount() != types.length + tangents || !startsWith(m.getParameterTypes(), types)) {
        continue;
      }
      if (m.getName().equals(name + "Jvp")) {
        jvp = m;
      } else if (m.getName().equals(name + "Hvp")) {
        hvp = m;
        hvp.setAccessible(true);
      }
    }
    if (jvp == null) {
      throw new NoSuchMethodException(gradClass.getName() + "." + name + "Jvp");
    }
    jvp.setAccessible(true);
    return new DataTwinCheck(shape, grad, jvp, hvp, own, k);
  }

  private static boolean startsWith(Class<?>[] all, Class<?>[] prefix) {
    return all.length >= prefix.length && java.util.Arrays.equals(all, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** {@code first}, then {@code types} from {@code from} on. */
  private static Class<?>[] prepend(Class<?>[] types, int from, Class<?>... first) {
    Class<?>[] out = new Class<?>[first.length + types.length - from];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(types, from, out, first.length, types.length - from);
    return out;
  }

  /** The twin's arguments at m's point {@code point}, the {@code index}th checked. */
  private Object[] args(Unit u, Object[] point, int index) throws ReflectiveOperationException {
    List<Object> out = new ArrayList<>();
    switch (shape) {
      case ENUM -> out.add(own.getEnumConstants()[index % 3]);
      case GENERIC -> {
        out.add(WS);
        out.add(ROWS);
        out.add(MP);
      }
      case INSTANCE -> {
        Constructor<?> ctor = own.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object self = ctor.newInstance();
        for (int i = 0; i < k; i++) {
          Field f = own.getDeclaredField(u.method().params().get(i).name());
          f.setAccessible(true);
          f.set(self, Checker.copy(point[i]));
        }
        out.add(self);
      }
      case RECORD_ARRAY -> {
        RecordComponent[] rc = own.getRecordComponents();
        Class<?>[] types = new Class<?>[k];
        Object[] values = new Object[k];
        for (int i = 0; i < k; i++) {
          types[i] = rc[i].getType();
          values[i] = Checker.copy(point[i]);
        }
        Constructor<?> ctor = own.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        Object array = Array.newInstance(own, 1);
        Array.set(array, 0, ctor.newInstance(values));
        out.add(array);
      }
    }
    for (int i = k; i < point.length; i++) {
      out.add(point[i]);
    }
    return out.toArray();
  }

  Failure check(Method primal, Method mGrad, Unit u, Object[] point, int index) {
    double f0;
    Object expected;
    try {
      f0 = (Double) Checker.call(primal, point);
      expected = Checker.call(mGrad, point);
    } catch (Throwable e) {
      return null; // checkPoint judged these
    }
    String what = shape.toString().toLowerCase(java.util.Locale.ROOT) + " twin";
    Object[] args;
    Object result;
    try {
      args = args(u, point, index);
      result = Checker.call(grad, args);
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, what + " at " + Checker.show(u, point) + ": " + e, what + " throws " + e.getClass().getName(), point);
    }
    String why = Checker.twinDifference(expected, f0, result);
    if (why == null && Double.isFinite(f0)) {
      why = jvpDifference(f0, result, args, new SplittableRandom(java.util.Arrays.deepHashCode(point) + 7));
    }
    if (why == null && hvp != null && Double.isFinite(f0)) {
      why = hvpDifference(result, args, new SplittableRandom(java.util.Arrays.deepHashCode(point) + 8));
    }
    return why == null ? null : new Failure(Kind.DATA_TWIN_MISMATCH, u, what + " at " + Checker.show(u, point) + ": " + why, what + " mismatch", point);
  }

  /** How the twin's Jvp in a direction of its gradient's shape differs from the gradient · direction. */
  private String jvpDifference(double f0, Object gradient, Object[] args, SplittableRandom r) {
    List<Object> parts = Checker.components(gradient);
    Class<?>[] types = jvp.getParameterTypes();
    if (args.length + parts.size() - 1 != types.length) {
      return "Jvp " + jvp + " takes " + (types.length - args.length) + " tangents, but the gradient has "
          + (parts.size() - 1) + " parts";
    }
    Object[] all = new Object[types.length];
    System.arraycopy(args, 0, all, 0, args.length);
    double[] dot = new double[2];
    try {
      for (int i = 1; i < parts.size(); i++) {
        all[args.length + i - 1] = direction(parts.get(i), types[args.length + i - 1], r, dot);
      }
    } catch (ReflectiveOperationException e) {
      return "no direction for " + jvp + ": " + e;
    }
    if (!Double.isFinite(dot[0])) {
      return null;
    }
    Object result;
    try {
      result = Checker.call(jvp, all);
    } catch (Throwable e) {
      return "Jvp throws " + e;
    }
    List<Object> jc = Checker.components(result);
    double value = (Double) jc.get(0);
    double tangent = (Double) jc.get(1);
    if (Double.doubleToLongBits(value) != Double.doubleToLongBits(f0)
        || !(Math.abs(tangent - dot[0]) <= Checker.SAME * Math.max(1, dot[1]))) {
      return "Jvp = (" + value + ", " + tangent + "), primal " + f0 + ", gradient · v " + dot[0];
    }
    return null;
  }

  /**
   * How the twin's Hvp differs from its gradient (Hvp's gradient) or from symmetry, ⟨u, H v⟩ =
   * ⟨v, H u⟩ for two directions of the gradient's shape, flattened in the Hessian's order (a
   * one-element record array's components are its element's).
   */
  private String hvpDifference(Object gradient, Object[] args, SplittableRandom r) {
    List<Object> parts = Checker.components(gradient);
    Class<?>[] types = hvp.getParameterTypes();
    Object[] withU = new Object[types.length];
    Object[] withV = new Object[types.length];
    System.arraycopy(args, 0, withU, 0, args.length);
    System.arraycopy(args, 0, withV, 0, args.length);
    List<Double> flatG = new ArrayList<>();
    List<Double> flatU = new ArrayList<>();
    List<Double> flatV = new ArrayList<>();
    try {
      for (int i = 1; i < parts.size(); i++) {
        Class<?> t = types[args.length + i - 1];
        withU[args.length + i - 1] = direction(parts.get(i), t, r, new double[2]);
        withV[args.length + i - 1] = direction(parts.get(i), t, r, new double[2]);
        Checker.flatten(parts.get(i), flatG);
        Checker.flatten(withU[args.length + i - 1], flatU);
        Checker.flatten(withV[args.length + i - 1], flatV);
      }
    } catch (ReflectiveOperationException e) {
      return "no direction for " + hvp + ": " + e;
    }
    double[] g;
    double[] hu;
    double[] hv;
    try {
      List<Object> ru = Checker.components(Checker.call(hvp, withU));
      g = (double[]) ru.get(1);
      hu = (double[]) ru.get(2);
      hv = (double[]) Checker.components(Checker.call(hvp, withV)).get(2);
    } catch (Throwable e) {
      return "Hvp throws " + e;
    }
    if (g.length != flatG.size() || hu.length != flatG.size()) {
      return "Hvp of " + g.length + " and " + hu.length + " for " + flatG.size() + " partials";
    }
    double uhv = 0;
    double vhu = 0;
    double scale = 0;
    for (int i = 0; i < g.length; i++) {
      if (!Checker.close(g[i], flatG.get(i))) {
        return "Hvp's gradient[" + i + "] = " + g[i] + ", the gradient's " + flatG.get(i);
      }
      uhv += flatU.get(i) * hv[i];
      vhu += flatV.get(i) * hu[i];
      scale += Math.abs(flatU.get(i) * hv[i]) + Math.abs(flatV.get(i) * hu[i]);
    }
    if (Double.isFinite(scale) && !(Math.abs(uhv - vhu) <= Checker.SYMMETRIC * Math.max(1, scale))) {
      return "<u, H v> = " + uhv + " but <v, H u> = " + vhu;
    }
    return null;
  }

  /**
   * A direction of {@code type} shaped as the partial {@code part}, drawn from {@code r}; adds
   * part · direction to {@code dot[0]} and its absolute terms to {@code dot[1]}.
   */
  private static Object direction(Object part, Class<?> type, SplittableRandom r, double[] dot) throws ReflectiveOperationException {
    if (type == double.class) {
      double v = r.nextDouble(-1, 1);
      double term = (Double) part * v;
      dot[0] += term;
      dot[1] += Math.abs(term);
      return v;
    }
    if (type.isArray()) {
      int n = Array.getLength(part);
      Object out = Array.newInstance(type.getComponentType(), n);
      for (int i = 0; i < n; i++) {
        Array.set(out, i, direction(Array.get(part, i), type.getComponentType(), r, dot));
      }
      return out;
    }
    // a tangent record: its components in turn
    RecordComponent[] rc = type.getRecordComponents();
    List<Object> values = Checker.components(part);
    Class<?>[] types = new Class<?>[rc.length];
    Object[] out = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
      out[i] = direction(values.get(i), types[i], r, dot);
    }
    Constructor<?> ctor = type.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    return ctor.newInstance(out);
  }
}
