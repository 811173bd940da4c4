package io.github.backprop.processor.ir;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * A differentiable method as read from source.
 *
 * @param element the annotated method
 * @param owner its class
 * @param params its parameters, in order
 * @param independents the parameters it is differentiated with respect to, in order
 * @param body its body
 * @param sources the source text of each statement, for comments in generated code
 * @param trees the source tree of each statement and call, for diagnostics after reading
 * @param unit the compilation unit, for diagnostics
 * @param ruleHints for each call of a library method that stays as written, the {@code
 *     @DerivativeOf} rule to declare should a differentiable value reach it, for the message
 * @param notInlined for a call to a helper of the compilation kept as a call, why backprop could
 *     not differentiate it through its body, for the error if a differentiable value reaches it
 * @param copies the private static final fields of its class it reads, copied into the
 *     generated class
 */
public record MethodModel(
    ExecutableElement element,
    Owner owner,
    List<Var> params,
    List<Var> independents,
    Stmt.Block body,
    Map<Object, String> sources,
    Map<Object, Tree> trees,
    CompilationUnitTree unit,
    Map<Expr, String> ruleHints,
    Map<Expr, String> notInlined,
    List<FieldCopy> copies) {

  public String name() {
    return element.getSimpleName().toString();
  }

  /** This method with other parameters and body, as a pass makes of it: the same element and sources. */
  public MethodModel with(List<Var> params, List<Var> independents, Stmt.Block body) {
    return new MethodModel(element, owner, params, independents, body, sources, trees, unit, ruleHints, notInlined, copies);
  }

  /** The type of the method's result: {@code double}, or {@code float}. */
  public Type resultType() {
    return element.getReturnType().getKind() == javax.lang.model.type.TypeKind.FLOAT
        || BoxedResult.isFloat(element) ? Type.FLOAT : Type.DOUBLE;
  }
}
