package io.github.backprop.processor.corpus;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The plain corpus: classes under {@code corpus/plain} written the way Java programmers write
 * numerical code, several {@code @Differentiable} methods to a class. Each annotated method
 * becomes its own unit: the whole class with only that method's annotation left, so one
 * rejected construct fails one method. The points to check are {@code // at:} comment lines
 * above the method.
 */
final class PlainCorpus {
  static final Path DIR = Path.of("src/test/resources/corpus/plain");
  private static final Pattern AT = Pattern.compile("//\\s*at:(.*)");

  private PlainCorpus() {}

  static List<CorpusUnit> load(int firstIndex) throws IOException {
    List<CorpusUnit> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    int index = firstIndex;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String name = f.getFileName().toString().replace(".java", "");
      Parsed parsed = Parsed.parse(name + ".java", text);
      ClassTree c = parsed.topClass(name);
      List<MethodTree> targets = new ArrayList<>();
      List<AnnotationTree> annotations = new ArrayList<>();
      for (Tree m : c.getMembers()) {
        if (m instanceof MethodTree mt) {
          for (AnnotationTree a : mt.getModifiers().getAnnotations()) {
            if (a.getAnnotationType().toString().endsWith("Differentiable")) {
              targets.add(mt);
              annotations.add(a);
            }
          }
        }
      }
      int previousEnd = parsed.start(c);
      for (int i = 0; i < targets.size(); i++) {
        MethodTree target = targets.get(i);
        StringBuilder source = new StringBuilder(text);
        // blank out every other annotation, keeping offsets
        for (int j = annotations.size() - 1; j >= 0; j--) {
          if (j != i) {
            AnnotationTree a = annotations.get(j);
            source.replace(parsed.start(a), parsed.end(a), " ".repeat(parsed.end(a) - parsed.start(a)));
          }
        }
        String pkg = "corpus.u" + index++;
        String unitText = source.toString().replaceFirst("(?m)^package [\\w.]+;", "package " + pkg + ";");
        List<String> points = new ArrayList<>();
        Matcher m = AT.matcher(text.substring(previousEnd, parsed.start(target)));
        while (m.find()) {
          points.addAll(Points.split(m.group(1)));
        }
        previousEnd = parsed.end(target);
        String method = target.getName().toString();
        out.add(new CorpusUnit("plain/" + name + "." + method, pkg, name, unitText, method, null, points,
            "written for the corpus: corpus/plain/" + name + ".java",
            target.getReturnType().toString().equals("double[]")));
      }
    }
    return out;
  }
}
