package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What backprop needs to know of a record class to hold its values as their components (scalar
 * replacement): which components it has, of which types, and whether its constructor and
 * accessors are ones backprop can follow.
 */
public final class Records {
  private Records() {}

  /** The record class {@code t} names, or null where it names none. */
  public static TypeElement recordOf(TypeMirror t) {
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e && e.getKind() == ElementKind.RECORD) {
      return e;
    }
    return null;
  }

  public static boolean isRecord(Element e) {
    return e instanceof TypeElement t && t.getKind() == ElementKind.RECORD;
  }

  /**
   * The record or plain class {@code t} names whose values backprop holds as their components
   * (for a class, its fields: {@link #components}); null for any other type.
   */
  public static TypeElement heldOf(TypeMirror t) {
    TypeElement r = recordOf(t);
    if (r != null) {
      return r;
    }
    return t instanceof DeclaredType d && d.asElement() instanceof TypeElement e && isHeldClass(e) ? e : null;
  }

  /**
   * Whether backprop holds objects of class {@code e} as their fields: a concrete class, not
   * generic, not an inner class, and not of the JDK (whose fields are its own business).
   */
  public static boolean isHeldClass(TypeElement e) {
    return !e.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT) && heldShape(e);
  }

  /**
   * The superclass of {@code t} whose fields and methods its objects hold as their own: a held
   * class, or an abstract class that would be one (a {@code Shape} its {@code Circle} extends);
   * null at {@code Object} and the JDK's classes.
   */
  public static TypeElement heldSuperclass(TypeElement t) {
    return t.getSuperclass() instanceof DeclaredType s && s.asElement() instanceof TypeElement sup && heldShape(sup)
        ? sup : null;
  }

  private static boolean heldShape(TypeElement e) {
    if (e.getKind() != ElementKind.CLASS || !e.getTypeParameters().isEmpty() || e.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
        || e.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS
        || (e.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
            && !e.getModifiers().contains(javax.lang.model.element.Modifier.STATIC))) {
      return false;
    }
    for (TypeElement t = e; t != null; ) {
      if (t.getQualifiedName().contentEquals("java.lang.Throwable")) {
        return false; // an exception is made and thrown, never held
      }
      t = t.getSuperclass() instanceof DeclaredType s && s.asElement() instanceof TypeElement sup ? sup : null;
    }
    String name = e.getQualifiedName().toString();
    return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun."));
  }

  /**
   * Whether {@code e} is a value class, such as a 3-vector or a complex number: a held class of
   * the compilation's source whose superclass is {@code Object} and whose instance fields are all
   * final, of types backprop holds, one at least a {@code double} or {@code float}. Its objects may be made in a method ({@code new Vec(x, y, z)}, {@code a.add(b)}), as
   * records are, their fields, private ones too, set by the constructor read in place.
   */
  public static boolean isValueClass(TypeElement e) {
    return heldByFields(e, false);
  }

  /**
   * Whether {@code e} is a holder class: a value class but for fields that are not final ({@code
   * static final class Acc { double sum; int n; void add(double x) {...} }}). An object of it made
   * in the method is held as one local per field, which its methods and the method's own field
   * writes ({@code acc.sum += x}) assign; no other name may reach those locals.
   */
  public static boolean isHolderClass(TypeElement e) {
    return !heldByFields(e, false) && heldByFields(e, true);
  }

  private static boolean heldByFields(TypeElement e, boolean mutable) {
    if (e == null || !isHeldClass(e) || !SOURCE.get().test(e) || !(e.getSuperclass() instanceof DeclaredType s)
        || !((TypeElement) s.asElement()).getQualifiedName().contentEquals("java.lang.Object")) {
      return false;
    }
    // A class of no instance fields (a stateless strategy, new Gaussian().at(u)) holds nothing.
    boolean any = !mutable && ElementFilter.fieldsIn(e.getEnclosedElements()).stream()
        .allMatch(f -> f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC));
    for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(e.getEnclosedElements())) {
      if (f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
        continue;
      }
      Component c = mutable || f.getModifiers().contains(javax.lang.model.element.Modifier.FINAL)
          ? component(f.getSimpleName().toString(), f.asType(), new ArrayList<>(), e) : null;
      if (c == null) {
        return false;
      }
      any |= c.record() != null ? differentiable(c.record()) : c.type().isDifferentiable();
    }
    // An object that is closed (a Stopwatch in a try-with-resources) is an object, not numbers.
    return any && e.getInterfaces().stream().noneMatch(i -> i.toString().equals("java.lang.AutoCloseable"));
  }

  /**
   * Whether objects of {@code e} made in the method may be held as one local per field while the
   * method changes them ({@code Acc acc = new Acc(); acc.sum += x;}): a class of the compilation
   * extending Object whose instance fields, some not final, are all numbers, booleans, Strings or
   * enums, at least one of them carrying a derivative.
   */
  public static boolean isMutableLocal(TypeElement e) {
    if (e == null || !isHeldClass(e) || !SOURCE.get().test(e) || isValueClass(e) || !(e.getSuperclass() instanceof DeclaredType s)
        || !((TypeElement) s.asElement()).getQualifiedName().contentEquals("java.lang.Object")) {
      return false;
    }
    boolean any = false;
    for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(e.getEnclosedElements())) {
      if (!f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
        Component c = component(f.getSimpleName().toString(), f.asType(), new ArrayList<>(), e);
        if (c == null || c.record() != null || c.type().isArray()) {
          return false;
        }
        any |= c.type().isDifferentiable();
      }
    }
    return any && e.getInterfaces().stream().noneMatch(i -> i.toString().equals("java.lang.AutoCloseable"));
  }

  /**
   * Every field of a value class made in the method, private ones included, in declaration
   * order: its constructor sets them all.
   */
  public static List<Component> valueFields(TypeElement type) {
    return fields(type, new ArrayList<>(), true);
  }

  /**
   * The getter that reads private field {@code field} of a value class from outside: an instance
   * method with no parameters, of the field's type, named {@code getX}, {@code isX} or {@code x},
   * in that order; null if none, or if the field is not private. The reader checks that its
   * body returns the field, and the generated class then passes {@code v.getX()} in.
   */
  public static ExecutableElement getter(TypeElement type, String field) {
    javax.lang.model.element.VariableElement f = isValueClass(type) ? field(type, field) : null;
    if (f == null || !f.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
      return null;
    }
    String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    for (String name : List.of("get" + cap, "is" + cap, field)) {
      for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(name) && m.getParameters().isEmpty() && m.getTypeParameters().isEmpty()
            && !m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
            && !m.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)
            && m.getReturnType().toString().equals(f.asType().toString())) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * The record, value class or holder class {@code t} names, whose objects a helper may make and
   * return ({@code static Acc start() { return new Acc(); }}); null for any other type.
   */
  public static TypeElement madeOf(TypeMirror t) {
    TypeElement r = heldOf(t);
    return r != null && (isRecord(r) || isValueClass(r) || isHolderClass(r) || isMutableLocal(r)) ? r : null;
  }

  /** The record or value class {@code t} names, whose values a method may make; null for any other type. */
  public static TypeElement valueOf(TypeMirror t) {
    TypeElement r = heldOf(t);
    return r != null && (isRecord(r) || isValueClass(r)) ? r : null;
  }

  /**
   * Tells which classes the compilation processed on this thread declares in its source: a
   * library's class of final fields (Hipparchus's Vector3D) is no value class, as backprop cannot
   * read its constructors; its objects stay objects, called without derivative.
   */
  public static void declaredBy(java.util.function.Predicate<TypeElement> inSource) {
    SOURCE.set(inSource);
  }

  private static final ThreadLocal<java.util.function.Predicate<TypeElement>> SOURCE = ThreadLocal.withInitial(() -> e -> false);

  /**
   * The fields of a held class backprop holds as its components, superclasses' first: those
   * that are not static and not private ({@code all}: private ones too; a value class's private
   * ones a getter reads in any case), of a type a record component may have. The others
   * are left out; reading one is an error ({@link #hiddenField}).
   */
  private static List<Component> fields(TypeElement type, List<TypeElement> outer, boolean all) {
    List<Component> out = new ArrayList<>();
    TypeElement sup = heldSuperclass(type);
    if (sup != null) {
      out.addAll(fields(sup, outer, all));
    }
    for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          || (f.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE) && !all
              && getter(type, f.getSimpleName().toString()) == null)) {
        continue;
      }
      String name = f.getSimpleName().toString();
      out.removeIf(c -> c.name().equals(name)); // a field hides its superclass's of that name
      Component c = component(name, f.asType(), outer, type);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** A field as a component, or null where backprop cannot hold it (its type, or a cycle of objects). */
  private static Component component(String name, TypeMirror t, List<TypeElement> outer, TypeElement owner) {
    TypeElement element = arrayElement(t) != null ? arrayElement(t) : listElement(t);
    if (element != null && inArrays(element)) {
      // Gaussian[] parts (or List<Gaussian>) of a class: one array per component, as an array parameter.
      return new Component(name, null, element, t, true);
    }
    TypeElement nested = heldOf(t);
    if (nested != null) {
      if (outer.contains(nested) || nested.equals(owner)) {
        return null; // a Node's next Node: held objects nest to a fixed depth
      }
      List<TypeElement> inner = new ArrayList<>(outer);
      inner.add(owner);
      if (isRecord(nested) ? unsupported(nested, inner) != null : contains(nested, inner)) {
        return null;
      }
      return new Component(name, null, nested, t);
    }
    Type type = Resolver.typeOf(t) != null ? Resolver.typeOf(t) : Resolver.referenceType(t);
    if (type == null || type.dims() > 2 || (type.isArray() && (type.isReference() || type.element().isReference()))) {
      return null;
    }
    return new Component(name, type, null, t);
  }

  /** Whether a held class's fields lead, at any depth, back to one of {@code outer} or to itself. */
  private static boolean contains(TypeElement type, List<TypeElement> outer) {
    if (outer.contains(type)) {
      return true;
    }
    List<TypeElement> path = new ArrayList<>(outer);
    path.add(type);
    for (TypeElement t = type; t != null && (t == type ? isHeldClass(t) : heldShape(t)); ) {
      for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        boolean held = !f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
            && !f.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE); // as fields() holds them
        TypeElement n = held ? heldOf(f.asType()) : null;
        if (n != null && !isRecord(n) && contains(n, path)) {
          return true;
        }
      }
      t = t.getSuperclass() instanceof DeclaredType s && s.asElement() instanceof TypeElement sup ? sup : null;
    }
    return false;
  }

  /** The instance field {@code name} of a held class or a superclass it holds; null if none. */
  public static javax.lang.model.element.VariableElement field(TypeElement type, String name) {
    for (TypeElement t = type; t != null; ) {
      for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(name) && !f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
          return f;
        }
      }
      t = heldSuperclass(t);
    }
    return null;
  }

  /**
   * Why an instance field {@code name} of held class {@code type} is not one of its components
   * (private, or of a type backprop cannot hold); null where it is one, or no such field exists.
   */
  public static String hiddenField(TypeElement type, String name) {
    for (TypeElement t = type; t != null; ) {
      for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (!f.getSimpleName().contentEquals(name) || f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
          continue;
        }
        if (hasComponent(type, name)) {
          return null;
        }
        if (f.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
          return "field '" + name + "' of " + type.getSimpleName() + " is private, so the generated class cannot"
              + " pass it in: make it package-private"
              + (isValueClass(type) ? ", or give it a getter (" + f.asType() + " " + (name.startsWith("is") ? name
                  : "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)) + "() { return " + name + "; })" : "");
        }
        TypeElement element = objectsHeld(f.asType());
        if (element != null) {
          // Layer[] layers or List<Layer> layers: a model made of parts.
          String what = "field '" + name + "' of " + type.getSimpleName() + " has type " + f.asType() + ": ";
          return what + "backprop holds a field that is a one-dimensional array or a list of records whose"
              + " components are double, int, long, arrays of them of one or two dimensions, or records of"
              + " them, as one array per component, and not this one; give each part a field of its own ("
              + element.getSimpleName() + " first, second), or pass what the method needs as parameters";
        }
        return "field '" + name + "' of " + type.getSimpleName() + " has type " + f.asType() + ", which backprop"
            + " cannot hold (it holds double, float, int, long, boolean, arrays of them, String, enums,"
            + " records and objects of such fields, nesting to a fixed depth): pass what the method needs"
            + " of it as a parameter";
      }
      t = heldSuperclass(t);
    }
    return null;
  }

  /**
   * Whether an array of {@code record} can be held as one array per component: its components are
   * double, int or long, arrays of them of one or two dimensions ({@code Layer(double[][] w,
   * double[] b)}), or records of them.
   */
  static boolean inArrays(TypeElement record) {
    if (!isRecord(record) || unsupported(record) != null) {
      return false;
    }
    for (Component c : components(record, new String[1])) {
      boolean number = c.type() != null && (c.type().isArray() ? RecordArrayReader.heldArray(c.type())
          : c.type().equals(Type.DOUBLE) || c.type().equals(Type.INT) || c.type().equals(Type.LONG));
      if (c.record() != null ? !inArrays(c.record()) : !number) {
        return false;
      }
    }
    return true;
  }

  /** The record {@code R} of {@code List<R>}; null for any other type. */
  public static TypeElement listElement(TypeMirror t) {
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e
        && e.getQualifiedName().contentEquals("java.util.List") && d.getTypeArguments().size() == 1) {
      return recordOf(d.getTypeArguments().get(0));
    }
    return null;
  }

  /** The record or held class of {@code R[]}, {@code R[][]} or {@code List<R>}; null for any other type. */
  private static TypeElement objectsHeld(TypeMirror t) {
    while (t instanceof javax.lang.model.type.ArrayType a) {
      t = a.getComponentType();
      if (heldOf(t) != null) {
        return heldOf(t);
      }
    }
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e
        && e.getQualifiedName().contentEquals("java.util.List") && d.getTypeArguments().size() == 1) {
      return heldOf(d.getTypeArguments().get(0));
    }
    return null;
  }

  /**
   * Why each instance field of held class {@code type} that backprop leaves out is left out
   * ({@link #hiddenField}), superclasses' first; empty for a record.
   */
  public static List<String> leftOutFields(TypeElement type) {
    List<String> out = new ArrayList<>();
    if (isRecord(type)) {
      return out;
    }
    TypeElement sup = heldSuperclass(type);
    if (sup != null) {
      out.addAll(leftOutFields(sup));
    }
    for (javax.lang.model.element.VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      String why = f.getModifiers().contains(javax.lang.model.element.Modifier.STATIC) ? null : hiddenField(type, f.getSimpleName().toString());
      Type t = Resolver.typeOf(f.asType());
      boolean numbers = t != null ? t.isDifferentiable() : heldOf(f.asType()) != null;
      if (why != null && (numbers || !f.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE))) {
        out.add(why);
      }
    }
    return out;
  }

  /**
   * One component: its name, and our type for it, or the record it holds (one of the two is
   * null); {@code array}: a field holding an array of that record ({@code Gaussian[] parts}).
   */
  public record Component(String name, Type type, TypeElement record, TypeMirror declared, boolean array) {
    public Component(String name, Type type, TypeElement record, TypeMirror declared) {
      this(name, type, record, declared, false);
    }
  }

  /**
   * The components of {@code record} in order; null with {@code why[0]} set where one has a type
   * backprop cannot hold (a list, an interface, an array of three dimensions).
   */
  public static List<Component> components(TypeElement record, String[] why) {
    if (!isRecord(record)) {
      return fields(record, new ArrayList<>(), false);
    }
    List<Component> out = new ArrayList<>();
    for (RecordComponentElement c : record.getRecordComponents()) {
      TypeMirror t = c.asType();
      TypeElement nested = recordOf(t);
      Type type = nested != null ? null : Resolver.typeOf(t) != null ? Resolver.typeOf(t) : Resolver.referenceType(t);
      Type data = nested == null && type == null ? dataType(t) : null;
      if (data != null) {
        out.add(new Component(c.getSimpleName().toString(), data, null, t)); // List<Position> points: data
        continue;
      }
      if (nested == null && (type == null || type.dims() > 2 || (type.isArray() && (type.isReference() || type.element().isReference())))) {
        if (t.getKind() == javax.lang.model.type.TypeKind.TYPEVAR) {
          // record Pair<T>(T a, T b): the components' types depend on each use.
          why[0] = "record " + record.getSimpleName() + " is generic, and its component '" + c.getSimpleName() + "' has"
              + " type " + t + ", which differs from use to use; backprop holds a record as components of fixed"
              + " types: declare " + record.getSimpleName() + " with the types you use in place of " + t
              + " (record Pair(double a, double b) for a Pair<Double>), or pass the numbers as double parameters";
          return null;
        }
        why[0] =
            "record " + record.getSimpleName() + " has a component '" + c.getSimpleName() + "' of type " + t
                + ", which backprop cannot follow: give it components of type double, float, int,"
                + " long, boolean, arrays of them, String, enums or other such records, or an array or"
                + " List of records, which are read as data";
        return null;
      }
      out.add(new Component(c.getSimpleName().toString(), type, nested, t));
    }
    return out;
  }

  /**
   * Why backprop cannot hold {@code record} as its components, nested records included (a
   * component of a type it cannot follow, a record that contains itself); null if it can.
   */
  public static String unsupported(TypeElement record) {
    return unsupported(record, new ArrayList<>());
  }

  private static String unsupported(TypeElement record, List<TypeElement> outer) {
    if (!isRecord(record)) {
      return null; // a class's fields that cannot be held are left out
    }
    if (outer.contains(record)) {
      return "record " + record.getSimpleName() + " contains itself; backprop holds a record as its"
          + " components, so it follows records that nest to a fixed depth";
    }
    String[] why = new String[1];
    List<Component> cs = components(record, why);
    if (cs == null) {
      return why[0];
    }
    outer.add(record);
    for (Component c : cs) {
      String inner = c.record() == null ? null : unsupported(c.record(), outer);
      if (inner != null) {
        return inner;
      }
    }
    outer.remove(outer.size() - 1);
    return null;
  }

  /** Whether a component of {@code record}, nested ones included, is a double or float or an array of them. */
  public static boolean differentiable(TypeElement record) {
    String[] why = new String[1];
    List<Component> cs = components(record, why);
    if (cs == null) {
      return false;
    }
    for (Component c : cs) {
      if (c.record() != null ? differentiable(c.record()) : c.type().isDifferentiable()) {
        return true;
      }
    }
    return false;
  }

  /** The record {@code R} of an array type {@code R[]} of one dimension; null for any other type. */
  public static TypeElement arrayElement(TypeMirror t) {
    return t instanceof javax.lang.model.type.ArrayType a ? recordOf(a.getComponentType()) : null;
  }

  /**
   * Our type for records of data a method reads without derivative: {@code R[]} or {@code
   * List<R>} of a record {@code R}; null for any other type.
   */
  public static Type dataType(TypeMirror t) {
    if (t instanceof javax.lang.model.type.ArrayType a && recordOf(a.getComponentType()) != null) {
      return Type.objectOf(Resolver.owner(recordOf(a.getComponentType()))).arrayOf();
    }
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e
        && e.getQualifiedName().contentEquals("java.util.List") && d.getTypeArguments().size() == 1) {
      TypeMirror element = d.getTypeArguments().get(0);
      if (recordOf(element) != null) {
        return Type.listOf(Resolver.owner(recordOf(element)));
      }
      if (element instanceof DeclaredType b && b.asElement() instanceof TypeElement boxed && unboxed(Resolver.owner(boxed)) != null) {
        return Type.listOf(Resolver.owner(boxed));
      }
    }
    return null;
  }

  /**
   * The number a list of {@code Double}, {@code Integer} or {@code Long} holds, unboxed as it is
   * read; null for a list of records.
   */
  public static Type unboxed(io.github.backprop.processor.ir.Owner element) {
    if (!element.packageName().equals("java.lang")) {
      return null;
    }
    return switch (element.simpleNames()) {
      case "Double" -> Type.DOUBLE;
      case "Integer" -> Type.INT;
      case "Long" -> Type.LONG;
      default -> null;
    };
  }

  /** The canonical constructor: the one whose parameters are the components. */
  public static ExecutableElement canonical(TypeElement record) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (ExecutableElement c : ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (c.getParameters().size() != components.size()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < components.size() && same; i++) {
        same = c.getParameters().get(i).asType().toString().equals(components.get(i).asType().toString());
      }
      if (same) {
        return c;
      }
    }
    return null;
  }

  /** Whether javac wrote {@code m} (an implicit constructor or accessor), so it has no code of the user's. */
  public static boolean implicit(Elements elements, Element m) {
    return elements.getOrigin(m) == Elements.Origin.MANDATED;
  }

  /** Whether the record's source declares the accessor of component {@code name} itself, with a body of its own. */
  public static boolean explicitAccessor(com.sun.source.util.Trees trees, TypeElement record, String name) {
    com.sun.source.tree.ClassTree tree = trees.getTree(record);
    if (tree == null) {
      return false;
    }
    for (com.sun.source.tree.Tree member : tree.getMembers()) {
      if (member instanceof com.sun.source.tree.MethodTree m && m.getName().contentEquals(name)
          && m.getParameters().isEmpty() && m.getBody() != null
          && trees.getSourcePositions().getStartPosition(trees.getPath(record).getCompilationUnit(), m) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is a component of {@code record}. */
  public static boolean hasComponent(TypeElement record, String name) {
    if (!isRecord(record)) {
      return components(record, new String[1]).stream().anyMatch(c -> c.name().equals(name));
    }
    return record.getRecordComponents().stream().anyMatch(c -> c.getSimpleName().contentEquals(name));
  }
}
