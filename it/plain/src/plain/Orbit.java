package plain;

import io.github.backprop.Differentiable;

/**
 * Compiled by the JDK's own javac with nothing but the processor jar on the processor path and
 * the runtime jar on the class path, as a Bazel, Ant or shell build would.
 */
public class Orbit {
  /** Specific orbital energy of a body at distance r with speed v around a mass with parameter mu. */
  @Differentiable
  static double energy(double r, double v, double mu) {
    return 0.5 * v * v - mu / r;
  }

  public static void main(String[] args) {
    var g = OrbitGrad.energy(2.0, 3.0, 8.0);
    // value 4.5 - 4 = 0.5; d/dr = mu / r^2 = 2; d/dv = v = 3; d/dmu = -1 / r = -0.5
    boolean ok = g.value() == 0.5 && g.r() == 2.0 && g.v() == 3.0 && g.mu() == -0.5;
    System.out.println("plain javac: energy " + g.value() + ", gradient (" + g.r() + ", " + g.v()
        + ", " + g.mu() + ")" + (ok ? "" : " WRONG"));
    if (!ok) {
      System.exit(1);
    }
  }
}
