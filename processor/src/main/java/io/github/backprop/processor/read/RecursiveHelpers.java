package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Owner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Helpers without {@code @Differentiable} that call themselves, directly or through other
 * helpers: their bodies cannot be read in place for ever, so each gets a gradient method of its
 * own, private to one generated class ({@code _fib} returning {@code _Fib}), as an annotated
 * method's public one. Shared by the methods of that class, so each helper gets one.
 */
public final class RecursiveHelpers {
  /** A helper's private gradient method and record, e.g. {@code _fib} and {@code _Fib}. */
  public record Names(String method, String record) {}

  private final Owner grad;
  private final Map<ExecutableElement, Names> names = new LinkedHashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final Deque<ExecutableElement> pending = new ArrayDeque<>();

  /** @param grad the generated class the gradient methods go into */
  public RecursiveHelpers(Owner grad) {
    this.grad = grad;
  }

  /** The generated class the gradient methods go into. */
  public Owner grad() {
    return grad;
  }

  /** The names of {@code helper}'s gradient, given the first time it is asked for. */
  Names of(ExecutableElement helper) {
    return names.computeIfAbsent(
        helper,
        h -> {
          String simple = h.getSimpleName().toString();
          String base = "_" + Character.toUpperCase(simple.charAt(0)) + simple.substring(1);
          String record = base;
          for (int n = 2; !taken.add(record.toLowerCase(java.util.Locale.ROOT)); n++) {
            record = base + n;
          }
          pending.add(h);
          return new Names("_" + simple, record);
        });
  }

  /** The next helper whose gradient is still to be generated, or null. */
  public ExecutableElement next() {
    return pending.poll();
  }

  /**
   * Whether a helper that does not call itself can have a gradient method of its own all the
   * same, for size ({@link MethodReader#outlining()}): it returns a number and takes only numbers,
   * so no array it writes needs following.
   */
  static boolean outlinable(ExecutableElement m, io.github.backprop.processor.ir.Type result) {
    return result != null && result.isFloating()
        && m.getParameters().stream().allMatch(p -> p.asType().getKind().isPrimitive());
  }

  /** The names given to {@code helper}. */
  public Names names(ExecutableElement helper) {
    return names.get(helper);
  }
}
