package io.github.backprop.processor.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One corpus method, compiled on its own: the whole compilation unit {@code source} declares
 * class {@code pkg.className}, where {@code method} (with parameter types {@code types}, or null
 * for the only method of that name) carries the one {@code @Differentiable}. {@code points} are
 * argument lists in {@link Points} syntax; {@code origin} says where the text comes from and
 * what was changed; {@code vector} whether the method returns {@code double[]}.
 */
record CorpusUnit(
    String id,
    String pkg,
    String className,
    String source,
    String method,
    List<String> types,
    List<String> points,
    String origin,
    boolean vector) {

  private static final Pattern ANNOTATION =
      Pattern.compile("@(?:io\\.github\\.backprop\\.)?Differentiable\\b(\\s*\\(\\s*(\\)?))?");

  /** Where {@link MethodExtractor} starts another file of the unit, a class the library keeps in a file of its own. */
  static final String FILE_MARK = "//--- file ";

  String qualifiedName() {
    return pkg + "." + className;
  }

  /** The unit's source files: its class, then each class the library keeps in a file of its own. */
  List<javax.tools.JavaFileObject> files() {
    List<javax.tools.JavaFileObject> out = new java.util.ArrayList<>();
    String[] parts = source.split("\n" + Pattern.quote(FILE_MARK));
    out.add(com.google.testing.compile.JavaFileObjects.forSourceString(qualifiedName(), parts[0]));
    for (int i = 1; i < parts.length; i++) {
      int eol = parts[i].indexOf('\n');
      String name = parts[i].substring(0, eol).strip();
      out.add(com.google.testing.compile.JavaFileObjects.forSourceString(pkg + "." + name, parts[i].substring(eol + 1)));
    }
    return out;
  }

  /**
   * The same unit with {@code forward = true} (and {@code hessian = true} when asked, which a method
   * returning {@code double[]} does not take) added to its
   * one {@code @Differentiable}, the attributes it has kept ({@code wrt}, {@code rules}).
   */
  CorpusUnit withModes(boolean hessian) {
    Matcher m = ANNOTATION.matcher(source);
    int found = -1;
    for (int from = 0; m.find(from); from = m.end()) {
      String line = source.substring(source.lastIndexOf('\n', m.start()) + 1, m.start()).strip();
      if (line.contains("//") || line.startsWith("*")) {
        continue; // a comment (the origin's "added @Differentiable", javadoc)
      }
      if (found >= 0) {
        throw new IllegalStateException(id + ": more than one @Differentiable in the unit");
      }
      found = m.start();
    }
    if (found < 0) {
      throw new IllegalStateException(id + ": no @Differentiable in the unit");
    }
    m.find(found);
    int at = m.end();
    String modes = hessian && !vector ? "forward = true, hessian = true" : "forward = true";
    String text;
    if (m.group(1) == null) {
      text = source.substring(0, at) + "(" + modes + ")" + source.substring(at);
    } else if (!m.group(2).isEmpty()) {
      text = source.substring(0, m.start(2)) + modes + source.substring(m.start(2));
    } else {
      text = source.substring(0, at) + modes + ", " + source.substring(at);
    }
    return new CorpusUnit(id, pkg, className, text, method, types, points, origin, vector);
  }
}
