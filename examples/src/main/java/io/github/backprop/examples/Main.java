package io.github.backprop.examples;

/** Runs every example and prints its headline numbers. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    var q = SeedsGrad.quadratic(2);
    System.out.printf("f(x) = 2x^2 - 3x + 4: f(2) = %s, f'(2) = %s%n", q.value(), q.x());
    var l = SeedsGrad.loss(3, -2, 8, -2);
    System.out.printf("L = (a*b + c)*f at (3, -2, 8, -2): L = %s, dL/da = %s, dL/db = %s, dL/dc = %s, dL/df = %s%n",
        l.value(), l.a(), l.b(), l.c(), l.f());
  }
}
