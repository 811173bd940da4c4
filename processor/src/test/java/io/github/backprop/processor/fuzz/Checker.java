package io.github.backprop.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.fuzz.Ast.Param;
import io.github.backprop.processor.fuzz.Ast.T;
import io.github.backprop.processor.fuzz.Batch.Unit;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles a {@link Batch} with the processor (in memory, {@code -Xlint:all -Werror}) and checks
 * every generated gradient: {@code value()} equal to the primal's result bit for bit, and every
 * partial derivative against a Richardson-extrapolated central difference of the primal.
 *
 * <p>The finite difference is taken at h, h/2 and h/4 (h = 2e-4 max(1, |x|)), giving two
 * Richardson estimates R1 (h, h/2) and R2 (h/2, h/4). A partial passes when it is within {@link
 * #TOLERANCE} of R2 (relative to max(1, |R2|), plus the rounding noise of the differences). When
 * it is not, the point counts as not smooth (and is skipped) if R1 and R2 disagree by more than
 * that tolerance: a kink, jump or branch boundary within h, or curvature too high for the step.
 * Otherwise it is a failure. For a smooth function R2's error is about 1/15 of |R1 - R2|, so a
 * correct gradient can only fail through rounding noise comparable to the tolerance, which
 * bounded values keep far below it.
 */
final class Checker {
  static final double TOLERANCE = 1e-6;

  /**
   * Whether the campaign writes differentiable float values ({@code +FLOAT_VALUES}): their
   * rounding (about 6e-8 relative, in the primal and in the gradient alike) sets the scale of every
   * comparison, so the differences take a step ten times longer, the tolerance against them is
   * 1e-3, the comparisons of two gradients 1e-5 and the Hessian's symmetry 1e-4.
   */
  static final boolean FLOAT_VALUES =
      Feature.parse(System.getProperty("fuzz.features"), Feature.today()).contains(Feature.FLOAT_VALUES);

  static final double FD_TOLERANCE = FLOAT_VALUES ? 1e-3 : TOLERANCE;
  static final double SAME = FLOAT_VALUES ? 1e-5 : 1e-9;
  static final double SYMMETRIC = FLOAT_VALUES ? 1e-4 : 1e-8;

  /** Kinds of failure. The last two are the fuzzer's own faults (bad generated source). */
  enum Kind {
    BACKPROP_BUG("[BackpropBug] on a valid method"),
    BACKPROP_ERROR("a [Backprop...] error on a valid method"),
    GENERATED_CODE_ERROR("the generated code does not compile"),
    GENERATED_CODE_WARNING("the generated code has a warning"),
    PROCESSOR_EXCEPTION("an exception escaped the compiler run"),
    NO_GRADIENT("no gradient method was generated, and no error"),
    VALUE_MISMATCH("value() differs from the primal's result"),
    GRADIENT_MISMATCH("a partial derivative differs from finite differences"),
    NAN_GRADIENT("a partial derivative is NaN or infinite where finite differences are finite"),
    JVP_MISMATCH("mJvp's value or tangent differs from the primal and the gradient · direction"),
    JACOBIAN_MISMATCH("the Jacobian of m's vector twin (value, value²) differs from (∇m, 2·value·∇m)"),
    OBJECT_MISMATCH("m's object twin (its first parameter a field) differs from m in value or gradient"),
    RECORD_MISMATCH("m's record twin (its first parameters a record's components) differs from m in value or gradient"),
    DATA_TWIN_MISMATCH("m's data twin (enum, list, instance or record-array) differs from m in value, gradient or Jvp"),
    GRADIENT_THROWS("the gradient method throws where the primal does not"),
    SOURCE_ERROR("fuzzer fault: javac rejects the generated program itself"),
    JAVAC_BUG("javac wrote a class of the user's source that does not verify (not backprop's)"),
    PRIMAL_THROWS("fuzzer fault: the primal throws");

    final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean compileTime() {
      return ordinal() <= NO_GRADIENT.ordinal() || this == SOURCE_ERROR;
    }
  }

  /** One failure of one unit. {@code signature} groups failures that look alike. */
  record Failure(Kind kind, Unit unit, String detail, String signature, Object[] point) {
    @Override
    public String toString() {
      return kind + " in " + unit.method().name() + " (" + unit.origin() + "): " + detail;
    }
  }

  /** Counts, for the summary. */
  static final class Stats {
    long programs;
    long callees;
    long compilations;
    long compileNanos;
    long points;
    long pointsChecked;
    long pointsSkipped;
    long pointsNonFinite;
    long partialsChecked;
    long partialsNonSmooth;
    long partialsNonFinite;
    /** Points at which an object twin, and a record twin, were held against the method. */
    long objectTwinPoints;
    long recordTwinPoints;
    /** Points at which a twin of the opt-in data features ({@link DataTwins}) was held against the method. */
    long dataTwinPoints;
    /** Checked partials by log10 of their relative error: [0] <= 1e-16, [k] in [1e(k-17), 1e(k-16)). */
    final long[] errorHistogram = new long[11];
    double maxRelativeError;
    final Map<Kind, Long> failures = new LinkedHashMap<>();

    void add(Stats o) {
      programs += o.programs;
      callees += o.callees;
      compilations += o.compilations;
      compileNanos += o.compileNanos;
      points += o.points;
      pointsChecked += o.pointsChecked;
      pointsSkipped += o.pointsSkipped;
      pointsNonFinite += o.pointsNonFinite;
      partialsChecked += o.partialsChecked;
      partialsNonSmooth += o.partialsNonSmooth;
      partialsNonFinite += o.partialsNonFinite;
      objectTwinPoints += o.objectTwinPoints;
      recordTwinPoints += o.recordTwinPoints;
      dataTwinPoints += o.dataTwinPoints;
      for (int i = 0; i < errorHistogram.length; i++) {
        errorHistogram[i] += o.errorHistogram[i];
      }
      maxRelativeError = Math.max(maxRelativeError, o.maxRelativeError);
      o.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
    }

    void relativeError(double e) {
      maxRelativeError = Math.max(maxRelativeError, e);
      int b = e <= 1e-16 ? 0 : (int) Math.floor(Math.log10(e)) + 17;
      errorHistogram[Math.max(0, Math.min(errorHistogram.length - 1, b))]++;
    }
  }

  final Stats stats = new Stats();

  // ================================================================== batches

  /** Checks every unit of {@code b}; returns the failures, the first of each unit first. */
  List<Failure> check(Batch b) {
    stats.programs += b.programs.size();
    stats.callees += b.callees.size();
    List<Failure> out = checkInner(b);
    Set<String> seen = new java.util.HashSet<>();
    for (Failure f : out) {
      if (seen.add(f.unit().key())) {
        stats.failures.merge(f.kind(), 1L, Long::sum);
      }
    }
    return out;
  }

  private List<Failure> checkInner(Batch b) {
    List<Failure> out = new ArrayList<>();
    Batch rest = b;
    for (int round = 0; round < 8; round++) {
      Compiled c = compile(rest);
      if (c.ok()) {
        for (Unit u : rest.all()) {
          out.addAll(evaluate(c, u));
        }
        return out;
      }
      Map<String, List<Failure>> blamed = c.blame(rest);
      if (blamed.isEmpty()) {
        // Nothing to pin the failure on (an exception, or a diagnostic without a position).
        out.addAll(bisect(rest, c));
        return out;
      }
      // Confirm each blamed unit alone: its failure, with only its own diagnostics.
      List<Unit> keep = new ArrayList<>();
      Set<String> dropped = new LinkedHashSet<>(blamed.keySet());
      // A blamed callee takes its callers with it; they are checked again without... nothing:
      // they cannot compile without it, so they are reported with it.
      for (Unit u : rest.all()) {
        if (!dropped.contains(u.key()) && callsAny(rest, u, dropped)) {
          dropped.add(u.key());
        }
      }
      for (Unit u : rest.all()) {
        if (!dropped.contains(u.key())) {
          keep.add(u);
        }
      }
      for (String key : blamed.keySet()) {
        out.addAll(blamed.get(key));
      }
      List<Unit> callees = new ArrayList<>();
      List<Unit> programs = new ArrayList<>();
      for (Unit u : keep) {
        (rest.callees.contains(u) ? callees : programs).add(u);
      }
      if (keep.isEmpty()) {
        return out;
      }
      rest = rest.with(callees, programs);
    }
    return out;
  }

  private static boolean callsAny(Batch b, Unit u, Set<String> keys) {
    for (Unit c : b.calleesNeededBy(List.of(u))) {
      if (keys.contains(c.key())) {
        return true;
      }
    }
    return false;
  }

  /** Finds the units whose presence makes the compilation fail, by halving. */
  private List<Failure> bisect(Batch b, Compiled whole) {
    List<Unit> units = b.programs;
    if (units.size() <= 1) {
      Unit u = units.isEmpty() ? (b.callees.isEmpty() ? null : b.callees.get(b.callees.size() - 1)) : units.get(0);
      if (u == null) {
        return List.of();
      }
      // Callees alone may be the culprit: then blame the last callee.
      if (!units.isEmpty() && !b.callees.isEmpty()) {
        Compiled calleesOnly = compile(b.with(b.callees, List.of()));
        if (!calleesOnly.ok()) {
          return List.of(whole.failure(b.callees.get(b.callees.size() - 1)));
        }
      }
      return List.of(whole.failure(u));
    }
    List<Failure> out = new ArrayList<>();
    int mid = units.size() / 2;
    boolean any = false;
    for (List<Unit> half : List.of(units.subList(0, mid), units.subList(mid, units.size()))) {
      Batch hb = b.with(b.callees, half);
      Compiled c = compile(hb);
      if (!c.ok()) {
        any = true;
        Map<String, List<Failure>> blamed = c.blame(hb);
        if (!blamed.isEmpty()) {
          blamed.values().forEach(out::addAll);
          List<Unit> others = new ArrayList<>();
          for (Unit u : half) {
            if (!blamed.containsKey(u.key())) {
              others.add(u);
            }
          }
          out.addAll(checkInner(hb.with(hb.callees, others)));
        } else {
          out.addAll(bisect(hb, c));
        }
      } else {
        for (Unit u : half) {
          out.addAll(evaluate(c, u));
        }
      }
    }
    if (!any) {
      // Only together do they fail: blame the whole set.
      for (Unit u : units) {
        out.add(whole.failure(u));
      }
    }
    return out;
  }

  // ================================================================== compiling

  /** The result of one compilation. */
  final class Compiled {
    final Batch batch;
    final Batch.Sources sources;
    final Compilation compilation;
    final Throwable exception;
    private ClassLoader loader;

    Compiled(Batch batch, Batch.Sources sources, Compilation compilation, Throwable exception) {
      this.batch = batch;
      this.sources = sources;
      this.compilation = compilation;
      this.exception = exception;
    }

    boolean ok() {
      return exception == null && compilation.status() == Compilation.Status.SUCCESS;
    }

    /** The failure of {@code u} in this compilation, as a whole. */
    Failure failure(Unit u) {
      if (exception != null) {
        return new Failure(Kind.PROCESSOR_EXCEPTION, u, String.valueOf(exception), "exception " + exception.getClass().getName(), null);
      }
      return new Failure(Kind.GENERATED_CODE_ERROR, u, diagnostics(), "unattributed", null);
    }

    String diagnostics() {
      if (compilation == null) {
        return String.valueOf(exception);
      }
      StringBuilder b = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        if (d.getKind() != Diagnostic.Kind.NOTE) {
          b.append(describe(d)).append('\n');
        }
      }
      return b.toString();
    }

    /** Pins each error or warning on the unit whose source, or generated method, it is in. */
    Map<String, List<Failure>> blame(Batch b) {
      Map<String, List<Failure>> out = new LinkedHashMap<>();
      if (exception != null) {
        return out;
      }
      Map<String, Unit> byKey = new HashMap<>();
      for (Unit u : b.all()) {
        byKey.put(u.key(), u);
      }
      for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        if (d.getKind() == Diagnostic.Kind.NOTE || d.getSource() == null) {
          continue;
        }
        String msg = d.getMessage(Locale.ROOT);
        String file = d.getSource().toUri().getPath();
        String cls = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        String key;
        Kind kind;
        boolean error = d.getKind() == Diagnostic.Kind.ERROR;
        if (cls.endsWith("Grad")) {
          key = generatedMethod(d, cls.substring(0, cls.length() - "Grad".length()));
          kind = error ? Kind.GENERATED_CODE_ERROR : Kind.GENERATED_CODE_WARNING;
        } else {
          key = sourceMethod(cls, d.getLineNumber());
          kind = msg.contains("[BackpropBug]") ? Kind.BACKPROP_BUG
              : msg.contains("[Backprop") ? Kind.BACKPROP_ERROR
              : Kind.SOURCE_ERROR;
        }
        Unit u = key == null ? null : byKey.get(key);
        if (u == null) {
          continue;
        }
        String sig = kind + " " + signatureOf(msg);
        out.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Failure(kind, u, describe(d) + context(d), sig, null));
      }
      return out;
    }

    private String sourceMethod(String cls, long line) {
      for (Map.Entry<String, int[]> e : sources.lines().entrySet()) {
        if (sources.fileOf().get(e.getKey()).equals(cls) && line >= e.getValue()[0] && line <= e.getValue()[1]) {
          return e.getKey();
        }
      }
      return null;
    }

    ClassLoader loader() {
      if (loader == null) {
        loader = io.github.backprop.processor.testing.Compiled.loaderOf(compilation.generatedFiles());
      }
      return loader;
    }

    /** The generated source of a class, for reports. */
    String generatedSource(String cls) {
      if (compilation == null) {
        return null;
      }
      for (JavaFileObject f : compilation.generatedFiles()) {
        if (f.getKind() == JavaFileObject.Kind.SOURCE && f.toUri().getPath().endsWith("/p/" + cls + ".java")) {
          try {
            return f.getCharContent(true).toString();
          } catch (IOException e) {
            return null;
          }
        }
      }
      return null;
    }
  }

  private static final Pattern GRAD_METHOD = Pattern.compile("^\\s*public static \\S+ (\\S+)\\((.*)\\) \\{\\s*$");

  /** The unit key of the generated method that holds a diagnostic's line. */
  private static String generatedMethod(Diagnostic<? extends JavaFileObject> d, String owner) {
    try {
      String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
      for (int i = (int) Math.min(d.getLineNumber(), lines.length) - 1; i >= 0; i--) {
        Matcher m = GRAD_METHOD.matcher(lines[i]);
        if (m.matches()) {
          StringBuilder key = new StringBuilder(owner).append('.').append(m.group(1)).append('(');
          if (!m.group(2).isBlank()) {
            for (String p : m.group(2).split(",")) {
              key.append(p.trim().split(" ")[0]).append(',');
            }
          }
          return key.append(')').toString();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** A diagnostic with its source line. */
  private static String context(Diagnostic<? extends JavaFileObject> d) {
    try {
      String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
      long n = d.getLineNumber();
      if (n >= 1 && n <= lines.length) {
        return "\n    | " + lines[(int) n - 1].trim();
      }
    } catch (IOException | RuntimeException e) {
      // no context
    }
    return "";
  }

  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "" : d.getSource().toUri().getPath();
    file = file.substring(file.lastIndexOf('/') + 1);
    return d.getKind() + " " + file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT);
  }

  /** A message without names and numbers, to group alike failures. */
  static String signatureOf(String message) {
    String first = message.split("\n")[0];
    return first.replaceAll("'[^']*'", "'…'")
        .replaceAll("variable \\S+", "variable X")
        .replaceAll(" in (method|class) .*", "")
        .replaceAll("\\([^)]*\\)", "(…)")
        .replaceAll("\\b[_$a-zA-Z][_$a-zA-Z0-9]*\\d+\\b", "N")
        .replaceAll("\\d+", "N");
  }

  /** Compiles without the processor: the generated programs must be valid Java on their own. */
  Compiled compilePlain(Batch b) {
    Batch.Sources s = b.sources();
    List<JavaFileObject> files = new ArrayList<>();
    s.files().forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    try {
      return new Compiled(b, s, javac().withOptions("-Xlint:all", "-Xlint:-processing", "-Werror", "-proc:none").compile(files), null);
    } catch (RuntimeException | Error e) {
      return new Compiled(b, s, null, e);
    }
  }

  /** Runs the primal of {@code u} at its points; returns what went wrong, or null. */
  static String runPrimal(Compiled c, Unit u) {
    try {
      Method m = c.loader().loadClass("p." + u.method().owner()).getDeclaredMethod(u.method().name(), Batch.javaTypes(u.method().params()));
      m.setAccessible(true);
      for (Object[] p : u.points()) {
        Object r = call(m, p);
        if (!(r instanceof Double)) {
          return "no double result";
        }
      }
      return null;
    } catch (Throwable e) {
      return e.toString();
    }
  }

  Compiled compile(Batch b) {
    Batch.Sources s = b.sources(false, true);
    stats.compilations++;
    List<JavaFileObject> files = new ArrayList<>();
    s.files().forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    long t0 = System.nanoTime();
    try {
      Compilation c =
          javac().withProcessors(new BackpropProcessor()).withOptions("-Xlint:all", "-Werror").compile(files);
      return new Compiled(b, s, c, null);
    } catch (RuntimeException | Error e) {
      return new Compiled(b, s, null, e);
    } finally {
      stats.compileNanos += System.nanoTime() - t0;
    }
  }

  // ================================================================== evaluating

  /** Checks one unit of a compiled batch at its points. */
  List<Failure> evaluate(Compiled c, Unit u) {
    List<Failure> out = new ArrayList<>();
    Ast.Method m = u.method();
    if (!m.differentiable()) {
      return out; // no gradient of its own: its callers check it
    }
    Class<?>[] types = Batch.javaTypes(m.params());
    Method primal;
    Method grad;
    try {
      primal = c.loader().loadClass("p." + m.owner()).getDeclaredMethod(m.name(), types);
      primal.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.SOURCE_ERROR, u, "primal not found: " + e, "primal not found", null));
      return out;
    } catch (VerifyError e) {
      // javac 17.0.15 writes such a class for some switches (RegressionTest, disabled): the
      // campaign goes on and counts it apart.
      out.add(new Failure(Kind.JAVAC_BUG, u, e.toString(), "javac class does not verify", null));
      return out;
    }
    Method jvp;
    try {
      grad = c.loader().loadClass("p." + m.owner() + "Grad").getDeclaredMethod(m.name(), types);
      grad.setAccessible(true);
      jvp = c.loader().loadClass("p." + m.owner() + "Grad").getDeclaredMethod(m.name() + "Jvp", jvpTypes(m.params(), types));
      jvp.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.NO_GRADIENT, u, "no " + m.owner() + "Grad." + m.name() + " or its Jvp: " + e, "no gradient", null));
      return out;
    }
    Method hvp = null;
    if (Printer.secondOrder(m)) {
      try {
        hvp = c.loader().loadClass("p." + m.owner() + "Grad").getDeclaredMethod(m.name() + "Hvp", jvpTypes(m.params(), types));
        hvp.setAccessible(true);
      } catch (ReflectiveOperationException e) {
        out.add(new Failure(Kind.NO_GRADIENT, u, "no " + m.owner() + "Grad." + m.name() + "Hvp: " + e, "no gradient", null));
        return out;
      }
    }
    Method jacobian = null;
    try {
      if (Batch.hasTwin(u)) {
        jacobian = c.loader().loadClass("p." + m.owner() + "Grad").getDeclaredMethod(m.name() + "VecJacobian", types);
        jacobian.setAccessible(true);
      }
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.NO_GRADIENT, u, "no " + m.owner() + "Grad." + m.name() + "VecJacobian: " + e, "no jacobian", null));
      return out;
    }
    Method object = null;
    Class<?> holder = null;
    try {
      if (Batch.hasObjectTwin(u)) {
        holder = c.loader().loadClass("p.C$" + Batch.objectTwinClass(u));
        object = c.loader().loadClass("p.C_" + Batch.objectTwinClass(u) + "Grad")
            .getDeclaredMethod(m.name() + "Obj", objectTypes(holder, types));
        object.setAccessible(true);
      }
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.NO_GRADIENT, u, "no C_" + Batch.objectTwinClass(u) + "Grad." + m.name() + "Obj: " + e, "no object twin", null));
      return out;
    }
    Method record = null;
    Class<?> recordClass = null;
    try {
      if (Batch.hasRecordTwin(u)) {
        recordClass = c.loader().loadClass("p.C$" + Batch.recordTwinClass(u));
        record = c.loader().loadClass("p.CGrad")
            .getDeclaredMethod(m.name() + "Rec", recordTypes(recordClass, types, Batch.recordComponents(m)));
        record.setAccessible(true);
      }
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.NO_GRADIENT, u, "no CGrad." + m.name() + "Rec: " + e, "no record twin", null));
      return out;
    }
    DataTwinCheck data = null;
    DataTwins.Shape shape = DataTwins.of(u, c.batch.features);
    try {
      if (shape != null) {
        data = DataTwinCheck.load(c.loader(), u, shape, types);
      }
    } catch (ReflectiveOperationException e) {
      out.add(new Failure(Kind.NO_GRADIENT, u, "no " + shape + " twin of " + m.name() + ": " + e, "no data twin", null));
      return out;
    }
    int index = 0;
    for (Object[] point : u.points()) {
      Failure f = checkPoint(primal, grad, u, point);
      if (f == null && data != null) {
        stats.dataTwinPoints++;
        f = data.check(primal, grad, u, point, index++);
      }
      if (f == null && object != null) {
        stats.objectTwinPoints++;
        f = checkObject(primal, grad, holder, object, u, point);
      }
      if (f == null && record != null) {
        stats.recordTwinPoints++;
        f = checkRecord(primal, grad, recordClass, record, u, point);
      }
      if (f == null) {
        f = checkJvp(primal, grad, jvp, u, point);
      }
      if (f == null && jacobian != null) {
        f = checkVector(primal, grad, jacobian, u, point);
      }
      if (f == null && hvp != null) {
        f = checkHvp(grad, hvp, u, point);
      }
      if (f != null) {
        out.add(f);
        break; // one failure per unit is enough to report it
      }
    }
    return out;
  }

  /**
   * The vector twin at {@code point}, against the scalar method's own gradient: its value is
   * (f, f²) bit for bit, and its Jacobian's rows are ∇f and 2f·∇f, to rounding. The twin goes
   * through the other pipeline (a cotangent's dot product, or forward runs by column), so this
   * holds every program's vector path against its scalar one.
   */
  private Failure checkVector(Method primal, Method grad, Method jacobian, Unit u, Object[] point) {
    double f0;
    Object record;
    try {
      f0 = (Double) call(primal, point);
      record = call(grad, point);
    } catch (Throwable e) {
      return null; // checkPoint judged these
    }
    if (!Double.isFinite(f0)) {
      return null;
    }
    List<Double> g = new ArrayList<>();
    List<Object> components = components(record);
    for (int k = 1; k < components.size(); k++) {
      flatten(components.get(k), g);
    }
    Object result;
    try {
      result = call(jacobian, point);
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, "mVecJacobian at " + show(u, point) + ": " + e, "jacobian throws " + e.getClass().getName(), point);
    }
    List<Object> jc = components(result);
    double[] value = (double[]) jc.get(0);
    double[][] j = (double[][]) jc.get(1);
    String why = null;
    if (value.length != 2 || Double.doubleToLongBits(value[0]) != Double.doubleToLongBits(f0)
        || Double.doubleToLongBits(value[1]) != Double.doubleToLongBits(f0 * f0)) {
      why = "value " + java.util.Arrays.toString(value) + ", primal " + f0;
    } else if (j.length != 2 || j[0].length != g.size() || j[1].length != g.size()) {
      why = "Jacobian of " + j.length + " rows for " + g.size() + " partials";
    } else {
      for (int i = 0; i < g.size() && why == null; i++) {
        double d = g.get(i);
        if (!close(j[0][i], d) || !close(j[1][i], 2 * f0 * d)) {
          why = "column " + i + ": rows " + j[0][i] + ", " + j[1][i] + " against " + d + ", " + 2 * f0 * d;
        }
      }
    }
    return why == null ? null : new Failure(Kind.JACOBIAN_MISMATCH, u, "at " + show(u, point) + ": " + why, "jacobian mismatch", point);
  }

  /** The object twin's parameters: the object, then the method's after the first. */
  private static Class<?>[] objectTypes(Class<?> holder, Class<?>[] types) {
    Class<?>[] out = types.clone();
    out[0] = holder;
    return out;
  }

  /**
   * The object twin at {@code point}: its value is m's bit for bit, and its gradient (the field's
   * partial through {@code self()}, then the other parameters') is m's, to rounding. It goes
   * through the record wrapper and the reader's fields, so this holds instance methods against
   * static ones on every program shape the fuzzer makes.
   */
  private Failure checkObject(Method primal, Method grad, Class<?> holder, Method object, Unit u, Object[] point) {
    return checkTwin(primal, grad, u, point, Kind.OBJECT_MISMATCH, "object twin", () -> {
      java.lang.reflect.Constructor<?> k = holder.getDeclaredConstructor();
      k.setAccessible(true);
      Object self = k.newInstance();
      java.lang.reflect.Field field = holder.getDeclaredFields()[0];
      field.setAccessible(true);
      field.setDouble(self, (Double) point[0]);
      Object[] args = point.clone();
      args[0] = self;
      return call(object, args);
    });
  }

  /** The record twin's parameters: the record, then the method's after its components. */
  private static Class<?>[] recordTypes(Class<?> record, Class<?>[] types, int k) {
    Class<?>[] out = new Class<?>[types.length - k + 1];
    out[0] = record;
    System.arraycopy(types, k, out, 1, types.length - k);
    return out;
  }

  /**
   * The record twin at {@code point}: its value is m's bit for bit, and its gradient (the
   * record's tangent, flattened, then the other parameters') is m's, to rounding. It goes through
   * a record parameter, a record built from differentiable values and accessor calls, so this
   * holds records against plain parameters on every program shape the fuzzer makes.
   */
  private Failure checkRecord(Method primal, Method grad, Class<?> recordClass, Method twin, Unit u, Object[] point) {
    int k = Batch.recordComponents(u.method());
    return checkTwin(primal, grad, u, point, Kind.RECORD_MISMATCH, "record twin", () -> {
      java.lang.reflect.RecordComponent[] rc = recordClass.getRecordComponents();
      Class<?>[] types = new Class<?>[k];
      Object[] values = new Object[k];
      for (int i = 0; i < k; i++) {
        types[i] = rc[i].getType();
        values[i] = copy(point[i]);
      }
      java.lang.reflect.Constructor<?> ctor = recordClass.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      Object[] args = new Object[point.length - k + 1];
      args[0] = ctor.newInstance(values);
      System.arraycopy(point, k, args, 1, point.length - k);
      return call(twin, args);
    });
  }

  /** A twin's call, which may throw anything the method does. */
  private interface TwinCall {
    Object run() throws Throwable;
  }

  /**
   * A twin at {@code point} against m: skipped where m itself throws (checkPoint judged that), a
   * failure where the twin throws or differs ({@link #twinDifference}).
   */
  private Failure checkTwin(Method primal, Method grad, Unit u, Object[] point, Kind mismatch, String what, TwinCall twin) {
    double f0;
    Object expected;
    try {
      f0 = (Double) call(primal, point);
      expected = call(grad, point);
    } catch (Throwable e) {
      return null;
    }
    Object result;
    try {
      result = twin.run();
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, what + " at " + show(u, point) + ": " + e, what + " throws " + e.getClass().getName(), point);
    }
    String why = twinDifference(expected, f0, result);
    return why == null ? null : new Failure(mismatch, u, "at " + show(u, point) + ": " + why, what + " mismatch", point);
  }

  /**
   * How a twin's result differs from m's gradient record {@code expected} and value {@code f0}: its
   * value must be f0 bit for bit, and its partials (a tangent record's components flattened in
   * place) m's to rounding; null when they agree.
   */
  static String twinDifference(Object expected, double f0, Object result) {
    List<Double> want = new ArrayList<>();
    List<Object> components = components(expected);
    for (int i = 1; i < components.size(); i++) {
      flatten(components.get(i), want);
    }
    List<Object> parts = components(result);
    List<Double> actual = new ArrayList<>();
    for (int i = 1; i < parts.size(); i++) {
      Object part = parts.get(i);
      if (part != null && part.getClass().isRecord()) {
        components(part).forEach(x -> flatten(x, actual));
      } else {
        flatten(part, actual);
      }
    }
    double value = (Double) parts.get(0);
    if (Double.doubleToLongBits(value) != Double.doubleToLongBits(f0)) {
      return "value " + value + ", primal " + f0;
    }
    if (actual.size() != want.size()) {
      return actual.size() + " partials for " + want.size();
    }
    for (int i = 0; i < want.size(); i++) {
      if (!close(actual.get(i), want.get(i))) {
        return "partial " + i + ": " + actual.get(i) + " against " + want.get(i);
      }
    }
    return null;
  }

  static boolean close(double a, double b) {
    return (Double.isNaN(a) && Double.isNaN(b)) || a == b || Math.abs(a - b) <= SAME * Math.max(1, Math.abs(b));
  }

  static void flatten(Object component, List<Double> out) {
    if (component instanceof Double d) {
      out.add(d);
    } else if (component instanceof double[] a) {
      for (double x : a) {
        out.add(x);
      }
    } else if (component instanceof double[][] m) {
      for (double[] row : m) {
        flatten(row, out);
      }
    } else if (component instanceof Object[] elements) {
      // an array of tangent records (a record array's partials)
      for (Object e : elements) {
        flatten(e, out);
      }
    } else if (component != null && component.getClass().isRecord()) {
      components(component).forEach(x -> flatten(x, out));
    }
  }

  /** mJvp's parameters: the method's, then one tangent per differentiated parameter. */
  private static Class<?>[] jvpTypes(List<Param> params, Class<?>[] types) {
    List<Class<?>> all = new ArrayList<>(List.of(types));
    for (int p = 0; p < params.size(); p++) {
      T t = params.get(p).type();
      if (t == T.DOUBLE || t == T.DOUBLE_ARR || t == T.DOUBLE_ARR2) {
        all.add(types[p]);
      }
    }
    return all.toArray(new Class<?>[0]);
  }

  /**
   * The forward/reverse identity at {@code point}: mJvp's value is the primal's, bit for bit, and
   * its tangent is the gradient · v for a direction v drawn from the point, to rounding.
   */
  private Failure checkJvp(Method primal, Method grad, Method jvp, Unit u, Object[] point) {
    Object record;
    double f0;
    try {
      f0 = (Double) call(primal, point);
      record = call(grad, point);
    } catch (Throwable e) {
      return null; // checkPoint judged these
    }
    if (!Double.isFinite(f0)) {
      return null;
    }
    java.util.SplittableRandom r = new java.util.SplittableRandom(java.util.Arrays.deepHashCode(point));
    List<Object> components = components(record);
    List<Object> args = new ArrayList<>(List.of(point));
    double dot = 0;
    double scale = 0;
    int k = 1;
    List<Param> params = u.method().params();
    for (int p = 0; p < params.size(); p++) {
      T t = params.get(p).type();
      if (t != T.DOUBLE && t != T.DOUBLE_ARR && t != T.DOUBLE_ARR2) {
        continue;
      }
      Object component = components.get(k++);
      Object direction = copy(point[p]);
      for (Coord c : coords(p, params.get(p), point[p])) {
        double v = r.nextDouble(-1, 1);
        if (c.i < 0) {
          direction = v;
        } else {
          set(direction, c, v);
        }
        double term = read(component, c) * v;
        dot += term;
        scale += Math.abs(term);
      }
      args.add(direction);
    }
    if (!Double.isFinite(dot)) {
      return null;
    }
    Object result;
    try {
      result = call(jvp, args.toArray());
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, "mJvp at " + show(u, point) + ": " + e, "jvp throws " + e.getClass().getName(), point);
    }
    List<Object> jc = components(result);
    double value = (Double) jc.get(0);
    double tangent = (Double) jc.get(1);
    if (Double.doubleToLongBits(value) != Double.doubleToLongBits(f0)
        || !(Math.abs(tangent - dot) <= SAME * Math.max(1, scale))) {
      return new Failure(
          Kind.JVP_MISMATCH,
          u,
          "at " + show(u, point) + ": mJvp = (" + value + ", " + tangent + "), primal " + f0 + ", gradient · v " + dot,
          "jvp mismatch",
          point);
    }
    return null;
  }

  /**
   * Second order without an oracle, as Enzyme tests it: mHvp's gradient is the reverse
   * gradient, and its Hessian is symmetric, ⟨u, H v⟩ = ⟨v, H u⟩ for two directions drawn from
   * the point.
   */
  private Failure checkHvp(Method grad, Method hvp, Unit u, Object[] point) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(java.util.Arrays.deepHashCode(point) + 1);
    List<Object> g;
    try {
      g = components(call(grad, point));
    } catch (Throwable e) {
      return null; // checkPoint judged it
    }
    List<Param> params = u.method().params();
    List<Object> du = new ArrayList<>();
    List<Object> dv = new ArrayList<>();
    List<Double> flatU = new ArrayList<>();
    List<Double> flatV = new ArrayList<>();
    List<Double> flatG = new ArrayList<>();
    int k = 1;
    for (int p = 0; p < params.size(); p++) {
      T t = params.get(p).type();
      if (t != T.DOUBLE && t != T.DOUBLE_ARR) {
        continue;
      }
      Object component = g.get(k++);
      if (t == T.DOUBLE) {
        double a = r.nextDouble(-1, 1);
        double b = r.nextDouble(-1, 1);
        du.add(a);
        dv.add(b);
        flatU.add(a);
        flatV.add(b);
        flatG.add((Double) component);
      } else {
        double[] a = new double[((double[]) point[p]).length];
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          a[i] = r.nextDouble(-1, 1);
          b[i] = r.nextDouble(-1, 1);
          flatU.add(a[i]);
          flatV.add(b[i]);
          flatG.add(((double[]) component)[i]);
        }
        du.add(a);
        dv.add(b);
      }
    }
    double[] hu;
    double[] hv;
    double[] gradient;
    try {
      List<Object> argsU = new ArrayList<>(List.of(point));
      argsU.addAll(du);
      List<Object> ru = components(call(hvp, argsU.toArray()));
      List<Object> argsV = new ArrayList<>(List.of(point));
      argsV.addAll(dv);
      List<Object> rv = components(call(hvp, argsV.toArray()));
      gradient = (double[]) ru.get(1);
      hu = (double[]) ru.get(2);
      hv = (double[]) rv.get(2);
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, "mHvp at " + show(u, point) + ": " + e, "hvp throws " + e.getClass().getName(), point);
    }
    double uhv = 0;
    double vhu = 0;
    double scale = 0;
    for (int i = 0; i < hu.length; i++) {
      if (!(Math.abs(gradient[i] - flatG.get(i)) <= SAME * Math.max(1, Math.abs(flatG.get(i))))) {
        return new Failure(Kind.JVP_MISMATCH, u, "at " + show(u, point) + ": mHvp's gradient[" + i + "] = "
            + gradient[i] + ", the gradient's " + flatG.get(i), "hvp gradient mismatch", point);
      }
      uhv += flatU.get(i) * hv[i];
      vhu += flatV.get(i) * hu[i];
      scale += Math.abs(flatU.get(i) * hv[i]) + Math.abs(flatV.get(i) * hu[i]);
    }
    if (!Double.isFinite(scale)) {
      return null; // a NaN or infinite second derivative: the first order was judged already
    }
    if (!(Math.abs(uhv - vhu) <= SYMMETRIC * Math.max(1, scale))) {
      return new Failure(Kind.JVP_MISMATCH, u, "at " + show(u, point) + ": <u, H v> = " + uhv + " but <v, H u> = " + vhu,
          "hessian not symmetric", point);
    }
    return null;
  }

  private static void set(Object array, Coord c, double v) {
    if (c.j < 0) {
      ((double[]) array)[c.i] = v;
    } else {
      ((double[][]) array)[c.i][c.j] = v;
    }
  }

  /** Calls with fresh copies of array arguments (the method may write to them). */
  static Object call(Method m, Object[] point) throws Throwable {
    Object[] args = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      args[i] = copy(point[i]);
    }
    resetGuard(m.getDeclaringClass().getClassLoader());
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Sets {@code C.steps}, the runaway-loop guard's count, back to 0. */
  private static void resetGuard(ClassLoader loader) {
    try {
      java.lang.reflect.Field f = loader.loadClass("p.C").getDeclaredField("steps");
      f.setAccessible(true);
      f.setLong(null, 0);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no guard in p.C", e);
    }
  }

  static Object copy(Object o) {
    if (o instanceof double[] a) {
      return a.clone();
    }
    if (o instanceof double[][] a) {
      double[][] c = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        c[i] = a[i].clone();
      }
      return c;
    }
    return o;
  }

  /** A coordinate of the input: parameter {@code param}, element {@code i}, {@code j} (or -1). */
  private record Coord(int param, int i, int j, String name) {}

  private Failure checkPoint(Method primal, Method grad, Unit u, Object[] point) {
    stats.points++;
    double f0;
    try {
      f0 = (Double) call(primal, point);
    } catch (Throwable e) {
      return new Failure(Kind.PRIMAL_THROWS, u, "at " + show(u, point) + ": " + e, "primal throws " + e.getClass().getName(), point);
    }
    if (!Double.isFinite(f0)) {
      stats.pointsNonFinite++;
      return null;
    }
    Object record;
    try {
      record = call(grad, point);
    } catch (Throwable e) {
      return new Failure(Kind.GRADIENT_THROWS, u, "at " + show(u, point) + ": " + e, "gradient throws " + e.getClass().getName(), point);
    }
    List<Object> components = components(record);
    double value = (Double) components.get(0);
    if (Double.doubleToLongBits(value) != Double.doubleToLongBits(f0)) {
      return new Failure(
          Kind.VALUE_MISMATCH,
          u,
          "at " + show(u, point) + ": value() = " + value + ", primal = " + f0,
          "value mismatch",
          point);
    }
    int k = 1;
    boolean skipped = false;
    List<Param> params = u.method().params();
    for (int p = 0; p < params.size(); p++) {
      T t = params.get(p).type();
      if (t != T.DOUBLE && t != T.DOUBLE_ARR && t != T.DOUBLE_ARR2) {
        continue;
      }
      Object component = components.get(k++);
      for (Coord c : coords(p, params.get(p), point[p])) {
        double ad = read(component, c);
        Fd fd = fd(primal, point, c, f0);
        if (fd == null) {
          stats.partialsNonFinite++;
          skipped = true;
          continue;
        }
        double scale = Math.max(1, Math.abs(fd.r2));
        double tol = FD_TOLERANCE * scale + fd.noise;
        double err = Math.abs(ad - fd.r2);
        if (err <= tol) {
          stats.partialsChecked++;
          stats.relativeError(err / scale);
          continue;
        }
        if (!Double.isFinite(ad)) {
          return new Failure(
              Kind.NAN_GRADIENT,
              u,
              "at " + show(u, point) + ": d/d" + c.name + " = " + ad + ", finite differences " + fd.r2
                  + " (R1 " + fd.r1 + ")",
              "nan gradient",
              point);
        }
        if (Math.abs(fd.r1 - fd.r2) > tol || fd.jump) {
          stats.partialsNonSmooth++;
          skipped = true;
          continue;
        }
        return new Failure(
            Kind.GRADIENT_MISMATCH,
            u,
            "at " + show(u, point) + ": d/d" + c.name + " = " + ad + ", finite differences " + fd.r2
                + " (R1 " + fd.r1 + ", tolerance " + tol + ")",
            "gradient mismatch",
            point);
      }
    }
    if (skipped) {
      stats.pointsSkipped++;
    } else {
      stats.pointsChecked++;
    }
    return null;
  }

  private static List<Coord> coords(int p, Param param, Object value) {
    List<Coord> out = new ArrayList<>();
    if (value instanceof Double) {
      out.add(new Coord(p, -1, -1, param.name()));
    } else if (value instanceof double[] a) {
      for (int i = 0; i < a.length; i++) {
        out.add(new Coord(p, i, -1, param.name() + "[" + i + "]"));
      }
    } else if (value instanceof double[][] a) {
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[i].length; j++) {
          out.add(new Coord(p, i, j, param.name() + "[" + i + "][" + j + "]"));
        }
      }
    }
    return out;
  }

  private static double read(Object component, Coord c) {
    if (c.i < 0) {
      return (Double) component;
    }
    if (c.j < 0) {
      return ((double[]) component)[c.i];
    }
    return ((double[][]) component)[c.i][c.j];
  }

  private static double get(Object[] point, Coord c) {
    if (c.i < 0) {
      return (Double) point[c.param];
    }
    if (c.j < 0) {
      return ((double[]) point[c.param])[c.i];
    }
    return ((double[][]) point[c.param])[c.i][c.j];
  }

  private static Object[] with(Object[] point, Coord c, double v) {
    Object[] p = point.clone();
    if (c.i < 0) {
      p[c.param] = v;
    } else if (c.j < 0) {
      double[] a = ((double[]) point[c.param]).clone();
      a[c.i] = v;
      p[c.param] = a;
    } else {
      double[][] a = (double[][]) copy(point[c.param]);
      a[c.i][c.j] = v;
      p[c.param] = a;
    }
    return p;
  }

  /**
   * @param jump whether f(x) is far from the mean of f(x - h) and f(x + h) at the smallest step:
   *     a branch that flips between neighbouring points, as {@code atan(c) < atan(nextUp(c))}
   *     does at the scale of an ulp, where no derivative is meaningful
   */
  private record Fd(double r1, double r2, double noise, boolean jump) {}

  /** Richardson-extrapolated central differences at h, h/2, h/4; null where f is not finite. */
  private static Fd fd(Method primal, Object[] point, Coord c, double f0) {
    double x = get(point, c);
    double h = (FLOAT_VALUES ? 2e-3 : 2e-4) * Math.max(1, Math.abs(x));
    double[] d = new double[3];
    double fmax = 0;
    boolean jump = false;
    for (int k = 0; k < 3; k++) {
      double hk = h / (1 << k);
      double xp = x + hk;
      double xm = x - hk;
      double fp;
      double fm;
      try {
        fp = (Double) call(primal, with(point, c, xp));
        fm = (Double) call(primal, with(point, c, xm));
      } catch (Throwable e) {
        return null;
      }
      if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
        return null;
      }
      fmax = Math.max(fmax, Math.max(Math.abs(fp), Math.abs(fm)));
      d[k] = (fp - fm) / (xp - xm);
      if (k == 2) {
        // Smooth, (fp + fm) / 2 - f0 is about f'' h^2 / 2, some 1e-9 f''.
        jump = Math.abs((fp + fm) / 2 - f0) > 1e-3 * Math.max(1, Math.abs(f0));
      }
    }
    double r1 = (4 * d[1] - d[0]) / 3;
    double r2 = (4 * d[2] - d[1]) / 3;
    double noise = 16 * (FLOAT_VALUES ? Math.ulp((float) fmax) : Math.ulp(fmax)) / (h / 4);
    return new Fd(r1, r2, noise, jump);
  }

  static List<Object> components(Object record) {
    List<Object> out = new ArrayList<>();
    for (RecordComponent rc : record.getClass().getRecordComponents()) {
      try {
        Method m = rc.getAccessor();
        m.setAccessible(true);
        out.add(m.invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** {@code (x=0.5, n=3)}. */
  static String show(Unit u, Object[] point) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < point.length; i++) {
      b.append(i == 0 ? "" : ", ").append(u.method().params().get(i).name()).append('=').append(value(point[i]));
    }
    return b.append(')').toString();
  }

  static String value(Object o) {
    if (o instanceof double[] a) {
      return Arrays.toString(a);
    }
    if (o instanceof double[][] a) {
      return Arrays.deepToString(a);
    }
    if (o instanceof Long l) {
      return l + "L";
    }
    return String.valueOf(o);
  }
}
