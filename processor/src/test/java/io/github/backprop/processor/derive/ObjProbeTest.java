package io.github.backprop.processor.derive;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjProbeTest {
  static String wrap(String body) {
    return "package p;\nimport io.github.backprop.Differentiable;\nimport java.util.*;\nimport org.hipparchus.geometry.euclidean.threed.Vector3D;\nclass C {\n" + body + "\n}\n";
  }

  static void probe(String name, String body) {
    Compiled c = Compiled.compileAll(Map.of("p.C", wrap(body)));
    System.out.println("=== " + name + ": " + (c.succeeded() ? "OK" : "FAIL\n" + c.diagnostics()));
  }

  @Test
  void probes() {
    probe("vec3dImported", """
        @Differentiable
        static double f(double a, double b) {
          org.hipparchus.geometry.euclidean.threed.Vector3D p = org.hipparchus.geometry.euclidean.threed.Vector3D.PLUS_I;
          Vector3D q = new Vector3D(a, b, 1);
          return q.getNorm() + p.getX();
        }""");
    probe("vec3dConst", """
        @Differentiable
        static double f(double a, double b) {
          Vector3D q = new Vector3D(1, 2, 3);
          return q.getNorm() * a;
        }""");
    probe("vec3dParam", """
        @Differentiable
        static double f(double a, Vector3D q) {
          return q.getNorm() * a;
        }""");
  }
}
