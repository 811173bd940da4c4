package io.github.backprop.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.fuzz.Ast.Block;
import io.github.backprop.processor.fuzz.Ast.DoWhile;
import io.github.backprop.processor.fuzz.Ast.For;
import io.github.backprop.processor.fuzz.Ast.ForEach;
import io.github.backprop.processor.fuzz.Ast.If;
import io.github.backprop.processor.fuzz.Ast.Method;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.Raw;
import io.github.backprop.processor.fuzz.Ast.Return;
import io.github.backprop.processor.fuzz.Ast.Stmt;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Ast.While;
import io.github.backprop.processor.fuzz.Batch.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Invalid input (issue 4, item 2): valid generated methods with one or a few faults put in at
 * random places: constructs backprop does not support (try, switch, lambdas, new, strings,
 * char arrays, field writes, ...), errors javac reports (unknown
 * names, type errors, missing returns, unreachable code, ...), and bad signatures. Checks that
 * the compiler run never throws and backprop never reports {@code [BackpropBug]}, that the
 * compilation fails, that backprop reports at most one error per fault and none elsewhere, that
 * it reports each unsupported construct with the expected tag, and that javac's own errors are
 * javac's: no error of backprop's on them, none in generated code.
 */
final class Invalid {
  /** Who should report a fault. */
  enum Who {
    /** backprop: exactly one error of its own, with {@link Fault#tag}, on the fault's line. */
    BACKPROP,
    /** javac: its own error; none of backprop's, none in generated code. */
    JAVAC
  }

  /** One fault. {@code marker} is a comment in the fault's text, to find its line. */
  record Fault(String kind, Who who, String tag, String marker, int span, boolean header) {}

  /**
   * An invalid method: its source tree (faults as raw statements), its faults, and the batch it
   * came from (for the callees it calls).
   */
  record Program(Unit unit, List<Fault> faults, Map<String, String> headerEdits, Batch batch) {}

  enum Kind {
    EXCEPTION("an exception escaped the compiler run"),
    BACKPROP_BUG("[BackpropBug] on invalid input"),
    ACCEPTED("an invalid method compiled"),
    TOO_MANY_ERRORS("more than one error of backprop's for one fault"),
    SPURIOUS_ERROR("an error of backprop's away from every fault"),
    MISSING_ERROR("an unsupported construct without its error"),
    WRONG_TAG("an unsupported construct reported with an unexpected tag"),
    OURS_FOR_JAVAC_ERROR("backprop reports an error javac reports itself"),
    NO_JAVAC_ERROR("javac's own error is not reported"),
    GENERATED_CODE_ERROR("an error in generated code for invalid input");

    final String description;

    Kind(String d) {
      description = d;
    }
  }

  record Failure(Kind kind, Program program, String detail) {
    @Override
    public String toString() {
      return kind + " in " + program.unit().method().name() + " (" + program.unit().origin() + ", faults "
          + program.faults().stream().map(Fault::kind).toList() + "): " + detail;
    }
  }

  static final String FIELDS =
      """
        static double state;
        private static final double hidden;

        static {
          if (Math.sqrt(2) > 1) {
            hidden = Math.sqrt(2);
          } else {
            hidden = 1;
          }
        }
        double inst = 2;
      """;

  // ------------------------------------------------------------------ generation

  private final Random rnd;
  private final Set<Feature> features;
  private int markers;

  Invalid(Random rnd, Set<Feature> features) {
    this.rnd = rnd;
    this.features = features;
  }

  /** Invalid versions of the programs of a generated batch, 1 to 3 faults each (mostly 1). */
  static List<Program> generate(long seed, int n, Set<Feature> f) {
    Batch b = Batch.generate(seed, n, f);
    Invalid inv = new Invalid(new Random(Batch.mix(seed, -7)), f);
    List<Program> out = new ArrayList<>();
    for (Unit u : b.programs) {
      int faults = inv.rnd.nextInt(10) < 8 ? 1 : 2 + inv.rnd.nextInt(2);
      out.add(inv.inject(u, faults, b));
    }
    return out;
  }

