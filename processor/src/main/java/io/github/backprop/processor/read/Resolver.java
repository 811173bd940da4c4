package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves names in a method body without javac's attribution, which has not run yet while
 * annotation processors run: type names through imports and packages, static members through
 * the enclosing classes and static imports, overloads by the JLS's strict-invocation rules.
 */
final class Resolver {
  private final Elements elements;
  private final TypeElement enclosing;
  private final CompilationUnitTree unit;

  /** Records declared in the method being read, by name: the copies backprop reads them from ({@link LocalRecordCopies}). */
  private final java.util.Map<String, TypeElement> locals;

  /** Each class's own methods by name, in their order: kept for the round where a cache is given. */
  private final java.util.function.Function<TypeElement, java.util.Map<String, List<ExecutableElement>>> declared;

  Resolver(Elements elements, TypeElement enclosing, CompilationUnitTree unit) {
    this(elements, enclosing, unit, java.util.Map.of(), Resolver::methodsByName);
  }

  Resolver(
      Elements elements, TypeElement enclosing, CompilationUnitTree unit, java.util.Map<String, TypeElement> locals,
      java.util.function.Function<TypeElement, java.util.Map<String, List<ExecutableElement>>> declared) {
    this.elements = elements;
    this.enclosing = enclosing;
    this.unit = unit;
    this.locals = locals;
    this.declared = declared;
  }

