package io.github.backprop.processor.check;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks that an annotated method has a shape backprop can write a gradient for. */
public final class Signature {
  private final ErrorReporter reporter;

  public Signature(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every problem with the method's declaration; returns whether there was none. */
  public boolean check(ExecutableElement m) {
    int before = reporter.errorCount();
    String name = m.getSimpleName().toString();
    if (!m.getModifiers().contains(Modifier.STATIC)) {
      InstanceMethods.check(m, reporter);
    }
    if (VectorSignature.returnsVector(m)) {
      VectorSignature.check(m, reporter);
    } else if (m.getReturnType().getKind() != TypeKind.DOUBLE && m.getReturnType().getKind() != TypeKind.FLOAT
        && !io.github.backprop.processor.ir.BoxedResult.is(m)) {
      reporter.error(
          Tag.SIGNATURE,
          "@Differentiable method '" + name + "' returns " + m.getReturnType() + "; it must return"
              + " double or float (or Double, Float), the value whose gradient is computed, or double[], whose"
              + " vector-Jacobian products and Jacobian are computed",
          m);
    }
    GeneratedNameClash.check(m, reporter);
    if (!m.getTypeParameters().isEmpty()) {
      reporter.error(Tag.SIGNATURE, "@Differentiable method '" + name + "' must not be generic", m);
    }
    if (m.getEnclosingElement().getKind() == javax.lang.model.element.ElementKind.ANNOTATION_TYPE) {
      reporter.error(
          Tag.SIGNATURE,
          "@Differentiable on '" + name + "', an element of an annotation interface, which has no body to"
              + " differentiate: remove it, and annotate a static method of a class or interface",
          m);
    } else if (m.getModifiers().contains(Modifier.NATIVE)) {
      reporter.error(
          Tag.SIGNATURE,
          "@Differentiable method '" + name + "' is native or abstract, so it has no body to"
              + " differentiate: write it in Java",
          m);
    } else if (m.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(
          Tag.SIGNATURE,
          "@Differentiable method '" + name + "' is abstract, so it has no body to differentiate:"
              + " annotate a method with a body instead, such as a static method that computes it",
          m);
    }
    for (VariableElement p : m.getParameters()) {
      javax.lang.model.type.TypeMirror pt = p.asType(); // double... xs is a double[]
      TypeElement record = io.github.backprop.processor.read.Records.heldOf(pt);
      if (record != null) {
        String why = io.github.backprop.processor.read.Records.unsupported(record);
        if (why != null) {
          reporter.error(Tag.SIGNATURE, "parameter '" + p.getSimpleName() + "': " + why, p);
        } else if (!io.github.backprop.processor.read.Annotations.visibleFrom(record, m)) {
          reporter.error(
              Tag.SIGNATURE,
              "parameter '" + p.getSimpleName() + "' has type " + record.getSimpleName() + ", which"
                  + " the generated class in this package cannot name: make it package-private or"
                  + " public",
              p);
        }
      } else if (io.github.backprop.processor.read.Records.dataType(pt) != null) {
        TypeElement data = io.github.backprop.processor.read.Records.recordOf(
            pt instanceof javax.lang.model.type.ArrayType a ? a.getComponentType()
                : ((javax.lang.model.type.DeclaredType) pt).getTypeArguments().get(0));
        if (data != null && !io.github.backprop.processor.read.Annotations.visibleFrom(data, m)) {
          reporter.error(
              Tag.SIGNATURE,
              "parameter '" + p.getSimpleName() + "' holds records of type " + data.getSimpleName() + ", which"
                  + " the generated class in this package cannot name: make it package-private or public",
              p);
        }
      } else if (isReference(pt)) {
        TypeElement type = hidden(pt, m); // Map<String, Secret>: a type argument counts too
        if (type != null) {
          boolean argument = !type.equals(((javax.lang.model.type.DeclaredType) pt).asElement());
          reporter.error(
              Tag.SIGNATURE,
              "parameter '" + p.getSimpleName() + "' has type " + (argument ? pt + ", whose type argument " : "")
                  + type.getSimpleName() + ", which"
                  + " the generated class in this package cannot name: make it package-private or"
                  + " public",
              p);
        }
      } else if (io.github.backprop.processor.read.Boxes.isParameterBox(pt)) {
        // Double x, Short s: held as their primitives
      } else if (pt instanceof javax.lang.model.type.ArrayType a && io.github.backprop.processor.read.Boxes.boxClass(a.getComponentType()) != null) {
        String box = io.github.backprop.processor.read.Boxes.boxClass(a.getComponentType()).getSimpleName().toString();
        String prim = primitiveName(box);
        reporter.error(
            Tag.SIGNATURE,
            "parameter '" + p.getSimpleName() + "' is an array of boxes (" + box + "[]), whose elements may be"
                + " null and which backprop does not differentiate: take a " + prim + "[] instead, filled by the caller"
                + (box.equals("Double") ? " (Stream.of(" + p.getSimpleName() + ").mapToDouble(Double::doubleValue).toArray())" : ""),
            p);
      } else if (!isSupported(p.asType())) {
        reporter.error(
            Tag.SIGNATURE,
            "parameter '" + p.getSimpleName() + "' has type " + p.asType() + "; a"
                + " @Differentiable method takes double, float and arrays of them"
                + " (differentiated), and int, long or boolean or arrays of them, byte, short"
                + " or char, a String, an enum, an object, or an object of a generic class with its"
                + " type arguments such as List<double[]> or Map<String, Double> (passed through)"
                + (p.asType().getKind() == TypeKind.ARRAY ? "; arrays have at most two dimensions" : "")
                + (isRaw(p.asType()) ? "; write the type arguments of " + p.asType() : "")
                + (p.asType() instanceof javax.lang.model.type.DeclaredType d && !d.getTypeArguments().isEmpty()
                    ? "; a type argument may be a class, an array of double, float, int, long or boolean,"
                        + " a wildcard, or a generic class of them" : ""),
            p);
      }
    }
    String twice = io.github.backprop.processor.read.Annotations.wrtTwice(m);
    if (twice != null) {
      reporter.error(
          Tag.SIGNATURE,
          "wrt names '" + twice + "' twice: name each parameter once, as in @Differentiable(wrt = {"
              + String.join(", ", io.github.backprop.processor.read.Annotations.wrt(m).stream().map(w -> "\"" + w + "\"").toList())
              + "})",
          m);
    }
    java.util.Set<String> wrt = io.github.backprop.processor.read.Annotations.wrt(m);
    if (wrt != null) {
      for (String w : wrt) {
        VariableElement p =
            m.getParameters().stream().filter(x -> x.getSimpleName().contentEquals(w)).findFirst().orElse(null);
        if (w.equals("this") && !m.getModifiers().contains(Modifier.STATIC)) {
          InstanceMethods.checkWrtThis(m, reporter);
        } else if (p == null) {
          reporter.error(
              Tag.SIGNATURE,
              "wrt names '" + w + "', which is not a parameter of '" + name + "': name its double"
                  + " or float parameters, or arrays of them",
              m);
        } else if (p.asType() instanceof javax.lang.model.type.DeclaredType
            && io.github.backprop.processor.read.Records.dataType(p.asType()) != null
            && io.github.backprop.processor.read.Records.listElement(p.asType()) == null) {
          // List<Double>: its elements are read as data, not differentiated.
          reporter.error(
              Tag.SIGNATURE,
              "wrt names '" + w + "', a " + p.asType() + ", whose elements backprop reads as data, with no"
                  + " derivative: for the gradient with respect to them take a double[] " + w + " (at the call, "
                  + w + ".stream().mapToDouble(Double::doubleValue).toArray()), and read " + w + "[i] for "
                  + w + ".get(i)",
              p);
        } else if (!isFloating(p.asType())
            && !(io.github.backprop.processor.read.Records.heldOf(p.asType()) != null
                && io.github.backprop.processor.read.Records.differentiable(io.github.backprop.processor.read.Records.heldOf(p.asType())))
            && !(io.github.backprop.processor.read.Records.arrayElement(p.asType()) != null
                && io.github.backprop.processor.read.Records.differentiable(io.github.backprop.processor.read.Records.arrayElement(p.asType())))) {
          reporter.error(
              Tag.SIGNATURE,
              "wrt names '" + w + "', of type " + p.asType() + ", which has no derivative: name"
                  + " double or float parameters, or arrays of them",
              p);
        }
      }
    }
    if (wrt == null && m.getModifiers().contains(Modifier.STATIC)) {
      warnIfOnlyRecordArrays(m);
    }
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    for (TypeElement t = owner; t != null; ) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            Tag.SIGNATURE,
            "class " + t.getSimpleName() + " is private, so the generated class next to it cannot"
                + " use it: make it package-private",
            m);
        break;
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind().isClass() && t.getKind() != javax.lang.model.element.ElementKind.RECORD
          && t.getKind() != javax.lang.model.element.ElementKind.ENUM) {
        reporter.error(
            Tag.SIGNATURE,
            "inner class " + t.getSimpleName() + " is not static: make it a static nested class",
            m);
        break;
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        reporter.error(
            Tag.SIGNATURE,
            "@Differentiable methods must be declared in a top-level or static nested class",
            m);
        break;
      }
      t = t.getEnclosingElement() instanceof TypeElement e ? e : null;
    }
    return reporter.errorCount() == before;
  }

  /**
   * A record array is data unless {@code wrt} names it, and a list of records always is (datasets
   * of samples are the common case), so a method whose only numbers are there would get a
   * gradient with nothing in it.
   */
  private void warnIfOnlyRecordArrays(ExecutableElement m) {
    VariableElement records = null;
    TypeElement listed = null;
    for (VariableElement p : m.getParameters()) {
      TypeMirror pt = p.asType();
      TypeElement held = io.github.backprop.processor.read.Records.heldOf(pt);
      if (isFloating(pt) || (held != null && io.github.backprop.processor.read.Records.differentiable(held))) {
        return;
      }
      TypeElement element = io.github.backprop.processor.read.Records.arrayElement(pt);
      TypeElement inList = io.github.backprop.processor.read.Records.listElement(pt);
      if (records == null && element != null && io.github.backprop.processor.read.Records.differentiable(element)) {
        records = p;
      } else if (records == null && inList != null && io.github.backprop.processor.read.Records.differentiable(inList)) {
        records = p;
        listed = inList;
      }
    }
    if (records != null) {
      String name = records.getSimpleName().toString();
      reporter.warning(
          Tag.SIGNATURE,
          "'" + m.getSimpleName() + "' has nothing to differentiate: "
              + (listed == null
                  ? "an array of records such as '" + name + "' is read as data unless wrt names it; for its"
                      + " gradient write @Differentiable(wrt = \"" + name + "\")"
                  : "a list of records such as '" + name + "' is read as data; for its gradient take an array ("
                      + listed.getSimpleName() + "[] " + name + ") and write @Differentiable(wrt = \"" + name + "\")"),
          records);
    }
  }

  /** {@code double} for {@code Double}, {@code char} for {@code Character}, ... */
  private static String primitiveName(String box) {
    return box.equals("Integer") ? "int" : box.equals("Character") ? "char" : box.toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isFloating(TypeMirror t) {
    javax.lang.model.element.TypeElement box = io.github.backprop.processor.read.Boxes.boxClass(t);
    if (box != null) {
      return box.getQualifiedName().contentEquals("java.lang.Double") || box.getQualifiedName().contentEquals("java.lang.Float");
    }
    return t.getKind() == TypeKind.DOUBLE
        || t.getKind() == TypeKind.FLOAT
        || (t.getKind() == TypeKind.ARRAY && isFloating(((javax.lang.model.type.ArrayType) t).getComponentType()));
  }

  /** A String or an enum: data with no derivative, passed through. */
  private static boolean isReference(TypeMirror t) {
    return io.github.backprop.processor.read.Annotations.referenceType(t) != null;
  }

  private static boolean isSupported(TypeMirror t) {
    return isSupported(t, 2);
  }

  private static boolean isSupported(TypeMirror t, int dims) {
    TypeKind k = t.getKind();
    if (k == TypeKind.ARRAY) {
      TypeMirror c = ((javax.lang.model.type.ArrayType) t).getComponentType();
      return dims > 0 && !isNarrow(c.getKind()) && isSupported(c, dims - 1);
    }
    return k == TypeKind.DOUBLE || k == TypeKind.FLOAT || k == TypeKind.INT || k == TypeKind.LONG
        || k == TypeKind.BOOLEAN || isNarrow(k);
  }

  /** The class {@code t} names, or one of its type arguments names, that the generated class cannot name; null if none. */
  private static TypeElement hidden(TypeMirror t, ExecutableElement m) {
    while (t instanceof javax.lang.model.type.ArrayType a) {
      t = a.getComponentType();
    }
    if (t instanceof javax.lang.model.type.WildcardType w) {
      t = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
    }
    if (!(t instanceof javax.lang.model.type.DeclaredType d)) {
      return null;
    }
    TypeElement type = (TypeElement) d.asElement();
    if (!io.github.backprop.processor.read.Annotations.visibleFrom(type, m)) {
      return type;
    }
    for (TypeMirror a : d.getTypeArguments()) {
      TypeElement inner = hidden(a, m);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /** A generic class named without its type arguments ({@code List data}). */
  private static boolean isRaw(TypeMirror t) {
    return t instanceof javax.lang.model.type.DeclaredType d && d.getTypeArguments().isEmpty()
        && !((TypeElement) d.asElement()).getTypeParameters().isEmpty();
  }

  /** byte, short and char: passed through as int values; arrays of them are not supported. */
  private static boolean isNarrow(TypeKind k) {
    return k == TypeKind.BYTE || k == TypeKind.SHORT || k == TypeKind.CHAR;
  }
}
