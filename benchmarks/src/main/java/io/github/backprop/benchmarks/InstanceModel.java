package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import java.util.SplittableRandom;

/**
 * One loss written three ways, for the cost of instance methods: as a method of a model object
 * that reads its weights from a field, as a static method taking the weights, and as a
 * hand-written adjoint. A one-layer tanh regression over 256 samples of 16 features.
 */
public final class InstanceModel {
  static final int SAMPLES = 256;
  static final int FEATURES = 16;

  /** The model as a Java team writes it: weights in a field, the loss a method. */
  public static final class Model {
    final double[] w;

    public Model(double[] w) {
      this.w = w;
    }

    double predict(double[] x) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * x[j];
      }
      return Math.tanh(s);
    }

    @Differentiable(wrt = "this")
    public double loss(double[][] xs, double[] ys) {
      double total = 0;
      for (int i = 0; i < ys.length; i++) {
        double e = predict(xs[i]) - ys[i];
        total += e * e;
      }
      return total / ys.length;
    }
  }

  private InstanceModel() {}

  @Differentiable(wrt = "w")
  public static double staticLoss(double[] w, double[][] xs, double[] ys) {
    double total = 0;
    for (int i = 0; i < ys.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * xs[i][j];
      }
      double e = Math.tanh(s) - ys[i];
      total += e * e;
    }
    return total / ys.length;
  }

  /** The hand-written adjoint: adds the gradient into {@code gw}, returns the loss. */
  public static double handLoss(double[] w, double[][] xs, double[] ys, double[] gw) {
    double total = 0;
    double scale = 2.0 / ys.length;
    for (int i = 0; i < ys.length; i++) {
      double[] x = xs[i];
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * x[j];
      }
      double t = Math.tanh(s);
      double e = t - ys[i];
      total += e * e;
      double ds = scale * e * (1 - t * t);
      for (int j = 0; j < w.length; j++) {
        gw[j] += ds * x[j];
      }
    }
    return total / ys.length;
  }

  static double[] weights() {
    return Data.uniform(Data.random(71), FEATURES, -0.5, 0.5);
  }

  static double[][] inputs() {
    SplittableRandom r = Data.random(72);
    double[][] xs = new double[SAMPLES][];
    for (int i = 0; i < SAMPLES; i++) {
      xs[i] = Data.uniform(r, FEATURES, -1, 1);
    }
    return xs;
  }

  static double[] targets() {
    return Data.uniform(Data.random(73), SAMPLES, -1, 1);
  }
}