  /** {@code type}'s own methods by name, in the order it declares them. */
  static java.util.Map<String, List<ExecutableElement>> methodsByName(TypeElement type) {
    java.util.Map<String, List<ExecutableElement>> byName = new java.util.HashMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      byName.computeIfAbsent(m.getSimpleName().toString(), k -> new ArrayList<>()).add(m);
    }
    return byName;
  }

  /** The class a qualifier such as {@code Math}, {@code Other} or {@code p.Other} names, or null. */
  TypeElement type(ExpressionTree tree) {
    if (tree instanceof IdentifierTree id) {
      return simpleType(id.getName().toString());
    }
    if (tree instanceof MemberSelectTree select) {
      String name = select.getIdentifier().toString();
      TypeElement outer = type(select.getExpression());
      if (outer != null) {
        return memberType(outer, name);
      }
      String qualified = qualifiedName(select);
      return qualified == null ? null : elements.getTypeElement(qualified);
    }
    return null;
  }

  /** Whether {@code name} is a record declared in the method being read, with a copy to read it from. */
  boolean isLocalRecord(String name) {
    return locals.containsKey(name);
  }

  private TypeElement simpleType(String name) {
    if (locals.containsKey(name)) {
      return locals.get(name);
    }
    for (Element e = enclosing; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getSimpleName().contentEquals(name)) {
        return t;
      }
      TypeElement member = memberType(t, name);
      if (member != null) {
        return member;
      }
    }
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic()
          && imp.getQualifiedIdentifier() instanceof MemberSelectTree s
          && s.getIdentifier().contentEquals(name)) {
        TypeElement t = elements.getTypeElement(qualifiedName(s));
        if (t != null) {
          return t;
        }
      }
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    TypeElement same = elements.getTypeElement(pkg.isEmpty() ? name : pkg + "." + name);
    if (same != null) {
      return same;
    }
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic()
          && imp.getQualifiedIdentifier() instanceof MemberSelectTree s
          && s.getIdentifier().contentEquals("*")) {
        String prefix = qualifiedName((MemberSelectTree) s.getExpression());
        TypeElement t = prefix == null ? null : elements.getTypeElement(prefix + "." + name);
        if (t != null) {
          return t;
        }
      }
    }
    return elements.getTypeElement("java.lang." + name);
  }

  private static TypeElement memberType(TypeElement outer, String name) {
    for (TypeElement member : ElementFilter.typesIn(outer.getEnclosedElements())) {
      if (member.getSimpleName().contentEquals(name)) {
        return member;
      }
    }
    return null;
  }

  private static String qualifiedName(ExpressionTree tree) {
    if (tree instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (tree instanceof MemberSelectTree s) {
      String q = qualifiedName(s.getExpression());
      return q == null ? null : q + "." + s.getIdentifier();
    }
    return null;
  }

  /** Classes to search for an unqualified static member: enclosing classes, then static imports. */
  List<TypeElement> staticScopes(String member) {
    List<TypeElement> scopes = new ArrayList<>();
    for (Element e = enclosing; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      scopes.add(t);
    }
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree s) {
        String id = s.getIdentifier().toString();
        if (id.equals(member) || id.equals("*")) {
          TypeElement t = type(s.getExpression());
          if (t != null) {
            scopes.add(t);
          }
        }
      }
    }
    return scopes;
  }

  /**
   * Static and instance methods named {@code name} in {@code type} and its superclasses that the
   * method being read may call: javac passes over one private to another class (JLS 15.12.2.1).
   */
  List<ExecutableElement> methods(TypeElement type, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      for (ExecutableElement m : declared.apply(t).getOrDefault(name, List.of())) {
        if (accessible(m)) {
          found.add(m);
        }
      }
      if (!found.isEmpty()) {
        // A subclass's static method hides the superclass's of the same name.
        return found;
      }
    }
    return found;
  }

  private boolean accessible(ExecutableElement m) {
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.PUBLIC)) {
      return true;
    }
    if (mods.contains(Modifier.PRIVATE)) {
      return outermost(m) == outermost(enclosing);
    }
    if (packageOf(m).equals(packageOf(enclosing))) {
      return true;
    }
    if (!mods.contains(Modifier.PROTECTED)) {
      return false;
    }
    // Protected, from another package: from code in a subclass (or a class nested in one).
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    for (Element e = enclosing; e instanceof TypeElement type; e = e.getEnclosingElement()) {
      for (TypeElement t = type; t != null; t = superclass(t)) {
        if (t.equals(declaring)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Element outermost(Element e) {
    while (!(e.getEnclosingElement() instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  /** The field {@code name} of {@code type}, its superclasses or its interfaces, or null. */
  static javax.lang.model.element.VariableElement field(TypeElement type, String name) {
    if (type == null) {
      return null;
    }
    for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (f.getSimpleName().contentEquals(name)) {
        return f;
      }
    }
    for (TypeMirror i : type.getInterfaces()) {
      javax.lang.model.element.VariableElement f = field(asType(i), name);
      if (f != null) {
        return f;
      }
    }
    return field(superclass(type), name);
  }

  static TypeElement superclass(TypeElement type) {
    return asType(type.getSuperclass());
  }

  private static TypeElement asType(TypeMirror t) {
    return t instanceof javax.lang.model.type.DeclaredType d && d.asElement() instanceof TypeElement e ? e : null;
  }

  /**
   * The most specific method applicable to arguments of the given types by strict invocation
   * (identity and primitive widening), or null if none or if it is ambiguous.
   */
  static ExecutableElement choose(List<ExecutableElement> candidates, List<Type> args) {
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement m : candidates) {
      if (!m.isVarArgs() && applicable(paramTypes(m), args)) {
        applicable.add(m);
      }
    }
    ExecutableElement best = null;
    for (ExecutableElement m : applicable) {
      boolean mostSpecific = true;
      for (ExecutableElement other : applicable) {
        if (other != m && !applicable(paramTypes(other), paramTypes(m))) {
          mostSpecific = false;
        }
      }
      if (mostSpecific) {
        if (best != null) {
          return null;
        }
        best = m;
      }
    }
    return best;
  }

  /** Whether strict invocation finds several most specific methods: javac says ambiguous. */
  static boolean ambiguous(List<ExecutableElement> candidates, List<Type> args) {
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement m : candidates) {
      if (!m.isVarArgs() && applicable(paramTypes(m), args)) {
        applicable.add(m);
      }
    }
    return applicable.size() > 1 && choose(candidates, args) == null;
  }

  /**
   * Whether javac would accept the call through boxing or varargs, the
   * loose invocation backprop does not differentiate through. Where it would not, the call is
   * javac's error to report.
   */
  static boolean looselyApplicable(List<ExecutableElement> candidates, List<Type> args) {
    for (ExecutableElement m : candidates) {
      List<? extends javax.lang.model.element.VariableElement> ps = m.getParameters();
      int fixed = m.isVarArgs() ? ps.size() - 1 : ps.size();
      if (m.isVarArgs() ? args.size() < fixed : args.size() != fixed) {
        continue;
      }
      boolean ok = true;
      for (int i = 0; i < args.size() && ok; i++) {
        TypeMirror p = i < fixed ? ps.get(i).asType() : ((ArrayType) ps.get(fixed).asType()).getComponentType();
        ok = accepts(p, args.get(i)) || (m.isVarArgs() && i == fixed && args.size() == ps.size() && accepts(ps.get(fixed).asType(), args.get(i)));
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** Whether a parameter of type {@code p} takes an argument of our type {@code a}, loosely. */
  static boolean looselyAccepts(TypeMirror p, Type a) {
    return accepts(p, a);
  }

  private static boolean accepts(TypeMirror p, Type a) {
    if (a == null || a.isReference()) {
      return false; // Calls chooses for strings and enums, by their Java types
    }
    Type exact = typeOf(p);
    if (exact != null) {
      return exact.acceptsByWidening(a);
    }
    if (a.isArray()) {
      return p.getKind() == javax.lang.model.type.TypeKind.DECLARED && isAnyObject(p.toString());
    }
    switch (p.getKind()) {
      case TYPEVAR:
        return true; // boxed to T
      case DECLARED:
        String name = ((javax.lang.model.element.TypeElement) ((javax.lang.model.type.DeclaredType) p).asElement())
            .getQualifiedName().toString();
        String box = switch (a.prim()) {
          case DOUBLE -> "java.lang.Double";
          case FLOAT -> "java.lang.Float";
          case INT -> "java.lang.Integer";
          case LONG -> "java.lang.Long";
          case BYTE -> "java.lang.Byte";
          case SHORT -> "java.lang.Short";
          case CHAR -> "java.lang.Character";
          default -> "java.lang.Boolean";
        };
        return name.equals(box)
            || isAnyObject(name)
            || (a.prim() != Type.Prim.BOOLEAN && a.prim() != Type.Prim.CHAR && name.equals("java.lang.Number"));
      default:
        return false;
    }
  }

  private static boolean isAnyObject(String name) {
    return name.equals("java.lang.Object")
        || name.equals("java.io.Serializable")
        || name.equals("java.lang.Comparable")
        || name.startsWith("java.lang.constant.");
  }

  /**
   * Whether {@code m} takes {@code args} exactly but for null literals passed as arrays, as
   * FastMath's {@code log(x, null)} calls {@code log(double, double[])}.
   */
  static boolean exactButNullArrays(ExecutableElement m, List<? extends ExpressionTree> trees, List<Type> args) {
    List<Type> params = paramTypes(m);
    if (m.isVarArgs() || params.size() != args.size()) {
      return false;
    }
    List<Type> given = new ArrayList<>(args);
    boolean any = false;
    for (int i = 0; i < given.size(); i++) {
      if (SessionPart.isNull(trees.get(i))) {
        if (params.get(i) == null || !params.get(i).isArray()) {
          return false;
        }
        given.set(i, params.get(i));
        any = true;
      }
    }
    return any && applicable(params, given);
  }

  private static boolean applicable(List<Type> params, List<Type> args) {
    if (params.size() != args.size()) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == null || args.get(i) == null || !params.get(i).acceptsByWidening(args.get(i))) {
        return false;
      }
    }
    return true;
  }

  static List<Type> paramTypes(ExecutableElement m) {
    List<Type> types = new ArrayList<>();
    m.getParameters().forEach(p -> types.add(
        typeOf(p.asType()) != null ? typeOf(p.asType())
            : referenceType(p.asType()) != null ? referenceType(p.asType()) : Records.dataType(p.asType())));
    return types;
  }

  /**
   * Our type for a String or an enum, which a differentiable method holds as inactive data, or
   * null for any other type.
   */
  public static Type referenceType(TypeMirror t) {
    if (t instanceof javax.lang.model.type.DeclaredType d && d.asElement() instanceof TypeElement e) {
      if (e.getQualifiedName().contentEquals("java.lang.String")) {
        return Type.STRING;
      }
      if (e.getKind() == ElementKind.ENUM) {
        return Type.enumOf(owner(e));
      }
      if (isOpaque(e)) {
        return Type.objectOf(owner(e));
      }
      return GenericTypes.of(t); // List<double[]>, Map<String, Double>: data, with its type arguments
    }
    return null;
  }

  /**
   * An object a method only passes on or calls methods of, with no derivative: a {@code Random},
   * a {@code StringBuilder}, a distribution. Records and classes with differentiable fields (held
   * as their components), boxed numbers and generic classes (whose type arguments we would drop)
   * are not.
   */
  private static boolean isOpaque(TypeElement e) {
    boolean classLike = e.getKind() == ElementKind.CLASS || e.getKind() == ElementKind.INTERFACE;
    String name = e.getQualifiedName().toString();
    boolean boxed = name.startsWith("java.lang.") && List.of("Double", "Float", "Integer", "Long", "Short", "Byte",
        "Character", "Boolean", "Number").contains(name.substring("java.lang.".length()));
    // A class whose fields carry derivatives is held as its fields instead (Records.heldOf).
    boolean held = Records.isHeldClass(e) && Records.differentiable(e);
    return classLike && !boxed && !held && e.getTypeParameters().isEmpty() && !name.isEmpty();
  }

  /** Our type for a primitive kind, or null for char and the other kinds we do not hold. */
  static Type primitive(javax.lang.model.type.TypeKind k) {
    switch (k) {
      case DOUBLE:
        return Type.DOUBLE;
      case FLOAT:
        return Type.FLOAT;
      case INT:
        return Type.INT;
      case LONG:
        return Type.LONG;
      case BOOLEAN:
        return Type.BOOLEAN;
      default:
        return null;
    }
  }

  /** Our type for a javac type, or null for one a differentiable method cannot hold. */
  static Type typeOf(TypeMirror t) {
    switch (t.getKind()) {
      case ARRAY:
        Type element = typeOf(((ArrayType) t).getComponentType());
        return element == null || element.isNarrow() ? null : element.arrayOf();
      case BYTE:
        return Type.BYTE;
      case SHORT:
        return Type.SHORT;
      case CHAR:
        return Type.CHAR;
      default:
        return primitive(t.getKind());
    }
  }

  /** Whether code in {@code pkg} can name {@code e}: it and its classes are public, or package-private in pkg. */
  static boolean visibleFrom(Element e, PackageElement pkg) {
    for (Element x = e; x instanceof TypeElement || x == e; x = x.getEnclosingElement()) {
      Set<Modifier> mods = x.getModifiers();
      if (!mods.contains(Modifier.PUBLIC) && (mods.contains(Modifier.PRIVATE) || !packageOf(x).equals(pkg))) {
        return false;
      }
    }
    return true;
  }

  static boolean isStatic(Element e) {
    return e.getModifiers().contains(Modifier.STATIC);
  }

  static Owner owner(TypeElement type) {
    PackageElement pkg = packageOf(type);
    String pkgName = pkg.getQualifiedName().toString();
    String canonical = type.getQualifiedName().toString();
    String simpleNames = pkgName.isEmpty() ? canonical : canonical.substring(pkgName.length() + 1);
    return new Owner(pkgName, simpleNames);
  }

  static PackageElement packageOf(Element e) {
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }
}