  Program inject(Unit u, int count, Batch batch) {
    Method m = u.method();
    List<Fault> faults = new ArrayList<>();
    Map<String, String> header = new LinkedHashMap<>();
    String d = firstDouble(m);
    for (int i = 0; i < count; i++) {
      String marker = "/*F" + (markers++) + "*/";
      if (rnd.nextInt(8) == 0 && header.isEmpty()) {
        String[] sig = signatureFault(m);
        header.put(sig[1], sig[2]);
        faults.add(new Fault(sig[0], Who.BACKPROP, "[BackpropSignature]", marker, 1, true));
        continue;
      }
      if (rnd.nextInt(12) == 0 && faults.stream().noneMatch(x -> x.kind().equals("missing return"))) {
        Method without = dropFinalReturn(m);
        if (without != null) {
          m = without;
          faults.add(new Fault("missing return", Who.JAVAC, null, null, 1, false));
          continue;
        }
      }
      String[] t = template(d, marker);
      Who who = t[1].equals("javac") ? Who.JAVAC : Who.BACKPROP;
      int span = t[2].split("\n", -1).length;
      faults.add(new Fault(t[0], who, who == Who.JAVAC ? null : t[1], marker, span, false));
      Raw raw = new Raw(t[2]);
      if (t[0].equals("unreachable statement")) {
        List<Stmt> st = new ArrayList<>(m.body().stmts());
        st.add(raw);
        m = m.withBody(new Block(st));
      } else if (t[0].equals("break outside loop")) {
        List<Stmt> st = new ArrayList<>(m.body().stmts());
        st.add(0, raw);
        m = m.withBody(new Block(st));
      } else {
        m = m.withBody(insert(m.body(), raw));
      }
    }
    return new Program(new Unit(m, u.points(), u.origin()), faults, header, batch);
  }

  private static String firstDouble(Method m) {
    for (Param p : m.params()) {
      if (p.type() == T.DOUBLE) {
        return p.name();
      }
    }
    throw new IllegalStateException("no double parameter");
  }

