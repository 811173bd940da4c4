package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes outside the IR that interpreted code reaches by reflection: {@code java.lang.Math}
 * and its family, the runtime's helpers, rules' libraries, the user's classes and their static
 * fields, and the generated classes where a test has them (copies of private fields, callees'
 * records). Overloads are chosen from the arguments' own types, as javac chose them from the
 * same types.
 */
public class Linker {
  private final ClassLoader loader;

  public Linker(ClassLoader loader) {
    this.loader = loader;
  }

  /** Classes of the JDK and the test's class path only. */
  public static Linker system() {
    return new Linker(Linker.class.getClassLoader());
  }

  /** The class {@code owner} names: {@code p.Outer.Inner} is {@code p.Outer$Inner}. */
  public Class<?> classOf(Owner owner) {
    String name = owner.simpleNames();
    for (int dot = name.length(); dot >= 0; dot = name.lastIndexOf('.', dot - 1)) {
      String binary = name.substring(0, dot) + name.substring(dot).replace('.', '$');
      String full = owner.packageName().isEmpty() ? binary : owner.packageName() + "." + binary;
      try {
        return Class.forName(full, true, loader);
      } catch (ClassNotFoundException e) {
        // a nested class: try the next dot from the right as '$'
      }
      if (dot == 0) {
        break;
      }
    }
    throw new InterpreterException("no class " + owner.canonicalName() + " on the interpreter's class path");
  }

  /** The Java class of values of {@code type}, for new arrays. */
  public Class<?> classOf(Type type) {
    Class<?> c;
    switch (type.prim()) {
      case DOUBLE:
        c = double.class;
        break;
      case FLOAT:
        c = float.class;
        break;
      case INT:
        c = int.class;
        break;
      case LONG:
        c = long.class;
        break;
      case BOOLEAN:
        c = boolean.class;
        break;
      case BYTE:
        c = byte.class;
        break;
      case SHORT:
        c = short.class;
        break;
      case CHAR:
        c = char.class;
        break;
      case STRING:
        c = String.class;
        break;
      case LIST:
        c = List.class;
        break;
      default:
        c = classOf(type.ref());
        break;
    }
    for (int i = 0; i < type.dims(); i++) {
      c = c.arrayType();
    }
    return c;
  }

