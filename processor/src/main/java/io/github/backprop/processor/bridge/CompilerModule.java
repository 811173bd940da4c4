package io.github.backprop.processor.bridge;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Whether a class can name {@code javax.annotation.processing.Generated}: its module must read
 * {@code java.compiler}. Asked by the processor under javac and by the bridge of ecj's module.
 */
public final class CompilerModule {
  private CompilerModule() {}

  /** Whether {@code type}'s module, as {@code elements} sees it, reads {@code java.compiler}. */
  public static boolean readsJavaCompiler(Elements elements, TypeElement type) {
    ModuleElement module = elements.getModuleOf(type);
    if (module == null || module.isUnnamed()) {
      return true;
    }
    for (ModuleElement.Directive d : module.getDirectives()) {
      if (d instanceof ModuleElement.RequiresDirective r) {
        String name = r.getDependency().getQualifiedName().toString();
        if (name.equals("java.compiler") || name.equals("java.se")) {
          return true;
        }
      }
    }
    return false;
  }
}
