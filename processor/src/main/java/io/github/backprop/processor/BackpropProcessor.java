package io.github.backprop.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.bridge.EcjBridge;
import io.github.backprop.processor.check.CheckpointMarks;
import io.github.backprop.processor.check.Fence;
import io.github.backprop.processor.check.HiddenMethods;
import io.github.backprop.processor.check.Signature;
import io.github.backprop.processor.derive.Cotangent;
import io.github.backprop.processor.derive.ForwardSweep;
import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.derive.JvpMethod;
import io.github.backprop.processor.derive.ReverseSweep;
import io.github.backprop.processor.derive.SecondOrder;
import io.github.backprop.processor.diag.DeepStack;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.GeneratedLimits;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.read.Annotations;
import io.github.backprop.processor.read.FieldCopies;
import io.github.backprop.processor.read.MethodReader;
import io.github.backprop.processor.read.RecursiveHelpers;
import io.github.backprop.processor.read.RuleReader;
import io.github.backprop.processor.rules.CustomRule;
import io.github.backprop.processor.rules.CustomRules;
import io.github.backprop.processor.plan.Entry;
import io.github.backprop.processor.write.GradWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Writes {@code CGrad} for every class {@code C} with {@code @Differentiable} methods. Stages:
 * {@link Signature} and {@link Fence} check, {@link MethodReader} reads the body into the model,
 * {@link Activity} finds what carries derivatives, {@link ReverseSweep} derives (and {@link
 * ForwardSweep}, for {@code forward = true}), {@link GradWriter} writes. A failure abandons one method, never the run.
 */
@AutoService(Processor.class)
// Generated is claimed too, so -Xlint:all -Werror builds do not fail on "no processor claimed"
// for the annotation on our own output.
@SupportedAnnotationTypes({
  BackpropProcessor.ANNOTATION,
  RuleReader.ANNOTATION,
  "io.github.backprop.CheckpointLoops",
  "javax.annotation.processing.Generated"
})
@SupportedOptions({BackpropProcessor.DEBUG, EcjBridge.NO_GENERATED})
public final class BackpropProcessor extends AbstractProcessor {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  /**
   * {@code -Abackprop.debug=true} prints every generated class as a compiler note; {@code
   * -Abackprop.debug=stages} also prints each method's body after every pass of the derive stage.
   */
  public static final String DEBUG = "backprop.debug";

