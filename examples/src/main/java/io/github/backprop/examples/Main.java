package io.github.backprop.examples;

/** Runs every example and prints its headline numbers. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("== f(x) = 2x^2 - 3x + 4: exact f'(x) = 4x - 3 beside a finite difference (h = 1e-6)");
    for (double x : new double[] {2, 6, -2, 0.75}) {
      var g = SeedsGrad.quadratic(x);
      double fd = FiniteDifference.central(Seeds::quadratic, x, 1e-6);
      System.out.printf("   x = %5.2f   f = %8.4f   backprop f' = %6.2f   finite difference = %.10f%n", x, g.value(), g.x(), fd);
    }

    System.out.println("== d = a*b + c at (3, -2, 8)");
    var d = SeedsGrad.affine(3, -2, 8);
    System.out.printf("   d = %s   dd/da = %s   dd/db = %s   dd/dc = %s%n", d.value(), d.a(), d.b(), d.c());

    System.out.println("== L = (a*b + c)*f at (3, -2, 8, -2)");
    var l = SeedsGrad.loss(3, -2, 8, -2);
    System.out.printf("   L = %s   dL/da = %s   dL/db = %s   dL/dc = %s   dL/df = %s%n", l.value(), l.a(), l.b(), l.c(), l.f());

    System.out.println("== f = (a + b)*c at (5, -3, -2), then one gradient-ascent step of 0.01");
    var s = SeedsGrad.sumTimes(5, -3, -2);
    System.out.printf("   f = %s   df/da = %s   df/db = %s   df/dc = %s%n", s.value(), s.a(), s.b(), s.c());
    System.out.printf("   after one step: f = %.4f%n", Seeds.ascentStep(5, -3, -2, 0.01));
  }
}
