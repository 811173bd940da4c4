package io.github.backprop.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.check.CheckpointMarks;
import io.github.backprop.processor.check.EndlessLoops;
import io.github.backprop.processor.check.Fence;
import io.github.backprop.processor.check.OwnGradUses;
import io.github.backprop.processor.read.LocalRecordCopies;
import io.github.backprop.processor.check.Signature;
import io.github.backprop.processor.derive.Cotangent;
import io.github.backprop.processor.derive.ForwardSweep;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.ParamShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.plan.Api;
import io.github.backprop.processor.plan.Wrapper;
import io.github.backprop.processor.read.Annotations;
import io.github.backprop.processor.read.FieldCopies;
import io.github.backprop.processor.read.MethodReader;
import io.github.backprop.processor.read.Overrides;
import io.github.backprop.processor.read.RecursiveHelpers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One method of a class through the stages, check → read → analyse → derive, into its {@link
 * Entry}: the gradient, forward mode where asked, and the second order or the vector-Jacobian
 * product the method's kind needs. Each stage reports all it finds before a failure stops the
 * method, so that one compilation shows every problem a stage can see.
 */
final class MethodStages {
  private final Context context;
  private final ErrorReporter reporter;
  private final FieldCopies copies;
  private final RecursiveHelpers recursive;
  private final Tangents tangents;
  /** The public methods of the entries that take records, whose own gradients are over the components. */
  private final Map<Entry, Wrapper> wrapped = new IdentityHashMap<>();

  MethodStages(Context context, FieldCopies copies, RecursiveHelpers recursive, Tangents tangents) {
    this.context = context;
    this.reporter = context.reporter();
    this.copies = copies;
    this.recursive = recursive;
    this.tangents = tangents;
  }

  /** Whether {@code @Differentiable(forward = true)} asks for forward mode too. */
  static boolean isForward(Element method) {
    return Annotations.flag(method, "forward");
  }

  /** Whether {@code @Differentiable(hessian = true)} asks for second order too. */
  static boolean isHessian(Element method) {
    return Annotations.flag(method, "hessian");
  }

  /**
   * {@code large}'s first order with {@code split}'s second order, or null where they are not
   * such a pair: where only second order needs each helper called through derivative methods of
   * its own to stay under 64 KB, the gradient and mJvp keep the helpers read in place, with no
   * record allocated per call. {@code split}'s public face, if it has one, moves to the result.
   */
  Entry firstOrderInPlace(Entry large, Entry split) {
    if (large.hvp() == null || split.hvp() == null || Api.isVector(large) || wrapped.containsKey(large) != wrapped.containsKey(split)) {
      return null;
    }
    Entry mixed = new Entry(
        large.model(), large.grad(), large.record(), large.accessors(), large.jvp(), large.jvpRecord(), large.name(),
        large.hidden(), split.hvp());
    Wrapper face = wrapped.get(split);
    if (face != null) {
      wrapped.put(mixed, new Wrapper(mixed, face.record(), face.shapes()));
    }
    return mixed;
  }

  /** Forgets {@code e}'s public face: {@code e} is not generated. */
  void drop(Entry e) {
    wrapped.remove(e);
  }

  /** The public faces of those of {@code entries} that take records, in their order. */
  List<Wrapper> wrappers(List<Entry> entries) {
    List<Wrapper> out = new ArrayList<>();
    for (Entry e : entries) {
      if (wrapped.containsKey(e)) {
        out.add(wrapped.remove(e));
      }
    }
    return out;
  }

