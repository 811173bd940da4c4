package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.Derivations;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.interp.Agreement;
import io.github.backprop.processor.interp.Interpreter;
import io.github.backprop.processor.interp.InterpreterTest;
import io.github.backprop.processor.interp.Linker;
import io.github.backprop.processor.interp.Points;
import io.github.backprop.processor.interp.Run;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TailReturns;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passes of the derive stage tested one at a time, without javac running their output: the
 * body before and after each pass, interpreted at random points, must compute the same value
 * bit for bit and leave arrays alike.
 */
class InterpreterPassesTest {
  static Stream<Arguments> sources() {
    return Stream.of(
        Arguments.of("Interpreter", InterpreterTest.SOURCE),
        Arguments.of("StraightLine", StraightLineTest.SOURCE),
        Arguments.of("Branches", BranchesTest.SOURCE),
        Arguments.of("Loops", LoopsTest.SOURCE),
        Arguments.of("Jumps", JumpsTest.SOURCE),
        Arguments.of("Arrays", ArraysTest.SOURCE),
        Arguments.of("Realistic", RealisticTest.SOURCE));
  }

  /** Jumps, TailReturns, Hoist and Intermediates, each on the one before's output. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void thePassesBeforeDifferentiationKeepThePrimal(String name, String source) {
    Derivations d = Derivations.members(source);
    assertTrue(d.succeeded(), d::diagnostics);
    Map<String, Integer> changed = new LinkedHashMap<>();
    int checked = 0;
    for (Derivations.Derived m : d.all()) {
      if (!Agreement.plain(m) || !Points.drawable(m.model().params())) {
        continue;
      }
      MethodModel model = m.model();
      Map<Stmt, String> sources = new IdentityHashMap<>();
      model.sources().forEach((k, v) -> {
        if (k instanceof Stmt s) {
          sources.put(s, v);
        }
      });
      Var value = Var.temp("_value", model.resultType());
      Map<String, Stmt.Block> stages = new LinkedHashMap<>();
      Stmt.Block body = model.body();
      stages.put("read", body);
      body = Jumps.structure(Blocks.flatten(body, sources), value, sources);
      stages.put("jumps", body);
      body = TailReturns.normalize(body, sources);
      stages.put("tail returns", body);
      body = new Hoist(Activity.of(model.independents(), body, value), sources).block(body);
      stages.put("hoist", body);
      body = new Intermediates(Activity.of(model.independents(), body, value), sources).block(body);
      stages.put("intermediates", body);

      Stmt.Block before = null;
      for (Map.Entry<String, Stmt.Block> e : stages.entrySet()) {
        if (before != null && !before.equals(e.getValue())) {
          changed.merge(e.getKey(), 1, Integer::sum);
        }
        before = e.getValue();
      }
      Random r = new Random(model.name().hashCode());
      for (int k = 0; k < 3; k++) {
        Object[] point = Points.of(model.params(), r);
        Object[] readArgs = copy(point);
        Object expected;
        try {
          expected = run(d, model, stages.get("read"), value, readArgs);
        } catch (Interpreter.OutOfSteps | ArithmeticException | IndexOutOfBoundsException e) {
          continue; // no value to compare at this point
        }
        for (Map.Entry<String, Stmt.Block> e : stages.entrySet()) {
          Object[] args = copy(point);
          String where = model.name() + java.util.Arrays.deepToString(point) + " after " + e.getKey();
          Object actual = run(d, model, e.getValue(), value, args);
          Agreement.same(expected, actual, where);
          Agreement.same(readArgs, args, where + ": arrays");
        }
        checked++;
      }
    }
    System.out.println("InterpreterPassesTest " + name + ": " + checked + " points; bodies each pass changed: " + changed);
    assertTrue(checked > 0, "no method checked");
  }

  /** A body as the passes leave it: its return's value, or the result variable {@code Jumps} sets. */
  private static Object run(Derivations d, MethodModel model, Stmt.Block body, Var value, Object[] args) {
    Interpreter in = new Interpreter(new Linker(d.loader()));
    return Run.body(model, body, value, in, args);
  }

  private static Object[] copy(Object[] point) {
    return Agreement.copy(point);
  }

