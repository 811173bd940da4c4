package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.FieldCopy;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Calls that carry no derivative, and the strings and objects they take: {@code Double.isNaN(x)},
 * {@code Precision.equals(a, b, 1e-9)}, {@code ArgChecker.isTrue(f >= 0, "negative {}", f)},
 * {@code log.debug("x = " + x)}, {@code new IllegalArgumentException("x = " + x)}. They are kept
 * as written ({@link Expr.Foreign}) and run in the forward sweep as in the source. A call whose
 * result is a double and takes a differentiable value is Activity's to reject; a call that may
 * write into an array is rejected here, as backprop could not follow the values it leaves.
 */
final class Calls {
  private final Elements elements;
  private final Trees trees;
  private final ErrorReporter reporter;
  private final CompilationUnitTree unit;
  /** The generated class's package: what it can see is what a call kept as written can use. */
  private final PackageElement pkg;
  /** The Java type of each String or object value, to find the methods called on it. */
  private final Map<Expr, TypeMirror> javaTypes = new IdentityHashMap<>();
  /** Values that are a string concatenation: parenthesised where another operator follows. */
  private final Set<Expr> concatenations = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** The value each {@link #typed} value was made from: an argument is written as that. */
  private final Map<Expr, Expr> asWritten = new IdentityHashMap<>();
  /** For each library call of doubles kept as written, the rule that would give it a derivative. */
  private final Map<Expr, String> ruleHints = new IdentityHashMap<>();

  /** The class a final field is initialised with where its type is wider ({@code NORMAL = new NormalDistribution()}). */
  private final Map<Expr, TypeElement> initializedAs = new IdentityHashMap<>();

  /** Locals given a new object where declared and never assigned again, with its class. */
  private final Map<io.github.backprop.processor.ir.Var, TypeElement> madeHere = new java.util.HashMap<>();

  private final FieldCopies copies;
  /** Where the copies the method reads are recorded. */
  private final Set<FieldCopy> copied;

  Calls(
      Elements elements,
      Trees trees,
      ErrorReporter reporter,
      CompilationUnitTree unit,
      TypeElement enclosing,
      FieldCopies copies,
      Set<FieldCopy> copied) {
    this.elements = elements;
    this.trees = trees;
    this.reporter = reporter;
    this.unit = unit;
    this.pkg = Resolver.packageOf(enclosing);
    this.copies = copies;
    this.copied = copied;
  }

  Map<Expr, String> ruleHints() {
    return ruleHints;
  }

  /**
   * Whether {@code e} is a String or object value, which only calls, throws and messages take
   * (and, for a String or an enum, comparisons and switches).
   */
  static boolean isObject(Expr e) {
    return e instanceof Expr.Foreign f && f.type() == null || e.type() != null && e.type().isReference();
  }

  /** Java source kept as written, with no type of ours: a string, an object, a message. */
  private static boolean isUntyped(Expr e) {
    return e instanceof Expr.Foreign f && f.type() == null;
  }

  /** An object the method names by {@code text}, of the Java type {@code type}: a caught exception. */
  Expr.Foreign object(String text, TypeMirror type) {
    Expr.Foreign f = new Expr.Foreign(List.of(text), null);
    javaTypes.put(f, type);
    return f;
  }

  /** The Java type of a String or object value, or null where it is not known. */
  TypeMirror javaType(Expr e) {
    TypeMirror t = javaTypes.get(e);
    if (t == null && e.type() != null && e.type().isReference()) {
      String name = e.type().ref() == null ? "java.lang.String"
          : e.type().prim() == Type.Prim.LIST ? "java.util.List" : e.type().ref().canonicalName();
      TypeElement type = elements.getTypeElement(name);
      t = type == null ? null : type.asType();
    }
    return t;
  }

  /**
   * A String or enum value with our type, which a variable, a parameter, a comparison or a
   * switch can hold; {@code e} itself for any other value.
   */
  Expr typed(Expr e) {
    if (!isUntyped(e) || javaType(e) == null || Resolver.referenceType(javaType(e)) == null) {
      return e;
    }
    Type type = Resolver.referenceType(javaType(e));
    // Parenthesised where it is a concatenation, as an operand of == or a receiver reads it.
    Expr.Foreign f = new Expr.Foreign(new ArrayList<>(operand(e, true)), type);
    javaTypes.put(f, javaType(e));
    asWritten.put(f, (Expr.Foreign) e);
    return f;
  }

  /** The error for a String or object value where backprop needs a primitive one. */
  ErrorReporter.AbortMethod notHere(Tree t) {
    return reporter.abort(
        Tag.UNSUPPORTED,
        "a String or object value ('" + t + "') cannot be used here: a differentiable method"
            + " computes with primitive values; strings and objects may only be passed to calls"
            + " that carry no derivative (checks, logging), or thrown" + (String.valueOf(t).endsWith(".values()")
                ? "; loop over an enum's constants directly: for (" + String.valueOf(t).replace(".values()", "") + " v : " + t + ") { ... }" : ""),
        t,
        unit);
  }

  // ---- values ----

  Expr.Foreign literal(LiteralTree t) {
    Object v = t.getValue();
    Expr.Foreign f = new Expr.Foreign(List.of(v == null ? "null" : elements.getConstantExpression(v)), null);
    if (v != null) {
      javaTypes.put(f, elements.getTypeElement("java.lang.String").asType());
    }
    return f;
  }

  /** {@code l + r} where one side is a String. */
  Expr.Foreign concat(Expr l, Expr r) {
    List<Object> parts = new ArrayList<>(operand(l, false));
    parts.add(" + ");
    parts.addAll(operand(r, true));
    Expr.Foreign f = new Expr.Foreign(parts, null);
    javaTypes.put(f, elements.getTypeElement("java.lang.String").asType());
    concatenations.add(f);
    return f;
  }

  /**
   * A static field holding an object, e.g. a logger or a distribution; where the generated class
   * cannot read it, a compile-time constant is inlined and a final field of the same file copied.
   */
  Expr field(VariableElement field, Tree t) {
    Expr f = fieldValue(field, t);
    TypeElement made = initializedWith(field);
    if (made != null) {
      initializedAs.put(f, made);
    }
    return f;
  }

  private Expr fieldValue(VariableElement field, Tree t) {
    String name = field.getSimpleName().toString();
    String hidden = StaticData.hiddenBy(field, pkg);
    if (hidden != null) {
      Object value = field.getConstantValue();
      if (value != null) {
        Expr.Foreign f = new Expr.Foreign(List.of(elements.getConstantExpression(value)), null);
        javaTypes.put(f, field.asType());
        return f;
      }
      if (copies.applies(field)) {
        FieldCopy copy = copies.copy(field, hidden, t, unit, reporter);
        copied.add(copy);
        Expr.Foreign f = new Expr.Foreign(List.of(copies.grad(), "." + copy.name()), null);
        javaTypes.put(f, field.asType());
        return f;
      }
    }
    requireVisible(field, "field", t);
    Expr.Foreign f =
        new Expr.Foreign(List.of(Resolver.owner((TypeElement) field.getEnclosingElement()), "." + name), null);
    javaTypes.put(f, field.asType());
    return f;
  }

  /** The class a final field of the compilation is initialised with by {@code new}, or null. */
  private TypeElement initializedWith(VariableElement field) {
    if (!field.getModifiers().contains(Modifier.FINAL)) {
      return null;
    }
    TreePath path = trees.getPath(field);
    if (path == null
        || !(path.getLeaf() instanceof VariableTree v)
        || !(v.getInitializer() instanceof NewClassTree n)
        || n.getClassBody() != null) {
      return null;
    }
    // By name, not trees.getElement: that would make javac attribute the field's class now, and
    // attributing it twice breaks its records' compact constructors ("invalid canonical constructor").
    if (field.getKind() == ElementKind.ENUM_CONSTANT) {
      return null;
    }
    TypeElement type = new Resolver(elements, (TypeElement) field.getEnclosingElement(), path.getCompilationUnit())
        .type(n.getIdentifier());
    // A generic class would be cast to its raw type: the field's own type is kept then.
    return type != null && type.getTypeParameters().isEmpty() ? type : null;
  }

  /**
   * A method of a distribution object with a derivative rule, {@code NORMAL.getCDF(d1)}, as a
   * {@link Expr.Call} on that object; null where no rule differentiates it.
   */
  Expr.Call onObject(ExecutableElement m, Expr receiver, List<Expr> args) {
    TypeElement type = initializedAs.containsKey(receiver) ? initializedAs.get(receiver) : classOf(receiver);
    Type result = Resolver.typeOf(m.getReturnType());
    if (type == null || result == null || !result.isDifferentiable()) {
      return null;
    }
    Owner rules = ObjectRules.find(type, m.getSimpleName().toString(), args.size());
    if (rules == null) {
      return null;
    }
    List<Expr> all = new ArrayList<>();
    Expr object = receiver;
    if (receiver.type() == null && receiver instanceof Expr.Foreign f) {
      // The object carries no derivative: typed, so that every stage can ask it. Where the field
      // is declared wider than the object it holds, the rules' getters need the cast.
      List<Object> parts = type.equals(classOf(receiver)) ? f.parts() : cast(type, f);
      object = new Expr.Foreign(parts, Type.objectOf(Resolver.owner(type)));
    }
    all.add(object);
    all.addAll(args);
    return new Expr.Call(rules, m.getSimpleName().toString(), all, result, true);
  }

  /**
   * The class of the object {@code receiver} certainly holds, not a subclass: one made by {@code
   * new} right there, in a final field's initializer or where a local never assigned again is
   * declared; else null.
   */
  TypeElement exactClassOf(Expr receiver) {
    if (initializedAs.containsKey(receiver)) {
      return initializedAs.get(receiver);
    }
    if (receiver instanceof Expr.Ref r && madeHere.containsKey(r.var())) {
      return madeHere.get(r.var());
    }
    if (receiver instanceof Expr.Foreign f && !f.parts().isEmpty() && "new ".equals(f.parts().get(0))) {
      return classOf(receiver);
    }
    return null;
  }

  /** {@code local} holds an object of exactly {@code type} ({@code Mean m = new Mean();}, never assigned again). */
  void madeHere(io.github.backprop.processor.ir.Var local, TypeElement type) {
    madeHere.put(local, type);
  }

  /** {@code receiver} as an object of {@code type}, cast where it is declared wider. */
  Expr as(TypeElement type, Expr receiver) {
    if (receiver instanceof Expr.Foreign f && !type.equals(classOf(receiver))) {
      return new Expr.Foreign(cast(type, f), null);
    }
    return receiver;
  }

  private static List<Object> cast(TypeElement type, Expr.Foreign object) {
    List<Object> parts = new ArrayList<>(List.of("((", Resolver.owner(type), ") "));
    parts.addAll(object.parts());
    parts.add(")");
    return parts;
  }

  /** {@code new T(args)}: an exception to throw, or an object a call takes. */
  Expr newObject(NewClassTree n, TypeElement type, List<Expr> args) {
    if (n.getClassBody() != null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "anonymous classes are not supported in a differentiable method: declare the class"
              + " outside the method",
          n,
          unit);
    }
    if (n.getEnclosingExpression() != null || type == null) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + n + "' is not supported: create objects of a top-level or static nested class",
          n,
          unit);
    }
    requireVisible(type, "class", n);
    List<Object> parts = new ArrayList<>(List.of("new ", Resolver.owner(type), GenericTypes.created(n) != n.getIdentifier() ? "<>(" : "("));
    arguments(args, parts);
    parts.add(")");
    Expr.Foreign f = new Expr.Foreign(parts, null);
    javaTypes.put(f, type.asType());
    return f;
  }

  // ---- calls ----

  /** The class whose methods a call on {@code receiver} names, or null if it has none. */
  TypeElement classOf(Expr receiver) {
    TypeMirror t = javaType(receiver);
    while (t instanceof TypeVariable v) {
      t = v.getUpperBound();
    }
    return t instanceof DeclaredType d && d.asElement() instanceof TypeElement e ? e : null;
  }

  /** Methods named {@code name} that an object of {@code type} has, inherited ones included. */
  List<ExecutableElement> methods(TypeElement type, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getSimpleName().contentEquals(name) && !m.getModifiers().contains(Modifier.PRIVATE)) {
        found.add(m);
      }
    }
    return found;
  }

  /**
   * The method javac would call, for a call backprop keeps as written: by arity and loose
   * applicability (boxing and varargs allowed). Where several remain, any one: javac chooses
   * when it compiles the generated code, and they are only asked for their result type and
   * parameters. Null if none applies.
   */
  ExecutableElement choose(List<ExecutableElement> candidates, List<Expr> args) {
    ExecutableElement fixed = null;
    ExecutableElement varargs = null;
    for (ExecutableElement m : candidates) {
      if (applies(m, args, false)) {
        fixed = fixed == null ? m : fixed;
      } else if (m.isVarArgs() && applies(m, args, true)) {
        varargs = varargs == null ? m : varargs;
      }
    }
    return fixed != null ? fixed : varargs;
  }

  private boolean applies(ExecutableElement m, List<Expr> args, boolean spread) {
    List<? extends VariableElement> ps = m.getParameters();
    int n = spread ? ps.size() - 1 : ps.size();
    if (spread ? args.size() < n : args.size() != n) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      TypeMirror p = i < n ? ps.get(i).asType() : ((ArrayType) ps.get(n).asType()).getComponentType();
      if (!accepts(p, args.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a parameter of type {@code p} takes {@code arg}, loosely. */
  boolean acceptsLoosely(TypeMirror p, Expr arg) {
    return accepts(p, arg);
  }

  /** {@code e} as the parts of Java source that write it, as an argument is written. */
  List<Object> printed(Expr e) {
    Expr a = asWritten.getOrDefault(e, e);
    return isUntyped(a) ? ((Expr.Foreign) a).parts() : List.of(a);
  }

  private boolean accepts(TypeMirror p, Expr arg) {
    if (!isObject(arg)) {
      // A T takes an array as it is, a primitive boxed.
      return p.getKind() == TypeKind.TYPEVAR || Resolver.looselyAccepts(p, arg.type());
    }
    TypeMirror a = javaType(arg);
    if (a == null) {
      return p.getKind() == TypeKind.DECLARED || p.getKind() == TypeKind.ARRAY || p.getKind() == TypeKind.TYPEVAR;
    }
    if (p.getKind() == TypeKind.TYPEVAR) {
      return true;
    }
    if (!(p instanceof DeclaredType pd) || !(a instanceof DeclaredType ad)) {
      return p.getKind() == a.getKind() && p.toString().equals(a.toString());
    }
    return isSubclass((TypeElement) ad.asElement(), (TypeElement) pd.asElement());
  }

  private static boolean isSubclass(TypeElement type, TypeElement of) {
    if (type == null) {
      return false;
    }
    if (type.equals(of) || of.getQualifiedName().contentEquals("java.lang.Object")) {
      return true;
    }
    for (TypeMirror i : type.getInterfaces()) {
      if (i instanceof DeclaredType d && isSubclass((TypeElement) d.asElement(), of)) {
        return true;
      }
    }
    return type.getSuperclass() instanceof DeclaredType s && isSubclass((TypeElement) s.asElement(), of);
  }

  /** Explicit type arguments ({@code C.<Double>f(x)}) are an error: backprop reads calls of methods that are not generic. */
  void noTypeArguments(MethodInvocationTree t) {
    if (!t.getTypeArguments().isEmpty()) {
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "explicit type arguments ('" + t.getMethodSelect() + "') are not supported: call a"
              + " static method that is not generic",
          t,
          unit);
    }
  }

  /**
   * A helper of the user's that writes into an array it is given and that backprop could not read
   * in place ({@code why}): the values it leaves there are not followed, so the error says why
   * its body could not be read, rather than advising a copy the helper's work would be lost in.
   */
  void writtenArray(ExecutableElement m, List<Expr> args, MethodInvocationTree t, String why) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).type() != null && args.get(i).type().isArray() && Writes.mayWrite(trees, m, i)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + m.getSimpleName() + "' writes into the array '" + argument(t, i) + "' it is given, so backprop"
                + " reads its body in place, but cannot: " + why,
            t.getArguments().get(i),
            unit);
      }
    }
  }

  /**
   * A call to a method that is neither a {@code Math} function nor {@code @Differentiable}: a
   * plain {@link Expr.Call} where it is static with primitive arguments and result, as written
   * otherwise. {@code receiver} is the object it is called on, or null.
   */
  Expr plain(ExecutableElement m, Expr receiver, List<Expr> args, MethodInvocationTree t, boolean loose) {
    String name = m.getSimpleName().toString();
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    if (receiver == null) {
      requireVisible(m, "method", t);
    } else {
      // Called on an object, the method is named through the object's own type: a public method
      // that a package-private superclass declares (StringBuilder.length) is as good as any.
      requireVisible(m, "method", t, false);
    }
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).type() != null && args.get(i).type().isArray() && Writes.mayWrite(trees, m, i)) {
        String callee = Resolver.owner(declaring).simpleNames() + "." + name;
        throw reporter.abort(
            Tag.UNSUPPORTED,
            trees.getTree(m) == null
                // Library code: backprop sees neither what it writes nor how its result depends
                // on the array, so the advice covers an array of data and one of derivatives.
                ? "'" + callee + "' is library code that backprop cannot read, and it is passed the array '"
                    + argument(t, i) + "': if the array carries derivatives, write the computation in this"
                    + " method or in a static method of your own; if it holds data, pass it a copy ("
                    + argument(t, i) + ".clone())" + LibraryArrays.coverage(declaring, receiver != null)
                : "'" + callee + "' may write into the array passed as its parameter " + (i + 1)
                    + ", and backprop cannot follow the values it leaves there: pass it an array of its"
                    + " own (a copy), or write the loop in this method",
            t.getArguments().get(i),
            unit);
      }
    }
    boolean generic = GenericTypes.onGeneric(receiver, m); // rows.get(i) of a List<double[]>: a double[]
    Type result = generic ? GenericTypes.returned(receiver.type(), m, elements) : Resolver.typeOf(m.getReturnType());
    boolean isStatic = Resolver.isStatic(m);
    // A library function of doubles stays Foreign: Activity then says it has no derivative.
    boolean own = trees.getTree(m) != null;
    if (isStatic && receiver == null && !loose && result != null && args.stream().noneMatch(Calls::isObject)
        && (own || !result.isDifferentiable())) {
      return new Expr.Call(Resolver.owner(declaring), name, args, result);
    }
    List<Object> parts = new ArrayList<>();
    if (isStatic || receiver == null) {
      parts.add(Resolver.owner(declaring));
    } else {
      parts.addAll(operand(receiver, true));
    }
    parts.add("." + name + "(");
    arguments(args, parts);
    parts.add(")");
    Expr.Foreign f = new Expr.Foreign(parts, result);
    if (!generic || result == null) {
      javaTypes.put(f, m.getReturnType());
    }
    if (isStatic && result != null && result.isDifferentiable()) {
      ruleHints.put(f, RuleReader.suggestion(m));
    }
    return f;
  }

  private void arguments(List<Expr> args, List<Object> parts) {
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        parts.add(", ");
      }
      Expr a = asWritten.getOrDefault(args.get(i), args.get(i));
      if (isUntyped(a)) {
        parts.addAll(((Expr.Foreign) a).parts());
      } else {
        parts.add(a);
      }
    }
  }

  /** {@code e} as an operand of {@code +} or of a call on it: parenthesised unless atomic. */
  private List<Object> operand(Expr e, boolean strict) {
    List<Object> out = new ArrayList<>();
    if (isUntyped(e)) {
      boolean wrap = strict && concatenations.contains(e);
      if (wrap) {
        out.add("(");
      }
      out.addAll(((Expr.Foreign) e).parts());
      if (wrap) {
        out.add(")");
      }
      return out;
    }
    boolean atomic =
        e instanceof Expr.Ref
            || e instanceof Expr.Constant
            || e instanceof Expr.Index
            || e instanceof Expr.Length
            || e instanceof Expr.Call
            || e instanceof Expr.DiffCall
            || e instanceof Expr.Foreign
            || (e instanceof Expr.Literal l && !(l.value() instanceof Number n && n.doubleValue() < 0));
    if (atomic) {
      out.add(e);
    } else {
      out.add("(");
      out.add(e);
      out.add(")");
    }
    return out;
  }

  /** The source text of argument {@code i} of {@code t}, or a name for it if it is long. */
  private static String argument(MethodInvocationTree t, int i) {
    String text = t.getArguments().get(i).toString();
    return text.length() <= 40 ? text : "array";
  }

  // ---- visibility ----

  /** The generated class, in the method's package, must be able to name {@code e}. */
  private void requireVisible(Element e, String what, Tree t) {
    requireVisible(e, what, t, true);
  }

  /** {@code enclosing}: whether the classes around {@code e} must be visible too. */
  private void requireVisible(Element e, String what, Tree t, boolean enclosing) {
    for (Element x = e; (enclosing && x instanceof TypeElement) || x == e; x = x.getEnclosingElement()) {
      Set<Modifier> mods = x.getModifiers();
      boolean visible =
          mods.contains(Modifier.PUBLIC)
              || (!mods.contains(Modifier.PRIVATE) && Resolver.packageOf(x).equals(pkg));
      if (!visible) {
        String name = x.getSimpleName().toString();
        throw reporter.abort(
            Tag.UNSUPPORTED,
            (x == e ? what + " '" + name + "'" : "class '" + name + "'") + " is "
                + (mods.contains(Modifier.PRIVATE) ? "private" : "not visible outside its package")
                + ", so the generated gradient class cannot use it: make it package-private",
            t,
            unit);
      }
    }
  }
}
