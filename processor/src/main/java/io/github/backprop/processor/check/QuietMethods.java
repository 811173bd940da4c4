package io.github.backprop.processor.check;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * The methods the reader left without a gradient and without a message of its own, at code it
 * took for code javac rejects (a name it could not resolve, a constructor it could not match).
 * When javac goes on to generate their class, which it does only while it has reported no error
 * (javac's default), each such method with no erroneous type in it gets an error: a method is
 * never left out silently.
 */
public final class QuietMethods {
  private final Trees trees;
  /** By outermost class name: the quiet methods' classes' names and their own keys. */
  private final Map<String, List<String[]>> waiting = new HashMap<>();
  /** By outermost class name: those of them with no erroneous type after javac's analysis. */
  private final Map<String, List<TreePath>> accepted = new HashMap<>();

  private QuietMethods(Trees trees) {
    this.trees = trees;
  }

  /** A watcher that checks before javac generates a class; under a compiler that is not javac, one that checks nothing. */
  public static QuietMethods watch(ProcessingEnvironment env) {
    JavacTask task;
    Trees trees;
    try {
      task = JavacTask.instance(env);
      trees = Trees.instance(env);
    } catch (RuntimeException notJavac) {
      return new QuietMethods(null);
    }
    QuietMethods quiet = new QuietMethods(trees);
    task.addTaskListener(new TaskListener() {
      /** After javac's analysis: which methods have no erroneous type, on trees as written. */
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getTypeElement() != null && !quiet.waiting.isEmpty()) {
          guarded(() -> quiet.analysed(outermost(e.getTypeElement())));
        }
      }

      /** javac generates a class only while it has reported no error (its default): none in those methods. */
      @Override
      public void started(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.GENERATE && e.getTypeElement() != null && !quiet.accepted.isEmpty()) {
          guarded(() -> quiet.report(outermost(e.getTypeElement())));
        }
      }

      private void guarded(Runnable check) {
        try {
          check.run();
        } catch (RuntimeException bug) { // never out into javac, which would stop with a stack trace
          env.getMessager().printMessage(Diagnostic.Kind.WARNING, "[BackpropBug] backprop failed while"
              + " checking the methods it left out (" + bug + "). This is a bug in backprop; please report it");
        }
      }
    });
    return quiet;
  }

  /** {@code m} got no gradient and no message: checked once javac has accepted its class. */
  public void expect(ExecutableElement m) {
    if (trees == null) {
      return;
    }
    TypeElement type = (TypeElement) m.getEnclosingElement();
    waiting.computeIfAbsent(outermost(type).getQualifiedName().toString(), k -> new ArrayList<>())
        .add(new String[] {type.getQualifiedName().toString(), key(m)});
  }

  private void analysed(TypeElement top) {
    List<String[]> methods = waiting.remove(top.getQualifiedName().toString());
    if (methods == null) {
      return;
    }
    for (String[] wanted : methods) {
      ExecutableElement m = find(top, wanted[0], wanted[1]);
      TreePath path = m == null ? null : trees.getPath(m);
      if (path != null && path.getLeaf() instanceof MethodTree && !rejected(path)) {
        accepted.computeIfAbsent(top.getQualifiedName().toString(), k -> new ArrayList<>()).add(path);
      }
    }
  }

  private void report(TypeElement top) {
    List<TreePath> methods = accepted.remove(top.getQualifiedName().toString());
    for (TreePath m : methods == null ? List.<TreePath>of() : methods) {
      // the positions of the trees as analysed: javac's lowering has since moved nested classes out
      trees.printMessage(
          Diagnostic.Kind.ERROR,
          "[BackpropBug] backprop wrote no gradient for '" + ((MethodTree) m.getLeaf()).getName() + "': it stopped at code"
              + " it took for code javac rejects, but javac accepts it. This is a bug in backprop; please"
              + " report it with the method's source. Until it is fixed, rewrite the method in simpler"
              + " steps (-J-Dbackprop.stacktrace=true shows where backprop stopped)",
          m.getLeaf(),
          m.getCompilationUnit());
    }
  }

  /** Whether javac found an error in the method: an erroneous type on any of its trees. */
  private boolean rejected(TreePath method) {
    Boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (found[0] || tree == null) {
          return null;
        }
        if (tree instanceof ExpressionTree) {
          TypeMirror t = trees.getTypeMirror(new TreePath(getCurrentPath(), tree));
          if (t != null && t.getKind() == TypeKind.ERROR) {
            found[0] = true;
            return null;
          }
        }
        return super.scan(tree, unused);
      }
    }.scan(method, null);
    return found[0];
  }

  private static ExecutableElement find(TypeElement in, String type, String key) {
    if (in.getQualifiedName().contentEquals(type)) {
      for (Element e : in.getEnclosedElements()) {
        if (e instanceof ExecutableElement m && key(m).equals(key)) {
          return m;
        }
      }
    }
    for (Element e : in.getEnclosedElements()) {
      if (e instanceof TypeElement nested) {
        ExecutableElement m = find(nested, type, key);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  private static String key(ExecutableElement m) {
    return m.getSimpleName() + m.getParameters().stream().map(p -> p.asType().toString()).toList().toString();
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement t = type;
    while (t.getEnclosingElement() instanceof TypeElement outer) {
      t = outer;
    }
    return t;
  }
}
