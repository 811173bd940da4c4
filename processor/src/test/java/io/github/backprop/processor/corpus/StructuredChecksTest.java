package io.github.backprop.processor.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus checks on records and objects: an instance method's receiver as its first argument,
 * a record parameter written in braces, each compared part by part with the tangent record's
 * components. Hand-written gradient classes stand in for generated ones, one right and one wrong
 * in a single partial, so the checks are seen to accept the one and reject the other.
 */
class StructuredChecksTest {
  private static final String MODEL =
      """
      package %s;

      class Model {
        final double[] w;
        double b;
        int calls;

        Model(double[] w, double b, int calls) {
          this.w = w;
          this.b = b;
          this.calls = calls;
        }

        double loss(double x) {
          return b * x * x + w[0] * w[1] * x;
        }
      }
      """;

  private static final String MODEL_GRAD =
      """
      package %s;

      final class ModelGrad {
        static Loss loss(Model self, double x) {
          double db = x * x;
          return new Loss(self.loss(x), new ModelTangent(new double[] {self.w[1] * x, self.w[0] * x}, %s),
              2 * self.b * x + self.w[0] * self.w[1]);
        }

        static LossJvp lossJvp(Model self, double x, ModelTangent _t_self, double _t_x) {
          Loss g = loss(self, x);
          double t = g.self().w()[0] * _t_self.w()[0] + g.self().w()[1] * _t_self.w()[1] + g.self().b() * _t_self.b() + g.x() * _t_x;
          return new LossJvp(g.value(), t);
        }

        record Loss(double value, ModelTangent self, double x) {}

        record LossJvp(double value, double tangent) {}

        record ModelTangent(double[] w, double b) {}
      }
      """;

  private static final String PRICE =
      """
      package %s;

      final class Pricing {
        record Option(double strike, double vol, String name) {}

        static double price(Option o, double spot) {
          return spot * spot / o.strike() + o.vol() * spot;
        }
      }
      """;

  private static final String PRICE_GRAD =
      """
      package %s;

      final class PricingGrad {
        static Price price(Pricing.Option o, double spot) {
          return new Price(Pricing.price(o, spot),
              new OptionTangent(-spot * spot / (o.strike() * o.strike()), %s), 2 * spot / o.strike() + o.vol());
        }

        record Price(double value, OptionTangent o, double spot) {}

        record OptionTangent(double strike, double vol) {}
      }
      """;

  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "right.Model", MODEL.formatted("right"),
              "right.ModelGrad", MODEL_GRAD.formatted("right", "db"),
              "wrong.Model", MODEL.formatted("wrong"),
              "wrong.ModelGrad", MODEL_GRAD.formatted("wrong", "db + 0.01"),
              "right.Pricing", PRICE.formatted("right"),
              "right.PricingGrad", PRICE_GRAD.formatted("right", "spot"),
              "wrong.Pricing", PRICE.formatted("wrong"),
              "wrong.PricingGrad", PRICE_GRAD.formatted("wrong", "spot * 1.001")));

  private static CorpusUnit unit(String pkg, String className, String method, String... points) {
    return new CorpusUnit(pkg + "." + className + "." + method, pkg, className, "", method, null, List.of(points), "test", false);
  }

  private static ClassLoader loader() {
    assertTrue(C.succeeded(), C.diagnostics());
    return C.loadClass("right.Model").getClassLoader();
  }

  @Test
  void anInstanceMethodsReceiverIsCheckedFieldByField() {
    String[] points = {"{[0.5, -2], 1.5, 7}, 0.25", "{[3, 1], -0.5, 0}, -2"};
    assertNull(CorpusGradCheck.check(loader(), unit("right", "Model", "loss", points)));
    String wrong = CorpusGradCheck.check(loader(), unit("wrong", "Model", "loss", points));
    assertTrue(wrong != null && wrong.contains("d/dself.b"), wrong);
  }

  @Test
  void forwardModeTakesATangentOfTheReceiver() {
    String[] points = {"{[0.5, -2], 1.5, 7}, 0.25"};
    assertNull(CorpusModeCheck.forward(loader(), unit("right", "Model", "loss", points)));
    String wrong = CorpusModeCheck.forward(loader(), unit("wrong", "Model", "loss", points));
    assertTrue(wrong != null && wrong.contains("finite differences"), wrong);
  }

  @Test
  void aRecordParameterIsCheckedComponentByComponent() {
    String[] points = {"{95, 0.2, \"call\"}, 100", "{110, 0.35, \"put\"}, 90"};
    assertNull(CorpusGradCheck.check(loader(), unit("right", "Pricing", "price", points)));
    String wrong = CorpusGradCheck.check(loader(), unit("wrong", "Pricing", "price", points));
    assertTrue(wrong != null && wrong.contains("d/do.vol"), wrong);
  }

  /** Tangent records flatten as the Hessian does: an array of them leaf by leaf over the elements. */
  @Test
  void anArrayOfRecordsFlattensComponentByComponent() {
    record Inner(double a, double b) {}
    record Outer(Inner in, double[] c) {}
    Outer[] parts = {new Outer(new Inner(1, 2), new double[] {3, 4}), new Outer(new Inner(5, 6), new double[] {7, 8})};
    List<Double> out = new ArrayList<>();
    Structured.flatten(parts, out);
    assertArrayEquals(new double[] {1, 5, 2, 6, 3, 4, 7, 8}, out.stream().mapToDouble(Double::doubleValue).toArray());
    // An Object[] of arguments' gradients is flattened one after the other, whatever they hold.
    List<Double> all = new ArrayList<>();
    Structured.flatten(new Object[] {new Inner(9, 10), 11.0, parts}, all);
    assertEquals(List.of(9.0, 10.0, 11.0, 1.0, 5.0, 2.0, 6.0, 3.0, 4.0, 7.0, 8.0), all);
  }
}