  /**
   * The entry of {@code m}, or null where a stage stopped it (reported, or left to javac).
   *
   * @param jvpRecord the forward-mode record's name, or null where forward mode is not asked for
   * @param name the generated method's name; {@code hidden} for a recursive helper's private one
   * @param outline whether each helper returning a number gets derivative methods of its own
   *     ({@link MethodReader#outlining()}) rather than being read in place
   */
  Entry entry(ExecutableElement m, String record, String jvpRecord, String name, boolean hidden, boolean outline) {
    if (unknownType(m.getReturnType()) || m.getParameters().stream().anyMatch(p -> unknownType(p.asType()))) {
      return null; // a class javac does not know (yet): javac reports it, or another round makes it
    }
    boolean signed = new Signature(reporter).check(m);
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    Overrides overrides = context.overrides();
    List<TypeElement> overriding = overrides == null ? List.of() : overrides.of(m, declaring);
    if (!overriding.isEmpty()) {
      reporter.error(Tag.UNSUPPORTED, Overrides.message(m, declaring, overriding), m);
      signed = false;
    }
    MethodTree tree = context.callees().tree(m);
    CompilationUnitTree unit = context.units().of(m, context.trees());
    if (unit == null || tree == null || tree.getBody() == null) {
      return null;
    }
    java.util.List<com.sun.source.tree.ClassTree> locals = LocalRecordCopies.in(tree.getBody());
    Fence fence = locals.isEmpty() ? new Fence(reporter)
        : new Fence(reporter, LocalRecordCopies.copied(context.elements(), context.trees(), m), LocalRecordCopies.blocker(m, locals, unit));
    if (fence.check(tree.getBody(), unit) > 0 || !signed) {
      return null;
    }
    if (new CheckpointMarks(reporter).check(tree, unit) > 0 || new EndlessLoops(reporter).check(tree.getBody(), unit) > 0
        || new OwnGradUses(reporter).check(tree, unit, GeneratedNames.gradClass(Annotations.owner(declaring))) > 0) {
      return null;
    }
    int errors = reporter.errorCount();
    MethodReader reader =
        new MethodReader(
            context.trees(), context.elements(), reporter, context.rules(), copies, recursive, overrides,
            context.callees());
    if (outline) {
      reader = reader.outlining();
    }
    MethodModel model = reader.read(m, tree, unit);
    Activity activity;
    try {
      activity = Activity.of(model, reporter); // on a partial model too: its call errors count
    } catch (RuntimeException e) {
      if (reader.incomplete()) {
        return null;
      }
      throw e;
    }
    if (reporter.errorCount() > errors || reader.incomplete()) {
      return null;
    }
    boolean records = reader.shapes().stream().anyMatch(ParamShape::isRecord);
    if (records && Cotangent.returnsArray(model)) {
      if (reader.shapes().stream().anyMatch(ParamShape::array)) {
        reporter.error(
            Tag.UNSUPPORTED,
            "a method returning double[] does not differentiate an array of records yet: leave it out of wrt,"
                + " or pass the components as double[] parameters",
            m);
        return null;
      }
      // The sweeps work over the components; public rVjp, rJacobian and rJvp taking the records wrap them.
      Entry flat = vector(m, model, "_" + record, jvpRecord, "_" + name, true);
      if (flat != null) {
        wrapped.put(flat, new Wrapper(flat, record, reader.shapes()));
      }
      return flat;
    }
    if (Cotangent.returnsArray(model)) {
      return vector(m, model, record, jvpRecord, name, false);
    }
    GradMethod grad = context.deriver().derive(model, activity, reporter);
    JvpMethod jvp = jvpRecord == null ? null : ForwardSweep.derive(model, jvpRecord, reporter);
    Entry hvp = !hidden && isHessian(m) ? secondOrder(m, tree, unit, reader, model, record, name) : null;
    if (hidden && tangents.wanted(name)) {
      int before = reporter.errorCount();
      try {
        hvp = secondOrder(m, tree, unit, reader, model, record, name);
      } catch (AbortMethod e) {
        // The helper's gradient still serves its first-order callers.
        hvp = null;
        if (reporter.errorCount() == before) {
          reporter.error(
              Tag.UNSUPPORTED,
              "hessian = true: backprop cannot build the second derivatives of this helper, which"
                  + " calls itself, for the methods with hessian = true that call it: write its"
                  + " recursion as a loop",
              m);
        }
      }
    }
    if (!hidden && isHessian(m) && hvp == null) {
      return null; // reported
    }
    if (records && hidden) {
      // A method of an object that calls itself: its calls pass the fields, so no wrapper.
      return new Entry(model, grad, record, componentAccessors(model), null, null, name, true, null);
    }
    if (records) {
      // The sweeps work over the components; a public method taking the records wraps it.
      Entry flat =
          new Entry(model, grad, "_" + record, componentAccessors(model), jvp, jvpRecord, "_" + name, true, hvp);
      wrapped.put(flat, new Wrapper(flat, record, reader.shapes()));
      return flat;
    }
    return new Entry(model, grad, record, accessors(model, Annotations.wrt(m)), jvp, jvpRecord, name, hidden, hvp);
  }