  /** The static field {@code owner.name}, private ones included (a generated class's copies). */
  public Object staticField(Owner owner, String name) {
    Class<?> c = classOf(owner);
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        Field f = k.getDeclaredField(name);
        if (Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          return Arith.normal(f.get(null));
        }
      } catch (NoSuchFieldException e) {
        // a superclass's, or an interface's below
      } catch (IllegalAccessException e) {
        throw new InterpreterException("cannot read " + owner.canonicalName() + "." + name, e);
      }
    }
    try {
      Field f = c.getField(name); // an interface's constant
      return Arith.normal(f.get(null));
    } catch (ReflectiveOperationException e) {
      throw new InterpreterException("no static field " + owner.canonicalName() + "." + name, e);
    }
  }

  /** {@code owner.name(args)}, the overload javac would choose for these argument types. */
  public Object callStatic(Owner owner, String name, List<Object> args) {
    Method m = choose(classOf(owner), name, args, true);
    return invoke(m, null, args);
  }

  /** {@code target.name(args)}. */
  public Object callVirtual(Object target, String name, List<Object> args) {
    if (target == null) {
      throw new NullPointerException("interpreted call of " + name + " on null");
    }
    Method m = choose(target.getClass(), name, args, false);
    return invoke(m, target, args);
  }

  /** The constructor javac would choose, called. */
  public Object construct(Owner owner, List<Object> args) {
    Class<?> c = classOf(owner);
    java.lang.reflect.Constructor<?> best = null;
    for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
      if (applicable(k.getParameterTypes(), args) && (best == null || moreSpecific(k.getParameterTypes(), best.getParameterTypes()))) {
        best = k;
      }
    }
    if (best == null) {
      throw new InterpreterException("no constructor of " + owner.canonicalName() + " takes " + args);
    }
    try {
      best.setAccessible(true);
      return best.newInstance(converted(best.getParameterTypes(), args));
    } catch (InvocationTargetException e) {
      throw Interpreter.sneaky(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InterpreterException("cannot construct " + owner.canonicalName(), e);
    }
  }

  private static Object invoke(Method m, Object target, List<Object> args) {
    try {
      m.setAccessible(true);
      return Arith.normal(m.invoke(target, converted(m.getParameterTypes(), args)));
    } catch (InvocationTargetException e) {
      throw Interpreter.sneaky(e.getCause()); // the exception the code throws, for catches to see
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InterpreterException("cannot call " + m, e);
    }
  }

  private static Object[] converted(Class<?>[] types, List<Object> args) {
    Object[] out = new Object[args.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = convert(types[i], args.get(i));
    }
    return out;
  }

  private static Object convert(Class<?> type, Object v) {
    if (!type.isPrimitive() || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Character c) {
      v = (int) c;
    }
    Number n = (Number) v;
    if (type == double.class) {
      return n.doubleValue();
    }
    if (type == float.class) {
      return n.floatValue();
    }
    if (type == long.class) {
      return n.longValue();
    }
    if (type == int.class) {
      return n.intValue();
    }
    if (type == short.class) {
      return n.shortValue();
    }
    if (type == byte.class) {
      return n.byteValue();
    }
    if (type == char.class) {
      return (char) n.intValue();
    }
    return v;
  }

  /**
   * JLS 15.12.2 without varargs: applicable by widening alone (phase 1), else with boxing (phase
   * 2), then the most specific. The interpreter's values of primitive types are boxes, but count
   * as the primitives they stand for. Last, as a char, byte or short argument lives in an int
   * here, one of those parameters where nothing else fits.
   */
  private static Method choose(Class<?> c, String name, List<Object> args, boolean isStatic) {
    for (int phase = 1; phase <= 3; phase++) {
      Method m = choose(c, name, args, isStatic, phase);
      if (m != null) {
        return m;
      }
    }
    throw new InterpreterException("no method " + c.getName() + "." + name + " takes " + args);
  }

  private static Method choose(Class<?> c, String name, List<Object> args, boolean isStatic, int phase) {
    List<Method> candidates = new ArrayList<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Method m : k.getDeclaredMethods()) {
        if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic && !m.isBridge()
            && applicable(m.getParameterTypes(), args, phase)) {
          candidates.add(m);
        }
      }
    }
    if (!isStatic) {
      for (Method m : c.getMethods()) { // interface defaults and public methods of hidden classes
        if (m.getName().equals(name) && !m.isBridge() && applicable(m.getParameterTypes(), args, phase)) {
          candidates.add(m);
        }
      }
    }
    Method best = null;
    for (Method m : candidates) {
      if (best == null || moreSpecific(m.getParameterTypes(), best.getParameterTypes())
          && !moreSpecific(best.getParameterTypes(), m.getParameterTypes())) {
        best = m;
      }
    }
    if (best == null) {
      return null;
    }
    if (!isStatic && !Modifier.isPublic(best.getDeclaringClass().getModifiers())) {
      // a public method of a private class: call it through a public interface or superclass
      for (Method m : c.getMethods()) {
        if (m.getName().equals(name) && java.util.Arrays.equals(m.getParameterTypes(), best.getParameterTypes())) {
          return m;
        }
      }
    }
    return best;
  }

  private static boolean applicable(Class<?>[] params, List<Object> args) {
    return applicable(params, args, 1) || applicable(params, args, 2);
  }

  /** Phase 1: widening only; 2: boxing too; 3: an int for a char, byte or short parameter too. */
  private static boolean applicable(Class<?>[] params, List<Object> args, int phase) {
    if (params.length != args.size()) {
      return false;
    }
    for (int i = 0; i < params.length; i++) {
      boolean held = phase == 3 && args.get(i) instanceof Integer && (params[i] == char.class || params[i] == short.class || params[i] == byte.class);
      if (!held && !accepts(params[i], args.get(i), phase >= 2)) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(Class<?> param, Object arg, boolean boxing) {
    Type from = arg instanceof Character ? Type.CHAR : Arith.typeOf(arg);
    if (!param.isPrimitive()) {
      return arg == null || (from == null || boxing) && param.isInstance(arg);
    }
    if (from == null) {
      return false;
    }
    Type to = primitive(param);
    return to.equals(from) || to.acceptsByWidening(from);
  }

  private static boolean moreSpecific(Class<?>[] a, Class<?>[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      if (a[i].isPrimitive() && b[i].isPrimitive()) {
        if (!primitive(b[i]).acceptsByWidening(primitive(a[i]))) {
          return false;
        }
      } else if (!b[i].isAssignableFrom(a[i])) {
        return false;
      }
    }
    return true;
  }

  private static Type primitive(Class<?> c) {
    if (c == double.class) {
      return Type.DOUBLE;
    }
    if (c == float.class) {
      return Type.FLOAT;
    }
    if (c == long.class) {
      return Type.LONG;
    }
    if (c == int.class) {
      return Type.INT;
    }
    if (c == short.class) {
      return Type.SHORT;
    }
    if (c == byte.class) {
      return Type.BYTE;
    }
    if (c == char.class) {
      return Type.CHAR;
    }
    return Type.BOOLEAN;
  }
}
