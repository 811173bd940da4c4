package io.github.backprop.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.bridge.EcjBridge;
import io.github.backprop.processor.check.Fence;
import io.github.backprop.processor.check.HiddenMethods;
import io.github.backprop.processor.check.QuietMethods;
import io.github.backprop.processor.check.Signature;
import io.github.backprop.processor.derive.ForwardSweep;
import io.github.backprop.processor.derive.ReverseSweep;
import io.github.backprop.processor.diag.DeepStack;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.read.CalleeCache;
import io.github.backprop.processor.read.MethodReader;
import io.github.backprop.processor.read.Overrides;
import io.github.backprop.processor.read.Records;
import io.github.backprop.processor.read.RuleReader;
import io.github.backprop.processor.rules.CustomRule;
import io.github.backprop.processor.rules.CustomRules;
import io.github.backprop.processor.write.GradFiles;
import io.github.backprop.processor.write.GradWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
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
 * ForwardSweep}, for {@code forward = true}), {@link GradWriter} writes. A failure abandons one
 * method, never the run. This class takes javac's rounds: {@link Rounds} says which classes each
 * generates, {@link Generation} generates one, {@link MethodStages} takes one method through the
 * stages.
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
@SupportedOptions({BackpropProcessor.DEBUG, BackpropProcessor.BLOCKING, EcjBridge.NO_GENERATED})
public final class BackpropProcessor extends AbstractProcessor {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  /**
   * {@code -Abackprop.debug=true} prints every generated class as a compiler note; {@code
   * -Abackprop.debug=stages} also prints each method's body after every pass of the derive stage.
   */
  public static final String DEBUG = "backprop.debug";

  /**
   * {@code -Abackprop.blocking=false} runs the iterations of a sum over samples one at a time, as
   * written, instead of several side by side (the same results to the bit, in more time).
   */
  public static final String BLOCKING = "backprop.blocking";

  private final Deriver deriver;
  /** Whether {@link #deriver} is the processor's own, which {@link #BLOCKING} configures. */
  private final boolean ownDeriver;
  /** The @DerivativeOf rules of the compilation, gathered round by round. */
  private final CustomRules rules = new CustomRules();
  private final Rounds rounds = new Rounds();
  private final SourceUnits units = new SourceUnits();
  private Trees trees;
  /** Under the Eclipse compiler, which has no {@link Trees}: runs javac on the same sources. */
  private EcjBridge bridge;
  private ErrorReporter reporter;
  /** The classes of the compilation, gathered round by round: where an object's methods are overridden. */
  private Overrides overrides;
  /** The Grad classes written so far, across rounds. */
  private GradFiles files;
  private Options options;
  /** The files checked for methods javac hides from processors, by a round or as javac analysed them. */
  private final Set<CompilationUnitTree> scanned = new HashSet<>();

  public BackpropProcessor() {
    this.deriver = ReverseSweep::derive;
    this.ownDeriver = true;
  }

  BackpropProcessor(Deriver deriver) {
    this.deriver = deriver;
    this.ownDeriver = false;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.read(env.getOptions(), env.getMessager());
    HiddenMethods.watch(env, scanned);
    rounds.watch(QuietMethods.watch(env));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty() && !rounds.pending()) {
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

  /** Errors said on elements in any round: a class read again in a later round says each once. */
  private final java.util.Set<String> saidOnElements = new java.util.HashSet<>();

  /** One round under javac, on {@link DeepStack}'s thread. */
  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reporter = new ErrorReporter(trees, processingEnv.getMessager(), saidOnElements);
    if (options.stages()) {
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
    List<List<ExecutableElement>> classes =
        rounds.start(annotations, round, processingEnv.getElementUtils(), ANNOTATION);
    if (overrides == null) {
      overrides = new Overrides(processingEnv.getElementUtils());
    }
    overrides.addAll(round.getRootElements());
    Records.declaredBy(e -> trees.getTree(e) != null);
    for (Element root : round.getRootElements()) {
      CompilationUnitTree unit = units.of(root, trees);
      if (unit != null && scanned.add(unit)) {
        new HiddenMethods(reporter, processingEnv.getElementUtils()).check(unit);
      }
    }
    if (files == null) {
      files = new GradFiles(processingEnv, options.debug());
    }
    Deriver derive = ownDeriver && !options.blocking()
        ? (model, activity, r) -> ReverseSweep.derive(model, activity, r, false)
        : deriver;
    Context context =
        new Context(
            trees, processingEnv.getElementUtils(), reporter, rules, overrides, derive, units,
            new CalleeCache(e -> units.of(e, trees), trees));
    for (List<ExecutableElement> methods : classes) {
      if (!methods.isEmpty()) {
        new Generation(context, rounds, files)
            .generate((TypeElement) methods.get(0).getEnclosingElement(), methods);
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
}
