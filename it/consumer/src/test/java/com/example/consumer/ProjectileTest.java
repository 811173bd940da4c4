package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.Differentiable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class ProjectileTest {
  @Test
  void generatedGradientMatchesTheHandDerivative() {
    System.out.println("consumer built and tested on Java " + Runtime.version());
    double v = 20;
    double a = 0.5;
    var g = ProjectileGrad.range(v, a);
    assertEquals(Projectile.range(v, a), g.value());
    assertEquals(2 * v * Math.sin(2 * a) / Projectile.G, g.speed(), 1e-12);
    assertEquals(2 * v * v * Math.cos(2 * a) / Projectile.G, g.angle(), 1e-12);
    // d range / d angle is zero at 45 degrees, the angle of the longest range.
    assertEquals(0, ProjectileGrad.range(v, Math.PI / 4).angle(), 1e-12);
  }

  @Test
  void generatedSourceIsWhereIdesLookForIt() {
    // Surefire runs in the project's folder.
    assertTrue(Files.isRegularFile(Path.of(
        "target/generated-sources/annotations/com/example/consumer/ProjectileGrad.java")));
  }

  @Test
  void runtimeJarHasAnAutomaticModuleName() throws Exception {
    File jar = new File(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(jar.getName().endsWith(".jar"), jar.toString());
    try (JarFile in = new JarFile(jar)) {
      assertEquals("io.github.backprop",
          in.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }
}
