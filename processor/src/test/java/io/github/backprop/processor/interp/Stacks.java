package io.github.backprop.processor.interp;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.LongStack;
import io.github.backprop.ObjectStack;

/** The runtime's tape stacks, one operation at a time, whichever kind a tape variable holds. */
final class Stacks {
  private Stacks() {}

  static int size(Object stack) {
    if (stack instanceof DoubleStack s) {
      return s.size();
    }
    if (stack instanceof IntStack s) {
      return s.size();
    }
    if (stack instanceof LongStack s) {
      return s.size();
    }
    if (stack instanceof BooleanStack s) {
      return s.size();
    }
    return objects(stack).size();
  }

  /** Puts the stack back at {@code height}, as a catch that resumes does. */
  static void cut(Object stack, int height) {
    if (stack instanceof DoubleStack s) {
      s.cut(height);
    } else if (stack instanceof IntStack s) {
      s.cut(height);
    } else if (stack instanceof LongStack s) {
      s.cut(height);
    } else if (stack instanceof BooleanStack s) {
      s.cut(height);
    } else {
      objects(stack).cut(height);
    }
  }

  /** Pushes {@code v}, which must be of the stack's kind: a float on the doubles widens exactly. */
  static void push(Object stack, Object v) {
    if (stack instanceof DoubleStack s && (v instanceof Double || v instanceof Float)) {
      s.push(((Number) v).doubleValue());
    } else if (stack instanceof IntStack s && v instanceof Integer i) {
      s.push(i);
    } else if (stack instanceof LongStack s && v instanceof Long l) {
      s.push(l);
    } else if (stack instanceof BooleanStack s && v instanceof Boolean b) {
      s.push(b);
    } else if (stack instanceof ObjectStack s) {
      s.push(v);
    } else {
      throw new InterpreterException("push of " + Arith.describe(v) + " on " + Arith.describe(stack));
    }
  }

  /** The value pushed last; from the doubles, a float comes back as itself. */
  static Object pop(Object stack, boolean asFloat) {
    if (stack instanceof DoubleStack s) {
      double d = s.pop();
      return asFloat ? (Object) (float) d : (Object) d;
    }
    if (stack instanceof IntStack s) {
      return s.pop();
    }
    if (stack instanceof LongStack s) {
      return s.pop();
    }
    if (stack instanceof BooleanStack s) {
      return s.pop();
    }
    return objects(stack).pop();
  }

  private static ObjectStack objects(Object stack) {
    if (stack instanceof ObjectStack s) {
      return s;
    }
    throw new InterpreterException("not a tape stack: " + Arith.describe(stack));
  }
}
