package io.github.backprop.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.TypeArg;
import io.github.backprop.processor.ir.TypeRef;
import io.github.backprop.processor.ir.Var;
import java.util.Arrays;

/** The JavaPoet names of the IR's types and classes. */
final class JavaTypes {
  private JavaTypes() {}

  private static final java.util.Map<Owner, ClassName> CLASS_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  static ClassName className(Owner owner) {
    return CLASS_NAMES.computeIfAbsent(
        owner,
        o -> {
          String[] names = o.simpleNames().split("\\.");
          return ClassName.get(o.packageName(), names[0], Arrays.copyOfRange(names, 1, names.length));
        });
  }

  static TypeName typeName(Type type) {
    TypeName t;
    switch (type.prim()) {
      case DOUBLE:
        t = TypeName.DOUBLE;
        break;
      case FLOAT:
        t = TypeName.FLOAT;
        break;
      case INT:
        t = TypeName.INT;
        break;
      case LONG:
        t = TypeName.LONG;
        break;
      case BYTE:
        t = TypeName.BYTE;
        break;
      case SHORT:
        t = TypeName.SHORT;
        break;
      case CHAR:
        t = TypeName.CHAR;
        break;
      case STRING:
        t = ClassName.get(String.class);
        break;
      case ENUM:
        t = className(type.ref());
        break;
      case OBJECT:
        t = type.isGeneric() ? parameterized(type) : className(type.ref());
        break;
      case LIST:
        t = com.palantir.javapoet.ParameterizedTypeName.get(ClassName.get("java.util", "List"), className(type.ref()));
        break;
      default:
        t = TypeName.BOOLEAN;
        break;
    }
    for (int i = 0; i < type.dims(); i++) {
      t = com.palantir.javapoet.ArrayTypeName.of(t);
    }
    return t;
  }

  /** {@code Map<String, double[]>}: a generic class with its type arguments, boxes kept. */
  private static TypeName parameterized(Type type) {
    TypeName[] args = new TypeName[type.args().size()];
    for (int i = 0; i < args.length; i++) {
      TypeArg a = type.args().get(i);
      TypeName bound = typeName(a.type());
      args[i] = a.isUnbounded() ? com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)
          : a.variance() == TypeArg.Variance.EXTENDS ? com.palantir.javapoet.WildcardTypeName.subtypeOf(bound)
          : a.variance() == TypeArg.Variance.SUPER ? com.palantir.javapoet.WildcardTypeName.supertypeOf(bound) : bound;
    }
    return com.palantir.javapoet.ParameterizedTypeName.get(className(type.ref()), args);
  }

  /** A value's type, or a record nested in the class being written, by its simple name. */
  static TypeName typeName(TypeRef t) {
    return t.record() != null ? ClassName.get("", t.record()) : typeName(t.type());
  }

  static TypeName typeOf(Var v) {
    if (v.kind() == Var.Kind.RECORD) {
      return recordName(v.recordType());
    }
    return typeName(v.type());
  }

  static TypeName recordName(Var.RecordType r) {
    return r.record() == null ? className(r.grad()) : className(r.grad()).nestedClass(r.record());
  }
}
