package io.github.backprop.processor.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's {@code @DerivativeOf} rules, by the method each is for ({@code p.Erf.erf(double)}):
 * those of the classes being compiled, kept across rounds, and those of classes compiled before,
 * read once per class when a {@code @Differentiable(rules = ...)} names it.
 */
public final class CustomRules {
  private final Map<String, CustomRule> compiled = new HashMap<>();
  private final Map<String, Map<String, CustomRule>> imported = new HashMap<>();

  /** Adds a rule of the compilation; returns the rule already there for the method, if any. */
  public CustomRule add(String primal, CustomRule rule) {
    return compiled.putIfAbsent(primal, rule);
  }

  /** The rules of a class compiled before, by its binary name; null if not read yet. */
  public Map<String, CustomRule> imported(String type) {
    return imported.get(type);
  }

  public void putImported(String type, Map<String, CustomRule> rules) {
    imported.put(type, Map.copyOf(rules));
  }

  /**
   * The rules for {@code primal}: the compilation's and those of the classes {@code imports}
   * (binary names, each read already), in that order. More than one is the caller's error to
   * report: backprop never picks one silently.
   */
  public List<CustomRule> find(String primal, List<String> imports) {
    List<CustomRule> found = new ArrayList<>();
    CustomRule r = compiled.get(primal);
    if (r != null) {
      found.add(r);
    }
    for (String type : imports) {
      CustomRule i = imported.getOrDefault(type, Map.of()).get(primal);
      if (i != null && !found.contains(i)) {
        found.add(i);
      }
    }
    return found;
  }
}
