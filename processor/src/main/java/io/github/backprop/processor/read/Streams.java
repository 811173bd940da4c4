package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;

/**
 * Recognises a sequential stream pipeline of numbers as written, e.g. {@code
 * IntStream.range(0, n).mapToDouble(i -> w[i] * x[i]).sum()} or {@code
 * Arrays.stream(x).map(v -> v * v).sum()}, so the reader can run it as the loop it performs.
 * Only the shape is read here; the reader reads the lambdas' bodies.
 */
final class Streams {
  private Streams() {}

  /** Where the elements come from. */
  enum SourceKind {
    /** {@code Arrays.stream(a)} or {@code Arrays.stream(a, from, to)}. */
    ARRAY,
    /** {@code DoubleStream.of(...)} or {@code IntStream.of(...)}. */
    OF,
    /** {@code IntStream.range(lo, hi)}. */
    RANGE,
    /** {@code IntStream.rangeClosed(lo, hi)}. */
    RANGE_CLOSED,
    /** {@code rows.stream()} of a collection of data: its one argument is the collection. */
    COLLECTION
  }

  /** A source; {@code ints} for an IntStream. */
  record Source(SourceKind kind, boolean ints, List<? extends ExpressionTree> args, MethodInvocationTree tree) {}

  /** An intermediate operation: map, mapToDouble, filter or asDoubleStream. */
  /** One operation; {@code fn} its lambda or method reference ({@code Math::exp}), null for asDoubleStream. */
  record Op(String name, ExpressionTree fn, MethodInvocationTree tree) {}

  /**
   * The terminal operation: sum, count, toArray, reduce, or average, max or min followed by {@code
   * getAsDouble()}, {@code getAsInt()}, {@code orElseThrow()} or {@code orElse(v)} ({@code
   * optional} names that second call; {@code args} are its arguments, or reduce's).
   */
  record Terminal(String name, String optional, List<? extends ExpressionTree> args) {}

  record Pipeline(Source source, List<Op> ops, Terminal terminal) {}

  /** What a pipeline may not contain, and what to write instead; thrown by {@link #match}. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Tree at;

    Unsupported(String message, Tree at) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  private static final Set<String> OPS = Set.of("map", "mapToDouble", "filter", "asDoubleStream");
  private static final Set<String> OPTIONALS = Set.of("getAsDouble", "getAsInt", "orElseThrow", "orElse");

  /**
   * The pipeline {@code t} ends, or null if {@code t} is no call on a stream of {@code Arrays},
   * {@code DoubleStream} or {@code IntStream}; {@code classOf} resolves a class name.
   */
  static Pipeline match(MethodInvocationTree t, Function<ExpressionTree, TypeElement> classOf) {
    if (!(t.getMethodSelect() instanceof MemberSelectTree ms)) {
      return null;
    }
    String name = ms.getIdentifier().toString();
    ExpressionTree receiver = ms.getExpression();
    String optional = null;
    List<? extends ExpressionTree> args = t.getArguments();
    if (OPTIONALS.contains(name)) {
      if (!(strip(receiver) instanceof MethodInvocationTree inner) || !(inner.getMethodSelect() instanceof MemberSelectTree ims)) {
        return null;
      }
      optional = name;
      name = ims.getIdentifier().toString();
      receiver = ims.getExpression();
      if (!inner.getArguments().isEmpty()) {
        return null;
      }
    }
    List<Op> ops = new ArrayList<>();
    ExpressionTree at = strip(receiver);
    while (at instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree cs) {
      Source source = source(call, cs, classOf);
      if (source != null && source.kind() == SourceKind.COLLECTION) {
        // Any object's stream(): a pipeline of ours only where every step is, else a call as written.
        try {
          java.util.Collections.reverse(ops);
          return new Pipeline(source, ops, terminal(name, optional, args, t));
        } catch (Unsupported e) {
          return null;
        }
      }
      if (source != null) {
        java.util.Collections.reverse(ops);
        Terminal terminal = terminal(name, optional, args, t);
        return new Pipeline(source, ops, terminal);
      }
      String op = cs.getIdentifier().toString();
      if (!OPS.contains(op)) {
        if (reachesSource(cs.getExpression(), classOf)) {
          throw new Unsupported(
              "the stream operation '" + op + "' is not supported: a stream pipeline may use map,"
                  + " mapToDouble, filter and asDoubleStream, and end in sum, count, toArray,"
                  + " average, max, min or reduce; or write the loop",
              call);
        }
        return null;
      }
      ExpressionTree fn = null;
      if (!op.equals("asDoubleStream")) {
        if (call.getArguments().size() != 1 || !isFunction(strip(call.getArguments().get(0)))) {
          if (reachesSource(cs.getExpression(), classOf)) {
            throw new Unsupported(
                "'" + op + "' takes a lambda or a method reference here, such as 'v -> v * v' or"
                    + " 'Math::exp'; a function object held in a variable is not supported",
                call);
          }
          return null;
        }
        fn = strip(call.getArguments().get(0));
      }
      ops.add(new Op(op, fn, call));
      at = strip(cs.getExpression());
    }
    return null;
  }