  /**
   * The private gradient of m's tangent; where m calls a method through a @DerivativeOf rule,
   * from a second read of m with each rule's body read in place before its call, whose partials
   * second order differentiates.
   */
  private Entry secondOrder(
      ExecutableElement m, MethodTree tree, CompilationUnitTree unit, MethodReader reader, MethodModel model, String record,
      String name) {
    if (!reader.ruleBodies().seen()) {
      return tangents.secondOrder(m, model, record, name);
    }
    MethodReader again = reader.readingRuleBodies();
    int errors = reporter.errorCount();
    MethodModel read = again.read(m, tree, unit);
    if (again.incomplete()) {
      // Reported; or not, and then the first read's model gives second order's own error.
      return reporter.errorCount() > errors ? null : tangents.secondOrder(m, model, record, name);
    }
    return tangents.secondOrder(m, read, record, name, again.ruleBodies());
  }

  /**
   * A method returning double[]: its entry carries forward mode as for a scalar method, and in
   * place of a Hessian the gradient of ⟨cotangent, value⟩ ({@link Cotangent}), from which {@code
   * plan/Api} plans {@code mVjp} and {@code mJacobian}; null where it cannot (reported).
   *
   * @param flat whether the model is over record components: then its methods are private, and
   *     public ones taking the records wrap them
   */
  private Entry vector(
      ExecutableElement m, MethodModel model, String record, String jvpRecord, String name, boolean flat) {
    Cotangent.Dot dot = Cotangent.of(model, reporter);
    if (dot == null) {
      return null;
    }
    MethodModel dm = dot.model();
    GradMethod grad =
        Cotangent.withResult(context.deriver().derive(dm, Activity.of(dm.independents(), dm.body()), reporter), dot);
    JvpMethod jvp = jvpRecord == null ? null : ForwardSweep.derive(model, jvpRecord, reporter);
    // Over a record's components, wrt is the components the reader made parameters of.
    List<String> accessors = flat ? componentAccessors(model) : accessors(model, Annotations.wrt(m));
    List<String> withCotangent = new ArrayList<>(accessors);
    withCotangent.add(null); // the cotangent is data
    Entry vjp = new Entry(dm, grad, record + "Vjp", withCotangent, null, null, name + "Vjp", flat, null);
    return new Entry(model, grad, record, accessors, jvp, jvpRecord, name, flat, vjp);
  }

  /** Per parameter of {@code model}, its component in the gradient record, or null: those of {@code wrt}. */
  static List<String> accessors(MethodModel model, Set<String> wrt) {
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (Var p : model.params()) {
      names.add(p.name());
      types.add(p.type());
    }
    return GeneratedNames.accessors(names, types, wrt);
  }

  /** As {@link #accessors}, over the components the reader made parameters: its independents. */
  static List<String> componentAccessors(MethodModel model) {
    return accessors(model, model.independents().stream().map(Var::name).collect(Collectors.toSet()));
  }

  /** Whether {@code t} names, or is an array of, a class javac could not find. */
  private static boolean unknownType(TypeMirror t) {
    while (t.getKind() == TypeKind.ARRAY) {
      t = ((ArrayType) t).getComponentType();
    }
    return t.getKind() == TypeKind.ERROR;
  }
}
