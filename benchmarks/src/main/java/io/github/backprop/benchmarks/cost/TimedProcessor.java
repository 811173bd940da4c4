package io.github.backprop.benchmarks.cost;

import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Wraps a processor and adds up the time spent in its {@code init} and {@code process}, wall
 * clock and the thread's CPU time: the processor's own share of a compilation, as opposed to
 * javac's work on the sources it writes.
 */
final class TimedProcessor implements Processor {
  private final Processor delegate;
  private long nanos;
  private long cpuNanos;

  TimedProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  long nanos() {
    return nanos;
  }

  long cpuNanos() {
    return cpuNanos;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    long start = System.nanoTime();
    long cpu = ProcessorCost.cpuNanos();
    delegate.init(env);
    nanos += System.nanoTime() - start;
    cpuNanos += ProcessorCost.cpuNanos() - cpu;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    long cpu = ProcessorCost.cpuNanos();
    try {
      return delegate.process(annotations, round);
    } finally {
      nanos += System.nanoTime() - start;
      cpuNanos += ProcessorCost.cpuNanos() - cpu;
    }
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
