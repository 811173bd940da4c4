package io.github.backprop.processor;

import io.github.backprop.processor.check.QuietMethods;
import io.github.backprop.processor.read.Annotations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Which classes each of javac's rounds generates: those with a method annotated in the round, and
 * those a method of which stopped quietly in the round before at a name javac did not know, which
 * another processor may have generated since (javac reports it otherwise).
 */
final class Rounds {
  /** Classes left for the next round. */
  private final Set<String> deferred = new TreeSet<>();

  /** The classes deferred once: the next time they are written as far as they go. */
  private final Set<String> deferredOnce = new HashSet<>();

  /** Whether this round is javac's last, after which no generated file is processed. */
  private boolean lastRound;

  /** Checks, once javac has analysed them, the methods left out for javac to report. */
  private QuietMethods leftToJavac;

  void watch(QuietMethods quiet) {
    this.leftToJavac = quiet;
  }

  /** Whether a class waits for the next round. */
  boolean pending() {
    return !deferred.isEmpty();
  }

  /**
   * Starts a round: the annotated methods of each class to generate, classes in name order, each
   * class's methods the deferred class's declared ones then the round's in its order.
   *
   * @param annotation the name of {@code @Differentiable}
   */
  List<List<ExecutableElement>> start(
      Set<? extends TypeElement> annotations, RoundEnvironment round, Elements elements, String annotation) {
    lastRound = round.processingOver();
    Map<String, List<ExecutableElement>> byClass = new TreeMap<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        byClass.put(
            name,
            new ArrayList<>(
                ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                    .filter(Annotations::isDifferentiable)
                    .toList()));
      }
    }
    deferred.clear();
    for (TypeElement a : annotations) {
      if (!a.getQualifiedName().contentEquals(annotation)) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(a)) {
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
    return new ArrayList<>(byClass.values());
  }

  /**
   * Whether {@code type} waits for the next round, where the copies of its methods' local records
   * written in this one are classes (read/LocalRecordCopies); false in the last round.
   */
  boolean awaitCopies(TypeElement type) {
    if (lastRound) {
      return false;
    }
    deferred.add(type.getQualifiedName().toString());
    return true;
  }

  /**
   * Whether {@code type}, a method of which stopped quietly, is not written in this round: deferred
   * to the next, where javac knows the name or reports it, once; or this is the last round, where
   * javac reports the name and a file written would be a warning, which under -Werror would stop
   * javac before its error. Not deferred, the {@code quiet} methods are checked after javac's
   * analysis, where code javac accepts gets an error instead of no gradient and no word.
   */
  boolean holdBack(TypeElement type, List<ExecutableElement> quiet) {
    String name = type.getQualifiedName().toString();
    if (!lastRound && deferredOnce.add(name)) {
      deferred.add(name);
      return true;
    }
    if (leftToJavac != null) {
      quiet.forEach(leftToJavac::expect);
    }
    return lastRound;
  }
}