  /** A lambda, or a method reference such as {@code Math::exp} or {@code Double::sum}. */
  static boolean isFunction(ExpressionTree e) {
    return e instanceof LambdaExpressionTree || e instanceof MemberReferenceTree;
  }

  private static boolean reachesSource(ExpressionTree e, Function<ExpressionTree, TypeElement> classOf) {
    ExpressionTree at = strip(e);
    while (at instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree cs) {
      if (source(call, cs, classOf) != null && source(call, cs, classOf).kind() != SourceKind.COLLECTION) {
        return true;
      }
      at = strip(cs.getExpression());
    }
    return false;
  }

  private static Terminal terminal(String name, String optional, List<? extends ExpressionTree> args, MethodInvocationTree t) {
    boolean needsOptional = name.equals("average") || name.equals("max") || name.equals("min");
    boolean ok =
        optional == null
            ? (name.equals("sum") || name.equals("count") || name.equals("toArray")) && args.isEmpty()
                || name.equals("reduce") && args.size() == 2
            : needsOptional && (optional.equals("orElse") ? args.size() == 1 : args.isEmpty());
    if (!ok && (name.equals("forEach") || name.equals("forEachOrdered")) && optional == null && args.size() == 1) {
      throw new Unsupported(
          "a stream ended by " + name + " runs its lambda for what it writes, which backprop differentiates in a"
              + " loop, not in a stream: write the loop it stands for, " + loopFor(t, args.get(0)),
          t);
    }
    if (!ok) {
      throw new Unsupported(
          "this end of a stream pipeline ('" + (optional == null ? name : name + "()." + optional) + "') is not"
              + " supported: end it in sum(), count(), toArray(), reduce(identity, (a, b) -> ...), or"
              + " average(), max() or min() followed by getAsDouble(), orElseThrow() or orElse(v);"
              + " or write the loop",
          t);
    }
    return new Terminal(name, optional, args);
  }

  /**
   * The loop a {@code forEach} stands for: {@code for (int i = lo; i < hi; i++) {...}} of an
   * {@code IntStream.range(lo, hi)} read directly, else the loop in general terms.
   */
  private static String loopFor(MethodInvocationTree t, ExpressionTree action) {
    ExpressionTree from = strip(((MemberSelectTree) t.getMethodSelect()).getExpression());
    if (strip(action) instanceof LambdaExpressionTree lambda && lambda.getParameters().size() == 1
        && from instanceof MethodInvocationTree range && range.getMethodSelect() instanceof MemberSelectTree rs
        && (rs.getIdentifier().contentEquals("range") || rs.getIdentifier().contentEquals("rangeClosed"))
        && range.getArguments().size() == 2) {
      String i = lambda.getParameters().get(0).getName().toString();
      String body = lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION
          ? "{ " + lambda.getBody() + "; }"
          : lambda.getBody().toString().replaceAll("\\s+", " ").trim();
      return "for (int " + i + " = " + range.getArguments().get(0) + "; " + i
          + (rs.getIdentifier().contentEquals("range") ? " < " : " <= ") + range.getArguments().get(1) + "; "
          + i + "++) " + body;
    }
    return "a for loop over the same values whose body is the lambda's";
  }

  private static Source source(MethodInvocationTree call, MemberSelectTree cs, Function<ExpressionTree, TypeElement> classOf) {
    TypeElement owner = classOf.apply(cs.getExpression());
    if (owner == null) {
      boolean stream = cs.getIdentifier().contentEquals("stream") && call.getArguments().isEmpty();
      return stream ? new Source(SourceKind.COLLECTION, false, List.of(cs.getExpression()), call) : null;
    }
    String type = owner.getQualifiedName().toString();
    String name = cs.getIdentifier().toString();
    int n = call.getArguments().size();
    if (type.equals("java.util.Arrays") && name.equals("stream") && (n == 1 || n == 3)) {
      return new Source(SourceKind.ARRAY, false, call.getArguments(), call); // ints decided by the array's type
    }
    boolean doubles = type.equals("java.util.stream.DoubleStream");
    boolean ints = type.equals("java.util.stream.IntStream");
    if ((doubles || ints) && name.equals("of") && n >= 1) {
      return new Source(SourceKind.OF, ints, call.getArguments(), call);
    }
    if (ints && (name.equals("range") || name.equals("rangeClosed")) && n == 2) {
      return new Source(name.equals("range") ? SourceKind.RANGE : SourceKind.RANGE_CLOSED, true, call.getArguments(), call);
    }
    return null;
  }

  static ExpressionTree strip(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }
}
