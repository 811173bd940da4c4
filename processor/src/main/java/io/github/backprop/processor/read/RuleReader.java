package io.github.backprop.processor.read;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.rules.CustomRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @DerivativeOf} rule's declaration into a {@link CustomRule}, reporting every way
 * it does not fit the method it names: the overload with the rule's parameter types, static,
 * returning double, of double, int, long and boolean parameters; the rule static and visible,
 * returning a record of the value and one double partial per double parameter.
 */
public final class RuleReader {
  public static final String ANNOTATION = "io.github.backprop.DerivativeOf";

  private final Elements elements;
  private final ErrorReporter reporter;

  public RuleReader(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** A rule read, with the key of the method it is for. */
  public record Read(String primal, CustomRule rule) {}

  /** How the rules are found: the key of a method, e.g. {@code p.Erf.erf(double)}. */
  public static String key(ExecutableElement m) {
    StringBuilder b = new StringBuilder();
    b.append(((TypeElement) m.getEnclosingElement()).getQualifiedName()).append('.').append(m.getSimpleName()).append('(');
    for (VariableElement p : m.getParameters()) {
      b.append(b.charAt(b.length() - 1) == '(' ? "" : ",").append(p.asType());
    }
    return b.append(')').toString();
  }

  /** Whether {@code e} carries {@code @DerivativeOf}. */
  public static boolean isRule(Element e) {
    return e.getKind() == ElementKind.METHOD && mirror(e) != null;
  }

  /**
   * The rule {@code rule} declares, or null after reporting what is wrong, at {@code at}: the
   * rule itself when it is being compiled, else the method whose {@code rules} name its class.
   */
  public Read read(ExecutableElement rule, Element at) {
    AnnotationMirror a = mirror(rule);
    TypeElement type = null;
    String method = null;
    for (var e : a.getElementValues().entrySet()) {
      Object v = e.getValue().getValue();
      if (e.getKey().getSimpleName().contentEquals("type") && v instanceof DeclaredType d) {
        type = (TypeElement) d.asElement();
      } else if (e.getKey().getSimpleName().contentEquals("method")) {
        method = String.valueOf(v);
      }
    }
    if (type == null || method == null) {
      return null; // javac reports the missing or unknown class
    }
    int before = reporter.errorCount();
    String ruleName = display(rule);
    if (!rule.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(Tag.SIGNATURE, "rule " + ruleName + " must be static: generated code calls it in place of " + type.getSimpleName() + "." + method, at);
    }
    if (!rule.getTypeParameters().isEmpty()) {
      reporter.error(Tag.SIGNATURE, "rule " + ruleName + " must not be generic", at);
    }
    ExecutableElement primal = primal(rule, type, method, at);
    if (primal == null || reporter.errorCount() > before) {
      return null;
    }
    String primalName = signature(type.getSimpleName() + "." + method, primal);
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(Tag.SIGNATURE, primalName + " is an instance method; @DerivativeOf rules are for static methods", at);
      return null;
    }
    if (primal.getReturnType().getKind() != TypeKind.DOUBLE) {
      reporter.error(
          Tag.SIGNATURE,
          primalName + " returns " + primal.getReturnType() + "; @DerivativeOf rules are for methods returning"
              + " double",
          at);
      return null;
    }
    List<Type> types = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < rule.getParameters().size(); i++) {
      TypeMirror t = rule.getParameters().get(i).asType();
      // A double[] argument's partial is an array: the value's gradient with respect to it.
      boolean vector = t.getKind() == TypeKind.ARRAY && ((javax.lang.model.type.ArrayType) t).getComponentType().getKind() == TypeKind.DOUBLE;
      Type type0 = SUPPORTED.contains(t.getKind()) || vector ? Resolver.typeOf(t) : null;
      if (type0 == null) {
        reporter.error(
            Tag.SIGNATURE,
            "parameter " + (i + 1) + " of " + primalName + " is " + t + "; a @DerivativeOf rule's parameters"
                + " may be double (each with a partial), double[] (with an array of partials), int, long"
                + " or boolean",
            at);
        return null;
      }
      types.add(type0);
      params.add(rule.getParameters().get(i).getSimpleName().toString());
    }
    List<String> accessors = accessors(rule, ruleName, primalName, types, params, at);
    if (accessors == null) {
      return null;
    }
    TypeElement record = (TypeElement) ((DeclaredType) rule.getReturnType()).asElement();
    String onlyIn = onlyIn(rule, ruleName, at);
    String recordOnlyIn = onlyIn(record, ruleName, at);
    if (reporter.errorCount() > before) {
      return null;
    }
    boolean overloaded =
        arityTaken(type, primal) || arityTaken((TypeElement) rule.getEnclosingElement(), rule);
    return new Read(
        key(primal),
        new CustomRule(
            primalName,
            Resolver.owner((TypeElement) rule.getEnclosingElement()),
            rule.getSimpleName().toString(),
            Resolver.owner(record),
            List.copyOf(types),
            java.util.Collections.unmodifiableList(accessors),
            overloaded,
            onlyIn != null ? onlyIn : recordOnlyIn));
  }

  private static final Set<TypeKind> SUPPORTED = Set.of(TypeKind.DOUBLE, TypeKind.INT, TypeKind.LONG, TypeKind.BOOLEAN);

  /** The overload of {@code type.method} with the rule's parameter types; null after reporting. */
  private ExecutableElement primal(ExecutableElement rule, TypeElement type, String method, Element at) {
    List<ExecutableElement> named = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getSimpleName().contentEquals(method)) {
        named.add(m);
      }
    }
    if (named.isEmpty()) {
      reporter.error(
          Tag.SIGNATURE,
          type.getSimpleName() + " has no method '" + method + "' for rule " + display(rule) + " to be the"
              + " derivative of",
          at);
      return null;
    }
    for (ExecutableElement m : named) {
      if (sameParameters(m, rule)) {
        return m;
      }
    }
    List<String> overloads = new ArrayList<>();
    for (ExecutableElement m : named) {
      overloads.add(signature(type.getSimpleName() + "." + method, m));
    }
    reporter.error(
        Tag.SIGNATURE,
        "rule " + signature(display(rule), rule) + " matches no overload of " + type.getSimpleName() + "."
            + method + ", which is " + String.join(" or ", overloads) + ": a rule takes the"
            + " parameters of the method it is for",
        at);
    return null;
  }

  private static boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    if (a.getParameters().size() != b.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < a.getParameters().size(); i++) {
      TypeMirror x = a.getParameters().get(i).asType();
      TypeMirror y = b.getParameters().get(i).asType();
      if (x.getKind() != y.getKind() || !x.toString().equals(y.toString())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The record component holding each parameter's partial (null for none), from the rule's
   * result: {@code (double value, double dx, ...)}, one double per double parameter, in order. A
   * component named after another parameter than its own is an error: the partials would be
   * swapped. Null after reporting.
   */
  private List<String> accessors(
      ExecutableElement rule, String ruleName, String primalName, List<Type> types, List<String> params, Element at) {
    TypeMirror result = rule.getReturnType();
    String expected = expectedRecord(rule, types, params);
    TypeElement record =
        result instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD ? (TypeElement) d.asElement() : null;
    if (record == null) {
      reporter.error(
          Tag.SIGNATURE,
          "rule " + ruleName + " returns " + result + "; it must return a record of the value of " + primalName
              + " and its partials: " + expected,
          at);
      return null;
    }
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<Integer> partials = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).isDifferentiable()) {
        partials.add(i);
      }
    }
    boolean fits = components.size() == partials.size() + 1 && components.get(0).getSimpleName().contentEquals("value");
    for (int k = 0; fits && k < components.size(); k++) {
      boolean array = k > 0 && types.get(partials.get(k - 1)).isArray();
      TypeMirror c = components.get(k).asType();
      fits = array
          ? c.getKind() == TypeKind.ARRAY && ((javax.lang.model.type.ArrayType) c).getComponentType().getKind() == TypeKind.DOUBLE
          : c.getKind() == TypeKind.DOUBLE;
    }
    if (!fits) {
      reporter.error(
          Tag.SIGNATURE,
          "rule " + ruleName + " returns " + record.getSimpleName() + shape(components) + ", which must be "
              + expected + ": the value of " + primalName + ", then one partial per double"
              + " parameter (a double[] of partials for a double[] one), in order",
          at);
      return null;
    }
    List<String> accessors = new ArrayList<>();
    types.forEach(t -> accessors.add(null));
    for (int k = 0; k < partials.size(); k++) {
      int i = partials.get(k);
      String component = components.get(k + 1).getSimpleName().toString();
      for (int j : partials) {
        if (j != i && namesParameter(component, params.get(j)) && !namesParameter(component, params.get(i))) {
          reporter.error(
              Tag.SIGNATURE,
              "component '" + component + "' of " + record.getSimpleName() + " holds the partial with"
                  + " respect to parameter " + (i + 1) + ", '" + params.get(i) + "', but is named after"
                  + " '" + params.get(j) + "': the partials follow the parameters in order; write "
                  + expected,
              at);
          return null;
        }
      }
      accessors.set(i, component);
    }
    return accessors;
  }

  /** Whether a component name reads as the partial with respect to {@code param}: x, dx, d_x, dX. */
  private static boolean namesParameter(String component, String param) {
    String capital = param.isEmpty() ? param : param.substring(0, 1).toUpperCase(Locale.ROOT) + param.substring(1);
    return component.equals(param)
        || component.equals("d" + param)
        || component.equals("d_" + param)
        || component.equals("_d_" + param)
        || component.equals("d" + capital);
  }

  /** Example: record ErfD(double value, double dx) {} */
  private static String expectedRecord(ExecutableElement rule, List<Type> types, List<String> params) {
    String name =
        rule.getReturnType() instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD
            ? d.asElement().getSimpleName().toString()
            : capitalise(rule.getSimpleName().toString()) + "D";
    StringBuilder b = new StringBuilder("record ").append(name).append("(double value");
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).isDifferentiable()) {
        b.append(types.get(i).isArray() ? ", double[] d" : ", double d").append(params.get(i));
      }
    }
    return b.append(") {}").toString();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String shape(List<? extends RecordComponentElement> components) {
    List<String> parts = new ArrayList<>();
    components.forEach(c -> parts.add(c.asType() + " " + c.getSimpleName()));
    return "(" + String.join(", ", parts) + ")";
  }

  /**
   * The package generated code must be in to use {@code e}, or null where it and its classes
   * are public; a private one is reported.
   */
  private String onlyIn(Element e, String ruleName, Element at) {
    String pkg = null;
    for (Element x = e; x instanceof TypeElement || x == e; x = x.getEnclosingElement()) {
      Set<Modifier> mods = x.getModifiers();
      if (mods.contains(Modifier.PRIVATE)) {
        reporter.error(
            Tag.SIGNATURE,
            (x instanceof TypeElement ? "class " : "rule ") + x.getSimpleName() + " is private, so the"
                + " generated gradient classes cannot use rule " + ruleName + ": make it package-private",
            at);
        return null;
      }
      if (!mods.contains(Modifier.PUBLIC)) {
        pkg = Resolver.packageOf(x).getQualifiedName().toString();
      }
    }
    return pkg;
  }

  /** Whether {@code m}'s class has another method of its name and arity. */
  private boolean arityTaken(TypeElement type, ExecutableElement m) {
    for (ExecutableElement o : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!o.equals(m) && o.getSimpleName().equals(m.getSimpleName()) && o.getParameters().size() == m.getParameters().size()) {
        return true;
      }
    }
    return false;
  }

  private static String display(ExecutableElement rule) {
    return rule.getEnclosingElement().getSimpleName() + "." + rule.getSimpleName();
  }

  /** Example: Erf.erf(double) */
  private static String signature(String name, ExecutableElement m) {
    List<String> types = new ArrayList<>();
    m.getParameters().forEach(p -> types.add(p.asType().toString()));
    return name + "(" + String.join(", ", types) + ")";
  }

  private static AnnotationMirror mirror(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION)) {
        return a;
      }
    }
    return null;
  }

  /**
   * The rule a user would declare to give {@code m} a derivative, e.g. {@code @DerivativeOf(type =
   * Erf.class, method = "erf") static ErfD erf(double x) {...} with record ErfD(double value,
   * double dx) {}}; null where no rule fits it (array or object parameters, another result).
   */
  public static String suggestion(ExecutableElement m) {
    if (m.getReturnType().getKind() != TypeKind.DOUBLE || !m.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    String name = m.getSimpleName().toString();
    String record = capitalise(name) + "D";
    List<String> params = new ArrayList<>();
    List<String> partials = new ArrayList<>();
    List<? extends VariableElement> ps = m.getParameters();
    for (int i = 0; i < ps.size(); i++) {
      TypeMirror t = ps.get(i).asType();
      boolean vector = t.getKind() == TypeKind.ARRAY && ((javax.lang.model.type.ArrayType) t).getComponentType().getKind() == TypeKind.DOUBLE;
      if (!SUPPORTED.contains(t.getKind()) && !vector) {
        return null;
      }
      String p = ps.get(i).getSimpleName().toString();
      if (p.matches("arg\\d+")) {
        p = ps.size() == 1 ? "x" : "x" + i; // a class file without parameter names
      }
      params.add(t + " " + p);
      if (t.getKind() == TypeKind.DOUBLE || vector) {
        partials.add((vector ? "double[] d" : "double d") + p);
      }
    }
    if (partials.isEmpty()) {
      return null;
    }
    return "@DerivativeOf(type = " + Resolver.owner((TypeElement) m.getEnclosingElement()).simpleNames()
        + ".class, method = \"" + name + "\") static " + record + " " + name + "(" + String.join(", ", params)
        + ") {...} returning record " + record + "(double value, " + String.join(", ", partials) + ") {}";
  }

  /** The classes named by {@code rules} of a method's {@code @Differentiable}. */
  public static List<TypeElement> imports(Element method) {
    return named(method, true).stream().map(t -> (TypeElement) ((DeclaredType) t).asElement()).distinct().toList();
  }

  /** What {@code rules} names that is no class, such as {@code double.class}, as written. */
  public static List<String> notClasses(Element method) {
    return named(method, false).stream().map(Object::toString).toList();
  }

  private static List<javax.lang.model.type.TypeMirror> named(Element method, boolean classes) {
    List<javax.lang.model.type.TypeMirror> out = new ArrayList<>();
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (!((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(Annotations.ANNOTATION)) {
        continue;
      }
      for (var e : a.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("rules") && e.getValue().getValue() instanceof List<?> values) {
          for (Object v : values) {
            // a class javac could not find is an error type, javac's own error
            if (((AnnotationValue) v).getValue() instanceof javax.lang.model.type.TypeMirror t
                && t.getKind() != javax.lang.model.type.TypeKind.ERROR
                && (t instanceof DeclaredType) == classes) {
              out.add(t);
            }
          }
        }
      }
    }
    return out;
  }
}