  /**
   * {@link AdjointCopies} and {@link DeadAdjoints} on gradients made foldable on purpose: each
   * gradient read through a copy {@code double _d_g = _d_x;}, each update of a double adjoint in
   * the reverse sweep multiplied by a seed {@code double _d_one = 1.0;}, and a dead adjoint
   * {@code _d_dead} updated beside it. The passes must remove all three and keep every value.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void foldingAndDroppingAdjointsKeepTheGradient(String name, String source) {
    Derivations d = Derivations.members(source);
    assertTrue(d.succeeded(), d::diagnostics);
    int checked = 0;
    int folded = 0;
    for (Derivations.Derived m : d.all()) {
      if (!Agreement.plain(m) || !Points.drawable(m.model().params())) {
        continue;
      }
      GradMethod original = m.grad();
      Unfolded u = unfold(original);
      AdjointCopies.Folded f = DeadAdjoints.drop(AdjointCopies.fold(u.grad.forward(), u.grad.reverse(), u.grad.gradients()));
      GradMethod after =
          new GradMethod(original.declarations(), f.forward(), original.allocations(), f.reverse(), original.value(), f.gradients(),
              original.accumulators());
      List<Stmt> all = new ArrayList<>(f.forward());
      all.addAll(f.reverse());
      for (Var v : u.added) {
        for (Stmt s : all) {
          Walk.each(s, x -> assertFalse(
              x instanceof Stmt.Declare dc && dc.var() == v || x instanceof Stmt.Assign a && a.var() == v,
              () -> m.model().name() + ": " + v + " is left after the passes"));
        }
        for (Expr g : f.gradients()) {
          assertFalse(Walk.vars(g).contains(v), () -> m.model().name() + ": " + v + " is left in a gradient");
        }
      }
      folded += u.added.size();
      Random r = new Random(m.model().name().hashCode());
      for (int k = 0; k < 3; k++) {
        Object[] point = Points.of(m.model().params(), r);
        Run.Gradient expected;
        try {
          expected = Run.gradient(m.model(), original, new Interpreter(new Linker(d.loader())), copy(point));
        } catch (Interpreter.OutOfSteps | ArithmeticException | IndexOutOfBoundsException e) {
          continue;
        }
        String where = m.model().name() + java.util.Arrays.deepToString(point);
        Run.Gradient unfolded = Run.gradient(m.model(), u.grad, new Interpreter(new Linker(d.loader())), copy(point));
        Agreement.same(expected.gradients(), unfolded.gradients(), where + ": the unfolded input (the test's own rewrite)");
        Run.Gradient actual = Run.gradient(m.model(), after, new Interpreter(new Linker(d.loader())), copy(point));
        Agreement.same(expected.value(), actual.value(), where + ": value after AdjointCopies and DeadAdjoints");
        Agreement.same(unfolded.gradients(), actual.gradients(), where + ": gradient after AdjointCopies and DeadAdjoints");
        checked++;
      }
    }
    System.out.println("InterpreterPassesTest " + name + ": " + checked + " points; " + folded + " adjoints added and folded");
    assertTrue(checked > 0 && folded > 0, "nothing checked");
  }

  private record Unfolded(GradMethod grad, List<Var> added) {}

  private static Unfolded unfold(GradMethod g) {
    List<Var> added = new ArrayList<>();
    Var one = Var.adjointOf(Var.temp("one", Type.DOUBLE));
    Var dead = Var.adjointOf(Var.temp("dead", Type.DOUBLE));
    List<Stmt> reverse = new ArrayList<>();
    boolean seeded = false;
    for (Stmt s : g.reverse()) {
      if (s instanceof Stmt.Assign a && a.op() == Expr.Op.ADD && a.var().kind() == Var.Kind.ADJOINT
          && a.var().type().equals(Type.DOUBLE)) {
        if (!seeded) {
          reverse.add(new Stmt.Declare(one, new Expr.Literal(1.0, Type.DOUBLE)));
          reverse.add(new Stmt.Declare(dead, new Expr.Literal(0.0, Type.DOUBLE)));
          added.add(one);
          added.add(dead);
          seeded = true;
        }
        Expr seededValue = new Expr.Binary(Expr.Op.MUL, a.value(), new Expr.Ref(one), Type.DOUBLE);
        reverse.add(new Stmt.Assign(a.var(), Expr.Op.ADD, seededValue));
        reverse.add(new Stmt.Assign(dead, Expr.Op.ADD, new Expr.Binary(Expr.Op.MUL, a.value(), new Expr.Literal(2.0, Type.DOUBLE), Type.DOUBLE)));
        continue;
      }
      reverse.add(s);
    }
    List<Expr> gradients = new ArrayList<>();
    for (Expr e : g.gradients()) {
      if (e instanceof Expr.Ref ref && ref.var().kind() == Var.Kind.ADJOINT && ref.var().type().equals(Type.DOUBLE)) {
        Var copy = Var.adjointOf(Var.temp("g", Type.DOUBLE));
        reverse.add(new Stmt.Declare(copy, e));
        added.add(copy);
        gradients.add(new Expr.Ref(copy));
      } else {
        gradients.add(e);
      }
    }
    return new Unfolded(
        new GradMethod(g.declarations(), g.forward(), g.allocations(), reverse, g.value(), gradients, g.accumulators()), added);
  }
}