  /** {kind, who or tag, text}: one fault as a statement, written in terms of the double {@code d}. */
  private String[] template(String d, String mk) {
    String v = "f" + markers + "_v";
    boolean loops = features.contains(Feature.LOOPS);
    boolean arrays = features.contains(Feature.ARRAYS);
    List<String[]> all = new ArrayList<>();
    String u = "[BackpropUnsupported]";
    // A finally that assigns is supported; one that also logs is not.
    all.add(new String[] {"finally that assigns and logs", u, mk + " try {\n  " + d + " = Math.log(" + d + ");\n} finally {\n  " + d + " = " + d + " + 1;\n  System.out.println(" + d + ");\n}"});
    // A lambda a library method calls, returning a double: a derivative could pass through it.
    all.add(new String[] {"lambda", u, mk + " double " + v + " = java.util.OptionalDouble.empty().orElseGet(() -> 1.0) * " + d + ";"});
    all.add(new String[] {"method reference", u, mk + " double " + v + " = java.util.OptionalDouble.empty().orElseGet(Math::random) * " + d + ";"});
    all.add(new String[] {"array in an object", u, mk + " Object " + v + " = new double[] {" + d + "};"});
    all.add(new String[] {"string beside a number in a conditional", u, mk + " String " + v + " = \"n\" + (" + d + " > 0 ? \"abc\" : 1);"});
    all.add(new String[] {"number cast to an object", u, mk + " boolean " + v + " = ((Object) " + d + ") == null;"});
    all.add(new String[] {"char array", u, mk + " char[] " + v + " = {'c'};"});
    all.add(new String[] {"object local", u, mk + " Object " + v + " = " + d + ";"});
    all.add(new String[] {"synchronized", u, mk + " synchronized (C.class) {\n  " + d + " = " + d + " + 1;\n}"});
    all.add(new String[] {"instanceof", u, mk + " boolean " + v + " = ((Object) " + d + ") instanceof Double;"});
    all.add(new String[] {"assigned inside its own compound assignment", u, mk + " " + d + " += (" + d + " = 2) * 3;"});
    all.add(new String[] {"field write", u, mk + " state = " + d + ";"});
    all.add(new String[] {"class literal", u, mk + " Object " + v + " = C.class;"});
    all.add(new String[] {"private field set in a static block", "[BackpropField]", mk + " " + d + " = " + d + " * hidden;"});
    all.add(new String[] {"instance field", "[BackpropField]", mk + " " + d + " = " + d + " * inst;"});
    all.add(new String[] {"library call with derivative", "[BackpropNoDerivative]", mk + " " + d + " = " + d + " * java.math.BigDecimal.valueOf(" + d + ").doubleValue();"});
    if (!loops) {
      all.add(new String[] {"for loop", u, mk + " for (int i = 0; i < 2; i++) {\n  " + d + " = " + d + " * 2;\n}"});
      all.add(new String[] {"while loop", u, mk + " while (" + d + " > 100) {\n  " + d + " = " + d + " / 2;\n}"});
      all.add(new String[] {"labelled block", u, mk + " lbl" + markers + ": {\n  " + d + " = " + d + " * 2;\n}"});
    } else {
      all.add(new String[] {"break outside loop", "javac", mk + " break;"});
    }
    if (!arrays) {
      all.add(new String[] {"array local", u, mk + " double[] " + v + " = {" + d + ", 1};"});
    }
    // javac's own errors
    all.add(new String[] {"unknown variable", "javac", mk + " " + d + " = " + d + " * nosuchVar;"});
    all.add(new String[] {"unknown method", "javac", mk + " " + d + " = nosuch(" + d + ");"});
    all.add(new String[] {"unknown class", "javac", mk + " " + d + " = Foo.bar(" + d + ");"});
    all.add(new String[] {"unknown field", "javac", mk + " " + d + " = C.nosuch * " + d + ";"});
    all.add(new String[] {"boolean to double", "javac", mk + " double " + v + " = true;"});
    all.add(new String[] {"double to boolean", "javac", mk + " boolean " + v + " = " + d + ";"});
    all.add(new String[] {"lossy double to int", "javac", mk + " int " + v + " = " + d + ";"});
    all.add(new String[] {"bitwise on double", "javac", mk + " int " + v + " = 1 & (int) " + d + " | " + d + ";"});
    all.add(new String[] {"boolean arithmetic", "javac", mk + " " + d + " = " + d + " * true;"});
    all.add(new String[] {"wrong arity Math", "javac", mk + " " + d + " = Math.sin(" + d + ", " + d + ");"});
    all.add(new String[] {"wrong type Math", "javac", mk + " " + d + " = Math.floorMod(" + d + ", 2);"});
    all.add(new String[] {"wrong arity helper", "javac", mk + " " + d + " = C.plain0(1.0, 2, 3);"});
    all.add(new String[] {"duplicate variable", "javac", mk + " double " + d + " = 1;"});
    all.add(new String[] {"uninitialized variable", "javac", mk + " double " + v + ";\n" + d + " = " + v + " * 2;"});
    all.add(new String[] {"return without value", "javac", mk + " if (" + d + " > 100) return;"});
    all.add(new String[] {"unreachable statement", "javac", mk + " " + d + " = 1;"});
    all.add(new String[] {"condition not boolean", "javac", mk + " if (" + d + ") {\n  " + d + " = 1;\n}"});
    return all.get(rnd.nextInt(all.size()));
  }