  /** The derive stage, replaceable so a test can make it fail. */
  interface Deriver {
    GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter);
  }

  private final Deriver deriver;
  /** The @DerivativeOf rules of the compilation, gathered round by round. */
  private final CustomRules rules = new CustomRules();
  private Trees trees;
  /** Under the Eclipse compiler, which has no {@link Trees}: runs javac on the same sources. */
  private EcjBridge bridge;
  private ErrorReporter reporter;
  /** The classes of the compilation, gathered round by round: where an object's methods are overridden. */
  private io.github.backprop.processor.read.Overrides overrides;

  public BackpropProcessor() {
    this(ReverseSweep::derive);
  }

  BackpropProcessor(Deriver deriver) {
    this.deriver = deriver;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty() && deferred.isEmpty()) {
      return false;
    }
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException e) {
      // Not javac: the Eclipse compiler. javac, run on the same files, does the work.
      if (bridge == null) {
        bridge = new EcjBridge(processingEnv, BackpropProcessor::new);
      }
      List<Element> annotated = new ArrayList<>();
      for (TypeElement annotation : annotations) {
        if (!annotation.getQualifiedName().contentEquals("javax.annotation.processing.Generated")
            && !annotation.getQualifiedName().contentEquals("io.github.backprop.CheckpointLoops")) {
          annotated.addAll(round.getElementsAnnotatedWith(annotation));
        }
      }
      bridge.process(round, annotated);
      return true;
    }
    DeepStack.run(() -> processRound(annotations, round));
    return !annotations.isEmpty();
  }

  /**
   * Classes left for the next round: a method of theirs stopped quietly at a name javac did not
   * know, which another processor may generate in this round (javac reports it otherwise).
   */
  private final Set<String> deferred = new java.util.TreeSet<>();

  /** The classes deferred once: the next time they are written as far as they go. */
  private final Set<String> deferredOnce = new java.util.HashSet<>();

  /** Whether this round is javac's last, after which no generated file is processed. */
  private boolean lastRound;

  /** One round under javac, on {@link DeepStack}'s thread. */
  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reporter = new ErrorReporter(trees, processingEnv.getMessager());
    if ("stages".equals(processingEnv.getOptions().get(DEBUG))) {
      reporter.traceTo(text -> processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, text), GradWriter::show);
    }
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(RuleReader.ANNOTATION)) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          if (e.getKind() == ElementKind.METHOD) {
            addRule((ExecutableElement) e);
          }
        }
      }
    }
    lastRound = round.processingOver();
    Map<String, List<ExecutableElement>> byClass = new TreeMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        byClass.put(
            name,
            new ArrayList<>(
                javax.lang.model.util.ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                    .filter(Annotations::isDifferentiable)
                    .toList()));
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      if (!annotation.getQualifiedName().contentEquals(ANNOTATION)) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e.getKind() == ElementKind.METHOD) {
          TypeElement type = (TypeElement) e.getEnclosingElement();
          List<ExecutableElement> of =
              byClass.computeIfAbsent(type.getQualifiedName().toString(), k -> new ArrayList<>());
          if (!of.contains(e)) {
            of.add((ExecutableElement) e);
          }
        }
      }
    }
    if (overrides == null) {
      overrides = new io.github.backprop.processor.read.Overrides(processingEnv.getElementUtils());
    }
    overrides.addAll(round.getRootElements());
    java.util.Set<CompilationUnitTree> scanned = new java.util.HashSet<>();
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        new HiddenMethods(reporter).check(path.getCompilationUnit());
      }
    }
    for (List<ExecutableElement> methods : byClass.values()) {
      if (!methods.isEmpty()) {
        generate((TypeElement) methods.get(0).getEnclosingElement(), methods);
      }
    }
  }

  /** Checks a rule of the compilation and adds it; a second rule for the same method is an error. */
  private void addRule(ExecutableElement rule) {
    try {
      RuleReader.Read read = new RuleReader(processingEnv.getElementUtils(), reporter).read(rule, rule);
      if (read == null) {
        return;
      }
      CustomRule other = rules.add(read.primal(), read.rule());
      if (other != null) {
        reporter.error(
            Tag.SIGNATURE,
            "a second rule for " + read.rule().primal() + ": " + other.display() + " declares its"
                + " derivative already; keep one",
            rule);
      }
    } catch (RuntimeException e) {
      reporter.error(Tag.BUG, "backprop failed on this rule (" + e + "). This is a bug in backprop; please report it", rule);
    }
  }

  /**
   * The recursive helpers of the class being generated whose tangent methods a second-order
   * method calls ({@link #tangentMethod}): each gets one when its own gradient is built.
   */
  private final java.util.Set<String> tangentsWanted = new java.util.LinkedHashSet<>();

  /** The annotated methods of the class being generated, and its Grad class. */
  private List<ExecutableElement> annotated = List.of();

  private Owner currentGrad;

  private void generate(TypeElement type, List<ExecutableElement> methods) {
    annotated = List.copyOf(methods);
    currentGrad = GeneratedNames.gradClass(Annotations.owner(type));
    Map<ExecutableElement, String> records = Annotations.recordNames(type);
    Map<ExecutableElement, String> jvps =
        GeneratedNames.jvpRecords(
            records,
            records.keySet().stream().filter(BackpropProcessor::isForward).toList(),
            GeneratedNames.gradClass(Annotations.owner(type)).simpleNames());
    methods.sort(Comparator.comparing(records::get));
    List<Entry> entries = new ArrayList<>();
    FieldCopies copies = new FieldCopies(trees, processingEnv.getElementUtils(), type);
    RecursiveHelpers recursive = new RecursiveHelpers(GeneratedNames.gradClass(Annotations.owner(type)));
    List<ExecutableElement> all = new ArrayList<>(methods);
    java.util.Set<String> failed = new java.util.HashSet<>();
    List<ExecutableElement> quiet = new ArrayList<>(); // stopped where javac reports the problem
    List<ExecutableElement> aborted = new ArrayList<>(); // of those, the ones the reader gave up on
    for (int k = 0; k < all.size(); k++) {
      ExecutableElement m = all.get(k);
      RecursiveHelpers.Names hidden = k < methods.size() ? null : recursive.names(m);
      int errorsBefore = reporter.errorCount();
      int entriesBefore = entries.size();
      try {
        Entry entry =
            hidden == null
                ? method(m, records.get(m), jvps.get(m), copies, recursive, m.getSimpleName().toString(), false)
                : method(m, hidden.record(), null, copies, recursive, hidden.method(), true);
        if (entry != null) {
          entries.add(entry);
          if (hidden != null && tangentsWanted.contains(hidden.method()) && entry.hvp() == null) {
            failed.add(tangentName(hidden.method())); // reported; its callers' second order goes
          }
        } else if (hidden != null) {
          failed.add(hidden.method());
        }
        if (entry == null && reporter.errorCount() == errorsBefore && hidden == null) {
          quiet.add(m);
        }
      } catch (AbortMethod e) {
        // Reported where it was thrown, or left to javac, which the warning points to.
        if (reporter.errorCount() == errorsBefore) {
          quiet.add(m);
          aborted.add(m);
        }
      } catch (RuntimeException | StackOverflowError e) {
        if (Boolean.getBoolean("backprop.stacktrace")) {
          e.printStackTrace(); // javac -J-Dbackprop.stacktrace=true, for a report of the bug
        }
        reporter.error(
            Tag.BUG,
            "backprop failed on this method (" + e + "). This is a bug in backprop; please report"
                + " it with the method's source. Until it is fixed, rewrite the method in simpler"
                + " steps, or compute its gradient by hand.",
            m);
        if (hidden != null) {
          failed.add(hidden.method());
        }
      }
      if (hidden == null && isHessian(m) && entries.size() == entriesBefore) {
        // reported; a method whose second order calls its tangent method goes too
        failed.add(tangentName(m.getSimpleName().toString()));
      }
      for (ExecutableElement h = recursive.next(); h != null; h = recursive.next()) {
        all.add(h); // a recursive helper met while reading: its gradient method comes next
      }
    }
    for (String h : tangentsWanted) {
      if (entries.stream().noneMatch(e -> e.hidden() && e.name().equals(h) && e.hvp() != null)) {
        failed.add(tangentName(h));
      }
    }
    tangentsWanted.clear();
    String name = type.getQualifiedName().toString();
    if (!quiet.isEmpty()) {
      if (!lastRound && deferredOnce.add(name)) {
        // A name javac did not know may be a class another processor generates in this round:
        // try the whole class again in the next, where javac knows it or reports it.
        deferred.add(name);
        return;
      }
      if (lastRound) {
        // No other class came: javac reports the name. A file written in the last round would
        // be a warning, which under -Werror would stop javac before its error.
        return;
      }
    }
    aborted.forEach(reporter::skipped);
    dropCallersOf(failed, entries, recursive.grad());
    Owner grad = GeneratedNames.gradClass(Annotations.owner(type));
    if (dropTooLarge(entries, grad, type, failed)) {
      dropCallersOf(failed, entries, recursive.grad());
    }
    if (entries.isEmpty()) {
      return;
    }
    String clash = clash(type, grad);
    if (clash != null) {
      reporter.error(
          Tag.SIGNATURE,
          "backprop names the gradient class of " + type.getQualifiedName() + " " + grad.canonicalName()
              + ", but " + clash + ": rename one of the two classes",
          type);
      return;
    }
    written.put(grad.canonicalName(), type);
    try {
      List<io.github.backprop.processor.plan.Wrapper> faces = wrappers(entries);
      dropClashes(entries, faces, grad, type);
      if (entries.isEmpty()) {
        return;
      }
      JavaFile file = GradWriter.write(type, grad, entries, readsJavaCompiler(type), faces);
      String debug = processingEnv.getOptions().get(DEBUG);
      if (Boolean.parseBoolean(debug) || "stages".equals(debug)) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, file.toString(), type);
      }
      file.writeTo(processingEnv.getFiler());
    } catch (IOException | RuntimeException e) {
      if (Boolean.getBoolean("backprop.stacktrace")) {
        e.printStackTrace();
      }
      reporter.error(Tag.BUG, "backprop could not write " + grad.canonicalName() + ": " + e, type);
    }
  }

  /**
   * Reports and leaves out each entry one of whose generated methods has the name and parameter
   * types of another entry's ({@code fHessian(double)} of {@code f} and the gradient of a
   * {@code @Differentiable fHessian(double)}), which javac would reject in the generated file.
   */
  private void dropClashes(
      List<Entry> entries, List<io.github.backprop.processor.plan.Wrapper> faces, Owner grad, TypeElement type) {
    Map<String, Entry> seen = new java.util.HashMap<>();
    Set<Entry> clashing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (io.github.backprop.processor.plan.Api.Member member
        : io.github.backprop.processor.plan.Api.members(entries, grad, type, faces)) {
      if (!(member instanceof io.github.backprop.processor.plan.Api.Member.Method m)) {
        continue;
      }
      Entry from = GradWriter.sourceOf(m.method(), entries, faces);
      String signature =
          m.method().name() + m.method().params().stream()
              .map(p -> p.declared().toString())
              .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
      Entry other = seen.putIfAbsent(signature, from);
      if (other != null && other != from && from != null && clashing.add(from)) {
        reporter.error(
            Tag.SIGNATURE,
            "backprop would generate " + signature + " for '" + from.model().element() + "', and a method of"
                + " that name and parameters for '" + other.model().element() + "' already: rename one of"
                + " the two methods",
            from.model().element());
      }
    }
    entries.removeIf(clashing::contains);
    faces.removeIf(w -> clashing.contains(w.flat()));
  }

  /** Whether {@code t} names, or is an array of, a class javac could not find. */
  private static boolean unknownType(javax.lang.model.type.TypeMirror t) {
    while (t.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
      t = ((javax.lang.model.type.ArrayType) t).getComponentType();
    }
    return t.getKind() == javax.lang.model.type.TypeKind.ERROR;
  }

  /**
   * Reports and leaves out each entry with a generated method javac could not compile ({@link
   * GeneratedLimits}), adding its name to {@code failed}; whether it left any out.
   */
  private boolean dropTooLarge(List<Entry> entries, Owner grad, TypeElement type, java.util.Set<String> failed) {
    boolean dropped = false;
    for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      String why = null;
      for (io.github.backprop.processor.plan.Api.Member member
          : io.github.backprop.processor.plan.Api.members(List.of(e), grad, type, List.of())) {
        if (why == null && member instanceof io.github.backprop.processor.plan.Api.Member.Method m) {
          why = GeneratedLimits.excess(m.method(), List.of(e.model().body()));
        }
      }
      if (why != null) {
        reporter.error(
            Tag.UNSUPPORTED,
            "backprop cannot write the derivatives of '" + e.model().element().getSimpleName() + "': " + why
                + ". Split the method into smaller @Differentiable methods that call each other, or a long"
                + " sum into partial sums of a few hundred terms in separate statements",
            e.model().element());
        failed.add(e.name());
        it.remove();
        dropped = true;
      }
    }
    return dropped;
  }

  /**
   * The file that declares {@code m}, found once per top-level class: a {@link TreePath} is
   * found by scanning the file, so asking for one per method costs the file's size each time.
   */
  private CompilationUnitTree unitOf(ExecutableElement m) {
    Element top = m;
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    return units.computeIfAbsent(
        top,
        t -> {
          TreePath path = trees.getPath(t);
          return path == null ? null : path.getCompilationUnit();
        });
  }

  private final Map<Element, CompilationUnitTree> units = new java.util.HashMap<>();

  /** The public methods of the entries that take records, whose own gradients are over the components. */
  private final Map<Entry, io.github.backprop.processor.plan.Wrapper> wrapped =
      new java.util.IdentityHashMap<>();

  private List<io.github.backprop.processor.plan.Wrapper> wrappers(List<Entry> entries) {
    List<io.github.backprop.processor.plan.Wrapper> out = new ArrayList<>();
    for (Entry e : entries) {
      if (wrapped.containsKey(e)) {
        out.add(wrapped.remove(e));
      }
    }
    return out;
  }

  /** The Grad classes written so far, and the class each is for. */
  private final Map<String, TypeElement> written = new java.util.HashMap<>();

  /**
   * Why {@code grad} cannot be written for {@code type}: another class of the compilation has
   * that name (a class {@code CGrad} of the user's, or a nested {@code Outer.In} beside a
   * top-level {@code Outer_In}, whose Grad classes would share a name); null if it can.
   */
  private String clash(TypeElement type, Owner grad) {
    TypeElement other = written.get(grad.canonicalName());
    if (other != null && !other.equals(type)) {
      return "that is also the name of the gradient class of " + other.getQualifiedName();
    }
    TypeElement existing = processingEnv.getElementUtils().getTypeElement(grad.canonicalName());
    if (existing != null
        && existing.getAnnotationMirrors().stream()
            .noneMatch(a -> a.getAnnotationType().toString().equals("javax.annotation.processing.Generated"))
        && !earlierOutput(existing)) {
      return "a class of that name already exists";
    }
    return null;
  }

  /**
   * Whether {@code existing} is a class file of a Grad class an earlier build wrote (javac
   * recompiling one file finds it on the class path, in the output directory), which this one
   * replaces: not a source of this compilation, and final as backprop writes them. {@code
   * @Generated} is not kept in class files. Its members are not listed: javac 17, which then
   * reads its nested records from the class file, crashes in Lower once the new source
   * replaces them.
   */
  private boolean earlierOutput(TypeElement existing) {
    return trees.getPath(existing) == null
        && existing.getModifiers().contains(javax.lang.model.element.Modifier.FINAL);
  }

  /**
   * Whether code in {@code type}'s module can use {@code javax.annotation.processing.Generated}:
   * always on the class path; in a named module only if it requires {@code java.compiler} (or
   * {@code java.se}, which brings it), as {@code requires static java.compiler;} does. Under the
   * Eclipse compiler javac sees no module, so the bridge says ({@link EcjBridge#NO_GENERATED}).
   */
  private boolean readsJavaCompiler(TypeElement type) {
    return !processingEnv.getOptions().containsKey(EcjBridge.NO_GENERATED)
        && io.github.backprop.processor.bridge.CompilerModule.readsJavaCompiler(processingEnv.getElementUtils(), type);
  }

  /** Whether {@code @Differentiable(forward = true)} asks for forward mode too. */
  static boolean isForward(Element method) {
    return flag(method, "forward");
  }

  /** Whether {@code @Differentiable(hessian = true)} asks for second order too. */
  static boolean isHessian(Element method) {
    return flag(method, "hessian");
  }

  private static boolean flag(Element method, String name) {
    return Annotations.flag(method, name);
  }

  /**
   * Leaves out the methods that call, directly or through others, a recursive helper whose own
   * gradient failed (its error is reported): their code would name a method that is not there.
   */
  private static void dropCallersOf(java.util.Set<String> failed, List<Entry> entries, Owner grad) {
    boolean dropped = !failed.isEmpty();
    while (dropped) {
      dropped = false;
      for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        boolean[] calls = {false};
        for (Entry part : e.hvp() == null ? List.of(e) : List.of(e, e.hvp())) {
          Walk.each(
              part.model().body(),
              s -> Walk.eachExpr(
                  s, x -> calls[0] |= x instanceof Expr.DiffCall d
                      && d.callee().grad().equals(grad) && failed.contains(d.callee().gradName())));
        }
        if (calls[0]) {
          it.remove();
          if (e.hidden()) {
            failed.add(e.name());
          }
          dropped = true;
        }
      }
    }
  }


  /**
   * @param jvpRecord the forward-mode record's name, or null where forward mode is not asked for
   * @param name the generated method's name; {@code hidden} for a recursive helper's private one
   */
  private Entry method(
      ExecutableElement m, String record, String jvpRecord, FieldCopies copies, RecursiveHelpers recursive,
      String name, boolean hidden) {
    // Each stage reports all it finds before a failure stops the method, so that one
    // compilation shows every problem a stage can see.
    if (unknownType(m.getReturnType()) || m.getParameters().stream().anyMatch(p -> unknownType(p.asType()))) {
      return null; // a class javac does not know (yet): javac reports it, or another round makes it
    }
    boolean signed = new Signature(reporter).check(m);
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    List<TypeElement> overriding = overrides == null ? List.of() : overrides.of(m, declaring);
    if (!overriding.isEmpty()) {
      reporter.error(Tag.UNSUPPORTED, io.github.backprop.processor.read.Overrides.message(m, declaring, overriding), m);
      signed = false;
    }
    MethodTree tree = trees.getTree(m);
    CompilationUnitTree unit = unitOf(m);
    if (unit == null || tree == null || tree.getBody() == null) {
      return null;
    }
    if (new Fence(reporter).check(tree.getBody(), unit) > 0 || !signed) {
      return null;
    }
    if (new CheckpointMarks(reporter).check(tree, unit) > 0) {
      return null;
    }
    int errors = reporter.errorCount();
    MethodReader reader =
        new MethodReader(trees, processingEnv.getElementUtils(), reporter, rules, copies, recursive, overrides);
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
    boolean records = reader.shapes().stream().anyMatch(io.github.backprop.processor.ir.ParamShape::isRecord);
    if (records && Cotangent.returnsArray(model)) {
      if (reader.shapes().stream().anyMatch(io.github.backprop.processor.ir.ParamShape::array)) {
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
        wrapped.put(flat, new io.github.backprop.processor.plan.Wrapper(flat, record, reader.shapes()));
      }
      return flat;
    }
    if (Cotangent.returnsArray(model)) {
      return vector(m, model, record, jvpRecord, name, false);
    }
    GradMethod grad = deriver.derive(model, activity, reporter);
    JvpMethod jvp = jvpRecord == null ? null : ForwardSweep.derive(model, jvpRecord, reporter);
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (Var p : model.params()) {
      names.add(p.name());
      types.add(p.type());
    }
    Entry hvp = !hidden && isHessian(m) ? secondOrder(m, model, record, name) : null;
    if (hidden && tangentsWanted.contains(name)) {
      int before = reporter.errorCount();
      try {
        hvp = secondOrder(m, model, record, name);
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
      return new Entry(
          model, grad, record,
          GeneratedNames.accessors(names, types, model.independents().stream().map(Var::name).collect(java.util.stream.Collectors.toSet())),
          null, null, name, true, null);
    }
    if (records) {
      // The sweeps work over the components; a public method taking the records wraps it.
      Entry flat =
          new Entry(
              model, grad, "_" + record,
              GeneratedNames.accessors(names, types, model.independents().stream().map(Var::name).collect(java.util.stream.Collectors.toSet())),
              jvp, jvpRecord, "_" + name, true, hvp);
      wrapped.put(flat, new io.github.backprop.processor.plan.Wrapper(flat, record, reader.shapes()));
      return flat;
    }
    return new Entry(
        model, grad, record, GeneratedNames.accessors(names, types, Annotations.wrt(m)), jvp, jvpRecord, name,
        hidden, hvp);
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
    GradMethod grad = Cotangent.withResult(deriver.derive(dm, Activity.of(dm.independents(), dm.body()), reporter), dot);
    JvpMethod jvp = jvpRecord == null ? null : ForwardSweep.derive(model, jvpRecord, reporter);
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (Var p : model.params()) {
      names.add(p.name());
      types.add(p.type());
    }
    // Over a record's components, wrt is the components the reader made parameters of.
    java.util.Set<String> wrt = flat
        ? model.independents().stream().map(Var::name).collect(java.util.stream.Collectors.toSet())
        : Annotations.wrt(m);
    List<String> accessors = GeneratedNames.accessors(names, types, wrt);
    List<String> withCotangent = new ArrayList<>(accessors);
    withCotangent.add(null); // the cotangent is data
    Entry vjp = new Entry(dm, grad, record + "Vjp", withCotangent, null, null, name + "Vjp", flat, null);
    return new Entry(model, grad, record, accessors, jvp, jvpRecord, name, flat, vjp);
  }

  /**
   * The private gradient of m's tangent, reverse over forward ({@link SecondOrder}), from which
   * the writer builds {@code mHvp} and {@code mHessian}; null where it cannot be built (reported).
   */
  private Entry secondOrder(ExecutableElement m, MethodModel model, String record, String name) {
    Owner grad = currentGrad;
    java.util.Set<Callee> derived = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    JvpMethod forward = ForwardSweep.derive(model, record + "Jvp", reporter, c -> {
      Callee t = tangentMethod(c, grad);
      if (t != null) {
        derived.add(c);
        derived.add(t);
      }
      return t;
    });
    String why = SecondOrder.unsupported(forward, derived::contains);
    if (why != null) {
      reporter.error(
          Tag.UNSUPPORTED,
          "hessian = true does not support " + why + "; the gradient and forward mode do",
          m);
      return null;
    }
    MethodModel tangent = SecondOrder.tangentModel(model, forward);
    Activity activity = Activity.of(tangent.independents(), tangent.body());
    String underived = SecondOrder.underived(tangent, activity);
    if (underived != null) {
      reporter.error(Tag.UNSUPPORTED, "hessian = true does not support " + underived + "; the gradient and forward mode do", m);
      return null;
    }
    GradMethod gradient = deriver.derive(tangent, activity, reporter);
    List<String> names = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (Var p : tangent.params()) {
      names.add(p.name());
      types.add(p.type());
    }
    return new Entry(
        tangent, gradient, "_" + record + "Tangent",
        GeneratedNames.accessors(names, types, tangent.independents().stream().map(Var::name).collect(java.util.stream.Collectors.toSet())),
        null, null,
        tangentName(name), true, null);
  }

  /** The private gradient of {@code name}'s tangent: {@code _mTangent}, {@code __fibTangent}. */
  private static String tangentName(String name) {
    return "_" + name + "Tangent";
  }

  /**
   * The tangent method of callee {@code c}, when it has one in {@code grad}, for second order to
   * call ({@link ForwardSweep#derive(MethodModel, String, ErrorReporter,
   * java.util.function.Function)}): {@code c} calls itself (it reaches forward mode as a call) and
   * is a method of this class with {@code hessian = true} or one of its recursive helpers, which
   * then gets its tangent method too; null otherwise.
   */
  private Callee tangentMethod(Callee c, Owner grad) {
    if (!c.grad().equals(grad) || !c.writes().isEmpty()) {
      return null;
    }
    boolean helper = c.gradName().startsWith("_" + c.name());
    // one annotated method of that name and arity (an overloaded one is left to the error)
    List<ExecutableElement> named = annotated.stream()
        .filter(x -> x.getSimpleName().contentEquals(c.gradName()) && x.getParameters().size() == c.paramTypes().size())
        .toList();
    boolean hessian = !helper && named.size() == 1 && isHessian(named.get(0));
    if (!helper && !hessian) {
      return null;
    }
    List<Type> types = new ArrayList<>(c.paramTypes());
    List<String> accessors = new ArrayList<>(c.accessors());
    java.util.Set<Integer> unread = new java.util.HashSet<>(c.unread());
    for (int i = 0; i < c.paramTypes().size(); i++) {
      String a = c.accessors().get(i);
      if (a != null) {
        if (a.endsWith("_")) {
          return null; // a component renamed (value_): the tangent parameter's name is not its own
        }
        types.add(c.paramTypes().get(i));
        accessors.add("_t_" + a);
        if (c.unread().contains(i)) {
          unread.add(types.size() - 1);
        }
      }
    }
    if (helper) {
      tangentsWanted.add(c.gradName());
    }
    String simple = c.record().simpleNames();
    String record = "_" + simple.substring(simple.lastIndexOf('.') + 1) + "Tangent";
    return new Callee(
        c.owner(), grad, tangentName(c.gradName()), tangentName(c.gradName()), types, accessors,
        new Owner(grad.packageName(), grad.simpleNames() + "." + record), false, true, java.util.Set.of(), unread,
        c.result());
  }
}
