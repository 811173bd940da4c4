package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.AbortMethod;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.rules.CustomRule;
import io.github.backprop.processor.rules.CustomRules;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import io.github.backprop.processor.names.GeneratedNames;
import io.github.backprop.processor.rules.MathRules;
import io.github.backprop.processor.rules.SpecialFunctions;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Differentiable} method from javac's trees into a {@link MethodModel}: names
 * resolved, every expression typed. Problems are reported through the {@link ErrorReporter} and
 * abandon the method.
 */
public final class MethodReader {
  static final String ANNOTATION = "io.github.backprop.Differentiable";

  private final Trees trees;
  private final Elements elements;
  private final ErrorReporter reporter;
  private final CalleeFacts calleeFacts;
  private final CustomRules rules;
  /** Reading a callee only to learn what it writes: a call that passes it on is no error here. */
  private final boolean survey;
  /** The copies of private fields of the class being generated, shared by its methods; or null. */
  private final FieldCopies copies;
  /** Null while surveying a callee: then a recursive helper stays a call. */
  private final RecursiveHelpers recursive;

  /** @param copies shared by every method of one class, so that each field is copied once */
  /** @param recursive the class's recursive helpers, which get gradient methods of their own */
  public MethodReader(
      Trees trees, Elements elements, ErrorReporter reporter, CustomRules rules, FieldCopies copies,
      RecursiveHelpers recursive) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.rules = rules;
    this.calleeFacts = new CalleeFacts(trees, elements, reporter, rules);
    this.survey = false;
    this.copies = copies;
    this.recursive = recursive;
  }

  MethodReader(Trees trees, Elements elements, ErrorReporter reporter, CalleeFacts calleeFacts, CustomRules rules) {
    this(trees, elements, reporter, calleeFacts, rules, true, null, null);
  }

  private MethodReader(
      Trees trees,
      Elements elements,
      ErrorReporter reporter,
      CalleeFacts calleeFacts,
      CustomRules rules,
      boolean survey,
      FieldCopies copies,
      RecursiveHelpers recursive) {
    this.trees = trees;
    this.elements = elements;
    this.reporter = reporter;
    this.calleeFacts = calleeFacts;
    this.rules = rules;
    this.survey = survey;
    this.copies = copies;
    this.recursive = recursive;
  }

  public MethodModel read(ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
    Session session = new Session(method, unit, null, null);
    MethodModel model = session.read(tree);
    incomplete = session.failed;
    shapes = session.shapes;
    return model;
  }

  private boolean incomplete;
  private List<io.github.backprop.processor.ir.ParamShape> shapes = List.of();

  /**
   * How each parameter of the last method read maps to its model's parameters: a record
   * parameter is one model parameter per component.
   */
  public List<io.github.backprop.processor.ir.ParamShape> shapes() {
    return shapes;
  }

  /**
   * Whether the last method read had statements that could not be read (each reported, or left
   * to javac): its model lacks them, good only for reporting more problems, never for deriving.
   */
  public boolean incomplete() {
    return incomplete;
  }

  /** The result record name of every {@code @Differentiable} method of a class. */
  public static Map<ExecutableElement, String> recordNames(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (isDifferentiable(m)) {
        methods.add(m);
      }
    }
    return GeneratedNames.records(
        methods,
        m -> new GeneratedNames.Signature(m.getSimpleName().toString(), namingTypes(m)),
        GeneratedNames.gradClass(Resolver.owner(type)).simpleNames());
  }

  /** The parameter types that name an overload's record: a record parameter by its record ({@code FPoint}). */
  private static List<Type> namingTypes(ExecutableElement m) {
    List<Type> types = new ArrayList<>(Resolver.paramTypes(m));
    for (int i = 0; i < types.size(); i++) {
      TypeElement record = Records.heldOf(m.getParameters().get(i).asType());
      if (types.get(i) == null && record != null) {
        types.set(i, Type.objectOf(Resolver.owner(record)));
      }
    }
    return types;
  }

  /** Our type for a String or an enum, which a differentiable method passes through; or null. */
  public static Type referenceType(javax.lang.model.type.TypeMirror t) {
    return Resolver.referenceType(t);
  }

  /** Whether the generated class, next to {@code method}, can name {@code type}. */
  public static boolean visibleFrom(TypeElement type, ExecutableElement method) {
    return Resolver.visibleFrom(type, Resolver.packageOf(method));
  }

  /** The model's name for a class. */
  public static Owner owner(TypeElement type) {
    return Resolver.owner(type);
  }

  /**
   * The parameter names of {@code @Differentiable(wrt = ...)}, or null where it names none: then
   * every floating-point parameter is differentiated.
   */
  public static java.util.Set<String> wrt(Element method) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (!a.getAnnotationType().toString().equals(ANNOTATION)) {
        continue;
      }
      for (var e : a.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
          java.util.Set<String> names = new java.util.LinkedHashSet<>();
          for (Object v : values) {
            names.add(String.valueOf(((javax.lang.model.element.AnnotationValue) v).getValue()));
          }
          return names.isEmpty() ? null : names;
        }
      }
    }
    return null;
  }

  /** Whether {@code @Differentiable(hessian = true)} asks for second order. */
  static boolean secondOrder(Element method) {
    return flag(method, "hessian");
  }

  /** Whether {@code method}'s {@code @Differentiable} sets the boolean element {@code name}. */
  public static boolean flag(Element method, String name) {
    for (javax.lang.model.element.AnnotationMirror a : method.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().equals(ANNOTATION)) {
        for (var e : a.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals(name) && Boolean.TRUE.equals(e.getValue().getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether another {@code @Differentiable} method of {@code owner} has m's name and arity. */
  private static boolean overloaded(TypeElement owner, ExecutableElement m) {
    for (Element e : owner.getEnclosedElements()) {
      if (e != m
          && e instanceof ExecutableElement other
          && other.getSimpleName().contentEquals(m.getSimpleName())
          && other.getParameters().size() == m.getParameters().size()
          && isDifferentiable(other)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isDifferentiable(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().toString().equals(ANNOTATION));
  }

  /** The state of reading one method. */
  private final class Session {
    private final ExecutableElement method;
    private final CompilationUnitTree unit;
    private final TypeElement owner;
    private final Resolver resolver;
    private final Calls calls;
    private final StaticData statics;
    /** The field copies this method reads, in the order it first reads them. */
    private final java.util.Set<io.github.backprop.processor.ir.FieldCopy> copied;
    /** The class's field copies: the root's, shared by the helpers read inside it. */
    private final FieldCopies fields;
    private final SwitchLowering switches = new SwitchLowering(new SwitchReader());
    /** Statements to run before the statement being read (a switch expression's); null where none may. */
    private List<Stmt> prelude;
    /** Names in scope: a {@link Var}, or an {@link Alias} for a second name of an array. */
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    /** The loops around the statement being read, innermost first. */
    private final Deque<LoopScope> loopScopes = new ArrayDeque<>();
    private String pendingLabel;
    /** Whether a statement could not be read: the method is abandoned once all are read. */
    private boolean failed;
    private final Map<Object, String> sources;
    private final Map<Object, Tree> positions;
    /** The session of the annotated method; this one, unless this one reads a helper to inline. */
    private final Session root;
    /** Where a position in another file is reported: the call in the root's file that led here. */
    private final Tree rootSite;
    /** Root only: the helpers being inlined, innermost last, which a call must not inline again. */
    private final Deque<ExecutableElement> inlining = new ArrayDeque<>();
    /** Root only: why a call to a helper stays a call. */
    private final Map<Expr, String> notInlined = new IdentityHashMap<>();
    /** Values of calls whose body was inlined: as a statement, nothing is left to run. */
    private final java.util.Set<Expr> inlined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Root only: array locals that name a static table, a choice of them ({@code x < 1 ? P : Q})
     * or an array of constants, assigned once per path: read-only, with no derivative.
     */
    private final java.util.Set<Var> tables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** A filtered toArray's count of the elements it kept, from collect to the copy after the loop. */
    private Expr toArrayCount;
    /** A stream end's test that its OptionalDouble holds a value, from accumulate to finish. */
    private final Map<MethodInvocationTree, Expr> optionals = new IdentityHashMap<>();
    /** The declared type of each byte, short or char variable, which is held as an int. */
    private final Map<Var, Type> narrow = new IdentityHashMap<>();
    private final SourcePositions sourcePositions = trees.getSourcePositions();
    private CharSequence text;
    /** The classes compiled before whose rules the method names: {@code @Differentiable(rules = ...)}. */
    private final List<String> imports = new ArrayList<>();
    /** Root only: the record value each placeholder expression stands for ({@link #aggregate}). */
    private final Map<Expr, RecordValue> aggregates = new IdentityHashMap<>();
    /** Root only: record values held in variables no one else reads (a helper's result). */
    private final java.util.Set<RecordValue> fresh = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** For a helper that returns a record: the variables its returns assign. */
    private RecordValue recordResult;
    /** Root only: catch parameters named so far, which number the next one. */
    private int caught;
    /** Root only: locals declared as a box of java.lang ({@code Double d}), held as its primitive. */
    private final Map<Var, Type> boxed = new IdentityHashMap<>();
    /** Root only: the values of {@code Double.valueOf(x)} calls, and the primitive each holds. */
    private final Map<Expr, Type> boxedValues = new IdentityHashMap<>();
    /** For a method of a record read in place: the record it is called on. */
    private RecordValue self;
    /** Root only: how each source parameter maps to the model's. */
    private final List<io.github.backprop.processor.ir.ParamShape> shapes = new ArrayList<>();
    /** Root only: the parameter a record parameter's component came from, for wrt. */
    private final Map<Var, String> sourceParameter = new IdentityHashMap<>();
    /** Root only: the names that stand for a field of an object inside its methods, and that object. */
    private final Map<Object, RecordValue> fieldsOf = new IdentityHashMap<>();
    /** Root only: the arrays that are fields of an object: {@code {"w", "LinearModel"}}. */
    private final Map<Var, String[]> objectArrays = new IdentityHashMap<>();
    /** Root only: the arrays that are components of a record, which the method must not write. */
    private final java.util.Set<Var> recordArrays = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param caller the session whose call this one inlines, or null for the annotated method
     * @param site that call
     */
    Session(ExecutableElement method, CompilationUnitTree unit, Session caller, Tree site) {
      this.method = method;
      this.unit = unit;
      this.root = caller == null ? this : caller.root;
      this.rootSite = caller == null ? null : caller.unit == root.unit ? site : caller.rootSite;
      this.sources = caller == null ? new IdentityHashMap<>() : root.sources;
      this.positions = caller == null ? new IdentityHashMap<>() : root.positions;
      this.owner = (TypeElement) method.getEnclosingElement();
      this.resolver = new Resolver(elements, owner, unit);
      this.fields = copies != null ? copies : new FieldCopies(trees, elements, owner);
      this.copied = caller == null ? new java.util.LinkedHashSet<>() : root.copied;
      this.calls = new Calls(elements, trees, reporter, unit, owner, fields, copied);
      this.statics = new StaticData(reporter, unit, Resolver.packageOf(owner), fields, copied);
    }

    MethodModel read(MethodTree tree) {
      importRules();
      inlining.addLast(method); // a call back to the method itself is never read in place
      scopes.push(new java.util.LinkedHashMap<>());
      List<Var> params = new ArrayList<>();
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        // An instance method: the object comes in as a first parameter 'self', held as its fields.
        shapes.add(recordParameter("this", "self", owner, params, tree));
        RecordValue me = (RecordValue) scopes.peek().remove("self");
        self = me;
        pushSelf(me);
        scopes.push(new java.util.LinkedHashMap<>());
      }
      for (int i = 0; i < tree.getParameters().size(); i++) {
        VariableTree p = tree.getParameters().get(i);
        TypeElement record = Records.heldOf(method.getParameters().get(i).asType());
        String name = p.getName().toString();
        if (record != null) {
          shapes.add(recordParameter(name, name, record, params, p));
          continue;
        }
        Type type = declaredType(p.getType());
        params.add(declare(name, type, Var.Kind.PARAM));
        shapes.add(io.github.backprop.processor.ir.ParamShape.leaf(name, params.size() - 1));
      }
      Stmt.Block body = block(tree.getBody().getStatements());
      if (!statics.declarations().isEmpty()) {
        List<Stmt> all = new ArrayList<>(statics.declarations());
        all.addAll(body.statements());
        body = new Stmt.Block(all);
      }
      java.util.Set<String> wrt = wrt(method);
      List<Var> independents = new ArrayList<>();
      for (Var p : params) {
        if (p.type().isDifferentiable() && (wrt == null || wrt.contains(sourceParameter.getOrDefault(p, p.name())))) {
          independents.add(p);
        }
      }
      return new MethodModel(
          method, Resolver.owner(owner), params, independents, body, sources, positions, unit, calls.ruleHints(), notInlined,
          List.copyOf(copied));
    }

    /**
     * Reads the rules of the classes the method's {@code rules} names, once per class; a class
     * being compiled needs no naming, its rules are read with the round.
     */
    private void importRules() {
      for (TypeElement type : RuleReader.imports(method)) {
        String name = elements.getBinaryName(type).toString();
        if (trees.getTree(type) != null) {
          continue;
        }
        imports.add(name);
        if (rules.imported(name) != null) {
          continue;
        }
        Map<String, io.github.backprop.processor.rules.CustomRule> read = new java.util.HashMap<>();
        boolean any = false;
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (RuleReader.isRule(m)) {
            any = true;
            RuleReader.Read r = new RuleReader(elements, reporter).read(m, method);
            if (r != null && read.putIfAbsent(r.primal(), r.rule()) != null) {
              reporter.error(
                  Tag.SIGNATURE,
                  type.getSimpleName() + " has two rules for " + r.rule().primal() + ": "
                      + read.get(r.primal()).display() + " and " + r.rule().display() + "; keep one",
                  method);
            }
          }
        }
        if (!any) {
          reporter.error(
              Tag.SIGNATURE,
              type.getSimpleName() + ", named in rules, has no @DerivativeOf method",
              method);
        }
        rules.putImported(name, read);
      }
    }

    /** Where a diagnostic about {@code k} points: its tree, or in a helper of another file the call to it. */
    private void position(Object k, Tree t) {
      positions.put(k, unit == root.unit ? t : rootSite);
    }

    private Var declare(String name, Type type, Var.Kind kind) {
      Var v = new Var(name, type, kind);
      if (type.isNarrow()) {
        narrow.put(v, type);
      }
      scopes.peek().put(name, v);
      return v;
    }

    /**
     * Whether {@code name} is a variable of the method (a parameter or a local) in scope, which a
     * new declaration must not repeat; a field of the object may be shadowed, as in Java.
     */
    private boolean declaredLocally(String name) {
      Object v = lookupAny(name);
      return v != null && !root.fieldsOf.containsKey(v);
    }

    private Object lookupAny(String name) {
      for (Map<String, Object> scope : scopes) {
        Object v = scope.get(name);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /**
     * An assignment to {@code v} would change what an alias in scope names, e.g. {@code i} while
     * {@code row} stands for {@code m[i]}: backprop reads the alias as its expression throughout.
     */
    private void checkAliases(Var v, Tree at) {
      for (Map<String, Object> scope : scopes) {
        for (Map.Entry<String, Object> e : scope.entrySet()) {
          if (e.getValue() instanceof Alias a && Walk.vars(a.expr()).contains(v)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + v.name() + "' is assigned while " + a.describe(e.getKey()) + " is in use;"
                    + " backprop reads that name as " + a.source() + " throughout its scope: keep '"
                    + v.name() + "' unchanged there, or index the array directly",
                at,
                unit);
          }
        }
      }
    }

    private Type declaredType(Tree type) {
      Tree innermost = type;
      while (innermost instanceof ArrayTypeTree a) {
        innermost = a.getType();
      }
      TypeElement data = recordType(innermost);
      if (data != null) {
        requireVisible(data, type);
        if (innermost == type) {
          return Type.objectOf(Resolver.owner(data)); // a record read from an array or a list: data
        }
        if (type instanceof ArrayTypeTree a && a.getType() == innermost) {
          return Type.objectOf(Resolver.owner(data)).arrayOf();
        }
      }
      if (type instanceof com.sun.source.tree.ParameterizedTypeTree pt && pt.getTypeArguments().size() == 1
          && resolver.type((ExpressionTree) pt.getType()) != null
          && resolver.type((ExpressionTree) pt.getType()).getQualifiedName().contentEquals("java.util.List")) {
        if (recordType(pt.getTypeArguments().get(0)) != null) {
          requireVisible(recordType(pt.getTypeArguments().get(0)), type);
          return Type.listOf(Resolver.owner(recordType(pt.getTypeArguments().get(0))));
        }
        TypeElement boxed = pt.getTypeArguments().get(0) instanceof ExpressionTree e ? resolver.type(e) : null;
        if (boxed != null && Records.unboxed(Resolver.owner(boxed)) != null) {
          return Type.listOf(Resolver.owner(boxed)); // List<Double> values = data;
        }
      }
      if (innermost != type && data != null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "arrays of records ('" + type + "') are not supported here: backprop holds a record as its"
                + " components; pass the components as arrays of their own (double[] xs, double[] ys)",
            type,
            unit);
      }
      if (type instanceof ArrayTypeTree a) {
        if (boxOf(a.getType()) != null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of boxes ('" + type + "') are not supported: use an array of the primitive, "
                  + boxOf(a.getType()).prim().keyword() + "[]",
              type,
              unit);
        }
        Type element = declaredType(a.getType());
        if (element.isReference()) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of " + element + " are not supported: pass the values one by one",
              type,
              unit);
        }
        if (element.isNarrow()) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of " + element + " are not supported: use an int[]",
              type,
              unit);
        }
        if (element.dims() >= 2) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "arrays of more than two dimensions are not supported: use double[][], or index a"
                  + " double[] yourself",
              type,
              unit);
        }
        return element.arrayOf();
      }
      if (type instanceof PrimitiveTypeTree p) {
        Type known = Resolver.primitive(p.getPrimitiveTypeKind());
        if (known != null) {
          return known;
        }
        switch (p.getPrimitiveTypeKind()) {
          case BYTE:
            return Type.BYTE;
          case SHORT:
            return Type.SHORT;
          case CHAR:
            return Type.CHAR;
          default:
            break;
        }
      }
      Type unboxed = boxOf(type);
      if (unboxed != null) {
        return unboxed; // Double d: held as a double (read/Boxes)
      }
      Type reference = referenceType(type);
      if (reference != null) {
        return reference;
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "a variable of type '" + type + "' is not supported: use double, float, int, long or"
              + " boolean, or a String or an enum as data with no derivative",
          type,
          unit);
    }

    /** The primitive a box type such as {@code Double} holds, or null for any other type. */
    private Type boxOf(Tree type) {
      return type instanceof ExpressionTree e && !(type instanceof ArrayTypeTree) ? Boxes.primitiveOf(resolver.type(e)) : null;
    }

    private boolean isBoxed(Expr e) {
      return e instanceof Expr.Ref r && root.boxed.containsKey(r.var()) || root.boxedValues.containsKey(e);
    }

    /** The primitive a boxed local or a {@code Double.valueOf(x)} holds. */
    private Type boxedType(Expr e) {
      return e instanceof Expr.Ref r && root.boxed.containsKey(r.var()) ? root.boxed.get(r.var()) : root.boxedValues.get(e);
    }

    private void requireVisible(TypeElement record, Tree at) {
      if (!Resolver.visibleFrom(record, Resolver.packageOf(owner))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "record " + record.getSimpleName() + " is not visible to the generated class in this"
                + " package: make it package-private or public",
            at,
            unit);
      }
    }

    /** String or an enum the generated class can name, as a declaration writes it; or null. */
    private Type referenceType(Tree type) {
      TypeElement named =
          type instanceof ExpressionTree e && !(type instanceof ArrayTypeTree) ? resolver.type(e) : null;
      Type reference = named == null ? null : Resolver.referenceType(named.asType());
      if (reference != null && !Resolver.visibleFrom(named, Resolver.packageOf(owner))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "enum " + named.getSimpleName() + " is not visible to the generated class in this"
                + " package: make it package-private or public",
            type,
            unit);
      }
      return reference;
    }

    // ---- statements ----

    private Stmt.Block block(List<? extends StatementTree> statements) {
      scopes.push(new java.util.LinkedHashMap<>());
      int depth = scopes.size();
      List<Stmt> out = new ArrayList<>();
      List<Stmt> outer = prelude;
      try {
        for (StatementTree s : statements) {
          prelude = new ArrayList<>();
          Stmt stmt;
          try {
            stmt = statement(s);
          } catch (AbortMethod e) {
            if (root != this || survey) {
              throw e;
            }
            // Reported; read on, so every problem of the method is reported in one compilation.
            failed = true;
            while (scopes.size() > depth) {
              scopes.pop();
            }
            continue;
          }
          out.addAll(prelude);
          if (stmt != null) {
            out.add(stmt);
          }
        }
      } finally {
        prelude = outer;
        scopes.pop();
      }
      return new Stmt.Block(out);
    }

    private Stmt.Block asBlock(StatementTree s) {
      if (s == null) {
        return new Stmt.Block(List.of());
      }
      if (s instanceof BlockTree b) {
        return block(b.getStatements());
      }
      return block(List.of(s));
    }

    private Stmt statement(StatementTree s) {
      Stmt stmt = switchStatement(s);
      if (stmt != null) {
        remember(stmt, s);
      }
      return stmt;
    }

    private Stmt switchStatement(StatementTree s) {
      switch (s.getKind()) {
        case BLOCK:
          return block(((BlockTree) s).getStatements());
        case EMPTY_STATEMENT:
          return null;
        case VARIABLE:
          return variable((VariableTree) s);
        case EXPRESSION_STATEMENT:
          return expressionStatement((ExpressionStatementTree) s);
        case RETURN:
          {
            ExpressionTree value = ((ReturnTree) s).getExpression();
            if (value == null) {
              throw reporter.abortQuietly();
            }
            if (recordResult != null) {
              return recordReturn(value);
            }
            return new Stmt.Return(expr(value));
          }
        case IF:
          {
            IfTree t = (IfTree) s;
            Expr condition = condition(t.getCondition());
            return new Stmt.If(condition, asBlock(t.getThenStatement()), asBlock(t.getElseStatement()));
          }
        case LABELED_STATEMENT:
          {
            LabeledStatementTree l = (LabeledStatementTree) s;
            Tree.Kind k = l.getStatement().getKind();
            if (k != Tree.Kind.FOR_LOOP && k != Tree.Kind.ENHANCED_FOR_LOOP
                && k != Tree.Kind.WHILE_LOOP && k != Tree.Kind.DO_WHILE_LOOP) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "a label on a statement that is not a loop is not supported: label a loop, or"
                      + " restructure with if/else",
                  s,
                  unit);
            }
            pendingLabel = l.getLabel().toString();
            return statement(l.getStatement());
          }
        case WHILE_LOOP:
          return whileLoop((WhileLoopTree) s);
        case DO_WHILE_LOOP:
          return doWhileLoop((DoWhileLoopTree) s);
        case FOR_LOOP:
          return forLoop((ForLoopTree) s);
        case ENHANCED_FOR_LOOP:
          return enhancedFor((EnhancedForLoopTree) s);
        case THROW:
          return throwStatement((com.sun.source.tree.ThrowTree) s);
        case TRY:
          return tryStatement((com.sun.source.tree.TryTree) s);
        case ASSERT:
          return assertStatement((com.sun.source.tree.AssertTree) s);
        case BREAK:
          return new Stmt.Break(jumpTarget(((BreakTree) s).getLabel(), s));
        case CONTINUE:
          return new Stmt.Continue(continueTarget(((ContinueTree) s).getLabel()));
        case SWITCH:
          return switches.statement((com.sun.source.tree.SwitchTree) s);
        case YIELD:
          return switches.yield((com.sun.source.tree.YieldTree) s);
        default:
          throw unsupported(s);
      }
    }

    /** {@code throw e;}: the exception is kept as written, its message may show any value. */
    private Stmt throwStatement(com.sun.source.tree.ThrowTree t) {
      Expr e = value(t.getExpression());
      if (!Calls.isObject(e)) {
        throw reporter.abortQuietly(); // javac: a primitive cannot be thrown
      }
      return new Stmt.Throw((Expr.Foreign) e);
    }

    /**
     * {@code try}: read into an {@code if} that every pass follows as a branch ({@link Tries}).
     * Each catch parameter is a name for the caught exception, printed as {@code _caught0}.
     */
    private Stmt tryStatement(com.sun.source.tree.TryTree t) {
      Tries.checkShape(t, reporter, unit);
      Stmt.Block body = block(t.getBlock().getStatements());
      List<Tries.Handler> handlers = new ArrayList<>();
      for (com.sun.source.tree.CatchTree c : t.getCatches()) {
        String name = "_caught" + root.caught++;
        Map<String, Object> scope = new java.util.LinkedHashMap<>();
        List<TypeElement> caughtTypes = new ArrayList<>();
        List<Object> type = catchType(c.getParameter().getType(), caughtTypes);
        Expr caughtValue = calls.object(name, Tries.commonType(caughtTypes).asType());
        scope.put(c.getParameter().getName().toString(), new Alias(caughtValue, name, true));
        scopes.push(scope);
        try {
          handlers.add(new Tries.Handler(type, name, block(c.getBlock().getStatements()), c));
        } finally {
          scopes.pop();
        }
      }
      Stmt.Block fin = t.getFinallyBlock() == null ? null : block(t.getFinallyBlock().getStatements());
      Type result = recordResult != null ? null : Resolver.typeOf(method.getReturnType());
      List<Stmt> lowered = new Tries(reporter, unit, positions, sources).lower(t, body, handlers, fin, result);
      // A block, so that the try's source text labels no single statement of it.
      return new Stmt.Block(lowered);
    }

    /** A catch parameter's type, {@code A | B} for a multi-catch, named so that it resolves anywhere. */
    private List<Object> catchType(Tree type, List<TypeElement> found) {
      List<Object> parts = new ArrayList<>();
      List<? extends Tree> alternatives =
          type instanceof com.sun.source.tree.UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
      for (Tree alternative : alternatives) {
        TypeElement e = alternative instanceof ExpressionTree x ? resolver.type(x) : null;
        if (e == null) {
          throw reporter.abortQuietly(); // javac reports the unknown type
        }
        if (!parts.isEmpty()) {
          parts.add(" | ");
        }
        parts.add(Resolver.owner(e));
        found.add(e);
      }
      return parts;
    }

    /** {@code assert c : m;} is kept as written: it checks what the source checks, when enabled. */
    private Stmt assertStatement(com.sun.source.tree.AssertTree t) {
      List<Object> parts = new ArrayList<>(List.of("assert ", condition(t.getCondition())));
      if (t.getDetail() != null) {
        Expr detail = value(t.getDetail());
        parts.add(" : ");
        parts.addAll(detail instanceof Expr.Foreign f && f.type() == null ? f.parts() : List.of(detail));
      }
      return new Stmt.Assert(new Expr.Foreign(parts, null));
    }

    private LoopId enterLoop() {
      LoopId id = new LoopId(pendingLabel);
      pendingLabel = null;
      loopScopes.push(new LoopScope(id, false));
      return id;
    }

    /** A {@code continue} goes to a loop, never to a switch around it. */
    private LoopId continueTarget(javax.lang.model.element.Name label) {
      for (LoopScope l : loopScopes) {
        if (!l.isSwitch() && (label == null || label.contentEquals(String.valueOf(l.id().label())))) {
          return l.id();
        }
      }
      throw reporter.abortQuietly();
    }

    private LoopId jumpTarget(javax.lang.model.element.Name label, Tree at) {
      for (LoopScope l : loopScopes) {
        if (label == null || label.contentEquals(String.valueOf(l.id().label()))) {
          return l.id();
        }
      }
      // Outside any loop (or to an unknown label) javac reports the error itself.
      throw reporter.abortQuietly();
    }

    /** {@code while (condition) body}; a condition that needs statements is tested in the body. */
    private Stmt whileLoop(WhileLoopTree w) {
      LoopId id = enterLoop();
      try {
        Read<Expr> condition = apart(() -> condition(w.getCondition()));
        Stmt.Block body = asBlock(w.getStatement());
        if (!condition.before().isEmpty()) {
          // while (f(x) > 1) body  →  while (true) { <f's body>; if (!(r > 1)) break; body }
          List<Stmt> test = new ArrayList<>(condition.before());
          test.add(exitUnless(condition.value(), id));
          return new Stmt.Loop(id, List.of(), TRUE, List.of(), join(test, body.statements()), true);
        }
        return new Stmt.Loop(id, List.of(), condition.value(), List.of(), body, true);
      } finally {
        loopScopes.pop();
      }
    }

    /** {@code do body while (condition);}, its condition tested after the body. */
    private Stmt doWhileLoop(DoWhileLoopTree d) {
      LoopId id = enterLoop();
      try {
        Stmt.Block body = asBlock(d.getStatement());
        Read<Expr> condition = apart(() -> condition(d.getCondition()));
        if (!condition.before().isEmpty()) {
          boolean[] continues = {false};
          Walk.each(body, x -> continues[0] |= x instanceof Stmt.Continue c && c.target() == id);
          if (continues[0]) {
            throw noPrelude(d.getCondition());
          }
          List<Stmt> test = new ArrayList<>(condition.before());
          test.add(exitUnless(condition.value(), id));
          return new Stmt.Loop(id, List.of(), TRUE, List.of(), join(body.statements(), test), true);
        }
        return new Stmt.Loop(id, List.of(), condition.value(), List.of(), body, false);
      } finally {
        loopScopes.pop();
      }
    }

    /** {@code for (init; condition; update) body}, with its own scope for the init variables. */
    private Stmt forLoop(ForLoopTree f) {
      LoopId id = enterLoop();
      scopes.push(new java.util.LinkedHashMap<>());
      try {
        List<Stmt> init = new ArrayList<>();
        for (StatementTree t : f.getInitializer()) {
          Read<Stmt> st = apart(() -> statement(t));
          init.addAll(st.before());
          if (st.value() != null) {
            init.add(st.value());
          }
        }
        Read<Expr> condition =
            f.getCondition() == null
                ? new Read<>(TRUE, List.of())
                : apart(() -> condition(f.getCondition()));
        Stmt.Block body = asBlock(f.getStatement());
        List<Stmt> update = new ArrayList<>();
        for (ExpressionStatementTree t : f.getUpdate()) {
          Read<Stmt> st = apart(() -> statement(t));
          update.addAll(st.before());
          if (st.value() != null) {
            update.add(st.value());
          }
        }
        if (!condition.before().isEmpty()) {
          List<Stmt> test = new ArrayList<>(condition.before());
          test.add(exitUnless(condition.value(), id));
          return new Stmt.Loop(id, init, TRUE, update, join(test, body.statements()), true);
        }
        return new Stmt.Loop(id, init, condition.value(), update, body, true);
      } finally {
        scopes.pop();
        loopScopes.pop();
      }
    }

    /**
     * {@code for (double v : a) body} reads as {@code for (int _i = 0; _i < a.length; _i++)
     * { double v = a[_i]; body }}. Over a {@code double[][]}, the row variable names {@code
     * a[_i]}; it is not a copy.
     */
    private Stmt enhancedFor(EnhancedForLoopTree f) {
      LoopId id = enterLoop();
      scopes.push(new java.util.LinkedHashMap<>());
      try {
        Expr array = value(f.getExpression());
        if (isList(array)) {
          return listLoop(f, id, array);
        }
        if (aggregateOf(array) != null) {
          throw notARecordPlace(f.getExpression(), aggregateOf(array));
        }
        if (Calls.isObject(array)) {
          throw calls.notHere(f.getExpression());
        }
        if (!array.type().isArray() || !(array instanceof Expr.Ref || array instanceof Expr.Index)) {
          if (!array.type().isArray()) {
            throw reporter.abortQuietly(); // javac: for-each not applicable
          }
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an enhanced 'for' over a new array is not supported: declare the array first",
              f.getExpression(),
              unit);
        }
        Var index = Var.temp("_i", Type.INT);
        Type element = array.type().element();
        VariableTree v = f.getVariable();
        Type declared = v.getType() == null || isVar(v.getType()) ? element : declaredType(v.getType());
        String name = v.getName().toString();
        if (declaredLocally(name)) {
          throw reporter.abortQuietly();
        }
        Expr read = new Expr.Index(array, new Expr.Ref(index), element);
        List<Stmt> first = new ArrayList<>();
        scopes.push(new java.util.LinkedHashMap<>());
        if (element.isArray()) {
          if (!declared.equals(element)) {
            throw reporter.abortQuietly();
          }
          scopes.peek().put(name, new Alias(read, f.getExpression().toString() + "[...]", true));
        } else {
          if (!declared.acceptsByWidening(element)) {
            throw reporter.abortQuietly();
          }
          Stmt.Declare d = new Stmt.Declare(declare(name, declared, Var.Kind.LOCAL), read);
          remember(d, v);
          sources.put(d, sourceText(v) + " : " + sourceText(f.getExpression()));
          first.add(d);
        }
        // The array is read once per iteration as written: what it names must not change.
        scopes.peek().put(" iterable", new Alias(array, f.getExpression().toString(), false));
        Stmt.Block body = asBlock(f.getStatement());
        scopes.pop();
        first.addAll(body.statements());
        List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
        Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Length(array), Type.BOOLEAN);
        List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
        return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
      } finally {
        scopes.pop();
        loopScopes.pop();
      }
    }

    private Stmt variable(VariableTree v) {
      boolean inferred = v.getType() == null || isVar(v.getType());
      ExpressionTree initTree = v.getInitializer();
      Expr angle = sinCosAngle(initTree);
      if (angle != null) {
        // SinCos sc = FastMath.sinCos(x): its sin() and cos() are two locals, each with its rule.
        String name = v.getName().toString();
        if (declaredLocally(name)) {
          throw reporter.abortQuietly();
        }
        Owner math = Resolver.owner(resolver.type(((MemberSelectTree) ((MethodInvocationTree) initTree).getMethodSelect()).getExpression()));
        Var sin = new Var(name + "Sin", Type.DOUBLE, Var.Kind.LOCAL);
        Var cos = new Var(name + "Cos", Type.DOUBLE, Var.Kind.LOCAL);
        scopes.peek().put(name, new SinCos(sin, cos));
        Expr sinCall = new Expr.Call(math, "sin", List.of(angle), Type.DOUBLE);
        Expr cosCall = new Expr.Call(math, "cos", List.of(angle), Type.DOUBLE);
        position(sinCall, initTree);
        position(cosCall, initTree);
        Stmt first = new Stmt.Declare(sin, sinCall);
        remember(first, v);
        prelude.add(first);
        return new Stmt.Declare(cos, cosCall);
      }
      TypeElement declaredRecord = inferred ? null : recordType(v.getType());
      if (declaredRecord != null || inferred) {
        Stmt made = newRecordVariable(v, declaredRecord);
        if (made != null) {
          return made;
        }
      }
      Type box = inferred ? null : boxOf(v.getType());
      if (box != null && isNull(initTree)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a " + v.getType() + " local set to null is not supported: backprop holds it as a " + box.prim().keyword()
                + "; give it a value (Double.NaN, a flag of its own for 'missing')",
            initTree,
            unit);
      }
      // The initialiser is read first, so its own problems are reported before the type's; a
      // bare {a, b} needs the declared type first.
      boolean bare = initTree instanceof NewArrayTree n && n.getType() == null;
      Expr init = initTree == null || bare ? null : calls.typed(value(initTree));
      if (declaredRecord != null || aggregateOf(init) != null) {
        return recordVariable(v, declaredRecord, init);
      }
      if (init != null && Calls.isObject(init) && !inferred && referenceType(v.getType()) == null) {
        throw calls.notHere(initTree); // Object o = new Object();
      }
      Type declared = inferred ? null : declaredType(v.getType());
      if (bare) {
        init = initializer(initTree, declared);
      }
      Type type;
      if (inferred) {
        if (init == null) {
          throw reporter.abortQuietly();
        }
        type = init.type();
        if (type == null) {
          throw calls.notHere(initTree);
        }
      } else if (type(declared, init, initTree)) {
        type = declared;
      } else {
        type = declared;
        if (type.isNarrow() && init != null) {
          init = IntegerOps.narrow(type, init, declaredTypeOf(init));
        } else if (init != null && !type.acceptsByWidening(init.type())) {
          throw reporter.abortQuietly();
        }
      }
      if (type.isReference() && init instanceof Expr.Foreign f && f.type() == null) {
        init = new Expr.Literal(null, type); // String s = null;
      }
      String name = v.getName().toString();
      if (declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      if (type.isArray() && init instanceof Expr.Foreign f && f.type() != null && f.values().stream().allMatch(MethodReader::isDataValue)) {
        // double[] x = s.x(); of a record of data: its array, read and never written here.
        String local = v.getName().toString();
        if (declaredLocally(local)) {
          throw reporter.abortQuietly();
        }
        Var array = declare(local, type, Var.Kind.LOCAL);
        root.recordArrays.add(array);
        return new Stmt.Declare(array, init);
      }
      if (type.isArray() && init instanceof Expr.Conditional && isTable(init)) {
        // double[] c = x < 0.5 ? P : Q: a choice among static tables, made once, here.
        Var table = declare(name, type, Var.Kind.LOCAL);
        root.tables.add(table);
        return new Stmt.Declare(table, init);
      }
      if (type.isArray() && init != null && !(init instanceof Expr.NewArray)) {
        if (!(init instanceof Expr.Ref || init instanceof Expr.Index)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an array variable must be a new array, another array variable or a row such as"
                  + " m[i]; '" + v.getInitializer() + "' is none of these",
              v.getInitializer(),
              unit);
        }
        // double[] row = m[i]: a second name for an array, read as m[i] wherever it is used.
        scopes.peek().put(name, new Alias(init, v.getInitializer().toString(), true));
        return null;
      }
      if (type.isArray() && init == null) {
        // double[] c; then c = P; or c = new double[] {1, 2}; in each branch: a table chosen later.
        Var table = declare(name, type, Var.Kind.LOCAL);
        root.tables.add(table);
        return new Stmt.Declare(table, null);
      }
      Var local = declare(name, type, Var.Kind.LOCAL);
      if (box != null) {
        root.boxed.put(local, box);
      }
      return new Stmt.Declare(local, init);
    }

    /**
     * Whether {@code init} is what a String or enum variable of type {@code declared} holds: a
     * value of that type or null. A String or object value elsewhere is an error at it.
     */
    private boolean type(Type declared, Expr init, ExpressionTree at) {
      if (init == null || !(declared.isReference() || Calls.isObject(init))) {
        return declared.isReference();
      }
      boolean isNull = at instanceof LiteralTree l && l.getValue() == null;
      if (declared.equals(init.type()) || (declared.isReference() && isNull)) {
        return true;
      }
      boolean object = declared.prim() == Type.Prim.OBJECT && declared.dims() == 0 && Records.recordOf(declaredMirror(declared)) == null;
      if (object && init.type() != null && !init.type().isReference()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + at + "' is a" + (init.type().isArray() ? "n array" : " number") + " put into a variable of"
                + " type " + declared + ", which would hold it without its derivative: declare the"
                + " variable as " + init.type(),
            at,
            unit);
      }
      if (object && init.type() != null) {
        return true; // Object o = rng; javac checks that the class fits
      }
      if (declared.isReference() && init.type() != null) {
        throw reporter.abortQuietly(); // javac: incompatible types
      }
      throw calls.notHere(at);
    }

    private javax.lang.model.type.TypeMirror declaredMirror(Type t) {
      TypeElement e = elements.getTypeElement(t.ref().canonicalName());
      return e == null ? null : e.asType();
    }

    /** An initialiser; a bare {@code {a, b}} takes its type from the declaration. */
    private Expr initializer(ExpressionTree t, Type declared) {
      if (t instanceof NewArrayTree n && n.getType() == null) {
        if (declared == null || !declared.isArray()) {
          throw reporter.abortQuietly();
        }
        Expr e = arrayInitializer(n, declared);
        position(e, t);
        return e;
      }
      return expr(t);
    }

    private boolean isVar(Tree type) {
      return type instanceof IdentifierTree id && id.getName().contentEquals("var");
    }

    private Stmt expressionStatement(ExpressionStatementTree s) {
      return effect(s.getExpression());
    }

    /** An assignment, increment or call as a statement of its own. */
    private Stmt effect(ExpressionTree e) {
      switch (e.getKind()) {
        case ASSIGNMENT:
          {
            AssignmentTree a = (AssignmentTree) e;
            if (a.getVariable() instanceof IdentifierTree id && lookupAny(id.getName().toString()) instanceof RecordValue r) {
              return assignRecord(r, a);
            }
            Expr.Index element = element(a.getVariable(), a.getExpression() instanceof NewArrayTree);
            if (element != null) {
              Read<Expr> read = apart(() -> expr(a.getExpression()));
              element = settlePlace(element, read.before());
              Expr value = read.value();
              if (element.type().isArray() && !(value instanceof Expr.NewArray && element.type().equals(value.type()))) {
                throw reporter.abort(
                    Tag.UNSUPPORTED,
                    "a row may only be given a new array ('" + a.getVariable() + " = new double[k];'):"
                        + " another array would share its elements; copy it with clone()",
                    a.getExpression(),
                    unit);
              }
              if (!element.type().acceptsByWidening(value.type())) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, null, value);
            }
            Var target = target(a.getVariable());
            if (root.boxed.containsKey(target) && isNull(a.getExpression())) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "setting the boxed local '" + target.name() + "' to null is not supported: backprop holds it as a "
                      + root.boxed.get(target).prim().keyword() + "; give it a value (Double.NaN, a flag of its own for 'missing')",
                  a.getExpression(),
                  unit);
            }
            if (target.type().isArray()) {
              Expr table = value(a.getExpression());
              if (!isTable(table) || !target.type().equals(table.type())) {
                throw reporter.abort(
                    Tag.UNSUPPORTED,
                    "an array variable declared without a value may only be given static tables"
                        + " or arrays of constants ('" + a.getVariable() + " = new double[] {1, 2};'),"
                        + " which it then names read-only; to compute into an array, create it"
                        + " where it is declared ('double[] " + a.getVariable() + " = new double[n];')",
                    a.getExpression(),
                    unit);
              }
              return new Stmt.Assign(target, null, table);
            }
            if (target.type().isReference()) {
              // mode = Mode.FAST; s = null;
              Expr value = calls.typed(value(a.getExpression()));
              type(target.type(), value, a.getExpression());
              if (value.type() == null) {
                value = new Expr.Literal(null, target.type());
              }
              return new Stmt.Assign(target, null, value);
            }
            Expr value = expr(a.getExpression());
            if (narrow.containsKey(target)) {
              value = IntegerOps.narrow(narrow.get(target), value, declaredTypeOf(value));
            }
            if (!target.type().acceptsByWidening(value.type())) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, a.getVariable());
            return new Stmt.Assign(target, null, value);
          }
        case PLUS_ASSIGNMENT:
        case MINUS_ASSIGNMENT:
        case MULTIPLY_ASSIGNMENT:
        case DIVIDE_ASSIGNMENT:
        case REMAINDER_ASSIGNMENT:
        case LEFT_SHIFT_ASSIGNMENT:
        case RIGHT_SHIFT_ASSIGNMENT:
        case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        case AND_ASSIGNMENT:
        case OR_ASSIGNMENT:
        case XOR_ASSIGNMENT:
          {
            CompoundAssignmentTree a = (CompoundAssignmentTree) e;
            Expr.Index element = element(a.getVariable());
            Read<Expr> read = apart(() -> expr(a.getExpression()));
            if (element != null) {
              if (Walk.assigned(read.before()).contains(element.base())) {
                throw reporter.abort(
                    Tag.UNSUPPORTED,
                    "'" + element.base().name() + "' is written inside the value of a compound"
                        + " assignment to its element: split it into two statements",
                    a,
                    unit);
              }
              element = settlePlace(element, read.before());
            } else {
              Var self = target(a.getVariable());
              if (Walk.assigned(read.before()).contains(self)) {
                // Java reads the old value first; the IR's s op= v reads it after v.
                throw reporter.abort(
                    Tag.UNSUPPORTED,
                    "'" + a.getVariable() + "' is assigned inside the value of its own compound"
                        + " assignment: split it into two statements",
                    a,
                    unit);
              }
              prelude.addAll(read.before());
            }
            Expr value = read.value();
            Op op = arithmetic(e.getKind());
            if (element != null) {
              if (!compoundApplies(op, element.type(), value.type())) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, op, value);
            }
            Var target = target(a.getVariable());
            if (!compoundApplies(op, target.type(), value.type())) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, a.getVariable());
            if (narrow.containsKey(target)) {
              // b += x on a byte is b = (byte) (b + x)
              return new Stmt.Assign(
                  target, null, IntegerOps.compound(narrow.get(target), new Expr.Ref(target), op, value));
            }
            return new Stmt.Assign(target, op, value);
          }
        case PREFIX_INCREMENT:
        case POSTFIX_INCREMENT:
        case PREFIX_DECREMENT:
        case POSTFIX_DECREMENT:
          {
            boolean up = e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_INCREMENT;
            ExpressionTree operand = ((UnaryTree) e).getExpression();
            Expr.Index element = element(operand);
            if (element != null) {
              if (!element.type().isNumeric()) {
                throw reporter.abortQuietly();
              }
              return new Stmt.Store(element, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
            }
            Var target = target(operand);
            if (!target.type().isNumeric()) {
              throw reporter.abortQuietly();
            }
            checkAliases(target, operand);
            if (narrow.containsKey(target)) {
              return new Stmt.Assign(
                  target,
                  null,
                  IntegerOps.compound(narrow.get(target), new Expr.Ref(target), up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1)));
            }
            return new Stmt.Assign(target, up ? Op.ADD : Op.SUB, Expr.Literal.ofInt(1));
          }
        case METHOD_INVOCATION:
          {
            // A check or a log: kept as written. The value of a derivative-carrying call is lost.
            Expr call = value(e);
            if (inlined.contains(call)) {
              return null; // its body already runs before this statement
            }
            if (call instanceof Expr.Call || call instanceof Expr.Foreign) {
              return new Stmt.Invoke(call);
            }
          }
          // fall through
        default:
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "an expression whose value is not used has no effect on the result: remove it, or"
                  + " assign its value to a variable",
              e,
              unit);
      }
    }

    /** The element an assignment writes, {@code a[i]}, or null if it writes a variable. */
    private Expr.Index element(ExpressionTree t) {
      return element(t, false);
    }

    /** @param rowsMayChange whether a row may be the target: a store of a new array into it */
    private Expr.Index element(ExpressionTree t, boolean rowsMayChange) {
      if (t instanceof ParenthesizedTree p) {
        return element(p.getExpression(), rowsMayChange);
      }
      if (!(t instanceof ArrayAccessTree)) {
        return null;
      }
      Expr e = expr(t);
      if (!(e instanceof Expr.Index i)) {
        throw reporter.abortQuietly();
      }
      if (StaticData.isField(i.base())) {
        throw reporter.abort(
            Tag.FIELD,
            "writing into the static array '" + i.base().name() + "' is not supported: a"
                + " differentiable method must not change state outside itself; copy the array"
                + " into a local one and change that",
            t,
            unit);
      }
      if (root.objectArrays.containsKey(i.base())) {
        String[] field = root.objectArrays.get(i.base());
        throw reporter.abort(Tag.FIELD, HeldObjects.arrayFieldWrite(field[0], field[1], t), t, unit);
      }
      if (root.recordArrays.contains(i.base())) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "writing into an array component of a record ('" + t + "') is not supported: a"
                + " differentiable method leaves the records it is given as they are; copy the array"
                + " (double[] w = r.w().clone();) and write the copy",
            t,
            unit);
      }
      if (root.tables.contains(i.base())) {
        throw readOnly(i.base(), t);
      }
      if (i.type().isArray() && !rowsMayChange) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "assigning a whole row ('" + t + "') this way is not supported: give it a new array"
                + " ('" + t + " = new double[k];') or write its elements one by one",
            t,
            unit);
      }
      return i;
    }

    /** The variable an assignment writes: a local or a parameter, never a field. */
    private Var target(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return target(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        Object named = lookupAny(id.getName().toString());
        if (named instanceof Var v && v.type().isArray() && root.tables.contains(v)) {
          return v;
        }
        if (named != null && root.fieldsOf.containsKey(named)) {
          throw fieldWrite(id.getName().toString(), root.fieldsOf.get(named), t);
        }
        if (named instanceof Alias || (named instanceof Var v && v.type().isArray())) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "assigning a whole array ('" + id.getName() + "') is not supported: write its"
                  + " elements, or declare a new array variable",
              t,
              unit);
        }
        if (named instanceof Var v) {
          return v;
        }
        if (named instanceof SinCos) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a SinCos local cannot be assigned again in a differentiable method: declare a new one",
              t,
              unit);
        }
        if (!isField(id.getName().toString())) {
          throw reporter.abortQuietly(); // javac: cannot find symbol
        }
      }
      if (t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("length")
          && ms.getExpression() instanceof IdentifierTree named && lookupAny(named.getName().toString()) != null) {
        throw reporter.abortQuietly(); // javac: cannot assign a value to final variable length
      }
      if (t instanceof MemberSelectTree ms && heldValue(ms.getExpression()) != null) {
        throw fieldWrite(ms.getIdentifier().toString(), heldValue(ms.getExpression()), t);
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "writing to a field is not supported: a differentiable method must not change state"
              + " outside itself; use a local variable and return the result",
          t,
          unit);
    }

    /** Writing a field of an object the method holds as its fields: an error saying what to write. */
    private AbortMethod fieldWrite(String field, RecordValue of, Tree t) {
      return reporter.abort(Tag.FIELD, HeldObjects.fieldWrite(field, of.name()), t, unit);
    }

    /** Whether {@code name} names a field the method can see. */
    private boolean isField(String name) {
      for (TypeElement scope : resolver.staticScopes(name)) {
        if (field(scope, name) != null) {
          return true;
        }
      }
      return false;
    }

    // ---- expressions ----

    private Expr condition(ExpressionTree t) {
      Expr c = expr(t);
      if (!c.type().equals(Type.BOOLEAN)) {
        throw reporter.abortQuietly();
      }
      return c;
    }

    private Expr expr(ExpressionTree t) {
      Expr e = value(t);
      if (aggregateOf(e) != null) {
        throw notARecordPlace(t, aggregateOf(e));
      }
      if (Calls.isObject(e)) {
        throw calls.notHere(t);
      }
      return e;
    }

    /** An expression that may also be a String or an object: an argument, a message, a throw. */
    private Expr value(ExpressionTree t) {
      Expr e = switchExpr(t);
      position(e, t);
      return e;
    }

    private Expr switchExpr(ExpressionTree t) {
      switch (t.getKind()) {
        case PARENTHESIZED:
          return value(((ParenthesizedTree) t).getExpression());
        case STRING_LITERAL:
        case NULL_LITERAL:
          return calls.literal((LiteralTree) t);
        case NEW_CLASS:
          {
            com.sun.source.tree.NewClassTree n = (com.sun.source.tree.NewClassTree) t;
            TypeElement created = resolver.type(n.getIdentifier());
            if (Records.isRecord(created)) {
              return aggregate(newRecord(n, created, null));
            }
            List<Expr> args = new ArrayList<>();
            n.getArguments().forEach(a -> args.add(value(a)));
            for (int i = 0; i < args.size(); i++) {
              if (aggregateOf(args.get(i)) != null) {
                throw notARecordPlace(n.getArguments().get(i), aggregateOf(args.get(i)));
              }
            }
            return calls.newObject(n, created, args);
          }
        case INT_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.INT);
        case LONG_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.LONG);
        case DOUBLE_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.DOUBLE);
        case FLOAT_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.FLOAT);
        case BOOLEAN_LITERAL:
          return new Expr.Literal(((LiteralTree) t).getValue(), Type.BOOLEAN);
        case IDENTIFIER:
          return identifier((IdentifierTree) t);
        case MEMBER_SELECT:
          return memberSelect((MemberSelectTree) t);
        case METHOD_INVOCATION:
          return invocation((MethodInvocationTree) t);
        case ARRAY_ACCESS:
          {
            ArrayAccessTree a = (ArrayAccessTree) t;
            Expr array = expr(a.getExpression());
            Expr index = expr(a.getIndex());
            if (!array.type().isArray() || !index.type().equals(Type.INT)) {
              if (array.type().isArray() && index.type().equals(Type.LONG)) {
                throw reporter.abortQuietly(); // javac: lossy conversion
              }
              throw reporter.abortQuietly();
            }
            if (!(array instanceof Expr.Ref || array instanceof Expr.Index)) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "indexing an array that has no name is not supported: declare it first",
                  a.getExpression(),
                  unit);
            }
            return new Expr.Index(array, index);
          }
        case NEW_ARRAY:
          return newArray((NewArrayTree) t);
        case UNARY_PLUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return operand;
          }
        case UNARY_MINUS:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            requireNumeric(operand);
            return new Expr.Unary(Op.NEG, operand, Type.promote(operand.type(), Type.INT));
          }
        case LOGICAL_COMPLEMENT:
          return new Expr.Unary(Op.NOT, condition(((UnaryTree) t).getExpression()), Type.BOOLEAN);
        case BITWISE_COMPLEMENT:
          {
            Expr operand = expr(((UnaryTree) t).getExpression());
            if (!operand.type().isIntegral()) {
              throw reporter.abortQuietly();
            }
            return new Expr.Unary(Op.COMPLEMENT, operand, Type.promote(operand.type(), Type.INT));
          }
        case CHAR_LITERAL:
          // Its value as a number, as arithmetic sees it; printed back as 'a'.
          return new Expr.Literal((int) (Character) ((LiteralTree) t).getValue(), Type.CHAR);
        case TYPE_CAST:
          {
            TypeCastTree c = (TypeCastTree) t;
            Type to = declaredType(c.getType());
            Expr operand = expr(c.getExpression());
            if (to.isNumeric() != operand.type().isNumeric()) {
              boolean boxes = to.prim() == Type.Prim.OBJECT || operand.type().prim() == Type.Prim.OBJECT;
              if (boxes && (to.isNumeric() || operand.type().isNumeric())) {
                // Java boxes or unboxes here; the box would hold the number without its derivative.
                throw reporter.abort(
                    Tag.UNSUPPORTED,
                    "the cast '" + sourceText(t) + "' moves a number between a primitive and an object, which would"
                        + " hold it without its derivative: keep the value in a double (or int, long,"
                        + " boolean) variable",
                    t,
                    unit);
              }
              throw reporter.abortQuietly();
            }
            return new Expr.Cast(to, operand);
          }
        case SWITCH_EXPRESSION:
          return switches.expression((com.sun.source.tree.SwitchExpressionTree) t);

        case CONDITIONAL_EXPRESSION:
          return conditional((ConditionalExpressionTree) t);
        default:
          if (t instanceof BinaryTree b) {
            return binary(b);
          }
          if (t instanceof AssignmentTree || t instanceof CompoundAssignmentTree || isIncrement(t)) {
            return assignmentValue(t);
          }
          throw unsupported(t);
      }
    }

    /** {@code c ? a : b}; a branch that needs statements runs them in an {@code if} of its own. */
    private Expr conditional(ConditionalExpressionTree c) {
      Expr cond = condition(c.getCondition());
      Read<Expr> ra = apart(() -> value(c.getTrueExpression()));
      Read<Expr> rb = apart(() -> value(c.getFalseExpression()));
      if (aggregateOf(ra.value()) != null || aggregateOf(rb.value()) != null) {
        return recordConditional(cond, ra, rb, c);
      }
      Expr a = ra.value();
      Expr b = rb.value();
      if (Calls.isObject(a) || Calls.isObject(b)) {
        throw calls.notHere(Calls.isObject(a) ? c.getTrueExpression() : c.getFalseExpression());
      }
      Type type;
      if (a.type().isNumeric() && b.type().isNumeric()) {
        type = Type.promote(a.type(), b.type());
      } else if (a.type().equals(b.type())) {
        type = a.type();
      } else {
        throw reporter.abortQuietly();
      }
      if (ra.before().isEmpty() && rb.before().isEmpty()) {
        return new Expr.Conditional(cond, a, b, type);
      }
      if (prelude == null) {
        throw noPrelude(c);
      }
      // c ? f(x) : y  →  double _q; if (c) { <f's body>; _q = r; } else { _q = y; }
      Var q = Var.temp("_q", type);
      prelude.add(new Stmt.Declare(q, null));
      prelude.add(
          new Stmt.If(
              cond,
              join(ra.before(), List.of(new Stmt.Assign(q, null, a))),
              join(rb.before(), List.of(new Stmt.Assign(q, null, b)))));
      return new Expr.Ref(q);
    }

    private Expr binary(BinaryTree t) {
      Op op = binaryOp(t.getKind());
      if (op == null) {
        throw unsupported(t);
      }
      Expr l;
      Expr r;
      if (op == Op.ADD) {
        l = value(t.getLeftOperand());
        Read<Expr> right = apart(() -> value(t.getRightOperand()));
        l = settle(l, right.before());
        r = right.value();
        if (aggregateOf(l) != null || aggregateOf(r) != null) {
          throw notARecordPlace(aggregateOf(l) != null ? t.getLeftOperand() : t.getRightOperand(),
              aggregateOf(l) != null ? aggregateOf(l) : aggregateOf(r));
        }
        if (Calls.isObject(l) || Calls.isObject(r)) {
          return calls.concat(l, r); // a message: "x = " + x
        }
      } else if (op == Op.EQ || op == Op.NE) {
        l = calls.typed(value(t.getLeftOperand()));
        Read<Expr> right = apart(() -> calls.typed(value(t.getRightOperand())));
        l = settle(l, right.before());
        r = right.value();
        if ((isBoxed(l) && isNull(t.getRightOperand())) || (isBoxed(r) && isNull(t.getLeftOperand()))) {
          return new Expr.Literal(op == Op.NE, Type.BOOLEAN); // a boxed local is never null here
        }
        if (isBoxed(l) && isBoxed(r)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "'" + t + "' compares two boxes by reference, which backprop cannot follow: compare"
                  + " their values, e.g. a.doubleValue() " + (op == Op.EQ ? "==" : "!=") + " b.doubleValue()",
              t,
              unit);
        }
        if (Calls.isObject(l) || Calls.isObject(r)) {
          return references(op, l, r, t);
        }
      } else {
        l = expr(t.getLeftOperand());
        if (op == Op.AND || op == Op.OR) {
          Read<Expr> right = apart(() -> expr(t.getRightOperand()));
          r = right.value();
          if (!right.before().isEmpty()) {
            if (prelude == null) {
              throw noPrelude(t);
            }
            // a && f(x) > 0  →  boolean _c = a; if (_c) { <f's body>; _c = r > 0; }
            Var c = Var.temp("_c", Type.BOOLEAN);
            prelude.add(new Stmt.Declare(c, l));
            Stmt.Block rest = join(right.before(), List.of(new Stmt.Assign(c, null, r)));
            Stmt.Block none = new Stmt.Block(List.of());
            prelude.add(
                op == Op.AND
                    ? new Stmt.If(new Expr.Ref(c), rest, none)
                    : new Stmt.If(new Expr.Ref(c), none, rest));
            return new Expr.Ref(c);
          }
        } else {
          Read<Expr> right = apart(() -> expr(t.getRightOperand()));
          l = settle(l, right.before());
          r = right.value();
        }
      }
      if (op.isLogical()) {
        if (!l.type().equals(Type.BOOLEAN) || !r.type().equals(Type.BOOLEAN)) {
          throw reporter.abortQuietly();
        }
        // d != null && ... of a boxed local reads true && ...: the identity of && (|| for false).
        Boolean unit = op == Op.AND ? Boolean.TRUE : op == Op.OR ? Boolean.FALSE : null;
        if (unit != null && l instanceof Expr.Literal k && unit.equals(k.value())) {
          return r;
        }
        if (unit != null && r instanceof Expr.Literal k && unit.equals(k.value())) {
          return l;
        }
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      if ((op == Op.EQ || op == Op.NE) && l.type().equals(Type.BOOLEAN) && r.type().equals(Type.BOOLEAN)) {
        return new Expr.Binary(op, l, r, Type.BOOLEAN);
      }
      if (op.isBitwise()) {
        Type type = IntegerOps.binaryType(op, l.type(), r.type());
        if (type == null) {
          throw reporter.abortQuietly(); // javac: bad operand types
        }
        return new Expr.Binary(op, l, r, type);
      }
      requireNumeric(l);
      requireNumeric(r);
      return new Expr.Binary(op, l, r, op.isComparison() ? Type.BOOLEAN : Type.promote(l.type(), r.type()));
    }

    /**
     * {@code mode == Mode.FAST}, {@code s != null}: a String or enum compared by reference, as
     * Java compares it. Values of other types keep their own errors.
     */
    private Expr references(Op op, Expr l, Expr r, BinaryTree t) {
      if (aggregateOf(l) != null || aggregateOf(r) != null) {
        throw notARecordPlace(aggregateOf(l) != null ? t.getLeftOperand() : t.getRightOperand(),
            aggregateOf(l) != null ? aggregateOf(l) : aggregateOf(r));
      }
      boolean lNull = isNull(t.getLeftOperand());
      boolean rNull = isNull(t.getRightOperand());
      Type type = l.type() != null && l.type().isReference() ? l.type() : r.type();
      if (type == null || !type.isReference()) {
        if (!Calls.isObject(l) && !Calls.isObject(r)) {
          throw reporter.abortQuietly(); // javac: incomparable types
        }
        throw calls.notHere(Calls.isObject(l) && !lNull ? t.getLeftOperand() : t.getRightOperand());
      }
      l = lNull ? new Expr.Literal(null, type) : l;
      r = rNull ? new Expr.Literal(null, type) : r;
      if (!type.equals(l.type()) || !type.equals(r.type())) {
        Expr other = type.equals(l.type()) ? r : l;
        if (other.type() != null && !other.type().isReference()) {
          throw reporter.abortQuietly(); // javac: incomparable types
        }
        throw calls.notHere(type.equals(l.type()) ? t.getRightOperand() : t.getLeftOperand());
      }
      return new Expr.Binary(op, l, r, Type.BOOLEAN);
    }

    private static boolean isNull(ExpressionTree t) {
      while (t instanceof ParenthesizedTree p) {
        t = p.getExpression();
      }
      return t instanceof LiteralTree l && l.getKind() == Tree.Kind.NULL_LITERAL;
    }

    /**
     * The type generated code gives {@code e}: a parameter keeps its declared char, byte or short,
     * while a local of one is held in an int.
     */
    private static Type generatedType(Expr e) {
      if (e instanceof Expr.Ref r && r.var().kind() == Var.Kind.PARAM) {
        return r.var().declared();
      }
      return e instanceof Expr.Cast c ? c.type() : e.type();
    }

    /** An expression's type as the source declares it: byte, short or char for such a variable. */
    private Type declaredTypeOf(Expr e) {
      if (e instanceof Expr.Cast c) {
        return c.type();
      }
      if (e instanceof Expr.Conditional c) {
        // b ? (byte) 1 : (byte) -1 is a byte in Java (JLS 15.25), so it needs no cast to one.
        Type t = declaredTypeOf(c.whenTrue());
        Type f = declaredTypeOf(c.whenFalse());
        return t.isNarrow() && t.equals(f) ? t : c.type();
      }
      return e instanceof Expr.Ref r && narrow.containsKey(r.var()) ? narrow.get(r.var()) : e.type();
    }

    /** Whether javac accepts {@code target op= value}: arithmetic on numbers, bitwise on integers or booleans. */
    private boolean compoundApplies(Op op, Type target, Type value) {
      if (op.isBitwise()) {
        return IntegerOps.binaryType(op, target, value) != null;
      }
      return target.isNumeric() && value.isNumeric();
    }

    private void requireNumeric(Expr e) {
      if (!e.type().isNumeric()) {
        throw reporter.abortQuietly();
      }
    }

    private Expr identifier(IdentifierTree t) {
      String name = t.getName().toString();
      Object named = lookupAny(name);
      if (named instanceof Alias a) {
        return a.expr();
      }
      if (named instanceof SinCos) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' (a SinCos) can only be read through " + name + ".sin() and " + name
                + ".cos() in a differentiable method",
            t,
            unit);
      }
      if (named instanceof Var v) {
        return new Expr.Ref(v);
      }
      if (named instanceof RecordValue r) {
        return aggregate(r);
      }
      if (named == null && self != null && Records.hiddenField(self.type, name) != null) {
        throw reporter.abort(Tag.FIELD, Records.hiddenField(self.type, name), t, unit);
      }
      for (TypeElement scope : resolver.staticScopes(name)) {
        VariableElement field = field(scope, name);
        if (field != null) {
          return constant(field, t);
        }
      }
      throw reporter.abortQuietly();
    }

    private Expr memberSelect(MemberSelectTree t) {
      if (t.getIdentifier().contentEquals("class")) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "class literals are not supported in a differentiable method: it works on primitive"
                + " values",
            t,
            unit);
      }
      if (t.getIdentifier().contentEquals("length") && isArrayValue(t.getExpression())) {
        return new Expr.Length(expr(t.getExpression()));
      }
      if (t.getIdentifier().contentEquals("length") && t.getExpression() instanceof MethodInvocationTree) {
        Expr array = value(t.getExpression()); // r.w().length of a record's array component
        if (array.type() != null && array.type().isArray()) {
          return new Expr.Length(array);
        }
        throw reporter.abortQuietly(); // javac: length of no array
      }
      RecordValue held = heldValue(t.getExpression());
      if (held != null && Records.hasComponent(held.type, t.getIdentifier().toString())) {
        return component(held, t.getIdentifier().toString()); // p.x, as the record's own code may read it
      }
      if (held != null && Records.hiddenField(held.type, t.getIdentifier().toString()) != null) {
        throw reporter.abort(Tag.FIELD, Records.hiddenField(held.type, t.getIdentifier().toString()), t, unit);
      }
      TypeElement type = resolver.type(t.getExpression());
      if (type == null) {
        if (!namesAValue(t.getExpression())) {
          throw reporter.abortQuietly(); // javac reports the unknown name
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + t + "': only static final constants of a class, such as Math.PI, can be read here",
            t,
            unit);
      }
      VariableElement field = field(type, t.getIdentifier().toString());
      if (field == null) {
        throw reporter.abortQuietly();
      }
      return constant(field, t);
    }

    /** The record or object {@code t} names without running anything ({@code p}, {@code this.in}); or null. */
    private RecordValue heldValue(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return heldValue(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        return lookupAny(id.getName().toString()) instanceof RecordValue r ? r : null;
      }
      if (t instanceof MemberSelectTree ms && heldValue(ms.getExpression()) != null) {
        return heldValue(ms.getExpression()).parts.get(ms.getIdentifier().toString()) instanceof RecordValue r ? r : null;
      }
      return null;
    }

    /** Whether {@code t} is an array of this method: a variable, an alias, or an element row. */
    private boolean isArrayValue(ExpressionTree t) {
      if (t instanceof ParenthesizedTree p) {
        return isArrayValue(p.getExpression());
      }
      if (t instanceof IdentifierTree id) {
        Object named = lookupAny(id.getName().toString());
        if (named == null) {
          // A static array field: TABLE.length
          for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
            VariableElement f = field(scope, id.getName().toString());
            if (f != null) {
              return f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
            }
          }
        }
        return named instanceof Alias || (named instanceof Var v && v.type().isArray());
      }
      if (t instanceof MemberSelectTree ms) {
        // Other.TABLE.length
        TypeElement type = resolver.type(ms.getExpression());
        VariableElement f = type == null ? null : field(type, ms.getIdentifier().toString());
        return f != null && f.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY;
      }
      return t instanceof ArrayAccessTree;
    }

    /** {@code new double[n][m]}, or {@code new double[] {a, b}}. */
    private Expr newArray(NewArrayTree n) {
      if (n.getType() == null) {
        throw reporter.abortQuietly(); // a bare {a, b} outside a declaration: javac reports it
      }
      Type element = declaredType(n.getType());
      if (element.prim() == Type.Prim.OBJECT || element.prim() == Type.Prim.LIST) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "creating an array of records is not supported in a differentiable method: keep the"
                + " components in arrays of their own, or pass the records in as a parameter",
            n,
            unit);
      }
      if (element.isNarrow()) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of " + element + " are not supported: use an int[]", n, unit);
      }
      if (n.getInitializers() != null) {
        Type type = element;
        for (int i = 0; i < Math.max(1, n.getDimensions().size()); i++) {
          type = type.arrayOf();
        }
        if (type.dims() > 2) {
          throw reporter.abort(
              Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
        }
        return arrayInitializer(n, type);
      }
      List<Expr> dims = new ArrayList<>();
      for (ExpressionTree d : n.getDimensions()) {
        Expr e = expr(d);
        if (!e.type().equals(Type.INT)) {
          throw reporter.abortQuietly();
        }
        dims.add(e);
      }
      Type type = element;
      for (int i = 0; i < dims.size(); i++) {
        type = type.arrayOf();
      }
      if (type.dims() > 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
      }
      if (element.isArray()) {
        type = element.element().arrayOf().arrayOf(); // new double[n][]: rows allocated later
      }
      return new Expr.NewArray(type, dims, List.of());
    }

    /** {@code {a, b}} of type {@code type}; rows of a two-dimensional one are initialisers too. */
    private Expr arrayInitializer(NewArrayTree n, Type type) {
      if (type.dims() > 2) {
        throw reporter.abort(
            Tag.UNSUPPORTED, "arrays of more than two dimensions are not supported", n, unit);
      }
      Type element = type.element();
      List<Expr> elements = new ArrayList<>();
      for (ExpressionTree e : n.getInitializers()) {
        Expr x;
        if (element.isArray()) {
          if (!(e instanceof NewArrayTree row)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "a row that is not written out ('" + e + "') is not supported: write it as {a, b}",
                e,
                unit);
          }
          x = arrayInitializer(row, element);
          position(x, e);
        } else {
          x = expr(e);
          if (!element.acceptsByWidening(x.type())) {
            throw reporter.abortQuietly();
          }
        }
        elements.add(x);
      }
      return new Expr.NewArray(type, List.of(), elements);
    }

    /** Whether a qualifier is a variable or field (an object), not an unknown name. */
    private boolean namesAValue(ExpressionTree qualifier) {
      if (qualifier instanceof IdentifierTree id) {
        String name = id.getName().toString();
        if (lookupAny(name) != null) {
          return true;
        }
        for (TypeElement scope : resolver.staticScopes(name)) {
          if (field(scope, name) != null) {
            return true;
          }
        }
        return false;
      }
      if (qualifier instanceof MemberSelectTree ms) {
        TypeElement owner = resolver.type(ms.getExpression());
        return owner != null ? field(owner, ms.getIdentifier().toString()) != null : namesAValue(ms.getExpression());
      }
      // A call, a literal, a parenthesised expression: a value either way.
      return true;
    }

    private VariableElement field(TypeElement type, String name) {
      return Resolver.field(type, name);
    }

    private Expr constant(VariableElement field, Tree t) {
      if (Resolver.isStatic(field)
          && Resolver.typeOf(field.asType()) == null
          && field.asType().getKind() != javax.lang.model.type.TypeKind.ARRAY) {
        return calls.field(field, t); // an object: a logger, a distribution, a message
      }
      return statics.read(field, t);
    }

    private Expr invocation(MethodInvocationTree t) {
      Streams.Pipeline pipeline;
      try {
        pipeline = Streams.match(t, resolver::type);
      } catch (Streams.Unsupported e) {
        throw reporter.abort(Tag.UNSUPPORTED, e.getMessage(), e.at, unit);
      }
      if (pipeline != null) {
        return stream(pipeline, t);
      }
      if (!t.getTypeArguments().isEmpty()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "explicit type arguments ('" + t.getMethodSelect() + "') are not supported: call a"
                + " static method that is not generic",
            t,
            unit);
      }
      List<Expr> args = new ArrayList<>();
      List<Type> argTypes = new ArrayList<>();
      for (ExpressionTree a : t.getArguments()) {
        Read<Expr> read = apart(() -> calls.typed(value(a)));
        settleAll(args, read.before());
        Expr e = read.value();
        args.add(e);
        // A byte, short or char variable is held as an int, but chooses overloads as declared.
        argTypes.add(declaredTypeOf(e));
      }
      ExpressionTree select = t.getMethodSelect();
      String name;
      List<TypeElement> scopes;
      Expr receiver = null;
      if (select instanceof IdentifierTree id) {
        name = id.getName().toString();
        if (self != null && isInstanceMethodOf(self.type, name)) {
          return recordMethod(self, name, args, t); // x() or norm() inside a method of the record
        }
        scopes = resolver.staticScopes(name);
      } else if (select instanceof MemberSelectTree ms) {
        name = ms.getIdentifier().toString();
        Expr part = sinCosPart(ms, t);
        if (part != null) {
          return part;
        }
        TypeElement type = resolver.type(ms.getExpression());
        if (type == null) {
          if (!namesAValue(ms.getExpression())) {
            throw reporter.abortQuietly(); // javac reports the unknown name
          }
          receiver = value(ms.getExpression());
          if (aggregateOf(receiver) != null) {
            return recordMethod(aggregateOf(receiver), name, args, t);
          }
          if (isList(receiver)) {
            return listCall(receiver, name, args, t);
          }
          if (isBoxed(receiver)) {
            Expr unboxed = Boxes.call(boxedType(receiver), receiver, name, args);
            if (unboxed == null) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "'" + name + "' of a boxed local is not supported: backprop holds it as its primitive;"
                      + " use its value (doubleValue(), intValue(), ...), isNaN() or compareTo()",
                  t,
                  unit);
            }
            return unboxed;
          }
          if (!Calls.isObject(receiver)) {
            if (receiver.type().isArray() && name.equals("clone") && t.getArguments().isEmpty()
                && !receiver.type().element().isArray() && prelude != null) {
              // w.clone(): a new array of w's length, and the copy System.arraycopy would make.
              Var copy = Var.temp("_copy", receiver.type());
              prelude.add(
                  new Stmt.Declare(copy, new Expr.NewArray(receiver.type(), List.of(new Expr.Length(receiver)), List.of())));
              Expr zero = Expr.Literal.ofInt(0);
              arraycopy(List.of(receiver, zero, new Expr.Ref(copy), zero, new Expr.Length(receiver)), t);
              return new Expr.Ref(copy);
            }
            if (receiver.type().isArray()) {
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "calling a method on an array ('" + t + "') is not supported: write the loop, or"
                      + " create a new array and copy the elements"
                      + (name.equals("clone") ? " (clone() copies arrays of one dimension)" : ""),
                  t,
                  unit);
            }
            throw reporter.abortQuietly(); // javac: a primitive has no methods
          }
          type = calls.classOf(receiver);
          if (type == null) {
            throw reporter.abortQuietly();
          }
          List<ExecutableElement> candidates = calls.methods(type, name);
          ExecutableElement m = calls.choose(candidates, args);
          if (m == null) {
            throw reporter.abortQuietly(); // javac reports no suitable method
          }
          return call(m, receiver, args, t, true);
        }
        scopes = List.of(type);
        Type box = Boxes.primitiveOf(type);
        if (box != null && name.equals("valueOf") && args.size() == 1 && args.get(0).type() != null
            && !args.get(0).type().isReference() && !args.get(0).type().isArray()) {
          // Double.valueOf(x): the value itself, as the box holds it.
          Expr a = args.get(0);
          Expr held = a.type().equals(box.stored()) ? a : new Expr.Cast(box, a);
          root.boxedValues.put(held, box);
          return held;
        }
      } else {
        throw unsupported(t);
      }
      for (TypeElement scope : scopes) {
        List<ExecutableElement> candidates = resolver.methods(scope, name);
        if (candidates.isEmpty()) {
          continue;
        }
        if (args.stream().anyMatch(a -> aggregateOf(a) != null || isData(a))) {
          ExecutableElement m = chooseWithRecords(candidates, args);
          if (m == null) {
            throw recordArgumentError(candidates, args, t);
          }
          return recordCall(m, args, t);
        }
        ExecutableElement m = Resolver.choose(candidates, argTypes);
        boolean loose = false;
        if (m == null) {
          // Boxing, varargs, a String or an object: fine for a call that carries no derivative.
          m = Resolver.ambiguous(candidates, argTypes) ? null : calls.choose(candidates, args);
          if (m == null) {
            throw reporter.abortQuietly(); // javac reports no suitable method, or the ambiguity
          }
          loose = true;
        }
        return call(m, receiver, args, t, loose);
      }
      throw reporter.abortQuietly();
    }

    private Expr call(ExecutableElement m, Expr receiver, List<Expr> args, MethodInvocationTree t, boolean loose) {
      String name = m.getSimpleName().toString();
      if (receiver != null && isData(receiver) && Records.recordOf(m.getReturnType()) != null && args.isEmpty()) {
        // s.inner() of a record of data: another record of data
        return new Expr.Foreign(List.of(receiver, "." + name + "()"), Type.objectOf(Resolver.owner(Records.recordOf(m.getReturnType()))));
      }
      if (Records.recordOf(m.getReturnType()) != null || args.stream().anyMatch(a -> aggregateOf(a) != null)) {
        return recordCall(m, args, t);
      }
      args = new ArrayList<>(args);
      for (int i = 0; i < args.size() && i < m.getParameters().size(); i++) {
        Type p = Resolver.typeOf(m.getParameters().get(i).asType());
        if (p != null && p.isNarrow() && !(args.get(i) instanceof Expr.Literal)) {
          args.set(i, IntegerOps.narrow(p, args.get(i), generatedType(args.get(i)))); // a char local is an int here
        }
      }
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      Owner owner = Resolver.owner(declaring);
      Type result = Resolver.typeOf(m.getReturnType());
      List<CustomRule> custom = MethodReader.this.rules.find(RuleReader.key(m), root.imports);
      boolean math = MathRules.OWNERS.contains(declaring.getQualifiedName().toString());
      boolean rules = math || SpecialFunctions.find(owner, name, args.size()) != null;
      if (declaring.getQualifiedName().contentEquals("java.lang.System") && name.equals("arraycopy")) {
        return arraycopy(args, t);
      }
      if (declaring.getQualifiedName().contentEquals("java.util.Arrays") && ArrayMethods.handles(name, args)) {
        return arraysCall(name, args, t);
      }
      if (name.equals("sortInPlace") && LibraryArrays.sortsTogether(declaring, args)) {
        for (int i = 0; i < args.size(); i++) {
          arrayArgument(args.get(i), "MathArrays.sortInPlace", true, t, t.getArguments().get(i));
        }
        Expr x = args.get(0);
        prelude.addAll(ArrayMethods.sortTogether(x, args.subList(1, args.size()), y -> LibraryArrays.mismatch(declaring, y, x)));
        Expr done = new Expr.Foreign(List.of(), null);
        inlined.add(done);
        return done;
      }
      Expr.Call onObject = receiver != null && custom.isEmpty() && !Resolver.isStatic(m) ? calls.onObject(m, receiver, args) : null;
      if (onObject != null) {
        position(onObject, t);
        return onObject;
      }
      // Second order needs the callee's own second derivatives, which its gradient record does
      // not hold: a @Differentiable callee runs in place, as a helper does, where it can.
      if (custom.isEmpty() && !rules && isDifferentiable(m) && secondOrder(root.method) && receiver == null && !loose
          && hasReadableBody(m)) {
        Expr value = inline(m, args, t, new String[1]);
        if (value != null) {
          return value;
        }
      }
      if (custom.isEmpty() && !rules && !isDifferentiable(m)) {
        String why = null;
        // A check the generated class can call, which takes no array, changes nothing a
        // derivative follows: it is called as written.
        boolean check =
            result == null
                && Resolver.visibleFrom(m, Resolver.packageOf(this.owner))
                && m.getParameters().stream().noneMatch(p -> p.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY);
        if (receiver == null && !loose && Resolver.isStatic(m) && !check && hasReadableBody(m)) {
          String[] reason = new String[1];
          Expr value = inline(m, args, t, reason);
          if (value != null) {
            return value;
          }
          why = reason[0];
          if ((recursive != null || survey) && root.inlining.contains(m) && result != null && result.isDifferentiable()) {
            return recursiveCall(m, args, t);
          }
          if (m.getModifiers().contains(Modifier.PRIVATE)) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "backprop runs the private method '" + name + "' inside this one, as it cannot call"
                    + " it from the generated class, but cannot read its body: " + why,
                t,
                unit);
          }
        }
        if (why != null && result != null && result.isArray()) {
          // An array result is only ever used as a second name for the array the body returns.
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "backprop runs '" + name + "', which returns an array, inside this method, but cannot: " + why,
              t,
              unit);
        }
        Expr plain = calls.plain(m, receiver, args, t, loose);
        if (why != null) {
          root.notInlined.put(plain, why);
        }
        return plain;
      }
      if (loose) {
        List<Type> argTypes = new ArrayList<>();
        args.forEach(a -> argTypes.add(a.type()));
        throw reporter.abort(
            Tag.NO_DERIVATIVE,
            "no '" + name + "' takes (" + describe(argTypes) + ") without boxing, varargs or"
                + " a float conversion, which backprop cannot differentiate through: call, or"
                + " write as @Differentiable, a static method whose parameters are double,"
                + " int, long or boolean",
            t,
            unit);
      }
      if (!Resolver.isStatic(m)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' is an instance method; a differentiable method can only call static"
                + " methods",
            t,
            unit);
      }
      if (result == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' returns " + m.getReturnType() + "; only calls returning double, int,"
                + " long or boolean are supported",
            t,
            unit);
      }
      if (!custom.isEmpty()) {
        return ruleCall(m, custom, args, t);
      }
      if (rules) {
        boolean takesDouble =
            m.getParameters().stream().anyMatch(p -> Resolver.typeOf(p.asType()) != null && Resolver.typeOf(p.asType()).isDifferentiable());
        if (takesDouble
            && math
            && MathRules.find(name, args.size()) == null
            && !MathRules.WITHOUT_DERIVATIVE.containsKey(name)) {
          throw reporter.abort(
              Tag.NO_DERIVATIVE,
              owner.simpleNames() + "." + name + " has no derivative rule in backprop; write the"
                  + " function as a @Differentiable method"
                  + (RuleReader.suggestion(m) == null ? "" : ", or declare its derivative: " + RuleReader.suggestion(m)),
              t,
              unit);
        }
        Expr call = new Expr.Call(owner, name, args, result);
        position(call, t);
        return call;
      }
      if (isDifferentiable(m) && result.isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + name + "' returns double[], and a @Differentiable method calls another"
                + " @Differentiable method only for a double: remove @Differentiable from '" + name
                + "', and backprop runs its body inside this method as it does a helper's",
            t,
            unit);
      }
      if (isDifferentiable(m)) {
        List<String> names = new ArrayList<>();
        m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
        List<Type> types = Resolver.paramTypes(m);
        boolean takesArrays = types.stream().anyMatch(ty -> ty != null && ty.isArray());
        java.util.Set<Integer> writes = takesArrays ? calleeFacts.writes(m) : java.util.Set.of();
        for (int i = 0; i < args.size(); i++) {
          if (!args.get(i).type().isArray() || survey) {
            continue;
          }
          if (writes == null) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "passing an array to '" + name + "', which was compiled before this class, is not"
                    + " supported: backprop cannot see whether it writes into the array; compile"
                    + " them together",
                t.getArguments().get(i),
                unit);
          }
          if (writes.contains(i)) {
            // Its gradient says nothing of the values it leaves in the array: run its body here,
            // as a helper's, so the sweeps follow the writes.
            String[] reason = new String[1];
            Expr value = hasReadableBody(m) ? inline(m, args, t, reason) : null;
            if (value != null) {
              return value;
            }
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "'" + name + "' writes into its array parameter '" + names.get(i) + "', so backprop"
                    + " runs its body inside this method, but cannot here"
                    + (reason[0] == null ? "" : ": " + reason[0])
                    + "; or let " + name + " write into an array it creates itself",
                t.getArguments().get(i),
                unit);
          }
        }
        Owner grad = GeneratedNames.gradClass(owner);
        Callee callee =
            new Callee(
                owner,
                grad,
                name,
                name,
                types,
                GeneratedNames.accessors(names, types, wrt(m)),
                new Owner(grad.packageName(), grad.simpleNames() + "." + recordNames(declaring).get(m)),
                !m.getModifiers().contains(Modifier.PRIVATE),
                overloaded(declaring, m),
                writes,
                calleeFacts.unread(m),
                Resolver.typeOf(m.getReturnType()));
        return new Expr.DiffCall(callee, args);
      }
      throw new IllegalStateException("neither a rule nor @Differentiable: " + m);
    }

    /**
     * {@code System.arraycopy(src, sp, dest, dp, n)} as the loop it performs, so the values it
     * copies keep their derivatives: {@code for (k = 0; k < n; k++) dest[dp + k] = src[sp + k];}.
     * Within one array the loop runs backwards where the ranges could overlap that way, as
     * arraycopy copies as if through a temporary array.
     */
    private Expr arraycopy(List<Expr> args, MethodInvocationTree t) {
      Expr src = args.get(0);
      Expr dest = args.get(2);
      if (Calls.isObject(src) || Calls.isObject(dest) || !src.type().isArray() || !src.type().equals(dest.type())
          || src.type().element().isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "System.arraycopy is supported between two arrays of one primitive type, such as"
                + " double[]; to copy rows, copy the elements of each row",
            t,
            unit);
      }
      if (!(dest instanceof Expr.Ref || dest instanceof Expr.Index) || !(src instanceof Expr.Ref || src instanceof Expr.Index)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "System.arraycopy needs array variables or rows such as m[i]: create the array into a"
                + " variable first",
            t,
            unit);
      }
      Var base = dest instanceof Expr.Ref r ? r.var() : ((Expr.Index) dest).base();
      if (root.tables.contains(base)) {
        throw readOnly(base, t.getArguments().get(2));
      }
      if (StaticData.isField(base)) {
        throw reporter.abort(
            Tag.FIELD,
            "writing into the static array '" + base.name() + "' is not supported: copy into a local array",
            t.getArguments().get(2),
            unit);
      }
      if (prelude == null) {
        throw noPrelude(t);
      }
      Expr from = settled(args.get(1), "_from");
      Expr to = settled(args.get(3), "_to");
      Expr count = settled(args.get(4), "_n");
      Var srcBase = src instanceof Expr.Ref r ? r.var() : ((Expr.Index) src).base();
      prelude.add(CopyLoops.copy(src, from, dest, to, count, srcBase == base));
      Expr done = new Expr.Foreign(List.of(), null);
      inlined.add(done);
      return done;
    }

    /**
     * A stream pipeline as the loop it performs, element by element, in order: the source's
     * elements, each operation's lambda read in place with its parameter bound, and the end's
     * accumulation, with DoubleStream's compensated sum written out as the JDK computes it so
     * that the value is the same to the last bit.
     */
    private Expr stream(Streams.Pipeline p, MethodInvocationTree t) {
      if (prelude == null) {
        throw noPrelude(t);
      }
      Streams.Source src = p.source();
      List<? extends ExpressionTree> sargs = src.args();
      Expr array;
      Expr from;
      Expr to;
      boolean closed = src.kind() == Streams.SourceKind.RANGE_CLOSED;
      switch (src.kind()) {
        case ARRAY, OF -> {
          boolean wholeArray = src.kind() == Streams.SourceKind.ARRAY || sargs.size() == 1;
          Expr first = calls.typed(value(sargs.get(0)));
          if (wholeArray && first.type() != null && first.type().isArray()) {
            array = first; // the array itself, as arraycopy takes it: a copy would lose its derivatives
          } else {
            first = settled(first, "_arg");
            List<Expr> elements = new ArrayList<>();
            elements.add(first);
            for (int i = 1; i < sargs.size(); i++) {
              elements.add(settled(expr(sargs.get(i)), "_arg"));
            }
            Type element = src.ints() ? Type.INT : Type.DOUBLE;
            for (int i = 0; i < elements.size(); i++) {
              if (elements.get(i).type() == null || !element.acceptsByWidening(elements.get(i).type())) {
                throw reporter.abortQuietly(); // javac: no suitable of(...)
              }
            }
            Var of = Var.temp("_of", element.arrayOf());
            prelude.add(new Stmt.Declare(of, new Expr.NewArray(element.arrayOf(), List.of(), elements)));
            array = new Expr.Ref(of);
          }
          if (!(array instanceof Expr.Ref || array instanceof Expr.Index) || array.type().element().isArray()
              || !(array.type().element().equals(Type.DOUBLE) || array.type().element().equals(Type.INT))) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "a stream over this array is not supported: stream a double[] or an int[] variable",
                sargs.get(0),
                unit);
          }
          if (src.kind() == Streams.SourceKind.ARRAY && sargs.size() == 3) {
            from = settled(expr(sargs.get(1)), "_from");
            to = settled(expr(sargs.get(2)), "_to");
            Var n = Var.temp("_n", Type.INT);
            prelude.add(new Stmt.Declare(n, new Expr.Call(ArrayMethods.RANGES, "stream", List.of(new Expr.Length(array), from, to), Type.INT)));
          } else {
            from = Expr.Literal.ofInt(0);
            to = new Expr.Length(array);
          }
        }
        default -> {
          array = null;
          from = settled(expr(sargs.get(0)), "_from");
          to = settled(expr(sargs.get(1)), "_to");
          if (!from.type().equals(Type.INT) || !to.type().equals(Type.INT)) {
            throw reporter.abortQuietly(); // javac: range takes ints
          }
        }
      }
      boolean ints = array == null || array.type().element().equals(Type.INT);
      Streams.Terminal end = p.terminal();
      Expr identity = end.name().equals("reduce") ? settled(expr(end.args().get(0)), "_identity") : null;
      String label = pendingLabel;
      pendingLabel = null;
      LoopId id = enterLoop();
      pendingLabel = label;
      Var k = Var.temp("_k", Type.INT);
      List<Stmt> before = new ArrayList<>();
      List<Stmt> body = new ArrayList<>();
      List<Stmt> outer = prelude;
      Expr result;
      scopes.push(new java.util.LinkedHashMap<>());
      try {
        prelude = body;
        Type type = ints ? Type.INT : Type.DOUBLE;
        Var e0 = Var.temp("_e", type);
        body.add(new Stmt.Declare(e0, array == null ? new Expr.Ref(k) : new Expr.Index(array, new Expr.Ref(k))));
        Expr current = new Expr.Ref(e0);
        for (Streams.Op op : p.ops()) {
          switch (op.name()) {
            case "asDoubleStream" -> {
              type = Type.DOUBLE;
              current = new Expr.Cast(Type.DOUBLE, current);
            }
            case "filter" -> {
              Expr keep = lambda(op.lambda(), List.of(current), List.of(type));
              if (!keep.type().equals(Type.BOOLEAN)) {
                throw reporter.abortQuietly();
              }
              body.add(new Stmt.If(new Expr.Unary(Op.NOT, keep, Type.BOOLEAN), new Stmt.Block(List.of(new Stmt.Continue(id))), new Stmt.Block(List.of())));
            }
            default -> {
              Type out = op.name().equals("mapToDouble") ? Type.DOUBLE : type;
              Expr v = lambda(op.lambda(), List.of(current), List.of(type));
              if (v.type() == null || !out.acceptsByWidening(v.type())) {
                throw reporter.abortQuietly(); // javac: bad return type in lambda
              }
              Var e = Var.temp("_e", out);
              body.add(new Stmt.Declare(e, v));
              type = out;
              current = new Expr.Ref(e);
            }
          }
        }
        if (end.name().equals("toArray")) {
          // Room for every element the source has; a filter may leave fewer, copied out after.
          Expr span = new Expr.Binary(Op.SUB, to, from, Type.INT);
          Expr room = new Expr.Call(Owner.MATH, "max", List.of(Expr.Literal.ofInt(0), closed ? io.github.backprop.processor.ir.Exprs.intAdd(span, 1) : span), Type.INT);
          result = collect(type, current, room, before, body, p.ops().stream().anyMatch(o -> o.name().equals("filter")));
        } else {
          result = accumulate(end, type, current, identity, before, body, t);
        }
      } finally {
        prelude = outer;
        scopes.pop();
        loopScopes.pop();
      }
      prelude.addAll(before);
      Expr test = new Expr.Binary(closed ? Op.LE : Op.LT, new Expr.Ref(k), to, Type.BOOLEAN);
      prelude.add(
          new Stmt.Loop(
              id,
              List.of(new Stmt.Declare(k, from)),
              test,
              List.of(new Stmt.Assign(k, Op.ADD, Expr.Literal.ofInt(1))),
              new Stmt.Block(body),
              true));
      if (end.name().equals("toArray")) {
        // The loop filled the buffer; a filtered one is copied to the length it reached.
        if (toArrayCount == null) {
          return result;
        }
        Var copy = Var.temp("_toArray", result.type());
        prelude.addAll(ArrayMethods.copy(copy, result, null, toArrayCount));
        return new Expr.Ref(copy);
      }
      return finish(end, result, t);
    }

    /**
     * toArray: each element stored at the next index of a buffer with room for all; the buffer.
     * Where a filter may skip elements, {@link #toArrayCount} holds how many it kept.
     */
    private Expr collect(Type type, Expr e, Expr room, List<Stmt> before, List<Stmt> body, boolean filtered) {
      Var buffer = Var.temp("_buffer", type.arrayOf());
      before.add(new Stmt.Declare(buffer, new Expr.NewArray(type.arrayOf(), List.of(room), List.of())));
      Var n = Var.temp("_count", Type.INT);
      before.add(new Stmt.Declare(n, Expr.Literal.ofInt(0)));
      body.add(new Stmt.Store(new Expr.Index(new Expr.Ref(buffer), new Expr.Ref(n)), null, e));
      body.add(new Stmt.Assign(n, Op.ADD, Expr.Literal.ofInt(1)));
      toArrayCount = filtered ? new Expr.Ref(n) : null;
      return new Expr.Ref(buffer);
    }

    /** What the pipeline's end does with each element; its result, completed by {@link #finish}. */
    private Expr accumulate(
        Streams.Terminal end, Type type, Expr e, Expr identity, List<Stmt> before, List<Stmt> body, MethodInvocationTree t) {
      Expr zero = io.github.backprop.processor.ir.Exprs.zeroOf(type);
      switch (end.name()) {
        case "count" -> {
          Var n = Var.temp("_count", Type.LONG);
          before.add(new Stmt.Declare(n, new Expr.Literal(0L, Type.LONG)));
          body.add(new Stmt.Assign(n, Op.ADD, new Expr.Literal(1L, Type.LONG)));
          return new Expr.Ref(n);
        }
        case "reduce" -> {
          Var acc = Var.temp("_acc", type);
          if (!type.acceptsByWidening(identity.type())) {
            throw reporter.abortQuietly();
          }
          before.add(new Stmt.Declare(acc, identity));
          LambdaExpressionTree op = end.args().get(1) instanceof LambdaExpressionTree l ? l : null;
          if (op == null || op.getParameters().size() != 2) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "reduce takes a lambda here, such as '(a, b) -> a + b'; a method reference or a"
                    + " function object is not supported",
                end.args().get(1),
                unit);
          }
          Expr v = lambda(op, List.of(new Expr.Ref(acc), e), List.of(type, type));
          if (v.type() == null || !type.acceptsByWidening(v.type())) {
            throw reporter.abortQuietly();
          }
          body.add(new Stmt.Assign(acc, null, v));
          return new Expr.Ref(acc);
        }
        case "max", "min" -> {
          Var found = Var.temp("_found", Type.BOOLEAN);
          Var m = Var.temp("_" + end.name(), type);
          before.add(new Stmt.Declare(found, FALSE));
          before.add(new Stmt.Declare(m, zero));
          Expr next = new Expr.Call(Owner.MATH, end.name(), List.of(new Expr.Ref(m), e), type);
          position(next, t);
          body.add(
              new Stmt.If(
                  new Expr.Ref(found),
                  new Stmt.Block(List.of(new Stmt.Assign(m, null, next))),
                  new Stmt.Block(List.of(new Stmt.Assign(found, null, TRUE), new Stmt.Assign(m, null, e)))));
          optionals.put(t, new Expr.Ref(found));
          return new Expr.Ref(m);
        }
        default -> { // sum, average
          Var count = null;
          if (end.name().equals("average")) {
            count = Var.temp("_count", type.equals(Type.INT) ? Type.LONG : Type.DOUBLE);
            before.add(new Stmt.Declare(count, io.github.backprop.processor.ir.Exprs.zeroOf(count.type())));
            body.add(new Stmt.Assign(count, Op.ADD, one(count.type())));
          }
          if (type.equals(Type.INT)) {
            Var sum = Var.temp("_sum", end.name().equals("average") ? Type.LONG : Type.INT);
            before.add(new Stmt.Declare(sum, io.github.backprop.processor.ir.Exprs.zeroOf(sum.type())));
            body.add(new Stmt.Assign(sum, Op.ADD, e));
            if (count == null) {
              return new Expr.Ref(sum);
            }
            optionals.put(t, new Expr.Binary(Op.GT, new Expr.Ref(count), io.github.backprop.processor.ir.Exprs.zeroOf(count.type()), Type.BOOLEAN));
            return new Expr.Binary(Op.DIV, new Expr.Cast(Type.DOUBLE, new Expr.Ref(sum)), new Expr.Ref(count), Type.DOUBLE);
          }
          // Collectors.sumWithCompensation and computeFinalSum, as DoubleStream.sum runs them.
          Var s = Var.temp("_sum", Type.DOUBLE);
          Var c = Var.temp("_compensation", Type.DOUBLE);
          Var simple = Var.temp("_simpleSum", Type.DOUBLE);
          before.add(new Stmt.Declare(s, zero));
          before.add(new Stmt.Declare(c, zero));
          before.add(new Stmt.Declare(simple, zero));
          Var tmp = Var.temp("_tmp", Type.DOUBLE);
          Var velvel = Var.temp("_velvel", Type.DOUBLE);
          body.add(new Stmt.Declare(tmp, new Expr.Binary(Op.SUB, e, new Expr.Ref(c), Type.DOUBLE)));
          body.add(new Stmt.Declare(velvel, new Expr.Binary(Op.ADD, new Expr.Ref(s), new Expr.Ref(tmp), Type.DOUBLE)));
          body.add(
              new Stmt.Assign(
                  c,
                  null,
                  new Expr.Binary(
                      Op.SUB,
                      new Expr.Binary(Op.SUB, new Expr.Ref(velvel), new Expr.Ref(s), Type.DOUBLE),
                      new Expr.Ref(tmp),
                      Type.DOUBLE)));
          body.add(new Stmt.Assign(s, null, new Expr.Ref(velvel)));
          body.add(new Stmt.Assign(simple, Op.ADD, e));
          Expr compensated = new Expr.Binary(Op.SUB, new Expr.Ref(s), new Expr.Ref(c), Type.DOUBLE);
          Owner boxed = new Owner("java.lang", "Double");
          Expr spurious =
              new Expr.Binary(
                  Op.AND,
                  new Expr.Call(boxed, "isNaN", List.of(compensated), Type.BOOLEAN),
                  new Expr.Call(boxed, "isInfinite", List.of(new Expr.Ref(simple)), Type.BOOLEAN),
                  Type.BOOLEAN);
          Expr total = new Expr.Conditional(spurious, new Expr.Ref(simple), compensated, Type.DOUBLE);
          if (count == null) {
            return total;
          }
          optionals.put(t, new Expr.Binary(Op.GT, new Expr.Ref(count), zero, Type.BOOLEAN));
          return new Expr.Binary(Op.DIV, total, new Expr.Ref(count), Type.DOUBLE);
        }
      }
    }

    /** The pipeline's value: an OptionalDouble's value, or its default, or the plain result. */
    private Expr finish(Streams.Terminal end, Expr result, MethodInvocationTree t) {
      Var value = Var.temp("_" + end.name(), result.type());
      Expr present = optionals.remove(t);
      if (end.optional() == null) {
        prelude.add(new Stmt.Declare(value, result));
        return new Expr.Ref(value);
      }
      if (end.optional().equals("orElse")) {
        Expr other = expr(end.args().get(0));
        if (!result.type().acceptsByWidening(other.type())) {
          throw reporter.abortQuietly();
        }
        prelude.add(new Stmt.Declare(value, new Expr.Conditional(present, result, other, result.type())));
        return new Expr.Ref(value);
      }
      Expr.Foreign thrown =
          new Expr.Foreign(List.of("new ", new Owner("java.util", "NoSuchElementException"), "(\"No value present\")"), null);
      prelude.add(
          new Stmt.If(
              new Expr.Unary(Op.NOT, present, Type.BOOLEAN),
              new Stmt.Block(List.of(new Stmt.Throw(thrown))),
              new Stmt.Block(List.of())));
      prelude.add(new Stmt.Declare(value, result));
      return new Expr.Ref(value);
    }

    private static Expr one(Type t) {
      return t.equals(Type.LONG) ? new Expr.Literal(1L, Type.LONG) : t.equals(Type.INT) ? Expr.Literal.ofInt(1) : Expr.Literal.of(1);
    }

    /**
     * A lambda's value with its parameters bound to {@code args}: each a local of the method,
     * declared in the loop's body, so the body reads them as any other.
     */
    private Expr lambda(LambdaExpressionTree l, List<Expr> args, List<Type> types) {
      if (l.getParameters().size() != args.size()) {
        throw reporter.abortQuietly();
      }
      if (l.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a lambda with a block body is not supported in a stream: write its value as one"
                + " expression, or call a static helper method from the lambda",
            l,
            unit);
      }
      scopes.push(new java.util.LinkedHashMap<>());
      for (int i = 0; i < args.size(); i++) {
        VariableTree param = l.getParameters().get(i);
        String name = param.getName().toString();
        if (declaredLocally(name)) {
          throw reporter.abortQuietly(); // javac: already defined
        }
        Type declared = param.getType() == null || isVar(param.getType()) ? types.get(i) : declaredType(param.getType());
        if (!declared.acceptsByWidening(types.get(i))) {
          throw reporter.abortQuietly();
        }
        Stmt.Declare d = new Stmt.Declare(declare(name, declared, Var.Kind.LOCAL), args.get(i));
        remember(d, param);
        prelude.add(d);
      }
      Expr value = expr((ExpressionTree) l.getBody());
      // The parameters go out of scope with the lambda; their names may be used again.
      scopes.pop();
      return value;
    }

    /** A static table, a choice among them, or an array of constants: what a table local names. */
    private boolean isTable(Expr e) {
      if (e instanceof Expr.Ref r) {
        return StaticData.isField(r.var()) || root.tables.contains(r.var());
      }
      if (e instanceof Expr.Conditional c) {
        return isTable(c.whenTrue()) && isTable(c.whenFalse());
      }
      if (e instanceof Expr.NewArray n && n.dims().isEmpty()) {
        boolean[] constant = {true};
        n.elements().forEach(x -> Walk.each(x, y -> constant[0] &= !(y instanceof Expr.Ref r && !StaticData.isField(r.var())) && !(y instanceof Expr.Call) && !(y instanceof Expr.DiffCall) && !(y instanceof Expr.Foreign)));
        return constant[0];
      }
      return false;
    }

    private AbortMethod readOnly(Var table, Tree at) {
      return reporter.abort(
          Tag.UNSUPPORTED,
          "'" + table.name() + "' names a static table or an array of constants chosen above, which"
              + " is read-only here: copy it into an array of its own ('double[] copy = "
              + table.name() + ".clone();') and change that",
          at,
          unit);
    }

    /**
     * {@code Arrays.sort}, {@code fill}, {@code copyOf} or {@code copyOfRange} on a primitive
     * array, as the loops it performs ({@link ArrayMethods}); the arguments are evaluated once,
     * in order, as Java does.
     */
    private Expr arraysCall(String name, List<Expr> args, MethodInvocationTree t) {
      Expr a = args.get(0);
      arrayArgument(a, "Arrays." + name, !name.startsWith("copy"), t, t.getArguments().get(0));
      Expr zero = Expr.Literal.ofInt(0);
      switch (name) {
        case "sort" -> {
          Expr from = args.size() == 3 ? settled(args.get(1), "_from") : zero;
          Expr to = args.size() == 3 ? settled(args.get(2), "_to") : new Expr.Length(a);
          prelude.addAll(ArrayMethods.sort(a, from, to));
        }
        case "fill" -> {
          Expr from = args.size() == 4 ? settled(args.get(1), "_from") : zero;
          Expr to = args.size() == 4 ? settled(args.get(2), "_to") : new Expr.Length(a);
          Expr v = settled(args.get(args.size() - 1), "_fill");
          prelude.addAll(ArrayMethods.fill(a, from, to, v));
        }
        default -> {
          Var copy = Var.temp("_copy", a.type());
          Expr from = name.equals("copyOfRange") ? settled(args.get(1), "_from") : null;
          Expr end = settled(args.get(args.size() - 1), name.equals("copyOfRange") ? "_to" : "_length");
          prelude.addAll(ArrayMethods.copy(copy, a, from, end));
          return new Expr.Ref(copy);
        }
      }
      Expr done = new Expr.Foreign(List.of(), null);
      inlined.add(done);
      return done;
    }

    /**
     * Checks the array a library method written out here takes ({@code what}, e.g. {@code
     * Arrays.sort}): a variable or a row, and where the method {@code writes} into it, not a
     * table or a static array.
     */
    private void arrayArgument(Expr a, String what, boolean writes, MethodInvocationTree t, Tree at) {
      if (!(a instanceof Expr.Ref || a instanceof Expr.Index)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            what + " needs an array variable or a row such as m[i]: create the array into a"
                + " variable first",
            at,
            unit);
      }
      Var base = a instanceof Expr.Ref r ? r.var() : ((Expr.Index) a).base();
      if (writes && root.tables.contains(base)) {
        throw readOnly(base, at);
      }
      if (writes && StaticData.isField(base)) {
        throw reporter.abort(
            Tag.FIELD,
            "writing into the static array '" + base.name() + "' is not supported: copy it into a"
                + " local array (" + base.name() + ".clone()) and " + what.substring(what.indexOf('.') + 1)
                + " that",
            at,
            unit);
      }
      if (prelude == null) {
        throw noPrelude(t);
      }
    }

    /** {@code e} if it cannot change while the statements run, else a local holding its value. */
    private Expr settled(Expr e, String name) {
      if (e instanceof Expr.Literal || (e instanceof Expr.Ref r && r.var().kind() != Var.Kind.FIELD)) {
        return e;
      }
      Var v = Var.temp(name, e.type());
      prelude.add(new Stmt.Declare(v, e));
      return new Expr.Ref(v);
    }

    // ---- records, held as their components ----

    /**
     * A placeholder standing for a record value where the reader passes expressions: an untyped
     * {@link Expr.Foreign}, so that any place that cannot take a record reports an object there.
     */
    private Expr aggregate(RecordValue r) {
      Expr e = new Expr.Foreign(List.of(), null);
      root.aggregates.put(e, r);
      return e;
    }

    private RecordValue aggregateOf(Expr e) {
      return e == null ? null : root.aggregates.get(e);
    }

    /** The record class a declaration's type names, or null. */
    private TypeElement recordType(Tree type) {
      if (!(type instanceof ExpressionTree e) || type instanceof ArrayTypeTree) {
        return null;
      }
      TypeElement named = resolver.type(e);
      return Records.isRecord(named) || (named != null && Records.isHeldClass(named)) ? named : null;
    }

    private AbortMethod notARecordPlace(Tree t, RecordValue r) {
      if (!Records.isRecord(r.type)) {
        return reporter.abort(Tag.UNSUPPORTED, HeldObjects.notHere(r.name(), t, r.parts.keySet()), t, unit);
      }
      return reporter.abort(
          Tag.UNSUPPORTED,
          "a " + r.name() + " record ('" + t + "') cannot be used here: backprop holds a record as its"
              + " components; read them (" + String.join(", ", accessorsOf(r)) + "), pass the record to a"
              + " static helper, or hold it in a local variable",
          t,
          unit);
    }

    private List<String> accessorsOf(RecordValue r) {
      List<String> out = new ArrayList<>();
      r.parts.keySet().forEach(c -> out.add(c + "()"));
      return out;
    }

    private List<Records.Component> componentsOf(TypeElement record, Tree at) {
      String[] why = new String[1];
      List<Records.Component> cs = Records.components(record, why);
      if (cs == null) {
        throw reporter.abort(Tag.UNSUPPORTED, why[0], at, unit);
      }
      return cs;
    }

    /**
     * {@code new R(a, b)} of a record: its arguments, checked by a compact constructor if R has
     * one, become its components. Each scalar is held in a local named {@code hint_c} where
     * {@code hint} names the variable it initialises; else kept as written if a variable or a
     * literal, or held in a temporary.
     */
    private RecordValue newRecord(com.sun.source.tree.NewClassTree n, TypeElement type, String hint) {
      if (n.getClassBody() != null || n.getEnclosingExpression() != null || !n.getTypeArguments().isEmpty()) {
        throw reporter.abortQuietly(); // javac: a record is final and not generic here
      }
      List<Records.Component> cs = componentsOf(type, n);
      ExecutableElement ctor = Records.canonical(type);
      if (ctor == null || n.getArguments().size() != cs.size()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "only the canonical constructor of record " + type.getSimpleName() + " (one argument per"
                + " component) can be called in a differentiable method: write new " + type.getSimpleName()
                + "(" + String.join(", ", cs.stream().map(Records.Component::name).toList()) + ")",
            n,
            unit);
      }
      List<Expr> args = new ArrayList<>();
      for (ExpressionTree a : n.getArguments()) {
        Read<Expr> read = apart(() -> calls.typed(value(a)));
        settleAll(args, read.before());
        args.add(read.value());
      }
      for (int i = 0; i < cs.size(); i++) {
        args.set(i, componentArgument(cs.get(i), args.get(i), n.getArguments().get(i)));
      }
      if (!Records.implicit(elements, ctor)) {
        if (trees.getTree(ctor) == null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "record " + type.getSimpleName() + " was compiled before this class, so backprop cannot"
                  + " read the checks of its constructor: compile it together with this class, or pass"
                  + " the components as double values",
              n,
              unit);
        }
        if (!isCompact(ctor)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "record " + type.getSimpleName() + " declares its canonical constructor in full; backprop"
                  + " follows a compact constructor only: write it as '" + type.getSimpleName()
                  + " { <checks> }'",
              n,
              unit);
        }
        args = compact(ctor, args, n);
      }
      Map<String, Object> parts = new java.util.LinkedHashMap<>();
      for (int i = 0; i < cs.size(); i++) {
        Records.Component c = cs.get(i);
        String name = hint == null ? null : hint + "_" + c.name();
        if (c.record() != null) {
          RecordValue nested = aggregateOf(args.get(i));
          parts.put(c.name(), name == null ? nested : own(nested, name));
        } else {
          parts.put(c.name(), hold(args.get(i), c.type(), name, n.getArguments().get(i)));
        }
      }
      return new RecordValue(type, parts);
    }

    /** An argument for component {@code c}, converted as the constructor call converts it. */
    private Expr componentArgument(Records.Component c, Expr a, ExpressionTree at) {
      if (c.record() != null && isData(a) && a.type().ref().equals(Resolver.owner(c.record()))) {
        a = aggregate(fromData(a, c.record(), at));
      }
      RecordValue r = aggregateOf(a);
      if (c.record() != null) {
        if (r == null && isNull(at)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a record component cannot be null in a differentiable method: pass a "
                  + c.record().getSimpleName() + " value",
              at,
              unit);
        }
        if (r == null || !r.type.equals(c.record())) {
          throw reporter.abortQuietly(); // javac: incompatible types
        }
        return a;
      }
      if (r != null) {
        throw reporter.abortQuietly();
      }
      Type type = c.type();
      if (type.isReference()) {
        if (isNull(at)) {
          return new Expr.Literal(null, type);
        }
        if (!type.equals(a.type())) {
          throw reporter.abortQuietly();
        }
        return a;
      }
      if (a.type() == null) {
        throw calls.notHere(at);
      }
      if (type.isNarrow()) {
        return IntegerOps.narrow(type, a, declaredTypeOf(a));
      }
      if (!type.acceptsByWidening(a.type())) {
        throw reporter.abortQuietly();
      }
      if (a instanceof Expr.Literal l && l.value() instanceof Number num && type.isFloating() && !l.type().isFloating()) {
        return new Expr.Literal(type.equals(Type.DOUBLE) ? (Object) num.doubleValue() : (Object) num.floatValue(), type);
      }
      return a;
    }

    /**
     * A component's value held so that it cannot change under the record: in a local {@code name}
     * (null: a variable or literal as it is, else a temporary); an array as the variable naming it.
     */
    private Expr hold(Expr a, Type type, String name, Tree at) {
      if (type.isArray()) {
        if (a instanceof Expr.Ref) {
          return a;
        }
        if (a instanceof Expr.NewArray) {
          Var v = name != null ? new Var(name, type, Var.Kind.LOCAL) : Var.temp("_array", type);
          prelude.add(new Stmt.Declare(v, a));
          return new Expr.Ref(v);
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an array component must be given an array variable or a new array; '" + at + "' is"
                + " neither: declare the array in a variable first",
            at,
            unit);
      }
      if (name == null && (a instanceof Expr.Literal || a instanceof Expr.Ref)) {
        return a;
      }
      Var v = name != null ? new Var(name, type, Var.Kind.LOCAL) : Var.temp("_" + type.prim().keyword().toLowerCase(java.util.Locale.ROOT), type);
      prelude.add(new Stmt.Declare(v, a));
      return new Expr.Ref(v);
    }

    /** A copy of {@code r} in locals of its own, {@code name_c}; arrays stay the arrays they name. */
    private RecordValue own(RecordValue r, String name) {
      Map<String, Object> parts = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Object> p : r.parts.entrySet()) {
        String n = name + "_" + p.getKey();
        if (p.getValue() instanceof RecordValue nested) {
          parts.put(p.getKey(), own(nested, n));
        } else {
          Expr e = (Expr) p.getValue();
          parts.put(p.getKey(), hold(e instanceof Expr.Ref ref ? new Expr.Ref(ref.var()) : e, e.type(), n, null));
        }
      }
      return new RecordValue(r.type, parts);
    }

    /** Fresh locals for a record a helper returns, {@code name_c}, declared with no value into {@code out}. */
    private RecordValue freshRecord(TypeElement type, String name, Tree at, List<Stmt> out) {
      Map<String, Object> parts = new java.util.LinkedHashMap<>();
      for (Records.Component c : componentsOf(type, at)) {
        String n = name + "_" + c.name();
        if (c.record() != null) {
          parts.put(c.name(), freshRecord(c.record(), n, at, out));
        } else if (c.type().isArray()) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "'" + method.getSimpleName() + "' returns a " + type.getSimpleName() + ", whose component '"
                  + c.name() + "' is an array; backprop follows records returned by helpers when their"
                  + " components are scalars: pass the array in and return the scalars",
              at,
              unit);
        } else {
          Var v = new Var(n, c.type(), Var.Kind.LOCAL);
          out.add(new Stmt.Declare(v, null));
          parts.put(c.name(), new Expr.Ref(v));
        }
      }
      return new RecordValue(type, parts);
    }

    /** {@code R p = new R(...)}: the components go straight into p's own locals. Null if not such a declaration. */
    private Stmt newRecordVariable(VariableTree v, TypeElement declared) {
      ExpressionTree init = v.getInitializer();
      while (init instanceof ParenthesizedTree p) {
        init = p.getExpression();
      }
      if (!(init instanceof com.sun.source.tree.NewClassTree n)) {
        return null;
      }
      TypeElement type = resolver.type(n.getIdentifier());
      if (!Records.isRecord(type) || (declared != null && !declared.equals(type))) {
        return null;
      }
      String name = v.getName().toString();
      if (declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      RecordValue r = newRecord(n, type, name);
      scopes.peek().put(name, r);
      return lastOfPrelude();
    }

    /** The last statement of the prelude, taken out (the statement a declaration reads as); or an empty block. */
    private Stmt lastOfPrelude() {
      return prelude.isEmpty() ? new Stmt.Block(List.of()) : prelude.remove(prelude.size() - 1);
    }

    /** {@code R p = q;}, {@code var p = f(a);}, {@code R p = q.inner();}. */
    private Stmt recordVariable(VariableTree v, TypeElement declared, Expr init) {
      String name = v.getName().toString();
      RecordValue r = aggregateOf(init);
      if (r == null && isData(init) && declared != null && init.type().ref().equals(Resolver.owner(declared))) {
        if (declaredLocally(name)) {
          throw reporter.abortQuietly();
        }
        return new Stmt.Declare(declare(name, init.type(), Var.Kind.LOCAL), init); // Sample s = data[i];
      }
      if (r == null && declared != null && !Records.isRecord(declared) && !isNull(v.getInitializer())) {
        throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.newObject(declared.getSimpleName().toString()), v, unit);
      }
      if (r == null) {
        if (init == null) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a record variable must be given its value where it is declared, e.g. '"
                  + declared.getSimpleName() + " " + name + " = new " + declared.getSimpleName() + "(...);'",
              v,
              unit);
        }
        if (isNull(v.getInitializer())) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a record variable cannot be null in a differentiable method: give it a value",
              v.getInitializer(),
              unit);
        }
        throw reporter.abortQuietly(); // javac: incompatible types
      }
      if (declared != null && !declared.equals(r.type)) {
        throw reporter.abortQuietly();
      }
      if (declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      // A helper's result is held in locals no one else reads: they become the variable's.
      scopes.peek().put(name, root.fresh.remove(r) ? r : own(r, name));
      return lastOfPrelude();
    }

    /** {@code p = new R(...)}: each component assigned, after reading every new value. */
    private Stmt assignRecord(RecordValue target, AssignmentTree a) {
      if (target.hasArrays()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a " + target.name() + " variable cannot be assigned again, as its record has an array"
                + " component: declare a new variable",
            a,
            unit);
      }
      Expr value = value(a.getExpression());
      RecordValue r = aggregateOf(value);
      if (r == null || !r.type.equals(target.type)) {
        if (r == null && isNull(a.getExpression())) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a record variable cannot be null in a differentiable method: give it a value",
              a.getExpression(),
              unit);
        }
        throw reporter.abortQuietly();
      }
      java.util.Set<Var> written = new java.util.HashSet<>(target.scalars());
      List<Stmt> assigns = new ArrayList<>();
      assignParts(target, r, written, assigns);
      for (Var w : written) {
        checkAliases(w, a.getVariable());
      }
      prelude.addAll(assigns);
      return lastOfPrelude();
    }

    private void assignParts(RecordValue target, RecordValue from, java.util.Set<Var> written, List<Stmt> out) {
      for (Map.Entry<String, Object> p : target.parts.entrySet()) {
        Object src = from.parts.get(p.getKey());
        if (p.getValue() instanceof RecordValue nested) {
          assignParts(nested, (RecordValue) src, written, out);
          continue;
        }
        Var to = ((Expr.Ref) p.getValue()).var();
        Expr e = (Expr) src;
        if (!java.util.Collections.disjoint(Walk.vars(e), written)) {
          // p = new R(p.y(), p.x()): the old value, read before any component changes.
          Var old = Var.temp("_old", e.type());
          prelude.add(new Stmt.Declare(old, e));
          e = new Expr.Ref(old);
        }
        out.add(new Stmt.Assign(to, null, e));
      }
    }

    /** {@code c ? p : q} of records: locals of its own, assigned in an if/else. */
    private Expr recordConditional(Expr cond, Read<Expr> ra, Read<Expr> rb, ConditionalExpressionTree t) {
      RecordValue a = aggregateOf(ra.value());
      RecordValue b = aggregateOf(rb.value());
      if ((a == null && isNull(t.getTrueExpression())) || (b == null && isNull(t.getFalseExpression()))) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a record value cannot be null in a differentiable method: give both branches a record",
            a == null ? t.getTrueExpression() : t.getFalseExpression(),
            unit);
      }
      if (a == null || b == null || !a.type.equals(b.type)) {
        throw reporter.abortQuietly(); // javac: incompatible types
      }
      if (a.hasArrays()) {
        throw notARecordPlace(t, a); // an array component cannot be chosen at run time
      }
      if (prelude == null) {
        throw noPrelude(t);
      }
      RecordValue q = freshRecord(a.type, "_q", t, prelude);
      List<Stmt> whenTrue = new ArrayList<>(ra.before());
      assignParts(q, a, java.util.Set.of(), whenTrue);
      List<Stmt> whenFalse = new ArrayList<>(rb.before());
      assignParts(q, b, java.util.Set.of(), whenFalse);
      prelude.add(new Stmt.If(cond, new Stmt.Block(whenTrue), new Stmt.Block(whenFalse)));
      root.fresh.add(q);
      return aggregate(q);
    }

    /** {@code return new R(...)} in a helper that returns a record: its result's locals assigned. */
    private Stmt recordReturn(ExpressionTree value) {
      Expr e = value(value);
      RecordValue r = aggregateOf(e);
      if (r == null || !r.type.equals(recordResult.type)) {
        if (r == null && isNull(value)) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "a helper that returns a record cannot return null in a differentiable method",
              value,
              unit);
        }
        throw reporter.abortQuietly();
      }
      List<Stmt> assigns = new ArrayList<>();
      assignParts(recordResult, r, java.util.Set.of(), assigns);
      prelude.addAll(assigns);
      return new Stmt.Return(null);
    }

    /** A helper's record parameter: the caller's record, or a copy where the helper assigns the parameter. */
    private void bindRecordParameter(String name, Expr arg, Tree body, Tree at, List<Stmt> out) {
      if (isData(arg)) {
        // A record of data stays the object it is; its accessors read it without derivative.
        if (Calls.assigns(body, name) || !(arg instanceof Expr.Ref || arg instanceof Expr.Index)) {
          out.add(new Stmt.Declare(declare(name, arg.type(), Var.Kind.LOCAL), arg));
        } else {
          scopes.peek().put(name, new Alias(arg, String.valueOf(at), true));
        }
        return;
      }
      RecordValue r = aggregateOf(arg);
      if (r == null) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "'" + at + "' passes no record value backprop can follow: pass a record variable or a new record",
            at,
            unit);
      }
      if (Calls.assigns(body, name)) {
        List<Stmt> outer = prelude;
        prelude = out;
        try {
          r = own(r, name);
        } finally {
          prelude = outer;
        }
      }
      scopes.peek().put(name, r);
    }

    /**
     * A record parameter of the annotated method: one model parameter per component, named
     * {@code o_strike} for {@code o.strike()}; the record is read as those parameters.
     */
    private io.github.backprop.processor.ir.ParamShape recordParameter(
        String source, String name, TypeElement record, List<Var> params, Tree at) {
      List<io.github.backprop.processor.ir.ParamShape> parts = new ArrayList<>();
      Map<String, Object> values = new java.util.LinkedHashMap<>();
      for (Records.Component c : componentsOf(record, at)) {
        requireImplicitAccessor(record, c, at);
        requireVisibleField(record, c, at);
        String n = name + "_" + c.name();
        while (takenParameterName(n, params)) {
          n = n + "_"; // another parameter of the method has the name: o_x and a parameter o_x
        }
        if (c.record() != null) {
          parts.add(recordParameter(source, n, c.record(), params, at));
          Object nested = scopes.peek().remove(n);
          values.put(c.name(), nested);
          parts.set(parts.size() - 1, rename(parts.get(parts.size() - 1), c.name()));
          continue;
        }
        Var v = new Var(n, c.type(), Var.Kind.PARAM);
        params.add(v);
        sourceParameter.put(v, source);
        if (c.type().isArray()) {
          recordArrays.add(v);
          if (!Records.isRecord(record)) {
            objectArrays.put(v, new String[] {c.name(), record.getSimpleName().toString()});
          }
        }
        values.put(c.name(), new Expr.Ref(v));
        parts.add(io.github.backprop.processor.ir.ParamShape.leaf(c.name(), params.size() - 1));
      }
      scopes.peek().put(name, new RecordValue(record, values));
      return new io.github.backprop.processor.ir.ParamShape(name, record, -1, parts);
    }

    /**
     * A record that comes in whole is read through its accessors, so its components hold what
     * they return: an accessor the record declares itself would then apply twice in its methods.
     */
    private void requireImplicitAccessor(TypeElement record, Records.Component c, Tree at) {
      if (Records.isRecord(record) && Records.explicitAccessor(trees, record, c.name())) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "record " + record.getSimpleName() + " declares its accessor " + c.name() + "() itself;"
                + " backprop reads a record it is given through its accessors and cannot then tell the"
                + " field from what " + c.name() + "() returns: let the accessor be implicit and put"
                + " the computation in a method of another name, or in a compact constructor",
            at,
            unit);
      }
    }

    /** The generated class passes every field of an object in, so it must be able to read each. */
    private void requireVisibleField(TypeElement type, Records.Component c, Tree at) {
      String why = HeldObjects.invisibleField(type, c.name(), Resolver.packageOf(owner));
      if (why != null) {
        throw reporter.abort(Tag.FIELD, why, at, unit);
      }
    }

    private boolean takenParameterName(String n, List<Var> params) {
      for (VariableElement p : method.getParameters()) {
        if (p.getSimpleName().contentEquals(n)) {
          return true;
        }
      }
      return params.stream().anyMatch(v -> v.name().equals(n));
    }

    private io.github.backprop.processor.ir.ParamShape rename(io.github.backprop.processor.ir.ParamShape s, String name) {
      return new io.github.backprop.processor.ir.ParamShape(name, s.record(), s.index(), s.parts());
    }

    private static boolean isInstanceMethodOf(TypeElement record, String name) {
      return !HeldObjects.instanceMethods(record, name).isEmpty() || Records.hasComponent(record, name);
    }

    private static boolean isData(Expr e) {
      return e != null && e.type() != null && e.type().dims() == 0 && e.type().prim() == Type.Prim.OBJECT;
    }

    private static boolean isList(Expr e) {
      return e != null && e.type() != null && e.type().dims() == 0 && e.type().prim() == Type.Prim.LIST;
    }

    /** A record of data as a record value: each component read through its accessor, once. */
    private RecordValue fromData(Expr object, TypeElement record, Tree at) {
      Map<String, Object> parts = new java.util.LinkedHashMap<>();
      for (Records.Component c : componentsOf(record, at)) {
        requireImplicitAccessor(record, c, at);
        if (c.record() != null) {
          parts.put(c.name(), fromData(new Expr.Foreign(List.of(object, "." + c.name() + "()"), Type.objectOf(Resolver.owner(c.record()))), c.record(), at));
        } else {
          parts.put(c.name(), hold(new Expr.Foreign(List.of(object, "." + c.name() + "()"), c.type()), c.type(), null, at));
        }
      }
      return new RecordValue(record, parts);
    }

    /** {@code data.size()}, {@code data.get(i)}, {@code data.isEmpty()} of a list of records of data. */
    private Expr listCall(Expr list, String name, List<Expr> args, MethodInvocationTree t) {
      if (name.equals("size") && args.isEmpty()) {
        return new Expr.Foreign(List.of(list, ".size()"), Type.INT);
      }
      if (name.equals("isEmpty") && args.isEmpty()) {
        return new Expr.Foreign(List.of(list, ".isEmpty()"), Type.BOOLEAN);
      }
      if (name.equals("get") && args.size() == 1 && Type.INT.acceptsByWidening(args.get(0).type() == null ? Type.BOOLEAN : args.get(0).type())) {
        return new Expr.Foreign(List.of(list, ".get(", args.get(0), ")"), listElement(list));
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' of a List is not supported in a differentiable method: read it with size(),"
              + " get(i), isEmpty() or an enhanced for",
          t,
          unit);
    }

    /** What {@code list.get(i)} gives: a record of data, or the number a boxed element holds. */
    private static Type listElement(Expr list) {
      Type number = Records.unboxed(list.type().ref());
      return number != null ? number : Type.objectOf(list.type().ref());
    }

    /** {@code for (Sample s : data)} over a list: by index, {@code Sample s = data.get(_i)}. */
    private Stmt listLoop(EnhancedForLoopTree f, LoopId id, Expr list) {
      if (!(list instanceof Expr.Ref)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an enhanced 'for' over a list that is not a variable is not supported: declare it first",
            f.getExpression(),
            unit);
      }
      Var index = Var.temp("_i", Type.INT);
      Type element = listElement(list);
      VariableTree v = f.getVariable();
      Type declared = v.getType() == null || isVar(v.getType()) ? element : declaredType(v.getType());
      if (!element.isReference() && declared.acceptsByWidening(element)) {
        element = declared; // for (double v : counts) over a List<Integer>: widened as it is read
      }
      String name = v.getName().toString();
      if (!declared.equals(element) || declaredLocally(name)) {
        throw reporter.abortQuietly();
      }
      scopes.push(new java.util.LinkedHashMap<>());
      List<Stmt> first = new ArrayList<>();
      Stmt.Declare d = new Stmt.Declare(declare(name, element, Var.Kind.LOCAL), new Expr.Foreign(List.of(list, ".get(", new Expr.Ref(index), ")"), element));
      remember(d, v);
      sources.put(d, sourceText(v) + " : " + sourceText(f.getExpression()));
      first.add(d);
      Stmt.Block body = asBlock(f.getStatement());
      scopes.pop();
      first.addAll(body.statements());
      List<Stmt> init = List.of(new Stmt.Declare(index, Expr.Literal.ofInt(0)));
      Expr condition = new Expr.Binary(Op.LT, new Expr.Ref(index), new Expr.Foreign(List.of(list, ".size()"), Type.INT), Type.BOOLEAN);
      List<Stmt> update = List.of(new Stmt.Assign(index, Op.ADD, Expr.Literal.ofInt(1)));
      return new Stmt.Loop(id, init, condition, update, new Stmt.Block(first), true);
    }

    /** {@code p.x()}: a component, as held; or a nested record. */
    private Expr component(RecordValue r, String name) {
      Object p = r.parts.get(name);
      if (p instanceof RecordValue nested) {
        return aggregate(nested);
      }
      return p instanceof Expr.Ref ref ? new Expr.Ref(ref.var()) : (Expr) p;
    }

    /** A method called on a record value: an accessor, or another method of the record, read in place. */
    private Expr recordMethod(RecordValue r, String name, List<Expr> args, MethodInvocationTree t) {
      if (args.isEmpty() && Records.isRecord(r.type) && Records.hasComponent(r.type, name)) {
        if (!Records.explicitAccessor(trees, r.type, name)) {
          return component(r, name);
        }
      }
      List<ExecutableElement> own = HeldObjects.instanceMethods(r.type, name);
      ExecutableElement m = own.isEmpty() ? null : chooseWithRecords(own, args);
      if (m != null && root.inlining.contains(m)) {
        throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.recursion(name, r.kind()), t, unit);
      }
      if (m != null && hasReadableBody(m)) {
        // A method of the record: its body runs here, with the components as its fields.
        String[] why = new String[1];
        Expr value = inline(m, args, t, why, r);
        if (value != null) {
          return value;
        }
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "backprop runs '" + name + "' of " + r.kind() + " inside this method, but cannot here: "
                + why[0],
            t,
            unit);
      }
      if (!Records.isRecord(r.type)) {
        throw reporter.abort(Tag.UNSUPPORTED, HeldObjects.unreadableMethod(name, r.name()), t, unit);
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "calling '" + name + "' on a " + r.name() + " record is not supported: backprop holds a record"
              + " as its components; read them with the implicit accessors ("
              + String.join(", ", accessorsOf(r)) + ") or pass the record to a static helper",
          t,
          unit);
    }

    /** The method of {@code candidates} that takes these arguments, records among them; or null. */
    private ExecutableElement chooseWithRecords(List<ExecutableElement> candidates, List<Expr> args) {
      for (ExecutableElement m : candidates) {
        if (m.isVarArgs() || m.getParameters().size() != args.size()) {
          continue;
        }
        boolean fits = true;
        for (int i = 0; i < args.size() && fits; i++) {
          javax.lang.model.type.TypeMirror p = m.getParameters().get(i).asType();
          RecordValue r = aggregateOf(args.get(i));
          if (r != null) {
            fits = r.type.equals(Records.heldOf(p));
          } else if (isData(args.get(i)) && Records.recordOf(p) != null) {
            fits = Resolver.owner(Records.recordOf(p)).equals(args.get(i).type().ref());
          } else {
            Type pt = Resolver.typeOf(p) != null ? Resolver.typeOf(p) : Resolver.referenceType(p);
            fits = pt != null && args.get(i).type() != null && pt.acceptsByWidening(args.get(i).type());
          }
        }
        if (fits) {
          return m;
        }
      }
      return null;
    }

    /**
     * No method takes these records as records: where one takes them as objects ({@code
     * Objects.requireNonNull(p)}, {@code String.valueOf(p)}), backprop holds no object to pass.
     */
    private AbortMethod recordArgumentError(List<ExecutableElement> candidates, List<Expr> args, MethodInvocationTree t) {
      for (ExecutableElement m : candidates) {
        if (m.getParameters().size() == args.size() || m.isVarArgs()) {
          for (int i = 0; i < args.size(); i++) {
            int k = Math.min(i, m.getParameters().size() - 1);
            if (aggregateOf(args.get(i)) != null && k >= 0 && Records.heldOf(m.getParameters().get(k).asType()) == null) {
              RecordValue r = aggregateOf(args.get(i));
              boolean record = Records.isRecord(r.type);
              throw reporter.abort(
                  Tag.UNSUPPORTED,
                  "'" + m.getSimpleName() + "' takes the " + r.name() + (record ? " record '" : " object '")
                      + t.getArguments().get(i) + "' as an object, and backprop holds "
                      + (record ? "a record as its components" : "such an object as its fields") + ", not as an"
                      + " object: pass its " + (record ? "components (" + String.join(", ", accessorsOf(r)) : "fields ("
                      + String.join(", ", r.parts.keySet())) + "), or call a static helper of this compilation"
                      + " that takes a " + r.name(),
                  t.getArguments().get(i),
                  unit);
            }
          }
        }
      }
      return reporter.abortQuietly(); // javac reports no suitable method
    }

    /** A call that takes or returns a record: the callee's body runs here, as a helper's does. */
    private Expr recordCall(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
      String name = m.getSimpleName().toString();
      String why = null;
      if (!Resolver.isStatic(m)) {
        why = "it is an instance method";
      } else if (!hasReadableBody(m)) {
        why = "its body is not in this compilation, or it is generic or takes varargs";
      } else {
        String[] reason = new String[1];
        Expr value = inline(m, args, t, reason);
        if (value != null) {
          return value;
        }
        why = reason[0];
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + name + "' takes or returns a record, which backprop holds as its components, so it"
              + " runs the body of '" + name + "' inside this method; it cannot here: " + why
              + ". Pass the components as double values instead, or make '" + name + "' a static"
              + " method of this compilation",
          t,
          unit);
    }

    /**
     * A compact constructor's checks, run before the record is made: its parameters bound to the
     * arguments; returns the values they end with, which become the components.
     */
    private List<Expr> compact(ExecutableElement ctor, List<Expr> args, com.sun.source.tree.NewClassTree site) {
      MethodTree tree = trees.getTree(ctor);
      if (tree == null || tree.getBody() == null || tree.getBody().getStatements().isEmpty()) {
        return args;
      }
      if (root.inlining.contains(ctor)) {
        throw reporter.abort(Tag.UNSUPPORTED, "a record's constructor creates another of its records", site, unit);
      }
      ErrorReporter quiet = reporter.quiet();
      TreePath path = trees.getPath(ctor);
      Session checks =
          new MethodReader(trees, elements, quiet, calleeFacts, MethodReader.this.rules, survey, fields, recursive)
              .new Session(ctor, path.getCompilationUnit(), this, site);
      List<Stmt> code = new ArrayList<>();
      root.inlining.addLast(ctor);
      try {
        List<Expr> finals = checks.compactBody(tree, args, site, code);
        prelude.addAll(code);
        statics.declarations().addAll(checks.statics.declarations());
        calls.ruleHints().putAll(checks.calls.ruleHints());
        return finals;
      } catch (AbortMethod e) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "backprop runs the compact constructor of record " + ((TypeElement) ctor.getEnclosingElement()).getSimpleName()
                + " here, but cannot read it: "
                + (quiet.firstQuietError() != null ? quiet.firstQuietError() : "its body could not be read"),
            site,
            unit);
      } finally {
        root.inlining.removeLast();
      }
    }

    /**
     * Whether a record's canonical constructor is compact, {@code R { ... }}: its implicit
     * parameters do not stand between its start and its body.
     */
    private boolean isCompact(ExecutableElement ctor) {
      TreePath path = trees.getPath(ctor);
      MethodTree tree = trees.getTree(ctor);
      if (path == null || tree == null || tree.getBody() == null || ctor.getParameters().isEmpty()) {
        return false;
      }
      if (tree.getParameters().isEmpty()) {
        return true; // javac adds a compact constructor's parameters to its tree later
      }
      CompilationUnitTree file = path.getCompilationUnit();
      long from = sourcePositions.getStartPosition(file, tree.getParameters().get(0));
      long to = sourcePositions.getStartPosition(file, tree.getBody());
      // javac writes a compact constructor's parameters at the record's header, or nowhere.
      return from < sourcePositions.getStartPosition(file, tree) || from >= to;
    }

    private List<Expr> compactBody(MethodTree tree, List<Expr> args, Tree site, List<Stmt> out) {
      scopes.push(new java.util.LinkedHashMap<>());
      List<? extends VariableElement> params = method.getParameters();
      for (int i = 0; i < params.size(); i++) {
        String name = params.get(i).getSimpleName().toString();
        Expr arg = args.get(i);
        if (aggregateOf(arg) != null) {
          bindRecordParameter(name, arg, tree.getBody(), site, out);
          continue;
        }
        Type type = Resolver.typeOf(params.get(i).asType()) != null
            ? Resolver.typeOf(params.get(i).asType()) : Resolver.referenceType(params.get(i).asType());
        boolean assigned = Calls.assigns(tree.getBody(), name);
        if (!assigned && (arg instanceof Expr.Ref || arg instanceof Expr.Literal)) {
          scopes.peek().put(name, new Alias(arg, String.valueOf(arg), true));
        } else if (type.isArray()) {
          if (assigned || !(arg instanceof Expr.NewArray)) {
            throw reporter.abort(Tag.UNSUPPORTED, "its array parameter '" + name + "' is assigned", tree, unit);
          }
          Var v = declare(name, type, Var.Kind.LOCAL);
          out.add(new Stmt.Declare(v, arg));
        } else {
          out.add(new Stmt.Declare(declare(name, type, Var.Kind.LOCAL), arg));
        }
      }
      List<Stmt> outer = prelude;
      prelude = out;
      Stmt.Block body;
      try {
        body = block(tree.getBody().getStatements());
      } finally {
        prelude = outer;
      }
      out.addAll(body.statements());
      List<Expr> finals = new ArrayList<>();
      for (VariableElement p : params) {
        Object v = scopes.peek().get(p.getSimpleName().toString());
        finals.add(v instanceof Var var ? new Expr.Ref(var) : v instanceof Alias al ? al.expr() : aggregate((RecordValue) v));
      }
      scopes.pop();
      return finals;
    }

    // ---- helpers run inside the method ----

    /**
     * A call of a helper that calls itself: it cannot be read in place for ever, so it goes to a
     * gradient method of its own in the generated class, as an annotated callee's does.
     */
    private Expr recursiveCall(ExecutableElement m, List<Expr> args, MethodInvocationTree t) {
      // A survey only learns what the call writes, through the callee's writes: no names needed.
      RecursiveHelpers.Names n =
          recursive != null ? recursive.of(m) : new RecursiveHelpers.Names("_" + m.getSimpleName(), "_Survey");
      List<String> names = new ArrayList<>();
      m.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
      List<Type> types = Resolver.paramTypes(m);
      java.util.Set<Integer> writes =
          types.stream().anyMatch(ty -> ty != null && ty.isArray()) ? calleeFacts.writes(m) : java.util.Set.of();
      for (int i = 0; i < args.size() && !survey; i++) {
        if (args.get(i).type().isArray() && (writes == null || writes.contains(i))) {
          throw reporter.abort(
              Tag.UNSUPPORTED,
              "'" + m.getSimpleName() + "' calls itself and writes into its array parameter '" + names.get(i)
                  + "', which backprop cannot follow: let it write into an array it creates itself",
              t.getArguments().get(i),
              unit);
        }
      }
      Owner grad = recursive != null ? recursive.grad() : GeneratedNames.gradClass(owner(owner));
      Callee callee =
          new Callee(
              Resolver.owner((TypeElement) m.getEnclosingElement()),
              grad,
              m.getSimpleName().toString(),
              n.method(),
              types,
              GeneratedNames.accessors(names, types, null),
              new Owner(grad.packageName(), grad.simpleNames() + "." + n.record()),
              false, // the generated class calls its own gradient method, never the helper
              true,
              writes,
              calleeFacts.unread(m),
              Resolver.typeOf(m.getReturnType()));
      Expr call = new Expr.DiffCall(callee, args);
      position(call, t);
      return call;
    }

    /** A static method of the compilation with a body backprop may read in place of a call. */
    private boolean hasReadableBody(ExecutableElement m) {
      MethodTree tree = trees.getTree(m);
      if (tree == null || tree.getBody() == null || !m.getTypeParameters().isEmpty() || m.isVarArgs()) {
        return false;
      }
      for (VariableElement p : m.getParameters()) {
        // A String or enum parameter, as a check's message or a mode: data with no derivative.
        if (Resolver.typeOf(p.asType()) == null && Resolver.referenceType(p.asType()) == null
            && Records.heldOf(p.asType()) == null && Records.dataType(p.asType()) == null) {
          return false;
        }
      }
      return m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID
          || Resolver.typeOf(m.getReturnType()) != null || Records.recordOf(m.getReturnType()) != null;
    }

    /**
     * {@code m(args)} with m's body run in its place, as Clad and Tangent differentiate called
     * functions: the body goes into the prelude with its parameters bound to the arguments, and
     * the result is a local. The sweeps then see one method, so a call costs what its body costs,
     * and writes into an array argument are followed like the method's own. Null, with {@code
     * why[0]} set, where the body cannot be read; the call then stays a call.
     */
    private Expr inline(ExecutableElement m, List<Expr> args, MethodInvocationTree t, String[] why) {
      return inline(m, args, t, why, null);
    }

    /** @param self for a method of a record, the record it is called on; else null */
    private Expr inline(ExecutableElement m, List<Expr> args, MethodInvocationTree t, String[] why, RecordValue self) {
      String name = m.getSimpleName().toString();
      if (root.inlining.contains(m)) {
        why[0] = "'" + name + "' calls itself, directly or through other methods; annotate it with"
            + " @Differentiable, which differentiates recursion";
        return null;
      }
      if (prelude == null) {
        why[0] = "it is called where no statement can run before the call";
        return null;
      }
      ErrorReporter quiet = reporter.quiet();
      TreePath path = trees.getPath(m);
      Session helper =
          new MethodReader(trees, elements, quiet, calleeFacts, MethodReader.this.rules, survey, fields, recursive)
              .new Session(m, path.getCompilationUnit(), this, t);
      helper.self = self;
      List<Stmt> code = new ArrayList<>();
      root.inlining.addLast(m);
      try {
        Expr value = helper.body(trees.getTree(m), args, t, code);
        prelude.addAll(code);
        statics.declarations().addAll(helper.statics.declarations());
        calls.ruleHints().putAll(helper.calls.ruleHints());
        inlined.add(value);
        return value;
      } catch (AbortMethod e) {
        why[0] = quiet.firstQuietError() != null ? quiet.firstQuietError() : "its body could not be read";
        return null;
      } finally {
        root.inlining.removeLast();
      }
    }

    /**
     * A method of a record or a class: the components (fields) by their names, and the object as
     * 'this'. A name for a field is remembered, so that writing to it is an error that says so.
     */
    private void pushSelf(RecordValue me) {
      Map<String, Object> fieldsOfSelf = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Object> p : me.parts.entrySet()) {
        Object f = p.getValue() instanceof RecordValue r ? r : new Alias((Expr) p.getValue(), p.getKey(), true);
        fieldsOfSelf.put(p.getKey(), f);
        root.fieldsOf.put(f, me);
      }
      fieldsOfSelf.put("this", me);
      scopes.push(fieldsOfSelf);
    }

    /** This helper's body bound to {@code args}, appended to {@code out}; its result's value. */
    private Expr body(MethodTree tree, List<Expr> args, MethodInvocationTree site, List<Stmt> out) {
      if (self != null) {
        pushSelf(self);
      }
      scopes.push(new java.util.LinkedHashMap<>());
      for (int i = 0; i < tree.getParameters().size(); i++) {
        VariableTree p = tree.getParameters().get(i);
        if (Records.heldOf(method.getParameters().get(i).asType()) != null) {
          bindRecordParameter(p.getName().toString(), args.get(i), tree.getBody(), site.getArguments().get(i), out);
          continue;
        }
        Type type = declaredType(p.getType());
        Expr arg = args.get(i);
        String name = p.getName().toString();
        if (type.isArray()) {
          if (!(arg instanceof Expr.Ref || arg instanceof Expr.Index || arg instanceof Expr.NewArray)
              || !type.equals(arg.type())) {
            throw reporter.abort(
                Tag.UNSUPPORTED,
                "the array passed as '" + name + "' must be an array variable, a row such as m[i],"
                    + " or a new array",
                p,
                unit);
          }
          if (!(arg instanceof Expr.NewArray)) {
            // The parameter is a second name for the caller's array: writes reach the caller.
            scopes.peek().put(name, new Alias(arg, site.getArguments().get(i).toString(), true));
            continue;
          }
        } else {
          if (!type.isNarrow() && !type.acceptsByWidening(arg.type())) {
            throw reporter.abortQuietly();
          }
          if (arg instanceof Expr.Literal l && l.value() instanceof Number n && type.equals(Type.DOUBLE)
              && (l.type().equals(Type.INT) || l.type().equals(Type.LONG))) {
            arg = new Expr.Literal(n.doubleValue(), Type.DOUBLE); // clip(v, 0, 1): the widened value
          }
          if ((arg instanceof Expr.Ref || arg instanceof Expr.Literal)
              && type.equals(arg.type())
              && !Calls.assigns(tree.getBody(), name)) {
            // A variable or a literal the body never changes is read in place: the caller's own
            // variables are out of the body's reach.
            scopes.peek().put(name, new Alias(arg, String.valueOf(site.getArguments().get(i)), true));
            continue;
          }
        }
        out.add(new Stmt.Declare(declare(name, type, Var.Kind.LOCAL), arg));
      }
      TypeElement returned = Records.recordOf(method.getReturnType());
      if (returned != null) {
        recordResult = freshRecord(returned, method.getSimpleName().toString(), site, out);
      }
      Stmt.Block body = block(tree.getBody().getStatements());
      scopes.pop();
      Type type = Resolver.typeOf(method.getReturnType());
      Var result = type == null ? null : new Var(method.getSimpleName().toString(), type, Var.Kind.LOCAL);
      Map<Stmt, String> moved = new IdentityHashMap<>();
      out.addAll(
          InlinedReturns.rewrite(
              body,
              result,
              moved,
              (original, copy) -> {
                if (positions.containsKey(original)) {
                  positions.put(copy, positions.get(original));
                }
                if (original instanceof Expr o && copy instanceof Expr c && calls.ruleHints().containsKey(o)) {
                  calls.ruleHints().put(c, calls.ruleHints().get(o));
                }
              }));
      sources.putAll(moved);
      if (recordResult != null) {
        root.fresh.add(recordResult);
        return aggregate(recordResult);
      }
      if (result != null && type.isArray()) {
        return arrayResult(out, result, tree);
      }
      return result == null ? new Expr.Foreign(List.of(), null) : new Expr.Ref(result);
    }

    /**
     * The array a helper returns, as a second name for it (as {@code double[] b = a;} is), so
     * that what the caller does with the result reaches that array and its adjoint: a separate
     * local holding the same array would split its adjoint in two.
     */
    private Expr arrayResult(List<Stmt> out, Var result, MethodTree tree) {
      int last = out.size() - 1;
      if (last >= 0 && out.get(last) instanceof Stmt.Declare d && d.var() == result) {
        if (d.init() instanceof Expr.NewArray) {
          return new Expr.Ref(result); // a new array, its own
        }
        if (d.init() instanceof Expr.Ref || d.init() instanceof Expr.Index) {
          out.remove(last);
          return d.init();
        }
      }
      throw reporter.abort(
          Tag.UNSUPPORTED,
          "'" + tree.getName() + "' returns an array other than by one return at its end of an array"
              + " variable, a row m[i] or a new array: end it with one such return",
          tree,
          unit);
    }

    /**
     * A call of a method with a {@code @DerivativeOf} rule: the rule gives the value and partials,
     * as a {@code @Differentiable} callee's generated method does.
     */
    private Expr ruleCall(ExecutableElement m, List<CustomRule> custom, List<Expr> args, MethodInvocationTree t) {
      String name = m.getSimpleName().toString();
      CustomRule rule = custom.get(0);
      if (custom.size() > 1) {
        throw reporter.abort(
            Tag.SIGNATURE,
            "two rules declare the derivative of " + rule.primal() + ": " + rule.display() + " and "
                + custom.get(1).display() + "; keep one",
            t,
            unit);
      }
      String pkg = Resolver.packageOf(owner).getQualifiedName().toString();
      if (rule.onlyIn() != null && !rule.onlyIn().equals(pkg)) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "rule " + rule.display() + " for " + rule.primal() + " is not public (nor its class or"
                + " record), so the gradient class in package '" + pkg + "' cannot call it: make"
                + " them public",
            t,
            unit);
      }
      Expr.DiffCall call =
          new Expr.DiffCall(
              new Callee(
                  Resolver.owner((TypeElement) m.getEnclosingElement()),
                  rule.owner(),
                  name,
                  rule.name(),
                  rule.paramTypes(),
                  rule.accessors(),
                  rule.record(),
                  Resolver.visibleFrom(m, Resolver.packageOf(owner)),
                  rule.overloaded(),
                  java.util.Set.of(),
                  java.util.Set.of(),
                  Type.DOUBLE),
              args);
      position(call, t);
      return call;
    }

    private String describe(List<Type> types) {
      StringBuilder b = new StringBuilder();
      for (Type type : types) {
        b.append(b.length() == 0 ? "" : ", ").append(type == null ? "?" : type.toString());
      }
      return b.toString();
    }

    /**
     * Reads what runs only sometimes, or again and again (a branch of {@code ?:}, a loop
     * condition): the statements it needs first are collected apart, for the caller to place.
     */
    private <T> Read<T> apart(java.util.function.Supplier<T> read) {
      List<Stmt> outer = prelude;
      prelude = new ArrayList<>();
      try {
        T value = read.get();
        return new Read<>(value, prelude);
      } finally {
        prelude = outer;
      }
    }

    /** Where statements must run before an expression but nothing may: a caller's last resort. */
    private AbortMethod noPrelude(Tree t) {
      return reporter.abort(
          Tag.UNSUPPORTED,
          "'" + t + "' runs statements (a helper's body, an assignment, a switch) where backprop"
              + " cannot place them: compute it into a local variable first",
          t,
          unit);
    }

    /**
     * {@code earlier}, an operand Java evaluates before the statements {@code later} (an
     * assignment or a helper's body inside a later operand): held in a local first where {@code
     * later} changes what it reads, as in {@code x + (x = 3)}. {@code later} then joins the prelude.
     */
    private Expr settle(Expr earlier, List<Stmt> later) {
      if (later.isEmpty()) {
        return earlier;
      }
      Expr out = snapshot(earlier, Walk.assigned(later));
      prelude.addAll(later);
      return out;
    }

    /** As {@link #settle} for operands evaluated in order: each before all that follow it. */
    private void settleAll(List<Expr> earlier, List<Stmt> later) {
      if (later.isEmpty()) {
        return;
      }
      java.util.Set<Var> written = Walk.assigned(later);
      earlier.replaceAll(e -> snapshot(e, written));
      prelude.addAll(later);
    }

    /** The element an assignment writes, its indices evaluated before {@code later}. */
    private Expr.Index settlePlace(Expr.Index place, List<Stmt> later) {
      if (later.isEmpty()) {
        return place;
      }
      Expr.Index out = place(place, Walk.assigned(later));
      prelude.addAll(later);
      return out;
    }

    private Expr.Index place(Expr.Index i, java.util.Set<Var> written) {
      Expr array = i.array() instanceof Expr.Index inner ? place(inner, written) : i.array();
      return new Expr.Index(array, snapshot(i.index(), written), i.type());
    }

    private Expr snapshot(Expr e, java.util.Set<Var> written) {
      if (Calls.isObject(e) || java.util.Collections.disjoint(Walk.vars(e), written)) {
        return e;
      }
      Var v = Var.temp("_e", e.type());
      prelude.add(new Stmt.Declare(v, e));
      return new Expr.Ref(v);
    }

    private static boolean isIncrement(Tree t) {
      return t.getKind() == Tree.Kind.PREFIX_INCREMENT || t.getKind() == Tree.Kind.PREFIX_DECREMENT
          || t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
    }

    /**
     * An assignment or increment used as a value, {@code y = x++} or {@code while ((x = f(x)) > 1)}:
     * the assignment runs first, as a statement, and the value is what it assigned; {@code x++}
     * is the value before, kept in a local.
     */
    private Expr assignmentValue(ExpressionTree t) {
      if (prelude == null) {
        throw noPrelude(t);
      }
      boolean postfix = t.getKind() == Tree.Kind.POSTFIX_INCREMENT || t.getKind() == Tree.Kind.POSTFIX_DECREMENT;
      if (t instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree id
          && lookupAny(id.getName().toString()) instanceof RecordValue) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "an assignment to a record variable used as a value is not supported: assign it in a"
                + " statement of its own, then read it",
            t,
            unit);
      }
      List<Stmt> before = prelude;
      prelude = new ArrayList<>();
      Stmt stmt;
      try {
        stmt = effect(t);
      } finally {
        List<Stmt> own = prelude;
        prelude = before;
        prelude.addAll(own);
      }
      Expr place;
      if (stmt instanceof Stmt.Assign a) {
        place = new Expr.Ref(a.var());
      } else if (stmt instanceof Stmt.Store st) {
        place = st.target();
      } else {
        throw unsupported(t);
      }
      Expr value = place;
      if (postfix) {
        Var old = Var.temp("_old", place.type());
        prelude.add(new Stmt.Declare(old, place));
        value = new Expr.Ref(old);
      }
      remember(stmt, t);
      prelude.add(stmt);
      return value;
    }

    /**
     * The angle of {@code FastMath.sinCos(angle)} (Hipparchus's {@code SinCos}), or null if
     * {@code t} is no such call.
     */
    private Expr sinCosAngle(ExpressionTree t) {
      while (t instanceof ParenthesizedTree p) {
        t = p.getExpression();
      }
      if (!(t instanceof MethodInvocationTree call)
          || !(call.getMethodSelect() instanceof MemberSelectTree ms)
          || !ms.getIdentifier().contentEquals("sinCos")
          || call.getArguments().size() != 1) {
        return null;
      }
      TypeElement owner = resolver.type(ms.getExpression());
      if (owner == null || !MathRules.OWNERS.contains(owner.getQualifiedName().toString())) {
        return null;
      }
      Expr angle = expr(call.getArguments().get(0));
      if (!angle.type().isNumeric()) {
        throw reporter.abortQuietly();
      }
      return angle.type().equals(Type.DOUBLE) ? angle : new Expr.Cast(Type.DOUBLE, angle);
    }

    /** {@code sc.sin()} of a {@code SinCos} local, or {@code FastMath.sinCos(x).cos()}; else null. */
    private Expr sinCosPart(MemberSelectTree ms, MethodInvocationTree t) {
      String part = ms.getIdentifier().toString();
      if (!t.getArguments().isEmpty() || !(part.equals("sin") || part.equals("cos"))) {
        return null;
      }
      ExpressionTree of = ms.getExpression();
      if (of instanceof IdentifierTree id && lookupAny(id.getName().toString()) instanceof SinCos sc) {
        return new Expr.Ref(part.equals("sin") ? sc.sin() : sc.cos());
      }
      Expr angle = sinCosAngle(of);
      if (angle == null) {
        return null;
      }
      MemberSelectTree inner = (MemberSelectTree) ((MethodInvocationTree) of).getMethodSelect();
      Expr call = new Expr.Call(Resolver.owner(resolver.type(inner.getExpression())), part, List.of(angle), Type.DOUBLE);
      position(call, t);
      return call;
    }

    /** {@code if (!condition) break;}: a loop condition that needs statements, tested in the body. */
    private Stmt exitUnless(Expr condition, LoopId loop) {
      return new Stmt.If(
          new Expr.Unary(Op.NOT, condition, Type.BOOLEAN),
          new Stmt.Block(List.of(new Stmt.Break(loop))),
          new Stmt.Block(List.of()));
    }

    private static Stmt.Block join(List<Stmt> first, List<Stmt> then) {
      List<Stmt> all = new ArrayList<>(first);
      all.addAll(then);
      return new Stmt.Block(all);
    }

    /** What {@link SwitchLowering} needs of this session. */
    private final class SwitchReader implements SwitchLowering.Reader {
      @Override
      public Expr expr(ExpressionTree t) {
        return Session.this.expr(t);
      }

      @Override
      public Expr value(ExpressionTree t) {
        return calls.typed(Session.this.value(t));
      }

      @Override
      public Expr enumConstant(Type type, ExpressionTree label) {
        TypeElement e = elements.getTypeElement(type.ref().canonicalName());
        String name = label instanceof IdentifierTree id ? id.getName().toString() : null;
        for (Element c : e == null || name == null ? List.<Element>of() : e.getEnclosedElements()) {
          if (c.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT && c.getSimpleName().contentEquals(name)) {
            return new Expr.Constant(type.ref(), name, type);
          }
        }
        throw reporter.abortQuietly(); // javac: not a constant of the enum
      }

      @Override
      public Stmt.Block block(List<? extends StatementTree> statements) {
        return Session.this.block(statements);
      }

      @Override
      public void enterSwitch(LoopId id) {
        loopScopes.push(new LoopScope(id, true));
      }

      @Override
      public void exitSwitch() {
        loopScopes.pop();
      }

      @Override
      public List<Stmt> prelude() {
        return prelude;
      }

      @Override
      public boolean inScope(String name) {
        return declaredLocally(name);
      }

      @Override
      public AbortMethod error(String message, Tree at) {
        return reporter.abort(Tag.UNSUPPORTED, message, at, unit);
      }

      @Override
      public AbortMethod quiet() {
        return reporter.abortQuietly();
      }

      @Override
      public Expr caseValue(ExpressionTree t, List<Stmt> before) {
        Read<Expr> read = apart(() -> Session.this.value(t));
        before.addAll(read.before());
        Expr e = read.value();
        if (aggregateOf(e) == null && Calls.isObject(e)) {
          throw calls.notHere(t);
        }
        return e;
      }

      @Override
      public boolean isRecord(Expr e) {
        return aggregateOf(e) != null;
      }

      @Override
      public List<Stmt> giveRecord(Var result, Expr e, Tree at) {
        RecordValue r = aggregateOf(e);
        RecordValue target = switchRecords.get(result);
        if (target == null) {
          if (r.hasArrays()) {
            throw notARecordPlace(at, r); // an array component cannot be chosen at run time
          }
          List<Stmt> declarations = new ArrayList<>();
          target = freshRecord(r.type, "_sw", at, declarations);
          switchRecords.put(result, target);
          switchDeclarations.put(result, declarations);
        } else if (!target.type.equals(r.type)) {
          throw reporter.abortQuietly(); // javac: incompatible types
        }
        List<Stmt> out = new ArrayList<>();
        assignParts(target, r, java.util.Set.of(), out);
        return out;
      }

      @Override
      public Expr recordResult(Var result, Stmt chain, Tree at) {
        if (prelude == null) {
          throw noPrelude(at);
        }
        prelude.addAll(switchDeclarations.remove(result));
        prelude.add(chain);
        RecordValue r = switchRecords.remove(result);
        root.fresh.add(r);
        return aggregate(r);
      }
    }

    /** The record a switch expression gives, by the placeholder its lowering assigns, and its locals' declarations. */
    private final Map<Var, RecordValue> switchRecords = new IdentityHashMap<>();

    private final Map<Var, List<Stmt>> switchDeclarations = new IdentityHashMap<>();

    private AbortMethod unsupported(Tree t) {
      return reporter.abort(
          Tag.UNSUPPORTED, io.github.backprop.processor.diag.UnsupportedKinds.messageFor(t.getKind().name()), t, unit);
    }

    private void remember(Stmt stmt, Tree tree) {
      position(stmt, tree);
      sources.put(stmt, sourceText(tree));
    }

    private Tree loopBody(Tree tree) {
      if (tree instanceof LabeledStatementTree l) {
        return loopBody(l.getStatement());
      }
      if (tree instanceof ForLoopTree f) {
        return f.getStatement();
      }
      if (tree instanceof EnhancedForLoopTree f) {
        return f.getStatement();
      }
      if (tree instanceof WhileLoopTree w) {
        return w.getStatement();
      }
      return null;
    }

    private String sourceText(Tree tree) {
      try {
        if (text == null) {
          text = unit.getSourceFile().getCharContent(true);
        }
        long start = sourcePositions.getStartPosition(unit, tree);
        long end = sourcePositions.getEndPosition(unit, tree);
        if (start < 0 || end <= start) {
          return tree.toString();
        }
        Tree head = tree instanceof IfTree i ? i.getCondition() : tree;
        if (head != tree) {
          end = sourcePositions.getEndPosition(unit, head);
        }
        if (tree instanceof DoWhileLoopTree d) {
          // A do loop's comment is its test: do ... while (y < 3)
          long c = sourcePositions.getStartPosition(unit, d.getCondition());
          long ce = sourcePositions.getEndPosition(unit, d.getCondition());
          return "do ... while " + text.subSequence((int) c, (int) ce).toString().replaceAll("\\s+", " ").trim();
        }
        Tree body = loopBody(tree);
        if (body != null) {
          // A loop's comment is its header: for (int i = 0; i < n; i++)
          end = sourcePositions.getStartPosition(unit, body);
        }
        return text.subSequence((int) start, (int) end).toString().replaceAll("\\s+", " ").trim();
      } catch (IOException | RuntimeException e) {
        return tree.toString();
      }
    }
  }

  /** Whether {@code e} reads only records of data and integers: what a data array may come from. */
  private static boolean isDataValue(Expr e) {
    return e.type() != null && (e.type().prim() == Type.Prim.OBJECT || e.type().prim() == Type.Prim.LIST
        || e.type().equals(Type.INT));
  }

  /** A loop being read, for the {@code break} and {@code continue} inside it. */
  private record LoopScope(LoopId id, boolean isSwitch) {}

  /**
   * A second name for an array, e.g. {@code row} for {@code m[i]}: each use reads as the
   * expression.
   *
   * @param named whether a variable of the source carries it (not the hidden iterable of a loop)
   */
  private static final Expr TRUE = new Expr.Literal(true, Type.BOOLEAN);
  private static final Expr FALSE = new Expr.Literal(false, Type.BOOLEAN);

  /** A value read apart, and the statements that must run before it. */
  private record Read<T>(T value, List<Stmt> before) {}

  /** A Hipparchus {@code SinCos} local, held as its two values. */
  private record SinCos(Var sin, Var cos) {}

  private record Alias(Expr expr, String source, boolean named) {
    String describe(String name) {
      return named ? "'" + name + "' (" + source + ")" : "the loop over " + source;
    }
  }

  static Op binaryOp(Tree.Kind kind) {
    switch (kind) {
      case PLUS:
        return Op.ADD;
      case MINUS:
        return Op.SUB;
      case MULTIPLY:
        return Op.MUL;
      case DIVIDE:
        return Op.DIV;
      case REMAINDER:
        return Op.REM;
      case LESS_THAN:
        return Op.LT;
      case LESS_THAN_EQUAL:
        return Op.LE;
      case GREATER_THAN:
        return Op.GT;
      case GREATER_THAN_EQUAL:
        return Op.GE;
      case EQUAL_TO:
        return Op.EQ;
      case NOT_EQUAL_TO:
        return Op.NE;
      case CONDITIONAL_AND:
        return Op.AND;
      case CONDITIONAL_OR:
        return Op.OR;
      case LEFT_SHIFT:
        return Op.SHL;
      case RIGHT_SHIFT:
        return Op.SHR;
      case UNSIGNED_RIGHT_SHIFT:
        return Op.USHR;
      case AND:
        return Op.BITAND;
      case OR:
        return Op.BITOR;
      case XOR:
        return Op.XOR;
      default:
        return null;
    }
  }

  private static Op arithmetic(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT:
        return Op.ADD;
      case MINUS_ASSIGNMENT:
        return Op.SUB;
      case MULTIPLY_ASSIGNMENT:
        return Op.MUL;
      case DIVIDE_ASSIGNMENT:
        return Op.DIV;
      case LEFT_SHIFT_ASSIGNMENT:
        return Op.SHL;
      case RIGHT_SHIFT_ASSIGNMENT:
        return Op.SHR;
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return Op.USHR;
      case AND_ASSIGNMENT:
        return Op.BITAND;
      case OR_ASSIGNMENT:
        return Op.BITOR;
      case XOR_ASSIGNMENT:
        return Op.XOR;
      default:
        return Op.REM;
    }
  }
}
