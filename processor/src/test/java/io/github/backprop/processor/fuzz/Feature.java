package io.github.backprop.processor.fuzz;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the generators may write. {@link #today()} is what the processor supports now and the CI
 * slice runs; {@link #planned()} adds loops and arrays, whose generator parts are written and
 * switched off until the processor supports them. Enabling one is a matter of adding it to
 * {@link #today()} (or passing {@code -Dfuzz.features=+LOOPS,+ARRAYS} to a campaign).
 */
enum Feature {
  // ---------------------------------------------------------------- supported today
  /** {@code + - * /}, unary minus and plus, parentheses. */
  ARITHMETIC,
  /** Every differentiable row of the {@code Math} rule table, inside its domain. */
  MATH,
  /** The same functions through {@code StrictMath} and {@code java.lang.Math}. */
  STRICT_MATH,
  /**
   * The same functions through Hipparchus {@code org.hipparchus.util.FastMath}, which users copy
   * from library code (its rule table). Asked for with {@code +FAST_MATH}.
   */
  FAST_MATH,
  /** floor, ceil, rint, round, signum, ulp, getExponent: derivative 0. */
  ZERO_DERIVATIVE_MATH,
  /** Math.clamp (JDK 21+; on by default only where the running JDK has it). */
  CLAMP,
  /** double locals. */
  LOCALS,
  /** {@code var} declarations. */
  VAR,
  /** Reassignment of locals and of parameters. */
  REASSIGN,
  /** {@code += -= *= /=} on doubles. */
  COMPOUND,
  /** int, long and boolean parameters and locals, int/long arithmetic, int {@code %}, casts. */
  INTEGERS,
  /** {@code ++ --} on ints as statements. */
  INCREMENT,
  /** {@code ++ --} on doubles (legal Java, accepted by the fence). */
  DOUBLE_INCREMENT,
  /**
   * {@code k += 0.5 * x} on an int (an implicit narrowing cast); the method carries
   * {@code @SuppressWarnings("lossy-conversions")}, as JDK 20+ warns on the user's source.
   */
  LOSSY_COMPOUND,
  /** comparisons, {@code && || !}. */
  CONDITIONS,
  IF,
  ELSE_IF,
  /** {@code ?:}. */
  TERNARY,
  /** {@code return} inside a branch. */
  EARLY_RETURN,
  /** A local declared without a value and assigned in every branch of the next if. */
  SPLIT_DECLARATION,
  /** Nested blocks, and locals of the same name in sibling blocks. */
  BLOCKS,
  /** {@code x % 2 > 1} with a double x, in an if condition (accepted there). */
  DOUBLE_REMAINDER_IN_IF,
  /** {@code x % 1.5} with a double x, anywhere a double goes (d/dx = 1). */
  DOUBLE_REMAINDER,
  /** {@code << >> >>> & | ^ ~} on int values. */
  BIT_OPERATORS,
  /** {@code static final} constants: Math.PI, Math.E, the class's own. */
  CONSTANTS,
  /** Calls to other generated {@code @Differentiable} methods. */
  CALLS,
  /** ... declared in another class of the compilation, or imported statically. */
  CROSS_CLASS_CALLS,
  /** ... that are private (the generated code calls their Grad for the value). */
  PRIVATE_CALLEES,
  /** ... overloaded: several generated methods of one name. */
  OVERLOADS,
  /** Calls to plain static helpers with values that carry no derivative. */
  PLAIN_HELPERS,
  /**
   * Callees without {@code @Differentiable}, differentiated through their bodies, and plain
   * helpers called with values that carry a derivative.
   */
  UNANNOTATED_CALLEES,
  /** Names that look like generated ones: value, value_, _d_x, _t0, _g0 ... */
  NASTY_NAMES,
  /** {@code import static java.lang.Math.*} and unqualified calls. */
  STATIC_IMPORT,
  /** Parentheses that are not needed, and empty statements. */
  REDUNDANT_SYNTAX,

  // ---------------------------------------------------------------- loops and arrays (issue 3)
  /** for, while and do-while loops with bounded trip counts. */
  LOOPS,
  /** Enhanced for over arrays (needs ARRAYS too). */
  ENHANCED_FOR,
  /** break and continue, under an if, inside loops. */
  BREAK_CONTINUE,
  /** Labelled loops and labelled break/continue. */
  LABELS,
  /** return inside a loop body. */
  RETURN_IN_LOOP,
  /** double[] parameters and locals: new, initialisers, reads, writes, length. */
  ARRAYS,
  /** double[][] parameters and locals. */
  ARRAYS_2D,
  /** int[] locals used as indices. */
  INT_ARRAYS,

  // ---------------------------------------------------------------- later language
  /**
   * Assignments and increments used as values: {@code a = b = e}, {@code k = j++}, {@code
   * w[i++] = e}, {@code s += (t = e)}, {@code y = (s += e) * 0.5}, and {@code while ((v = e) > c
   * && i < K)}. Never inside an expression the generator may copy (a squashed divisor).
   */
  ASSIGN_IN_EXPR,
  /**
   * switch statements (colon form with fall-through and break, arrow form) and switch expressions
   * (arrow and colon form, yield, a default that throws where the cases cover every value) on int
   * selectors, String parameters and locals, and locals of the batch's enum {@code C.Mode}.
   */
  SWITCH,
  /**
   * Argument checks {@code if (v > B) throw new IllegalArgumentException("v = " + v);} and
   * {@code assert}s whose condition holds at every point (B beyond the value's range).
   */
  THROW,
  /**
   * Reads of C's static tables ({@code COEF}, {@code TAB}, {@code IDX}, the private {@code W3}):
   * elements, {@code .length}, loops over them, and static scalars computed at class
   * initialisation ({@code HALF_LOG}, {@code INV_SQRT2}).
   */
  STATIC_TABLES,
  /**
   * float literals and float locals of values that carry no derivative, mixed into double
   * arithmetic. Differentiable float values are not generated: their rounding (about 1e-7
   * relative) over the finite-difference step would exceed the checker's tolerance.
   */
  FLOATS,
  /** Calls of void helpers that write into a local or parameter array: {@code plainScale(a, k);}. */
  HELPER_STATEMENTS,
  /**
   * Stream pipelines over a double[]: {@code Arrays.stream(a).map(v -> v * v).sum()}, {@code
   * IntStream.range(0, a.length).mapToDouble(k -> ...)}, max, a filtered average, reduce.
   */
  STREAMS,
  /**
   * Calls of helpers with {@code @DerivativeOf} rules, {@code C.softplus(x)} and {@code
   * C.scaled(x, k)}: the rules' partials carry the gradient, in reverse and forward mode.
   */
  CUSTOM_DERIVATIVES,
  /**
   * Calls of plain helpers that sort a copy of an array ({@code Arrays.copyOf}, {@code
   * Arrays.sort}) and choose coefficient tables ({@code double[] c = x < 0.5 ? LOW : HIGH;}).
   */
  SORT_AND_TABLES,
  /**
   * try statements around generated blocks: a catch that wraps and rethrows, or one that
   * assigns every variable in scope a fallback while a check inside the try block throws at some
   * points, part way through. Asked for with {@code +TRY_CATCH}.
   */
  TRY_CATCH,
  /**
   * float locals of differentiable values, {@code float f = (float) (x * y - 1);}, read in double
   * arithmetic: their gradients are computed in float. The checker then compares at float
   * precision (see {@link Checker#FLOAT_VALUES}). Asked for with {@code +FLOAT_VALUES}.
   */
  FLOAT_VALUES,
  /**
   * Locals of the batch's record {@code C.P(double x, double y)}, which checks its components in a
   * compact constructor: built with {@code new C.P(a, b)}, from another with {@code q.scale(k)},
   * {@code q.plus(r)} and {@code C.rot(q)}, reassigned, and read through {@code q.x()}, {@code
   * q.norm2()} and {@code C.dot(q, r)}. Asked for with {@code +RECORD_VALUES}.
   */
  RECORD_VALUES,
  /**
   * A {@code DoubleUnaryOperator} local, a lambda or an anonymous class capturing a final local,
   * called in place or passed to a helper of C ({@code C.applyTwice}, {@code C.midpoint}).
   */
  LAMBDAS,
  /**
   * A twin of a method whose first parameter is a double, {@code mEnum(En_u ev, ...)}: an enum
   * parameter and local, its double field and a method read as data, a {@code values()} loop.
   * Asked for with {@code +ENUM_DATA}; the twins of these five features are in {@link DataTwins}.
   */
  ENUM_DATA,
  /**
   * A twin {@code mList(List<Double> ws, List<double[]> rows, Map<String, Double> mp, ...)}
   * that reads its data in loops (for-each, {@code get(i)}, {@code size()}, {@code getOrDefault}).
   */
  GENERIC_DATA,
  /**
   * A twin {@code Inst_u.mInst(...)}: {@code @Differentiable} on an instance method whose class
   * holds m's first parameters (doubles, double[]s) as fields; checked through {@code self()}.
   */
  INSTANCE_METHODS,
  /**
   * The instance twin's class extends an abstract class and implements an interface, whose
   * concrete and default methods call the abstract one, implemented once, with the fields' values.
   */
  ABSTRACT_TYPES,
  /**
   * A twin {@code mArr(RA_u[] rs, ...)}: m's first parameters as the components (doubles,
   * double[]s, ints) of a record, an array of which is differentiated ({@code wrt = {"rs", ...}}),
   * checked through its tangent records.
   */
  RECORD_PARAMS;

  /** Features the generator writes that the processor does not support yet: none, since issue 3. */
  static final Set<Feature> PLANNED = EnumSet.noneOf(Feature.class);

  /**
   * Supported features written only when asked for ({@code +TRY_CATCH}): turning one on changes
   * the random draws, and so the programs of the CI slice's fixed seeds.
   */
  static final Set<Feature> OPT_IN = EnumSet.of(TRY_CATCH, FLOAT_VALUES, RECORD_VALUES, FAST_MATH,
      ENUM_DATA, GENERIC_DATA, INSTANCE_METHODS, ABSTRACT_TYPES, RECORD_PARAMS);

  /** What the processor supports today, on the running JDK. */
  static Set<Feature> today() {
    Set<Feature> s = EnumSet.complementOf(PLANNED.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(PLANNED));
    s.removeAll(OPT_IN);
    int jdk = Runtime.version().feature();
    if (jdk < 21) {
      s.remove(CLAMP);
    }
    return s;
  }

  /** Today's features plus the planned ones. */
  static Set<Feature> planned() {
    Set<Feature> s = today();
    s.addAll(PLANNED);
    return s;
  }

  /**
   * Parses {@code +LOOPS,-NASTY_NAMES} (changes to {@code base}), {@code planned} or {@code
   * today}.
   */
  static Set<Feature> parse(String spec, Set<Feature> base) {
    Set<Feature> s = EnumSet.copyOf(base);
    if (spec == null || spec.isBlank()) {
      return s;
    }
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.equalsIgnoreCase("planned")) {
        s.addAll(planned());
      } else if (p.equalsIgnoreCase("today")) {
        s = EnumSet.copyOf(today());
      } else if (p.startsWith("-")) {
        s.remove(valueOf(p.substring(1).toUpperCase(Locale.ROOT)));
      } else {
        s.add(valueOf((p.startsWith("+") ? p.substring(1) : p).toUpperCase(Locale.ROOT)));
      }
    }
    return s;
  }
}
