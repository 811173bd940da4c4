package com.example.consumer;

import io.github.backprop.Differentiable;

/** A user's class: how far a projectile flies on flat ground, and (generated) how that changes. */
public final class Projectile {
  private Projectile() {}

  public static final double G = 9.81;

  /** Range v² sin(2θ) / g for launch speed v (m/s) and angle θ (radians). */
  @Differentiable
  public static double range(double speed, double angle) {
    double v2 = speed * speed;
    return v2 * Math.sin(2 * angle) / G;
  }

  public static void main(String[] args) {
    var g = ProjectileGrad.range(20, 0.5);
    System.out.printf("range %.6f m, d/dspeed %.6f, d/dangle %.6f%n", g.value(), g.speed(), g.angle());
  }
}
