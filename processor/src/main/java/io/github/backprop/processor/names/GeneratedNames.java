package io.github.backprop.processor.names;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every name of the generated API is minted here, so callers and callees agree on it: the Grad
 * class, the result records, forward mode's records, and the records' accessors.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code p.C} → {@code p.CGrad}; a nested {@code p.Outer.C} → {@code p.Outer_CGrad}. */
  public static Owner gradClass(Owner source) {
    return new Owner(source.packageName(), source.simpleNames().replace('.', '_') + "Grad");
  }

  /**
   * The record accessor of each parameter: its own name for a double or double array, null for
   * an inactive parameter or one left out of {@code wrt} (null: every floating-point one). The primal result is always {@code value()}, so a parameter named
   * {@code value} gets {@code value_()} (one more underscore until the name is free), and so does
   * a name a record component cannot have ({@code hashCode}, {@code toString}, ...: JLS 8.10.1).
   */
  /** Names javac refuses for a record component: Object's methods without parameters. */
  private static final Set<String> RESERVED_COMPONENTS =
      Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  public static List<String> accessors(List<String> paramNames, List<Type> paramTypes, Set<String> wrt) {
    Set<String> taken = new HashSet<>(paramNames);
    taken.add("value");
    List<String> accessors = new ArrayList<>();
    for (int i = 0; i < paramNames.size(); i++) {
      String name = paramNames.get(i);
      if (paramTypes.get(i) == null
          || !paramTypes.get(i).isDifferentiable()
          || (wrt != null && !wrt.contains(name))) {
        accessors.add(null);
        continue;
      }
      if (name.equals("value") || RESERVED_COMPONENTS.contains(name)) {
        while (taken.contains(name) || RESERVED_COMPONENTS.contains(name)) {
          name = name + "_";
        }
        taken.add(name);
      }
      accessors.add(name);
    }
    return accessors;
  }

  /**
   * The accessors of a callee from a class file, by its compiled result record's components
   * (after {@code value}, one per differentiated parameter in order): the parameter names a
   * class file gives are {@code arg0}, {@code arg1} unless it was compiled with {@code
   * -parameters}. {@code accessors} as they are where there is no such record or it does not fit.
   */
  public static List<String> compiled(List<String> accessors, javax.lang.model.element.TypeElement record) {
    if (record == null || record.getKind() != javax.lang.model.element.ElementKind.RECORD) {
      return accessors;
    }
    List<String> components = new ArrayList<>();
    record.getRecordComponents().forEach(c -> components.add(c.getSimpleName().toString()));
    if (components.isEmpty() || !components.get(0).equals("value")
        || components.size() - 1 != accessors.stream().filter(a -> a != null).count()) {
      return accessors;
    }
    List<String> out = new ArrayList<>();
    int next = 1;
    for (String a : accessors) {
      out.add(a == null ? null : components.get(next++));
    }
    return out;
  }

  /** A method as the naming scheme sees it. */
  public record Signature(String name, List<Type> paramTypes) {
    String key() {
      StringBuilder k = new StringBuilder(name).append('(');
      paramTypes.forEach(t -> k.append(t).append(','));
      return k.append(')').toString();
    }
  }

  /**
   * The result record of each method of one class: its name capitalised ({@code loss} → {@code
   * Loss}). Overloads add their parameter types ({@code FDouble}, {@code FDoubleInt}); a clash
   * with the Grad class or between names that differ only in case adds a number. Names depend
   * only on the set of methods, never on their order in the source.
   */
  public static <M> Map<M, String> records(
      List<M> methods, Function<M, Signature> signature, String gradSimpleName) {
    List<M> sorted = new ArrayList<>(methods);
    sorted.sort(Comparator.comparing(m -> signature.apply(m).key()));
    Map<String, Integer> perName = new HashMap<>();
    for (M m : sorted) {
      perName.merge(signature.apply(m).name(), 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>();
    taken.add(gradSimpleName.toLowerCase(Locale.ROOT));
    Map<M, String> names = new HashMap<>();
    for (M m : sorted) {
      Signature s = signature.apply(m);
      StringBuilder base = new StringBuilder(capitalize(s.name()));
      if (perName.get(s.name()) > 1) {
        for (Type t : s.paramTypes()) {
          base.append(t == null ? "Other" : capitalize(simpleName(t)) + "Array".repeat(t.dims()));
        }
      }
      String name = base.toString();
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base.toString() + n;
      }
      names.put(m, name);
    }
    return names;
  }

  /** {@code Double}, {@code String}; an enum by its simple name, {@code Outer_Mode} for a nested one. */
  private static String simpleName(Type t) {
    return t.ref() == null ? t.prim().keyword() : t.ref().simpleNames().replace('.', '_');
  }

  /**
   * The forward-mode record of each method of {@code forward}: its result record's name with
   * {@code Jvp} added ({@code Loss} → {@code LossJvp}, {@code FDouble} → {@code FDoubleJvp}),
   * numbered like the others where it would clash, ignoring case, with a result record, the Grad
   * class or another one. Deterministic: in the order of the result records' names.
   */
  public static <M> Map<M, String> jvpRecords(Map<M, String> records, java.util.Collection<M> forward, String gradSimpleName) {
    Set<String> taken = new HashSet<>();
    taken.add(gradSimpleName.toLowerCase(Locale.ROOT));
    records.values().forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
    List<M> sorted = new ArrayList<>(forward);
    sorted.sort(Comparator.comparing(records::get));
    Map<M, String> names = new HashMap<>();
    for (M m : sorted) {
      String base = records.get(m) + "Jvp";
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + n;
      }
      names.put(m, name);
    }
    return names;
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