  /** {kind, old header text, new header text}. */
  private String[] signatureFault(Method m) {
    String head = (m.isPrivate() ? "private static double " : "static double ") + m.name() + "(";
    List<String[]> all = new ArrayList<>();
    all.add(new String[] {"returns int", head, head.replace("double ", "int ")});
    all.add(new String[] {"instance method with a parameter named self", head, head.replace("static ", "") + "double self, "});
    all.add(new String[] {"generic", head, head.replace("static ", "static <Q> ")});
    all.add(new String[] {"raw Map parameter", head, head + "@SuppressWarnings(\"rawtypes\") java.util.Map label, "});
    if (!features.contains(Feature.ARRAYS)) {
      all.add(new String[] {"array parameter", head, head + "double[] arr, "});
    }
    // varargs of a type backprop does not take (double... is a double[] parameter)
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < m.params().size(); i++) {
      Param p = m.params().get(i);
      params.append(i == 0 ? "" : ", ").append(p.type().java).append(' ').append(p.name());
    }
    all.add(new String[] {"varargs", head + params + ")", head + params + ", String... rest)"});
    return all.get(rnd.nextInt(all.size()));
  }

  private static Method dropFinalReturn(Method m) {
    List<Stmt> s = new ArrayList<>(m.body().stmts());
    if (s.isEmpty() || !(s.get(s.size() - 1) instanceof Return)) {
      return null;
    }
    s.remove(s.size() - 1);
    return m.withBody(new Block(s));
  }

  /** {@code body} with {@code fault} put at a random reachable place. */
  private Block insert(Block body, Stmt fault) {
    List<Block> blocks = new ArrayList<>();
    collect(body, blocks);
    Block target = blocks.get(rnd.nextInt(blocks.size()));
    return (Block) replaceBlock(body, target, fault);
  }

  private static void collect(Stmt s, List<Block> out) {
    if (s instanceof Block b) {
      out.add(b);
    }
    for (Stmt c : Edit.children(s)) {
      collect(c, out);
    }
  }

  private Stmt replaceBlock(Stmt s, Block target, Stmt fault) {
    if (s == target) {
      Block b = (Block) s;
      List<Stmt> st = new ArrayList<>(b.stmts());
      // Before a final statement that ends the block, never after it.
      int max = st.isEmpty() ? 0 : st.size() - 1;
      st.add(rnd.nextInt(max + 1), fault);
      return new Block(st);
    }
    if (s instanceof Block b) {
      List<Stmt> st = new ArrayList<>();
      for (Stmt x : b.stmts()) {
        st.add(replaceBlock(x, target, fault));
      }
      return new Block(st);
    }
    if (s instanceof If f) {
      return new If(f.cond(), (Block) replaceBlock(f.then(), target, fault),
          f.otherwise() == null ? null : (Block) replaceBlock(f.otherwise(), target, fault), true);
    }
    if (s instanceof For f) {
      return new For(f.label(), f.init(), f.cond(), f.update(), (Block) replaceBlock(f.body(), target, fault));
    }
    if (s instanceof While w) {
      return new While(w.label(), w.cond(), (Block) replaceBlock(w.body(), target, fault));
    }
    if (s instanceof DoWhile w) {
      return new DoWhile(w.label(), (Block) replaceBlock(w.body(), target, fault), w.cond());
    }
    if (s instanceof ForEach f) {
      return new ForEach(f.label(), f.elemType(), f.var(), f.array(), (Block) replaceBlock(f.body(), target, fault));
    }
    if (s instanceof Ast.Switch w) {
      List<Ast.Case> cs = new ArrayList<>();
      for (Ast.Case c : w.cases()) {
        cs.add(new Ast.Case(c.labels(), (Block) replaceBlock(c.body(), target, fault), c.comma()));
      }
      return new Ast.Switch(w.selector(), cs, w.arrow());
    }
    return s;
  }

  // ------------------------------------------------------------------ checking

  /** Counts, for the summary. */
  static final class Stats {
    long programs;
    long faults;
    long compilations;
    final Map<Kind, Long> failures = new LinkedHashMap<>();
  }

  final Stats stats = new Stats();

  /**
   * Checks invalid programs: those whose faults backprop should report are compiled together;
   * those with only javac faults together (an error of backprop's stops javac before it
   * attributes, so mixing them would hide javac's errors), and again apart where one hid them.
   */
  List<Failure> check(List<Program> programs) {
    List<Program> ours = new ArrayList<>();
    List<Program> theirs = new ArrayList<>();
    for (Program p : programs) {
      stats.programs++;
      stats.faults += p.faults().size();
      (p.faults().stream().allMatch(f -> f.who() == Who.JAVAC) ? theirs : ours).add(p);
    }
    List<Failure> out = new ArrayList<>(checkGroup(ours));
    // javac stops before flow analysis (missing return, unreachable code, unassigned locals) once
    // any method has an attribution error, and before attribution once backprop reports one: a
    // method whose javac error did not show is checked again on its own.
    List<Failure> group = checkGroup(theirs);
    java.util.Set<Program> again = new java.util.LinkedHashSet<>();
    for (Failure f : group) {
      if (f.kind() == Kind.NO_JAVAC_ERROR && theirs.size() > 1) {
        again.add(f.program());
      }
    }
    for (Failure f : group) {
      if (!again.contains(f.program())) {
        out.add(f);
      }
    }
    for (Program p : again) {
      out.addAll(checkGroup(List.of(p)));
    }
    for (Failure f : out) {
      stats.failures.merge(f.kind(), 1L, Long::sum);
    }
    return out;
  }

  private List<Failure> checkGroup(List<Program> programs) {
    if (programs.isEmpty()) {
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    for (Program p : programs) {
      units.add(p.unit());
    }
    Batch origin = programs.get(0).batch();
    Batch b = origin.with(origin.calleesNeededBy(units), units);
    Batch.Sources s = b.sources();
    String c = s.files().get("p.C").replace("class C {\n", "class C {\n" + FIELDS);
    // The fields add lines above every method.
    int shift = (int) FIELDS.chars().filter(ch -> ch == '\n').count();
    for (Program p : programs) {
      for (Map.Entry<String, String> e : p.headerEdits().entrySet()) {
        c = c.replace(e.getKey(), e.getValue());
      }
    }
    List<Failure> out = new ArrayList<>();
    Compilation comp;
    stats.compilations++;
    String[] lines = c.split("\n", -1);
    try {
      List<JavaFileObject> files = new ArrayList<>();
      files.add(JavaFileObjects.forSourceString("p.C", c));
      if (s.files().containsKey("p.H")) {
        files.add(JavaFileObjects.forSourceString("p.H", s.files().get("p.H")));
      }
      comp = javac().withProcessors(new BackpropProcessor()).withOptions("-Xlint:all", "-Werror").compile(files);
    } catch (RuntimeException | Error e) {
      for (Program p : programs) {
        out.add(new Failure(Kind.EXCEPTION, p, String.valueOf(e)));
      }
      return out;
    }
    if (Boolean.getBoolean("fuzz.debugInvalid")) {
      System.out.println(c);
      comp.diagnostics().forEach(d -> System.out.println(Checker.describe(d) + " uri=" + (d.getSource() == null ? null : d.getSource().toUri())));
    }
    if (comp.status() == Compilation.Status.SUCCESS) {
      for (Program p : programs) {
        out.add(new Failure(Kind.ACCEPTED, p, "compiled without error"));
      }
      return out;
    }
    for (Program p : programs) {
      int[] span = s.lines().get(p.unit().key());
      int from = span[0] + shift;
      int to = span[1] + shift;
      List<Diagnostic<? extends JavaFileObject>> mine = new ArrayList<>();
      List<Diagnostic<? extends JavaFileObject>> javacs = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : comp.diagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
          continue;
        }
        String file = d.getSource().toUri().getPath();
        if (!file.substring(file.lastIndexOf('/') + 1).equals("C.java")) {
          continue; // generated code: pinned below; H holds only valid callees
        }
        if (d.getLineNumber() < from || d.getLineNumber() > to) {
          continue;
        }
        (d.getMessage(Locale.ROOT).contains("[Backprop") ? mine : javacs).add(d);
      }
      for (Diagnostic<? extends JavaFileObject> d : mine) {
        if (d.getMessage(Locale.ROOT).contains("[BackpropBug]")) {
          out.add(new Failure(Kind.BACKPROP_BUG, p, Checker.describe(d)));
        }
      }
      List<Diagnostic<? extends JavaFileObject>> unexplained = new ArrayList<>(mine);
      for (Fault f : p.faults()) {
        int[] fl = faultLines(f, lines, from, to);
        List<Diagnostic<? extends JavaFileObject>> at = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : mine) {
          if (d.getLineNumber() >= fl[0] && d.getLineNumber() <= fl[1]) {
            at.add(d);
          }
        }
        unexplained.removeAll(at);
        boolean wholeMethod = fl[0] == from && fl[1] == to;
        if (at.size() > 1 && !(wholeMethod && p.faults().size() > 1)) {
          out.add(new Failure(Kind.TOO_MANY_ERRORS, p, f.kind() + ": " + describeAll(at)));
        }
        if (f.who() == Who.BACKPROP && p.faults().size() == 1) {
          if (at.isEmpty()) {
            out.add(new Failure(Kind.MISSING_ERROR, p, f.kind() + ": no error of ours on lines " + fl[0] + "-" + fl[1] + "; got: " + describeAll(mine) + describeAll(javacs)));
          } else if (!at.get(0).getMessage(Locale.ROOT).startsWith(f.tag())) {
            out.add(new Failure(Kind.WRONG_TAG, p, f.kind() + ": expected " + f.tag() + ", got " + describeAll(at)));
          }
        }
        if (f.who() == Who.JAVAC && !at.isEmpty() && p.faults().size() == 1) {
          out.add(new Failure(Kind.OURS_FOR_JAVAC_ERROR, p, f.kind() + ": " + describeAll(at)));
        }
      }
      if (!unexplained.isEmpty()) {
        out.add(new Failure(Kind.SPURIOUS_ERROR, p, describeAll(unexplained)));
      }
      boolean allJavac = p.faults().stream().allMatch(f -> f.who() == Who.JAVAC);
      if (allJavac && mine.isEmpty() && javacs.isEmpty()) {
        out.add(new Failure(Kind.NO_JAVAC_ERROR, p, "no error at all in the method"));
      }
    }
    // Errors in generated code: pinned on the method they are in.
    for (Diagnostic<? extends JavaFileObject> d : comp.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null && d.getSource().toUri().getPath().endsWith("Grad.java")) {
        Program p = byGeneratedLine(programs, d);
        if (p != null) {
          out.add(new Failure(Kind.GENERATED_CODE_ERROR, p, Checker.describe(d)));
        } else {
          out.add(new Failure(Kind.GENERATED_CODE_ERROR, programs.get(0), "(unpinned) " + Checker.describe(d)));
        }
      }
    }
    return out;
  }

  private static Program byGeneratedLine(List<Program> programs, Diagnostic<? extends JavaFileObject> d) {
    try {
      String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
      for (int i = (int) Math.min(d.getLineNumber(), lines.length) - 1; i >= 0; i--) {
        String l = lines[i].trim();
        if (l.startsWith("public static ") && l.endsWith("{")) {
          String name = l.substring(l.indexOf(' ', "public static ".length()) + 1, l.indexOf('('));
          for (Program p : programs) {
            if (p.unit().method().name().equals(name)) {
              return p;
            }
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The line span of a fault: its marker's line and the lines its text spans; a header: the method's. */
  private static int[] faultLines(Fault f, String[] lines, int from, int to) {
    if (f.header()) {
      for (int i = from - 1; i < Math.min(to, lines.length); i++) {
        if (lines[i].contains("(") && !lines[i].trim().startsWith("@")) {
          return new int[] {i + 1, i + 1};
        }
      }
    }
    if (f.marker() == null) {
      return new int[] {from, to};
    }
    for (int i = from - 1; i < Math.min(to, lines.length); i++) {
      if (lines[i].contains(f.marker())) {
        return new int[] {i + 1, i + f.span()};
      }
    }
    return new int[] {from, to};
  }

  private static String describeAll(List<Diagnostic<? extends JavaFileObject>> ds) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      b.append("\n    ").append(Checker.describe(d).replace("\n", "\n    "));
    }
    return b.toString();
  }
}
